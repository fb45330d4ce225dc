//! One test per coder feature, each with a small dictionary and tree of its own.

use std::borrow::Cow;

use annalist_code::{CodeError, Coder, CodingOptions, Event, SentenceInput};
use annalist_dict::{
    Dictionaries, VerbDialect, parse_actors, parse_agents, parse_discards, parse_issues,
    parse_verbs, parse_verbs_with_dialect,
};

const ACTORS: &str = "\
ARNOR [ARN]
GONDOR [GON]
+MINAS_TIRITH
OSGILIATH [OSG]
ERIADOR [ERI]
LORIEN [ELR/GAL]
SAM_GAMGEE [HOB]
\t[HOBCIV <20080120]
\t[HOBMIL 20080120-20121109]
WHITE_HOUSE [USAGOV]
";

const AGENTS: &str = "\
POLICE {} [~COP]
MSF {} [NGO~]
GOVERNMENT [~GOV]
OFFICIAL [~GOV]
";

const VERBS: &str = "\
&TIES
+RELATIONS
+DIPLOMATIC TIES

--- RESTORE [064] ---
RESTORE
- * &TIES [065]
- NOT * [112]

--- FREE [066] ---
FREE
- + WAS * FROM $ [067]

--- OPPOSE [112] ---
OPPOSE

--- WELCOME [041] ---
WELCOME

--- LEFT [032:033] ---
LEFT

--- SAID [023] ---
SAID

--- EXCLUDE [1721] ---
EXCLUDE
+CORDON_OFF {+CORDONED_OFF +CORDONS_OFF +CORDONING_OFF}

--- NULLVERB [---] ---
MEET
- * TALKS [031]
";

fn coder_with(
    verbs: &str,
    actors: &str,
    agents: &str,
    discards: &str,
    issues: Option<&str>,
) -> Coder {
    let dicts: Dictionaries = Dictionaries {
        verbs: parse_verbs("test.verbs", verbs).dict,
        actors: parse_actors("test.actors", actors).dict,
        agents: parse_agents("test.agents", agents).dict,
        discards: parse_discards("test.discards", discards).dict,
        issues: issues.map(|i| parse_issues("test.issues", i).dict),
    };
    Coder::new(&dicts)
}

fn coder() -> Coder {
    coder_with(VERBS, ACTORS, AGENTS, "BASEBALL\n+TYPHOON\n", None)
}

fn run(
    c: &Coder,
    text: &str,
    tree: &str,
    date: &str,
    opt: &CodingOptions,
) -> Result<Vec<Event>, CodeError> {
    let input: SentenceInput<'_> = SentenceInput {
        doc_id: "doc",
        sentence_id: "1",
        date: Some(date),
        text,
        parse: tree,
    };
    c.code_sentence(&input, opt)
}

fn triples(events: &[Event]) -> Vec<(String, String, String)> {
    let mut v: Vec<(String, String, String)> = events
        .iter()
        .map(|e| {
            (
                e.source
                    .as_ref()
                    .and_then(|a| a.code.clone())
                    .unwrap_or_else(|| "---".to_string()),
                e.target
                    .as_ref()
                    .and_then(|a| a.code.clone())
                    .unwrap_or_else(|| "---".to_string()),
                e.cameo.clone(),
            )
        })
        .collect();
    v.sort();
    v
}

fn code(c: &Coder, text: &str, tree: &str) -> Vec<(String, String, String)> {
    triples(&run(c, text, tree, "20000101", &CodingOptions::default()).unwrap_or_default())
}

fn t(a: &str, b: &str, c: &str) -> (String, String, String) {
    (a.to_string(), b.to_string(), c.to_string())
}

const RESTORE_TREE: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))";

#[test]
fn verb_code_with_source_and_target() {
    let c: Coder = coder();
    assert_eq!(
        code(&c, "Arnor restored ties with Gondor.", RESTORE_TREE),
        vec![t("ARN", "GON", "064")]
    );
}

/// The events of "Arnor restored ties with Gondor." dated 2000-01-01, default options.
fn restore_events(c: &Coder, text: &str) -> Vec<Event> {
    run(c, text, RESTORE_TREE, "20000101", &CodingOptions::default()).unwrap_or_default()
}

#[test]
fn event_record_fields() {
    let c: Coder = coder();
    let text: &str = "Arnor restored ties with Gondor.";
    let events: Vec<Event> = restore_events(&c, text);
    assert_eq!(events.len(), 1);
    let e: &Event = &events[0];
    assert_eq!(e.cameo_root, "06");
    assert_eq!(e.quad_class, Some(2));
    assert!(e.cameo_name.is_some());
    assert_eq!(e.report_date.as_deref(), Some("2000-01-01"));
    let verb = e.verb.as_ref().map(|v| {
        (
            v.text.as_str(),
            v.span.map(|s| s.slice(text).unwrap_or("").to_string()),
        )
    });
    assert_eq!(verb, Some(("restored", Some("restored".to_string()))));
    let src = e.source.as_ref().expect("source");
    assert_eq!(src.text, "Arnor");
    assert_eq!(src.span.and_then(|s| s.slice(text)), Some("Arnor"));
    assert_eq!(src.country.as_deref(), Some("ARN"));
    let pat = e.pattern.as_ref().expect("pattern");
    assert_eq!(pat.file, "test.verbs");
    assert_eq!(pat.line, 6);
    // Deterministic ids.
    let again: Vec<Event> = restore_events(&c, text);
    assert_eq!(again[0].id, e.id);
    assert_eq!(e.id.len(), 16);
}

