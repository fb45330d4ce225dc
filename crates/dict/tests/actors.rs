//! Actor dictionary features, each on a small dictionary written here.

use annalist_dict::{ActorDictionary, DateRestriction, DictDate, parse_actors};

fn parse_ok(text: &str) -> ActorDictionary {
    let loaded = parse_actors("test.actors", text);
    assert!(
        loaded.warnings.is_empty(),
        "unexpected warnings: {:?}",
        loaded.warnings
    );
    loaded.dict
}

#[test]
fn names_synonyms_and_codes() {
    let dict = parse_ok(
        "FREEDONIA_  [FRD]  # made up\n+FREEDONIAN\n+REPUBLIC_OF_FREEDONIA\n\nSYLVANIA [SYL] [SYLGOV]\n",
    );
    assert_eq!(dict.entries.len(), 2);
    let freedonia = &dict.entries[0];
    assert_eq!(freedonia.names.len(), 3);
    let primary = freedonia.primary().expect("primary");
    assert_eq!(primary.phrase.words, ["FREEDONIA"]);
    assert!(primary.phrase.exact, "trailing `_`: exact, no plural");
    assert_eq!(primary.comment.as_deref(), Some("made up"));
    assert!(!primary.synonym && freedonia.names[1].synonym);
    assert_eq!(
        freedonia.names[2].phrase.words,
        ["REPUBLIC", "OF", "FREEDONIA"]
    );
    assert_eq!(freedonia.names[2].phrase.joined, [true, true]);
    assert_eq!(freedonia.names[2].loc.line, 3);
    assert_eq!(freedonia.codes[0].codes, ["FRD"]);
    assert_eq!(freedonia.codes[0].restriction, DateRestriction::Always);
    let sylvania = &dict.entries[1];
    assert_eq!(sylvania.codes.len(), 2, "multiple codes on one line");
    assert_eq!(sylvania.codes[1].codes, ["SYLGOV"]);
}

#[test]
fn codes_on_following_lines_and_date_restrictions() {
    let dict = parse_ok(
        "RUFUS_T_FIREFLY\n+FIREFLY\n\t[FRDELI <19330101]\n\t[FRDGOV 19330101 - 19451231]\n  [FRDELI >460101]\n\t[FRDREB 900101-051231]\n\t[FRD]\n",
    );
    let entry = &dict.entries[0];
    assert_eq!(entry.names.len(), 2);
    let restrictions: Vec<DateRestriction> = entry.codes.iter().map(|c| c.restriction).collect();
    assert_eq!(
        restrictions,
        [
            DateRestriction::Before(DictDate(19330101)),
            DateRestriction::Between(DictDate(19330101), DictDate(19451231)),
            DateRestriction::After(DictDate(19460101)),
            // Six-digit dates: 00-30 are 20YY, the rest 19YY.
            DateRestriction::Between(DictDate(19900101), DictDate(20051231)),
            DateRestriction::Always,
        ]
    );
    assert_eq!(entry.codes[1].loc.line, 4);
    let on = |d: u32| -> Vec<String> {
        entry
            .codes_on(DictDate(d))
            .iter()
            .flat_map(|c| c.codes.clone())
            .collect()
    };
    assert_eq!(on(19200101), ["FRDELI"]);
    assert_eq!(on(19400101), ["FRDGOV"]);
    assert_eq!(on(19700101), ["FRDELI"]);
    assert_eq!(on(19950101), ["FRDELI", "FRDREB"]);
}

#[test]
fn slash_codes_lower_case_and_null_codes() {
    let dict = parse_ok("DUCHY [dch/dcg]\nNOBODY [---]\nUNCODED\n");
    assert_eq!(dict.entries[0].codes[0].codes, ["DCH", "DCG"]);
    assert_eq!(dict.entries[1].codes[0].codes, ["---"]);
    assert!(dict.entries[2].codes.is_empty());
}

#[test]
fn comments_are_skipped() {
    let dict = parse_ok(
        "<!-- top -->\n<!--\n# inside\nstill inside -->\n# full line\nOSLO [NOR] ;legacy\n<! -- sloppy -->\n",
    );
    assert_eq!(dict.entries.len(), 1);
    assert_eq!(dict.entries[0].loc.line, 6);
}

#[test]
fn malformed_lines_warn() {
    let loaded = parse_actors(
        "bad.actors",
        "\t[ORPHAN]\n+ORPHAN_SYNONYM\nGOOD [GD]\n\t[GD 2001-01]\n\t[GD <20010231]\n\t[950601-990815]\n\t[GD 20050101-20040101]\n\t[GD 20051301]\n\t[GD\n",
    );
    let lines: Vec<u32> = loaded.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [1, 2, 4, 5, 6, 7, 8, 9]);
    assert_eq!(loaded.dict.entries.len(), 1);
    assert_eq!(loaded.dict.entries[0].codes.len(), 1);
}
