//! Speed never changes the picture: a layout patched after edits to what cards say, or laid out
//! again taking the unchanged cards from an earlier one after cards were moved, added, removed
//! or grown, equals the layout made from scratch — on generated maps and through the window's
//! own layout cache.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use polku::edit::Command;
use polku::layout::only_content_changed;
use polku::model::*;
use polku::render::export::{layout_headless, offscreen_context, relayout_headless, relayout_reusing_headless};
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

/// One edit of any kind to the cards of `map`: returns the card whose content changed (or that
/// is new), if any.
fn edit_cards(map: &mut JourneyMap, i: usize, what: u32, to: (usize, usize, usize), text: String) -> Option<CardId> {
    let n = map.cards.len();
    let stage = map.stages[to.0 % map.stages.len()].id.clone();
    let lane = map.lanes[to.1 % map.lanes.len()].id.clone();
    if n == 0 || what == 9 {
        let mut card = polku::edit::ops::new_card(map, &stage, &lane, &text);
        card.position = to.2 as u32;
        let id = card.id.clone();
        map.cards.insert(i.min(n), card);
        return Some(id);
    }
    let card = &mut map.cards[i % n];
    let id = card.id.clone();
    match what {
        0..=5 => {
            edit_content(card, what, text);
            Some(id)
        }
        // A body that grows or shrinks the card.
        6 => {
            card.body = if card.body.len() > 40 { String::new() } else { text.repeat(6) };
            Some(id)
        }
        // Dragged to another cell or place: what `move_card` does, positions renumbered.
        7 => {
            if let Some(Command::Batch(_, commands)) = polku::edit::ops::move_card(map, &id, &stage, &lane, to.2) {
                for c in commands {
                    let _ = c.apply(map);
                }
            }
            None
        }
        8 => {
            map.cards.remove(i % n);
            map.arrows.retain(|a| a.from != id && a.to != id);
            map.votes.iter_mut().for_each(|v| v.dots.retain(|c, _| *c != id));
            None
        }
        _ => {
            *card = card.clone().rated(&map.personas[0].id.clone(), Emotion::new((to.2 % 5) as i8 - 2));
            Some(id)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_layout_remade_from_an_earlier_one_after_card_edits_equals_the_full_layout_of_the_edited_map(
        start in common::arb::journey_map(),
        edits in proptest::collection::vec(
            (0usize..1000, 0u32..11, (0usize..8, 0usize..8, 0usize..12), common::arb::text()),
            1..8,
        ),
        one_persona in any::<bool>(),
        badges in any::<bool>(),
    ) {
        let focus = one_persona.then(|| start.personas[0].id.clone());
        let theme = Theme { journey_of: focus, plan_badges: badges, ..Theme::light() };
        let earlier = layout_headless(&start, &theme);
        let mut map = start;
        let mut changed = Vec::new();
        for (i, what, to, text) in edits {
            changed.extend(edit_cards(&mut map, i, what, to, text));
        }
        prop_assert_eq!(relayout_reusing_headless(earlier, &map, &changed, &theme), layout_headless(&map, &theme));
    }
}

#[test]
fn a_card_dragged_across_a_large_map_takes_every_other_card_from_the_earlier_layout_and_equals_the_full_layout() {
    let mut map = polku::samples::generated(2000);
    let theme = Theme::light();
    let mut laid = layout_headless(&map, &theme);
    let lanes: Vec<LaneId> = map.lanes.iter().filter(|l| l.kind.holds_cards()).map(|l| l.id.clone()).collect();
    let id = map.cards[40].id.clone();
    for k in 0..6 {
        let stage = StageId::new(format!("s{}", k % 3));
        if let Some(Command::Batch(_, commands)) = polku::edit::ops::move_card(&map, &id, &stage, &lanes[k % 2], k) {
            for c in commands {
                c.apply(&mut map).unwrap();
            }
        }
        laid = relayout_reusing_headless(laid, &map, &[], &theme);
        assert_eq!(laid, layout_headless(&map, &theme), "after move {k}");
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
        let mut full = ctx.run_ui(Default::default(), |ui| out = Some(doc.whole_layout(ui.ctx(), theme).clone()));
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
    // An undo takes back what the cards said: patched too, and equal.
    doc.undo();
    assert_eq!(frame(&mut doc), layout_headless(&doc.map, &theme));
    doc.redo();
    assert_eq!(frame(&mut doc), layout_headless(&doc.map, &theme));
    assert_eq!(doc.full_layouts, 2);
    // A change that is not to cards (a stage renamed) is laid out in full.
    let mut stage = doc.map.stages[0].clone();
    stage.name = "Renamed".into();
    doc.apply(Command::UpdateStage(stage)).unwrap();
    assert_eq!(frame(&mut doc), layout_headless(&doc.map, &theme));
    assert_eq!(doc.full_layouts, 3);
}

#[test]
fn dragging_a_card_through_the_windows_document_never_lays_the_map_out_in_full_and_every_frame_is_exact() {
    let mut doc = polku::app::Document::new(polku::samples::generated(1200), None, None);
    let ctx = offscreen_context();
    let theme = Theme::light();
    let frame = |doc: &mut polku::app::Document| {
        let mut out = None;
        let mut full = ctx.run_ui(Default::default(), |ui| out = Some(doc.whole_layout(ui.ctx(), &theme).clone()));
        full.textures_delta.clear();
        out.unwrap()
    };
    frame(&mut doc);
    assert_eq!(doc.full_layouts, 1);
    let lanes: Vec<LaneId> = doc.map.lanes.iter().filter(|l| l.kind.holds_cards()).map(|l| l.id.clone()).collect();
    let id = doc.map.cards[40].id.clone();
    // As the canvas drags: each frame undoes the preview and moves the card under the pointer.
    for k in 0..8 {
        doc.abort();
        doc.history.begin(polku::edit::StepName::MoveCard);
        let stage = StageId::new(format!("s{}", k % 4));
        if let Some(cmd) = polku::edit::ops::move_card(&doc.map, &id, &stage, &lanes[k % 3], k) {
            doc.apply(cmd).unwrap();
        }
        assert_eq!(frame(&mut doc), layout_headless(&doc.map, &theme), "frame {k} of the drag");
    }
    doc.history.commit();
    // Escape-style abort, undo and redo of the drop: cards only, so no full layout either.
    doc.undo();
    assert_eq!(frame(&mut doc), layout_headless(&doc.map, &theme), "undone");
    doc.redo();
    assert_eq!(frame(&mut doc), layout_headless(&doc.map, &theme), "redone");
    // A new card and a deleted one (with its arrows: not only cards, so in full).
    let card = polku::edit::ops::new_card(&doc.map, &StageId::new("s2"), &lanes[0], "A new card");
    doc.apply(polku::edit::ops::insert_card(&doc.map, card, 3)).unwrap();
    assert_eq!(frame(&mut doc), layout_headless(&doc.map, &theme), "inserted");
    assert_eq!(doc.full_layouts, 1, "moves, undo, redo and an insert took cards from the earlier layout");
}

/// A crowded map whose arrows carry labels of several lengths, some with plan badges: many
/// labels find no room on their routes and go to the bands between lanes, which grow, so the
/// arrows are routed more than once.
fn crowded(cards: usize, arrows: usize) -> JourneyMap {
    let mut map = polku::samples::generated(cards);
    map.arrows = (0..arrows)
        .map(|i| Arrow {
            id: ArrowId::new(format!("x{i}")),
            from: map.cards[(i * 37) % cards].id.clone(),
            to: map.cards[(i * 91 + 13) % cards].id.clone(),
            kind: if i % 3 == 0 { ArrowKind::Improvement } else { ArrowKind::Flow },
            label: ["Korjaa", "Soita asiakkaalle heti", "Lähetä tarjous ja muistutus"][i % 3].to_owned(),
            improvement: (i % 4 == 0).then(Improvement::default),
        })
        .collect();
    map
}

#[test]
fn the_crowded_map_sends_labels_to_the_bands_between_lanes() {
    let laid = layout_headless(&crowded(400, 40), &Theme { plan_badges: true, ..Theme::light() });
    assert!(laid.arrows.iter().filter(|a| !a.leader.is_empty()).count() >= 3);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Each layout is made from the one before, as while dragging: the arrows kept from it,
    /// and the routings before the bands grew, must stay exactly what a full layout makes.
    #[test]
    fn a_crowded_map_laid_out_again_after_each_of_several_moves_equals_its_full_layout(
        moves in proptest::collection::vec((0usize..400, 0usize..10, 0usize..8, 0usize..30), 1..6),
        badges in any::<bool>(),
    ) {
        let mut map = crowded(400, 40);
        let theme = Theme { plan_badges: badges, ..Theme::light() };
        let lanes: Vec<LaneId> = map.lanes.iter().filter(|l| l.kind.holds_cards()).map(|l| l.id.clone()).collect();
        let mut laid = layout_headless(&map, &theme);
        for (card, stage, lane, at) in moves {
            let id = map.cards[card].id.clone();
            let stage = map.stages[stage].id.clone();
            if let Some(Command::Batch(_, commands)) =
                polku::edit::ops::move_card(&map, &id, &stage, &lanes[lane % lanes.len()], at)
            {
                for c in commands {
                    c.apply(&mut map).unwrap();
                }
            }
            laid = relayout_reusing_headless(laid, &map, &[], &theme);
            prop_assert_eq!(&laid, &layout_headless(&map, &theme));
        }
    }
}
