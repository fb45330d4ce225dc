//! Prints casualty mentions with their context from a text file, to eyeball precision:
//! `cargo run -p annalist-enrich --example casualty_sample -- FILE [EVERY_NTH]`.

use annalist_enrich::casualties::find_casualties;
use annalist_text::Span;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: casualty_sample FILE [EVERY_NTH]");
        std::process::exit(2);
    };
    let every: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(1).max(1);
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("{path}: cannot read");
        std::process::exit(1);
    };
    let mut seen: usize = 0;
    for segment in annalist_text::segment(&text) {
        let span: Span = segment.span;
        let sentence: &str = span.slice(&text).unwrap_or("");
        for m in find_casualties(sentence, span.start as usize) {
            seen += 1;
            if !seen.is_multiple_of(every) {
                continue;
            }
            let from: usize = m.number_span.0.saturating_sub(span.start as usize);
            let context: String = sentence
                .get(from.saturating_sub(60)..)
                .unwrap_or("")
                .chars()
                .take(150)
                .collect();
            println!(
                "{:?} {} [{}] …{}…",
                m.kind,
                m.count,
                m.rule,
                context.replace('\n', " ")
            );
        }
    }
}
