//! Places in sentences and the location of each event.
//!
//! * [`find_places`]: capitalised phrases looked up in the [`Gazetteer`], longest match
//!   first; a city name followed or preceded by another capitalised word ("Nancy Pelosi")
//!   is taken for part of a person's or organisation's name and skipped (not in ALL-CAPS
//!   text, where every word is capitalised). Border phrases ("on the country's border
//!   with Azerbaijan", "along their shared border") become the border entry of the two
//!   countries named in the sentence (names and demonyms) or, failing that, in the story.
//! * [`story_countries`]: countries of the story, most mentioned first (country names,
//!   capitals, cities of a million, demonyms, actor codes); they break ties between places
//!   of the same name, and a small town abroad (under 100,000, or any town in ALL-CAPS
//!   text) is only accepted when the story has no known country.
//! * [`locate_event`]: the sentence's place for the event — places after a locative
//!   preposition first, then the most specific, then the nearest to the verb; places that
//!   are the event's own actors ("Armenia accused ...") do not count unless locative.
//!   Events with no place in their sentence inherit the story's dateline place, else its
//!   most mentioned place, with precision `"inherited"`.

use std::sync::OnceLock;

use annalist_code::{Event, Location};
use annalist_text::Span;

use crate::gazetteer::{Gazetteer, KeyProbe, Place, PlaceKind, normalize_name_into};
use crate::words::{Word, WordSet, is_all_caps, split_words, split_words_lowered};

/// A place found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub place: Place,
    /// Document byte span of the words that named it.
    pub span: (usize, usize),
    /// After "in", "at", "near", "along", ...
    pub locative: bool,
}

/// Demonyms and adjectives → ISO3 (the common ones in conflict news).
const DEMONYMS: &[(&str, &str)] = &[
    ("armenian", "ARM"),
    ("armenians", "ARM"),
    ("azeri", "AZE"),
    ("azeris", "AZE"),
    ("azerbaijani", "AZE"),
    ("azerbaijanis", "AZE"),
    ("iranian", "IRN"),
    ("iranians", "IRN"),
    ("russian", "RUS"),
    ("russians", "RUS"),
    ("ukrainian", "UKR"),
    ("ukrainians", "UKR"),
    ("american", "USA"),
    ("americans", "USA"),
    ("british", "GBR"),
    ("french", "FRA"),
    ("german", "DEU"),
    ("chinese", "CHN"),
    ("turkish", "TUR"),
    ("syrian", "SYR"),
    ("syrians", "SYR"),
    ("iraqi", "IRQ"),
    ("iraqis", "IRQ"),
    ("israeli", "ISR"),
    ("israelis", "ISR"),
    ("palestinian", "PSE"),
    ("palestinians", "PSE"),
    ("lebanese", "LBN"),
    ("egyptian", "EGY"),
    ("saudi", "SAU"),
    ("yemeni", "YEM"),
    ("afghan", "AFG"),
    ("pakistani", "PAK"),
    ("indian", "IND"),
    ("georgian", "GEO"),
    ("ethiopian", "ETH"),
    ("eritrean", "ERI"),
    ("sudanese", "SDN"),
    ("somali", "SOM"),
    ("nigerian", "NGA"),
    ("malian", "MLI"),
    ("libyan", "LBY"),
    ("salvadoran", "SLV"),
    ("colombian", "COL"),
    ("peruvian", "PER"),
    ("guatemalan", "GTM"),
    ("honduran", "HND"),
    ("nicaraguan", "NIC"),
    ("mexican", "MEX"),
    ("venezuelan", "VEN"),
    ("cuban", "CUB"),
    ("korean", "KOR"),
    ("japanese", "JPN"),
    ("kurdish", "IRQ"),
    ("belarusian", "BLR"),
    ("polish", "POL"),
    ("kyrgyz", "KGZ"),
    ("tajik", "TJK"),
    ("burmese", "MMR"),
    ("congolese", "COD"),
];

