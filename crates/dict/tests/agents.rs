//! Agent dictionary features, each on a small dictionary written here.

use annalist_dict::{AgentDictionary, AgentPosition, parse_agents};

fn parse_ok(text: &str) -> AgentDictionary {
    let loaded = parse_agents("test.agents", text);
    assert!(
        loaded.warnings.is_empty(),
        "unexpected warnings: {:?}",
        loaded.warnings
    );
    loaded.dict
}

fn forms(dict: &AgentDictionary, index: usize) -> Vec<String> {
    dict.entries[index]
        .forms
        .iter()
        .map(|f| f.to_string())
        .collect()
}

#[test]
fn suffix_and_prefix_codes_and_plurals() {
    let dict = parse_ok(
        "HARBOUR_MASTER [~GOVPRT]  # ours\nRELIEF_AGENCY  [NGO~]\nDEPUTY {DEPUTIES_} [~LEG]\nGENTRY {} [ ~ELI ]\nBOSS [~BUS]\nGUARD DOG [~MIL]\n",
    );
    let first = &dict.entries[0];
    assert_eq!(first.code.code, "GOVPRT");
    assert_eq!(first.code.position, AgentPosition::Suffix);
    assert_eq!(first.comment.as_deref(), Some("ours"));
    assert_eq!(forms(&dict, 0), ["HARBOUR_MASTER", "HARBOUR_MASTERS"]);
    assert_eq!(dict.entries[1].code.position, AgentPosition::Prefix);
    assert_eq!(forms(&dict, 1), ["RELIEF_AGENCY", "RELIEF_AGENCIES"]);
    assert_eq!(forms(&dict, 2), ["DEPUTY", "DEPUTIES_"]);
    assert_eq!(dict.entries[3].plurals, Some(vec![]));
    assert_eq!(forms(&dict, 3), ["GENTRY"]);
    assert_eq!(dict.entries[3].code.code, "ELI");
    assert_eq!(forms(&dict, 4), ["BOSS", "BOSSES"]);
    // Blank: other words may intervene; `_`: adjacent.
    assert_eq!(dict.entries[5].phrase.joined, [false]);
    assert_eq!(dict.entries[0].phrase.joined, [true]);
}

#[test]
fn substitution_markers_expand_without_plurals() {
    let dict = parse_ok(
        "!SMITH! = SMITH, SMITHS , SMITHY\n!CHIEF! = HEAD,BOSS\nGOLD!SMITH! [~BUS]\n!CHIEF!_OF_!SMITH!_GUILD [~LAB]\n",
    );
    assert_eq!(dict.substitutions.len(), 2);
    assert_eq!(dict.substitutions[0].values, ["SMITH", "SMITHS", "SMITHY"]);
    assert_eq!(forms(&dict, 0), ["GOLDSMITH", "GOLDSMITHS", "GOLDSMITHY"]);
    assert_eq!(dict.entries[1].forms.len(), 6);
    assert!(forms(&dict, 1).contains(&"BOSS_OF_SMITHY_GUILD".to_string()));
}

#[test]
fn malformed_lines_warn() {
    let loaded = parse_agents(
        "bad.agents",
        "NO_CODE\nNO_TILDE [GOV]\n!UNDEFINED!_GROUP [~X]\nBRACE {OPEN [~X]\n [~X]\nOK [~OK]\nTYPO [~ENV}\n",
    );
    let lines: Vec<u32> = loaded.warnings.iter().map(|w| w.line).collect();
    assert_eq!(lines, [1, 2, 3, 4, 5, 7]);
    // The `}` typo is repaired (with a warning), as PETRARCH tolerates it.
    assert_eq!(loaded.dict.entries.len(), 2);
    assert_eq!(loaded.dict.entries[1].code.code, "ENV");
}
