//! CAMEO -> PLOVER crosswalk.

use annalist_codebook::{PLOVER_EVENT_TYPES, Plover, all_codes, plover, plover_for};

fn p(event: &'static str, mode: Option<&'static str>) -> Option<Plover> {
    Some(Plover { event, mode })
}

#[test]
fn statements_and_appeals_have_no_plover_type() {
    for code in ["01", "010", "019", "02", "020", "0256", "028"] {
        assert_eq!(plover(code), None, "{code}");
    }
}

#[test]
fn every_code_from_03_up_maps_to_a_known_type() {
    for entry in all_codes().iter().filter(|c| c.root_number() >= 3) {
        let mapped: Plover = plover_for(entry).unwrap_or_else(|| panic!("{} unmapped", entry.code));
        assert!(PLOVER_EVENT_TYPES.contains(&mapped.event), "{}", entry.code);
    }
    // And every one of the 16 types is reachable.
    for event in PLOVER_EVENT_TYPES {
        assert!(
            all_codes()
                .iter()
                .any(|c| plover_for(c).is_some_and(|m| m.event == event)),
            "{event} unreachable"
        );
    }
}

#[test]
fn spot_checks() {
    assert_eq!(plover("036"), p("AGREE", None));
    assert_eq!(plover("042"), p("CONSULT", Some("visit")));
    assert_eq!(plover("057"), p("SUPPORT", None));
    assert_eq!(plover("073"), p("AID", Some("humanitarian")));
    assert_eq!(plover("0831"), p("CONCEDE", None));
    assert_eq!(plover("0841"), p("RETREAT", Some("release")));
    assert_eq!(plover("0871"), p("RETREAT", Some("ceasefire")));
    assert_eq!(plover("091"), p("ACCUSE", None));
    assert_eq!(plover("1053"), p("REQUEST", Some("yield")));
    assert_eq!(plover("112"), p("ACCUSE", None));
    assert_eq!(plover("125"), p("REJECT", Some("meet")));
    assert_eq!(plover("1382"), p("THREATEN", Some("territory")));
    assert_eq!(plover("1411"), p("PROTEST", Some("demo")));
    assert_eq!(plover("1423"), p("PROTEST", Some("strike-hun")));
    assert_eq!(plover("145"), p("PROTEST", Some("riot")));
    assert_eq!(plover("154"), p("MOBILIZE", Some("troops")));
    assert_eq!(plover("163"), p("SANCTION", Some("sever")));
    assert_eq!(plover("173"), p("COERCE", Some("arrest")));
    assert_eq!(plover("1712"), p("ASSAULT", Some("destroy")));
    assert_eq!(plover("181"), p("ASSAULT", Some("abduct")));
    assert_eq!(plover("1821"), p("ASSAULT", Some("sexual")));
    assert_eq!(plover("1831"), p("ASSAULT", Some("suicide-attack")));
    assert_eq!(plover("1833"), p("ASSAULT", Some("explosives")));
    assert_eq!(plover("190"), p("ASSAULT", None));
    assert_eq!(plover("193"), p("ASSAULT", Some("firearms")));
    assert_eq!(plover("191"), p("COERCE", Some("restrict")));
    assert_eq!(plover("2041"), p("ASSAULT", None));
}

#[test]
fn fallback_codes_map_like_their_parent() {
    assert_eq!(plover("174L"), plover("174"));
    assert_eq!(plover("19311"), plover("193"));
    assert_eq!(plover("---"), None);
    assert_eq!(plover(""), None);
}
