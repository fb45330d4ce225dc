//! Light coreference: fill missing actor codes from the story's earlier actors.
//!
//! Anaphors handled: "he", "she", "they", "him", "her", "them", "the two sides" / "both
//! sides" (with "each other" as the partner), and definite descriptions "the
//! spokesperson", "the parliament", "the ministry", "the government", "the army", "the
//! Iranian spokesperson", ... Each resolves to the most recent compatible coded actor of
//! the story (events in document order): a description matches an actor whose words or
//! sector contain its head noun (parliament ↔ LEG, ministry/government ↔ GOV, army ↔ MIL);
//! "he"/"she" match a singular actor; "they" any actor; "the two sides" the two actors of
//! the most recent event that had both.
//!
//! Only `source`/`target` that are `None` or have an empty code are filled; the filled
//! actor keeps the anaphor's own text and span, with the antecedent's code.

use annalist_code::{Actor, Event};
use annalist_text::Span;

use crate::words::{Word, split_words};

/// Which side of the event was filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Source,
    Target,
}

/// One filled actor.
#[derive(Debug, Clone, PartialEq)]
pub struct CorefFill {
    pub event: usize,
    pub role: Role,
    /// The anaphor as written.
    pub mention: String,
    pub mention_span: Option<Span>,
    /// The actor it refers to.
    pub antecedent: Actor,
    /// "the two sides": the pair's other member. The event stands for one event per
    /// member; the caller adds the partner's copy ([`pair_copy`]).
    pub partner: Option<Actor>,
}

const ROLE_NOUNS: &[(&str, &[&str])] = &[
    ("spokesperson", &["spokes"]),
    ("spokesman", &["spokes"]),
    ("spokeswoman", &["spokes"]),
    ("parliament", &["parliament", "LEG"]),
    ("legislature", &["parliament", "LEG"]),
    ("ministry", &["ministry", "GOV"]),
    ("government", &["government", "GOV"]),
    ("cabinet", &["cabinet", "GOV"]),
    ("army", &["army", "MIL"]),
    ("military", &["military", "MIL"]),
    ("troops", &["troops", "MIL"]),
    ("police", &["police", "COP"]),
    ("president", &["president", "GOV"]),
    ("minister", &["minister", "GOV"]),
    ("rebels", &["rebel", "REB"]),
    ("insurgents", &["insurgent", "REB"]),
    ("militants", &["militant", "REB"]),
    ("group", &["group"]),
    ("agency", &["agency"]),
];

/// An anaphor found in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anaphor {
    pub text: String,
    pub span: (usize, usize),
    pub kind: AnaphorKind,
}

/// What an anaphor can refer to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnaphorKind {
    /// "he", "she", "him", "her".
    Person,
    /// "they", "them".
    Plural,
    /// "the two sides", "both sides".
    BothSides,
    /// "each other" (the partner of `BothSides`).
    EachOther,
    /// "the parliament": the keys to look for in actor text or code.
    Description(&'static [&'static str], Option<String>),
}

