//! Arbitrary text (and arbitrary, even broken, spans) never panics, and every span we
//! return lies on char boundaries of the document.

use annalist_code::{Actor, Event, Verb};
use annalist_enrich::attribution::find_attributions;
use annalist_enrich::boilerplate::classify_sentences;
use annalist_enrich::casualties::find_casualties;
use annalist_enrich::dates::{date_event, parse_iso_date};
use annalist_enrich::places::find_places;
use annalist_enrich::{DocContext, EnrichReport, enrich};
use annalist_text::Span;
use proptest::prelude::*;

fn on_boundaries(text: &str, start: usize, end: usize) -> bool {
    start <= end && text.is_char_boundary(start) && text.is_char_boundary(end)
}

fn span_ok(text: &str, span: Option<Span>) -> bool {
    span.is_none_or(|s: Span| on_boundaries(text, s.start as usize, s.end as usize))
}

fn event(text: &str, sentence: Span, verb: (u32, u32), source: bool) -> Event {
    Event {
        id: "e".into(),
        doc_id: "d".into(),
        sentence_id: "s".into(),
        report_date: None,
        event_date: None,
        source: source.then(|| Actor {
            text: "he".into(),
            code: None,
            country: None,
            sector: None,
            span: Span::new(verb.0.saturating_sub(3), verb.0),
        }),
        target: None,
        cameo: "190".into(),
        cameo_root: "19".into(),
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
        verb: Some(Verb {
            text: "v".into(),
            span: Span::new(verb.0.min(verb.1), verb.0.max(verb.1)),
        }),
        sentence: sentence.slice(text).unwrap_or("").into(),
        sentence_span: Some(sentence),
        pattern: None,
        background: false,
        issues: Vec::new(),
    }
}

const WORDS: &[&str] = &[
    "15",
    "soldiers",
    "were",
    "killed",
    "KILLED",
    "wounded",
    "captured",
    "by",
    "Azerbaijan",
    "Armenia",
    "border",
    "with",
    "on",
    "Tuesday",
    "last",
    "November",
    "2020",
    "said",
    "cited",
    "as",
    "saying",
    "according",
    "to",
    "he",
    "the",
    "two",
    "sides",
    "each",
    "other",
    "(AFP photo)",
    "©",
    "By",
    "John",
    "Smith",
    "Home",
    ">",
    "World",
    "dozens",
    "more",
    "than",
    "6,500",
    "lives",
    "a",
    "year",
    "after",
    "é",
    "’s",
    "“",
    "\n",
    ".",
    ",",
    "Yerevan",
    "Nagorno-Karabakh",
    "twenty-five",
    "toll",
    "rose",
];

fn wordy_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 0..60).prop_map(|w: Vec<&str>| w.join(" "))
}

fn check(text: &str, cuts: &[(u32, u32)], report: &str) -> Result<(), TestCaseError> {
    let sentences: Vec<Span> = annalist_text::segment(text)
        .iter()
        .map(|s| s.span)
        .collect();
    let mut raw: Vec<Span> = cuts
        .iter()
        .map(|&(a, b)| Span {
            start: a.min(b),
            end: a.max(b),
        })
        .collect();
    raw.extend(sentences.iter().copied());
    for span in &raw {
        let slice: &str = span.slice(text).unwrap_or("");
        let base: usize = span.start as usize;
        for m in find_casualties(slice, base) {
            prop_assert!(on_boundaries(text, m.number_span.0, m.number_span.1) || slice.is_empty());
            prop_assert!(
                on_boundaries(text, m.trigger_span.0, m.trigger_span.1) || slice.is_empty()
            );
        }
        for p in find_places(slice, base, &[]) {
            prop_assert!(on_boundaries(text, p.span.0, p.span.1));
        }
        for chain in find_attributions(text, *span) {
            for link in chain.chain {
                prop_assert!(span_ok(text, link.span));
            }
        }
        let date = date_event(slice, base, Some((base, base + 1)), parse_iso_date(report));
        if let Some(resolved) = date.date
            && let Some((s, e)) = resolved.span
        {
            prop_assert!(on_boundaries(text, s, e));
        }
    }
    let verdicts = classify_sentences(text, &raw, Some(report));
    prop_assert_eq!(verdicts.len(), raw.len());
    let mut events: Vec<Event> = raw
        .iter()
        .enumerate()
        .map(|(i, s)| event(text, *s, (s.start + (i as u32 % 7), s.end), i % 2 == 0))
        .collect();
    let doc: DocContext<'_> = DocContext {
        text,
        report_date: Some(report),
        title: None,
        sentences: &raw,
    };
    let report: EnrichReport = enrich(&doc, &mut events);
    for fill in &report.coref {
        prop_assert!(span_ok(text, fill.mention_span));
    }
    for assignment in &report.casualties {
        let (s, e) = assignment.mention.number_span;
        prop_assert!(on_boundaries(text, s, e));
    }
    for e in &events {
        if let Some(location) = &e.location {
            prop_assert!(span_ok(text, location.span));
        }
        for link in &e.attribution {
            prop_assert!(span_ok(text, link.span));
        }
    }
    Ok(())
}

proptest! {
    // 64 cases by default; PROPTEST_CASES=5000 for a longer run.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v: String| v.parse().ok()).unwrap_or(64)
    ))]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,300}", cuts in prop::collection::vec((0u32..400, 0u32..400), 0..6), report in "\\PC{0,12}") {
        check(&text, &cuts, &report)?;
    }

    #[test]
    fn wordy_text_never_panics(text in wordy_text(), cuts in prop::collection::vec((0u32..400, 0u32..400), 0..6)) {
        check(&text, &cuts, "2021-11-16")?;
    }
}
