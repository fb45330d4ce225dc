//! The event record: the JSON Lines contract that other tools read.
//!
//! Field names are fixed by the project's event-record contract; fields that a later stage
//! (enrichment: dates, places, casualties, attribution) fills are `None` until then.

use annalist_text::Span;
use serde::{Deserialize, Serialize};

/// One coded event: who did what to whom, with provenance down to byte spans.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// Deterministic id: a hash of the document id, sentence id and the coded triple
    /// with its verb span, so re-coding the same input yields the same ids.
    pub id: String,
    pub doc_id: String,
    pub sentence_id: String,
    /// Report date as `YYYY-MM-DD`, when known.
    pub report_date: Option<String>,
    /// When the event happened as `YYYY-MM-DD`, when known (filled by enrichment).
    pub event_date: Option<String>,
    pub source: Option<Actor>,
    pub target: Option<Actor>,
    /// Full CAMEO event code as produced by the dictionary (e.g. "0874", "190").
    pub cameo: String,
    /// Two-digit CAMEO root ("19").
    pub cameo_root: String,
    pub cameo_name: Option<String>,
    pub goldstein: Option<f32>,
    pub quad_class: Option<u8>,
    pub penta_class: Option<u8>,
    pub plover: Option<Plover>,
    pub acled: Option<Acled>,
    pub fatalities: Option<u32>,
    pub injured: Option<u32>,
    pub captured: Option<u32>,
    pub location: Option<Location>,
    pub attribution: Vec<Attribution>,
    pub verb: Option<Verb>,
    /// The sentence text, as it stands in the document.
    pub sentence: String,
    pub sentence_span: Option<Span>,
    /// Provenance of the code: the dictionary entry that produced it.
    pub pattern: Option<PatternRef>,
    /// True when the text places the event in the past as context rather than reporting it.
    pub background: bool,
    /// Issue codes found in the sentence (PETRARCH issue dictionary).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub issues: Vec<String>,
}

/// A coded actor: the words, the full code, and the code split into country and sector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub text: String,
    pub code: String,
    /// The three-letter country or IGO prefix, when the code has one.
    pub country: Option<String>,
    /// The sector/agent part that follows the country (e.g. "GOV", "MIL").
    pub sector: Option<String>,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    pub event: String,
    pub mode: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Acled {
    pub event_type: String,
    pub sub_event_type: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub country: Option<String>,
    pub admin1: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// How exactly the place is known: "city", "admin1", "country", "region", "inherited".
    pub precision: Option<String>,
    pub span: Option<Span>,
}

/// One link of an attribution chain: who says so.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribution {
    pub text: String,
    pub code: Option<String>,
    pub span: Option<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verb {
    pub text: String,
    pub span: Option<Span>,
}

/// Where a code came from: the dictionary file and line, and the pattern text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PatternRef {
    pub file: String,
    pub line: u32,
    pub text: String,
}
