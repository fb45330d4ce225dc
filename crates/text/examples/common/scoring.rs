//! Scoring the front end against gold `<Parse>` trees, shared by the
//! `frontend_eval` example and the `front_end_accuracy` test.

use std::collections::HashMap;
use std::path::Path;

use annalist_ingest::{SentenceRecord, read_petrarch_xml};
use annalist_text::{NodeId, SentenceAnalysis, Span, Tree, align_words, analyze, parse_ptb};

/// PETRARCH files mark auxiliaries with their own tags; map them back to Penn.
fn penn_tag(gold: &str) -> &str {
    match gold {
        "AUXD" => "VBD",
        "AUXP" => "VBP",
        "AUXZ" => "VBZ",
        "AUXB" => "VB",
        "AUXN" => "VBN",
        "AUXG" => "VBG",
        other => other,
    }
}

fn is_punct_tag(tag: &str) -> bool {
    matches!(
        tag,
        "," | "." | ":" | "``" | "''" | "-LRB-" | "-RRB-" | "-NONE-"
    )
}

/// Labelled constituents as (label, char span of non-punctuation leaves) → count.
fn brackets(
    tree: &Tree,
    leaf_spans: &[Option<Span>],
    out: &mut HashMap<(String, u32, u32), usize>,
) {
    for id in tree.node_ids() {
        if tree.is_preterminal(id) {
            continue;
        }
        let label: &str = tree.base_label(id);
        if matches!(label, "" | "ROOT" | "TOP") {
            continue;
        }
        let mut first: Option<u32> = None;
        let mut last: Option<u32> = None;
        for leaf_index in tree.leaf_range(id) {
            let leaf: NodeId = tree.leaves()[leaf_index];
            if is_punct_tag(tree.label(leaf)) {
                continue;
            }
            if let Some(Some(span)) = leaf_spans.get(leaf_index) {
                first.get_or_insert(span.start);
                last = Some(span.end);
            }
        }
        if let (Some(start), Some(end)) = (first, last) {
            *out.entry((label.to_string(), start, end)).or_default() += 1;
        }
    }
}

/// Counts over one file.
#[derive(Default)]
pub struct Totals {
    pub sentences: usize,
    pub gold_tokens: usize,
    pub span_matched: usize,
    pub tag_correct: usize,
    pub gold_brackets: usize,
    pub test_brackets: usize,
    pub matched_brackets: usize,
    pub one_sentence: usize,
    /// Per label: (gold, ours, matched).
    pub labels: HashMap<String, (usize, usize, usize)>,
}

