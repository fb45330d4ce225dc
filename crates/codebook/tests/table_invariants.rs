//! Invariants of the compiled CAMEO table and spot checks against the published values.

use annalist_codebook::{
    CameoCode, ROOTS, all_codes, lookup, lookup_exact, penta_class_of_root, quad_class_of_root,
    resolve, root_of,
};

#[test]
fn table_has_every_cameo_code() {
    // 20 roots + 291 three- and four-digit codes of CAMEO 1.1b3 (the GDELT Goldstein file's set).
    assert_eq!(all_codes().len(), 311);
    let roots: usize = all_codes().iter().filter(|c| c.is_root()).count();
    assert_eq!(roots, 20);
    for root in ROOTS {
        assert!(lookup_exact(root).is_some(), "root {root} missing");
    }
}

#[test]
fn table_is_sorted_and_unique() {
    for pair in all_codes().windows(2) {
        assert!(
            pair[0].code < pair[1].code,
            "{} !< {}",
            pair[0].code,
            pair[1].code
        );
    }
}

#[test]
fn every_code_is_well_formed_and_has_its_parents() {
    for entry in all_codes() {
        assert!((2..=4).contains(&entry.code.len()), "{}", entry.code);
        assert!(
            entry.code.bytes().all(|b| b.is_ascii_digit()),
            "{}",
            entry.code
        );
        assert_eq!(&entry.code[..2], entry.root, "{}", entry.code);
        assert!(
            lookup_exact(entry.root).is_some(),
            "{} has no root",
            entry.code
        );
        if entry.code.len() == 4 {
            assert!(
                lookup_exact(&entry.code[..3]).is_some(),
                "{} has no 3-digit parent",
                entry.code
            );
        }
        if entry.code.len() > 2 {
            assert!(entry.parent().is_some(), "{}", entry.code);
        }
    }
}

#[test]
fn classes_follow_the_root() {
    for entry in all_codes() {
        let root: u8 = entry.root_number();
        let expected_quad: u8 = match root {
            1..=5 => 1,
            6..=9 => 2,
            10..=14 => 3,
            _ => 4,
        };
        let expected_penta: u8 = match root {
            1 | 2 => 0,
            3..=5 => 1,
            6..=8 => 2,
            9..=13 | 16 => 3,
            _ => 4,
        };
        assert_eq!(entry.quad_class, expected_quad, "{}", entry.code);
        assert_eq!(entry.penta_class, expected_penta, "{}", entry.code);
        assert_eq!(quad_class_of_root(root), expected_quad);
        assert_eq!(penta_class_of_root(root), expected_penta);
    }
}

#[test]
fn goldstein_in_range_and_names_present() {
    for entry in all_codes() {
        assert!((-10.0..=10.0).contains(&entry.goldstein), "{}", entry.code);
        assert!(!entry.name.trim().is_empty(), "{}", entry.code);
        assert_eq!(entry.name.trim(), entry.name, "{}", entry.code);
        assert!(entry.name.is_ascii(), "{}", entry.code);
    }
}

#[test]
fn residual_x0_codes_say_not_specified_below() {
    // x0 codes are residual categories ("..., not specified below").
    for entry in all_codes()
        .iter()
        .filter(|c| c.code.len() == 3 && c.code.ends_with('0'))
    {
        assert!(
            entry.name.ends_with("not specified below"),
            "{}: {}",
            entry.code,
            entry.name
        );
    }
}

fn check(code: &str, name: &str, goldstein: f32) {
    let entry: &CameoCode = lookup_exact(code).unwrap_or_else(|| panic!("{code} missing"));
    assert_eq!(entry.name, name, "{code}");
    assert_eq!(entry.goldstein, goldstein, "{code}");
}

#[test]
fn spot_checks_against_the_codebook_and_gdelt() {
    check("010", "Make statement, not specified below", 0.0);
    check("012", "Make pessimistic comment", -0.4);
    check("036", "Express intent to meet or negotiate", 4.0);
    check("042", "Make a visit", 1.9);
    check("043", "Host a visit", 2.8);
    check("057", "Sign formal agreement", 8.0);
    check("074", "Provide military protection or peacekeeping", 8.5);
    check("0874", "Retreat or surrender militarily", 10.0);
    check("112", "Accuse, not specified below", -2.0);
    check("130", "Threaten, not specified below", -4.4);
    check("141", "Demonstrate or rally", -6.5);
    check("145", "Protest violently, riot", -7.5);
    check("163", "Impose embargo, boycott, or sanctions", -8.0);
    check("171", "Seize or damage property, not specified below", -9.2);
    check("173", "Arrest, detain, or charge with legal action", -5.0);
    check("182", "Physically assault, not specified below", -9.5);
    check("1821", "Sexually assault", -9.0);
    check("1823", "Kill by physical assault", -10.0);
    check(
        "190",
        "Use conventional military force, not specified below",
        -10.0,
    );
    check("195", "Employ aerial weapons", -10.0);
    check("2042", "Detonate nuclear weapons", -10.0);
    check("19", "FIGHT", -10.0);
    check("01", "MAKE PUBLIC STATEMENT", 0.0);
}

#[test]
fn exact_codes_resolve_without_fallback() {
    for entry in all_codes() {
        let resolved = resolve(entry.code).expect("known code");
        assert_eq!(resolved.entry.code, entry.code);
        assert!(!resolved.fell_back, "{}", entry.code);
    }
    let padded = resolve("  190\n").expect("whitespace is ignored");
    assert_eq!(padded.entry.code, "190");
    assert!(!padded.fell_back);
}

#[test]
fn dictionary_oddities_fall_back_to_a_parent() {
    let cases: [(&str, &str); 8] = [
        ("174L", "174"),
        ("1239", "123"),
        ("19011", "190"),
        ("1958", "195"),
        ("199", "19"),
        ("0211x", "0211"),
        ("2049", "204"),
        ("08a", "08"),
    ];
    for (input, expected) in cases {
        let resolved = resolve(input).unwrap_or_else(|| panic!("{input} should resolve"));
        assert_eq!(resolved.entry.code, expected, "{input}");
        assert!(resolved.fell_back, "{input}");
    }
    // Codes real dictionaries use that exist in 1.1b3 resolve exactly.
    for known in ["0874", "1123", "19", "20"] {
        assert_eq!(resolve(known).map(|r| r.fell_back), Some(false), "{known}");
    }
}

#[test]
fn garbage_is_none() {
    for input in [
        "",
        "---",
        "-",
        " ",
        "1",
        "9",
        "00",
        "21",
        "99",
        "abc",
        "x190",
        "-190",
        "１９０",
    ] {
        assert!(resolve(input).is_none(), "{input:?}");
        assert!(root_of(input).is_none(), "{input:?}");
    }
}

#[test]
fn root_of_works_at_every_level() {
    assert_eq!(root_of("19"), Some("19"));
    assert_eq!(root_of("190"), Some("19"));
    assert_eq!(root_of("1823"), Some("18"));
    assert_eq!(root_of("174L"), Some("17"));
    assert_eq!(lookup("0874").map(|c| c.quad_class), Some(2));
    assert_eq!(lookup("145").map(|c| c.penta_class), Some(4));
    assert_eq!(lookup("163").map(|c| c.penta_class), Some(3));
}