const LOCATIVES: &[&str] = &[
    "in", "at", "near", "on", "along", "outside", "inside", "across", "into", "from", "around",
    "toward", "towards", "within", "through", "over",
];

/// ISO3 for a demonym ("Armenian" → "ARM").
pub fn demonym_country(word: &str) -> Option<&'static str> {
    let index: &DemonymIndex = DemonymIndex::global();
    // Called for every word of a story, nearly always with an already lower-cased ASCII
    // word: an ASCII word keeps its length and lower-cases its first byte alone, so most
    // words are turned away by first byte and length before any copy or comparison.
    if word.is_ascii() {
        let first: usize = usize::from(word.as_bytes().first()?.to_ascii_lowercase());
        if index.shapes[first] >> word.len().min(63) & 1 == 0 {
            return None;
        }
        return if word.bytes().any(|b: u8| b.is_ascii_uppercase()) {
            index.find(&word.to_ascii_lowercase())
        } else {
            index.find(word)
        };
    }
    index.find(&word.to_lowercase())
}

/// [`DEMONYMS`] grouped by first byte, in list order within a group (so of two entries
/// with one name the first listed still wins).
struct DemonymIndex {
    sorted: Vec<(&'static str, &'static str)>,
    /// `sorted[starts[b]..starts[b + 1]]` start with byte `b`.
    starts: Vec<usize>,
    /// Bit `min(len, 63)` of `shapes[b]` is set when a name starting with byte `b` has
    /// that length.
    shapes: Box<[u64; 256]>,
}

impl DemonymIndex {
    /// The country of a lower-cased demonym.
    fn find(&self, lower: &str) -> Option<&'static str> {
        let first: usize = usize::from(*lower.as_bytes().first()?);
        // No name has this first byte and length: the usual answer, without comparing names.
        if self.shapes[first] >> lower.len().min(63) & 1 == 0 {
            return None;
        }
        self.sorted[self.starts[first]..self.starts[first + 1]]
            .iter()
            .find(|(name, _)| name.len() == lower.len() && *name == lower)
            .map(|(_, iso3)| *iso3)
    }

    fn global() -> &'static DemonymIndex {
        static INDEX: OnceLock<DemonymIndex> = OnceLock::new();
        INDEX.get_or_init(|| {
            let first = |name: &str| -> usize { name.bytes().next().map_or(0, usize::from) };
            let mut sorted: Vec<(&'static str, &'static str)> = DEMONYMS
                .iter()
                .filter(|(name, _)| !name.is_empty())
                .copied()
                .collect();
            sorted.sort_by_key(|(name, _)| first(name));
            let starts: Vec<usize> = (0..=256usize)
                .map(|byte: usize| sorted.partition_point(|(name, _)| first(name) < byte))
                .collect();
            let mut shapes: Box<[u64; 256]> = Box::new([0; 256]);
            for (name, _) in &sorted {
                shapes[first(name)] |= 1 << name.len().min(63);
            }
            DemonymIndex {
                sorted,
                starts,
                shapes,
            }
        })
    }
}

