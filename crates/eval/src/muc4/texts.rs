//! The `dev-muc3-*` text files: upper-case newswire, each document opened by a header
//! line like `DEV-MUC3-0001 (NOSC)` and starting with a dateline (`SAN SALVADOR, 3 JAN 90 --`).

use std::path::{Path, PathBuf};

use annalist_ingest::Date;

use crate::read::{ReadSet, read_text};

/// One MUC document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MucText {
    /// `DEV-MUC3-0001`.
    pub id: String,
    /// The body after the header line, surrounding blank lines removed.
    pub text: String,
    /// The file and 1-based line of the header.
    pub path: String,
    pub line: usize,
    /// The dateline's date as `YYYY-MM-DD`, when it parses.
    pub date: Option<String>,
}

/// The files in `dir` whose names start with `prefix`, sorted.
pub(crate) fn files_with_prefix(dir: &Path, prefix: &str) -> Result<Vec<PathBuf>, String> {
    let entries: std::fs::ReadDir =
        std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry: std::fs::DirEntry| entry.path())
        .filter(|path: &PathBuf| {
            path.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n: &str| n.starts_with(prefix))
        })
        .collect();
    paths.sort();
    Ok(paths)
}

/// A header line: `DEV-MUC3-0001 (NOSC)` (or TST1-MUC3-...). Returns the id.
fn header_id(line: &str) -> Option<&str> {
    let id: &str = line.split_whitespace().next()?;
    let (set, number) = id.rsplit_once('-')?;
    let is_header: bool = !line.starts_with(char::is_whitespace)
        && set.ends_with("MUC3")
        && number.len() == 4
        && number.bytes().all(|b: u8| b.is_ascii_digit());
    is_header.then_some(id)
}

/// Reads every document of the `dev-muc3-*` files in `dir`.
pub fn read_texts(dir: &Path) -> Result<ReadSet<MucText>, String> {
    let mut set: ReadSet<MucText> = ReadSet::default();
    for path in files_with_prefix(dir, "dev-muc3-")? {
        let content: String = read_text(&path)?;
        let name: String = path.display().to_string();
        let mut current: Option<(MucText, Vec<&str>)> = None;
        for (index, line) in content.lines().enumerate() {
            if let Some(id) = header_id(line) {
                set.items.extend(current.take().map(finish));
                let text: MucText = MucText {
                    id: id.to_string(),
                    text: String::new(),
                    path: name.clone(),
                    line: index + 1,
                    date: None,
                };
                current = Some((text, Vec::new()));
            } else if let Some((_, lines)) = current.as_mut() {
                lines.push(line.trim_end_matches('\r'));
            } else if !line.trim().is_empty() {
                set.problems.push(format!(
                    "{name}:{}: text before the first header",
                    index + 1
                ));
            }
        }
        set.items.extend(current.take().map(finish));
    }
    Ok(set)
}

fn finish((mut text, lines): (MucText, Vec<&str>)) -> MucText {
    text.text = lines.join("\n").trim().to_string();
    // The dateline may wrap: look at the first three lines joined.
    let head: String = text.text.lines().take(3).collect::<Vec<&str>>().join(" ");
    text.date = dateline_date(&head);
    text
}

const MONTHS: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];

/// The date of a dateline such as `SAN SALVADOR, 3 JAN 90 -- [REPORT]`, as `YYYY-MM-DD`
/// (two-digit years are 19xx from 50 on, else 20xx).
pub fn dateline_date(line: &str) -> Option<String> {
    let head: &str = line.split("--").next().unwrap_or(line);
    let words: Vec<&str> = head
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w: &&str| !w.is_empty())
        .collect();
    words.windows(3).find_map(|window: &[&str]| {
        let day: u32 = digits(window[0], 2)?.parse().ok()?;
        let month: usize = MONTHS
            .iter()
            .position(|m: &&str| window[1].to_ascii_uppercase().starts_with(m))?;
        let year: i32 = match digits(window[2], 4) {
            Some(four) if four.len() == 4 => four.parse().ok()?,
            Some(two) if two.len() == 2 => {
                let short: i32 = two.parse().ok()?;
                if short >= 50 {
                    1900 + short
                } else {
                    2000 + short
                }
            }
            _ => return None,
        };
        Date::new(year, u32::try_from(month).ok()? + 1, day).map(|d: Date| d.to_string())
    })
}

/// `word` when it is 1..=`max` ASCII digits.
fn digits(word: &str, max: usize) -> Option<&str> {
    (!word.is_empty() && word.len() <= max && word.bytes().all(|b: u8| b.is_ascii_digit()))
        .then_some(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines() {
        assert_eq!(
            dateline_date("SAN SALVADOR, 3 JAN 90 -- [REPORT] [ARMED FORCES"),
            Some("1990-01-03".to_string())
        );
        assert_eq!(
            dateline_date("BOGOTA, 30 DEC 89 (EFE) -- [TEXT]"),
            Some("1989-12-30".to_string())
        );
        assert_eq!(dateline_date("LIMA, 31 FEB 90 --"), None);
        assert_eq!(dateline_date("THE 3 MEN -- 12 JAN 90"), None);
    }

    #[test]
    fn headers() {
        assert_eq!(header_id("DEV-MUC3-0001 (NOSC)"), Some("DEV-MUC3-0001"));
        assert_eq!(header_id("TST1-MUC3-0100"), Some("TST1-MUC3-0100"));
        assert_eq!(header_id("   DEV-MUC3-0001"), None);
        assert_eq!(header_id("DEV-MUC3-01"), None);
    }
}
