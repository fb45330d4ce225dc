//! Penn Treebank tokenisation of raw text: every token keeps its byte [`Span`] in
//! the original text and, where PTB rewrites it (`(` → `-LRB-`, `"` → ` `` `/`''`,
//! `—` → `--`), its PTB form. Splits clitics (`n't`, `'s`, `'re`, ...), keeps
//! hyphenated words, numbers with separators and abbreviations whole.

use crate::abbrev::{Abbreviation, classify};
use crate::span::Span;

/// One token: where it is in the original text, the text itself, and the form a
/// Penn Treebank tree uses for it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token<'t> {
    /// Byte span into the original text (always on char boundaries).
    pub span: Span,
    /// The original text of the token (`text[span]`).
    pub text: &'t str,
    /// The PTB form: `-LRB-`, ` `` `, `''`, `--`, `...`, `n't`, or `text` itself.
    pub word: &'t str,
}

/// Tokenizes all of `text`. See [`Tokenizer`] to reuse the output buffer.
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens: Vec<Token<'_>> = Vec::new();
    Tokenizer::new().tokenize_into(text, &mut tokens);
    tokens
}

/// Streaming tokenizer state (whether a `"` is currently open).
#[derive(Clone, Copy, Debug, Default)]
pub struct Tokenizer {
    quote_open: bool,
}

/// A piece of a chunk before it becomes a token.
#[derive(Clone, Copy, Debug)]
struct Piece {
    start: usize,
    end: usize,
    word: Option<&'static str>,
}

/// Most trailing punctuation marks peeled from one chunk.
const MAX_TRAILING: usize = 12;

/// The PTB form of a bracket or dash character, if it is one.
fn bracket_form(c: char) -> Option<&'static str> {
    Some(match c {
        '(' => "-LRB-",
        ')' => "-RRB-",
        '[' => "-LSB-",
        ']' => "-RSB-",
        '{' => "-LCB-",
        '}' => "-RCB-",
        '—' | '–' | '―' => "--",
        '…' => "...",
        '“' | '«' | '„' => "``",
        '”' | '»' => "''",
        _ => return None,
    })
}

/// Pre-tokenized text splits the possessive off with spaces ("Syria ’ s Hama province"):
/// the apostrophe token just before the chunk `s` at `start..end` becomes one `'s` token
/// over both, so the tagger sees a possessive, not an opening quote and a noun "s".
fn merge_spaced_possessive<'t>(
    text: &'t str,
    start: usize,
    end: usize,
    out: &mut Vec<Token<'t>>,
) -> bool {
    let Some(&[owner, apostrophe]) = out.last_chunk::<2>() else {
        return false;
    };
    let spaced = |left: Span, right: usize| text.get(left.end as usize..right) == Some(" ");
    let owner_is_word: bool = owner.text.chars().last().is_some_and(char::is_alphanumeric);
    if !matches!(apostrophe.text, "’" | "'")
        || !owner_is_word
        || !spaced(apostrophe.span, start)
        || !spaced(owner.span, apostrophe.span.start as usize)
    {
        return false;
    }
    let (Some(span), Some(slice)) = (
        Span::from_usize(apostrophe.span.start as usize, end),
        text.get(apostrophe.span.start as usize..end),
    ) else {
        return false;
    };
    out.pop();
    out.push(Token {
        span,
        text: slice,
        word: "'s",
    });
    true
}

/// Characters always split off the front of a chunk.
fn is_leading_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '“'
            | '„'
            | '‘'
            | '`'
            | '('
            | '['
            | '{'
            | '«'
            | '$'
            | '£'
            | '€'
            | '¥'
            | '#'
            | '¿'
            | '¡'
            | '—'
            | '–'
            | '―'
            | '…'
            | '*'
            | '•'
            | '·'
    )
}

/// Characters always split off the end of a chunk (`.` and `'` are decided separately).
fn is_trailing_punct(c: char) -> bool {
    matches!(
        c,
        '"' | '”'
            | ')'
            | ']'
            | '}'
            | '»'
            | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '%'
            | '—'
            | '–'
            | '―'
            | '…'
            | '*'
    )
}

/// Characters split out of the middle of a chunk.
fn is_inner_break(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '"'
            | '“'
            | '”'
            | ';'
            | '!'
            | '?'
            | '…'
            | '—'
            | '–'
            | '―'
            | '«'
            | '»'
    )
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

impl Tokenizer {
    /// A tokenizer with no quote open.
    pub fn new() -> Tokenizer {
        Tokenizer::default()
    }

