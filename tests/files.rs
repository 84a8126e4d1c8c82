//! The sample maps and the per-version fixtures: they load, save to identical bytes and reload
//! equal.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use polku::io;
use polku::model::*;

#[test]
fn every_sample_map_loads_and_is_saved_in_canonical_form() {
    for path in common::sample_maps() {
        let text = std::fs::read_to_string(&path).unwrap();
        let map = io::load(&path).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(io::to_text(&map).unwrap(), text, "{} is not canonical: run `polku fmt`", common::name(&path));
    }
}

#[test]
fn every_sample_map_saves_to_identical_bytes_and_reloads_equal() {
    let dir = tempfile::tempdir().unwrap();
    for path in common::sample_maps() {
        let map = io::load(&path).unwrap();
        let copy = dir.path().join(common::name(&path));
        io::save(&map, &copy).unwrap();
        assert_eq!(std::fs::read(&copy).unwrap(), std::fs::read(&path).unwrap());
        assert_eq!(io::load(&copy).unwrap(), map);
    }
}

#[test]
fn every_sample_map_is_rich_enough_to_show_the_whole_method() {
    for path in common::sample_maps() {
        let map = io::load(&path).unwrap();
        let name = common::name(&path);
        assert!(map.cards.len() >= 25, "{name}: {} cards", map.cards.len());
        assert!(map.personas.iter().all(|p| !p.name.is_empty() && !p.goals.is_empty()), "{name}: persona");
        let touchpoints: Vec<&Card> =
            map.cards.iter().filter(|c| map.lane(&c.lane).is_some_and(|l| l.kind == LaneKind::Touchpoints)).collect();
        assert!(touchpoints.len() >= 5, "{name}: touchpoints");
        assert!(
            touchpoints.iter().all(|c| c.channel.is_some() && !c.emotions.is_empty()),
            "{name}: channel and emotion"
        );
        assert!(map.arrows.iter().any(|a| a.kind == ArrowKind::Improvement), "{name}: improvement arrows");
        assert!(map.cards.iter().filter(|c| c.improvement.is_some()).count() >= 4, "{name}: action plan");
        assert!(map.lanes.iter().any(|l| l.kind == LaneKind::EmotionCurve), "{name}: emotion curve lane");
    }
}

#[test]
fn the_finnish_samples_keep_their_finnish_letters() {
    for path in common::sample_maps() {
        let map = io::load(&path).unwrap();
        if map.language == Language::Finnish {
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains('ä') && text.contains('ö'), "{}", common::name(&path));
            assert!(!text.contains("\\u{"), "letters are written as themselves, not escaped");
        }
    }
}

#[test]
fn the_format_1_fixture_opens_to_the_same_map_forever() {
    let map = io::load(&common::root().join("tests/data/versions/v1.ron")).unwrap();
    assert_eq!(map.title, "Asiakaspolku: kuntosalin jäsenyys");
    assert_eq!(map.language, Language::Finnish);
    assert_eq!(map.last_reviewed, Date::new(2026, 9, 30));
    assert_eq!(map.stages[0].colour, Some(Colour { r: 0x4E, g: 0x79, b: 0xA7 }));
    assert_eq!(map.stages[1].width, 1.5);
    assert_eq!(map.stages[0].width, 1.0, "width defaults to 1");
    assert_eq!(map.lanes[1].kind, LaneKind::EmotionCurve);
    let c2 = map.card(&CardId::new("c2")).unwrap();
    assert_eq!(c2.channel, Some(Channel::Web));
    assert_eq!(c2.emotions.values().next().copied().map(Emotion::value), Some(-1));
    assert_eq!(c2.marker, Some(Marker::PainPoint));
    assert_eq!(map.cards_in(&StageId::new("osto"), &LaneId::new("tekee"))[0].tags, vec!["haastattelu".to_owned()]);
    assert_eq!(map.arrows[0].kind, ArrowKind::Flow);
    assert_eq!(map.emotions, EmotionSettings::default(), "missing sections take their defaults");
    assert!(map.votes.is_empty(), "format 1 had no votes");
    assert_eq!(map.presentation, PresentationSettings::default());
    let text = io::to_text(&map).unwrap();
    assert!(text.starts_with(&today()), "saved in today's format: {}", &text[..40]);
    assert_eq!(io::load_str(&text, std::path::Path::new("v1-as-v3.ron")).unwrap(), map);
}

