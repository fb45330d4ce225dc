//! Unit tests for the record reader on small hand-written inputs.

use crate::{
    Item, PetrarchFile, PetrarchReader, Record, RecordError, SentenceRecord, read_petrarch,
};

fn read(xml: &str) -> PetrarchFile {
    match read_petrarch(xml.as_bytes()) {
        Ok(file) => file,
        Err(error) => panic!("I/O error on a byte slice: {error}"),
    }
}

fn sentence(id: &str, body: &str) -> String {
    format!("<Sentence date=\"19950101\" id=\"{id}\" category=\"T\">\n{body}\n</Sentence>\n")
}

const GOOD_BODY: &str = "<EventCoding sourcecode=\"ARN\" targetcode=\"GON\" eventcode=\"064\"></EventCoding>\n<Text>\n  Arnor  met\n Gondor.\n</Text>\n<Parse> (ROOT (S (NNP Arnor))) </Parse>";

#[test]
fn reads_environment_and_records_in_order() {
    let xml: String = format!(
        "<Validation>\n<Environment>\n<Verbfile>v.txt</Verbfile>\n<Actorfile>a1.txt</Actorfile>\n\
         <Actorfile>a2.txt</Actorfile>\n<Issuefile>i.txt</Issuefile>\n<Include>valid DEMO</Include>\n\
         <Exclude>BAD</Exclude>\n<Config option=\"x\" value=\"1\"/>\n<Mystery>m</Mystery>\n</Environment>\n\
         <Sentences>\n{}<Config option=\"require_dyad\" value=\"false\"></Config>\n{}<Stop></Stop>\n{}</Sentences>\n</Validation>\n",
        sentence("A-1", GOOD_BODY),
        sentence(
            "A-2",
            "<EventCoding noevents = \"True\"> </EventCoding>\n<Text>x &amp; y &#65;</Text>"
        ),
        sentence("A-3", "<Text>after stop</Text>"),
    );
    let file: PetrarchFile = read(&xml);
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    let env = file.environment.as_ref().expect("environment");
    assert_eq!(env.verbfile.as_deref(), Some("v.txt"));
    assert_eq!(env.actorfiles, ["a1.txt", "a2.txt"]);
    assert_eq!(env.issuefile.as_deref(), Some("i.txt"));
    assert_eq!(env.include, ["valid", "DEMO"]);
    assert_eq!(env.exclude, ["BAD"]);
    assert_eq!(env.config.len(), 1);
    assert_eq!(env.other, [("Mystery".to_string(), "m".to_string())]);

    let kinds: Vec<&str> = file
        .records
        .iter()
        .map(|record| match record {
            Record::Config(_) => "config",
            Record::Sentence(_) => "sentence",
            Record::Stop => "stop",
        })
        .collect();
    assert_eq!(
        kinds,
        ["sentence", "config", "sentence", "stop", "sentence"]
    );
    let sentences: Vec<&SentenceRecord> = file.sentences().collect();
    let first: &SentenceRecord = sentences[0];
    assert_eq!(first.text, "Arnor  met\n Gondor.");
    assert_eq!(first.normalized_text(), "Arnor met Gondor.");
    assert_eq!(first.raw_text, "\n  Arnor  met\n Gondor.\n");
    assert_eq!(first.parse.as_deref(), Some("(ROOT (S (NNP Arnor)))"));
    assert_eq!(first.line, 13);
    assert_eq!(first.category.as_deref(), Some("T"));
    assert!(!first.expects_no_events);
    assert_eq!(sentences[1].text, "x & y A");
    assert!(sentences[1].expects_no_events);
    assert!(sentences[1].expected.is_empty());
    assert_eq!(sentences[1].parse, None);
}

#[test]
fn loose_attribute_syntax() {
    let xml: &str = "<Sentence date = \"20080804\" id ='AFP-1'  source = \"AFP\"\n sentence = \"True\">\
                     <EventCoding sourcecode='\"INJURY TOLL\"' targetcode=\"OSG\" eventcode=\"223\"/>\
                     <Text>t</Text></Sentence>";
    let file: PetrarchFile = read(xml);
    let record: &SentenceRecord = file.sentences().next().expect("one sentence");
    assert_eq!(record.id, "AFP-1");
    assert_eq!(record.date, "20080804");
    assert_eq!(record.source.as_deref(), Some("AFP"));
    assert_eq!(
        record.other_attributes,
        [("sentence".to_string(), "True".to_string())]
    );
    assert_eq!(record.expected[0].source, "\"INJURY TOLL\"");
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    // error= plus an expected event is contradictory and reported.
    let contradictory: String = xml.replace("<Text>", "<EventCoding error=\"dateline\"/><Text>");
    assert_eq!(read(&contradictory).errors.len(), 1);
    let file: PetrarchFile = read(
        "<Sentence date=\"x\" id=\"E\"><EventCoding error=\"dateline\"/><Text>t</Text></Sentence>",
    );
    let record: &SentenceRecord = file.sentences().next().expect("one sentence");
    assert_eq!(record.expected_error.as_deref(), Some("dateline"));
    assert!(record.expects_no_events);
    assert_eq!(record.parsed_date, None);
}