/// "in Goris", "near the town of ...", "on the country's border": a locative right before
/// the phrase, or before one determiner or capitalised modifier.
fn is_locative_before(words: &[Word<'_>], first: usize) -> bool {
    let locative = |k: usize| -> bool { LOCATIVES.contains(&words[k].lower.as_ref()) };
    if first >= 1 && locative(first - 1) {
        return true;
    }
    first >= 2
        && locative(first - 2)
        && (matches!(
            words[first - 1].lower.as_ref(),
            "the" | "a" | "an" | "northern" | "southern" | "eastern" | "western" | "central"
        ) || (words[first - 1].is_capitalized() && !words[first - 1].is_punct()))
}

/// Frequent English words that GeoNames lists as alternate names somewhere ("Since",
/// "Police", "Of"); a one-word phrase equal to one of them is never a place.
const COMMON_WORDS: &[&str] = &[
    "since",
    "after",
    "before",
    "while",
    "when",
    "where",
    "there",
    "here",
    "then",
    "than",
    "also",
    "but",
    "and",
    "or",
    "nor",
    "for",
    "with",
    "from",
    "into",
    "onto",
    "upon",
    "over",
    "under",
    "about",
    "above",
    "below",
    "between",
    "among",
    "during",
    "until",
    "without",
    "within",
    "against",
    "through",
    "this",
    "that",
    "these",
    "those",
    "they",
    "them",
    "their",
    "his",
    "her",
    "its",
    "our",
    "your",
    "who",
    "whom",
    "whose",
    "which",
    "what",
    "why",
    "how",
    "all",
    "any",
    "some",
    "many",
    "much",
    "more",
    "most",
    "such",
    "other",
    "another",
    "each",
    "every",
    "both",
    "either",
    "neither",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "first",
    "second",
    "last",
    "next",
    "new",
    "old",
    "said",
    "says",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "has",
    "have",
    "had",
    "was",
    "were",
    "are",
    "been",
    "being",
    "not",
    "now",
    "only",
    "just",
    "even",
    "still",
    "yet",
    "already",
    "again",
    "once",
    "today",
    "yesterday",
    "tomorrow",
    "tuesday",
    "monday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "meanwhile",
    "however",
    "moreover",
    "tensions",
    "press",
    "news",
    "home",
    "world",
    "politics",
    "police",
    "army",
    "president",
    "minister",
    "government",
    "speaker",
    "house",
    "people",
    "rally",
    "democrats",
    "republicans",
    "capitol",
    "central",
    "national",
    "international",
    "union",
    "republic",
    "islamic",
    "foreign",
    "ministry",
    "defense",
    "defence",
    "media",
    "service",
    "members",
    "forces",
    "troops",
    "soldiers",
    "rebels",
    "spokesman",
    "spokesperson",
];

/// `normalized` is the phrase as [`normalize_name_into`] writes it: lower-cased, so it
/// equals the phrase's `to_lowercase()` whenever it could be one of the (plain ASCII)
/// common words.
fn is_common_word(normalized: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(COMMON_WORDS))
        .contains(normalized)
}

/// One sentence split once and shared by every place step.
#[derive(Debug, Clone)]
pub struct PreparedSentence<'t> {
    /// The sentence text.
    pub text: &'t str,
    /// Its first byte in the document.
    pub start: usize,
    /// Its words (document spans).
    pub words: Vec<Word<'t>>,
    /// Written in ALL CAPS.
    pub caps: bool,
    /// The gazetteer phrases of the sentence as `(first word, words, key)`: which names
    /// match does not depend on the story, only which place a name means.
    matches: Vec<(usize, usize, usize)>,
}

impl<'t> PreparedSentence<'t> {
    /// Splits `text`, which starts at byte `start` of the document.
    pub fn new(text: &'t str, start: usize) -> PreparedSentence<'t> {
        PreparedSentence::from_words(text, start, split_words(text, start))
    }

    /// As [`PreparedSentence::new`], with `lower` the sentence's ASCII lower-case form
    /// (see [`split_words_lowered`]).
    pub fn new_lowered(text: &'t str, lower: &'t str, start: usize) -> PreparedSentence<'t> {
        PreparedSentence::from_words(text, start, split_words_lowered(text, lower, start))
    }

    /// Over `words`, which must be `split_words(text, start)` (split by the caller).
    pub fn from_words(text: &'t str, start: usize, words: Vec<Word<'t>>) -> PreparedSentence<'t> {
        let mut sentence: PreparedSentence<'t> = PreparedSentence {
            text,
            start,
            words,
            caps: is_all_caps(text),
            matches: Vec::new(),
        };
        let mut buffer: String = String::new();
        let mut i: usize = 0;
        while i < sentence.words.len() {
            let word: &Word<'_> = &sentence.words[i];
            if word.is_punct() || !word.is_capitalized() {
                i += 1;
                continue;
            }
            match longest_match(&sentence, i, &mut buffer) {
                Some((n, key)) => {
                    sentence.matches.push((i, n, key));
                    i += n;
                }
                None => i += 1,
            }
        }
        sentence
    }
}