#[test]
fn codebook_text_is_borrowed_and_round_trips_through_json() {
    let c: Coder = coder();
    let text: &str = "Arnor restored ties with Gondor.";
    let events: Vec<Event> = restore_events(&c, text);
    let e: &Event = events.first().expect("one event");
    // The coder borrows the codebook's static text instead of copying it per event.
    assert!(matches!(e.cameo_root, Cow::Borrowed("06")));
    assert!(matches!(e.cameo_name, Some(Cow::Borrowed(_))));
    let plover = e.plover.as_ref().expect("plover");
    assert!(matches!(plover.event, Cow::Borrowed(_)));
    let acled = e.acled.as_ref().expect("acled");
    assert!(matches!(acled.event_type, Cow::Borrowed(_)));
    assert!(matches!(acled.sub_event_type, Cow::Borrowed(_)));
    // Read back, the text is owned, equal, and serializes to the same bytes.
    let json: String = serde_json::to_string(e).expect("serialize");
    let back: Event = serde_json::from_str(&json).expect("deserialize");
    assert!(matches!(back.cameo_root, Cow::Owned(_)));
    assert_eq!(&back, e);
    assert_eq!(serde_json::to_string(&back).expect("serialize"), json);
    assert!(json.contains(r#""cameo_root":"06""#));
}

#[test]
fn pattern_with_synset_after_verb() {
    let c: Coder = coder();
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS relations)) (PP (IN with) (NP (NNP Gondor)))) (. .)))";
    assert_eq!(
        code(&c, "Arnor restored relations with Gondor.", tree),
        vec![t("ARN", "GON", "065")]
    );
    let tree2: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))";
    assert_eq!(
        code(&c, "Arnor restored diplomatic ties with Gondor.", tree2),
        vec![t("ARN", "GON", "065")]
    );
}

#[test]
fn pattern_before_verb_negation() {
    let c: Coder = coder();
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (MD will) (RB not) (VP (VB restore) (NP (NN trade)) (PP (IN with) (NP (NNP Gondor))))) (. .)))";
    assert_eq!(
        code(&c, "Arnor will not restore trade with Gondor.", tree),
        vec![t("ARN", "GON", "112")]
    );
}

#[test]
fn source_and_target_markers() {
    let c: Coder = coder();
    let tree: &str = "(ROOT (S (NP (NNP Eriador)) (VP (VBD was) (VP (VBN freed) (PP (IN from) (NP (NNP Osgiliath))))) (. .)))";
    assert_eq!(
        code(&c, "Eriador was freed from Osgiliath.", tree),
        vec![t("OSG", "ERI", "067")]
    );
}

#[test]
fn passive_voice_swaps_actors() {
    let c: Coder = coder();
    let tree: &str = "(ROOT (S (NP (NNP Eriador)) (VP (VBD was) (VP (VBN opposed) (PP (IN by) (NP (NNP Osgiliath))))) (. .)))";
    assert_eq!(
        code(&c, "Eriador was opposed by Osgiliath.", tree),
        vec![t("OSG", "ERI", "112")]
    );
    // The "by" of a later conjunct with its own finite verb is not this verb's agent.
    let tree: &str = "(ROOT (S (NP (NNP Eriador)) (VP (VBD was) (VP (VP (VBN welcomed)) (CC but) (VP (VBZ has) (VP (VBN been) (VP (VBN opposed) (PP (IN by) (NP (NNP Osgiliath)))))))) (. .)))";
    let text: &str = "Eriador was welcomed but has been opposed by Osgiliath.";
    let events =
        triples(&run(&c, text, tree, "20000101", &CodingOptions::news()).unwrap_or_default());
    assert!(events.contains(&t("---", "ERI", "041")), "{events:?}");
    assert!(!events.contains(&t("OSG", "ERI", "041")), "{events:?}");
}

#[test]
fn compound_source() {
    let c: Coder = coder();
    let tree: &str = "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD welcomed) (NP (NNP Osgiliath))) (. .)))";
    assert_eq!(
        code(&c, "Arnor and Gondor welcomed Osgiliath.", tree),
        vec![t("ARN", "OSG", "041"), t("GON", "OSG", "041")]
    );
}

#[test]
fn slash_codes_expand() {
    let c: Coder = coder();
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD welcomed) (NP (NNP Lorien))) (. .)))";
    assert_eq!(
        code(&c, "Arnor welcomed Lorien.", tree),
        vec![t("ARN", "ELR", "041"), t("ARN", "GAL", "041")]
    );
}

#[test]
fn agents_suffix_and_prefix() {
    let c: Coder = coder();
    let tree: &str = "(ROOT (S (NP (NNP MSF) (NNP Arnor)) (VP (VBD welcomed) (NP (NNP Gondor) (NN police))) (. .)))";
    assert_eq!(
        code(&c, "MSF Arnor welcomed Gondor police.", tree),
        vec![t("NGOARN", "GONCOP", "041")]
    );
}

#[test]
fn redundant_agent_not_added() {
    let c: Coder = coder();
    let tree: &str = "(ROOT (S (NP (NNP White) (NNP House) (NNS officials)) (VP (VBD welcomed) (NP (NNP Gondor))) (. .)))";
    assert_eq!(
        code(&c, "White House officials welcomed Gondor.", tree),
        vec![t("USAGOV", "GON", "041")]
    );
}

#[test]
fn synonym_and_longest_actor() {
    let c: Coder = coder();
    let tree: &str =
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD welcomed) (NP (NNP Minas) (NNP Tirith))) (. .)))";
    assert_eq!(
        code(&c, "Arnor welcomed Minas Tirith.", tree),
        vec![t("ARN", "GON", "041")]
    );
}

#[test]
fn date_restricted_codes() {
    let c: Coder = coder();
    let tree: &str =
        "(ROOT (S (NP (NNP Sam) (NNP Gamgee)) (VP (VBD welcomed) (NP (NNP Gondor))) (. .)))";
    let opt: CodingOptions = CodingOptions::default();
    let text: &str = "Sam Gamgee welcomed Gondor.";
    assert_eq!(
        triples(&run(&c, text, tree, "20050101", &opt).unwrap_or_default()),
        vec![t("HOBCIV", "GON", "041")]
    );
    assert_eq!(
        triples(&run(&c, text, tree, "20100101", &opt).unwrap_or_default()),
        vec![t("HOBMIL", "GON", "041")]
    );
    assert_eq!(
        triples(&run(&c, text, tree, "20150101", &opt).unwrap_or_default()),
        vec![t("HOB", "GON", "041")]
    );
}

