//! Never lose work by accident: closing the window, opening another map or starting a new one
//! with unsaved changes asks Save / Don't save / Cancel first.

use super::{Modal, Outcome};
use crate::app::{PolkuApp, UiLanguage};
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
    pub(crate) fn guard(&mut self, ctx: &egui::Context, what: Discarding) {
        if self.doc.is_dirty() {
            self.open_modal(Modal::Unsaved(what));
        } else {
            self.proceed(ctx, what);
        }
    }

    pub(super) fn proceed(&mut self, ctx: &egui::Context, what: Discarding) {
        match what {
            Discarding::CloseWindow => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
            Discarding::OpenPath(path) => self.open_path(path),
            Discarding::OpenDialog => self.open_dialog(ctx),
            Discarding::New(preset, language) => self.new_map(preset, language),
        }
    }

    /// Intercepts the window's close button when there are unsaved changes.
    pub(crate) fn intercept_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close && self.doc.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.open_modal(Modal::Unsaved(Discarding::CloseWindow));
        }
    }

    /// The Save / Don't save / Cancel dialog.
    pub(super) fn unsaved_dialog(&mut self, ctx: &egui::Context, what: &Discarding) -> Outcome {
        let what = what.clone();
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
            Some(0) if self.doc.path.is_none() => {
                // Save As goes on with `what` once the file is chosen and written.
                self.save_as(ctx, Some(what));
                Outcome::Closed
            }
            Some(0) => {
                self.save(ctx);
                // Only go on if the save really happened (no error, no change on disk to settle).
                if !self.doc.is_dirty() {
                    self.proceed(ctx, what);
                }
                Outcome::Closed
            }
            Some(1) => {
                self.proceed(ctx, what);
                Outcome::Closed
            }
            Some(_) => Outcome::Closed,
            None => Outcome::Open,
        }
    }
}
