//! The real example article (Press TV, 2021-11-16): hand-built events stand in for the
//! coder's output, and enrichment must date, count, place and attribute them.
//! Skips when ../shared is absent.

use std::path::{Path, PathBuf};

use annalist_code::{Actor, Event, Verb};
use annalist_enrich::{DocContext, EnrichReport, enrich};
use annalist_text::Span;

fn actor(text: &str, code: &str, doc: &str, near: usize) -> Actor {
    let start: usize = doc[near..].find(text).map_or(0, |i: usize| near + i);
    Actor {
        text: text.to_string(),
        code: Some(code.to_string()),
        country: code.get(..3).map(str::to_string),
        sector: code
            .get(3..)
            .filter(|s: &&str| !s.is_empty())
            .map(str::to_string),
        span: Span::from_usize(start, start + text.len()),
    }
}

/// An event whose sentence contains `anchor` and whose verb is the first `verb` after it.
fn event(
    doc: &str,
    sentences: &[Span],
    anchor: &str,
    verb: &str,
    cameo: &str,
    source: Option<(&str, &str)>,
    target: Option<(&str, &str)>,
) -> Event {
    let at: usize = doc
        .find(anchor)
        .unwrap_or_else(|| panic!("anchor {anchor:?} not in the seed"));
    let sentence: Span = *sentences
        .iter()
        .find(|s: &&Span| (s.start as usize) <= at && at < s.end as usize)
        .unwrap_or_else(|| panic!("no sentence holds {anchor:?}"));
    let verb_start: usize = at + doc[at..].find(verb).unwrap_or(0);
    let sentence_start: usize = sentence.start as usize;
    Event {
        id: format!("e{verb_start}"),
        doc_id: "seed-1".into(),
        sentence_id: format!("s{sentence_start}"),
        report_date: Some("2021-11-16".into()),
        event_date: None,
        source: source.map(|(t, c)| actor(t, c, doc, sentence_start)),
        target: target.map(|(t, c)| actor(t, c, doc, sentence_start)),
        cameo: cameo.into(),
        cameo_root: cameo.get(..2).unwrap_or("").to_string().into(),
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
            text: verb.into(),
            span: Span::from_usize(verb_start, verb_start + verb.len()),
        }),
        sentence: sentence.slice(doc).unwrap_or("").into(),
        sentence_span: Some(sentence),
        pattern: None,
        background: false,
        issues: Vec::new(),
    }
}

