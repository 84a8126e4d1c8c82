//! Saving over a file that another program (or another Polku) changed since it was opened
//! asks first: Reload / Save as / Overwrite / Cancel.

use super::Outcome;
use crate::app::{PolkuApp, UiLanguage};

impl PolkuApp {
    /// Save found the file changed by someone else since it was opened: ask before overwriting.
    pub(super) fn external_change_dialog(&mut self, ctx: &egui::Context) -> Outcome {
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
        let Some(choice) = choice else { return Outcome::Open };
        let path = self.doc.path.clone();
        match (choice, path) {
            (0, Some(path)) => self.open_path(path),
            (1, _) => self.save_as(ctx, None),
            (2, Some(path)) => self.save_to(path),
            _ => {}
        }
        Outcome::Closed
    }
}
