//! Tags pre-tokenized text: one sentence per line on stdin, words separated by
//! spaces; prints `word/TAG ...`. Used to compare with the original Python tagger.
//!
//! `cargo run --release -p annalist-text --example tag_lines < words.txt`

use std::io::{BufRead, Write};

use annalist_text::{Tag, Tagger};

fn main() -> std::io::Result<()> {
    let mut tagger: Tagger = Tagger::new();
    let mut tags: Vec<Tag> = Vec::new();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let line: String = line?;
        let words: Vec<&str> = line.split_whitespace().collect();
        tagger.tag(&words, &mut tags);
        let tagged: Vec<String> = words
            .iter()
            .zip(&tags)
            .map(|(w, t)| format!("{w}/{t}"))
            .collect();
        writeln!(out, "{}", tagged.join(" "))?;
    }
    Ok(())
}
