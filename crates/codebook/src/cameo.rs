//! CAMEO code records and lenient lookup.
//!
//! Real dictionaries and coders emit more than the clean codes of the codebook: two-digit roots,
//! codes with trailing letters ("174L"), sub-codes the codebook never defined ("1123" in old
//! dictionaries, "19011"), placeholders ("---"). [`resolve`] maps every such string either to the
//! nearest known code (4-digit -> 3-digit -> root) and says whether it had to fall back, or to
//! `None`. It never panics.

use crate::table::CODES;

/// The twenty CAMEO roots; `CameoCode::root` always points into this list.
pub const ROOTS: [&str; 20] = [
    "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15", "16",
    "17", "18", "19", "20",
];

/// QuadClass 1: verbal cooperation (roots 01-05).
pub const QUAD_VERBAL_COOPERATION: u8 = 1;
/// QuadClass 2: material cooperation (roots 06-09).
pub const QUAD_MATERIAL_COOPERATION: u8 = 2;
/// QuadClass 3: verbal conflict (roots 10-14).
pub const QUAD_VERBAL_CONFLICT: u8 = 3;
/// QuadClass 4: material conflict (roots 15-20).
pub const QUAD_MATERIAL_CONFLICT: u8 = 4;

/// One CAMEO event code with its codebook attributes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CameoCode {
    /// The code itself: "19", "190", "1823".
    pub code: &'static str,
    /// Official short name; roots are upper case as in the codebook ("FIGHT").
    pub name: &'static str,
    /// The two-digit root ("19").
    pub root: &'static str,
    /// Goldstein conflict-cooperation score in [-10, 10].
    pub goldstein: f32,
    /// QuadClass 1-4 (see the `QUAD_*` constants).
    pub quad_class: u8,
    /// PentaClass 0-4 (see [`penta_class_of_root`]).
    pub penta_class: u8,
}

impl CameoCode {
    /// Build a row, deriving root, QuadClass and PentaClass from the first two digits. Used only
    /// in the `static` table, so a malformed code fails the build rather than a run.
    pub(crate) const fn from_parts(code: &'static str, name: &'static str, goldstein: f32) -> Self {
        let bytes: &[u8] = code.as_bytes();
        let root_number: u8 = (bytes[0] - b'0') * 10 + (bytes[1] - b'0');
        CameoCode {
            code,
            name,
            root: ROOTS[(root_number - 1) as usize],
            goldstein,
            quad_class: quad_class_of_root(root_number),
            penta_class: penta_class_of_root(root_number),
        }
    }

    /// The root as a number, 1-20.
    pub fn root_number(&self) -> u8 {
        // `root` is always one of ROOTS, i.e. two ASCII digits.
        let bytes: &[u8] = self.root.as_bytes();
        (bytes[0] - b'0') * 10 + (bytes[1] - b'0')
    }

    /// True for the twenty two-digit root codes.
    pub fn is_root(&self) -> bool {
        self.code.len() == 2
    }

    /// The next code up the hierarchy that exists ("1823" -> "182", "182" -> "18"); `None` for
    /// roots.
    pub fn parent(&self) -> Option<&'static CameoCode> {
        let mut len: usize = self.code.len();
        while len > 2 {
            len -= 1;
            if let Some(found) = lookup_exact(&self.code[..len]) {
                return Some(found);
            }
        }
        None
    }
}

/// QuadClass of a root number (1-20): 1 = 01-05, 2 = 06-09, 3 = 10-14, 4 = 15-20; 0 otherwise.
pub const fn quad_class_of_root(root: u8) -> u8 {
    match root {
        1..=5 => QUAD_VERBAL_COOPERATION,
        6..=9 => QUAD_MATERIAL_COOPERATION,
        10..=14 => QUAD_VERBAL_CONFLICT,
        15..=20 => QUAD_MATERIAL_CONFLICT,
        _ => 0,
    }
}

/// PentaClass of a root number (1-20): 0 = 01-02, 1 = 03-05, 2 = 06-08, 3 = 09-13 and 16,
/// 4 = 14, 15, 17-20. Out-of-range roots give 0; the table never contains one.
pub const fn penta_class_of_root(root: u8) -> u8 {
    match root {
        1..=2 => 0,
        3..=5 => 1,
        6..=8 => 2,
        9..=13 | 16 => 3,
        14 | 15 | 17..=20 => 4,
        _ => 0,
    }
}

/// How a requested code string was matched.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Resolved {
    /// The code record that was found.
    pub entry: &'static CameoCode,
    /// False when the (trimmed) input is exactly a codebook code; true when trailing characters
    /// were dropped or an unknown sub-code was walked up to a known parent.
    pub fell_back: bool,
}

/// The exact codebook entry for `code` (no trimming, no fallback).
pub fn lookup_exact(code: &str) -> Option<&'static CameoCode> {
    CODES
        .binary_search_by(|probe: &CameoCode| probe.code.cmp(code))
        .ok()
        .and_then(|index: usize| CODES.get(index))
}

/// Resolve any string a dictionary or coder might emit to the nearest known CAMEO code.
///
/// Surrounding whitespace is ignored. The leading run of ASCII digits is the code; anything after
/// it ("174L") is dropped. The longest prefix of that digit run (at most four digits) that is in
/// the codebook wins, so "1123" -> "112" and "19011" -> "190". Fewer than two leading digits, or a
/// first two digits that are not a root ("---", "", "99", "abc"), give `None`.
pub fn resolve(code: &str) -> Option<Resolved> {
    let trimmed: &str = code.trim();
    let digit_count: usize = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if digit_count < 2 {
        return None;
    }
    // Digits are ASCII, so slicing at `digit_count` and below is on char boundaries.
    let digits: &str = &trimmed[..digit_count];
    let longest: usize = digit_count.min(4);
    (2..=longest).rev().find_map(|len: usize| {
        lookup_exact(&digits[..len]).map(|entry: &'static CameoCode| Resolved {
            entry,
            fell_back: len != trimmed.len(),
        })
    })
}

/// The nearest known CAMEO code for `code`, falling back to parents as [`resolve`] describes.
/// Use [`resolve`] to learn whether it fell back.
pub fn lookup(code: &str) -> Option<&'static CameoCode> {
    resolve(code).map(|resolved: Resolved| resolved.entry)
}

/// The two-digit root ("19") of any code string [`resolve`] accepts.
pub fn root_of(code: &str) -> Option<&'static str> {
    lookup(code).map(|entry: &'static CameoCode| entry.root)
}

/// Every code in the codebook, sorted by code.
pub fn all_codes() -> &'static [CameoCode] {
    CODES
}
