//! CAMEO -> PLOVER event type and mode.
//!
//! PLOVER keeps sixteen event types. The mapping follows the PLOVER repository's CAMEO crosswalk
//! (`CAMEO2PLOVER-2021.txt`) with the later renames (DEMAND -> REQUEST; DISAPPROVE and
//! INVESTIGATE merged into ACCUSE; FIGHT merged into ASSAULT), and uses only mode names from the
//! PLOVER manual's mode tables. CAMEO 01 (statements) and 02 (appeals) are not coded in PLOVER.
//!
//! The rules are a prefix table: the longest rule prefix of the resolved CAMEO code wins, so
//! "1831" takes the "1831" row, "1832" falls to "183", and "180" to "18".

use crate::cameo::{CameoCode, resolve};

/// A PLOVER event type and, where the CAMEO code implies one, its mode.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Plover {
    /// One of [`EVENT_TYPES`].
    pub event: &'static str,
    /// A PLOVER mode name such as "firearms" or "demo", when the CAMEO code implies it.
    pub mode: Option<&'static str>,
}

/// The sixteen PLOVER event types.
pub const EVENT_TYPES: [&str; 16] = [
    AGREE, CONSULT, SUPPORT, CONCEDE, COOPERATE, AID, RETREAT, REQUEST, ACCUSE, REJECT, THREATEN,
    PROTEST, SANCTION, MOBILIZE, COERCE, ASSAULT,
];

const AGREE: &str = "AGREE";
const CONSULT: &str = "CONSULT";
const SUPPORT: &str = "SUPPORT";
const CONCEDE: &str = "CONCEDE";
const COOPERATE: &str = "COOPERATE";
const AID: &str = "AID";
const RETREAT: &str = "RETREAT";
const REQUEST: &str = "REQUEST";
const ACCUSE: &str = "ACCUSE";
const REJECT: &str = "REJECT";
const THREATEN: &str = "THREATEN";
const PROTEST: &str = "PROTEST";
const SANCTION: &str = "SANCTION";
const MOBILIZE: &str = "MOBILIZE";
const COERCE: &str = "COERCE";
const ASSAULT: &str = "ASSAULT";

