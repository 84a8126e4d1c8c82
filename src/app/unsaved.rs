//! Never lose work by accident: closing the window, opening another map or starting a new one
//! with unsaved changes asks Save / Don't save / Cancel first.

use super::{PolkuApp, UiLanguage};
use crate::model::Language;
use crate::presets::Preset;
use std::path::PathBuf;

/// What the user asked for that would discard unsaved changes.
#[derive(Clone, Debug, PartialEq)]
pub enum Discarding {
    CloseWindow,
    OpenPath(PathBuf),
    OpenDialog,
    New(Preset, Language),
}

impl PolkuApp {
    /// Whether the window has been allowed to close (nothing to lose, or the user chose).
    pub fn is_closing(&self) -> bool {
        self.allow_close
    }

    /// Runs `what` at once if there is nothing to lose, otherwise asks first.
    pub(super) fn guard(&mut self, ctx: &egui::Context, what: Discarding) {
        if self.doc.is_dirty() {
            self.asking = Some(what);
        } else {
            self.proceed(ctx, what);
        }
    }

    fn proceed(&mut self, ctx: &egui::Context, what: Discarding) {
        match what {
            Discarding::CloseWindow => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Discarding::OpenPath(path) => self.open_path(path),
            Discarding::OpenDialog => self.open_dialog(),
            Discarding::New(preset, language) => self.new_map(preset, language),
        }
    }

    /// Intercepts the window's close button when there are unsaved changes.
    pub(super) fn intercept_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.asking = Some(Discarding::CloseWindow);
        }
    }

    /// Save found the file changed by someone else since it was opened: ask before overwriting.
    pub(super) fn external_change_dialog(&mut self, ctx: &egui::Context) {
        if !self.external_change {
            return;
        }
        let fi = self.prefs.language == UiLanguage::Finnish;
        let name = self.doc.display_name();
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("external-change")).show(ctx, |ui| {
            ui.set_width(460.0);
            ui.label(
                egui::RichText::new(if fi {
                    format!("”{name}” on muuttunut levyllä sen jälkeen, kun avasit sen.")
                } else {
                    format!("“{name}” has changed on disk since you opened it.")
                })
                .strong(),
            );
            ui.label(if fi {
                "Jokin muu ohjelma tai toinen Polku on tallentanut sen. Mitä tehdään?"
            } else {
                "Another program, or another Polku, saved it. What should happen?"
            });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(if fi { "Lataa levyltä" } else { "Reload from disk" }).clicked() {
                    choice = Some(0);
                }
                if ui.button(if fi { "Tallenna nimellä…" } else { "Save as…" }).clicked() {
                    choice = Some(1);
                }
                if ui.button(if fi { "Korvaa" } else { "Overwrite" }).clicked() {
                    choice = Some(2);
                }
                if ui.button(if fi { "Peruuta" } else { "Cancel" }).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    choice = Some(3);
                }
            });
        });
        let Some(choice) = choice else { return };
        self.external_change = false;
        let path = self.doc.path.clone();
        match (choice, path) {
            (0, Some(path)) => self.open_path(path),
            (1, _) => self.save_as(),
            (2, Some(path)) => self.save_to(path),
            _ => {}
        }
    }

    /// The Save / Don't save / Cancel dialog.
    pub(super) fn unsaved_dialog(&mut self, ctx: &egui::Context) {
        let Some(what) = self.asking.clone() else { return };
        let fi = self.prefs.language == UiLanguage::Finnish;
        let name = self.doc.display_name();
        let mut choice = None;
        egui::Modal::new(egui::Id::unique("unsaved")).show(ctx, |ui| {
            ui.set_width(420.0);
            ui.label(
                egui::RichText::new(if fi {
                    format!("Tallennetaanko muutokset karttaan ”{name}”?")
                } else {
                    format!("Save the changes to “{name}”?")
                })
                .strong(),
            );
            ui.label(if fi { "Muuten ne menetetään." } else { "Otherwise they are lost." });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(if fi { "Tallenna" } else { "Save" }).clicked() {
                    choice = Some(0);
                }
                if ui.button(if fi { "Älä tallenna" } else { "Don't save" }).clicked() {
                    choice = Some(1);
                }
                if ui.button(if fi { "Peruuta" } else { "Cancel" }).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    choice = Some(2);
                }
            });
        });
        match choice {
            Some(0) => {
                self.asking = None;
                self.save();
                // Only go on if the save really happened (not cancelled, no error).
                if !self.doc.is_dirty() {
                    self.proceed(ctx, what);
                }
            }
            Some(1) => {
                self.asking = None;
                self.proceed(ctx, what);
            }
            Some(_) => self.asking = None,
            None => {}
        }
    }
}
