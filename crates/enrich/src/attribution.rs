//! Attribution: who says so.
//!
//! Patterns, per sentence:
//! * "X cited / quoted Y as saying ..." → chain `[X, Y]` (outermost first);
//! * "according to X" → `[X]`;
//! * "X said / says / told Y / added / reported / stated / announced ..." → `[X]`;
//! * "..., said X." / "..., X said." (quote first) → `[X]`.
//!
//! X is the noun phrase next to the speech verb: capitalised words, possessives and a
//! few function words ("Iranian Foreign Ministry Spokesman Saeed Khatibzadeh", "Russia’s
//! Interfax news agency", "the parliament", "he"). Every link carries its text and span;
//! `code` is filled when the speaker overlaps or equals a coded actor of the story.
//! A speaker that refers back to the last link of an earlier chain ("The parliament
//! added ..." after "... cited Armenia’s parliament as saying") reuses that chain.

use std::sync::OnceLock;

use annalist_code::{Attribution, Event};
use annalist_text::Span;

use crate::words::{Word, WordSet, split_words};

/// One attribution found in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct AttributionChain {
    /// Outermost source first.
    pub chain: Vec<Attribution>,
    /// Document byte span of the speech verb ("said", "cited", "according").
    pub verb_span: (usize, usize),
}

const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "reported",
    "reports",
    "stated",
    "states",
    "announced",
    "announces",
    "claimed",
    "claims",
    "declared",
    "declares",
    "confirmed",
    "confirms",
    "insisted",
    "noted",
    "wrote",
    "writes",
    "explained",
    "warned",
    "alleged",
    "quoted",
    "cited",
    "spoke",
];

/// Words allowed inside a speaker phrase besides capitalised words.
fn phrase_word(word: &Word<'_>) -> bool {
    // Capitalised or not (ALL-CAPS copy), these end a speaker phrase.
    if matches!(
        word.lower.as_ref(),
        "has"
            | "have"
            | "had"
            | "is"
            | "are"
            | "was"
            | "were"
            | "will"
            | "would"
            | "that"
            | "which"
            | "who"
            | "on"
            | "in"
            | "at"
            | "to"
            | "by"
            | "for"
            | "with"
            | "but"
            | "when"
            | "today"
            | "yesterday"
            | "later"
            | "earlier"
            | "then"
            | "also"
            | "as"
            | "not"
            | "this"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "recently"
            | "meanwhile"
            | "however"
    ) {
        return false;
    }
    matches!(
        word.lower.as_ref(),
        "'s" | "'"
            | "of"
            | "the"
            | "news"
            | "agency"
            | "media"
            | "spokesman"
            | "spokeswoman"
            | "spokesperson"
            | "ministry"
            | "minister"
            | "parliament"
            | "official"
            | "officials"
            | "sources"
            | "source"
            | "statement"
            | "office"
            | "government"
            | "army"
            | "military"
            | "police"
            | "president"
            | "leader"
            | "foreign"
            | "defense"
            | "defence"
            | "a"
            | "an"
            | "he"
            | "she"
            | "they"
            | "it"
            | "we"
            | "state"
            | "television"
            | "tv"
            | "radio"
            | "newspaper"
            | "daily"
            | "service"
            | "press"
            | "also"
            | "and"
            | "-"
            | "senior"
            | "local"
            | "residents"
            | "witnesses"
            | "commander"
            | "forces"
            | "authorities"
    ) || (word.is_capitalized() && !word.is_punct())
}

fn is_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "they" | "it" | "we")
}