#[test]
fn paired_codes() {
    let c: Coder = coder();
    let tree: &str =
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD left) (PP (IN for) (NP (NNP Gondor)))) (. .)))";
    assert_eq!(
        code(&c, "Arnor left for Gondor.", tree),
        vec![t("ARN", "GON", "032"), t("GON", "ARN", "033")]
    );
}

#[test]
fn require_dyad_and_anonymous_agents() {
    let c: Coder = coder();
    let tree: &str = "(ROOT (S (NP (DT an) (NN official)) (VP (VBD said) (PP (IN on) (NP (NNP Saturday)))) (. .)))";
    let text: &str = "an official said on Saturday.";
    let mut opt: CodingOptions = CodingOptions::default();
    assert!(triples(&run(&c, text, tree, "20000101", &opt).unwrap_or_default()).is_empty());
    opt.require_dyad = false;
    assert_eq!(
        triples(&run(&c, text, tree, "20000101", &opt).unwrap_or_default()),
        vec![t("---GOV", "---", "023")]
    );
}

#[test]
fn one_sided_news_events() {
    let c: Coder = coder();
    let news: CodingOptions = CodingOptions::news();
    let code = |text: &str, tree: &str, opt: &CodingOptions| {
        triples(&run(&c, text, tree, "20000101", opt).unwrap_or_default())
    };
    // Intransitive: no noun phrase after the verb, the target is null.
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed)) (. .)))";
    assert!(code("Arnor opposed.", tree, &CodingOptions::default()).is_empty());
    assert_eq!(
        code("Arnor opposed.", tree, &news),
        vec![t("ARN", "---", "112")]
    );
    // Agentless passive: the subject is the target, the source unknown.
    let tree: &str = "(ROOT (S (NP (NNP Gondor)) (VP (VBD was) (VP (VBN welcomed))) (. .)))";
    assert!(code("Gondor was welcomed.", tree, &CodingOptions::default()).is_empty());
    assert_eq!(
        code("Gondor was welcomed.", tree, &news),
        vec![t("---", "GON", "041")]
    );
    // A participle without "be" stays active (taggers confuse past tense and participle).
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBN welcomed) (NP (NNP Gondor))) (. .)))";
    assert_eq!(
        code("Arnor welcomed Gondor.", tree, &news),
        vec![t("ARN", "GON", "041")]
    );
    // Passive with "were ... by": swapped as PETRARCH swaps "was ... by".
    let tree: &str = "(ROOT (S (NP (NNP Gondor)) (VP (VBD were) (VP (VBN welcomed) (PP (IN by) (NP (NNP Arnor))))) (. .)))";
    assert_eq!(
        code("Gondor were welcomed by Arnor.", tree, &news),
        vec![t("ARN", "GON", "041")]
    );
    // No coded actor on either side: the coder gives one event; the uncoded subject is
    // its target by its words only (PETRARCH's semantics: both actors null).
    let tree: &str = "(ROOT (S (NP (NNS elves)) (VP (VBD were) (VP (VBN welcomed))) (. .)))";
    let events: Vec<Event> =
        run(&c, "elves were welcomed.", tree, "20000101", &news).unwrap_or_default();
    assert_eq!(events.len(), 1);
    assert!(events.iter().all(|e| {
        e.source.is_none()
            && e.target
                .as_ref()
                .is_some_and(|a| a.code.is_none() && a.text == "elves")
    }));
    let petrarch: CodingOptions = CodingOptions {
        uncoded_actors: false,
        ..CodingOptions::news()
    };
    let events: Vec<Event> =
        run(&c, "elves were welcomed.", tree, "20000101", &petrarch).unwrap_or_default();
    assert_eq!(events.len(), 1);
    assert!(
        events
            .iter()
            .all(|e| e.source.is_none() && e.target.is_none())
    );
}

#[test]
fn uncoded_actors_keep_their_words() {
    let c: Coder = coder();
    let news: CodingOptions = CodingOptions::news();
    let first = |text: &str, tree: &str, opt: &CodingOptions| -> Option<Event> {
        run(&c, text, tree, "20000101", opt)
            .unwrap_or_default()
            .into_iter()
            .next()
    };
    let side = |a: Option<&annalist_code::Actor>| a.map(|a| (a.text.clone(), a.code.clone()));
    // The object names no actor: reported by its words and span, code null.
    let text: &str = "Arnor opposed the new treaty.";
    let tree: &str =
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (DT the) (JJ new) (NN treaty))) (. .)))";
    let event: Option<Event> = first(text, tree, &news);
    let target = event.as_ref().and_then(|e| e.target.as_ref());
    assert_eq!(side(target), Some(("the new treaty".to_string(), None)));
    assert_eq!(
        target.and_then(|a| a.span).and_then(|s| s.slice(text)),
        Some("the new treaty")
    );
    // The subject too; PETRARCH's defaults keep both unknown (no event without a dyad).
    let text: &str = "The rebels opposed Gondor.";
    let tree: &str =
        "(ROOT (S (NP (DT The) (NNS rebels)) (VP (VBD opposed) (NP (NNP Gondor))) (. .)))";
    let event: Option<Event> = first(text, tree, &news);
    assert_eq!(
        side(event.as_ref().and_then(|e| e.source.as_ref())),
        Some(("The rebels".to_string(), None))
    );
    assert!(first(text, tree, &CodingOptions::default()).is_none());
    // Not a time expression, and not the subject of a clause after the verb.
    let text: &str = "Arnor opposed on Thursday.";
    let tree: &str =
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (PP (IN on) (NP (NNP Thursday)))) (. .)))";
    assert!(first(text, tree, &news).is_some_and(|e| e.target.is_none()));
    let text: &str = "Arnor opposed that the elves left.";
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (SBAR (IN that) (S (NP (DT the) (NNS elves)) (VP (VBD left))))) (. .)))";
    assert!(first(text, tree, &news).is_some_and(|e| e.target.is_none()));
}

