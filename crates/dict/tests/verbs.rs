//! Verb dictionary features, each on a small dictionary written here.

use annalist_dict::{
    PatternElement, PatternToken, TransformTerm, VerbDialect, VerbDictionary, VerbPattern,
    parse_verbs, parse_verbs_with_dialect,
};

fn parse_ok(text: &str) -> VerbDictionary {
    let loaded = parse_verbs("test.verbs", text);
    assert!(
        loaded.warnings.is_empty(),
        "unexpected warnings: {:?}",
        loaded.warnings
    );
    loaded.dict
}

fn word(w: &str, connected_after: bool) -> PatternElement {
    PatternElement {
        token: PatternToken::Word(w.to_string()),
        connected_after,
    }
}

fn texts(forms: &[annalist_dict::Phrase]) -> Vec<String> {
    forms.iter().map(|f| f.to_string()).collect()
}

fn only_pattern(dict: &VerbDictionary) -> &VerbPattern {
    assert_eq!(dict.pattern_count(), 1);
    &dict.blocks[0].patterns[0]
}

#[test]
fn synsets_generate_plurals_unless_underscored() {
    let dict = parse_ok(
        "&WEAPONRY   # arms\n+RIFLE\n+MORTAR_SHELL\n+AMMUNITION_\n+&OTHERSET\n\n\
         &OTHERSET\n+GUN\n\n&LINKWORD_\n+TOWARD\n+ALONG_WITH\n",
    );
    assert_eq!(dict.synsets.len(), 3);
    let weaponry = dict.synset("WEAPONRY").expect("defined");
    assert!(!weaponry.no_plurals);
    assert_eq!(weaponry.comment.as_deref(), Some("arms"));
    assert_eq!(texts(&weaponry.members[0].forms), ["RIFLE", "RIFLES"]);
    assert_eq!(
        texts(&weaponry.members[1].forms),
        ["MORTAR_SHELL", "MORTAR_SHELLS"]
    );
    assert_eq!(weaponry.members[1].phrase.joined, [true]);
    assert_eq!(texts(&weaponry.members[2].forms), ["AMMUNITION_"]);
    assert_eq!(weaponry.members[3].synset_ref.as_deref(), Some("OTHERSET"));
    let link = dict.synset("LINKWORD").expect("label without `_`");
    assert!(link.no_plurals);
    assert_eq!(texts(&link.members[1].forms), ["ALONG_WITH"]);
    assert_eq!(link.members[1].loc.line, 12);
}

#[test]
fn block_header_verbs_and_codes() {
    let dict = parse_ok(
        "--- PRAISE  [051] ---\nPRAISE   # first\nLAUD {LAUDED LAUDING} [052]\nAPPLY\nCARRY {}\n\n\
         --- SCOLD ---\nSCOLD\n",
    );
    assert_eq!(dict.blocks.len(), 2);
    let praise = &dict.blocks[0];
    assert_eq!(praise.name, "PRAISE");
    assert_eq!(praise.code.primary.as_deref(), Some("051"));
    assert_eq!(praise.loc.line, 1);
    assert!(praise.verbs[0].primary && !praise.verbs[1].primary);
    assert_eq!(praise.verbs[0].comment.as_deref(), Some("first"));
    assert_eq!(
        texts(&praise.verbs[0].forms),
        ["PRAISE", "PRAISES", "PRAISED", "PRAISING"]
    );
    assert_eq!(texts(&praise.verbs[1].forms), ["LAUD", "LAUDED", "LAUDING"]);
    assert_eq!(
        praise.verbs[1]
            .code
            .as_ref()
            .and_then(|c| c.primary.as_deref()),
        Some("052")
    );
    assert_eq!(praise.verbs[1].effective_code(praise).raw, "052");
    assert_eq!(praise.verbs[2].effective_code(praise).raw, "051");
    assert_eq!(
        texts(&praise.verbs[2].forms),
        ["APPLY", "APPLIES", "APPLIED", "APPLYING"]
    );
    assert_eq!(praise.verbs[3].irregular_forms, Some(vec![]));
    assert_eq!(texts(&praise.verbs[3].forms), ["CARRY"]);
    // No code on the header: the null code.
    assert!(dict.blocks[1].code.is_null());
}

