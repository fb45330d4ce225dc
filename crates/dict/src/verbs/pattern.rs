//! Verb pattern reader (both dialects).
//!
//! The text between `-` and `[code]` is cut into atoms at blanks, `_` and brackets. An
//! atom is `*` (the verb), `$` `+` `%` `^`, `&SYNSET` or a word. `_` written between two
//! atoms connects them (they must be adjacent); `X_ ` followed by a blank is the TABARI
//! legacy open match, read as a plain blank; a `_` ending the pattern marks the last
//! element exact (connected to the end). PETRARCH-2 adds `{...}` noun phrases and
//! `(PREP ...)` prepositional phrases.

use crate::phrase::upper;

use super::{PatternElement, PatternToken, VerbDialect};

/// A lexical item of a pattern.
#[derive(Debug, Clone, PartialEq)]
enum Lex {
    Atom(String),
    Open(char),
    Close(char),
    Join,
    Space,
}

/// Cut pattern text into lexical items. `*` always stands alone (`*SCEPTICAL` is read
/// as `* SCEPTICAL`); `**` (an old spelling of the verb) is one `*`.
fn lex(text: &str) -> Vec<Lex> {
    let star: Lex = Lex::Atom("*".to_string());
    let mut out: Vec<Lex> = Vec::new();
    let mut atom: String = String::new();
    for ch in text.chars() {
        let item: Lex = match ch {
            '_' => Lex::Join,
            '*' => star.clone(),
            '{' | '(' => Lex::Open(ch),
            '}' | ')' => Lex::Close(ch),
            c if c.is_whitespace() => Lex::Space,
            _ => {
                atom.push(ch);
                continue;
            }
        };
        let had_atom: bool = !atom.is_empty();
        if had_atom {
            out.push(Lex::Atom(std::mem::take(&mut atom)));
        }
        let repeated_star: bool = item == star && !had_atom && out.last() == Some(&star);
        let repeated_space: bool = item == Lex::Space && out.last() == Some(&Lex::Space);
        if !repeated_star && !repeated_space {
            out.push(item);
        }
    }
    if !atom.is_empty() {
        out.push(Lex::Atom(atom));
    }
    out
}

/// Does a `_` at `index` connect to something that follows directly (not a blank / end)?
fn join_connects(items: &[Lex], index: usize) -> bool {
    match items.get(index + 1) {
        None => items[..index].iter().any(|l| matches!(l, Lex::Atom(_))),
        Some(Lex::Space) => {
            // `X_ ` followed only by blanks to the end counts as a trailing `_`.
            items[index + 1..].iter().all(|l| *l == Lex::Space)
        }
        Some(_) => true,
    }
}

/// A pattern item before splitting at the verb.
#[derive(Debug)]
enum Item {
    Verb,
    Element(PatternElement),
}

/// Parser over the lexical items.
struct Parser<'a> {
    items: &'a [Lex],
    pos: usize,
    dialect: VerbDialect,
}