fn anaphor_at(words: &[Word<'_>], k: usize) -> Option<(AnaphorKind, usize)> {
    let w: &str = words.get(k)?.lower.as_ref();
    let next: &str = words.get(k + 1).map_or("", |n: &Word<'_>| n.lower.as_ref());
    let after: &str = words.get(k + 2).map_or("", |n: &Word<'_>| n.lower.as_ref());
    match w {
        "he" | "she" | "him" | "her" => return Some((AnaphorKind::Person, k + 1)),
        "they" | "them" => return Some((AnaphorKind::Plural, k + 1)),
        "each" if next == "other" => return Some((AnaphorKind::EachOther, k + 2)),
        "both" if is_pair_noun(next) => return Some((AnaphorKind::BothSides, k + 2)),
        "the" if next == "two" && is_pair_noun(after) => {
            return Some((AnaphorKind::BothSides, k + 3));
        }
        "the"
            if matches!(
                next,
                "arch-foes" | "archfoes" | "arch-rivals" | "archrivals"
            ) =>
        {
            return Some((AnaphorKind::BothSides, k + 2));
        }
        _ => {}
    }
    if w != "the" {
        return None;
    }
    // "the parliament", "the Iranian spokesperson": one optional modifier.
    for (offset, head) in [(1usize, next), (2usize, after)] {
        if let Some((_, keys)) = ROLE_NOUNS.iter().find(|(noun, _)| *noun == head) {
            let modifier: Option<String> = (offset == 2)
                .then(|| crate::places::demonym_country(next).map(str::to_string))
                .flatten();
            if offset == 2 && modifier.is_none() && !words[k + 1].is_capitalized() {
                return None;
            }
            return Some((AnaphorKind::Description(keys, modifier), k + offset + 1));
        }
    }
    None
}

/// "the two sides / countries / neighbors", "both nations": a pair named by what it is.
fn is_pair_noun(word: &str) -> bool {
    matches!(
        word,
        "sides"
            | "countries"
            | "nations"
            | "states"
            | "neighbors"
            | "neighbours"
            | "rivals"
            | "foes"
            | "governments"
            | "parties"
    )
}

/// Anaphors in a span of words (document offsets).
pub fn find_anaphors(words: &[Word<'_>], text: &str) -> Vec<Anaphor> {
    let mut found: Vec<Anaphor> = Vec::new();
    let mut k: usize = 0;
    while k < words.len() {
        if let Some((kind, end)) = anaphor_at(words, k) {
            let span: (usize, usize) = (words[k].start, words[end - 1].end);
            found.push(Anaphor {
                text: text.get(span.0..span.1).unwrap_or("").to_string(),
                span,
                kind,
            });
            k = end;
        } else {
            k += 1;
        }
    }
    found
}

fn is_plural_text(text: &str) -> bool {
    let last: &str = text.split_whitespace().last().unwrap_or("");
    let lower: String = last.to_lowercase();
    (lower.ends_with('s')
        && !lower.ends_with("ss")
        && last.chars().next().is_some_and(char::is_lowercase))
        || matches!(lower.as_str(), "forces" | "people" | "police")
}

/// Does `actor` fit the anaphor?
pub fn compatible(kind: &AnaphorKind, actor: &Actor) -> bool {
    match kind {
        AnaphorKind::Person => !is_plural_text(&actor.text),
        AnaphorKind::Plural => true,
        AnaphorKind::BothSides | AnaphorKind::EachOther => false,
        AnaphorKind::Description(keys, modifier) => {
            let text: String = actor.text.to_lowercase();
            let sector: &str = actor.sector.as_deref().unwrap_or("");
            let key_match: bool = keys.iter().any(|key: &&str| {
                if key.chars().all(|c: char| c.is_ascii_uppercase()) {
                    sector.contains(key) || code_text(actor).contains(key)
                } else {
                    text.contains(key)
                }
            });
            let country_match: bool = modifier.as_ref().is_none_or(|iso3: &String| {
                actor.country.as_deref() == Some(iso3.as_str())
                    || code_text(actor).starts_with(iso3.as_str())
            });
            key_match && country_match
        }
    }
}

fn has_code(actor: &Option<Actor>) -> bool {
    actor
        .as_ref()
        .is_some_and(|a: &Actor| !code_text(a).is_empty())
}

/// The party an actor belongs to for "the two sides": its country or group code. Actors
/// without one ("---PKO" peacekeepers, uncoded words) are nobody's side, and two bodies of
/// one state (ARMLEG, ARM) are one side.
fn party(actor: &Actor) -> Option<&str> {
    code_text(actor).get(..3).filter(|p: &&str| *p != "---")
}

/// The actor's code, "" for an uncoded actor (its words only).
fn code_text(actor: &Actor) -> &str {
    actor.code.as_deref().unwrap_or("")
}

fn event_order(event: &Event) -> (u32, u32) {
    let sentence: u32 = event.sentence_span.map_or(0, |s: Span| s.start);
    let verb: u32 = event
        .verb
        .as_ref()
        .and_then(|v| v.span)
        .map_or(sentence, |s: Span| s.start);
    (sentence, verb)
}

/// Fills missing `source` / `target` codes from earlier actors of the story. `text` is
/// the document; events need `sentence_span` and `verb.span` for anaphors to be found.
pub fn resolve_coreference(text: &str, events: &mut [Event]) -> Vec<CorefFill> {
    resolve_coreference_split(text, events, |_| None)
}

/// [`resolve_coreference`] with `split(span)` giving the words of a sentence the caller has
/// already split (`split_words` over `span`'s text), so it is not split again.
pub fn resolve_coreference_split<'w>(
    text: &str,
    events: &mut [Event],
    split: impl Fn(Span) -> Option<&'w [Word<'w>]>,
) -> Vec<CorefFill> {
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by_key(|&i: &usize| event_order(&events[i]));
    // Earlier coded actors as (event, role): an event is final once visited, so the
    // history points at it instead of cloning every actor of the story.
    let mut history: Vec<(usize, Role)> = Vec::new();
    // Events that had two different coded actors.
    let mut pairs: Vec<Pair> = Vec::new();
    let mut fills: Vec<CorefFill> = Vec::new();
    // The anaphors of the last sentence looked at: events come in sentence order, so a
    // sentence with several events is split once.
    let mut sentence_anaphors: Option<(Span, Vec<Anaphor>)> = None;
    for (at, &index) in order.iter().enumerate() {
        // Anaphors only matter for a side without a code; most events have both.
        let (source_anaphor, target_anaphor) =
            if has_code(&events[index].source) && has_code(&events[index].target) {
                (None, None)
            } else {
                anaphors_for(text, &events[index], &split, &mut sentence_anaphors)
            };
        let mut pair_partner: Option<Actor> = None;
        if !has_code(&events[index].source)
            && let Some(anaphor) = source_anaphor
        {
            let antecedent: Option<Actor> = match anaphor.kind {
                AnaphorKind::BothSides => last_pair(events, &pairs).map(|(a, b)| {
                    pair_partner = Some(b.clone());
                    a.clone()
                }),
                _ => history
                    .iter()
                    .rev()
                    .filter_map(|&(i, role)| actor_of(events, i, role))
                    .find(|a: &&Actor| compatible(&anaphor.kind, a) && precedes(a, &anaphor))
                    .cloned(),
            };
            if let Some(antecedent) = antecedent {
                fill(
                    &mut events[index],
                    (Role::Source, index),
                    &anaphor,
                    (antecedent, pair_partner.clone()),
                    &mut fills,
                );
            }
        }
        if !has_code(&events[index].target)
            && let Some(anaphor) = target_anaphor
        {
            let mut target_partner: Option<Actor> = None;
            let source_code: Option<String> = events[index]
                .source
                .as_ref()
                .and_then(|a: &Actor| a.code.clone());
            let antecedent: Option<Actor> = match anaphor.kind {
                AnaphorKind::EachOther => pair_partner
                    .clone()
                    .or_else(|| reciprocal_partner(events, index))
                    .or_else(|| {
                        last_pair(events, &pairs).map(|(a, b)| {
                            if a.code.as_ref() == source_code.as_ref() {
                                b.clone()
                            } else {
                                a.clone()
                            }
                        })
                    }),
                // "urged the two neighbors": the member other than the source, and
                // the second member as the partner.
                AnaphorKind::BothSides => {
                    let source_party: Option<&str> = events[index].source.as_ref().and_then(party);
                    last_pair_without(events, &pairs, source_party).map(|(a, b)| {
                        target_partner = Some(b.clone());
                        a.clone()
                    })
                }
                _ => history
                    .iter()
                    .rev()
                    .filter_map(|&(i, role)| actor_of(events, i, role))
                    .find(|a: &&Actor| {
                        compatible(&anaphor.kind, a)
                            && a.code.as_ref() != source_code.as_ref()
                            && precedes(a, &anaphor)
                    })
                    .cloned(),
            };
            if let Some(antecedent) = antecedent {
                fill(
                    &mut events[index],
                    (Role::Target, index),
                    &anaphor,
                    (antecedent, target_partner),
                    &mut fills,
                );
            }
        }
        let event: &Event = &events[index];
        for (actor, role) in [(&event.source, Role::Source), (&event.target, Role::Target)] {
            if has_code(actor) {
                history.push((index, role));
            }
        }
        if let (Some(a), Some(b)) = (&event.source, &event.target)
            && let (Some(side_a), Some(side_b)) = (party(a), party(b))
            && side_a != side_b
        {
            pairs.push(((index, Role::Source), (index, Role::Target)));
        }
        if let Some(previous) = sibling_target(events, &order, at)
            && let (Some(a), Some(b)) = (&events[previous].target, &event.target)
            && let (Some(side_a), Some(side_b)) = (party(a), party(b))
            && side_a != side_b
        {
            pairs.push(((previous, Role::Target), (index, Role::Target)));
        }
    }
    fills
}

fn actor_of(events: &[Event], index: usize, role: Role) -> Option<&Actor> {
    let event: &Event = events.get(index)?;
    match role {
        Role::Source => event.source.as_ref(),
        Role::Target => event.target.as_ref(),
    }
}

/// Two actors of different parties named together: an event's source and target, or the
/// targets of one verb with two objects ("urged Azerbaijan and Armenia").
type Pair = ((usize, Role), (usize, Role));

/// The two actors of the most recent pair.
fn last_pair<'e>(events: &'e [Event], pairs: &[Pair]) -> Option<(&'e Actor, &'e Actor)> {
    let &(a, b) = pairs.last()?;
    Some((actor_of(events, a.0, a.1)?, actor_of(events, b.0, b.1)?))
}

/// The most recent pair whose two parties both differ from `party` ("Iran urged the two
/// sides": not a pair Iran belongs to).
fn last_pair_without<'e>(
    events: &'e [Event],
    pairs: &[Pair],
    party_code: Option<&str>,
) -> Option<(&'e Actor, &'e Actor)> {
    pairs.iter().rev().find_map(|&(a, b)| {
        let (a, b) = (actor_of(events, a.0, a.1)?, actor_of(events, b.0, b.1)?);
        let outside = |x: &Actor| party(x).is_some() && party(x) != party_code;
        (outside(a) && outside(b)).then_some((a, b))
    })
}

