//! Query-string parsing and validation: every parameter is checked here, and a bad one is a
//! 400 naming it. Unknown and repeated parameters are refused too, so a typo (`contry=`) does
//! not silently widen a query. An empty value (`country=`) means "not given", as HTML forms
//! send it.

use crate::error::ApiError;
use annalist_store::{ActorLevel, EventFilter, Format, Interval, MAX_LIMIT, SortOrder, TypeKey};
use std::collections::BTreeMap;

/// Longest accepted free-text search.
const MAX_TEXT_LEN: usize = 200;

/// The decoded query string of one request, consumed parameter by parameter.
pub(crate) struct QueryParams {
    values: BTreeMap<String, String>,
}

impl QueryParams {
    /// Decodes `raw` (`a=1&b=2`). A name given twice is refused.
    pub(crate) fn parse(raw: Option<&str>) -> Result<QueryParams, ApiError> {
        let mut values: BTreeMap<String, String> = BTreeMap::new();
        for (name, value) in form_urlencoded::parse(raw.unwrap_or("").as_bytes()) {
            if name.is_empty() {
                continue;
            }
            let name: String = name.into_owned();
            if values.contains_key(&name) {
                return Err(ApiError::bad(&name, "given more than once"));
            }
            values.insert(name, value.trim().to_string());
        }
        Ok(QueryParams { values })
    }

    /// The non-empty value of `name`, removing it.
    pub(crate) fn take(&mut self, name: &str) -> Option<String> {
        self.values.remove(name).filter(|value| !value.is_empty())
    }

    /// Refuses any parameter this route did not consume.
    pub(crate) fn finish(self) -> Result<(), ApiError> {
        match self.values.keys().next() {
            Some(name) => Err(ApiError::bad(name, "unknown parameter for this route")),
            None => Ok(()),
        }
    }

    /// The shared filter parameters (from, to, country, actor, cameo_root, cameo, plover,
    /// acled_type, q, bbox, background); paging is added by the routes.
    pub(crate) fn filter(&mut self) -> Result<EventFilter, ApiError> {
        Ok(EventFilter {
            from: self.date("from")?,
            to: self.date("to")?,
            country: self.code("country", 8)?,
            actor: self.code("actor", 32)?,
            cameo_root: self.cameo_root()?,
            cameo: self.cameo()?,
            plover: self.label("plover", 64, true)?,
            acled_type: self.label("acled_type", 100, false)?,
            text: self.label("q", MAX_TEXT_LEN, false)?,
            bbox: self.bbox()?,
            background: self.boolean("background")?,
            ..EventFilter::default()
        })
    }

    fn date(&mut self, name: &str) -> Result<Option<String>, ApiError> {
        let Some(value) = self.take(name) else {
            return Ok(None);
        };
        if is_date_prefix(&value) {
            Ok(Some(value))
        } else {
            Err(ApiError::bad(
                name,
                format!("expected YYYY, YYYY-MM or YYYY-MM-DD, got {value:?}"),
            ))
        }
    }

    /// An actor or country code: ASCII letters and digits, upper-cased.
    fn code(&mut self, name: &str, max_len: usize) -> Result<Option<String>, ApiError> {
        let Some(value) = self.take(name) else {
            return Ok(None);
        };
        if value.len() <= max_len && value.bytes().all(|b| b.is_ascii_alphanumeric()) {
            Ok(Some(value.to_ascii_uppercase()))
        } else {
            Err(ApiError::bad(
                name,
                format!("expected a code of 1-{max_len} letters or digits, got {value:?}"),
            ))
        }
    }

    fn cameo_root(&mut self) -> Result<Option<String>, ApiError> {
        let Some(value) = self.take("cameo_root") else {
            return Ok(None);
        };
        match value.parse::<u8>() {
            Ok(root) if (1..=20).contains(&root) && value.len() <= 2 => {
                Ok(Some(format!("{root:02}")))
            }
            _ => Err(ApiError::bad(
                "cameo_root",
                format!("expected a CAMEO root from 01 to 20, got {value:?}"),
            )),
        }
    }