#[test]
fn multi_word_verbs_mark_the_verb_with_plus() {
    let dict = parse_ok(
        "--- SEAL [080] ---\nSEAL\n+FENCE_IN\nRE_+OPEN [081]\n+SHUT_OUT {+SHUTS_OUT +SHUTTING_OUT}\n",
    );
    let verbs = &dict.blocks[0].verbs;
    assert_eq!(verbs[1].verb_index, 0);
    assert!(verbs[1].marked_multiword);
    assert_eq!(
        texts(&verbs[1].forms),
        ["FENCE_IN", "FENCES_IN", "FENCED_IN", "FENCING_IN"]
    );
    assert_eq!(verbs[2].verb_index, 1);
    assert_eq!(verbs[2].phrase.words, ["RE", "OPEN"]);
    assert_eq!(
        texts(&verbs[2].forms),
        ["RE_OPEN", "RE_OPENS", "RE_OPENED", "RE_OPENING"]
    );
    assert_eq!(
        texts(&verbs[3].forms),
        ["SHUT_OUT", "SHUTS_OUT", "SHUTTING_OUT"]
    );
}

#[test]
fn tabari_pattern_tokens() {
    let dict = parse_ok("--- MEET [040] ---\nMEET\n- $ TALKS_* ^ WITH + AND % [041:042] # note\n");
    let p = only_pattern(&dict);
    assert_eq!(p.dialect, VerbDialect::Tabari);
    assert_eq!(p.raw, "$ TALKS_* ^ WITH + AND %");
    assert_eq!(p.comment.as_deref(), Some("note"));
    assert_eq!(p.code.primary.as_deref(), Some("041"));
    assert_eq!(p.code.secondary.as_deref(), Some("042"));
    assert_eq!(p.lower[0].token, PatternToken::Source);
    assert_eq!(p.lower[1], word("TALKS", true));
    assert!(p.verb_connected_before);
    assert!(!p.verb_connected_after);
    let upper: Vec<&PatternToken> = p.upper.iter().map(|e| &e.token).collect();
    assert_eq!(
        upper,
        [
            &PatternToken::Skip,
            &PatternToken::Word("WITH".into()),
            &PatternToken::Target,
            &PatternToken::Word("AND".into()),
            &PatternToken::Compound
        ]
    );
    assert_eq!(p.loc.line, 3);
}

#[test]
fn tabari_connectors_and_synsets_in_patterns() {
    let dict = parse_ok(
        "&PLACE\n+TOWN\n\n--- GO [030] ---\nGO\n- NEAR_&PLACE_* UP_  [031]\n- AFTER_ *_BACK_HOME [032]\n",
    );
    let patterns = &dict.blocks[0].patterns;
    let first = &patterns[0];
    assert_eq!(
        first.lower,
        [
            word("NEAR", true),
            PatternElement {
                token: PatternToken::Synset("PLACE".into()),
                connected_after: true
            }
        ]
    );
    // A trailing `_` at the end of the pattern: exact last word.
    assert_eq!(first.upper, [word("UP", true)]);
    let second = &patterns[1];
    // `AFTER_ *`: TABARI legacy open match.
    assert_eq!(second.lower, [word("AFTER", false)]);
    assert!(!second.verb_connected_before);
    assert!(second.verb_connected_after);
    assert_eq!(second.upper, [word("BACK", true), word("HOME", false)]);
}

#[test]
fn code_forms() {
    let dict = parse_ok(
        "--- X [---] ---\nX\n- * A [---]\n- * B [013:012]\n- * C [174L]\n- * D [def]\n- * E [:173]\n- * F [###]\n",
    );
    let codes: Vec<(Option<&str>, Option<&str>, bool)> = dict.blocks[0]
        .patterns
        .iter()
        .map(|p| {
            (
                p.code.primary.as_deref(),
                p.code.secondary.as_deref(),
                p.code.compound,
            )
        })
        .collect();
    assert_eq!(
        codes,
        [
            (None, None, false),
            (Some("013"), Some("012"), true),
            (Some("174L"), None, false),
            (Some("DEF"), None, false),
            (None, Some("173"), true),
            (Some("###"), None, false),
        ]
    );
    assert!(dict.blocks[0].code.is_null());
    assert_eq!(dict.blocks[0].patterns[3].code.raw, "def");
}