/// The target of the event visited just before `index` when it has the same verb and
/// source: one verb's second object.
fn sibling_target(events: &[Event], order: &[usize], at: usize) -> Option<usize> {
    let (index, previous) = (*order.get(at)?, *order.get(at.checked_sub(1)?)?);
    let (e, p) = (events.get(index)?, events.get(previous)?);
    let verb = |x: &Event| x.verb.as_ref().and_then(|v| v.span);
    let source_code = |x: &Event| x.source.as_ref().and_then(|a: &Actor| a.code.clone());
    (verb(e).is_some() && verb(e) == verb(p) && source_code(e) == source_code(p))
        .then_some(previous)
}

/// "Armenia and Azerbaijan accused each other": the other source of the same verb.
fn reciprocal_partner(events: &[Event], index: usize) -> Option<Actor> {
    let event: &Event = events.get(index)?;
    let verb: Span = event.verb.as_ref()?.span?;
    let own: Option<&str> = event.source.as_ref().and_then(|a: &Actor| a.coded());
    events
        .iter()
        .enumerate()
        .filter(|&(j, _)| j != index)
        .filter_map(|(_, other)| {
            let same_verb: bool = other.verb.as_ref().and_then(|v| v.span) == Some(verb);
            other
                .source
                .as_ref()
                .filter(|a: &&Actor| same_verb && !code_text(a).is_empty() && a.coded() != own)
        })
        .next()
        .cloned()
}