    /// Appends the tokens of `text` to `out` (not cleared), with spans into `text`.
    pub fn tokenize_into<'t>(&mut self, text: &'t str, out: &mut Vec<Token<'t>>) {
        let mut chunk_start: Option<usize> = None;
        let bytes: &[u8] = text.as_bytes();
        let mut index: usize = 0;
        while let Some(&byte) = bytes.get(index) {
            // ASCII (most text) is tested on the byte: `char::is_whitespace` on ASCII is
            // space and \t..=\r; other characters are decoded.
            let (space, width): (bool, usize) = if byte.is_ascii() {
                (matches!(byte, b' ' | b'\t'..=b'\r'), 1)
            } else {
                match text.get(index..).and_then(|rest: &str| rest.chars().next()) {
                    Some(c) => (c.is_whitespace(), c.len_utf8()),
                    None => (false, 1),
                }
            };
            if space {
                if let Some(start) = chunk_start.take() {
                    self.chunk(text, start, index, out);
                }
            } else if chunk_start.is_none() {
                chunk_start = Some(index);
            }
            index += width;
        }
        if let Some(start) = chunk_start {
            self.chunk(text, start, text.len(), out);
        }
    }

    fn emit<'t>(&mut self, text: &'t str, piece: Piece, out: &mut Vec<Token<'t>>) {
        if piece.start >= piece.end {
            return;
        }
        let Some(slice) = text.get(piece.start..piece.end) else {
            return;
        };
        let Some(span) = Span::from_usize(piece.start, piece.end) else {
            return;
        };
        out.push(Token {
            span,
            text: slice,
            word: piece.word.unwrap_or(slice),
        });
    }

    /// PTB form of a single punctuation character at the start (`opening`) or end of a word.
    fn punct_form(&mut self, c: char, opening: bool) -> Option<&'static str> {
        match c {
            '"' => {
                self.quote_open = opening;
                Some(if opening { "``" } else { "''" })
            }
            '\'' | '’' | '‘' | '`' => Some(if opening { "`" } else { "'" }),
            '“' | '«' | '„' => {
                self.quote_open = true;
                bracket_form(c)
            }
            '”' | '»' => {
                self.quote_open = false;
                bracket_form(c)
            }
            _ => bracket_form(c),
        }
    }

    /// Splits one whitespace-free chunk `text[start..end]` into tokens.
    fn chunk<'t>(&mut self, text: &'t str, start: usize, end: usize, out: &mut Vec<Token<'t>>) {
        let Some(chunk) = text.get(start..end) else {
            return;
        };
        // Most chunks are plain words: no punctuation to peel and no inner break, so the
        // steps below would leave them whole; only clitics ("cannot") remain to split.
        if chunk.bytes().all(|b: u8| b.is_ascii_alphanumeric()) {
            // No apostrophe, so no clitic: only "cannot" splits.
            if chunk.eq_ignore_ascii_case("cannot") {
                self.word_piece(text, start, end, out);
            } else if chunk == "s" && merge_spaced_possessive(text, start, end, out) {
                // "Syria ’ s" in pre-tokenized text: done.
            } else {
                self.emit(
                    text,
                    Piece {
                        start,
                        end,
                        word: None,
                    },
                    out,
                );
            }
            return;
        }
        // A chunk that is a lone `"`: open or close by state.
        if chunk == "\"" {
            let opening: bool = !self.quote_open;
            let word: Option<&'static str> = self.punct_form('"', opening);
            self.emit(text, Piece { start, end, word }, out);
            return;
        }
        let (mut from, mut to) = (start, end);
        // Leading punctuation.
        while let Some(c) = text[from..to].chars().next() {
            let rest: &str = &text[from..to];
            if rest.starts_with("``") || rest.starts_with("''") && rest.len() > 2 {
                self.quote_open = true;
                self.emit(
                    text,
                    Piece {
                        start: from,
                        end: from + 2,
                        word: Some("``"),
                    },
                    out,
                );
                from += 2;
                continue;
            }
            if rest.starts_with("--") {
                self.emit(
                    text,
                    Piece {
                        start: from,
                        end: from + 2,
                        word: None,
                    },
                    out,
                );
                from += 2;
                continue;
            }
            let apostrophe_quote: bool = is_apostrophe(c) || c == '‘' || c == '`';
            if apostrophe_quote {
                let next: Option<char> = rest[c.len_utf8()..].chars().next();
                let is_clitic: bool = is_clitic_suffix(&rest[c.len_utf8()..]);
                if next.is_none_or(|n: char| n.is_ascii_digit()) && rest.len() > c.len_utf8() {
                    break; // '90s
                }
                if is_clitic && c != '‘' && c != '`' {
                    break; // a clitic written apart: "he 's"
                }
            } else if !is_leading_punct(c) || rest.len() == c.len_utf8() && c == '*' {
                break;
            }
            if c == '$' && rest.len() == 1 {
                break;
            }
            let word: Option<&'static str> = self.punct_form(c, true);
            let word: Option<&'static str> = match c {
                '$' | '£' | '€' | '¥' | '#' | '*' | '•' | '·' | '¿' | '¡' => None,
                _ => word,
            };
            self.emit(
                text,
                Piece {
                    start: from,
                    end: from + c.len_utf8(),
                    word,
                },
                out,
            );
            from += c.len_utf8();
        }
        // Trailing punctuation, peeled right to left.
        let mut trailing: [Piece; MAX_TRAILING] = [Piece {
            start: 0,
            end: 0,
            word: None,
        }; MAX_TRAILING];
        let mut trailing_count: usize = 0;
        while from < to && trailing_count < MAX_TRAILING {
            let rest: &str = &text[from..to];
            let Some(c) = rest.chars().next_back() else {
                break;
            };
            let width: usize = c.len_utf8();
            let piece: Option<Piece> =
                if (rest.ends_with("''") || rest.ends_with("``")) && rest.len() >= 2 {
                    // "making`` unacceptable" in some wire text: `` opens even when glued on.
                    let opening: bool = rest.ends_with("``");
                    self.quote_open = opening;
                    let word: &'static str = if opening { "``" } else { "''" };
                    Some(Piece {
                        start: to - 2,
                        end: to,
                        word: Some(word),
                    })
                } else if rest.ends_with("...") && rest.len() > 3 {
                    Some(Piece {
                        start: to - 3,
                        end: to,
                        word: None,
                    })
                } else if rest.ends_with("--") && rest.len() > 2 {
                    Some(Piece {
                        start: to - 2,
                        end: to,
                        word: None,
                    })
                } else if c == '.' {
                    self.final_period(rest, to)
                } else if is_apostrophe(c) && rest.len() > width {
                    Some(Piece {
                        start: to - width,
                        end: to,
                        word: Some("'"),
                    })
                } else if c == '\'' || c == '’' {
                    None
                } else if is_trailing_punct(c) && rest.len() > width || c == '"' || c == '”' {
                    let word: Option<&'static str> = self.punct_form(c, false);
                    Some(Piece {
                        start: to - width,
                        end: to,
                        word,
                    })
                } else {
                    None
                };
            let Some(piece) = piece else {
                break;
            };
            trailing[trailing_count] = piece;
            trailing_count += 1;
            to = piece.start;
        }
        self.middle(text, from, to, out);
        for piece in trailing[..trailing_count].iter().rev() {
            self.emit(text, *piece, out);
        }
    }

    /// Whether the final `.` of `rest` (ending at byte `to`) is split off as punctuation.
    fn final_period(&self, rest: &str, to: usize) -> Option<Piece> {
        let stem: &str = &rest[..rest.len() - 1];
        if stem.is_empty() {
            return None; // a lone "." is its own token already
        }
        if stem.ends_with('.') {
            return None; // ".." or an abbreviation like "U.S.." is left alone
        }
        match classify(stem) {
            Abbreviation::None => Some(Piece {
                start: to - 1,
                end: to,
                word: None,
            }),
            Abbreviation::NonFinal | Abbreviation::MayEnd => None,
        }
    }

    /// Splits the core of a chunk at inner breaks, then splits clitics.
    fn middle<'t>(&mut self, text: &'t str, from: usize, to: usize, out: &mut Vec<Token<'t>>) {
        let core: &str = &text[from..to];
        let bytes: &[u8] = core.as_bytes();
        let mut piece_start: usize = 0;
        let mut chars = core.char_indices().peekable();
        while let Some((offset, c)) = chars.next() {
            let next: Option<char> = chars.peek().map(|&(_, n)| n);
            let prev: Option<char> = core[..offset].chars().next_back();
            let width: usize = c.len_utf8();
            let is_break: bool = if c == '-' && next == Some('-') {
                // "--" between words
                self.word_piece(text, from + piece_start, from + offset, out);
                self.emit(
                    text,
                    Piece {
                        start: from + offset,
                        end: from + offset + 2,
                        word: None,
                    },
                    out,
                );
                chars.next();
                piece_start = offset + 2;
                continue;
            } else if is_inner_break(c) {
                true
            } else if c == ',' || c == ':' {
                let digits_around: bool = prev.is_some_and(|p: char| p.is_ascii_digit())
                    && next.is_some_and(|n: char| n.is_ascii_digit());
                let url: bool = c == ':' && core[offset..].starts_with("://");
                !digits_around && !url
            } else if c == '.' {
                // "said.The": a sentence end with the space missing.
                let after: &[u8] = bytes.get(offset + 1..).unwrap_or_default();
                prev.is_some_and(|p: char| p.is_lowercase())
                    && after.first().is_some_and(u8::is_ascii_uppercase)
                    && after.get(1).is_some_and(u8::is_ascii_lowercase)
                    && offset - piece_start >= 2
                    && !core[piece_start..offset].contains('.')
                    && classify(&core[piece_start..offset]) == Abbreviation::None
            } else {
                false
            };
            if !is_break {
                continue;
            }
            self.word_piece(text, from + piece_start, from + offset, out);
            let opening: bool = prev.is_none_or(|p: char| !p.is_alphanumeric());
            let word: Option<&'static str> = self.punct_form(c, opening);
            self.emit(
                text,
                Piece {
                    start: from + offset,
                    end: from + offset + width,
                    word,
                },
                out,
            );
            piece_start = offset + width;
        }
        self.word_piece(text, from + piece_start, to, out);
    }

    /// Emits a word, splitting clitics: `don't` → `do n't`, `Iran's` → `Iran 's`.
    fn word_piece<'t>(&mut self, text: &'t str, from: usize, to: usize, out: &mut Vec<Token<'t>>) {
        let Some(word) = text.get(from..to) else {
            return;
        };
        if word.is_empty() {
            return;
        }
        if word.eq_ignore_ascii_case("cannot") {
            self.emit(
                text,
                Piece {
                    start: from,
                    end: from + 3,
                    word: None,
                },
                out,
            );
            self.emit(
                text,
                Piece {
                    start: from + 3,
                    end: to,
                    word: None,
                },
                out,
            );
            return;
        }
        if let Some(cut) = clitic_cut(word) {
            let clitic: &str = &word[cut..];
            let form: Option<&'static str> = if clitic.contains('’') {
                Some(curly_clitic_form(clitic))
            } else {
                None
            };
            self.emit(
                text,
                Piece {
                    start: from,
                    end: from + cut,
                    word: None,
                },
                out,
            );
            self.emit(
                text,
                Piece {
                    start: from + cut,
                    end: to,
                    word: form,
                },
                out,
            );
            return;
        }
        self.emit(
            text,
            Piece {
                start: from,
                end: to,
                word: None,
            },
            out,
        );
    }
}

