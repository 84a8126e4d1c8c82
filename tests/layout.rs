//! Layout guarantees that hold for every map: arrow labels and plan badges never cover a card
//! or each other, and action-plan items carry their badge unless the view hides it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui::Rect;
use polku::io;
use polku::layout::Layout;
use polku::model::*;
use polku::render::export::layout_headless;
use polku::theme::{Theme, ThemeKind};
use proptest::prelude::*;

/// Every label and arrow badge rectangle of `layout`, with the arrow's id for messages.
fn label_rects(layout: &Layout) -> Vec<(String, Rect)> {
    let mut out = Vec::new();
    for a in &layout.arrows {
        if let Some((r, _)) = &a.label {
            out.push((format!("label of {}", a.id.as_str()), *r));
        }
        if let Some(b) = &a.badge {
            out.push((format!("badge of {}", a.id.as_str()), b.rect));
        }
    }
    out
}

/// The problems of `layout`: labels over cards, labels over each other.
fn label_problems(layout: &Layout) -> Vec<String> {
    let labels = label_rects(layout);
    let mut problems = Vec::new();
    for (what, r) in &labels {
        for card in &layout.cards {
            if card.rect.intersects(*r) {
                problems.push(format!("the {what} covers card {}", card.id.as_str()));
            }
        }
    }
    for (i, (a, ra)) in labels.iter().enumerate() {
        for (b, rb) in &labels[i + 1..] {
            // A label and its own badge sit side by side: touching is fine, overlapping is not.
            if ra.intersect(*rb).area() > 0.5 && ra.intersects(*rb) {
                problems.push(format!("the {a} covers the {b}"));
            }
        }
    }
    problems
}

#[test]
fn no_arrow_label_covers_a_card_or_another_label_in_any_sample_or_theme() {
    for path in common::sample_maps() {
        let map = io::load(&path).unwrap();
        for kind in ThemeKind::ALL {
            let layout = layout_headless(&map, &Theme::of(kind));
            let problems = label_problems(&layout);
            assert!(problems.is_empty(), "{} in {kind:?}: {problems:#?}", common::name(&path));
        }
    }
}

#[test]
fn the_crm_samples_labels_that_found_no_room_on_their_route_hang_below_the_lane_on_a_leader() {
    let map = io::load(&common::root().join("sample_maps/crm-myyntijohtaja.ron")).unwrap();
    let layout = layout_headless(&map, &Theme::light());
    let label = |text: &str| {
        layout
            .arrows
            .iter()
            .find(|a| a.label.as_ref().is_some_and(|(_, run)| run.rows.join(" ") == text))
            .unwrap_or_else(|| panic!("no arrow labelled {text}"))
    };
    for text in ["Hakutuloksesta blogiin", "Puhelusta tapaamiseen"] {
        let arrow = label(text);
        let (rect, _) = arrow.label.as_ref().unwrap();
        assert!(arrow.leader.len() >= 2, "{text} is tied to its route");
        let touchpoints = layout.lanes.iter().find(|l| l.kind == LaneKind::Touchpoints).unwrap();
        assert!(rect.top() > touchpoints.row.bottom(), "{text} is below the touchpoint lane");
    }
}

/// A map made to crowd labels: many cards in few cells, every arrow labelled at length, and
/// arrows between cards of the same cell, the same lane and far-apart stages.
fn crowded(seed: u64) -> JourneyMap {
    let mut map = polku::presets::Preset::ALL
        .iter()
        .map(|p| p.new_map(Language::Finnish))
        .max_by_key(|m| m.stages.len())
        .unwrap();
    let mut rng = seed;
    let mut next = |n: usize| {
        rng = rng.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        ((rng >> 33) as usize) % n
    };
    let stages: Vec<StageId> = map.stages.iter().map(|s| s.id.clone()).collect();
    let lanes: Vec<LaneId> = map.lanes.iter().filter(|l| l.kind.holds_cards()).map(|l| l.id.clone()).collect();
    map.cards.clear();
    map.arrows.clear();
    for i in 0..40 {
        let mut card = Card::new(
            CardId::new(format!("c{i}")),
            stages[next(stages.len())].clone(),
            lanes[next(lanes.len())].clone(),
            format!("Kortti {i}"),
        );
        card.position = i;
        if i % 3 == 0 {
            card.improvement = Some(Improvement::default());
        }
        map.cards.push(card);
    }
    for k in 0..30 {
        let from = next(40);
        let to = (from + 1 + next(39)) % 40;
        map.arrows.push(Arrow {
            id: ArrowId::new(format!("a{k}")),
            from: CardId::new(format!("c{from}")),
            to: CardId::new(format!("c{to}")),
            kind: if k % 2 == 0 { ArrowKind::Flow } else { ArrowKind::Improvement },
            label: format!("Nuolen {k} pitkähkö selite"),
            improvement: (k % 4 == 1).then(Improvement::default),
        });
    }
    map
}