    fn cameo(&mut self) -> Result<Option<String>, ApiError> {
        let Some(value) = self.take("cameo") else {
            return Ok(None);
        };
        if (2..=4).contains(&value.len()) && value.bytes().all(|b| b.is_ascii_digit()) {
            Ok(Some(value))
        } else {
            Err(ApiError::bad(
                "cameo",
                format!("expected a CAMEO code of 2-4 digits, got {value:?}"),
            ))
        }
    }

    /// Free text of at most `max_len` characters without control characters.
    fn label(
        &mut self,
        name: &str,
        max_len: usize,
        upper: bool,
    ) -> Result<Option<String>, ApiError> {
        let Some(value) = self.take(name) else {
            return Ok(None);
        };
        if value.chars().count() > max_len {
            return Err(ApiError::bad(
                name,
                format!("longer than {max_len} characters"),
            ));
        }
        if value.chars().any(char::is_control) {
            return Err(ApiError::bad(name, "contains control characters"));
        }
        Ok(Some(if upper { value.to_uppercase() } else { value }))
    }

    fn bbox(&mut self) -> Result<Option<(f64, f64, f64, f64)>, ApiError> {
        let Some(value) = self.take("bbox") else {
            return Ok(None);
        };
        let bad = || {
            ApiError::bad(
                "bbox",
                format!(
                    "expected west,south,east,north in degrees (lon -180..180, lat -90..90, \
                     south <= north), got {value:?}"
                ),
            )
        };
        let numbers: Vec<f64> = value
            .split(',')
            .map(|part| part.trim().parse::<f64>())
            .collect::<Result<Vec<f64>, _>>()
            .map_err(|_| bad())?;
        let [west, south, east, north]: [f64; 4] = numbers.try_into().map_err(|_| bad())?;
        let lon_ok = |v: f64| v.is_finite() && (-180.0..=180.0).contains(&v);
        let lat_ok = |v: f64| v.is_finite() && (-90.0..=90.0).contains(&v);
        if lon_ok(west) && lon_ok(east) && lat_ok(south) && lat_ok(north) && south <= north {
            Ok(Some((west, south, east, north)))
        } else {
            Err(bad())
        }
    }

    fn boolean(&mut self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.take(name).as_deref() {
            None => Ok(None),
            Some("true" | "1") => Ok(Some(true)),
            Some("false" | "0") => Ok(Some(false)),
            Some(other) => Err(ApiError::bad(
                name,
                format!("expected true or false, got {other:?}"),
            )),
        }
    }

    /// `limit` from 1 to `max`.
    pub(crate) fn limit(&mut self, max: u32) -> Result<Option<u32>, ApiError> {
        let Some(value) = self.take("limit") else {
            return Ok(None);
        };
        match value.parse::<u32>() {
            Ok(limit) if (1..=max).contains(&limit) => Ok(Some(limit)),
            _ => Err(ApiError::bad(
                "limit",
                format!("expected an integer from 1 to {max}, got {value:?}"),
            )),
        }
    }

    /// `offset`, a non-negative integer.
    pub(crate) fn offset(&mut self) -> Result<Option<u64>, ApiError> {
        let Some(value) = self.take("offset") else {
            return Ok(None);
        };
        match value.parse::<u64>() {
            Ok(offset) if i64::try_from(offset).is_ok() => Ok(Some(offset)),
            _ => Err(ApiError::bad(
                "offset",
                format!("expected a non-negative integer, got {value:?}"),
            )),
        }
    }

    pub(crate) fn sort(&mut self) -> Result<Option<SortOrder>, ApiError> {
        self.choice(
            "sort",
            &[
                ("newest", SortOrder::Newest),
                ("oldest", SortOrder::Oldest),
                ("most_mentioned", SortOrder::MostMentioned),
            ],
        )
    }

    pub(crate) fn interval(&mut self) -> Result<Option<Interval>, ApiError> {
        self.choice(
            "interval",
            &[
                ("day", Interval::Day),
                ("week", Interval::Week),
                ("month", Interval::Month),
            ],
        )
    }