/// The words of the first event's target (or source) coded from one parse tree.
fn first_side_text(
    c: &Coder,
    (text, tree): (&str, &str),
    opt: &CodingOptions,
    side: fn(&Event) -> Option<&annalist_code::Actor>,
) -> Option<String> {
    let events: Vec<Event> = run(c, text, tree, "20000101", opt).unwrap_or_default();
    events.first().and_then(side).map(|a| a.text.clone())
}

fn first_target_text(c: &Coder, text: &str, tree: &str, opt: &CodingOptions) -> Option<String> {
    first_side_text(c, (text, tree), opt, |e: &Event| e.target.as_ref())
}

fn first_source_text(c: &Coder, text: &str, tree: &str, opt: &CodingOptions) -> Option<String> {
    first_side_text(c, (text, tree), opt, |e: &Event| e.source.as_ref())
}

#[test]
fn actor_spans_name_the_actor() {
    let c: Coder = coder();
    let petrarch: CodingOptions = CodingOptions::default();
    let news: CodingOptions = CodingOptions::news();
    type SideText = fn(&Coder, &str, &str, &CodingOptions) -> Option<String>;
    let (source, target): (SideText, SideText) = (first_source_text, first_target_text);
    // (options, side, text, tree, expected words)
    let cases: [(&CodingOptions, SideText, &str, &str, &str); 11] = [
        (
            &petrarch,
            target,
            "Arnor opposed sanctions against Gondor.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NP (NNS sanctions)) (PP (IN against) (NP (NNP Gondor))))) (. .)))",
            "Gondor",
        ),
        (
            &petrarch,
            source,
            "Arnor (ARN) opposed Gondor.",
            "(ROOT (S (NP (NP (NNP Arnor)) (PRN (-LRB- -LRB-) (NP (NNP ARN)) (-RRB- -RRB-))) (VP (VBD opposed) (NP (NNP Gondor))) (. .)))",
            "Arnor (ARN)",
        ),
        // A hyphenated compound belongs to the name; a clause after the head does not.
        (
            &news,
            target,
            "Arnor opposed the Gondor - held town and its decision to go.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NP (DT the) (NNP Gondor)) (HYPH -) (VBN held) (NN town))) (. .)))",
            "the Gondor - held town",
        ),
        (
            &news,
            target,
            "Arnor opposed the decision to go.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (DT the) (NN decision) (S (VP (TO to) (VP (VB go)))))) (. .)))",
            "the decision",
        ),
        (
            &news,
            target,
            "Arnor opposed at least 75 elves.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (PP (IN at) (NP (JJS least) (CD 75) (NNS elves)))) (. .)))",
            "at least 75 elves",
        ),
        // A time after the head is not part of the name.
        (
            &news,
            target,
            "Arnor opposed the elves in the early hours.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NP (DT the) (NNS elves)) (PP (IN in) (NP (DT the) (JJ early) (NNS hours))))) (. .)))",
            "the elves",
        ),
        (
            &news,
            target,
            "Arnor opposed the Gondor police on Friday.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NP (DT the) (NNP Gondor) (NNS police)) (PP (IN on) (NP (NNP Friday))))) (. .)))",
            "the Gondor police",
        ),
        // People moved from a place are named by it; a purpose is not part of the name.
        (
            &news,
            target,
            "Arnor opposed the police from Gondor.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NP (DT the) (NNS police)) (PP (IN from) (NP (NNP Gondor))))) (. .)))",
            "Gondor",
        ),
        (
            &news,
            target,
            "Arnor opposed the request for revocation.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NP (DT the) (NN request)) (PP (IN for) (NP (NN revocation))))) (. .)))",
            "the request",
        ),
        // "X of Y" is named by Y only when X is an action done to Y.
        (
            &news,
            target,
            "Arnor opposed the blockade of Gondor.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NP (DT the) (NN blockade)) (PP (IN of) (NP (NNP Gondor))))) (. .)))",
            "Gondor",
        ),
        (
            &news,
            target,
            "Arnor opposed parts of Gondor.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (NP (NNS parts)) (PP (IN of) (NP (NNP Gondor))))) (. .)))",
            "parts of Gondor",
        ),
    ];
    for (opt, side, text, tree, expected) in cases {
        assert_eq!(
            side(&c, text, tree, opt).as_deref(),
            Some(expected),
            "{text}"
        );
    }
}

#[test]
fn new_actor_length() {
    let c: Coder = coder();
    let tree: &str =
        "(ROOT (S (NP (NNP Albus) (NNP Dumbledore)) (VP (VBD welcomed) (NP (NNP Gondor))) (. .)))";
    let text: &str = "Albus Dumbledore welcomed Gondor.";
    let mut opt: CodingOptions = CodingOptions::default();
    assert!(triples(&run(&c, text, tree, "20000101", &opt).unwrap_or_default()).is_empty());
    opt.new_actor_length = 3;
    assert_eq!(
        triples(&run(&c, text, tree, "20000101", &opt).unwrap_or_default()),
        vec![t("\"ALBUS DUMBLEDORE\"", "GON", "041")]
    );
    opt.new_actor_length = 1;
    assert!(triples(&run(&c, text, tree, "20000101", &opt).unwrap_or_default()).is_empty());
}

#[test]
fn multiword_verb() {
    let c: Coder = coder();
    let tree: &str = "(ROOT (S (NP (NNP Gondor)) (VP (VBD cordoned) (PRT (RP off)) (NP (NNP Osgiliath))) (. .)))";
    assert_eq!(
        code(&c, "Gondor cordoned off Osgiliath.", tree),
        vec![t("GON", "OSG", "1721")]
    );
}

#[test]
fn null_coded_verb_needs_pattern() {
    let c: Coder = coder();
    let plain: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD meet) (NP (NNP Gondor))) (. .)))";
    assert!(code(&c, "Arnor meet Gondor.", plain).is_empty());
    let talks: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VB meet) (NP (NNS talks)) (PP (IN with) (NP (NNP Gondor)))) (. .)))";
    assert_eq!(
        code(&c, "Arnor meet talks with Gondor.", talks),
        vec![t("ARN", "GON", "031")]
    );
}

