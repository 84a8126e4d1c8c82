//! Deleting a stage or lane that still holds cards asks first.

use super::Outcome;
use crate::app::PolkuApp;
use crate::app::edit_actions::PendingDelete;

impl PolkuApp {
    /// The confirmation dialog of a pending deletion.
    pub(super) fn confirm_delete_ui(&mut self, ctx: &egui::Context, pending: &PendingDelete) -> Outcome {
        let fi = self.prefs.language == crate::app::UiLanguage::Finnish;
        let mut answer = None;
        egui::Modal::new(egui::Id::unique("confirm-delete")).show(ctx, |ui| {
            ui.set_width(380.0);
            ui.label(egui::RichText::new(&pending.question).strong());
            ui.label(if fi { "Voit perua poiston (Ctrl+Z)." } else { "You can undo this (Ctrl+Z)." });
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                if ui.button(if fi { "Poista" } else { "Delete" }).clicked() {
                    answer = Some(true);
                }
                if ui.button(if fi { "Peruuta" } else { "Cancel" }).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    answer = Some(false);
                }
            });
        });
        match answer {
            Some(true) => {
                self.apply_delete(pending.command.clone());
                Outcome::Closed
            }
            Some(false) => Outcome::Closed,
            None => Outcome::Open,
        }
    }
}
