//! Load every shared PETRARCH dictionary file with counts and the expected warnings.
//! Skips with a message when `../shared` is absent.
//!
//! Every warning listed here is a real defect in the shared file (checked by hand):
//! broken brackets, impossible or mistyped dates, stray text after codes, undefined
//! synsets, issue lines without a code (PETRARCH skips those too).

use std::path::{Path, PathBuf};

use annalist_dict::{
    DictWarning, VerbDialect, load_actors, load_agents, load_discards, load_issues, load_verbs,
};

fn shared_dir() -> Option<PathBuf> {
    let dir: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data/petrarch2/dictionaries");
    if dir.is_dir() {
        Some(dir)
    } else {
        println!("SKIP: shared dictionaries not found at {}", dir.display());
        None
    }
}

fn warning_lines(name: &str, warnings: &[DictWarning]) -> Vec<u32> {
    for w in warnings {
        println!("  {w}");
    }
    assert!(warnings.iter().all(|w| &*w.file == name));
    warnings.iter().map(|w| w.line).collect()
}

#[test]
fn petr_validate_verbs() {
    let Some(dir) = shared_dir() else { return };
    let name = "PETR.Validate.verbs.txt";
    let loaded = load_verbs(&dir.join(name)).expect("readable");
    let d = &loaded.dict;
    println!(
        "{name}: {:?} synsets {} blocks {} verbs {} patterns {}",
        d.dialect,
        d.synsets.len(),
        d.blocks.len(),
        d.verb_count(),
        d.pattern_count()
    );
    assert_eq!(d.dialect, VerbDialect::Tabari);
    assert_eq!(d.synsets.len(), 17);
    assert_eq!(d.blocks.len(), 261);
    assert_eq!(d.verb_count(), 269);
    assert_eq!(d.pattern_count(), 474);
    assert!(d.transformations.is_empty());
    assert_eq!(warning_lines(name, &loaded.warnings), Vec::<u32>::new());
}

#[test]
fn cameo_verbs() {
    let Some(dir) = shared_dir() else { return };
    let name = "CAMEO.2.0.txt";
    let loaded = load_verbs(&dir.join(name)).expect("readable");
    let d = &loaded.dict;
    println!(
        "{name}: {:?} synsets {} blocks {} verbs {} patterns {} transformations {}",
        d.dialect,
        d.synsets.len(),
        d.blocks.len(),
        d.verb_count(),
        d.pattern_count(),
        d.transformations.len()
    );
    assert_eq!(d.dialect, VerbDialect::Petrarch2);
    assert_eq!(d.synsets.len(), 40);
    assert_eq!(d.blocks.len(), 397);
    assert_eq!(d.verb_count(), 1817);
    assert_eq!(d.pattern_count(), 4664);
    assert_eq!(d.transformations.len(), 8);
    // 2374, 7606: garbled `(...)` text; 8443, 8444: &WEATHER, &DEMONSTRATION undefined.
    assert_eq!(
        warning_lines(name, &loaded.warnings),
        [2374, 7606, 8443, 8444]
    );
}

#[test]
fn actor_files() {
    let Some(dir) = shared_dir() else { return };
    // (file, entries, names, codes, warning lines)
    let expected: [(&str, usize, usize, usize, Vec<u32>); 4] = [
        ("PETR.Validate.actors.txt", 128, 161, 138, vec![]),
        // 7- / 9- / 10-digit dates, a reversed range, dates without `<`, `>` or `-`.
        (
            "Phoenix.Countries.actors.txt",
            18390,
            25917,
            28381,
            vec![2039, 14190, 18010, 22508, 22519, 31715, 43613, 51384],
        ),
        // a 7-digit date; tab-separated company data after three codes.
        (
            "Phoenix.International.actors.txt",
            7841,
            7907,
            7895,
            vec![40, 3696, 3726, 6605],
        ),
        ("Phoenix.MilNonState.actors.txt", 1021, 1793, 1021, vec![]),
    ];
    for (name, entries, names, codes, lines) in expected {
        let loaded = load_actors(&dir.join(name)).expect("readable");
        let d = &loaded.dict;
        let code_count: usize = d.entries.iter().map(|e| e.codes.len()).sum();
        println!(
            "{name}: entries {} names {} codes {code_count}",
            d.entries.len(),
            d.name_count()
        );
        assert_eq!(
            (d.entries.len(), d.name_count(), code_count),
            (entries, names, codes),
            "{name}"
        );
        assert_eq!(warning_lines(name, &loaded.warnings), lines, "{name}");
    }
}

#[test]
fn agent_files() {
    let Some(dir) = shared_dir() else { return };
    // 544: `[~ENV}` repaired; 1927: ISLAMIC_EXTREMIST has no code.
    let expected: [(&str, usize, usize, Vec<u32>); 2] = [
        ("PETR.Validate.agents.txt", 88, 2, vec![]),
        ("Phoenix.agents.txt", 2244, 2, vec![544, 1927]),
    ];
    for (name, entries, substitutions, lines) in expected {
        let loaded = load_agents(&dir.join(name)).expect("readable");
        let d = &loaded.dict;
        println!(
            "{name}: entries {} substitutions {}",
            d.entries.len(),
            d.substitutions.len()
        );
        assert_eq!(
            (d.entries.len(), d.substitutions.len()),
            (entries, substitutions),
            "{name}"
        );
        assert_eq!(warning_lines(name, &loaded.warnings), lines, "{name}");
    }
}

#[test]
fn discard_files() {
    let Some(dir) = shared_dir() else { return };
    for (name, entries) in [
        ("PETR.Validate.discards.txt", 9),
        ("Phoenix.discards.txt", 506),
    ] {
        let loaded = load_discards(&dir.join(name)).expect("readable");
        println!("{name}: entries {}", loaded.dict.entries.len());
        assert_eq!(loaded.dict.entries.len(), entries, "{name}");
        assert_eq!(
            warning_lines(name, &loaded.warnings),
            Vec::<u32>::new(),
            "{name}"
        );
    }
}

#[test]
fn issue_file() {
    let Some(dir) = shared_dir() else { return };
    let name = "Phoenix.IssueCoding.txt";
    let loaded = load_issues(&dir.join(name)).expect("readable");
    println!("{name}: entries {}", loaded.dict.entries.len());
    assert_eq!(loaded.dict.entries.len(), 3157);
    // 13 lines without `[CODE]` (skipped, as PETRARCH does) and 4 with text after the
    // code (two entries run together, a repeated code, `*******`).
    let lines: Vec<u32> = warning_lines(name, &loaded.warnings);
    assert_eq!(
        lines,
        [
            141, 142, 143, 144, 145, 146, 147, 1040, 1183, 1198, 1219, 1220, 1221, 2250, 2521,
            2889, 3053
        ]
    );
}