#[test]
fn comma_clause_removed() {
    let c: Coder = coder();
    // The parenthetical clause would otherwise supply Eriador as the target. (The
    // terminal clause is long enough to be kept.)
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (, ,) (SBAR (IN after) (S (NP (NNP Eriador)) (VP (VBD said) (ADVP (RB so))))) (, ,) (PP (IN with) (NP (NP (NNP Gondor)) (PP (IN in) (NP (NP (DT the) (NN capital) (NN city)) (PP (IN of) (NP (DT the) (JJ old) (NN kingdom) (NN ever)))))))) (. .)))";
    let text: &str = "Arnor restored ties, after Eriador said so, with Gondor in the capital city of the old kingdom ever.";
    assert_eq!(code(&c, text, tree), vec![t("ARN", "GON", "064")]);
    let keep: CodingOptions = CodingOptions {
        comma_max: 0,
        ..CodingOptions::default()
    };
    assert_eq!(
        triples(&run(&c, text, tree, "20000101", &keep).unwrap_or_default()),
        vec![t("ARN", "ERI", "064")]
    );
}

#[test]
fn discards() {
    let c: Coder = coder();
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NN baseball) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))";
    match run(
        &c,
        "Arnor restored baseball ties with Gondor.",
        tree,
        "20000101",
        &CodingOptions::default(),
    ) {
        Err(CodeError::Discarded { story, .. }) => assert!(!story),
        other => panic!("expected a discard, got {other:?}"),
    }
    let story: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NN typhoon) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))";
    match run(
        &c,
        "Arnor restored typhoon ties with Gondor.",
        story,
        "20000101",
        &CodingOptions::default(),
    ) {
        Err(e) => assert_eq!(e.kind_name(), "storydiscard"),
        Ok(v) => panic!("expected a story discard, got {v:?}"),
    }
}

#[test]
fn issues_are_attached() {
    let c: Coder = coder_with(
        VERBS,
        ACTORS,
        AGENTS,
        "",
        Some("<ISSUE CATEGORY=\"T\">\ndiplomatic n:tie [DIPLOMACY]\n</ISSUE>\n"),
    );
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (JJ diplomatic) (NNS ties)) (PP (IN with) (NP (NNP Gondor)))) (. .)))";
    let events: Vec<Event> = run(
        &c,
        "Arnor restored diplomatic ties with Gondor.",
        tree,
        "20000101",
        &CodingOptions::default(),
    )
    .unwrap_or_default();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].issues, vec!["DIPLOMACY".to_string()]);
}

#[test]
fn bad_trees_are_errors_not_panics() {
    let c: Coder = coder();
    let opt: CodingOptions = CodingOptions::default();
    for bad in [
        "",
        "(",
        "(ROOT (S (NP (NNP Arnor))",
        ")))",
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored)))))",
    ] {
        assert!(run(&c, "x", bad, "20000101", &opt).is_err(), "{bad}");
    }
    // Odd but balanced trees code to nothing.
    for odd in [
        "(X y)",
        "(ROOT)",
        "(ROOT (VP (VB restore)))",
        "(ROOT (NP (NP (NP))))",
    ] {
        let _ = run(&c, "x", odd, "garbage-date", &opt);
    }
}

#[test]
fn batch_is_pure_and_ordered() {
    let c: Coder = coder();
    let inputs: Vec<SentenceInput<'_>> = (0..3)
        .map(|i| SentenceInput {
            doc_id: "d",
            sentence_id: ["1", "2", "3"][i],
            date: Some("20000101"),
            text: "Arnor restored ties with Gondor.",
            parse: RESTORE_TREE,
        })
        .collect();
    let a = c.code_batch(&inputs, &CodingOptions::default());
    let b = c.code_batch(&inputs, &CodingOptions::default());
    assert_eq!(a, b);
    assert_eq!(a.events.len(), 3);
    assert_eq!(a.events[2].sentence_id, "3");
}

#[test]
fn config_options_apply() {
    let mut o: CodingOptions = CodingOptions::default();
    assert!(o.apply("require_dyad", "FALSE"));
    assert!(!o.require_dyad);
    assert!(o.apply("comma_emax", "0"));
    assert_eq!(o.comma_emax, 0);
    assert!(!o.apply("new_actor_length", "many"));
    assert!(!o.apply("unknown", "1"));
}

#[test]
fn petrarch2_phrase_patterns() {
    let verbs: &str = "\
--- RUSH [---] ---
RUSH
- * {ARMS SHIPMENT} [072]
- * (TO BORDER) [154]
";
    let dicts: Dictionaries = Dictionaries {
        verbs: parse_verbs_with_dialect("p2.verbs", verbs, Some(VerbDialect::Petrarch2)).dict,
        actors: parse_actors("test.actors", ACTORS).dict,
        agents: parse_agents("test.agents", AGENTS).dict,
        discards: parse_discards("test.discards", "").dict,
        issues: None,
    };
    let c: Coder = Coder::new(&dicts);
    let arms: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD rushed) (NP (DT an) (NNS arms) (NN shipment)) (PP (TO to) (NP (NNP Gondor)))) (. .)))";
    assert_eq!(
        code(&c, "Arnor rushed an arms shipment to Gondor.", arms),
        vec![t("ARN", "GON", "072")]
    );
    let border: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD rushed) (NP (NNS troops)) (PP (TO to) (NP (NP (DT the) (NN border)) (PP (IN with) (NP (NNP Gondor)))))) (. .)))";
    assert_eq!(
        code(&c, "Arnor rushed troops to the border with Gondor.", border),
        vec![t("ARN", "GON", "154")]
    );
    let plain: &str =
        "(ROOT (S (NP (NNP Arnor)) (VP (VBD rushed) (PP (TO to) (NP (NNP Gondor)))) (. .)))";
    assert!(code(&c, "Arnor rushed to Gondor.", plain).is_empty());
}