#[test]
fn the_format_2_fixture_opens_to_the_same_map_forever() {
    let map = io::load(&common::root().join("tests/data/versions/v2.ron")).unwrap();
    assert_eq!(map.title, "Hammaslääkärin uusi potilas");
    let round = &map.votes[0];
    assert_eq!(round.question, "Mikä kipupiste haittaa eniten?");
    assert_eq!(round.date, Date::new(2026, 11, 30).unwrap());
    assert_eq!(round.scope, VoteScope::PainPoints);
    assert_eq!((round.dots_per_person, round.voters, round.closed), (3, Some(4), true));
    assert_eq!(round.dots_of(&CardId::new("c1")), 7);
    assert_eq!(round.total(), 10);
    assert!(map.presentation.reveal_lanes);
    let c3 = map.card(&CardId::new("c3")).unwrap();
    assert_eq!(c3.improvement.as_ref().unwrap().votes, Some(7));
    let text = io::to_text(&map).unwrap();
    assert!(text.starts_with(&today()), "saved in today's format: {}", &text[..40]);
    assert_eq!(io::load_str(&text, std::path::Path::new("v2-as-v3.ron")).unwrap(), map);
}

#[test]
fn the_format_3_fixture_opens_to_the_same_map_forever() {
    let map = io::load(&common::root().join("tests/data/versions/v3.ron")).unwrap();
    assert_eq!(map.title, "Uusi potilas hammasklinikalla");
    let card = |id: &str| map.card(&CardId::new(id)).unwrap();
    assert_eq!(card("c1").channel, Some(Channel::App));
    assert_eq!(card("c2").channel, Some(Channel::TextMessage));
    assert_eq!(card("c3").channel, Some(Channel::FrontDesk));
    assert_eq!(card("c4").channel, Some(Channel::Letter));
    assert_eq!(card("c3").emotions.values().next().copied().map(Emotion::value), Some(-1));
    assert_eq!(card("c2").position, 1);
    let text = io::to_text(&map).unwrap();
    assert_eq!(io::load_str(&text, std::path::Path::new("v3-again.ron")).unwrap(), map);
}

#[test]
fn the_service_channels_of_format_3_round_trip_and_a_file_of_a_newer_format_is_not_edited() {
    let mut map = polku::presets::Preset::ServiceVisit.new_map(Language::Finnish);
    let text = io::to_text(&map).unwrap();
    for channel in ["FrontDesk", "TextMessage", "App", "Letter"] {
        assert!(text.contains(&format!("channel: Some({channel})")), "the template uses {channel}");
    }
    assert_eq!(io::load_str(&text, std::path::Path::new("palvelu.ron")).unwrap(), map);
    map.title = "Newer".into();
    let newer = io::to_text(&map).unwrap().replacen(
        &format!("format_version: {}", io::CURRENT_VERSION),
        &format!("format_version: {}", io::CURRENT_VERSION + 1),
        1,
    );
    let err = io::load_str(&newer, std::path::Path::new("newer.ron")).unwrap_err();
    assert!(err.to_string().contains("newer"), "{err}");
}

#[test]
fn the_bundled_default_sample_is_a_real_map() {
    let map = polku::samples::default_sample();
    assert!(map.cards.len() >= 25);
    assert!(map.validate().is_empty());
}

#[test]
fn a_first_start_in_finnish_shows_a_finnish_sample_and_in_english_an_english_one() {
    for language in [Language::Finnish, Language::English] {
        let map = polku::samples::default_sample_in(language);
        assert_eq!(map.language, language);
        assert!(map.cards.len() >= 25);
    }
}

#[test]
fn the_complete_example_in_the_format_documentation_is_a_valid_map() {
    let doc = std::fs::read_to_string(common::root().join("docs/FORMAT.md")).unwrap();
    let start = doc.find("```ron\n").unwrap() + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let map = io::load_str(&doc[start..end], std::path::Path::new("FORMAT.md")).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        doc[start..end].contains(&format!("format_version: {},", io::CURRENT_VERSION)),
        "the example is of today's format"
    );
    assert_eq!(map.cards.len(), 2);
    assert_eq!(map.personas.len(), 2);
    let c1 = map.card(&CardId::new("c1")).unwrap();
    assert_eq!(
        (c1.emotion_of(&PersonaId::new("sari")), c1.target_of(&PersonaId::new("sari"))),
        (Emotion::new(-1), Emotion::new(1))
    );
    assert!(!c1.is_on_journey_of(&PersonaId::new("timo")));
    assert_eq!(map.card(&CardId::new("c2")).unwrap().improvement.as_ref().unwrap().status, Status::Planned);
}

#[test]
fn the_bundled_samples_are_the_files_in_sample_maps() {
    for (name, text) in polku::samples::SAMPLES {
        assert_eq!(std::fs::read_to_string(common::root().join("sample_maps").join(name)).unwrap(), text);
    }
    assert_eq!(polku::samples::SAMPLES.len(), common::sample_maps().len());
}

