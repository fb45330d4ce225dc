//! annalist-code: the event coder and the event record.
//!
//! * [`Coder::new`] compiles PETRARCH dictionaries (read by annalist-dict) into flat
//!   matchers: interned word ids, name indexes keyed by first (and second) word,
//!   verb patterns as element lists ordered from the verb outwards.
//! * [`Coder::code_sentence`] parses one sentence's Penn Treebank tree and codes it;
//!   [`Coder::code_tree`] codes an already parsed [`annalist_text::Tree`];
//!   [`Coder::code_batch`] codes many (story discards skip the rest of the document).
//! * [`CodingOptions`] holds PETRARCH's settings (`require_dyad`, `new_actor_length`,
//!   `comma_*`); [`CodingOptions::apply`] takes a `<Config option value>` record.
//!   [`CodingOptions::news`] is what the pipeline codes news text with: one-sided events
//!   (unknown side `None`), intransitives, passives after "be", reported clauses.
//!
//! Coding is pure: the same input always gives the same events, with the same ids (a
//! 64-bit FNV-1a hash of document id, sentence id, triple and verb position), in the
//! same order. Bad input gives a [`CodeError`] naming the record, never a panic.
//!
//! # How a sentence is coded (PETRARCH-1 semantics)
//!
//! The verb patterns of the TABARI / PETRARCH-1 dialect were written against
//! PETRARCH-1's linear form of the parse tree, so that form is rebuilt faithfully
//! (module `parselist`): simple noun phrases become `(NE` actor slots, possessives and
//! `X of Y` phrases are collapsed, compounds `A and B` are marked and split, verb
//! phrases are numbered. Short comma clauses are removed (`commas`). Each actor slot gets
//! the code of the first actor in it (longest name first, date-restricted codes by the
//! sentence date) plus agent prefixes/suffixes (`actors`). Each verb phrase headed by a
//! dictionary verb (multi-word verbs and passive participles included) is matched
//! against its group's patterns in dictionary order; the first match gives the code and
//! possibly `$` source, `+` target, `%` compound, `^` skips; otherwise the verb's own
//! code applies (`verbs`). Missing actors are filled in (source: first coded actor of
//! the clause; target: first coded actor after the verb), compounds and `/` codes fan
//! out, `[a:b]` codes give the event and its reciprocal, passives swap, and
//! `require_dyad` drops events with a null actor. PETRARCH-2 (CAMEO.2.0) patterns are
//! matched with the same linear matcher, their `{noun phrase}` and `(PREP object)`
//! groups flattened to words in order.

mod acled_index;
mod actors;
mod coder;
mod commas;
mod compile;
mod directed;
pub mod event;
mod options;
mod parselist;
mod reciprocal;
mod spans;
mod transform;
mod uncoded;
mod verbs;
mod voice;

pub use coder::{BatchOutput, CodeError, Coder, SentenceInput, date_string, parse_date};
pub use event::{
    Acled, Actor, Attribution, Event, EventIdHash, Location, PatternRef, Plover, Verb, event_id,
    is_coded,
};
pub use options::CodingOptions;
pub use parselist::Irregular;
