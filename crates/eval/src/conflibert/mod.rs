//! The ConfliBERT CAMEO sets: sentence classes (`class-train.tsv`) and actor spans
//! (`ner-train.txt`), with their readers and scorers.

pub mod bio;
pub mod classes;
pub mod spans;

use std::path::Path;

use crate::read::{ReadSet, read_text};

/// The number of PentaClass classes (0 statement .. 4 material conflict).
pub const PENTA_CLASSES: usize = 5;

/// One `sentence<TAB>label` line of `class-train.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClassItem {
    /// 1-based line number in the file.
    pub line: usize,
    pub sentence: String,
    /// PentaClass 0..=4.
    pub label: u8,
}

/// One sentence of `ner-train.txt`: its tokens and BIO tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpanSentence {
    /// 1-based line number of the sentence's first token.
    pub line: usize,
    pub tokens: Vec<String>,
    /// One tag per token: `O`, `B-S`, `I-S`, `B-T`, `I-T`, `B-R`, `I-R`.
    pub tags: Vec<String>,
}

impl SpanSentence {
    /// The tokens joined by single spaces, and each token's byte range in that text.
    pub fn text_and_offsets(&self) -> (String, Vec<(u32, u32)>) {
        let mut text: String = String::new();
        let mut offsets: Vec<(u32, u32)> = Vec::with_capacity(self.tokens.len());
        for token in &self.tokens {
            if !text.is_empty() {
                text.push(' ');
            }
            let start: u32 = u32::try_from(text.len()).unwrap_or(u32::MAX);
            text.push_str(token);
            let end: u32 = u32::try_from(text.len()).unwrap_or(u32::MAX);
            offsets.push((start, end));
        }
        (text, offsets)
    }
}

/// Reads `class-train.tsv`.
pub fn read_classes(path: &Path) -> Result<ReadSet<ClassItem>, String> {
    let content: String = read_text(path)?;
    let mut set: ReadSet<ClassItem> = ReadSet::default();
    for (index, line) in content.lines().enumerate() {
        let number: usize = index + 1;
        let line: &str = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        let Some((sentence, label)) = line.rsplit_once('\t') else {
            set.problems.push(format!(
                "{}:{number}: no tab before the label",
                path.display()
            ));
            continue;
        };
        match label.trim().parse::<u8>() {
            Ok(label) if usize::from(label) < PENTA_CLASSES => set.items.push(ClassItem {
                line: number,
                sentence: sentence.trim().to_string(),
                label,
            }),
            _ => set.problems.push(format!(
                "{}:{number}: label {label:?} is not a PentaClass 0-4",
                path.display()
            )),
        }
    }
    Ok(set)
}

/// Reads `ner-train.txt`: `token TAG` lines, a blank line between sentences.
pub fn read_spans(path: &Path) -> Result<ReadSet<SpanSentence>, String> {
    let content: String = read_text(path)?;
    let mut set: ReadSet<SpanSentence> = ReadSet::default();
    let mut current: Option<SpanSentence> = None;
    for (index, line) in content.lines().enumerate() {
        let number: usize = index + 1;
        let line: &str = line.trim();
        if line.is_empty() {
            if let Some(sentence) = current.take() {
                set.items.push(sentence);
            }
            continue;
        }
        let Some((token, tag)) = line.rsplit_once(|c: char| c.is_whitespace()) else {
            set.problems
                .push(format!("{}:{number}: want `token TAG`", path.display()));
            continue;
        };
        let token: &str = token.trim();
        if token.is_empty() || !is_tag(tag) {
            set.problems.push(format!(
                "{}:{number}: want `token TAG` with a BIO tag, got {line:?}",
                path.display()
            ));
            continue;
        }
        let sentence: &mut SpanSentence = current.get_or_insert_with(|| SpanSentence {
            line: number,
            tokens: Vec::new(),
            tags: Vec::new(),
        });
        // A token never holds a space: the sentence text is rebuilt by joining on spaces.
        sentence
            .tokens
            .push(token.split_whitespace().collect::<Vec<&str>>().join("_"));
        sentence.tags.push(tag.to_string());
    }
    if let Some(sentence) = current.take() {
        set.items.push(sentence);
    }
    Ok(set)
}

fn is_tag(tag: &str) -> bool {
    matches!(tag, "O" | "B-S" | "I-S" | "B-T" | "I-T" | "B-R" | "I-R")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_follow_single_spaces() {
        let sentence: SpanSentence = SpanSentence {
            line: 1,
            tokens: vec!["a".into(), "court".into(), "'s".into()],
            tags: vec!["O".into(), "O".into(), "O".into()],
        };
        let (text, offsets) = sentence.text_and_offsets();
        assert_eq!(text, "a court 's");
        assert_eq!(offsets, vec![(0, 1), (2, 7), (8, 10)]);
    }

    #[test]
    fn readers_report_bad_lines() {
        let dir: std::path::PathBuf =
            std::env::temp_dir().join(format!("annalist-eval-conflibert-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let classes: std::path::PathBuf = dir.join("class.tsv");
        let spans: std::path::PathBuf = dir.join("ner.txt");
        let _ = std::fs::write(&classes, "A met B.\t1\nno label\nC hit D.\t9\r\nE.\t4\r\n");
        let _ = std::fs::write(&spans, "A B-S\nmet O\nB B-T\n\n\nC B-S\nsaw XX\nD I-S\n");
        let read: Result<ReadSet<ClassItem>, String> = read_classes(&classes);
        let read: ReadSet<ClassItem> = read.unwrap_or_default();
        assert_eq!(read.items.len(), 2);
        assert_eq!(read.items[1].label, 4);
        assert_eq!(read.problems.len(), 2);
        let read: ReadSet<SpanSentence> = read_spans(&spans).unwrap_or_default();
        assert_eq!(read.items.len(), 2);
        assert_eq!(read.items[1].tokens, vec!["C".to_string(), "D".to_string()]);
        assert_eq!(read.items[1].line, 6);
        assert_eq!(read.problems.len(), 1);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