impl Parser<'_> {
    /// Whether a connector follows the item just consumed; consumes it.
    fn take_connector(&mut self) -> bool {
        if self.items.get(self.pos) == Some(&Lex::Join) {
            let connects: bool = join_connects(self.items, self.pos);
            self.pos += 1;
            return connects;
        }
        false
    }

    /// Parse items until `close` (or the end when `None`).
    fn sequence(&mut self, close: Option<char>, top: bool) -> Result<Vec<Item>, String> {
        let mut out: Vec<Item> = Vec::new();
        while let Some(item) = self.items.get(self.pos) {
            self.pos += 1;
            match item {
                Lex::Space | Lex::Join => {}
                Lex::Close(c) => {
                    if Some(*c) == close {
                        return Ok(out);
                    }
                    return Err(format!("unbalanced `{c}`"));
                }
                Lex::Open(c) => {
                    if self.dialect == VerbDialect::Tabari {
                        return Err(format!(
                            "`{c}` is not allowed in a TABARI pattern (disjunctive sets are not supported)"
                        ));
                    }
                    let token: PatternToken = self.group(*c)?;
                    let connected_after: bool = self.take_connector();
                    out.push(Item::Element(PatternElement {
                        token,
                        connected_after,
                    }));
                }
                Lex::Atom(atom) => {
                    if atom == "*" {
                        if !top {
                            return Err("the verb `*` cannot be inside brackets".to_string());
                        }
                        out.push(Item::Verb);
                        // The connector after `*` is read by the caller from the items.
                        continue;
                    }
                    let token: PatternToken = atom_token(atom)?;
                    let connected_after: bool = self.take_connector();
                    out.push(Item::Element(PatternElement {
                        token,
                        connected_after,
                    }));
                }
            }
        }
        match close {
            Some(c) => Err(format!("missing `{c}`")),
            None => Ok(out),
        }
    }

    /// Parse a `{...}` or `(...)` group whose opener was just consumed.
    fn group(&mut self, open: char) -> Result<PatternToken, String> {
        let close: char = if open == '{' { '}' } else { ')' };
        let inner: Vec<Item> = self.sequence(Some(close), false)?;
        let mut elements: Vec<PatternElement> = Vec::new();
        for item in inner {
            if let Item::Element(e) = item {
                elements.push(e);
            }
        }
        if open == '{' {
            if elements.is_empty() {
                return Err("empty noun phrase `{}`".to_string());
            }
            return Ok(PatternToken::NounPhrase(elements));
        }
        if elements.is_empty() {
            return Err("empty prepositional phrase `()`".to_string());
        }
        let first: PatternElement = elements.remove(0);
        match first.token {
            PatternToken::Word(preposition) => Ok(PatternToken::PrepPhrase {
                preposition,
                object: elements,
            }),
            other => Err(format!(
                "prepositional phrase must start with a preposition, not {other:?}"
            )),
        }
    }
}

/// The token for one atom.
fn atom_token(atom: &str) -> Result<PatternToken, String> {
    match atom {
        "$" => Ok(PatternToken::Source),
        "+" => Ok(PatternToken::Target),
        "%" => Ok(PatternToken::Compound),
        "^" => Ok(PatternToken::Skip),
        _ => match atom.strip_prefix('&') {
            Some("") => Err("`&` without a synset name".to_string()),
            Some(name) => Ok(PatternToken::Synset(upper(name))),
            None => Ok(PatternToken::Word(upper(atom))),
        },
    }
}

/// The pieces of a parsed pattern: lower elements, upper elements, and whether `_`
/// joins the verb to the element before / after it.
pub type PatternParts = (Vec<PatternElement>, Vec<PatternElement>, bool, bool);

/// Parse the pattern text between `-` and `[code]` into lower elements, upper elements,
/// and the connectors around the verb. `Err` says why the pattern is malformed.
pub fn parse_pattern(text: &str, dialect: VerbDialect) -> Result<PatternParts, String> {
    let items: Vec<Lex> = lex(text);
    let mut parser: Parser<'_> = Parser {
        items: &items,
        pos: 0,
        dialect,
    };
    let parsed: Vec<Item> = parser.sequence(None, true)?;
    let verb_count: usize = parsed.iter().filter(|i| matches!(i, Item::Verb)).count();
    if verb_count == 0 {
        return Err("pattern has no verb `*`".to_string());
    }
    if verb_count > 1 {
        return Err("pattern has more than one verb `*`".to_string());
    }
    let star: Option<usize> = items
        .iter()
        .position(|l| matches!(l, Lex::Atom(a) if a == "*"));
    let verb_connected_after: bool =
        star.is_some_and(|s| items.get(s + 1) == Some(&Lex::Join) && join_connects(&items, s + 1));
    let mut lower: Vec<PatternElement> = Vec::new();
    let mut upper: Vec<PatternElement> = Vec::new();
    let mut seen_verb: bool = false;
    for item in parsed {
        match item {
            Item::Verb => seen_verb = true,
            Item::Element(e) if seen_verb => upper.push(e),
            Item::Element(e) => lower.push(e),
        }
    }
    let verb_connected_before: bool = lower.last().is_some_and(|e| e.connected_after);
    Ok((lower, upper, verb_connected_before, verb_connected_after))
}