/// Whether `rest` (text after an apostrophe) is a clitic such as `s`, `re`, `ll`.
fn is_clitic_suffix(rest: &str) -> bool {
    ["s", "re", "ve", "ll", "d", "m"]
        .iter()
        .any(|suffix: &&str| rest.eq_ignore_ascii_case(suffix))
}

/// Where a word's clitic starts, if it has one.
fn clitic_cut(word: &str) -> Option<usize> {
    let lower_ends = |suffix: &str| -> bool {
        word.len() > suffix.len()
            && word.is_char_boundary(word.len() - suffix.len())
            && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
    };
    for negation in ["n't", "n’t"] {
        if lower_ends(negation) {
            return Some(word.len() - negation.len());
        }
    }
    let (apostrophe, c) = word.char_indices().rev().find(|&(_, c)| is_apostrophe(c))?;
    let after: &str = &word[apostrophe + c.len_utf8()..];
    let has_letter_before: bool = word[..apostrophe].chars().any(char::is_alphanumeric);
    (has_letter_before && is_clitic_suffix(after)).then_some(apostrophe)
}

/// The ASCII PTB form of a clitic written with a curly apostrophe.
fn curly_clitic_form(clitic: &str) -> &'static str {
    let Some(rest) = clitic.strip_prefix('’') else {
        return "n't";
    };
    const FORMS: [(&str, &str); 6] = [
        ("s", "'s"),
        ("re", "'re"),
        ("ve", "'ve"),
        ("ll", "'ll"),
        ("d", "'d"),
        ("m", "'m"),
    ];
    FORMS
        .iter()
        .find(|(suffix, _)| rest.eq_ignore_ascii_case(suffix))
        .map_or("'s", |&(_, form)| form)
}