#[test]
fn explain_shows_the_linear_form() {
    let c: Coder = coder();
    let input: SentenceInput<'_> = SentenceInput {
        doc_id: "doc",
        sentence_id: "1",
        date: Some("20000101"),
        text: "Arnor restored ties with Gondor.",
        parse: RESTORE_TREE,
    };
    let shown: String = c
        .explain(&input, &CodingOptions::default())
        .unwrap_or_default();
    assert!(shown.contains("(NE"), "{shown}");
    assert!(shown.contains("[ARN]"), "{shown}");
    assert!(shown.contains("(VP1"), "{shown}");
    assert!(shown.contains("RESTORED"), "{shown}");
}

#[test]
fn coder_is_shareable_across_threads() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Coder>();
    let c: Coder = coder();
    let results: Vec<Vec<(String, String, String)>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..2)
            .map(|_| s.spawn(|| code(&c, "Arnor restored ties with Gondor.", RESTORE_TREE)))
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    assert_eq!(results[0], results[1]);
    assert_eq!(results[0], vec![t("ARN", "GON", "064")]);
}

#[test]
fn long_sentences_stay_fast() {
    let c: Coder = coder();
    // 1,500 conjoined noun phrases and clauses: quadratic work would take far longer.
    let mut parts: Vec<String> = Vec::new();
    for i in 0..1500 {
        parts.push(format!(
            "(S (NP (NNP Arnor) (CC and) (NNP Gondor{i})) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Osgiliath)))))"
        ));
        parts.push("(, ,)".to_string());
    }
    let tree: String = format!("(ROOT (S {} (. .)))", parts.join(" "));
    let started: std::time::Instant = std::time::Instant::now();
    let input: SentenceInput<'_> = SentenceInput {
        doc_id: "doc",
        sentence_id: "long",
        date: Some("20000101"),
        text: "",
        parse: &tree,
    };
    let _ = c.code_sentence(&input, &CodingOptions::default());
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}

const NESTED_VERBS: &str = "\
--- SAY [010] ---
SAY {SAYS SAID SAYING}

--- CLAIM [110] ---
CLAIM {CLAIMS CLAIMED CLAIMING}

--- ATTACK [190] ---
ATTACK {ATTACKS ATTACKED ATTACKING}

--- WELCOME [041] ---
WELCOME {WELCOMES WELCOMED WELCOMING}

~ a (a b ATTACK) SAY = a b 015
~ a (a b Q) CLAIM = a b Q
";

fn nested_coder(verbs: &str) -> Coder {
    coder_with(verbs, ACTORS, AGENTS, "", None)
}

/// The nested-verb dictionary with its `~` transformation lines left out.
fn nested_coder_without_transformations() -> Coder {
    let plain: String = NESTED_VERBS
        .lines()
        .filter(|l| !l.starts_with('~'))
        .map(|l| format!("{l}\n"))
        .collect();
    nested_coder(&plain)
}

/// "X said (it) attacked Y": the clause is the target of SAY.
const SAID_IT_ATTACKED: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (PRP it)) (VP (VBD attacked) (NP (NNP Gondor)))))) (. .)))";

#[test]
fn transformation_rewrites_a_nested_event() {
    let c: Coder = nested_coder(NESTED_VERBS);
    let events: Vec<Event> = run(
        &c,
        "Arnor said it attacked Gondor.",
        SAID_IT_ATTACKED,
        "20000101",
        &CodingOptions::default(),
    )
    .unwrap_or_default();
    assert_eq!(triples(&events), vec![t("ARN", "GON", "015")]);
    let pattern = events[0].pattern.as_ref().map(|p| p.text.as_str());
    assert_eq!(pattern, Some("~ a (a b ATTACK) SAY = a b 015"));
    // The verb stays the reporting verb.
    assert_eq!(
        events[0].verb.as_ref().map(|v| v.text.as_str()),
        Some("said")
    );
}

#[test]
fn without_transformations_the_reporting_verb_codes() {
    let c: Coder = nested_coder_without_transformations();
    assert_eq!(
        code(&c, "Arnor said it attacked Gondor.", SAID_IT_ATTACKED),
        vec![t("ARN", "GON", "010")]
    );
}

#[test]
fn transformation_variables_must_agree() {
    // The sayer is not the attacker: `a (a b ATTACK) SAY` does not apply.
    let c: Coder = nested_coder(NESTED_VERBS);
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Eriador)))))) (. .)))";
    assert_eq!(
        code(&c, "Arnor said Gondor attacked Eriador.", tree),
        vec![t("ARN", "GON", "010")]
    );
}

#[test]
fn transformation_q_carries_the_inner_code() {
    let c: Coder = nested_coder(NESTED_VERBS);
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD claimed) (SBAR (S (NP (PRP it)) (VP (VBD welcomed) (NP (NNP Gondor)))))) (. .)))";
    assert_eq!(
        code(&c, "Arnor claimed it welcomed Gondor.", tree),
        vec![t("ARN", "GON", "041")]
    );
}

#[test]
fn transformation_needs_a_nested_clause() {
    // SAY with a plain object: nothing to transform.
    let c: Coder = nested_coder(NESTED_VERBS);
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (NP (NNP Gondor))) (. .)))";
    assert_eq!(
        code(&c, "Arnor said Gondor.", tree),
        vec![t("ARN", "GON", "010")]
    );
}

