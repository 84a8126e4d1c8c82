//! Viewing a kept version (Versions → Open): the version's map, drawn by the same renderer,
//! with its own camera so the editor's view is where it was on return. Nothing in it edits;
//! from here the version can be compared with the current map or restored.

use super::canvas::Camera;
use super::{Mode, PolkuApp, UiLanguage};
use crate::layout::Layout;
use crate::model::JourneyMap;
use crate::theme::ThemeKind;
use egui::{Key, RichText, Ui};

/// A kept version on screen.
pub struct VersionView {
    /// Its place in the map's versions.
    pub index: usize,
    /// "version “Review” (2026-06-01 10:00)".
    pub label: String,
    pub map: JourneyMap,
    camera: Camera,
    /// The layout for (theme, pixel density), made once.
    layout: Option<(ThemeKind, u32, Layout)>,
}

impl VersionView {
    pub fn new(index: usize, label: String, map: JourneyMap) -> VersionView {
        let mut camera = Camera::default();
        camera.fit_pending = true;
        VersionView { index, label, map, camera, layout: None }
    }
}

/// What the user chose in the view.
enum Choice {
    Back,
    Compare,
    Restore,
}

impl PolkuApp {
    /// One frame of a kept version on screen; the next mode when it is left.
    pub(crate) fn version_view_ui(&mut self, ui: &mut Ui, view: &mut VersionView) -> Option<Mode> {
        let ctx = ui.ctx().clone();
        let fi = self.prefs.language == UiLanguage::Finnish;
        let mut choice = None;
        egui::Panel::top("version-bar").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let title = if fi {
                    format!("{} — vain luku", capitalised(&view.label))
                } else {
                    format!("{} — read-only", capitalised(&view.label))
                };
                ui.label(RichText::new(title).strong());
                ui.separator();
                if ui.button(if fi { "Vertaa nykyiseen karttaan" } else { "Compare with the current map" }).clicked() {
                    choice = Some(Choice::Compare);
                }
                if ui
                    .button(if fi { "Palauta tämä versio" } else { "Restore this version" })
                    .on_hover_text(if fi {
                        "Nykyinen kartta tallentuu ensin versioksi; Ctrl+Z kumoaa"
                    } else {
                        "The map as it is now is kept as a version first; Ctrl+Z undoes"
                    })
                    .clicked()
                {
                    choice = Some(Choice::Restore);
                }
                if ui
                    .button(if fi { "Takaisin nykyiseen karttaan (Esc)" } else { "Back to the current map (Esc)" })
                    .clicked()
                {
                    choice = Some(Choice::Back);
                }
            });
        });
        if !ctx.egui_wants_keyboard_input() && self.modal.is_none() && ctx.input(|i| i.key_pressed(Key::Escape)) {
            choice = Some(Choice::Back);
        }
        // Every persona's journey: a version is seen whole.
        let theme = crate::theme::Theme { journey_of: None, ..self.theme() };
        let ppp = (ctx.pixels_per_point() * 100.0).round() as u32;
        if view.layout.as_ref().is_none_or(|(k, p, _)| *k != theme.kind || *p != ppp) {
            let laid = ctx.fonts_mut(|fonts| crate::layout::layout(&view.map, &theme, fonts));
            view.layout = Some((theme.kind, ppp, laid));
        }
        let label = if fi { "Tallennettu versio" } else { "Kept version" };
        egui::CentralPanel::default().frame(egui::Frame::NONE).show(ui, |ui| {
            if let Some((_, _, layout)) = &view.layout {
                super::canvas::show(ui, &mut view.camera, layout, &theme, view.map.emotions.display, label);
            }
        });
        match choice? {
            Choice::Back => Some(Mode::Editing),
            Choice::Compare => {
                // The version is already read: no second parse of its text.
                self.start_comparing_with(view.map.clone(), view.label.clone());
                Some(std::mem::take(&mut self.mode))
            }
            Choice::Restore => {
                self.restore_version(view.index);
                Some(Mode::Editing)
            }
        }
    }
}

/// "version …" → "Version …" at the start of a title.
fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}
