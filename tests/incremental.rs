//! Speed never changes the picture: a layout patched after edits to what cards say equals the
//! layout made from scratch, on generated maps and through the window's own layout cache.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use polku::edit::Command;
use polku::layout::only_content_changed;
use polku::model::*;
use polku::render::export::{layout_headless, offscreen_context, relayout_headless};
use polku::theme::Theme;
use proptest::prelude::*;

/// Changes what card `i` says, one way of six, keeping its place and ratings.
fn edit_content(card: &mut Card, what: u32, text: String) {
    match what {
        0 => card.title = text,
        1 => card.body = text,
        2 => card.tags = vec![text.chars().filter(|c| c.is_alphanumeric()).take(12).collect()],
        3 => card.marker = if card.marker.is_some() { None } else { Some(Marker::Idea) },
        4 => card.channel = if card.channel.is_some() { None } else { Some(Channel::Email) },
        _ => {
            let mut item = card.improvement.clone().unwrap_or_default();
            item.status = if item.status == Status::Done { Status::Planned } else { Status::Done };
            item.owner = text;
            card.improvement = Some(item);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_layout_patched_after_content_edits_equals_the_full_layout_of_the_edited_map(
        start in common::arb::journey_map(),
        edits in proptest::collection::vec((0usize..1000, 0u32..6, common::arb::text()), 1..8),
        one_persona in any::<bool>(),
        badges in any::<bool>(),
    ) {
        let focus = one_persona.then(|| start.personas[0].id.clone());
        let theme = Theme { journey_of: focus, plan_badges: badges, ..Theme::light() };
        let mut laid = layout_headless(&start, &theme);
        let mut map = start;
        let mut ids = Vec::new();
        for (i, what, text) in edits {
            if map.cards.is_empty() {
                break;
            }
            let n = map.cards.len();
            let card = &mut map.cards[i % n];
            let before = card.clone();
            edit_content(card, what, text);
            prop_assert!(only_content_changed(&before, card));
            ids.push(card.id.clone());
        }
        if relayout_headless(&mut laid, &map, &ids, &theme) {
            prop_assert_eq!(laid, layout_headless(&map, &theme));
        }
    }
}

#[test]
fn a_title_edit_that_keeps_the_cards_size_is_patched_and_equals_the_full_layout() {
    let mut map = polku::samples::generated(1000);
    let theme = Theme::light();
    let mut laid = layout_headless(&map, &theme);
    map.cards[417].title = "Card number 417: customer checks the offers".into();
    map.cards[3].channel = None;
    let ids = [map.cards[417].id.clone(), map.cards[3].id.clone()];
    assert!(relayout_headless(&mut laid, &map, &ids, &theme), "same rows: patched");
    assert_eq!(laid, layout_headless(&map, &theme));
}

#[test]
fn a_card_that_grows_is_refused_so_the_map_is_laid_out_in_full() {
    let mut map = polku::samples::generated(200);
    let theme = Theme::light();
    let mut laid = layout_headless(&map, &theme);
    map.cards[10].body = "A much longer body that wraps onto several more rows than before. ".repeat(4);
    assert!(!relayout_headless(&mut laid, &map, &[map.cards[10].id.clone()], &theme));
}

#[test]
fn moving_or_rating_a_card_is_not_a_content_edit() {
    let map = polku::samples::generated(50);
    let card = &map.cards[0];
    let moved = Card { stage: StageId::new("s9"), ..card.clone() };
    let rated = card.clone().rated(&PersonaId::new("p1"), Emotion::new(2));
    let evidence =
        Card { evidence: Some(Evidence { level: EvidenceLevel::Researched, sources: Vec::new() }), ..card.clone() };
    for other in [moved, rated, evidence] {
        assert!(!only_content_changed(card, &other), "{other:?}");
    }
}

#[test]
fn the_windows_layout_cache_patched_while_typing_equals_a_fresh_layout() {
    let mut doc = polku::app::Document::new(polku::samples::generated(1000), None, None);
    let ctx = offscreen_context();
    let theme = Theme::light();
    let projector = Theme::projector();
    let in_look = |doc: &mut polku::app::Document, theme: &Theme| {
        let mut out = None;
        let mut full = ctx.run_ui(Default::default(), |ui| out = Some(doc.layout(ui.ctx(), theme).clone()));
        full.textures_delta.clear();
        out.unwrap()
    };
    let frame = |doc: &mut polku::app::Document| in_look(doc, &theme);
    // The presentation's layout is made (as the editor does ahead of F5), then the editor's.
    in_look(&mut doc, &projector);
    frame(&mut doc);
    assert_eq!(doc.full_layouts, 2);
    // Typing a title one keystroke at a time, as the inspector does.
    let mut card = doc.map.cards[42].clone();
    for c in " (checked)".chars() {
        card.title.push(c);
        doc.apply_merging(Command::UpdateCard(card.clone()), "title".into()).unwrap();
        let patched = frame(&mut doc);
        assert_eq!(patched, layout_headless(&doc.map, &theme), "after typing {c:?}");
    }
    // Each keystroke patched the layout (the title keeps its two rows), none laid it out again.
    assert_eq!(doc.full_layouts, 2);
    // F5 now: the presentation's layout is patched for the typing too, not made again.
    assert_eq!(in_look(&mut doc, &projector), layout_headless(&doc.map, &projector));
    assert_eq!(doc.full_layouts, 2);
    // An undo is laid out in full, and equal too.
    doc.undo();
    assert_eq!(frame(&mut doc), layout_headless(&doc.map, &theme));
    assert_eq!(doc.full_layouts, 3);
}

#[test]
fn a_large_map_opened_from_a_file_is_laid_out_while_the_window_is_made_and_the_window_uses_that_layout() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("iso.ron");
    polku::io::save(&polku::samples::generated(1500), &path).unwrap();
    let mut h = egui_kittest::Harness::builder()
        .with_size([1600.0, 1000.0])
        .build_eframe(move |cc| polku::app::PolkuApp::create(cc, Some(path)));
    h.run_steps(3);
    let doc = &h.state().doc;
    assert_eq!(doc.map.cards.len(), 1500);
    assert_eq!(doc.full_layouts, 0, "the layout made while the window was made is the one shown");
    let theme = h.state().theme();
    let shown = h.state_mut().doc.layout(&egui::Context::default(), &theme).clone();
    assert_eq!(shown, layout_headless(&h.state().doc.map, &theme));
}
