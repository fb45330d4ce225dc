//! PETRARCH-2 transformation rules (`~ a (a b ATTACK) SAY = a b 015` in CAMEO.2.0.txt).
//!
//! A rule rewrites a *nested* event — an event whose target is itself an event, as in
//! "X said Y attacked Z" (`SAY` with the clause "Y attacked Z" as its complement) — into
//! one plain event. The left side reads `source target VERB`, where the target is either
//! an actor term or a parenthesised sub-event `(source target VERB)`:
//!
//! * a lower-case variable (`a`, `b`) binds an actor code; a variable used twice must
//!   bind the same code both times (`a (a b ATTACK) SAY`: the sayer is the attacker);
//! * `_` matches any actor, `.` matches a missing actor (`---`);
//! * a verb name (`SAY`, `ATTACK`) matches the events its verb's code stands for: the
//!   code itself, and for a code ending in zeros (`190`) every code under that root
//!   (`19x`, `19xx`), as PETRARCH-2's masks on its hexadecimal codes do; `Q` matches
//!   any code and binds it.
//!
//! The right side `x y CODE` gives the new event: the actors bound to `x` and `y` and
//! `CODE`, or the code bound to `Q`. Rules are tried in dictionary order; the first that
//! matches wins.

use annalist_dict::{TransformTerm, Transformation};

use crate::compile::{Compiled, EvCode, Origin};

/// A term of a compiled left side.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Term {
    /// `_`: any actor.
    Any,
    /// `.`: no actor.
    None,
    /// A variable, by index into the rule's variable table.
    Var(u8),
    /// A sub-event: source, target, verb.
    Event(Box<[Term; 3]>),
    /// A verb: the event code it stands for (see [`code_matches`]).
    Verb(Box<str>),
    /// `Q`: any event code, bound for the right side.
    AnyVerb,
}

/// One compiled rule.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    /// `source target VERB` of the outer event.
    pub(crate) lhs: [Term; 3],
    pub(crate) vars: u8,
    /// Right side: source variable, target variable.
    pub(crate) rhs_source: u8,
    pub(crate) rhs_target: u8,
    /// The code, or `None` for `Q`.
    pub(crate) rhs_code: Option<Box<str>>,
    pub(crate) origin: Origin,
}

/// An event as the rules see it: actor codes with their slots, and a target that may be
/// an event.
pub(crate) struct Nested<'a> {
    pub(crate) source: (&'a str, Option<u32>),
    pub(crate) target: Target<'a>,
    pub(crate) code: &'a str,
}

pub(crate) enum Target<'a> {
    Actor(&'a str, Option<u32>),
    Event(&'a Nested<'a>),
}

/// What a matching rule produces.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rewritten<'a> {
    pub(crate) source: (&'a str, Option<u32>),
    pub(crate) target: (&'a str, Option<u32>),
    pub(crate) code: &'a str,
}

/// Does event code `code` fall under verb code `verb`?
pub(crate) fn code_matches(verb: &str, code: &str) -> bool {
    if verb == code {
        return true;
    }
    let root: &str = verb.trim_end_matches('0');
    root.len() >= 2 && root.len() < verb.len() && code.starts_with(root)
}

/// Compile the dictionary's rules against its verbs; rules naming a verb that is not in
/// the dictionary (or has no single code) can never match and are left out.
pub(crate) fn compile(c: &Compiled, rules: &[Transformation]) -> Vec<Rule> {
    rules.iter().filter_map(|t| compile_one(c, t)).collect()
}

fn compile_one(c: &Compiled, t: &Transformation) -> Option<Rule> {
    let mut vars: Vec<&str> = Vec::new();
    let lhs: [Term; 3] = event_terms(c, &t.lhs, &mut vars)?;
    let [src, tgt, code] = t.rhs.as_slice() else {
        return None;
    };
    let var = |name: &str| -> Option<u8> {
        vars.iter()
            .position(|v| *v == name)
            .and_then(|i| u8::try_from(i).ok())
    };
    let rhs_code: Option<Box<str>> = if code == "Q" {
        if !contains_any_verb(&lhs) {
            return None;
        }
        None
    } else {
        Some(code.as_str().into())
    };
    Some(Rule {
        rhs_source: var(src)?,
        rhs_target: var(tgt)?,
        rhs_code,
        vars: u8::try_from(vars.len()).ok()?,
        lhs,
        origin: Origin {
            file: t.loc.file.clone(),
            line: t.loc.line,
            text: format!("~ {}", t.raw),
        },
    })
}

fn contains_any_verb(terms: &[Term]) -> bool {
    terms.iter().any(|t| match t {
        Term::AnyVerb => true,
        Term::Event(inner) => contains_any_verb(&inner[..]),
        _ => false,
    })
}

/// `source target VERB` → three compiled terms.
fn event_terms<'t>(
    c: &Compiled,
    terms: &'t [TransformTerm],
    vars: &mut Vec<&'t str>,
) -> Option<[Term; 3]> {
    let [src, tgt, verb] = terms else {
        return None;
    };
    let verb: Term = match verb {
        TransformTerm::Verb(name) if name == "Q" => Term::AnyVerb,
        TransformTerm::Verb(name) => Term::Verb(verb_code(c, name)?.into()),
        _ => return None,
    };
    Some([actor_term(c, src, vars)?, actor_term(c, tgt, vars)?, verb])
}