fn errors_of(xml: &str) -> (Vec<String>, Vec<RecordError>) {
    let file: PetrarchFile = read(xml);
    let ids: Vec<String> = file.sentences().map(|s| s.id.clone()).collect();
    (ids, file.errors)
}

#[test]
fn malformed_records_are_reported_and_skipped() {
    let cases: [(&str, &str); 9] = [
        ("missing text", "<EventCoding noevents=\"True\"/>"),
        ("unclosed text", "<Text>abc"),
        (
            "bad event coding",
            "<EventCoding sourcecode=\"A\"/><Text>t</Text>",
        ),
        ("nested element in text", "<Text>a <b>bold</b></Text>"),
        ("stray text", "hello <Text>t</Text>"),
        ("two texts", "<Text>a</Text><Text>b</Text>"),
        ("bad entity", "<Text>a &nbsp; b</Text>"),
        ("bare ampersand", "<Text>a & b</Text>"),
        (
            "bad noevents",
            "<EventCoding noevents=\"maybe\"/><Text>t</Text>",
        ),
    ];
    for (what, body) in cases {
        let xml: String = format!(
            "<Sentences>\n{}{}</Sentences>",
            sentence("BAD", body),
            sentence("OK", GOOD_BODY)
        );
        let (ids, errors) = errors_of(&xml);
        assert_eq!(ids, ["OK"], "{what}: {errors:?}");
        assert_eq!(errors.len(), 1, "{what}: {errors:?}");
        assert_eq!(errors[0].id.as_deref(), Some("BAD"), "{what}");
        assert_eq!(errors[0].line, 2, "{what}");
        assert!(
            errors[0].to_string().starts_with("line 2: record BAD: "),
            "{}",
            errors[0]
        );
    }
}

#[test]
fn missing_end_tag_and_missing_attributes() {
    let xml: String = format!(
        "<Sentence id=\"NO-END\" date=\"19950101\"><Text>t</Text>\n{}<Sentence date=\"19950101\"><Text>t</Text></Sentence>\n{}",
        sentence("OK-1", GOOD_BODY),
        sentence("OK-2", GOOD_BODY)
    );
    let (ids, errors) = errors_of(&xml);
    assert_eq!(ids, ["OK-1", "OK-2"]);
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0].id.as_deref(), Some("NO-END"));
    assert!(errors[0].message.contains("missing </Sentence>"));
    assert_eq!(errors[1].id, None);
    assert!(errors[1].message.contains("missing id"));
}

#[test]
fn truncated_input() {
    let (ids, errors) = errors_of("<Sentences><Sentence id=\"T\" date=\"1\"><Text>cut off");
    assert!(ids.is_empty());
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].message.contains("inside <Sentence>"));
    let (_, errors) = errors_of("<Sentences><Sentence id=\"T\" date=\"1\"><Text");
    assert!(!errors.is_empty());
    let (_, errors) = errors_of("<Environment><Verbfile>v");
    assert_eq!(errors.len(), 1, "{errors:?}");
}

#[test]
fn config_without_value_and_unknown_top_level() {
    let (ids, errors) = errors_of("<Config option=\"x\"/><Bogus/>stray<Stop/>");
    assert!(ids.is_empty());
    assert_eq!(errors.len(), 3, "{errors:?}");
}

#[test]
fn streaming_reader_yields_items() {
    let xml: String = format!("<Sentences>{}</Sentences>", sentence("S", GOOD_BODY));
    let items: Vec<Item> = PetrarchReader::new(xml.as_bytes())
        .collect::<std::io::Result<Vec<Item>>>()
        .expect("no I/O errors");
    assert_eq!(items.len(), 1);
    assert!(matches!(&items[0], Item::Record(Record::Sentence(s)) if s.id == "S"));
}

#[test]
fn unreadable_file_is_a_hard_error() {
    let error =
        crate::read_petrarch_xml("/nonexistent/annalist/file.xml").expect_err("missing file");
    assert!(error.to_string().contains("/nonexistent/annalist/file.xml"));
}
