//! Regular English word forms, as PETRARCH generates them (with its spelling slips
//! fixed: `KEY` → `KEYS`, not `KIES`; `BOX` → `BOXES`; `DENY` → `DENIED`).

/// True for A, E, I, O, U.
fn is_vowel(c: char) -> bool {
    matches!(c, 'A' | 'E' | 'I' | 'O' | 'U')
}

/// The character before the last one, if any.
fn second_last(word: &str) -> Option<char> {
    let mut chars = word.chars().rev();
    chars.next();
    chars.next()
}

/// Regular noun plural of an upper-case word: consonant + `Y` → `IES`; ending in `S`,
/// `X`, `Z`, `CH`, `SH` → `ES`; otherwise `S`. Also used for the verb's 3rd person.
pub fn noun_plural(word: &str) -> String {
    if word.is_empty() {
        return String::new();
    }
    if let Some(stem) = word.strip_suffix('Y')
        && !second_last(word).is_some_and(is_vowel)
        && !stem.is_empty()
    {
        return format!("{stem}IES");
    }
    if word.ends_with(['S', 'X', 'Z']) || word.ends_with("CH") || word.ends_with("SH") {
        return format!("{word}ES");
    }
    format!("{word}S")
}

/// Regular past tense: `E` → `+D`; consonant + `Y` → `IED`; otherwise `+ED`.
pub fn past_tense(word: &str) -> String {
    if word.ends_with('E') {
        return format!("{word}D");
    }
    if let Some(stem) = word.strip_suffix('Y')
        && !second_last(word).is_some_and(is_vowel)
        && !stem.is_empty()
    {
        return format!("{stem}IED");
    }
    format!("{word}ED")
}

/// Regular present participle: consonant + `E` → drop `E`, `+ING`; otherwise `+ING`
/// (`AGREE` → `AGREEING`, `MAKE` → `MAKING`).
pub fn present_participle(word: &str) -> String {
    if let Some(stem) = word.strip_suffix('E')
        && !stem.is_empty()
        && !stem.ends_with(is_vowel)
    {
        return format!("{stem}ING");
    }
    format!("{word}ING")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_the_regular_rules() {
        assert_eq!(noun_plural("TANK"), "TANKS");
        assert_eq!(noun_plural("MILITIA"), "MILITIAS");
        assert_eq!(noun_plural("ARMY"), "ARMIES");
        assert_eq!(noun_plural("ENVOY"), "ENVOYS");
        assert_eq!(noun_plural("PRESS"), "PRESSES");
        assert_eq!(noun_plural("TAX"), "TAXES");
        assert_eq!(noun_plural("CHURCH"), "CHURCHES");
        assert_eq!(noun_plural("Y"), "YS");
        assert_eq!(noun_plural(""), "");
    }

    #[test]
    fn verb_forms_follow_the_regular_rules() {
        assert_eq!(past_tense("VOTE"), "VOTED");
        assert_eq!(past_tense("DENY"), "DENIED");
        assert_eq!(past_tense("OBEY"), "OBEYED");
        assert_eq!(past_tense("WALK"), "WALKED");
        assert_eq!(present_participle("MAKE"), "MAKING");
        assert_eq!(present_participle("AGREE"), "AGREEING");
        assert_eq!(present_participle("E"), "EING");
        assert_eq!(present_participle("WALK"), "WALKING");
    }
}