/// An antecedent is named before its anaphor: "He ... called on Baku and Yerevan" does
/// not make "he" Baku (the events of one sentence enter the history before its later
/// events are resolved).
fn precedes(antecedent: &Actor, anaphor: &Anaphor) -> bool {
    antecedent
        .span
        .is_none_or(|s: Span| (s.start as usize) < anaphor.span.0)
}

fn fill(
    event: &mut Event,
    (role, index): (Role, usize),
    anaphor: &Anaphor,
    (antecedent, partner): (Actor, Option<Actor>),
    fills: &mut Vec<CorefFill>,
) {
    let span: Option<Span> = Span::from_usize(anaphor.span.0, anaphor.span.1);
    let actor: Actor = Actor {
        text: anaphor.text.clone(),
        span,
        ..antecedent.clone()
    };
    match role {
        Role::Source => event.source = Some(actor),
        Role::Target => event.target = Some(actor),
    }
    fills.push(CorefFill {
        event: index,
        role,
        mention: anaphor.text.clone(),
        mention_span: span,
        antecedent,
        partner,
    });
}

/// The second event of a pair filled by "the two sides" (`fill.partner`): a copy of
/// `event` with the partner in the filled role, keeping the anaphor's words and span.
/// "The two sides accused each other": the copy's "each other" is the first member, so
/// the pair is A→B and B→A. `None` when the fill has no partner.
pub fn pair_copy(event: &Event, fill: &CorefFill) -> Option<Event> {
    let partner: &Actor = fill.partner.as_ref()?;
    let mut copy: Event = event.clone();
    let (filled, other) = match fill.role {
        Role::Source => (&mut copy.source, &mut copy.target),
        Role::Target => (&mut copy.target, &mut copy.source),
    };
    let as_partner = |actor: &Actor, to: &Actor| Actor {
        text: actor.text.clone(),
        span: actor.span,
        ..to.clone()
    };
    let filled_actor: &Actor = filled.as_ref()?;
    *filled = Some(as_partner(filled_actor, partner));
    if let Some(o) = other.as_ref()
        && o.code.is_some()
        && o.code == partner.code
    {
        *other = Some(as_partner(o, &fill.antecedent));
    }
    copy.id = annalist_code::event_id(&[event.id.as_bytes(), b"pair partner"]);
    Some(copy)
}