fn evaluate(
    record: &SentenceRecord,
    gold: &Tree,
    totals: &mut Totals,
    show: bool,
    miss: Option<&str>,
) {
    let text: &str = &record.text;
    let analyses: Vec<SentenceAnalysis<'_>> = analyze(text);
    totals.sentences += 1;
    totals.one_sentence += usize::from(analyses.len() == 1);
    let gold_spans: Vec<Option<Span>> = align_words(text, gold.words());
    let mut ours: HashMap<Span, &str> = HashMap::new();
    for analysis in &analyses {
        for (token, tag) in analysis.tokens.iter().zip(&analysis.tags) {
            ours.insert(token.span, tag.as_str());
        }
    }
    for (leaf_index, span) in gold_spans.iter().enumerate() {
        let gold_tag: &str = penn_tag(gold.label(gold.leaves()[leaf_index]));
        if gold_tag == "-NONE-" {
            continue;
        }
        totals.gold_tokens += 1;
        let Some(span) = span else { continue };
        if let Some(tag) = ours.get(span) {
            totals.span_matched += 1;
            totals.tag_correct += usize::from(*tag == gold_tag);
        } else if show {
            println!("UNMATCHED {:?}", span.slice(text));
        }
    }
    let mut gold_brackets: HashMap<(String, u32, u32), usize> = HashMap::new();
    brackets(gold, &gold_spans, &mut gold_brackets);
    let mut test_brackets: HashMap<(String, u32, u32), usize> = HashMap::new();
    for analysis in &analyses {
        let spans: Vec<Option<Span>> = analysis.tokens.iter().map(|t| Some(t.span)).collect();
        brackets(&analysis.tree, &spans, &mut test_brackets);
    }
    let gold_count: usize = gold_brackets.values().sum();
    let test_count: usize = test_brackets.values().sum();
    let matched: usize = test_brackets
        .iter()
        .map(|(key, count)| (*count).min(gold_brackets.get(key).copied().unwrap_or(0)))
        .sum();
    for ((label, _, _), count) in &gold_brackets {
        totals.labels.entry(label.clone()).or_default().0 += count;
    }
    for (key, count) in &test_brackets {
        let entry = totals.labels.entry(key.0.clone()).or_default();
        entry.1 += count;
        entry.2 += (*count).min(gold_brackets.get(key).copied().unwrap_or(0));
    }
    if let Some(wanted) = miss {
        let slice = |start: u32, end: u32| {
            text.get(start as usize..end as usize)
                .unwrap_or("?")
                .replace('\n', " ")
        };
        for (key, count) in &gold_brackets {
            if key.0 == wanted && test_brackets.get(key).copied().unwrap_or(0) < *count {
                println!("MISSED {wanted} [{}]", slice(key.1, key.2));
            }
        }
        for (key, count) in &test_brackets {
            if key.0 == wanted && gold_brackets.get(key).copied().unwrap_or(0) < *count {
                println!("EXTRA  {wanted} [{}]", slice(key.1, key.2));
            }
        }
    }
    totals.gold_brackets += gold_count;
    totals.test_brackets += test_count;
    totals.matched_brackets += matched;
    if show {
        println!(
            "== {}  ({matched}/{gold_count} gold, {test_count} ours)",
            record.id
        );
        println!("GOLD {}", gold.to_bracketed());
        for analysis in &analyses {
            println!("OURS {}", analysis.tree.to_bracketed());
        }
    }
}

impl Totals {
    /// Labelled bracket precision, recall and F1 (fractions).
    pub fn bracket_scores(&self) -> (f64, f64, f64) {
        let precision: f64 = self.matched_brackets as f64 / self.test_brackets.max(1) as f64;
        let recall: f64 = self.matched_brackets as f64 / self.gold_brackets.max(1) as f64;
        let f1: f64 = 2.0 * precision * recall / (precision + recall).max(f64::MIN_POSITIVE);
        (precision, recall, f1)
    }

    /// Tag accuracy on gold tokens whose span matches one of ours (fraction).
    pub fn tag_accuracy(&self) -> f64 {
        self.tag_correct as f64 / self.span_matched.max(1) as f64
    }

    /// Fraction of gold tokens whose span matches one of ours.
    pub fn token_match(&self) -> f64 {
        self.span_matched as f64 / self.gold_tokens.max(1) as f64
    }
}

/// Scores every record of a PETRARCH XML file; `None` when it is absent or unreadable.
/// `show` prints the first `show` tree pairs; `miss` prints unmatched brackets of a label.
pub fn score_file(path: &Path, show: usize, miss: Option<&str>) -> Option<Totals> {
    if !path.is_file() {
        println!("SKIPPED: {} is absent", path.display());
        return None;
    }
    let file = match read_petrarch_xml(path) {
        Ok(file) => file,
        Err(error) => {
            println!("{error}");
            return None;
        }
    };
    let mut totals: Totals = Totals::default();
    for (index, record) in file.sentences().enumerate() {
        let Some(parse) = record.parse.as_deref() else {
            continue;
        };
        let Ok(gold) = parse_ptb(parse) else { continue };
        if record.text.trim().is_empty() {
            continue;
        }
        evaluate(record, &gold, &mut totals, index < show, miss);
    }
    Some(totals)
}