/// One crosswalk row: CAMEO prefix, PLOVER event type, PLOVER mode.
type Rule = (&'static str, &'static str, Option<&'static str>);

/// The crosswalk. Roots 01 and 02 have no row on purpose.
static RULES: &[Rule] = &[
    ("03", AGREE, None),
    ("04", CONSULT, None),
    ("041", CONSULT, Some("phone")),
    ("042", CONSULT, Some("visit")),
    // The host of a visit: still a consultation by visit, seen from the other side.
    ("043", CONSULT, Some("visit")),
    ("044", CONSULT, Some("third-party")),
    ("05", SUPPORT, None),
    ("06", COOPERATE, None),
    ("07", AID, None),
    ("071", AID, Some("economic")),
    ("072", AID, Some("military")),
    ("073", AID, Some("humanitarian")),
    ("074", AID, Some("military")),
    ("075", AID, Some("asylum")),
    // YIELD splits: verbal concessions (080-083) vs material retreats (084-087).
    ("08", CONCEDE, None),
    ("084", RETREAT, None),
    ("0841", RETREAT, Some("release")),
    ("0842", RETREAT, Some("return")),
    ("085", RETREAT, None),
    ("086", RETREAT, Some("access")),
    ("087", RETREAT, None),
    ("0871", RETREAT, Some("ceasefire")),
    ("0872", RETREAT, Some("withdraw")),
    ("0873", RETREAT, Some("disarm")),
    ("0874", RETREAT, Some("withdraw")),
    ("09", ACCUSE, None),
    ("10", REQUEST, None),
    ("101", REQUEST, Some("assist")),
    ("102", REQUEST, Some("assist")),
    ("103", REQUEST, Some("assist")),
    ("104", REQUEST, Some("change")),
    ("105", REQUEST, Some("yield")),
    ("106", REQUEST, Some("meet")),
    ("107", REQUEST, Some("meet")),
    ("108", REQUEST, Some("meet")),
    ("11", ACCUSE, None),
    ("12", REJECT, None),
    ("121", REJECT, Some("assist")),
    ("122", REJECT, Some("assist")),
    ("123", REJECT, Some("change")),
    ("124", REJECT, Some("yield")),
    ("125", REJECT, Some("meet")),
    ("126", REJECT, Some("meet")),
    ("127", REJECT, Some("meet")),
    ("13", THREATEN, None),
    ("1311", THREATEN, Some("relations")),
    ("1312", THREATEN, Some("restrict")),
    ("1313", THREATEN, Some("relations")),
    ("1322", THREATEN, Some("ban")),
    ("1323", THREATEN, Some("restrict")),
    ("1324", THREATEN, Some("restrict")),
    ("134", THREATEN, Some("relations")),
    ("135", THREATEN, Some("relations")),
    ("136", THREATEN, Some("expel")),
    ("137", THREATEN, Some("violence")),
    ("138", THREATEN, Some("violence")),
    ("1381", THREATEN, Some("restrict")),
    ("1382", THREATEN, Some("territory")),
    ("14", PROTEST, None),
    ("141", PROTEST, Some("demo")),
    ("142", PROTEST, Some("strike-hun")),
    ("143", PROTEST, Some("boycott")),
    ("144", PROTEST, Some("obstruct")),
    ("145", PROTEST, Some("riot")),
    ("15", MOBILIZE, None),
    ("151", MOBILIZE, Some("police")),
    ("152", MOBILIZE, Some("troops")),
    ("153", MOBILIZE, Some("police")),
    ("154", MOBILIZE, Some("troops")),
    ("16", SANCTION, None),
    ("161", SANCTION, Some("sever")),
    ("162", SANCTION, Some("withdraw")),
    ("163", SANCTION, Some("sever")),
    ("164", SANCTION, Some("cancel")),
    ("165", SANCTION, Some("withdraw")),
    ("17", COERCE, None),
    ("171", COERCE, Some("confiscate")),
    // The PLOVER manual moved property destruction from COERCE to ASSAULT.
    ("1712", ASSAULT, Some("destroy")),
    ("172", COERCE, Some("restrict")),
    ("1722", COERCE, Some("ban")),
    ("1723", COERCE, Some("curfew")),
    ("1724", COERCE, Some("martial-law")),
    ("173", COERCE, Some("arrest")),
    ("174", COERCE, Some("deport")),
    ("175", ASSAULT, None),
    ("18", ASSAULT, None),
    ("181", ASSAULT, Some("abduct")),
    ("182", ASSAULT, Some("beat")),
    ("1821", ASSAULT, Some("sexual")),
    ("1822", ASSAULT, Some("torture")),
    ("183", ASSAULT, Some("explosives")),
    ("1831", ASSAULT, Some("suicide-attack")),
    ("185", ASSAULT, Some("assassinate")),
    ("186", ASSAULT, Some("assassinate")),
    ("19", ASSAULT, None),
    // Blockades and occupations restrict rather than attack (crosswalk: COERCE).
    ("191", COERCE, Some("restrict")),
    ("192", COERCE, None),
    ("193", ASSAULT, Some("firearms")),
    ("194", ASSAULT, Some("heavy-weapons")),
    // The manual's ASSAULT modes have no aerial mode; the crosswalk uses heavy-weapons.
    ("195", ASSAULT, Some("heavy-weapons")),
    ("20", ASSAULT, None),
];

/// The PLOVER event type (and mode) for any CAMEO code string [`resolve`] accepts; `None` for
/// CAMEO 01/02 and for strings that are not CAMEO codes.
pub fn plover(code: &str) -> Option<Plover> {
    let entry: &'static CameoCode = resolve(code)?.entry;
    plover_for(entry)
}

/// The PLOVER mapping of a known codebook entry.
pub fn plover_for(entry: &CameoCode) -> Option<Plover> {
    RULES
        .iter()
        .filter(|rule: &&Rule| entry.code.starts_with(rule.0))
        .max_by_key(|rule: &&Rule| rule.0.len())
        .map(|rule: &Rule| Plover {
            event: rule.1,
            mode: rule.2,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_prefixes_are_unique_and_known_codes() {
        for (index, rule) in RULES.iter().enumerate() {
            assert!(
                crate::cameo::lookup_exact(rule.0).is_some(),
                "rule prefix {} is not a CAMEO code",
                rule.0
            );
            assert!(EVENT_TYPES.contains(&rule.1), "unknown event {}", rule.1);
            assert!(
                RULES[index + 1..]
                    .iter()
                    .all(|other: &Rule| other.0 != rule.0),
                "duplicate rule prefix {}",
                rule.0
            );
        }
    }
}
