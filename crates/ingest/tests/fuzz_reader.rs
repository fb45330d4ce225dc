//! Property tests: no input makes the reader panic or hang, and results do not
//! depend on how the input is buffered.

use std::io::BufReader;

use annalist_ingest::{PetrarchFile, read_petrarch};
use proptest::prelude::*;

const VALID: &str = "<Validation><Environment><Verbfile>v</Verbfile><Config option=\"a\" value=\"b\"/></Environment>\n<Sentences>\n<Sentence date = \"20080804\" id =\"X-1\" category=\"T\">\n<!-- comment -->\n<EventCoding sourcecode=\"ARN\" targetcode='\"G B\"' eventcode=\"064\"></EventCoding>\n<Text>\nArnor &amp; Gondor\n</Text>\n<Parse>(ROOT (S (NNP Arnor)))</Parse>\n</Sentence>\n<Config option=\"require_dyad\" value=\"false\"></Config>\n<Sentence date=\"19950101\" id=\"X-2\"><EventCoding noevents = \"True\"/><Text>t</Text></Sentence>\n<Stop></Stop>\n</Sentences></Validation>\n";

fn read_slice(bytes: &[u8]) -> PetrarchFile {
    match read_petrarch(bytes) {
        Ok(file) => file,
        Err(error) => panic!("byte slices cannot fail with I/O errors: {error}"),
    }
}

/// Pieces that recombine into plausible, often broken, PETRARCH XML.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<Sentence date=\"19950101\" id=\"A\">".to_string()),
        Just("</Sentence>".to_string()),
        Just("<Text>".to_string()),
        Just("</Text>".to_string()),
        Just("<Parse>(S (NN x))</Parse>".to_string()),
        Just("<EventCoding sourcecode=\"A\" targetcode=\"B\" eventcode=\"01\"/>".to_string()),
        Just("<EventCoding noevents=\"True\">".to_string()),
        Just("</EventCoding>".to_string()),
        Just("<Config option=\"o\" value=\"v\">".to_string()),
        Just("</Config>".to_string()),
        Just("<Environment>".to_string()),
        Just("</Environment>".to_string()),
        Just("<Stop/>".to_string()),
        Just("<!-- c -->".to_string()),
        Just("&amp;".to_string()),
        Just("&bogus;".to_string()),
        Just("<".to_string()),
        Just(">".to_string()),
        Just("\n".to_string()),
        "[ -~\\n]{0,12}",
        any::<String>(),
    ]
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = read_slice(&bytes);
    }

    #[test]
    fn arbitrary_strings_never_panic(text in ".{0,300}") {
        let _ = read_slice(text.as_bytes());
    }

    #[test]
    fn fragment_soup_never_panics(pieces in proptest::collection::vec(fragment(), 0..40)) {
        let xml: String = pieces.concat();
        let file: PetrarchFile = read_slice(xml.as_bytes());
        for error in &file.errors {
            prop_assert!(error.line >= 1);
        }
    }

    #[test]
    fn mutated_valid_file_never_panics(cut in 0..VALID.len(), insert in "[<>&\"'/ a-z]{0,3}", delete in 0usize..4) {
        let mut bytes: Vec<u8> = VALID.as_bytes().to_vec();
        let end: usize = (cut + delete).min(bytes.len());
        bytes.splice(cut..end, insert.bytes());
        let _ = read_slice(&bytes);
    }

    #[test]
    fn buffering_does_not_change_the_result(capacity in 1usize..64, pieces in proptest::collection::vec(fragment(), 0..20)) {
        let xml: String = format!("{VALID}{}", pieces.concat());
        let whole: PetrarchFile = read_slice(xml.as_bytes());
        let buffered: PetrarchFile = match read_petrarch(BufReader::with_capacity(capacity, xml.as_bytes())) {
            Ok(file) => file,
            Err(error) => return Err(TestCaseError::fail(error.to_string())),
        };
        prop_assert_eq!(whole, buffered);
    }
}

#[test]
fn valid_fixture_reads_cleanly() {
    let file: PetrarchFile = read_slice(VALID.as_bytes());
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    assert_eq!(file.records.len(), 4);
    let lines: Vec<usize> = file.sentences().map(|s| s.line).collect();
    assert_eq!(lines, [3, 12]);
}
