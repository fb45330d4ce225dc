//! BIO tags to labelled token spans, and byte spans back to token spans.

use std::fmt;

use serde::Serialize;

/// The actor roles of the span set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Role {
    /// Source.
    S,
    /// Target.
    T,
    /// One span that is both source and target.
    R,
}

impl Role {
    pub const ALL: [Role; 3] = [Role::S, Role::T, Role::R];

    fn from_suffix(suffix: &str) -> Option<Role> {
        match suffix {
            "S" => Some(Role::S),
            "T" => Some(Role::T),
            "R" => Some(Role::R),
            _ => None,
        }
    }
}

impl fmt::Display for Role {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let name: &str = match self {
            Role::S => "S",
            Role::T => "T",
            Role::R => "R",
        };
        f.write_str(name)
    }
}

/// Tokens `[start, end)` carrying one role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct RoleSpan {
    pub role: Role,
    pub start: usize,
    pub end: usize,
}

/// Decodes BIO tags into spans. An `I-X` that does not continue an `X` span starts one
/// (the lenient CoNLL reading), so no tagged token is lost.
pub fn decode_bio<S: AsRef<str>>(tags: &[S]) -> Vec<RoleSpan> {
    let mut spans: Vec<RoleSpan> = Vec::new();
    let mut open: Option<RoleSpan> = None;
    for (index, tag) in tags.iter().enumerate() {
        let tag: &str = tag.as_ref();
        let parsed: Option<(bool, Role)> = tag
            .split_once('-')
            .and_then(|(prefix, suffix)| Some((prefix == "B", Role::from_suffix(suffix)?)));
        match parsed {
            Some((false, role)) if open.is_some_and(|span: RoleSpan| span.role == role) => {
                if let Some(span) = open.as_mut() {
                    span.end = index + 1;
                }
            }
            Some((_, role)) => {
                spans.extend(open.take());
                open = Some(RoleSpan {
                    role,
                    start: index,
                    end: index + 1,
                });
            }
            None => spans.extend(open.take()),
        }
    }
    spans.extend(open);
    spans
}

/// The tokens `[first, last + 1)` that overlap the byte span `[start, end)`, or `None`
/// when it covers no token.
pub fn token_span(offsets: &[(u32, u32)], start: u32, end: u32) -> Option<(usize, usize)> {
    let mut covered = offsets
        .iter()
        .enumerate()
        .filter(|(_, (token_start, token_end))| *token_start < end && start < *token_end)
        .map(|(index, _)| index);
    let first: usize = covered.next()?;
    let last: usize = covered.next_back().unwrap_or(first);
    Some((first, last + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(role: Role, start: usize, end: usize) -> RoleSpan {
        RoleSpan { role, start, end }
    }

    #[test]
    fn decodes_bio() {
        let tags: [&str; 9] = ["O", "B-S", "I-S", "O", "B-T", "I-T", "B-T", "I-R", "I-R"];
        assert_eq!(
            decode_bio(&tags),
            vec![
                span(Role::S, 1, 3),
                span(Role::T, 4, 6),
                span(Role::T, 6, 7),
                span(Role::R, 7, 9),
            ]
        );
        assert_eq!(
            decode_bio(&["I-S", "I-T"]),
            vec![span(Role::S, 0, 1), span(Role::T, 1, 2)]
        );
        assert!(decode_bio::<&str>(&[]).is_empty());
    }

    #[test]
    fn byte_spans_become_token_spans() {
        // "a Swiss court rejected"
        let offsets: [(u32, u32); 4] = [(0, 1), (2, 7), (8, 13), (14, 22)];
        assert_eq!(token_span(&offsets, 2, 13), Some((1, 3)));
        assert_eq!(token_span(&offsets, 3, 9), Some((1, 3)));
        assert_eq!(token_span(&offsets, 1, 2), None);
        assert_eq!(token_span(&offsets, 14, 22), Some((3, 4)));
    }
}