/// The speaker phrase ending right before word `end` (exclusive), scanning back.
fn phrase_before(words: &[Word<'_>], end: usize) -> Option<(usize, usize)> {
    let mut first: usize = end;
    while first > 0 && phrase_word(&words[first - 1]) {
        first -= 1;
        if is_pronoun(&words[first].lower) {
            break;
        }
    }
    // Trim leading function words and adverbs that are not part of the name.
    while first < end
        && matches!(
            words[first].lower.as_ref(),
            "and" | "also" | "-" | "'" | "'s"
        )
    {
        first += 1;
    }
    if end > first && matches!(words[end - 1].lower.as_ref(), "also" | "and" | "-") {
        return phrase_before(words, end - 1);
    }
    (first < end).then_some((first, end))
}

/// The speaker phrase starting at word `start`, scanning forward.
fn phrase_after(words: &[Word<'_>], start: usize) -> Option<(usize, usize)> {
    // "according to that garrison": a leading demonstrative belongs to the phrase.
    let mut end: usize = if matches!(
        words.get(start).map(|w: &Word<'_>| w.lower.as_ref()),
        Some("that" | "this")
    ) {
        start + 1
    } else {
        start
    };
    while end < words.len()
        && phrase_word(&words[end])
        && !(end > start && words[end].lower == "and")
    {
        if is_pronoun(&words[end].lower) {
            end += 1;
            break;
        }
        end += 1;
    }
    while end > start
        && matches!(
            words[end - 1].lower.as_ref(),
            "the" | "of" | "a" | "an" | "'s"
        )
    {
        end -= 1;
    }
    (start < end).then_some((start, end))
}

fn link(words: &[Word<'_>], text: &str, range: (usize, usize)) -> Attribution {
    let start: usize = words[range.0].start;
    let end: usize = words[range.1 - 1].end;
    let phrase: String = text.get(start..end).map(str::to_string).unwrap_or_default();
    Attribution {
        text: phrase,
        code: None,
        span: Span::from_usize(start, end),
    }
}

/// Attributions of one sentence; `text` is the document, `sentence` a span into it.
pub fn find_attributions(text: &str, sentence: Span) -> Vec<AttributionChain> {
    let Some(slice) = sentence.slice(text) else {
        return Vec::new();
    };
    let words: Vec<Word<'_>> = split_words(slice, sentence.start as usize);
    find_attributions_in_words(text, &words)
}

fn speech_verbs() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(SPEECH_VERBS))
}

/// As [`find_attributions`], over the sentence's words already split.
pub fn find_attributions_in_words(text: &str, words: &[Word<'_>]) -> Vec<AttributionChain> {
    let mut found: Vec<AttributionChain> = Vec::new();
    for (k, word) in words.iter().enumerate() {
        let w: &str = word.lower.as_ref();
        let verb_span: (usize, usize) = (word.start, word.end);
        // "according to X"
        if w == "according" && words.get(k + 1).is_some_and(|n: &Word<'_>| n.lower == "to") {
            if let Some(range) = phrase_after(words, k + 2) {
                found.push(AttributionChain {
                    chain: vec![link(words, text, range)],
                    verb_span,
                });
            }
            continue;
        }
        if !speech_verbs().contains(w) {
            continue;
        }
        // "X cited / quoted Y as saying"
        if matches!(w, "cited" | "quoted") {
            let outer: Option<(usize, usize)> = phrase_before(words, k);
            let inner: Option<(usize, usize)> = phrase_after(words, k + 1);
            if let (Some(outer), Some(inner)) = (outer, inner)
                && words
                    .get(inner.1)
                    .is_some_and(|n: &Word<'_>| n.lower == "as")
            {
                found.push(AttributionChain {
                    chain: vec![link(words, text, outer), link(words, text, inner)],
                    verb_span,
                });
            }
            continue;
        }
        // "X spoke of ... and said ...": the coordinated verb shares the last speaker.
        if k > 0 && words[k - 1].lower == "and" {
            if let Some(last) = found.last() {
                let chain: Vec<Attribution> = last.chain.clone();
                found.push(AttributionChain { chain, verb_span });
            }
            continue;
        }
        // "X has reported", "X also said": step over auxiliaries and adverbs.
        let mut end: usize = k;
        while end > 0
            && matches!(
                words[end - 1].lower.as_ref(),
                "has"
                    | "have"
                    | "had"
                    | "also"
                    | "was"
                    | "is"
                    | "were"
                    | "are"
                    | "will"
                    | "would"
                    | "did"
                    | "reportedly"
                    | "again"
                    | "then"
                    | "later"
                    | "officially"
                    | "publicly"
                    | "previously"
                    | "earlier"
                    | "recently"
                    | "today"
                    | "yesterday"
            )
        {
            end -= 1;
        }
        let before: Option<(usize, usize)> = phrase_before(words, end);
        // "..., said X." — a quote or clause before the verb, the speaker after it.
        let after_comma: bool =
            k > 0 && matches!(words[k - 1].lower.as_ref(), "," | "\"" | "”" | "'");
        let speaker: Option<(usize, usize)> = match before {
            Some(range) if !after_comma => Some(range),
            _ => phrase_after(words, k + 1).filter(|(_, end)| {
                words.get(*end).is_none_or(|n: &Word<'_>| {
                    n.is_punct() || matches!(n.lower.as_ref(), "on" | "in" | "that" | "told")
                })
            }),
        };
        // "It was reported that ...": impersonal, nobody is named.
        let impersonal = |(first, end): (usize, usize)| -> bool {
            end == first + 1 && words[first].lower == "it"
        };
        if let Some(range) = speaker.filter(|r: &(usize, usize)| !impersonal(*r)) {
            found.push(AttributionChain {
                chain: vec![link(words, text, range)],
                verb_span,
            });
        }
    }
    found
}

fn folded(text: &str) -> String {
    crate::words::normalize(text)
        .trim_start_matches("the ")
        .to_string()
}

/// Links each chain's speakers to actor codes of the story: a speaker whose span
/// overlaps a coded actor's span, or whose text equals a coded actor's text.
pub fn code_speakers(chains: &mut [AttributionChain], events: &[Event]) {
    for chain in chains.iter_mut() {
        for link in chain.chain.iter_mut() {
            if link.code.is_some() {
                continue;
            }
            let link_text: String = folded(&link.text);
            for event in events {
                for actor in [&event.source, &event.target].into_iter().flatten() {
                    let Some(code) = actor.coded() else {
                        continue;
                    };
                    let overlap: bool = match (link.span, actor.span) {
                        (Some(a), Some(b)) => a.start < b.end && b.start < a.end,
                        _ => false,
                    };
                    if overlap || folded(&actor.text) == link_text {
                        link.code = Some(code.to_string());
                    }
                }
            }
        }
    }
}

/// "The parliament added ..." after "... cited Armenia’s parliament as saying ...": when
/// a one-link chain's speaker is a definite description whose head word ends the last
/// link of an earlier chain, the earlier chain is reused with the new span appended.
pub fn extend_from_previous(chains_by_sentence: &mut [Vec<AttributionChain>]) {
    let mut previous: Option<Vec<Attribution>> = None;
    for chains in chains_by_sentence.iter_mut() {
        for chain in chains.iter_mut() {
            if chain.chain.len() == 1
                && let Some(earlier) = &previous
                && let Some(last) = earlier.last()
            {
                let speaker: String = folded(&chain.chain[0].text);
                let definite: bool =
                    crate::words::normalize(&chain.chain[0].text).starts_with("the ");
                let last_text: String = crate::words::normalize(&last.text);
                if definite
                    && earlier.len() > 1
                    && !speaker.is_empty()
                    && last_text.ends_with(&speaker)
                {
                    let mut reused: Vec<Attribution> = earlier[..earlier.len() - 1].to_vec();
                    let mut link: Attribution = last.clone();
                    link.span = chain.chain[0].span;
                    reused.push(link);
                    chain.chain = reused;
                }
            }
            previous = Some(chain.chain.clone());
        }
    }
}

/// Attaches a sentence's chains to its events (not to the speech event itself).
pub fn attribute_event(event: &mut Event, chains: &[AttributionChain]) {
    if !event.attribution.is_empty() {
        return;
    }
    let verb: Option<Span> = event.verb.as_ref().and_then(|v| v.span);
    let chosen: Option<&AttributionChain> = chains
        .iter()
        .filter(|c: &&AttributionChain| {
            verb.is_none_or(|v: Span| {
                !((v.start as usize) < c.verb_span.1 && c.verb_span.0 < v.end as usize)
            })
        })
        .min_by_key(|c: &&AttributionChain| {
            verb.map_or(0, |v: Span| (v.start as usize).abs_diff(c.verb_span.0))
        });
    if let Some(chain) = chosen {
        event.attribution = chain.chain.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chains(text: &str) -> Vec<Vec<String>> {
        let span: Span = Span::from_usize(0, text.len()).unwrap_or_default();
        find_attributions(text, span)
            .into_iter()
            .map(|c: AttributionChain| c.chain.into_iter().map(|a: Attribution| a.text).collect())
            .collect()
    }

    #[test]
    fn cited_as_saying_is_a_chain() {
        let text: &str = "Russia’s Interfax news agency cited Armenia’s parliament as saying that 15 soldiers had died.";
        assert_eq!(
            chains(text),
            [vec![
                "Russia’s Interfax news agency".to_string(),
                "Armenia’s parliament".to_string()
            ]]
        );
    }

    #[test]
    fn said_told_according_to() {
        let said: &str =
            "“We are ready,” Iranian Foreign Ministry Spokesman Saeed Khatibzadeh said on Tuesday.";
        assert_eq!(
            chains(said),
            [vec![
                "Iranian Foreign Ministry Spokesman Saeed Khatibzadeh".to_string()
            ]]
        );
        assert_eq!(
            chains("The ministry said a military operation was underway."),
            [vec!["The ministry".to_string()]]
        );
        assert_eq!(
            chains("Troops fired on protesters, according to local residents."),
            [vec!["local residents".to_string()]]
        );
        assert_eq!(
            chains("He told reporters the talks failed."),
            [vec!["He".to_string()]]
        );
        assert_eq!(
            chains("The talks failed, said Nikol Pashinyan."),
            [vec!["Nikol Pashinyan".to_string()]]
        );
        assert!(chains("Soldiers fought near the border.").is_empty());
        assert!(chains("IT WAS ALSO REPORTED THAT A SOLDIER WAS WOUNDED.").is_empty());
        assert_eq!(
            chains("ACCORDING TO THAT GARRISON, THE KIDNAPPING TOOK PLACE ON 30 DECEMBER."),
            [vec!["THAT GARRISON".to_string()]]
        );
        assert_eq!(
            chains(
                "[TEXT] THE ARCE BATTALION COMMAND HAS REPORTED THAT 50 PEASANTS WERE KIDNAPPED."
            ),
            [vec!["THE ARCE BATTALION COMMAND".to_string()]]
        );
        let coordinated: &str = "The Azeri Defense Ministry also spoke of a tense situation and said an operation was underway.";
        assert_eq!(
            chains(coordinated),
            [
                vec!["The Azeri Defense Ministry".to_string()],
                vec!["The Azeri Defense Ministry".to_string()]
            ]
        );
    }

    #[test]
    fn speakers_get_actor_codes() {
        let text: &str = "The Azeri Defense Ministry said a military operation was underway.";
        let span: Span = Span::from_usize(0, text.len()).unwrap_or_default();
        let mut found: Vec<AttributionChain> = find_attributions(text, span);
        let actor: annalist_code::Actor = annalist_code::Actor {
            text: "Azeri Defense Ministry".into(),
            code: Some("AZEGOV".into()),
            country: Some("AZE".into()),
            sector: Some("GOV".into()),
            span: Span::from_usize(4, 26),
        };
        let event: Event = Event {
            id: String::new(),
            doc_id: String::new(),
            sentence_id: String::new(),
            report_date: None,
            event_date: None,
            source: Some(actor),
            target: None,
            cameo: "010".into(),
            cameo_root: "01".into(),
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
            verb: None,
            sentence: text.into(),
            sentence_span: Some(span),
            pattern: None,
            background: false,
            issues: Vec::new(),
        };
        code_speakers(&mut found, std::slice::from_ref(&event));
        assert_eq!(found[0].chain[0].code.as_deref(), Some("AZEGOV"));
    }

    #[test]
    fn follow_up_reuses_the_chain() {
        let first: &str =
            "Interfax cited Armenia’s parliament as saying that 15 soldiers had died.";
        let second: &str = "The parliament added that 12 soldiers had been captured.";
        let text: String = format!("{first} {second}");
        let s1: Span = Span::from_usize(0, first.len()).unwrap_or_default();
        let s2: Span = Span::from_usize(first.len() + 1, text.len()).unwrap_or_default();
        let mut all: Vec<Vec<AttributionChain>> =
            vec![find_attributions(&text, s1), find_attributions(&text, s2)];
        extend_from_previous(&mut all);
        let texts: Vec<String> = all[1][0]
            .chain
            .iter()
            .map(|a: &Attribution| a.text.clone())
            .collect();
        assert_eq!(texts, ["Interfax", "Armenia’s parliament"]);
        assert_eq!(
            all[1][0].chain[1].span.and_then(|s: Span| s.slice(&text)),
            Some("The parliament")
        );
    }
}