fn actor_term<'t>(c: &Compiled, term: &'t TransformTerm, vars: &mut Vec<&'t str>) -> Option<Term> {
    match term {
        TransformTerm::Var(v) if v == "_" => Some(Term::Any),
        TransformTerm::Var(v) if v == "." => Some(Term::None),
        TransformTerm::Var(v) => {
            let i: usize = match vars.iter().position(|x| *x == v.as_str()) {
                Some(i) => i,
                None => {
                    vars.push(v);
                    vars.len() - 1
                }
            };
            Some(Term::Var(u8::try_from(i).ok()?))
        }
        TransformTerm::Group(inner) => Some(Term::Event(Box::new(event_terms(c, inner, vars)?))),
        TransformTerm::Verb(_) => None,
    }
}

/// The code of a verb named in a rule: its single-word form's own code.
fn verb_code<'c>(c: &'c Compiled, name: &str) -> Option<&'c str> {
    let id: u32 = c.vocab.get(name);
    let forms = c.verbs.get(&id)?;
    let form = forms
        .iter()
        .find(|f| f.before.is_empty() && f.after.is_empty())?;
    match &form.code {
        EvCode::One(code) => Some(code),
        _ => None,
    }
}

type Binding<'a> = Option<(&'a str, Option<u32>)>;

/// Variables bound without allocating.
const STACK_VARS: usize = 8;

/// Try `rule` on `event`.
pub(crate) fn apply<'a>(rule: &'a Rule, event: &Nested<'a>) -> Option<Rewritten<'a>> {
    // Rules bind a few variables: on the stack (every rule is tried on every candidate
    // pair), on the heap only past `STACK_VARS`.
    let n: usize = rule.vars as usize;
    let mut stack: [Binding<'a>; STACK_VARS] = [None; STACK_VARS];
    let mut heap: Vec<Binding<'a>>;
    let vars: &mut [Binding<'a>] = if n <= STACK_VARS {
        &mut stack[..n]
    } else {
        heap = vec![None; n];
        &mut heap
    };
    let mut q: Option<&'a str> = None;
    if !match_event(&rule.lhs, event, vars, &mut q) {
        return None;
    }
    let get = |i: u8| vars.get(i as usize).copied().flatten();
    Some(Rewritten {
        source: get(rule.rhs_source)?,
        target: get(rule.rhs_target)?,
        code: match &rule.rhs_code {
            Some(code) => code,
            None => q?,
        },
    })
}

fn match_event<'a>(
    terms: &[Term; 3],
    event: &Nested<'a>,
    vars: &mut [Binding<'a>],
    q: &mut Option<&'a str>,
) -> bool {
    let verb_ok: bool = match &terms[2] {
        Term::Verb(code) => code_matches(code, event.code),
        Term::AnyVerb => {
            *q = Some(event.code);
            true
        }
        _ => false,
    };
    if !verb_ok || !match_actor(&terms[0], event.source, vars) {
        return false;
    }
    match (&terms[1], &event.target) {
        (Term::Event(inner), Target::Event(e)) => match_event(inner, e, vars, q),
        (Term::Event(_), Target::Actor(..)) => false,
        (t, Target::Actor(code, slot)) => match_actor(t, (code, *slot), vars),
        // An actor term against a sub-event: PETRARCH-2 looks at the sub-event's
        // source.
        (t, Target::Event(e)) => match_actor(t, e.source, vars),
    }
}

fn match_actor<'a>(term: &Term, actor: (&'a str, Option<u32>), vars: &mut [Binding<'a>]) -> bool {
    match term {
        Term::Any => true,
        Term::None => actor.0 == "---",
        Term::Var(i) => match vars.get_mut(*i as usize) {
            Some(Some((bound, _))) => *bound == actor.0,
            Some(slot) => {
                if actor.0 == "---" {
                    // A variable stands for an actor.
                    return false;
                }
                *slot = Some(actor);
                true
            }
            None => false,
        },
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_families() {
        assert!(code_matches("190", "190"));
        assert!(code_matches("190", "193"));
        assert!(code_matches("190", "1951"));
        assert!(!code_matches("190", "200"));
        assert!(code_matches("185", "185"));
        assert!(!code_matches("185", "186"));
        assert!(code_matches("010", "012"));
        assert!(!code_matches("010", "020"));
    }
}
