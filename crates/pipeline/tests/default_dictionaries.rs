//! News sentences coded end to end with the embedded default dictionaries: the front end's
//! tree, the coder's news options, the first event in text order (what a sentence-level
//! scorer sees).

use annalist_code::{Coder, CodingOptions, Event, SentenceInput};
use annalist_text::{Analyzer, SentenceView};

/// (CAMEO code, source words, target words) of the first event of a one-sentence text.
fn first_event(coder: &Coder, text: &str) -> Option<(String, String, String)> {
    all_events(coder, text).into_iter().next()
}

/// (CAMEO code, source words, target words) of every event of a text, in text order.
fn all_events(coder: &Coder, text: &str) -> Vec<(String, String, String)> {
    let mut analyzer: Analyzer = Analyzer::new();
    let mut all: Vec<Event> = Vec::new();
    analyzer.for_each_sentence(text, |view: SentenceView<'_, '_>| {
        let parse: String = view.tree.to_bracketed();
        let input: SentenceInput<'_> = SentenceInput {
            doc_id: "test",
            sentence_id: "1",
            date: Some("20240101"),
            text: view.span.slice(text).unwrap_or(""),
            parse: &parse,
        };
        let mut events: Vec<Event> = coder
            .code_tree(&input, view.tree, &CodingOptions::news())
            .unwrap_or_default();
        events.sort_by_key(|e: &Event| {
            e.verb
                .as_ref()
                .and_then(|v| v.span)
                .map_or(u32::MAX, |s| s.start)
        });
        all.extend(events);
    });
    let side =
        |a: &Option<annalist_code::Actor>| a.as_ref().map_or(String::new(), |a| a.text.clone());
    all.into_iter()
        .map(|e: Event| (e.cameo.clone(), side(&e.source), side(&e.target)))
        .collect()
}

fn coder() -> Coder {
    Coder::new(&annalist_dict::defaults::load_defaults().dict)
}

fn code_of(coder: &Coder, text: &str) -> String {
    first_event(coder, text).map_or_else(|| "no event".to_string(), |e| e.0)
}

#[test]
fn fronted_time_and_place_phrases_keep_the_main_clause() {
    let c: Coder = coder();
    for text in [
        "On Monday, Israeli troops attacked the village.",
        "Last week, the army shelled the village.",
        "In Colombia, the ELN declared a ceasefire.",
        "Meanwhile, Russia attacked Ukraine.",
    ] {
        let event = first_event(&c, text);
        assert!(
            event
                .as_ref()
                .is_some_and(|(_, source, _)| !source.is_empty()),
            "{text}: {event:?}"
        );
    }
    // A terminal report is still an aside: the attack is the event.
    assert_eq!(
        code_of(&c, "Russia attacked Ukraine, officials said."),
        "190"
    );
}

#[test]
fn a_clause_between_commas_is_kept_unless_it_is_an_aside() {
    let c: Coder = coder();
    // After a fronted time phrase the clause between the commas is the sentence itself.
    let event = first_event(
        &c,
        "Last week, Myanmar's government rejected any cooperation with the ICC, to which it is not a party.",
    );
    assert!(
        event.as_ref().is_some_and(
            |(code, source, _)| code.starts_with("12") && source == "Myanmar's government"
        ),
        "{event:?}"
    );
    // A conjoined clause between commas is coded too.
    let events = all_events(
        &c,
        "The rebels released 46 soldiers in Goma, and Kinshasa freed 30 rebel fighters, according to the ICRC.",
    );
    assert!(
        events.iter().any(|(_, source, _)| source == "Kinshasa"),
        "{events:?}"
    );
    // A report between the main clause and a participle stays an aside.
    assert_eq!(
        code_of(
            &c,
            "Russia fired missiles at Ukraine on Wednesday, Ukrainian officials said, calling it a crime."
        ),
        "195"
    );
}

#[test]
fn pushing_a_party_for_something_is_an_appeal() {
    let c: Coder = coder();
    let event = first_event(
        &c,
        "The Bush administration has pushed Iraq for a constitution that will lay the foundation for a government.",
    );
    assert_eq!(
        event.map(|e| (e.0, e.2)),
        Some(("020".to_string(), "Iraq".to_string()))
    );
}

#[test]
fn returning_a_thing_to_a_party_is_returning_property() {
    let c: Coder = coder();
    let event = first_event(&c, "The US authorities returned the wild monkeys to Congo.");
    assert_eq!(event.map(|e| e.0), Some("0842".to_string()));
    // A trip home is no handover.
    assert_eq!(
        code_of(&c, "The president returned to Kabul on Monday."),
        "no event"
    );
}

#[test]
fn responsibility_for_violence_and_death_under_torture() {
    let c: Coder = coder();
    assert_eq!(
        code_of(
            &c,
            "Hussein was responsible for mass killings of Kurdish people."
        ),
        "202"
    );
    assert_eq!(
        code_of(&c, "The political prisoner died in prison after torture."),
        "1822"
    );
}