    pub(crate) fn type_key(&mut self) -> Result<Option<TypeKey>, ApiError> {
        self.choice(
            "by",
            &[
                ("cameo_root", TypeKey::CameoRoot),
                ("quad_class", TypeKey::QuadClass),
                ("plover", TypeKey::Plover),
                ("acled", TypeKey::Acled),
            ],
        )
    }

    pub(crate) fn level(&mut self) -> Result<Option<ActorLevel>, ApiError> {
        self.choice(
            "level",
            &[("code", ActorLevel::Code), ("country", ActorLevel::Country)],
        )
    }

    pub(crate) fn format(&mut self) -> Result<Option<Format>, ApiError> {
        self.choice(
            "format",
            &[
                ("csv", Format::Csv),
                ("jsonl", Format::Jsonl),
                ("gdelt", Format::Gdelt),
                ("plover", Format::Plover),
                ("parquet", Format::Parquet),
            ],
        )
    }

    fn choice<T: Copy>(
        &mut self,
        name: &str,
        options: &[(&str, T)],
    ) -> Result<Option<T>, ApiError> {
        let Some(value) = self.take(name) else {
            return Ok(None);
        };
        match options.iter().find(|(label, _)| *label == value) {
            Some((_, choice)) => Ok(Some(*choice)),
            None => {
                let labels: Vec<&str> = options.iter().map(|(label, _)| *label).collect();
                Err(ApiError::bad(
                    name,
                    format!("expected one of {}, got {value:?}", labels.join(", ")),
                ))
            }
        }
    }
}

/// The page size `/api/events` allows.
pub(crate) const MAX_PAGE: u32 = MAX_LIMIT;

/// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` with a month 01-12 and a day 01-31.
fn is_date_prefix(value: &str) -> bool {
    let parts: Vec<&str> = value.split('-').collect();
    let digits = |s: &str, len: usize| s.len() == len && s.bytes().all(|b| b.is_ascii_digit());
    let in_range = |s: &str, max: u32| s.parse::<u32>().is_ok_and(|n| (1..=max).contains(&n));
    match parts.as_slice() {
        [year] => digits(year, 4),
        [year, month] => digits(year, 4) && digits(month, 2) && in_range(month, 12),
        [year, month, day] => {
            digits(year, 4)
                && digits(month, 2)
                && in_range(month, 12)
                && digits(day, 2)
                && in_range(day, 31)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::{QueryParams, is_date_prefix};

    #[test]
    fn dates_are_prefixes_of_iso_dates() {
        for good in ["2024", "2024-03", "2024-03-31"] {
            assert!(is_date_prefix(good), "{good}");
        }
        for bad in [
            "24",
            "2024-3",
            "2024-13",
            "2024-03-32",
            "2024-03-01T00",
            "x",
        ] {
            assert!(!is_date_prefix(bad), "{bad}");
        }
    }

    #[test]
    fn filter_normalises_codes_and_ignores_empty_values() -> Result<(), String> {
        let mut params: QueryParams =
            QueryParams::parse(Some("country=ukr&actor=&cameo_root=9&bbox=-10,-5,10.5,5"))
                .map_err(|e| format!("{e:?}"))?;
        let filter = params.filter().map_err(|e| format!("{e:?}"))?;
        assert_eq!(filter.country.as_deref(), Some("UKR"));
        assert_eq!(filter.actor, None);
        assert_eq!(filter.cameo_root.as_deref(), Some("09"));
        assert_eq!(filter.bbox, Some((-10.0, -5.0, 10.5, 5.0)));
        params.finish().map_err(|e| format!("{e:?}"))
    }

    #[test]
    fn repeated_and_unknown_parameters_are_refused() {
        assert!(QueryParams::parse(Some("q=a&q=b")).is_err());
        let params: Result<QueryParams, _> = QueryParams::parse(Some("contry=UKR"));
        assert!(params.is_ok_and(|p| p.finish().is_err()));
    }
}
