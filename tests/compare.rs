//! Compare mode, driven like a user: the reviewed map compared with the version before the
//! review, N and P stepping through the changes, nothing editable, Esc back to editing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::{Mode, PolkuApp};

fn reviewed() -> Harness<'static, PolkuApp> {
    let path = common::root().join("tests/data/diff/ecommerce-reviewed.ron");
    let mut h = Harness::builder().with_size([1600.0, 1000.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(3);
    h
}

fn current(h: &Harness<'static, PolkuApp>) -> Option<usize> {
    match &h.state().mode {
        Mode::Comparing(c) => c.current,
        _ => panic!("not comparing"),
    }
}

fn press(h: &mut Harness<'static, PolkuApp>, key: Key) {
    h.key_press(key);
    h.run_steps(2);
}

#[test]
fn comparing_lists_the_changes_steps_through_them_with_n_and_p_edits_nothing_and_esc_leaves() {
    let mut h = reviewed();
    let before = h.state().doc.map.clone();
    let old = common::root().join("sample_maps/ecommerce-running-shoes.ron");
    h.state_mut().start_comparing(&old);
    h.run_steps(3);
    h.get_by_label("Comparing with ecommerce-running-shoes.ron — 10 changes");
    h.get_by_label("Moved card \"Tips email: first 100 km\" from Retention / Touchpoints to Advocacy / Touchpoints");
    assert_eq!(current(&h), None);
    press(&mut h, Key::N);
    assert_eq!(current(&h), Some(0));
    let camera = h.state().editor.camera.clone();
    press(&mut h, Key::N);
    press(&mut h, Key::N);
    assert_eq!(current(&h), Some(2));
    assert_ne!(h.state().editor.camera, camera, "the change is brought into view");
    press(&mut h, Key::P);
    assert_eq!(current(&h), Some(1));
    h.get_by_label("Action plan, card \"Instant return receipt and 2-day refund\": status Planned → Done").click();
    h.run_steps(2);
    assert_eq!(current(&h), Some(9));
    // Nothing here edits the map: the editing keys do nothing.
    for key in [Key::Delete, Key::Num1, Key::N] {
        press(&mut h, key);
    }
    assert_eq!(h.state().doc.map, before);
    assert!(!h.state().doc.is_dirty());
    press(&mut h, Key::Escape);
    assert!(matches!(h.state().mode, Mode::Editing));
}

#[test]
fn comparing_with_a_file_that_is_not_a_map_says_why_and_stays_editing() {
    let mut h = reviewed();
    h.state_mut().start_comparing(&common::root().join("tests/data/bad/truncated.ron"));
    h.run_steps(2);
    assert!(matches!(h.state().mode, Mode::Editing));
    h.get_by_label_contains("truncated.ron");
}
