//! Byte spans into an original document text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into the original document text.
///
/// Serialized as a two-element JSON array `[start, end]`. Deserializing
/// rejects `start > end`.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(into = "(u32, u32)", try_from = "(u32, u32)")]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl Span {
    /// A span from `start` to `end`; returns `None` when `start > end`.
    pub fn new(start: u32, end: u32) -> Option<Span> {
        (start <= end).then_some(Span { start, end })
    }

    /// A span from `usize` offsets; `None` when reversed or beyond `u32`.
    pub fn from_usize(start: usize, end: usize) -> Option<Span> {
        let start: u32 = u32::try_from(start).ok()?;
        let end: u32 = u32::try_from(end).ok()?;
        Span::new(start, end)
    }

    /// Length in bytes (0 for a malformed span built by hand with `start > end`).
    pub fn len(&self) -> usize {
        self.end.saturating_sub(self.start) as usize
    }

    /// Whether the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// The covered text, or `None` when the span is out of bounds or not on
    /// char boundaries of `text`.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        text.get(self.start as usize..self.end as usize)
    }

    /// The smallest span covering both `self` and `other`.
    pub fn cover(&self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// As a `usize` range, for slicing.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

impl From<Span> for (u32, u32) {
    fn from(span: Span) -> (u32, u32) {
        (span.start, span.end)
    }
}

impl TryFrom<(u32, u32)> for Span {
    type Error = String;

    fn try_from((start, end): (u32, u32)) -> Result<Span, String> {
        Span::new(start, end).ok_or_else(|| format!("span start {start} is after end {end}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_as_array() {
        let span = Span { start: 3, end: 7 };
        let json: String = serde_json::to_string(&span).expect("serialize");
        assert_eq!(json, "[3,7]");
        let back: Span = serde_json::from_str(&json).expect("deserialize");
        assert_eq!(back, span);
    }

    #[test]
    fn rejects_reversed_and_malformed_json() {
        assert!(serde_json::from_str::<Span>("[7,3]").is_err());
        assert!(serde_json::from_str::<Span>("[1]").is_err());
        assert!(serde_json::from_str::<Span>("{\"start\":1,\"end\":2}").is_err());
    }

    #[test]
    fn helpers() {
        let text = "héllo world";
        let span = Span::new(0, 6).expect("valid");
        assert_eq!(span.len(), 6);
        assert!(!span.is_empty());
        assert_eq!(span.slice(text), Some("héllo"));
        // Byte 2 is inside 'é': not a char boundary.
        assert_eq!(Span { start: 0, end: 2 }.slice(text), None);
        assert_eq!(Span { start: 0, end: 99 }.slice(text), None);
        assert!(Span { start: 4, end: 4 }.is_empty());
        assert_eq!(Span { start: 5, end: 2 }.len(), 0);
        assert_eq!(Span::new(5, 2), None);
        assert_eq!(
            Span { start: 1, end: 3 }.cover(Span { start: 2, end: 9 }),
            Span { start: 1, end: 9 }
        );
    }
}