#[test]
fn a_stages_swot_round_trips_and_an_empty_one_is_left_out_of_the_file() {
    let mut map = io::load(&common::root().join("tests/data/versions/v3.ron")).unwrap();
    let text = io::to_text(&map).unwrap();
    assert!(text.starts_with(&today()) && !text.contains("swot"), "{}", &text[..60]);
    let swot = &mut map.stages[1].swot;
    swot.strengths.push("Ajanvaraus verkossa toimii".into());
    swot.threats.push("Kilpailija tarjoaa iltavastaanottoja".into());
    let text = io::to_text(&map).unwrap();
    assert!(text.contains("swot: (") && text.contains("threats: [\n"), "{text}");
    assert_eq!(text.matches("swot:").count(), 1, "only the stage that has one");
    assert_eq!(io::load_str(&text, std::path::Path::new("swot.ron")).unwrap(), map);
    let typo = text.replacen("threats:", "threads:", 1);
    let err = io::load_str(&typo, std::path::Path::new("typo.ron")).unwrap_err().to_string();
    assert!(err.contains("threads") && err.contains("`threats`"), "{err}");
}

#[test]
fn the_format_4_fixture_opens_to_the_same_map_forever() {
    let map = io::load(&common::root().join("tests/data/versions/v4.ron")).unwrap();
    assert_eq!(map.review_interval_months, Some(3));
    assert_eq!(map.stages[0].swot.strengths, ["Verkkoajanvaraus toimii myös illalla"]);
    assert_eq!(map.lanes[2].kind, LaneKind::Swot);
    let c1 = map.card(&CardId::new("c1")).unwrap();
    let evidence = c1.evidence.as_ref().unwrap();
    assert_eq!((evidence.level, evidence.sources[0].kind), (EvidenceLevel::Researched, SourceKind::Analytics));
    let c2 = map.card(&CardId::new("c2")).unwrap();
    assert_eq!(c2.values, [ValueType::Functional, ValueType::Emotional]);
    assert_eq!(c2.improvement.as_ref().unwrap().kind, Some(ActionKind::Tactical));
    assert_eq!(map.channel_priority(&Channel::Letter), Some(ChannelPriority::NotUsed));
    let text = io::to_text(&map).unwrap();
    assert_eq!(io::load_str(&text, std::path::Path::new("v4-again.ron")).unwrap(), map);
}

#[test]
fn the_format_5_fixture_opens_to_the_same_map_forever() {
    let map = io::load(&common::root().join("tests/data/versions/v5.ron")).unwrap();
    let ids: Vec<&str> = map.personas.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["opiskelija", "perhe", "senior"]);
    assert_eq!(map.personas[0].goals, ["Halpa jäsenyys"]);
    assert_eq!(map.personas[1].quote, "Aikaa on vain aamuisin.");
    let card = |id: &str| map.card(&CardId::new(id)).unwrap();
    let p = |id: &str| PersonaId::new(id);
    assert!(card("c1").personas.is_empty(), "everyone's");
    assert_eq!(card("c1").emotion_of(&p("senior")), Emotion::new(-2));
    assert_eq!(card("c1").target_of(&p("senior")), Emotion::new(0));
    assert_eq!(card("c2").personas, [p("opiskelija")]);
    assert!(!card("c3").is_on_journey_of(&p("opiskelija")));
    assert_eq!(card("c3").target_of(&p("perhe")), Emotion::new(2));
    let text = io::to_text(&map).unwrap();
    assert_eq!(io::load_str(&text, std::path::Path::new("v5-again.ron")).unwrap(), map);
}

#[test]
fn the_format_6_fixture_opens_with_its_kept_versions_forever() {
    let path = common::root().join("tests/data/versions/v6.ron");
    let map = io::load(&path).unwrap();
    let names: Vec<(&str, String)> = map.versions.iter().map(|v| (v.name.as_str(), v.saved.to_string())).collect();
    assert_eq!(
        names,
        [("Ennen kevään katselmointia", "2026-05-29 16:40".into()), ("Työpajan jälkeen", "2026-06-12 09:05".into())]
    );
    let spring = io::open_version(&map.versions[0], &path).unwrap();
    assert_eq!(spring.card(&CardId::new("c2")).unwrap().title, "Sopimus paperilla");
    assert_eq!(spring.card(&CardId::new("c1")).unwrap().emotion_of(&PersonaId::new("opiskelija")), Emotion::new(-1));
    assert!(spring.versions.is_empty());
    assert_eq!(map.card(&CardId::new("c1")).unwrap().title, "Hinnasto verkossa ja sovelluksessa");
    let text = io::to_text(&map).unwrap();
    assert_eq!(io::load_str(&text, std::path::Path::new("v6-again.ron")).unwrap(), map);
}

#[test]
fn a_migrated_map_has_one_persona_whose_ratings_the_old_emotions_became() {
    let map = io::load(&common::root().join("tests/data/versions/v1.ron")).unwrap();
    assert_eq!(map.personas.len(), 1);
    assert_eq!(map.personas[0].id.as_str(), io::MIGRATED_PERSONA);
    let c2 = map.card(&CardId::new("c2")).unwrap();
    assert_eq!(c2.emotion_of(&map.personas[0].id).map(Emotion::value), Some(-1));
    assert!(map.cards.iter().all(|c| c.personas.is_empty() && c.targets.is_empty()));
}

/// The first line and the version line of a file in today's format.
fn today() -> String {
    format!("(\n    format_version: {},", io::CURRENT_VERSION)
}
