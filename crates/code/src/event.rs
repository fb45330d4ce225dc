//! The event record: the JSON Lines contract that other tools read.
//!
//! Field names are fixed by the project's event-record contract; fields that a later stage
//! (enrichment: dates, places, casualties, attribution) fills are `None` until then.

use std::borrow::Cow;

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
    /// Two-digit CAMEO root ("19"). Codebook text is borrowed (`Cow::Borrowed`) so the
    /// coder does not allocate a copy per event; text read back (JSON, store) is owned.
    pub cameo_root: Cow<'static, str>,
    pub cameo_name: Option<Cow<'static, str>>,
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

/// An actor: the words, the full code, and the code split into country and sector.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub text: String,
    /// `None` for an uncoded actor: the verb's subject or object names no dictionary
    /// actor ("a car bomb", "the request"), but its words and span are known.
    pub code: Option<String>,
    /// The three-letter country or IGO prefix, when the code has one.
    pub country: Option<String>,
    /// The sector/agent part that follows the country (e.g. "GOV", "MIL").
    pub sector: Option<String>,
    pub span: Option<Span>,
}

impl Actor {
    /// The code, when the actor has one.
    pub fn coded(&self) -> Option<&str> {
        self.code.as_deref()
    }
}

/// Does this side name a coded actor? An uncoded actor is words only.
pub fn is_coded(actor: Option<&Actor>) -> bool {
    actor.is_some_and(|a: &Actor| a.code.is_some())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plover {
    pub event: Cow<'static, str>,
    pub mode: Option<Cow<'static, str>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Acled {
    pub event_type: Cow<'static, str>,
    pub sub_event_type: Cow<'static, str>,
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

/// An event's deterministic id: 64-bit FNV-1a over `parts` (each followed by a 0xff
/// separator, so ("ab", "c") != ("a", "bc")), as 16 lower-case hex digits. The coder and
/// the pipeline's own events (casualty reports) share it so ids never depend on who made
/// the event.
pub fn event_id(parts: &[&[u8]]) -> String {
    parts
        .iter()
        .fold(EventIdHash::new(), |hash: EventIdHash, part: &&[u8]| {
            hash.part(part)
        })
        .finish()
}

/// [`event_id`] part by part, so a prefix shared by several events (document and
/// sentence id) is hashed once.
#[derive(Debug, Clone, Copy)]
pub struct EventIdHash(u64);

impl Default for EventIdHash {
    fn default() -> EventIdHash {
        EventIdHash::new()
    }
}

impl EventIdHash {
    pub fn new() -> EventIdHash {
        EventIdHash(0xcbf2_9ce4_8422_2325)
    }

    /// Hash in one part and its 0xff separator.
    pub fn part(self, part: &[u8]) -> EventIdHash {
        const PRIME: u64 = 0x0000_0100_0000_01b3;
        let mut hash: u64 = self.0;
        for &byte in part {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(PRIME);
        }
        hash ^= 0xff;
        EventIdHash(hash.wrapping_mul(PRIME))
    }

    /// The id: 16 lower-case hex digits.
    pub fn finish(self) -> String {
        // Written by hand: `format!` costs more than the hash on the coder's hot path.
        // Digits written into an array, then one copy: a `push` per digit checks the
        // capacity each time.
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut digits: [u8; 16] = [0; 16];
        for (i, d) in digits.iter_mut().enumerate() {
            *d = HEX[((self.0 >> ((15 - i) * 4)) & 15) as usize];
        }
        String::from_utf8(digits.to_vec()).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::event_id;

    #[test]
    fn event_ids_are_16_hex_digits_and_part_boundaries_count() {
        let id: String = event_id(&[b"ab", b"c"]);
        assert_eq!(id.len(), 16);
        assert!(
            id.bytes()
                .all(|b: u8| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
        assert_ne!(id, event_id(&[b"a", b"bc"]));
        assert_eq!(id, event_id(&[b"ab", b"c"]));
    }

    #[test]
    fn event_id_digits_are_the_hash_most_significant_first() {
        assert_eq!(
            super::EventIdHash(0x0123_4567_89ab_cdef).finish(),
            "0123456789abcdef"
        );
        assert_eq!(super::EventIdHash(0xf0).finish(), "00000000000000f0");
    }
}
