//! Arbitrary text into every parser: nothing panics, warnings point at real lines.

use annalist_dict::{
    DictWarning, VerbDialect, parse_actors, parse_agents, parse_discards, parse_issues,
    parse_pattern, parse_verbs, parse_verbs_with_dialect,
};
use proptest::prelude::*;

/// Dictionary-flavoured noise: the characters the formats care about, plus anything.
fn dictish() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("---".to_string()),
            Just("\n".to_string()),
            Just("\t".to_string()),
            Just(" ".to_string()),
            Just("[".to_string()),
            Just("]".to_string()),
            Just("{".to_string()),
            Just("}".to_string()),
            Just("(".to_string()),
            Just(")".to_string()),
            Just("<!--".to_string()),
            Just("-->".to_string()),
            Just("<!".to_string()),
            // Characters whose upper case is longer than they are.
            Just("ß".to_string()),
            Just("ﬁ".to_string()),
            Just("<ISSUE CATEGORY=\"".to_string()),
            "[-+&$%^*_~!=#;<>:/n v]{1,3}",
            "[A-Z0-9]{1,6}",
            any::<String>(),
        ],
        0..40,
    );
    pieces.prop_map(|p| p.concat())
}

fn lines_in(text: &str) -> u32 {
    u32::try_from(text.lines().count())
        .unwrap_or(u32::MAX)
        .max(1)
}

fn check(warnings: &[DictWarning], text: &str) {
    let max: u32 = lines_in(text);
    for w in warnings {
        assert!(
            w.line >= 1 && w.line <= max,
            "warning {w} outside 1..={max}"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn verbs_never_panic(text in dictish()) {
        check(&parse_verbs("f", &text).warnings, &text);
        check(&parse_verbs_with_dialect("f", &text, Some(VerbDialect::Tabari)).warnings, &text);
        check(&parse_verbs_with_dialect("f", &text, Some(VerbDialect::Petrarch2)).warnings, &text);
    }

    #[test]
    fn patterns_never_panic(text in dictish()) {
        let _ = parse_pattern(&text, VerbDialect::Tabari);
        let _ = parse_pattern(&text, VerbDialect::Petrarch2);
    }

    #[test]
    fn actors_never_panic(text in dictish()) {
        check(&parse_actors("f", &text).warnings, &text);
    }

    #[test]
    fn agents_never_panic(text in dictish()) {
        check(&parse_agents("f", &text).warnings, &text);
    }

    #[test]
    fn discards_never_panic(text in dictish()) {
        check(&parse_discards("f", &text).warnings, &text);
    }

    #[test]
    fn issues_never_panic(text in dictish()) {
        check(&parse_issues("f", &text).warnings, &text);
    }

    #[test]
    fn arbitrary_unicode_never_panics(text in any::<String>()) {
        let _ = parse_verbs("f", &text);
        let _ = parse_actors("f", &text);
        let _ = parse_agents("f", &text);
        let _ = parse_discards("f", &text);
        let _ = parse_issues("f", &text);
    }
}

#[test]
fn pathological_issue_line_is_bounded() {
    let line: String = "v:a ".repeat(30) + "[X]";
    let loaded = parse_issues("f", &line);
    assert!(loaded.dict.entries[0].forms.len() <= 1024);
    assert_eq!(loaded.warnings.len(), 1);
}

#[test]
fn case_changing_characters_do_not_break_offsets() {
    let text: &str = "<ISSUEßß CATEGORY=\"ﬁx\">\nstraße [ß]\n</ISSUE>\n";
    let loaded = parse_issues("f", text);
    assert_eq!(loaded.dict.entries.len(), 1);
    let _ = parse_verbs("f", "--- ßß [ß] ---\nßSS {ß}\n- ß * ﬁ [ß:ß]\n");
    let _ = parse_actors("f", "ßTRASSE [ß ß]\n\t[ß <ß]\n");
    let _ = parse_agents("f", "!ß! = ß\nß!ß! [~ß]\n");
}
