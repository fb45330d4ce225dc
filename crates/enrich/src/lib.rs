//! annalist-enrich: fills the event fields the coder leaves empty.
pub mod casualties;
pub mod coref;
pub mod dates;
pub mod gazetteer;
pub mod numbers;
pub mod attribution;
pub mod boilerplate;
pub mod places;
pub mod words;