/// A place found, still borrowed from the gazetteer.
#[derive(Debug, Clone, Copy)]
struct Found {
    place: &'static Place,
    span: (usize, usize),
    locative: bool,
}

impl Found {
    fn mention(&self) -> PlaceMention {
        PlaceMention {
            place: self.place.clone(),
            span: self.span,
            locative: self.locative,
        }
    }
}

/// Places named in one sentence (`sentence` starts at byte `sentence_start`).
pub fn find_places(
    sentence: &str,
    sentence_start: usize,
    story_countries: &[String],
) -> Vec<PlaceMention> {
    find_places_prepared(
        &PreparedSentence::new(sentence, sentence_start),
        story_countries,
    )
}

/// [`find_places`] over an already split sentence.
pub fn find_places_prepared(
    sentence: &PreparedSentence<'_>,
    story_countries: &[String],
) -> Vec<PlaceMention> {
    find_in(sentence, story_countries)
        .iter()
        .map(Found::mention)
        .collect()
}

/// The longest gazetteer phrase starting at word `i`, as `(words, key)`: phrases grow one
/// word at a time and stop as soon as no gazetteer name starts with the phrase, so most
/// words cost one binary search and no allocation.
fn longest_match(
    sentence: &PreparedSentence<'_>,
    i: usize,
    buffer: &mut String,
) -> Option<(usize, usize)> {
    let gazetteer: &'static Gazetteer = Gazetteer::global();
    let words: &[Word<'_>] = &sentence.words;
    let longest: usize = gazetteer.max_words().min(words.len() - i);
    let mut matched: Option<(usize, usize)> = None;
    for n in 1..=longest {
        let last: &Word<'_> = &words[i + n - 1];
        let start: usize = words[i].start - sentence.start;
        let end: usize = last.end - sentence.start;
        let Some(phrase) = sentence.text.get(start..end) else {
            continue;
        };
        buffer.clear();
        normalize_name_into(phrase, buffer);
        let probe: KeyProbe = gazetteer.probe(buffer);
        if let Some(key) = probe.exact
            && !(last.is_punct() || (!sentence.caps && !last.is_capitalized()))
            && !is_common_word(buffer)
            && gazetteer.resolve_key(key, &[]).is_some()
        {
            matched = Some((n, key));
        }
        if !probe.prefix {
            break;
        }
    }
    matched
}

fn find_in(sentence: &PreparedSentence<'_>, story_countries: &[String]) -> Vec<Found> {
    let gazetteer: &'static Gazetteer = Gazetteer::global();
    let words: &[Word<'_>] = &sentence.words;
    let caps: bool = sentence.caps;
    let mut mentions: Vec<Found> = Vec::new();
    for &(i, n, key) in &sentence.matches {
        let Some(place) = gazetteer.resolve_key(key, story_countries) else {
            continue;
        };
        let locative: bool = is_locative_before(words, i);
        if !plausible(place, story_countries, locative, caps, caps && n == 1) {
            continue;
        }
        let part_of_name: bool = !caps
            && matches!(place.kind, PlaceKind::City | PlaceKind::Capital)
            && (words
                .get(i + n)
                .is_some_and(|w: &Word<'_>| w.is_capitalized())
                || (i > 0 && words[i - 1].is_capitalized() && !words[i - 1].is_punct()));
        if !part_of_name {
            mentions.push(Found {
                place,
                span: (words[i].start, words[i + n - 1].end),
                locative,
            });
        }
    }
    if let Some(border) = find_border(words, &mentions, story_countries) {
        mentions.push(border);
    }
    mentions
}

/// Is a small foreign town likely meant? Countries, regions, capitals, places in the
/// story's countries and cities of 100,000 or more always are; other towns only when the
/// story has no known country (in ALL-CAPS text, big foreign cities need the story's
/// country too: "SAN LUIS" is more likely the Salvadoran village). In ALL-CAPS text a lone capitalised word could be any
/// word ("GARRISON", "SAME"), so a one-word town there also needs a locative ("IN
/// USULUTAN") or the story's country.
fn plausible(
    place: &Place,
    story: &[String],
    locative: bool,
    caps_text: bool,
    caps_single_word: bool,
) -> bool {
    if !matches!(place.kind, PlaceKind::City) {
        return true;
    }
    let in_story: bool = story.contains(&place.iso3);
    if caps_single_word && !locative && !in_story {
        return false;
    }
    story.is_empty() || in_story || (!caps_text && place.population >= 100_000)
}

/// Countries named in a sentence, by names and demonyms.
fn sentence_countries(words: &[Word<'_>], mentions: &[Found]) -> Vec<String> {
    let mut countries: Vec<String> = Vec::new();
    for mention in mentions {
        if mention.place.kind == PlaceKind::Country && !countries.contains(&mention.place.iso3) {
            countries.push(mention.place.iso3.clone());
        }
    }
    for word in words {
        if let Some(iso3) = demonym_country(&word.lower)
            && !countries.iter().any(|c: &String| c == iso3)
        {
            countries.push(iso3.to_string());
        }
    }
    countries
}

/// "border with Azerbaijan", "their shared border", "border clashes between A and B".
fn find_border(words: &[Word<'_>], mentions: &[Found], story: &[String]) -> Option<Found> {
    let at: usize = words
        .iter()
        .position(|w: &Word<'_>| matches!(w.lower.as_ref(), "border" | "borders" | "frontier"))?;
    if mentions
        .iter()
        .any(|m: &Found| m.place.kind == PlaceKind::Border)
    {
        return None;
    }
    let gazetteer: &'static Gazetteer = Gazetteer::global();
    let named: Vec<String> = sentence_countries(words, mentions);
    let mut candidates: Vec<&String> = named.iter().collect();
    for country in story.iter().take(3) {
        if !candidates.contains(&country) {
            candidates.push(country);
        }
    }
    let mut found: Option<&'static Place> = None;
    'outer: for (x, a) in candidates.iter().enumerate() {
        for b in candidates.iter().skip(x + 1) {
            let one_named: bool = named.contains(a) || named.contains(b);
            if one_named && let Some(border) = gazetteer.border(a, b) {
                found = Some(border);
                break 'outer;
            }
        }
    }
    let place: &'static Place = found?;
    // Span: from a determiner-ish start ("the country's", "their shared") to "with X" /
    // "between A and B" when present.
    let mut first: usize = at;
    while first > 0
        && matches!(
            words[first - 1].lower.as_ref(),
            "shared" | "common" | "'s" | "country" | "their" | "the" | "its" | "joint"
        )
    {
        first -= 1;
    }
    let mut last: usize = at;
    if matches!(
        words.get(at + 1).map(|w: &Word<'_>| w.lower.as_ref()),
        Some("with" | "between")
    ) {
        let mut k: usize = at + 2;
        while k < words.len()
            && (words[k].is_capitalized() || words[k].lower == "and")
            && !words[k].is_punct()
        {
            last = k;
            k += 1;
        }
    }
    Some(Found {
        place,
        span: (words[first].start, words[last].end),
        locative: is_locative_before(words, first),
    })
}

/// Countries of the story, most mentioned first: country names and demonyms in the
/// given sentences, plus the country prefixes of the events' actor codes.
pub fn story_countries(text: &str, sentences: &[Span], events: &[Event]) -> Vec<String> {
    let prepared: Vec<PreparedSentence<'_>> = sentences
        .iter()
        .filter_map(|span: &Span| {
            span.slice(text)
                .map(|s: &str| PreparedSentence::new(s, span.start as usize))
        })
        .collect();
    story_countries_prepared(&prepared, events)
}

/// [`story_countries`] over already split sentences.
pub fn story_countries_prepared<'a, 't: 'a>(
    sentences: impl IntoIterator<Item = &'a PreparedSentence<'t>>,
    events: &[Event],
) -> Vec<String> {
    let gazetteer: &'static Gazetteer = Gazetteer::global();
    // (iso3, count) in order of first mention; few entries, so a list beats a map.
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    fn bump(iso3: &'static str, counts: &mut Vec<(&'static str, usize)>) {
        match counts.iter_mut().find(|(c, _)| *c == iso3) {
            Some(entry) => entry.1 += 1,
            None => counts.push((iso3, 1)),
        }
    }
    for sentence in sentences {
        let caps: bool = sentence.caps;
        for mention in find_in(sentence, &[]) {
            // Countries, capitals and (in mixed case) big cities say where the story is.
            let counts_for_story: bool = match mention.place.kind {
                PlaceKind::Country | PlaceKind::Capital => true,
                PlaceKind::City => !caps && mention.place.population >= 1_000_000,
                _ => false,
            };
            if counts_for_story {
                bump(&mention.place.iso3, &mut counts);
            }
        }
        for word in &sentence.words {
            if let Some(iso3) = demonym_country(&word.lower) {
                bump(iso3, &mut counts);
            }
        }
    }
    for event in events {
        for actor in [&event.source, &event.target].into_iter().flatten() {
            let prefix: &str = actor
                .country
                .as_deref()
                .unwrap_or_else(|| actor.coded().and_then(|c| c.get(..3)).unwrap_or(""));
            if let Some(country) = gazetteer.country(prefix) {
                bump(&country.iso3, &mut counts);
            }
        }
    }
    // Stable: ties keep the order of first mention.
    counts.sort_by_key(|entry: &(&'static str, usize)| std::cmp::Reverse(entry.1));
    counts
        .into_iter()
        .map(|(iso3, _)| iso3.to_string())
        .collect()
}

fn specificity(kind: PlaceKind) -> u8 {
    match kind {
        PlaceKind::City | PlaceKind::Capital => 4,
        PlaceKind::Border | PlaceKind::Admin1 => 3,
        PlaceKind::Region => 2,
        PlaceKind::Country => 1,
    }
}

fn overlaps(span: (usize, usize), other: Option<Span>) -> bool {
    other.is_some_and(|o: Span| (o.start as usize) < span.1 && span.0 < o.end as usize)
}

/// Turns a mention into the event-record location.
pub fn to_location(mention: &PlaceMention, precision: Option<&str>) -> Location {
    let place: &Place = &mention.place;
    Location {
        name: place.name.clone(),
        country: (!place.iso3.is_empty()).then(|| place.iso3.clone()),
        admin1: place.admin1.clone(),
        lat: Some(place.lat),
        lon: Some(place.lon),
        precision: Some(precision.unwrap_or(place.kind.precision()).to_string()),
        span: Span::from_usize(mention.span.0, mention.span.1),
    }
}

/// The best place of a sentence for one event, or `None`.
pub fn choose_place<'m>(mentions: &'m [PlaceMention], event: &Event) -> Option<&'m PlaceMention> {
    let verb: Option<usize> = event
        .verb
        .as_ref()
        .and_then(|v| v.span)
        .map(|s: Span| s.start as usize);
    let source: Option<Span> = event.source.as_ref().and_then(|a| a.span);
    let target: Option<Span> = event.target.as_ref().and_then(|a| a.span);
    mentions
        .iter()
        .filter(|m: &&PlaceMention| {
            m.locative
                || m.place.kind == PlaceKind::Border
                || !(overlaps(m.span, source) || overlaps(m.span, target))
        })
        .max_by_key(|m: &&PlaceMention| {
            let distance: usize = verb.map_or(0, |v: usize| v.abs_diff(m.span.0));
            (
                m.locative,
                specificity(m.place.kind),
                std::cmp::Reverse(distance),
            )
        })
}

/// The place a story's events inherit: the dateline place (a place opening one of the
/// first sentences and followed by "," or a dash) else the most mentioned place.
pub fn story_place(text: &str, sentences: &[Span], story: &[String]) -> Option<PlaceMention> {
    let prepared: Vec<Option<PreparedSentence<'_>>> = sentences
        .iter()
        .map(|span: &Span| {
            span.slice(text)
                .map(|s: &str| PreparedSentence::new(s, span.start as usize))
        })
        .collect();
    let mentions: Vec<Vec<PlaceMention>> = prepared
        .iter()
        .map(|s: &Option<PreparedSentence<'_>>| {
            s.as_ref()
                .map_or_else(Vec::new, |s| find_places_prepared(s, story))
        })
        .collect();
    story_place_prepared(
        text,
        prepared
            .iter()
            .zip(&mentions)
            .map(|(s, m)| s.as_ref().map(|s| (s, m.as_slice()))),
    )
}

/// [`story_place`] from the story's sentences and the places already found in each (with
/// the story's countries); `None` stands for a sentence whose span is not in the text.
pub fn story_place_prepared<'a, 't: 'a>(
    text: &str,
    sentences: impl IntoIterator<Item = Option<(&'a PreparedSentence<'t>, &'a [PlaceMention])>>,
) -> Option<PlaceMention> {
    let mut counts: Vec<(&PlaceMention, usize, usize)> = Vec::new();
    for (index, item) in sentences.into_iter().enumerate() {
        let Some((prepared, mentions)) = item else {
            continue;
        };
        let sentence: &str = prepared.text;
        if index < 4
            && let Some(first) = mentions.first()
            && first.span.0 == prepared.start + sentence.len() - sentence.trim_start().len()
            && text.get(first.span.1..).is_some_and(|rest: &str| {
                rest.starts_with(',') || rest.trim_start().starts_with(['-', '—', '–'])
            })
            && is_dateline(sentence)
        {
            return Some(first.clone());
        }
        for mention in mentions {
            match counts.iter_mut().find(|(m, _, _)| m.place == mention.place) {
                Some(entry) => entry.1 += 1,
                None => {
                    let order: usize = counts.len();
                    counts.push((mention, 1, order));
                }
            }
        }
    }
    counts
        .into_iter()
        .max_by_key(|(m, count, order)| {
            (*count, specificity(m.place.kind), std::cmp::Reverse(*order))
        })
        .map(|(mention, _, _)| mention.clone())
}

/// "BAKU, Nov 16 (Reuters) -", "SAN SALVADOR, 3 JAN 90 --", "YEREVAN —".
fn is_dateline(sentence: &str) -> bool {
    let head: &str = sentence.get(..sentence.len().min(80)).unwrap_or(sentence);
    head.contains("--")
        || head.contains('—')
        || head.contains(" - ")
        || head.contains("(Reuters)")
        || head.contains("(AP)")
        || head.contains("(AFP)")
}

/// Fills `location` of one event from its sentence's places or the story's place.
pub fn locate_event(
    event: &mut Event,
    sentence_places: &[PlaceMention],
    inherited: Option<&PlaceMention>,
) {
    if event.location.is_some() {
        return;
    }
    if let Some(mention) = choose_place(sentence_places, event) {
        event.location = Some(to_location(mention, None));
    } else if let Some(mention) = inherited {
        event.location = Some(to_location(mention, Some("inherited")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(sentence: &str, story: &[&str]) -> Vec<(String, &'static str)> {
        let story: Vec<String> = story.iter().map(|s: &&str| s.to_string()).collect();
        find_places(sentence, 0, &story)
            .into_iter()
            .map(|m: PlaceMention| (m.place.name.clone(), m.place.kind.precision()))
            .collect()
    }

    #[test]
    fn finds_cities_countries_regions() {
        assert_eq!(
            names(
                "Shelling hit Stepanakert in Nagorno-Karabakh and Goris in Armenia.",
                &[]
            ),
            [
                ("Stepanakert".to_string(), "city"),
                ("Nagorno-Karabakh".to_string(), "region"),
                ("Goris".to_string(), "city"),
                ("Armenia".to_string(), "country")
            ]
        );
        assert_eq!(
            names("TROOPS ATTACKED SAN SALVADOR.", &["SLV"]),
            [("San Salvador".to_string(), "city")]
        );
        // ALL-CAPS words that happen to be foreign towns are not places.
        assert!(names("ACCORDING TO THAT GARRISON, THE SAME UNIT LEFT.", &["SLV"]).is_empty());
        assert_eq!(
            names("CLASHES YESTERDAY IN USULUTAN.", &["SLV"]),
            [("Usulután".to_string(), "city")]
        );
        // A first name that is also a city is not a place.
        assert!(names("Speaker Nancy Pelosi spoke.", &[]).is_empty());
        assert!(
            names(
                "Since the truce, the two sides have accused each other.",
                &[]
            )
            .is_empty()
        );
    }

    #[test]
    fn events_without_a_place_inherit_the_dateline() {
        let text: &str = "YEREVAN, Nov 16 (Reuters) - Fighting broke out on Tuesday.\nThe ministry said talks would resume.";
        let first: usize = text.find('\n').unwrap_or(text.len());
        let spans: Vec<Span> = [
            Span::from_usize(0, first),
            Span::from_usize(first + 1, text.len()),
        ]
        .into_iter()
        .flatten()
        .collect();
        let story: Vec<String> = story_countries(text, &spans, &[]);
        let inherited: Option<PlaceMention> = story_place(text, &spans, &story);
        assert_eq!(
            inherited
                .as_ref()
                .map(|m: &PlaceMention| m.place.name.as_str()),
            Some("Yerevan")
        );
        let mut event: Event = Event {
            id: String::new(),
            doc_id: String::new(),
            sentence_id: String::new(),
            report_date: None,
            event_date: None,
            source: None,
            target: None,
            cameo: "010".into(),
            cameo_root: "01".into(),
            cameo_name: None,
            goldstein: None,
            quad_class: None,
            penta_class: None,
            plover: None,
            acled: None,
            fatalities: None,
            injured: None,
            captured: None,
            location: None,
            attribution: Vec::new(),
            verb: None,
            sentence: String::new(),
            sentence_span: spans.get(1).copied(),
            pattern: None,
            background: false,
            issues: Vec::new(),
        };
        let here: Vec<PlaceMention> = find_places(&text[first + 1..], first + 1, &story);
        locate_event(&mut event, &here, inherited.as_ref());
        let location: Option<Location> = event.location;
        assert_eq!(
            location
                .as_ref()
                .and_then(|l: &Location| l.precision.as_deref()),
            Some("inherited")
        );
        assert_eq!(
            location
                .as_ref()
                .and_then(|l: &Location| l.country.as_deref()),
            Some("ARM")
        );
    }

    #[test]
    fn demonyms_in_any_case() {
        for word in ["armenian", "Armenian", "ARMENIAN"] {
            assert_eq!(demonym_country(word), Some("ARM"), "{word}");
        }
        assert_eq!(demonym_country("French"), Some("FRA"));
        for word in ["", "the", "Armenia", "Ármenian"] {
            assert_eq!(demonym_country(word), None, "{word}");
        }
    }

    #[test]
    fn borders_from_countries_and_demonyms() {
        let found = names(
            "15 Armenian soldiers had died in clashes on the country’s border with Azerbaijan.",
            &[],
        );
        assert!(
            found
                .iter()
                .any(|(name, precision)| name == "Armenia–Azerbaijan border"
                    && *precision == "region"),
            "{found:?}"
        );
        let shared = names(
            "They accused each other of initiating fighting along their shared border.",
            &["ARM", "AZE"],
        );
        assert!(
            shared.is_empty(),
            "no country named in the sentence: {shared:?}"
        );
        let between = names(
            "Fighting along the border between Armenia and Azerbaijan.",
            &[],
        );
        assert!(
            between
                .iter()
                .any(|(name, _)| name == "Armenia–Azerbaijan border")
        );
    }
}
