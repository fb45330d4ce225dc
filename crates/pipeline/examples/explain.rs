//! Why a sentence codes as it does: the front end's tree and the coder's linear form of it
//! (actor codes after comma removal), with the embedded default dictionaries.
//!
//! `cargo run --release -p annalist-pipeline --example explain -- "Rebels attacked the army."`

use annalist_code::{Coder, CodingOptions, SentenceInput};
use annalist_text::{Analyzer, SentenceView};

fn main() {
    let text: String = std::env::args().skip(1).collect::<Vec<String>>().join(" ");
    let dictionaries = annalist_dict::defaults::load_defaults().dict;
    let coder: Coder = Coder::new(&dictionaries);
    let options: CodingOptions = CodingOptions::news();
    let mut analyzer: Analyzer = Analyzer::new();
    analyzer.for_each_sentence(&text, |view: SentenceView<'_, '_>| {
        let parse: String = view.tree.to_bracketed();
        println!("{}", view.tree.to_pretty());
        let sentence: &str = view.span.slice(&text).unwrap_or("");
        let input: SentenceInput<'_> = SentenceInput {
            doc_id: "explain",
            sentence_id: "1",
            date: Some("20240101"),
            text: sentence,
            parse: &parse,
        };
        match coder.explain(&input, &options) {
            Ok(lines) => println!("{}", lines.replace('\n', " ")),
            Err(e) => println!("explain: {e}"),
        }
        match coder.code_tree(&input, view.tree, &options) {
            Ok(events) => {
                for e in events {
                    let code = |a: &Option<annalist_code::Actor>| {
                        a.as_ref().map_or("-".to_string(), |a| {
                            format!("{} [{}]", a.text, a.code.as_deref().unwrap_or("-"))
                        })
                    };
                    println!("EVENT {} {} {}", code(&e.source), e.cameo, code(&e.target));
                }
            }
            Err(e) => println!("code: {e}"),
        }
    });
}