/// The anaphor standing as subject (nearest before the verb in its clause, or the
/// uncoded source's own span) and as object (nearest after the verb).
fn anaphors_for<'w>(
    text: &str,
    event: &Event,
    split: &impl Fn(Span) -> Option<&'w [Word<'w>]>,
    cache: &mut Option<(Span, Vec<Anaphor>)>,
) -> (Option<Anaphor>, Option<Anaphor>) {
    let Some(sentence) = event.sentence_span else {
        return (None, None);
    };
    let Some(slice) = sentence.slice(text) else {
        return (None, None);
    };
    if cache.as_ref().is_none_or(|(span, _)| *span != sentence) {
        let found: Vec<Anaphor> = match split(sentence) {
            Some(words) => find_anaphors(words, text),
            None => find_anaphors(&split_words(slice, sentence.start as usize), text),
        };
        *cache = Some((sentence, found));
    }
    let anaphors: &[Anaphor] = cache.as_ref().map_or(&[], |(_, found)| found.as_slice());
    let verb: usize = event
        .verb
        .as_ref()
        .and_then(|v| v.span)
        .map_or(sentence.start as usize, |s: Span| s.start as usize);
    let inside = |span: Option<Span>, a: &Anaphor| -> bool {
        span.is_some_and(|s: Span| (s.start as usize) <= a.span.0 && a.span.1 <= s.end as usize)
    };
    let source_span: Option<Span> = event.source.as_ref().and_then(|a| a.span);
    let target_span: Option<Span> = event.target.as_ref().and_then(|a| a.span);
    let subject: Option<Anaphor> = anaphors
        .iter()
        .find(|a: &&Anaphor| inside(source_span, a))
        .or_else(|| {
            anaphors.iter().rfind(|a: &&Anaphor| {
                a.span.1 <= verb
                    && !matches!(a.kind, AnaphorKind::EachOther)
                    && !matches!(
                        text.get(a.span.0..a.span.1)
                            .map(str::to_lowercase)
                            .as_deref(),
                        Some("him" | "them")
                    )
            })
        })
        .cloned();
    let object: Option<Anaphor> = anaphors
        .iter()
        .find(|a: &&Anaphor| inside(target_span, a))
        .or_else(|| {
            anaphors
                .iter()
                .find(|a: &&Anaphor| a.span.0 >= verb && !matches!(a.kind, AnaphorKind::BothSides))
        })
        .filter(|a: &&Anaphor| {
            !matches!(
                text.get(a.span.0..a.span.1)
                    .map(str::to_lowercase)
                    .as_deref(),
                Some("he" | "she" | "they")
            )
        })
        .cloned();
    (subject, object)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(text: &str, code: &str) -> Actor {
        Actor {
            text: text.to_string(),
            code: (!code.is_empty()).then(|| code.to_string()),
            country: code.get(..3).map(str::to_string),
            sector: code
                .get(3..)
                .filter(|s: &&str| !s.is_empty())
                .map(str::to_string),
            span: None,
        }
    }

    fn event(
        text: &str,
        sentence: &str,
        verb: &str,
        source: Option<Actor>,
        target: Option<Actor>,
    ) -> Event {
        let start: usize = text.find(sentence).unwrap_or(0);
        let verb_start: usize = start + sentence.find(verb).unwrap_or(0);
        Event {
            id: String::new(),
            doc_id: "d".into(),
            sentence_id: String::new(),
            report_date: None,
            event_date: None,
            source,
            target,
            cameo: "112".into(),
            cameo_root: "11".into(),
            cameo_name: None,
            goldstein: None,
            quad_class: None,
            penta_class: None,
            plover: None,
            acled: None,
            fatalities: None,
            injured: None,
            captured: None,
            location: None,
            attribution: Vec::new(),
            verb: Some(annalist_code::Verb {
                text: verb.into(),
                span: Span::from_usize(verb_start, verb_start + verb.len()),
            }),
            sentence: sentence.into(),
            sentence_span: Span::from_usize(start, start + sentence.len()),
            pattern: None,
            background: false,
            issues: Vec::new(),
        }
    }

    #[test]
    fn pronouns_descriptions_and_two_sides() {
        let s1: &str = "Armenia and Azerbaijan accused each other of starting the fighting.";
        let s2: &str = "The Armenian parliament condemned Azerbaijan.";
        let s3: &str = "He added that talks should resume.";
        let s4: &str = "The parliament urged calm.";
        let s5: &str = "Since the truce, the two sides have accused each other of violations.";
        let text: String = [s1, s2, s3, s4, s5].join(" ");
        let mut events: Vec<Event> = vec![
            event(
                &text,
                s1,
                "accused",
                Some(actor("Armenia", "ARM")),
                Some(actor("Azerbaijan", "AZE")),
            ),
            event(
                &text,
                s2,
                "condemned",
                Some(actor("The Armenian parliament", "ARMLEG")),
                Some(actor("Azerbaijan", "AZE")),
            ),
            event(&text, s4, "urged", None, None),
            event(&text, s5, "accused", None, None),
        ];
        let fills: Vec<CorefFill> = resolve_coreference(&text, &mut events);
        assert_eq!(
            events[2].source.as_ref().and_then(|a: &Actor| a.coded()),
            Some("ARMLEG")
        );
        assert_eq!(
            events[2].source.as_ref().map(|a: &Actor| a.text.as_str()),
            Some("The parliament")
        );
        assert_eq!(
            events[3].source.as_ref().and_then(|a: &Actor| a.coded()),
            Some("ARMLEG")
        );
        assert_eq!(
            events[3].target.as_ref().and_then(|a: &Actor| a.coded()),
            Some("AZE")
        );
        assert_eq!(fills.len(), 3);
    }

    #[test]
    fn two_sides_are_two_parties() {
        let s1: &str = "Armenia and Azerbaijan fought a war.";
        let s2: &str = "Russia has deployed peacekeepers to the region.";
        let s3: &str = "The Armenian army shelled Armenian villages.";
        let s4: &str = "Since the truce, the two sides have accused each other of violations.";
        let text: String = [s1, s2, s3, s4].join(" ");
        let mut events: Vec<Event> = vec![
            event(
                &text,
                s1,
                "fought",
                Some(actor("Armenia", "ARM")),
                Some(actor("Azerbaijan", "AZE")),
            ),
            event(
                &text,
                s2,
                "deployed",
                Some(actor("Russia", "RUS")),
                Some(actor("peacekeepers", "---PKO")),
            ),
            event(
                &text,
                s3,
                "shelled",
                Some(actor("The Armenian army", "ARMMIL")),
                Some(actor("Armenian villages", "ARM")),
            ),
            event(&text, s4, "accused", None, None),
        ];
        let fills: Vec<CorefFill> = resolve_coreference(&text, &mut events);
        let accused: &Event = &events[3];
        assert_eq!(
            accused.source.as_ref().and_then(|a: &Actor| a.coded()),
            Some("ARM")
        );
        assert_eq!(
            accused.target.as_ref().and_then(|a: &Actor| a.coded()),
            Some("AZE")
        );
        // The pair's second event: AZE accused ARM, named by the same words.
        let copy: Event = fills
            .iter()
            .filter(|f: &&CorefFill| f.event == 3)
            .find_map(|f: &CorefFill| pair_copy(accused, f))
            .expect("the two sides give a second event");
        let code = |a: &Option<Actor>| a.as_ref().and_then(|a: &Actor| a.code.clone());
        assert_eq!(code(&copy.source).as_deref(), Some("AZE"));
        assert_eq!(code(&copy.target).as_deref(), Some("ARM"));
        assert_eq!(
            copy.source.as_ref().map(|a| a.text.as_str()),
            Some("the two sides")
        );
        assert_eq!(
            copy.target.as_ref().map(|a| a.text.as_str()),
            Some("each other")
        );
        assert_ne!(copy.id, accused.id);
    }

    /// An earlier event: sentence, verb, and (text, code) of source and target.
    type Earlier<'a> = (&'a str, &'a str, (&'a str, &'a str), (&'a str, &'a str));

    /// Earlier events, then "Iran" acting on `pair` in `last`: the filled target's code and
    /// its partner copy's.
    fn two_sides_as_object(
        earlier: &[Earlier<'_>],
        last: (&str, &str, &str),
    ) -> (Option<String>, Option<String>) {
        let (sentence, verb, pair) = last;
        let mut sentences: Vec<&str> = earlier.iter().map(|e| e.0).collect();
        sentences.push(sentence);
        let text: String = sentences.join(" ");
        let at: usize = text.find(pair).unwrap_or(0);
        let mut sides: Actor = actor(pair, "");
        sides.span = Span::from_usize(at, at + pair.len());
        let mut events: Vec<Event> = earlier
            .iter()
            .map(|&(s, v, (st, sc), (tt, tc))| {
                event(&text, s, v, Some(actor(st, sc)), Some(actor(tt, tc)))
            })
            .collect();
        events.push(event(
            &text,
            sentence,
            verb,
            Some(actor("Iran", "IRN")),
            Some(sides),
        ));
        let fills: Vec<CorefFill> = resolve_coreference(&text, &mut events);
        let last: &Event = &events[events.len() - 1];
        let code = |e: &Event| e.target.as_ref().and_then(|a: &Actor| a.code.clone());
        let copy: Option<Event> = fills.iter().find_map(|f: &CorefFill| pair_copy(last, f));
        (code(last), copy.as_ref().and_then(code))
    }

    #[test]
    fn an_appeal_to_the_two_sides_goes_to_both() {
        // A pair from one event's two sides.
        let fought = "Armenia and Azerbaijan fought a war.";
        assert_eq!(
            two_sides_as_object(
                &[(fought, "fought", ("Armenia", "ARM"), ("Azerbaijan", "AZE"))],
                (
                    "Iran urged the two neighbors to stop.",
                    "urged",
                    "the two neighbors"
                ),
            ),
            (Some("ARM".into()), Some("AZE".into()))
        );
        // A pair from one verb's two objects; never a pair the speaker belongs to.
        let voiced = "Iran voiced concern over clashes between Azerbaijan and Armenia.";
        assert_eq!(
            two_sides_as_object(
                &[
                    (voiced, "voiced", ("Iran", "IRN"), ("Azerbaijan", "AZE")),
                    (voiced, "voiced", ("Iran", "IRN"), ("Armenia", "ARM")),
                ],
                (
                    "Iran is ready to help the two sides.",
                    "help",
                    "the two sides"
                ),
            ),
            (Some("AZE".into()), Some("ARM".into()))
        );
    }

    #[test]
    fn keeps_coded_actors() {
        let s1: &str = "Iran urged calm. He said so.";
        let mut events: Vec<Event> = vec![
            event(
                s1,
                "Iran urged calm.",
                "urged",
                Some(actor("Iran", "IRN")),
                None,
            ),
            event(s1, "He said so.", "said", Some(actor("He", "USA")), None),
        ];
        let fills: Vec<CorefFill> = resolve_coreference(s1, &mut events);
        assert!(fills.is_empty());
        assert_eq!(
            events[1].source.as_ref().and_then(|a: &Actor| a.coded()),
            Some("USA")
        );
    }
}