#[test]
fn coordinated_subject_of_a_reciprocal_event() {
    let c: Coder = coder();
    let news: CodingOptions = CodingOptions::news();
    let coded = |text: &str, tree: &str| -> Vec<Event> {
        run(&c, text, tree, "20000101", &news).unwrap_or_default()
    };
    // Restoring ties (06) is done to each other: one event per ordered pair, both sides
    // named by the coordinated phrase.
    let text: &str = "Arnor and Gondor restored ties.";
    let tree: &str = "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD restored) (NP (NNS ties))) (. .)))";
    let events: Vec<Event> = coded(text, tree);
    assert_eq!(
        triples(&events),
        vec![t("ARN", "GON", "064"), t("GON", "ARN", "064")]
    );
    for e in &events {
        for side in [&e.source, &e.target] {
            let actor = side.as_ref().expect("both sides");
            assert_eq!(actor.text, "Arnor and Gondor");
            assert_eq!(
                actor.span.and_then(|s| s.slice(text)),
                Some("Arnor and Gondor")
            );
        }
    }
    // An object that names another party is the target of each member.
    let text: &str = "Arnor and Gondor restored ties with Eriador.";
    let tree: &str = "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Eriador)))) (. .)))";
    let events: Vec<Event> = coded(text, tree);
    assert_eq!(
        triples(&events),
        vec![t("ARN", "ERI", "064"), t("GON", "ERI", "064")]
    );
    assert_eq!(
        events[0].source.as_ref().map(|a| a.text.as_str()),
        Some("Arnor")
    );
    // A directed event stays one event per member.
    let text: &str = "Arnor and Gondor opposed the decision.";
    let tree: &str = "(ROOT (S (NP (NNP Arnor) (CC and) (NNP Gondor)) (VP (VBD opposed) (NP (DT the) (NN decision))) (. .)))";
    assert_eq!(
        triples(&coded(text, tree)),
        vec![t("ARN", "---", "112"), t("GON", "---", "112")]
    );
}

#[test]
fn reported_news_replaces_its_statement() {
    let c: Coder = nested_coder_without_transformations();
    let news: CodingOptions = CodingOptions::news();
    // The reported clause holds an event: it is the news, the statement is dropped.
    let attacked: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (NNP Gondor)) (VP (VBD attacked) (NP (NNP Eriador)))))) (. .)))";
    let events: Vec<Event> = run(
        &c,
        "Arnor said Gondor attacked Eriador.",
        attacked,
        "20000101",
        &news,
    )
    .unwrap_or_default();
    assert_eq!(triples(&events), vec![t("GON", "ERI", "190")]);
    // "it" in the clause is the speaker.
    let events: Vec<Event> = run(
        &c,
        "Arnor said it attacked Gondor.",
        SAID_IT_ATTACKED,
        "20000101",
        &news,
    )
    .unwrap_or_default();
    assert_eq!(triples(&events), vec![t("ARN", "GON", "190")]);
    // Nothing coded in the clause: the statement stays.
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD said) (SBAR (S (NP (NNP Gondor)) (VP (VBD slept))))) (. .)))";
    let events: Vec<Event> =
        run(&c, "Arnor said Gondor slept.", tree, "20000101", &news).unwrap_or_default();
    let codes: Vec<(String, String)> = triples(&events)
        .into_iter()
        .map(|(source, _, code)| (source, code))
        .collect();
    assert_eq!(codes, vec![("ARN".to_string(), "010".to_string())]);
    // PETRARCH semantics (no reported-clause coding) keep the statement.
    assert_eq!(
        code(&c, "Arnor said Gondor attacked Eriador.", attacked),
        vec![t("ARN", "GON", "010")]
    );
}

#[test]
fn embedded_intent_is_the_more_specific_code() {
    let verbs: &str = "\
--- PLEDGE [030] ---
PLEDGE {PLEDGES PLEDGED PLEDGING}
- * (TO HELP) [033]

--- HELP [070] ---
HELP {HELPS HELPED HELPING}
- * SETTLE [039]
";
    let c: Coder = nested_coder(verbs);
    let news: CodingOptions = CodingOptions::news();
    // "help X settle" is an offer to mediate (039), more specific than "pledged to help".
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD pledged) (S (VP (TO to) (VP (VB help) (S (NP (NNP Gondor)) (VP (VB settle) (NP (NNS differences)))))))) (. .)))";
    let text: &str = "Arnor pledged to help Gondor settle differences.";
    let events: Vec<Event> = run(&c, text, tree, "20000101", &news).unwrap_or_default();
    assert_eq!(triples(&events), vec![t("ARN", "GON", "039")]);
    // An embedded verb phrase that is no intent of its own leaves the intent as it is.
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD pledged) (S (VP (TO to) (VP (VB help) (NP (NNP Gondor)))))) (. .)))";
    let text: &str = "Arnor pledged to help Gondor.";
    let events: Vec<Event> = run(&c, text, tree, "20000101", &news).unwrap_or_default();
    assert_eq!(triples(&events), vec![t("ARN", "GON", "033")]);
}

#[test]
fn a_subject_apposition_keeps_its_verb_in_news() {
    let c: Coder = coder();
    // PETRARCH's comma rules delete the apposition and then the verb phrase after the
    // last comma (a terminal clause of 2-8 words); news coding keeps the predicate.
    let text: &str = "Arnor, the old kingdom, opposed Gondor.";
    let tree: &str = "(ROOT (S (NP (NP (NNP Arnor)) (, ,) (NP (DT the) (JJ old) (NN kingdom)) (, ,)) (VP (VBD opposed) (NP (NNP Gondor))) (. .)))";
    assert_eq!(code(&c, text, tree), Vec::<(String, String, String)>::new());
    let events: Vec<Event> =
        run(&c, text, tree, "20000101", &CodingOptions::news()).unwrap_or_default();
    assert_eq!(triples(&events), vec![t("ARN", "GON", "112")]);
    // A participle set off by commas ("..., supported by Eriador, have opposed") too.
    let text: &str = "Arnor, supported by Eriador, has opposed Gondor.";
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (, ,) (VP (VBN supported) (PP (IN by) (NP (NNP Eriador)))) (, ,) (VP (VBZ has) (VP (VBN opposed) (NP (NNP Gondor)))) (. .)))";
    let events: Vec<Event> =
        run(&c, text, tree, "20000101", &CodingOptions::news()).unwrap_or_default();
    assert_eq!(triples(&events), vec![t("ARN", "GON", "112")]);
    // A trailing participle is no main verb but a second act of the same subject
    // ([`participle_adjunct_is_a_second_act_of_the_subject`]).
    let text: &str = "Arnor restored ties with Eriador, opposing Gondor.";
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD restored) (NP (NNS ties)) (PP (IN with) (NP (NNP Eriador))) (, ,) (S (VP (VBG opposing) (NP (NNP Gondor))))) (. .)))";
    let events: Vec<Event> =
        run(&c, text, tree, "20000101", &CodingOptions::news()).unwrap_or_default();
    assert_eq!(
        triples(&events),
        vec![t("ARN", "ERI", "064"), t("ARN", "GON", "112")]
    );
}

