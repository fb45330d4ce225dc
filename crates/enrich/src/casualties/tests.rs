//! Tests with sentences of our own for every casualty rule.

mod patterns_and_counts {
    use super::super::*;

    fn found(sentence: &str) -> Vec<(CasualtyKind, u32)> {
        find_casualties(sentence, 0)
            .iter()
            .map(|m: &CasualtyMention| (m.kind, m.count))
            .collect()
    }

    use CasualtyKind::{Captured, Fatalities, Injured};

    #[test]
    fn number_first() {
        assert_eq!(
            found("15 Armenian soldiers had died in clashes on the border."),
            [(Fatalities, 15)]
        );
        assert_eq!(
            found("The parliament added that 12 of their soldiers had been captured."),
            [(Captured, 12)]
        );
        assert_eq!(
            found("THREE SUBVERSIVES WERE KILLED AND SEVEN OTHERS WERE WOUNDED DURING CLASHES."),
            [(Fatalities, 3), (Injured, 7)]
        );
        assert_eq!(
            found("The blast left 20 dead and dozens injured."),
            [(Fatalities, 20), (Injured, 24)]
        );
        assert_eq!(found("Two soldiers were taken prisoner."), [(Captured, 2)]);
        assert_eq!(found("Police found 11 bodies."), [(Fatalities, 11)]);
    }

    #[test]
    fn trigger_first_and_tolls() {
        assert_eq!(
            found("A car bomb exploded, killing at least twelve people."),
            [(Fatalities, 12)]
        );
        assert_eq!(found("Gunmen kidnapped 50 peasants."), [(Captured, 50)]);
        assert_eq!(
            found("The death toll rose to 41 on Monday."),
            [(Fatalities, 41)]
        );
        assert_eq!(
            found("The conflict claimed more than 6,500 lives."),
            [(Fatalities, 6_500)]
        );
        assert_eq!(
            found("THE MURDER OF SIX JESUITS SHOCKED THE COUNTRY."),
            [(Fatalities, 6)]
        );
        let hedged: Vec<CasualtyMention> =
            find_casualties("The war claimed more than 6,500 lives.", 0);
        assert!(hedged[0].lower_bound);
    }

    #[test]
    fn singulars_and_non_counts() {
        assert_eq!(
            found("A SOLDIER WAS WOUNDED AND TAKEN TO THE HOSPITAL."),
            [(Injured, 1)]
        );
        assert_eq!(
            found("Galan was assassinated in Soacha."),
            [(Fatalities, 1)]
        );
        assert!(
            found("The 2020 war killed thousands of people.").is_empty()
                || found("The 2020 war killed thousands of people.") == [(Fatalities, 2_000)]
        );
        assert!(found("Russia deployed 1,960 peacekeepers for five years.").is_empty());
        assert!(
            found("He was killed 2 years ago.")
                .iter()
                .all(|(_, n)| *n == 1)
        );
        assert!(found("Talks lasted 3 hours and 15 people attended.").is_empty());
        assert!(found("Police seized 300 kilograms of cocaine.").is_empty());
        assert!(found("Customs officers seized 40 rifles.").is_empty());
        assert_eq!(found("No one was reportedly hurt."), [(Injured, 0)]);
        assert_eq!(
            found("In 2005 four suicide bombers killed 52 people."),
            [(Fatalities, 52)]
        );
        let subset: Vec<CasualtyMention> = find_casualties(
            "The strikes killed four Palestinians, including three Hamas fighters.",
            0,
        );
        let rules: Vec<(u32, &str)> = subset
            .iter()
            .map(|m: &CasualtyMention| (m.count, m.rule))
            .collect();
        assert_eq!(rules, [(4, "object"), (3, "subset")]);
        assert_eq!(
            found("THE DEATH OF LIBERAL PARTY LEADER LUIS CARLOS GALAN SHOCKED THEM."),
            [(Fatalities, 1)]
        );
        assert!(found("THE KILLING OF SECURITY OFFICERS AND THEIR RELATIVES").is_empty());
        assert_eq!(
            found("THEIR ACTION CAUSED ONE UNFORTUNATE DEATH."),
            [(Fatalities, 1)]
        );
        assert_eq!(
            found("THE MURDER OF THE SIX JESUITS SHOCKED THEM."),
            [(Fatalities, 6)]
        );
        assert!(found("A SMOKE SCREEN AROUND THE MASSACRE COMMITTED BY TROOPS").is_empty());
        assert_eq!(
            found("FIVE POLICEMEN AND A CIVILIAN WERE KILLED."),
            [(Fatalities, 5)]
        );
        assert_eq!(
            found(
                "SIX JESUIT PRIESTS -- FIVE SPANIARDS AND ONE SALVADORAN -- AND TWO WOMEN WERE MURDERED."
            ),
            [(Fatalities, 6), (Fatalities, 2)]
        );
        assert_eq!(
            found(
                "THE OPERATION TO MURDER THE SIX JESUIT PRIESTS AND THE TWO MAIDS LASTED AN HOUR."
            ),
            [(Fatalities, 6), (Fatalities, 2)]
        );
        assert!(found("Taliban fighters seized a house and Russia seized Crimea.").is_empty());
        assert!(found("Hundreds of political prisoners have been released.").is_empty());
        assert!(found("The ruling endangered the lives of thousands of women.").is_empty());
        assert!(
            !found("He was wounded by splinters in various parts of his body.")
                .contains(&(Fatalities, 1))
        );
        assert_eq!(found("Gunmen kidnapped a journalist."), [(Captured, 1)]);
        assert_eq!(
            found("Rebels seized 12 soldiers near the base."),
            [(Captured, 12)]
        );
    }

