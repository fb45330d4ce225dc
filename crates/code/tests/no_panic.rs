//! Property tests: no input makes the coder panic.

use annalist_code::{Coder, CodingOptions, SentenceInput};
use annalist_dict::{Dictionaries, parse_actors, parse_agents, parse_discards, parse_verbs};
use proptest::prelude::*;

fn coder() -> Coder {
    let verbs: &str = "&S\n+TIES\n+DIPLOMATIC TIES\n\n--- RESTORE [064] ---\nRESTORE\n- * &S [065]\n- $ * + [066]\n- % * [030:030]\n- * WITH % [031]\n- ^ * + [067]\n- WAS_* BY $ [068]\n\n--- LEFT [032:033] ---\nLEFT\n+CORDON_OFF\nWIRE_+TAP\n";
    let dicts: Dictionaries = Dictionaries {
        verbs: parse_verbs("v", verbs).dict,
        actors: parse_actors(
            "a",
            "ARNOR [ARN]\nGONDOR [GON]\nMINAS_TIRITH_ [GON/ARN]\nX Y Z [XYZ]\n",
        )
        .dict,
        agents: parse_agents("g", "POLICE {} [~COP]\nMSF [NGO~]\nFORMER_X [~ELI]\n").dict,
        discards: parse_discards("d", "ZZZ\n").dict,
        issues: None,
    };
    Coder::new(&dicts)
}

const LABELS: [&str; 24] = [
    "ROOT", "S", "NP", "VP", "PP", "SBAR", "CC", "POS", "IN", "NNP", "NNS", "NN", "JJ", "VBN",
    "VBD", "VB", ",", "NEC", "NP-TMP", "DT", "PRT", "RP", ".", "",
];
const WORDS: [&str; 16] = [
    "Arnor", "Gondor", "and", "'s", "by", "was", "ties", "restored", "left", "with", ",", "Minas",
    "Tirith", "police", "cordoned", "off",
];

fn tree() -> impl Strategy<Value = String> {
    let leaf = (0..LABELS.len(), 0..WORDS.len())
        .prop_map(|(l, w)| format!("({} {})", LABELS[l], WORDS[w]));
    leaf.prop_recursive(6, 64, 6, |inner| {
        (0..LABELS.len(), prop::collection::vec(inner, 0..6))
            .prop_map(|(l, kids)| format!("({} {})", LABELS[l], kids.join(" ")))
    })
}

fn options() -> impl Strategy<Value = CodingOptions> {
    (
        any::<bool>(),
        0usize..5,
        0usize..4,
        0usize..9,
        0usize..4,
        0usize..9,
        0usize..4,
        0usize..9,
    )
        .prop_map(|(dyad, nal, a, b, c, d, e, f)| CodingOptions {
            require_dyad: dyad,
            new_actor_length: nal,
            comma_min: a,
            comma_max: b,
            comma_bmin: c,
            comma_bmax: d,
            comma_emin: e,
            comma_emax: f,
            one_sided: nal % 2 == 1,
            uncoded_actors: dyad == (nal % 2 == 1),
            appositions: a % 2 == 1,
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn generated_trees_never_panic(t in tree(), opt in options(), text in ".{0,40}") {
        let c = coder();
        let input = SentenceInput { doc_id: "d", sentence_id: "s", date: Some("20000101"), text: &text, parse: &t };
        let _ = c.code_sentence(&input, &opt);
        let wrapped = format!("(ROOT {t})");
        let input = SentenceInput { parse: &wrapped, ..input };
        let _ = c.code_sentence(&input, &opt);
    }

    #[test]
    fn arbitrary_strings_never_panic(s in "\\PC{0,200}", date in "\\PC{0,10}") {
        let c = coder();
        let input = SentenceInput { doc_id: "d", sentence_id: "s", date: Some(&date), text: &s, parse: &s };
        let _ = c.code_sentence(&input, &CodingOptions::default());
    }

    #[test]
    fn bracket_soup_never_panics(s in "[()A-Z ,.']{0,120}") {
        let c = coder();
        let input = SentenceInput { doc_id: "d", sentence_id: "s", date: None, text: "", parse: &s };
        let _ = c.code_sentence(&input, &CodingOptions::default());
    }
}