#[test]
fn seed_article_is_enriched() {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/seed");
    let Ok(text) = std::fs::read_to_string(dir.join("article.txt")) else {
        println!("SKIP: {} is absent", dir.display());
        return;
    };
    let sentences: Vec<Span> = annalist_text::segment(&text)
        .iter()
        .map(|s| s.span)
        .collect();
    let doc: &str = &text;
    let mut events: Vec<Event> = vec![
        event(
            doc,
            &sentences,
            "US Rep. Ilhan Omar",
            "talks",
            "040",
            Some(("Ilhan Omar", "USALEG")),
            None,
        ),
        event(
            doc,
            &sentences,
            "Iran has voiced",
            "voiced",
            "012",
            Some(("Iran", "IRN")),
            None,
        ),
        event(
            doc,
            &sentences,
            "Iranian Foreign Ministry Spokesman",
            "said",
            "010",
            Some((
                "Iranian Foreign Ministry Spokesman Saeed Khatibzadeh",
                "IRNGOV",
            )),
            None,
        ),
        event(
            doc,
            &sentences,
            "Armenia and Azerbaijan on Tuesday accused",
            "accused",
            "112",
            Some(("Armenia", "ARM")),
            Some(("Azerbaijan", "AZE")),
        ),
        event(
            doc,
            &sentences,
            "15 Armenian soldiers",
            "clashes",
            "190",
            Some(("Armenian soldiers", "ARMMIL")),
            Some(("Azerbaijan", "AZE")),
        ),
        event(
            doc,
            &sentences,
            "Tensions between Yerevan",
            "fought",
            "190",
            Some(("arch-foes", "ARM")),
            Some(("Baku", "AZE")),
        ),
        event(
            doc,
            &sentences,
            "Since the truce",
            "accused",
            "112",
            None,
            None,
        ),
        event(
            doc,
            &sentences,
            "Russian media reported",
            "asked",
            "020",
            Some(("Armenia", "ARM")),
            Some(("Moscow", "RUS")),
        ),
    ];
    let context: DocContext<'_> = DocContext {
        text: doc,
        report_date: Some("2021-11-16"),
        title: None,
        sentences: &sentences,
    };
    let mut unsegmented: Vec<Event> = events.clone();
    let report: EnrichReport = enrich(&context, &mut events);
    // Without sentence spans, enrich segments the text itself: same result.
    let bare: DocContext<'_> = DocContext {
        sentences: &[],
        ..context
    };
    enrich(&bare, &mut unsegmented);
    assert_eq!(unsegmented, events);

    // Captions and the footer are not codable; the caption event is flagged.
    assert_eq!(report.uncodable_events, [0]);
    for (span, verdict) in sentences.iter().zip(&report.verdicts) {
        let sentence: &str = span.slice(doc).unwrap_or("");
        let furniture: bool = sentence.contains("AFP photo")
            || sentence.contains("Ilhan Omar")
            || sentence.contains("Photo by Reuters")
            || sentence.contains("procession")
            || sentence.contains("alternate addresses")
            || sentence.contains("Roku")
            || sentence.contains("Politics");
        if furniture {
            assert!(!verdict.codable, "{sentence:?} should not be codable");
        } else {
            assert!(
                verdict.codable,
                "{sentence:?} should be codable: {verdict:?}"
            );
        }
    }

    let [_, voiced, said, accused, clashes, fought, since, asked] = &events[..] else {
        panic!("eight events")
    };
    // Dates: the Tuesday events on the report date; the 2020 war in the background.
    assert_eq!(said.event_date.as_deref(), Some("2021-11-16"));
    assert_eq!(accused.event_date.as_deref(), Some("2021-11-16"));
    assert!(!accused.background);
    assert_eq!(clashes.event_date.as_deref(), Some("2021-11-16"));
    assert!(
        !clashes.background,
        "reported-speech past perfect stays foreground"
    );
    assert_eq!(asked.event_date.as_deref(), Some("2021-11-16"));
    assert_eq!(fought.event_date.as_deref(), Some("2020-01-01"));
    assert!(fought.background);
    assert!(since.background);
    assert!(!voiced.background);

    // Casualties: 15 dead and 12 captured on the clash; the old war's 6,500 on the war.
    assert_eq!(clashes.fatalities, Some(15));
    assert_eq!(clashes.captured, Some(12));
    assert_eq!(fought.fatalities, Some(6_500));
    assert_eq!(accused.fatalities, None);

    // Places: the Armenia–Azerbaijan border, with coordinates.
    for event in [accused, clashes] {
        let location = event.location.as_ref().expect("located");
        assert_eq!(location.name, "Armenia–Azerbaijan border", "{location:?}");
        assert!(
            location
                .lat
                .is_some_and(|lat: f64| (38.0..42.0).contains(&lat))
        );
        assert!(
            location
                .lon
                .is_some_and(|lon: f64| (44.0..48.0).contains(&lon))
        );
    }

    // Attribution: Interfax → Armenia's parliament.
    let chain: Vec<&str> = clashes
        .attribution
        .iter()
        .map(|a| a.text.as_str())
        .collect();
    assert_eq!(
        chain,
        ["Russia’s Interfax news agency", "Armenia’s parliament"]
    );
    let reported: Vec<&str> = asked.attribution.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(reported, ["Russian media"]);

    // Coreference: "the two sides have accused each other".
    assert!(
        since
            .source
            .as_ref()
            .is_some_and(|a: &Actor| a.code.is_some())
    );
    assert!(
        since
            .target
            .as_ref()
            .is_some_and(|a: &Actor| a.code.is_some())
    );
    for event in &events {
        println!(
            "{:>8} {:<10} {:?} bg={} fat={:?} cap={:?} loc={:?} attr={:?}",
            event.verb.as_ref().map_or("", |v| v.text.as_str()),
            event.cameo,
            event.event_date,
            event.background,
            event.fatalities,
            event.captured,
            event.location.as_ref().map(|l| (&l.name, &l.precision)),
            event
                .attribution
                .iter()
                .map(|a| a.text.as_str())
                .collect::<Vec<_>>()
        );
    }
}