    #[test]
    fn possessive_and_idiomatic_single_deaths() {
        assert_eq!(
            found("The minister denounced Pizarro's assassination."),
            [(Fatalities, 1)]
        );
        assert_eq!(found("They condemned his murder."), [(Fatalities, 1)]);
        assert_eq!(found("A hired assassin ended his life."), [(Fatalities, 1)]);
        assert_eq!(
            found("He was taken to hospital, where he passed away."),
            [(Fatalities, 1)]
        );
        assert!(found("The militants' killing spree ended.").is_empty());
        assert!(found("He passed away the time reading.").len() <= 1);
    }
}

mod coordination_tests {
    use super::super::*;

    fn found(sentence: &str) -> Vec<(CasualtyKind, u32)> {
        find_casualties(sentence, 0)
            .iter()
            .map(|m: &CasualtyMention| (m.kind, m.count))
            .collect()
    }

    #[test]
    fn coordinated_counts_share_the_trigger() {
        use CasualtyKind::Fatalities;
        assert_eq!(
            found("THE MURDER OF SIX JESUIT PRIESTS AND TWO WOMEN SHOCKED THEM."),
            [(Fatalities, 6), (Fatalities, 2)]
        );
        assert_eq!(
            found("Six Jesuit priests and two women who worked with them were murdered."),
            [(Fatalities, 6), (Fatalities, 2)]
        );
        assert_eq!(
            found("SOME 1,000 DEAD, INCLUDING 6 JESUIT PRIESTS WHO WERE ASSASSINATED."),
            [(Fatalities, 1_000), (Fatalities, 6)]
        );
        assert_eq!(
            found("THEY HAVE KILLED APPROXIMATELY 12 MINERS."),
            [(Fatalities, 12)]
        );
        assert_eq!(
            found("TWO OF THE MINISTER'S BODYGUARDS WERE ALSO KILLED."),
            [(Fatalities, 2)]
        );
        assert_eq!(
            found("Six Jesuits (five Spaniards and one Salvadoran) and two women were killed."),
            [(Fatalities, 6), (Fatalities, 2)]
        );
    }
}

mod assignment_tests {
    use super::super::*;
    use annalist_code::{Event, Verb};
    use annalist_text::Span;

    fn event(cameo: &str, verb_start: usize, background: bool) -> Event {
        Event {
            id: String::new(),
            doc_id: String::new(),
            sentence_id: String::new(),
            report_date: None,
            event_date: None,
            source: None,
            target: None,
            cameo: cameo.into(),
            cameo_root: cameo.get(..2).unwrap_or("").to_string().into(),
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
            verb: Some(Verb {
                text: "v".into(),
                span: Span::from_usize(verb_start, verb_start + 1),
            }),
            sentence: String::new(),
            sentence_span: None,
            pattern: None,
            background,
            issues: Vec::new(),
        }
    }

    fn placed(
        kind: CasualtyKind,
        count: u32,
        at: usize,
        sentence: usize,
        background: bool,
    ) -> PlacedMention {
        PlacedMention {
            mention: CasualtyMention {
                kind,
                count,
                lower_bound: false,
                number_span: (at, at + 2),
                trigger_span: (at + 3, at + 9),
                rule: "number-first",
            },
            sentence,
            background,
        }
    }

    #[test]
    fn same_sentence_then_preceding_violent_then_background_guard() {
        // Sentence 0: a statement (010) and a clash (190); sentence 1: no event;
        // sentence 2: an old war (190, background) and a meeting (036).
        let mut events: Vec<Event> = vec![
            event("010", 5, false),
            event("190", 40, false),
            event("190", 300, true),
            event("036", 330, false),
        ];
        let sentences: Vec<Option<usize>> = vec![Some(0), Some(0), Some(2), Some(2)];
        let mentions: Vec<PlacedMention> = vec![
            placed(CasualtyKind::Fatalities, 15, 10, 0, false),
            placed(CasualtyKind::Captured, 12, 120, 1, false),
            placed(CasualtyKind::Fatalities, 6_500, 340, 2, true),
            placed(CasualtyKind::Fatalities, 3, 200, 1, true),
        ];
        let assignments: Vec<Assignment> = assign_casualties(&mentions, &mut events, &sentences);
        // The 15 goes to the clash, not to the nearer statement.
        assert_eq!(events[1].fatalities, Some(15));
        assert_eq!(events[0].fatalities, None);
        // No event in sentence 1: the closest preceding violent event takes the 12.
        assert_eq!(events[1].captured, Some(12));
        // A count in a past-tense sentence only goes to background events.
        assert_eq!(events[2].fatalities, Some(6_500));
        assert_eq!(
            assignments[3].event, None,
            "no background violent event precedes sentence 1"
        );
        assert_eq!(events[3].fatalities, None);
    }
}
