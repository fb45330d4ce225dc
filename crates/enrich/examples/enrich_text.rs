//! Shows what enrichment finds in a plain-text article, sentence by sentence, and how
//! long it takes:
//! `cargo run --release -p annalist-enrich --example enrich_text -- FILE [YYYY-MM-DD]`.

use std::time::{Duration, Instant};

use annalist_enrich::attribution::find_attributions;
use annalist_enrich::boilerplate::{Verdict, classify_sentences};
use annalist_enrich::casualties::find_casualties;
use annalist_enrich::dates::{date_event, parse_iso_date};
use annalist_enrich::gazetteer::{GEONAMES_ATTRIBUTION, Gazetteer};
use annalist_enrich::places::{find_places, story_countries};
use annalist_text::Span;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: enrich_text FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let report: Option<String> = args.next();
    let text: String = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("{path}: {error}");
            std::process::exit(1);
        }
    };
    let loaded: Instant = Instant::now();
    let places_loaded: usize = Gazetteer::global().len();
    let load_time: Duration = loaded.elapsed();

    let started: Instant = Instant::now();
    let sentences: Vec<Span> = annalist_text::segment(&text)
        .iter()
        .map(|s| s.span)
        .collect();
    let verdicts: Vec<Verdict> = classify_sentences(&text, &sentences, report.as_deref());
    let countries: Vec<String> = story_countries(&text, &sentences, &[]);
    let report_date = report.as_deref().and_then(parse_iso_date);
    let mut lines: Vec<String> = Vec::new();
    for (span, verdict) in sentences.iter().zip(&verdicts) {
        let sentence: &str = span.slice(&text).unwrap_or("");
        let start: usize = span.start as usize;
        let mut line: String = format!(
            "[{}] {}",
            verdict.reason.as_str(),
            sentence.chars().take(70).collect::<String>()
        );
        if verdict.codable {
            let date = date_event(sentence, start, None, report_date);
            if let Some(resolved) = date.date {
                line.push_str(&format!(
                    "\n    date {} ({}, {}){}",
                    resolved.date.iso(),
                    resolved.precision.as_str(),
                    resolved.rule,
                    if date.background { " background" } else { "" }
                ));
            }
            for m in find_casualties(sentence, start) {
                line.push_str(&format!(
                    "\n    {:?} {}{} ({})",
                    m.kind,
                    if m.lower_bound { "≥" } else { "" },
                    m.count,
                    m.rule
                ));
            }
            for p in find_places(sentence, start, &countries) {
                line.push_str(&format!(
                    "\n    place {} [{} {}] {:.3},{:.3}",
                    p.place.name,
                    p.place.iso3,
                    p.place.kind.precision(),
                    p.place.lat,
                    p.place.lon
                ));
            }
            for chain in find_attributions(&text, *span) {
                let links: Vec<&str> = chain.chain.iter().map(|a| a.text.as_str()).collect();
                line.push_str(&format!("\n    says: {}", links.join(" → ")));
            }
        }
        lines.push(line);
    }
    let elapsed: Duration = started.elapsed();
    for line in &lines {
        println!("{line}");
    }
    println!("story countries: {countries:?}");
    println!(
        "gazetteer: {places_loaded} places loaded in {load_time:?}; document enriched in {elapsed:?}"
    );
    println!("{GEONAMES_ATTRIBUTION}");
}
