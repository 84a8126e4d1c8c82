//! The offer to restore work that a crashed or killed Polku left in its recovery file.

use super::Outcome;
use crate::app::{Document, PolkuApp, UiLanguage};

impl PolkuApp {
    /// The offer to restore work from a crashed instance.
    pub(super) fn recovery_dialog(&mut self, ctx: &egui::Context) -> Outcome {
        if self.orphans.is_empty() {
            return Outcome::Closed;
        }
        let fi = self.prefs.language == UiLanguage::Finnish;
        let mut choice: Option<(usize, u8)> = None;
        egui::Modal::new(egui::Id::unique("recovery")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.heading(if fi { "Tallentamatonta työtä löytyi" } else { "Unsaved work was found" });
            ui.label(if fi {
                "Polku suljettiin edellisellä kerralla tallentamatta. Mitään ei poisteta ennen kuin valitset."
            } else {
                "Polku did not close normally last time. Nothing is deleted until you choose."
            });
            ui.add_space(6.0);
            for (i, r) in self.orphans.iter().enumerate() {
                ui.separator();
                let name = r.original.as_ref().map_or_else(|| r.map.title.clone(), |p| p.display().to_string());
                ui.label(egui::RichText::new(name).strong());
                let when = crate::model::Date::moment_in(r.saved_at, self.prefs.language.as_language());
                ui.label(format!("{when} · {} {}", r.map.cards.len(), if fi { "korttia" } else { "cards" }));
                ui.horizontal(|ui| {
                    if ui.button(if fi { "Palauta" } else { "Restore" }).clicked() {
                        choice = Some((i, 0));
                    }
                    if r.original.as_ref().is_some_and(|p| p.exists())
                        && ui.button(if fi { "Avaa tallennettu tiedosto" } else { "Open the saved file" }).clicked()
                    {
                        choice = Some((i, 1));
                    }
                    if ui.button(if fi { "Hylkää" } else { "Discard" }).clicked() {
                        choice = Some((i, 2));
                    }
                });
            }
        });
        let Some((i, what)) = choice else { return Outcome::Open };
        let recovery = self.orphans.remove(i);
        match what {
            0 => {
                let mut doc = Document::new(recovery.map.clone(), recovery.original.clone(), None);
                doc.recovered = true;
                self.doc = doc;
                self.document_replaced();
            }
            1 => {
                if let Some(path) = recovery.original.clone() {
                    self.open_path(path);
                }
            }
            _ => {}
        }
        if let Some(store) = &self.recovery {
            store.discard(&recovery);
        }
        if self.orphans.is_empty() { Outcome::Closed } else { Outcome::Open }
    }
}
