//! Prints the phrase-structure tree of every sentence of each line on stdin.
//!
//! `cargo run --release -p annalist-text --example print_trees < text.txt`
use std::io::BufRead;

fn main() {
    for line in std::io::stdin().lock().lines().map_while(Result::ok) {
        for sentence in annalist_text::analyze(&line) {
            println!("{}", sentence.tree.to_pretty());
        }
    }
}
