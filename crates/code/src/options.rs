//! Coding options (PETRARCH's `PETR_config.ini` settings and `<Config>` records).

use serde::{Deserialize, Serialize};

/// Options that change how sentences are coded. Defaults are PETRARCH's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodingOptions {
    /// Drop events whose source or target is the null actor `---`.
    pub require_dyad: bool,
    /// When > 0, an uncoded noun phrase of fewer than this many words becomes a "new
    /// actor" whose code is the quoted phrase text.
    pub new_actor_length: usize,
    /// Internal comma clauses of `comma_min..=comma_max` words are removed (0 = off).
    pub comma_min: usize,
    pub comma_max: usize,
    /// Initial clause before the first comma (0 = off).
    pub comma_bmin: usize,
    pub comma_bmax: usize,
    /// Terminal clause after the last comma (0 = off).
    pub comma_emin: usize,
    pub comma_emax: usize,
    /// News text: also code a verb whose source or target is missing altogether
    /// (intransitive reports: "the minister resigned"), with that side null; a participle
    /// phrase without "have" is a passive ("six Jesuits were murdered": the subject is the
    /// target, the source unknown). Off in PETRARCH's semantics.
    #[serde(default)]
    pub one_sided: bool,
    /// News text: a source or target noun phrase that names no coded actor is still
    /// reported, with its words and span and a null code ("a car bomb in Kiev killed ...").
    /// Off in PETRARCH's semantics, where such a side is the null actor `---`.
    #[serde(default)]
    pub uncoded_actors: bool,
    /// News text: when an internal comma clause set off before the verb is removed ("Ashraf
    /// Ghani, the Afghan president, criticized ..."), its closing comma goes too, so the
    /// subject reaches its verb. Off in PETRARCH's semantics.
    #[serde(default)]
    pub appositions: bool,
}

impl Default for CodingOptions {
    fn default() -> CodingOptions {
        CodingOptions {
            require_dyad: true,
            new_actor_length: 0,
            comma_min: 2,
            comma_max: 8,
            comma_bmin: 0,
            comma_bmax: 0,
            comma_emin: 2,
            comma_emax: 8,
            one_sided: false,
            uncoded_actors: false,
            appositions: false,
        }
    }
}

impl CodingOptions {
    /// Options for coding news text (the pipeline): PETRARCH's defaults, except that an
    /// event whose source or target is unknown is kept, with that side null, and verbs with
    /// no actor on one side are coded too ([`CodingOptions::one_sided`]). `validate` keeps
    /// PETRARCH's defaults.
    pub fn news() -> CodingOptions {
        CodingOptions {
            require_dyad: false,
            one_sided: true,
            uncoded_actors: true,
            appositions: true,
            ..CodingOptions::default()
        }
    }

    /// Apply a PETRARCH `<Config option=".." value="..">` setting. Returns false when
    /// the option is unknown or the value unusable (the setting is then ignored).
    pub fn apply(&mut self, option: &str, value: &str) -> bool {
        let option: String = option.trim().to_ascii_lowercase();
        let value: &str = value.trim();
        let int = || value.parse::<usize>().ok();
        match option.as_str() {
            "require_dyad" => {
                self.require_dyad = !value.to_ascii_lowercase().contains("false");
                true
            }
            "new_actor_length" => int().map(|v| self.new_actor_length = v).is_some(),
            "comma_min" => int().map(|v| self.comma_min = v).is_some(),
            "comma_max" => int().map(|v| self.comma_max = v).is_some(),
            "comma_bmin" => int().map(|v| self.comma_bmin = v).is_some(),
            "comma_bmax" => int().map(|v| self.comma_bmax = v).is_some(),
            "comma_emin" => int().map(|v| self.comma_emin = v).is_some(),
            "comma_emax" => int().map(|v| self.comma_emax = v).is_some(),
            _ => false,
        }
    }
}
