//! annalist-code: the event coder and the event record.
//!
//! [`Coder::new`] compiles PETRARCH dictionaries (read by annalist-dict) into fast
//! matchers; [`Coder::code_sentence`] / [`Coder::code_tree`] code one parsed sentence
//! into [`Event`]s, and [`Coder::code_batch`] codes many. Coding is pure: the same input
//! always gives the same events with the same ids, in the same order.
//!
//! The verb patterns of the TABARI / PETRARCH-1 dialect are matched against
//! PETRARCH-1's linear form of the parse tree (see `parselist`), whose quirks the
//! dictionaries were written against.

mod acled_index;
mod actors;
mod coder;
mod commas;
mod compile;
pub mod event;
mod options;
mod parselist;
mod verbs;

pub use coder::{BatchOutput, CodeError, Coder, SentenceInput, parse_date};
pub use event::{Acled, Actor, Attribution, Event, Location, PatternRef, Plover, Verb};
pub use options::CodingOptions;
pub use parselist::Irregular;
