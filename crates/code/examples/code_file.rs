//! Code a PETRARCH XML file and print one line per event:
//! `cargo run -p annalist-code --example code_file -- DICT_DIR FILE [phoenix|validate]`.

use std::path::Path;

use annalist_code::{Coder, CodingOptions, SentenceInput};
use annalist_dict::{DictionaryPaths, load_set};
use annalist_ingest::{Record, read_petrarch_xml};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: code_file DICT_DIR FILE [phoenix|validate]");
        return;
    }
    let dir: &Path = Path::new(&args[1]);
    let paths: DictionaryPaths = match args.get(3).map(String::as_str) {
        Some("validate") => DictionaryPaths::petr_validate(dir),
        _ => DictionaryPaths::phoenix(dir),
    };
    let dicts = match load_set(&paths) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let coder: Coder = Coder::new(&dicts.dict);
    let file = match read_petrarch_xml(&args[2]) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return;
        }
    };
    let mut options: CodingOptions = CodingOptions::default();
    for rec in &file.records {
        let s = match rec {
            Record::Config(c) => {
                options.apply(&c.option, &c.value);
                continue;
            }
            Record::Stop => break,
            Record::Sentence(s) => s,
        };
        let input: SentenceInput<'_> = SentenceInput {
            doc_id: &s.id,
            sentence_id: &s.id,
            date: Some(&s.date),
            text: &s.text,
            parse: s.parse.as_deref().unwrap_or(""),
        };
        match coder.code_sentence(&input, &options) {
            Ok(events) => {
                for e in events {
                    let src = e
                        .source
                        .as_ref()
                        .and_then(|a| a.code.as_deref())
                        .unwrap_or("");
                    let tgt = e
                        .target
                        .as_ref()
                        .and_then(|a| a.code.as_deref())
                        .unwrap_or("");
                    let verb = e.verb.as_ref().map(|v| v.text.as_str()).unwrap_or("");
                    let pat = e
                        .pattern
                        .as_ref()
                        .map(|p| format!("{}:{} {}", p.file, p.line, p.text))
                        .unwrap_or_default();
                    println!("{}\t{src}\t{tgt}\t{}\t{verb}\t{pat}", s.id, e.cameo);
                }
            }
            Err(e) => println!("{}\t-\t-\t-\t{e}", s.id),
        }
    }
}