#[test]
fn participle_adjunct_is_a_second_act_of_the_subject() {
    let c: Coder = coder();
    let news: CodingOptions = CodingOptions::news();
    let tree: &str = "(ROOT (S (NP (NNP Arnor)) (VP (VBD opposed) (NP (DT the) (NN plan)) (, ,) \
        (S (VP (VBG welcoming) (NP (NNP Gondor)) (PP (IN instead))))) (. .)))";
    let text: &str = "Arnor opposed the plan, welcoming Gondor instead.";
    let events: Vec<(String, String, String)> =
        triples(&run(&c, text, tree, "20000101", &news).unwrap_or_default());
    assert!(events.contains(&t("ARN", "---", "112")), "{events:?}");
    assert!(events.contains(&t("ARN", "GON", "041")), "{events:?}");
    // PETRARCH's comma rules drop the clause when coding as PETRARCH does.
    let events: Vec<(String, String, String)> = code(&c, text, tree);
    assert!(!events.iter().any(|e| e.2 == "041"), "{events:?}");
}

const DIRECTED_VERBS: &str = "\
--- SEND [070] ---
SEND {SENDS SENT SENDING}

--- DECLARE [010] ---
DECLARE
- * TRUCE [0871]

--- LAUNCH [---] ---
LAUNCH
- * ATTACK [190]

--- ATTACK [190] ---
ATTACK

--- ACCUSE [112] ---
ACCUSE

--- URGE [020] ---
URGE

--- PESSIMISM [012] ---
+BE_SKEPTICAL {+IS_SKEPTICAL +ARE_SKEPTICAL +WAS_SKEPTICAL}

--- INTEND [030] ---
+BE_WILLING {+IS_WILLING +ARE_WILLING +WAS_WILLING}
- * (TO WITHDRAW) [0356]
";

#[test]
fn news_targets_are_the_party_an_event_is_directed_at() {
    let c: Coder = coder_with(DIRECTED_VERBS, ACTORS, AGENTS, "", None);
    let news: CodingOptions = CodingOptions::news();
    // (text, tree, expected target words)
    let cases: [(&str, &str, &str); 11] = [
        // An intent is directed like its action: withdrawing troops from a place.
        (
            "Arnor is willing to withdraw its troops from the hills.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (ADJP (JJ willing) (S (VP (TO to) (VP (VB withdraw) (NP (PRP$ its) (NNS troops)) (PP (IN from) (NP (DT the) (NNS hills)))))))) (. .)))",
            "the hills",
        ),
        // A head naming nothing is named by the agent it is for.
        (
            "Arnor sent help for the police.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (NP (NN help)) (PP (IN for) (NP (DT the) (NN police))))) (. .)))",
            "the police",
        ),
        // The thing given gives way to its recipient, coded or not.
        (
            "Arnor sent aid to the elves.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (NN aid)) (PP (TO to) (NP (DT the) (NNS elves)))) (. .)))",
            "the elves",
        ),
        // A truce is declared with a party; an attack launched on one.
        (
            "Arnor declared a truce with the elves.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD declared) (NP (DT a) (NN truce)) (PP (IN with) (NP (DT the) (NNS elves)))) (. .)))",
            "the elves",
        ),
        (
            "Arnor launched an attack on the elves.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD launched) (NP (DT an) (NN attack)) (PP (IN on) (NP (DT the) (NNS elves)))) (. .)))",
            "the elves",
        ),
        // The object of an attack is its party; "with" names the means.
        (
            "Arnor attacked the elves with rockets.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (DT the) (NNS elves)) (PP (IN with) (NP (NNS rockets)))) (. .)))",
            "the elves",
        ),
        // "urged X to": the infinitive's subject is the object, even an agent only
        // after an uncoded source.
        (
            "The rebels urged the government to leave.",
            "(ROOT (S (NP (DT The) (NNS rebels)) (VP (VBD urged) (S (NP (DT the) (NN government)) (VP (TO to) (VP (VB leave))))) (. .)))",
            "the government",
        ),
        // An attitude is about its adjective's object.
        (
            "Arnor is skeptical about the treaty for Gondor.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBZ is) (ADJP (JJ skeptical) (PP (IN about) (NP (DT the) (NN treaty))) (PP (IN for) (NP (NNP Gondor))))) (. .)))",
            "the treaty",
        ),
        // A target and its "of" phrase name one party, unless the target names an actor
        // whose "of" phrase belongs to the verb.
        (
            "Arnor sent aid to the head of the elves.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD sent) (NP (NN aid)) (PP (TO to) (NP (NP (DT the) (NN head)) (PP (IN of) (NP (DT the) (NNS elves)))))) (. .)))",
            "the head of the elves",
        ),
        (
            "Arnor attacked dozens of elves.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD attacked) (NP (NP (NNS dozens)) (PP (IN of) (NP (NNS elves))))) (. .)))",
            "dozens of elves",
        ),
        (
            "Arnor accused the Gondor police of killings of elves.",
            "(ROOT (S (NP (NNP Arnor)) (VP (VBD accused) (NP (NP (DT the) (NNP Gondor) (NNS police)) (PP (IN of) (NP (NP (NNS killings)) (PP (IN of) (NP (NNS elves))))))) (. .)))",
            "the Gondor police",
        ),
    ];
    for (text, tree, expected) in cases {
        assert_eq!(
            first_target_text(&c, text, tree, &news).as_deref(),
            Some(expected),
            "{text}"
        );
    }
}