#[test]
fn crowded_maps_keep_every_label_off_the_cards_and_off_each_other() {
    for seed in 1..=12 {
        let map = crowded(seed);
        assert!(map.validate().is_empty(), "{:?}", map.validate());
        for kind in ThemeKind::ALL {
            let layout = layout_headless(&map, &Theme::of(kind));
            let problems = label_problems(&layout);
            assert!(problems.is_empty(), "seed {seed} in {kind:?}: {problems:#?}");
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn no_arrow_label_covers_a_card_in_generated_maps(map in common::arb::journey_map()) {
        let layout = layout_headless(&map, &Theme::light());
        let problems = label_problems(&layout);
        prop_assert!(problems.is_empty(), "{:#?}", problems);
    }
}

#[test]
fn an_improvement_card_carries_its_priority_and_status_in_the_maps_language_inside_the_card() {
    let map = io::load(&common::root().join("sample_maps/crm-myyntijohtaja.ron")).unwrap();
    let layout = layout_headless(&map, &Theme::light());
    let mut seen = 0;
    for card in &map.cards {
        let laid = layout.card(&card.id).unwrap();
        match (&card.improvement, &laid.badge) {
            (Some(item), Some(badge)) => {
                seen += 1;
                let text = badge.text.rows.join(" ");
                let expect = format!(
                    "{} · {}",
                    polku::plan::priority(item.priority, Language::Finnish),
                    polku::plan::status(item.status, Language::Finnish)
                );
                assert_eq!(text, expect);
                assert!(laid.rect.contains_rect(badge.rect), "{} keeps its badge inside", card.title);
                for run in [&laid.title, &laid.body, &laid.tags] {
                    assert!(!run.rect().intersects(badge.rect), "the badge of {} covers its text", card.title);
                }
                assert_eq!(badge.fill, Theme::light().priority_colour(item.priority));
            }
            (None, None) => {}
            (item, badge) => panic!("{}: improvement {item:?} but badge {badge:?}", card.title),
        }
    }
    assert!(seen >= 3, "the sample has plan items on cards");
    let arrows_with_items = map.arrows.iter().filter(|a| a.improvement.is_some()).count();
    let badged_arrows = layout.arrows.iter().filter(|a| a.badge.is_some()).count();
    assert_eq!(badged_arrows, arrows_with_items);
}

#[test]
fn hiding_plan_badges_takes_them_off_and_gives_the_room_back() {
    let map = io::load(&common::root().join("sample_maps/crm-myyntijohtaja.ron")).unwrap();
    let shown = layout_headless(&map, &Theme::light());
    let hidden = layout_headless(&map, &Theme { plan_badges: false, ..Theme::light() });
    assert!(hidden.cards.iter().all(|c| c.badge.is_none()));
    assert!(hidden.arrows.iter().all(|a| a.badge.is_none()));
    let item = map.cards.iter().find(|c| c.improvement.is_some()).unwrap();
    let (a, b) = (shown.card(&item.id).unwrap(), hidden.card(&item.id).unwrap());
    assert!(b.rect.height() < a.rect.height() - 10.0, "{} vs {}", b.rect.height(), a.rect.height());
}

#[test]
fn the_review_date_on_a_finnish_map_is_written_the_finnish_way_and_on_an_english_one_as_iso() {
    let crm = io::load(&common::root().join("sample_maps/crm-myyntijohtaja.ron")).unwrap();
    let meta = layout_headless(&crm, &Theme::light()).header.meta.rows.join(" ");
    assert!(meta.contains("Tarkistettu: 3.11.2026"), "{meta}");
    let shoes = io::load(&common::root().join("sample_maps/ecommerce-running-shoes.ron")).unwrap();
    let meta = layout_headless(&shoes, &Theme::light()).header.meta.rows.join(" ");
    assert!(meta.contains("Last reviewed: 2026-10-28"), "{meta}");
}

#[test]
fn emoji_in_a_card_are_drawn_once_each_without_their_variation_selectors() {
    let mut map = polku::presets::Preset::ServiceVisit.new_map(Language::Finnish);
    map.cards[0].title = "Kiitos ❤️ 😀👍".into();
    let layout = layout_headless(&map, &Theme::light());
    let title = layout.cards.iter().find(|c| c.id == map.cards[0].id).unwrap().title.rows.join(" ");
    assert_eq!(title, "Kiitos ❤ 😀👍");
}
