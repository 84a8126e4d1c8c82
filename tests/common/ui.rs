//! Driving the real app in the UI tests: find widgets, click, drag and press keys like a user.

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use polku::app::PolkuApp;

/// The centre of the widget with this accessible name.
pub fn centre(h: &Harness<'_, PolkuApp>, label: &str) -> Pos2 {
    h.get_by_label(label).rect().center()
}

/// Press at `from`, move in steps past egui's drag threshold, release at `to`.
pub fn drag(h: &mut Harness<'_, PolkuApp>, from: Pos2, to: Pos2) {
    h.hover_at(from);
    h.run_steps(1);
    h.drag_at(from);
    h.run_steps(1);
    for i in 1..=6 {
        h.hover_at(from + (to - from) * (i as f32 / 6.0));
        h.run_steps(1);
    }
    h.drop_at(to);
    h.run_steps(3);
}

/// Hover, press and release at one point, a frame apart (a popup's option needs the hover).
pub fn click_at(h: &mut Harness<'_, PolkuApp>, at: Pos2) {
    h.hover_at(at);
    h.run_steps(1);
    h.drag_at(at);
    h.run_steps(1);
    h.drop_at(at);
    h.run_steps(3);
}

pub fn key(h: &mut Harness<'_, PolkuApp>, modifiers: Modifiers, key: Key) {
    h.key_press_modifiers(modifiers, key);
    h.run_steps(2);
}

pub fn undo(h: &mut Harness<'_, PolkuApp>) {
    key(h, Modifiers::COMMAND, Key::Z);
}

pub fn redo(h: &mut Harness<'_, PolkuApp>) {
    key(h, Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
}

/// The real app on a sample map from `sample_maps/`, in a window tall enough for the
/// inspector's longest forms, settled.
pub fn open_sample(sample: &str) -> Harness<'static, PolkuApp> {
    let path = super::root().join("sample_maps").join(sample);
    let mut h = Harness::builder().with_size([1600.0, 1400.0]).build_eframe(move |cc| PolkuApp::create(cc, Some(path)));
    h.run_steps(3);
    h
}
