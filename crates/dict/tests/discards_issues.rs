//! Discard and issue list features, each on a small list written here.

use annalist_dict::{DiscardScope, IssueAction, IssueExpansion, parse_discards, parse_issues};

#[test]
fn discards_story_and_sentence_scope() {
    let loaded = parse_discards(
        "test.discards",
        "# sports\n+Cricket Test Match  # story\nCHESS OLYMPIAD\nPOLO_\n",
    );
    assert!(loaded.warnings.is_empty());
    let entries = &loaded.dict.entries;
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0].scope, DiscardScope::Story);
    assert_eq!(entries[0].phrase.words, ["CRICKET", "TEST", "MATCH"]);
    assert_eq!(entries[0].comment.as_deref(), Some("story"));
    assert_eq!(entries[0].loc.line, 2);
    assert_eq!(entries[1].scope, DiscardScope::Sentence);
    assert!(
        entries[2].phrase.exact,
        "trailing `_`: must end at a word boundary"
    );
    assert!(!entries[1].phrase.exact);
}

#[test]
fn issues_codes_categories_expansions_and_ignores() {
    let loaded = parse_issues(
        "test.issues",
        "<ISSUE CATEGORY=\"WATER\" TYPE=\"ALL\">\nn:aquifer [WATER_SUPPLY] # x\nv:irrigate n:field [FARMING]\nwater+borne n:illness [HEALTH]\n~water polo\n~~water music\nno code here\n</ISSUE>\nrainfall [WEATHER]\n",
    );
    let lines: Vec<u32> = loaded.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [7], "the line without a code is reported");
    let entries = &loaded.dict.entries;
    assert_eq!(entries.len(), 6);
    assert_eq!(entries[0].category.as_deref(), Some("WATER"));
    assert_eq!(entries[0].action, IssueAction::Code("WATER_SUPPLY".into()));
    assert_eq!(entries[0].words[0].expansion, IssueExpansion::Noun);
    let forms = |i: usize| -> Vec<String> { entries[i].forms.iter().map(|f| f.text()).collect() };
    assert_eq!(forms(0), ["AQUIFER", "AQUIFERS"]);
    assert_eq!(forms(1).len(), 8);
    assert!(forms(1).contains(&"IRRIGATING FIELDS".to_string()));
    assert!(forms(1).contains(&"IRRIGATED FIELD".to_string()));
    assert_eq!(
        forms(2),
        [
            "WATER BORNE ILLNESS",
            "WATER BORNE ILLNESSES",
            "WATER-BORNE ILLNESS",
            "WATER-BORNE ILLNESSES"
        ]
    );
    assert_eq!(
        entries[3].action,
        IssueAction::Ignore(DiscardScope::Sentence)
    );
    assert_eq!(entries[4].action, IssueAction::Ignore(DiscardScope::Story));
    assert_eq!(entries[4].forms[0].text(), "WATER MUSIC");
    assert_eq!(entries[5].category, None);
}
