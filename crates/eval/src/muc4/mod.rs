//! MUC-4 dev set: does annalist find the death counts of the answer keys?
//!
//! Every template whose HUM TGT EFFECT includes DEATH for a target whose HUM TGT NUMBER
//! is a plain integer gives one expected count; it is found when some event coded from
//! that document carries exactly that number in `fatalities`.

pub mod keys;
pub mod score;
pub mod texts;

pub use keys::{DeathCount, Template, death_counts, parse_templates, read_keys};
pub use score::{Muc4Report, score};
pub use texts::{MucText, dateline_date, read_texts};
