//! Tests with sentences of our own for every date rule.

use super::*;

fn report() -> Option<SimpleDate> {
    SimpleDate::new(2021, 11, 16)
}

fn date_of(sentence: &str, verb: &str) -> (Option<String>, bool) {
    let start: usize = sentence.find(verb).unwrap_or(0);
    let event: EventDate = date_event(sentence, 0, Some((start, start + verb.len())), report());
    (
        event.date.map(|d: ResolvedDate| d.date.iso()),
        event.background,
    )
}

#[test]
fn calendar_arithmetic() {
    let date: SimpleDate = SimpleDate {
        year: 2021,
        month: 11,
        day: 16,
    };
    assert_eq!(SimpleDate::from_days(date.to_days()), date);
    assert_eq!(date.weekday(), 1, "2021-11-16 was a Tuesday");
    assert_eq!(date.add_days(-16).iso(), "2021-10-31");
    assert_eq!(SimpleDate::new(2021, 2, 29), None);
    assert_eq!(parse_iso_date("2021-11-16T10:00:00Z"), report());
}

#[test]
fn explicit_dates() {
    assert_eq!(
        date_of("Clashes broke out on 16 November 2021 near Goris.", "broke")
            .0
            .as_deref(),
        Some("2021-11-16")
    );
    assert_eq!(
        date_of("Troops attacked the town on Nov. 14.", "attacked")
            .0
            .as_deref(),
        Some("2021-11-14")
    );
    assert_eq!(
        date_of("Troops attacked the town on November 14, 2019.", "attacked"),
        (Some("2019-11-14".into()), true)
    );
    assert_eq!(
        date_of("TERRORISTS ATTACKED THE TOWN ON 30 DECEMBER.", "ATTACKED")
            .0
            .as_deref(),
        Some("2020-12-30")
    );
    assert_eq!(
        date_of("SAN SALVADOR, 3 JAN 90 -- TROOPS ATTACKED.", "ATTACKED")
            .0
            .as_deref(),
        Some("1990-01-03")
    );
}

#[test]
fn weekdays_are_past_biased() {
    assert_eq!(
        date_of("He said on Tuesday that talks failed.", "said")
            .0
            .as_deref(),
        Some("2021-11-16")
    );
    assert_eq!(
        date_of("Rebels attacked on Wednesday.", "attacked")
            .0
            .as_deref(),
        Some("2021-11-10")
    );
    assert_eq!(
        date_of("Rebels attacked on Sunday.", "attacked")
            .0
            .as_deref(),
        Some("2021-11-14")
    );
}

#[test]
fn relative_expressions() {
    assert_eq!(
        date_of("Police arrested him yesterday.", "arrested")
            .0
            .as_deref(),
        Some("2021-11-15")
    );
    assert_eq!(
        date_of("Police arrested him last week.", "arrested")
            .0
            .as_deref(),
        Some("2021-11-09")
    );
    assert_eq!(
        date_of("The war ended last November.", "ended"),
        (Some("2020-11-01".into()), true)
    );
    assert_eq!(
        date_of("The war ended last March.", "ended"),
        (Some("2021-03-01".into()), true)
    );
    assert_eq!(
        date_of("Talks resumed earlier this month.", "resumed"),
        (Some("2021-11-01".into()), false)
    );
    assert_eq!(
        date_of("They fought a war in 2020.", "fought"),
        (Some("2020-01-01".into()), true)
    );
    assert_eq!(
        date_of("Thousands fled during the 2020 war.", "fled"),
        (Some("2020-01-01".into()), true)
    );
    assert_eq!(
        date_of("The two sides fought last year.", "fought"),
        (Some("2020-01-01".into()), true)
    );
    assert_eq!(
        date_of("Rebels seized the town three days ago.", "seized")
            .0
            .as_deref(),
        Some("2021-11-13")
    );
}

#[test]
fn last_years_war_is_background() {
    let sentence: &str = "Azerbaijan regained the districts in last year's war.";
    assert_eq!(
        date_of(sentence, "regained"),
        (Some("2020-01-01".into()), true)
    );
    let precise: EventDate = date_event(sentence, 0, Some((11, 19)), report());
    assert_eq!(
        precise.date.map(|d: ResolvedDate| d.precision),
        Some(DatePrecision::Year)
    );
}

#[test]
fn a_year_after() {
    let sentence: &str =
        "Tensions remain high a year after the arch-foes fought a war over the region.";
    assert_eq!(
        date_of(sentence, "fought"),
        (Some("2020-01-01".into()), true)
    );
    assert_eq!(
        date_of(sentence, "remain"),
        (Some("2021-11-16".into()), false)
    );
    let dated: &str = "Fighting flared a year after the 2019 ceasefire.";
    assert_eq!(date_of(dated, "flared"), (Some("2020-01-01".into()), true));
    let undated: &str = "Fighting flared a year after the ceasefire.";
    assert_eq!(
        date_of(undated, "flared"),
        (Some("2021-11-16".into()), false)
    );
}

#[test]
fn background_cues() {
    let (date, background) = date_of(
        "Since the truce, the two sides have accused each other.",
        "accused",
    );
    assert_eq!((date, background), (None, true));
    assert!(
        date_of(
            "Azerbaijan had captured the town before the talks.",
            "captured"
        )
        .1
    );
    // Reported-speech back-shift stays foreground.
    let reported: &str =
        "Interfax cited the parliament as saying that 15 soldiers had died in clashes.";
    assert_eq!(
        date_of(reported, "died"),
        (Some("2021-11-16".into()), false)
    );
    // Noun-modifier years do not date the event.
    let modifier: &str = "Veterans of the 2020 war protested on Monday.";
    assert_eq!(
        date_of(modifier, "protested").0.as_deref(),
        Some("2021-11-15")
    );
}
