//! annalist-pipeline: documents in, events out.
//!
//! One function of the documents it is given: each document is split into sentences by the
//! English front end (or, for PETRARCH XML, taken with its supplied parse trees), every
//! codable sentence is coded from its tree, and every span is moved from sentence
//! coordinates into document coordinates, so provenance points at the document text.
//! Event ids depend only on the input, so coding the same batch on any machine, in any
//! order, gives the same events.

mod casualty_events;
mod document;
mod sentences;
mod shift;

pub use document::{CodedDocument, Pipeline, SkippedSentence};
pub use sentences::{SentenceOutcome, code_text_sentences};