#[test]
fn petrarch2_syntactic_patterns() {
    let dict = parse_ok(
        "&ARMS\n+TANK\n\n--- SEND [070] ---\nSEND\n- &ARMS * {RELIEF SUPPLIES} (TO {BORDER REGION}) (FOR) $ [071]\n",
    );
    assert_eq!(dict.dialect, VerbDialect::Petrarch2);
    let p = only_pattern(&dict);
    assert_eq!(p.dialect, VerbDialect::Petrarch2);
    assert_eq!(p.lower[0].token, PatternToken::Synset("ARMS".into()));
    assert_eq!(
        p.upper[0].token,
        PatternToken::NounPhrase(vec![word("RELIEF", false), word("SUPPLIES", false)])
    );
    assert_eq!(
        p.upper[1].token,
        PatternToken::PrepPhrase {
            preposition: "TO".into(),
            object: vec![PatternElement {
                token: PatternToken::NounPhrase(vec![word("BORDER", false), word("REGION", false)]),
                connected_after: false
            }]
        }
    );
    assert_eq!(
        p.upper[2].token,
        PatternToken::PrepPhrase {
            preposition: "FOR".into(),
            object: vec![]
        }
    );
    assert_eq!(p.upper[3].token, PatternToken::Source);
}

#[test]
fn dialect_can_be_forced() {
    let text = "--- SEND [070] ---\nSEND\n- * AID [071]\n- * (TO X) [072]\n";
    let p2 = parse_verbs_with_dialect("t", text, Some(VerbDialect::Petrarch2));
    assert!(p2.warnings.is_empty());
    assert_eq!(p2.dict.pattern_count(), 2);
    let tabari = parse_verbs_with_dialect("t", text, Some(VerbDialect::Tabari));
    assert_eq!(tabari.dict.pattern_count(), 1);
    assert_eq!(tabari.warnings.len(), 1);
    assert_eq!(tabari.warnings[0].line, 4);
    assert!(tabari.warnings[0].message.contains("TABARI"));
    let detected = parse_verbs("t", "--- SEND [070] ---\nSEND\n- * AID [071]\n");
    assert_eq!(detected.dict.dialect, VerbDialect::Tabari);
}

#[test]
fn transformations() {
    let dict = parse_ok(
        "--- SAY [010] ---\nSAY\n\n~ a (a b FIGHT) SAY = a b 015  # claim\n~ a (_ b Q) WANT = a b Q\n",
    );
    assert_eq!(dict.transformations.len(), 2);
    let t = &dict.transformations[0];
    assert_eq!(t.comment.as_deref(), Some("claim"));
    assert_eq!(
        t.lhs,
        [
            TransformTerm::Var("a".into()),
            TransformTerm::Group(vec![
                TransformTerm::Var("a".into()),
                TransformTerm::Var("b".into()),
                TransformTerm::Verb("FIGHT".into())
            ]),
            TransformTerm::Verb("SAY".into())
        ]
    );
    assert_eq!(t.rhs, ["a", "b", "015"]);
    assert_eq!(dict.transformations[1].rhs[2], "Q");
}

#[test]
fn comments_of_all_kinds() {
    let dict = parse_ok(
        "<!-- header -->\n<!-- a\nlong\ncomment -->\n# python\n--- HELP [070] --- ; legacy\nHELP <!-- inline -->\n- * FOOD [071] # x\n",
    );
    assert_eq!(dict.blocks.len(), 1);
    assert_eq!(dict.blocks[0].loc.line, 6);
    assert_eq!(dict.blocks[0].verbs.len(), 1);
    assert_eq!(dict.blocks[0].verbs[0].phrase.words, ["HELP"]);
    assert_eq!(dict.blocks[0].patterns[0].loc.line, 8);
}

#[test]
fn malformed_lines_warn_and_are_skipped() {
    let loaded = parse_verbs(
        "bad.verbs",
        "- * ORPHAN [010]\nLONELY\n--- OK [010] ---\nOK\n- * NO CODE\n- NO VERB [011]\n- * * TWO [012]\n- * &UNDEFINED [013]\n- * GOOD [014]\n- * (UNCLOSED [015]\n",
    );
    let lines: Vec<u32> = loaded.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [1, 2, 5, 6, 7, 10, 8]);
    assert!(loaded.warnings.iter().all(|w| &*w.file == "bad.verbs"));
    assert_eq!(loaded.dict.pattern_count(), 1);
    assert_eq!(loaded.dict.blocks[0].patterns[0].raw, "* GOOD");
}
