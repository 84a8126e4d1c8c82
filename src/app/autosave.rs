//! Autosave to a recovery file and the offer to restore work after a crash.
//!
//! About 1.5 s after edits stop (and at least every 30 s while they go on) the open map is
//! written to this instance's recovery file — never over the user's own file. A clean exit or
//! a save removes it; a crash or `kill -9` leaves it for the next start to offer.

use super::{Document, PolkuApp, UiLanguage};
use crate::io::recovery::{Recovery, RecoveryStore};

/// Seconds of quiet after an edit before autosaving.
const QUIET: f64 = 1.5;
/// Longest time edits may go unsaved while the user keeps editing.
const MAX_WAIT: f64 = 30.0;

/// When the open map last changed and was last written.
#[derive(Debug, Default)]
pub struct AutosaveClock {
    seen_generation: u64,
    last_change: f64,
    first_unsaved: Option<f64>,
    written_generation: Option<u64>,
}

impl PolkuApp {
    /// Turns on autosave and recovery in `store`, collecting what crashed instances left.
    pub fn with_recovery(mut self, store: RecoveryStore) -> PolkuApp {
        self.orphans = store.orphans();
        self.recovery = Some(store);
        self
    }

    /// Forgets autosave state when another document takes the window.
    pub(super) fn reset_autosave(&mut self) {
        self.autosave = AutosaveClock::default();
        if let Some(store) = &self.recovery {
            store.clear();
        }
    }

    /// Writes the recovery file when it is time; called every frame.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(store) = &self.recovery else { return };
        let now = ctx.input(|i| i.time);
        let clock = &mut self.autosave;
        if self.doc.generation != clock.seen_generation {
            clock.seen_generation = self.doc.generation;
            clock.last_change = now;
            clock.first_unsaved.get_or_insert(now);
        }
        if !self.doc.is_dirty() {
            if clock.written_generation.take().is_some() {
                store.clear();
            }
            clock.first_unsaved = None;
            return;
        }
        if clock.written_generation == Some(self.doc.generation) {
            return;
        }
        let quiet_for = now - clock.last_change;
        let waiting_for = clock.first_unsaved.map_or(0.0, |t| now - t);
        if quiet_for >= QUIET || waiting_for >= MAX_WAIT {
            match store.write(self.doc.path.as_deref(), &self.doc.map) {
                Ok(()) => {
                    clock.written_generation = Some(self.doc.generation);
                    clock.first_unsaved = None;
                }
                Err(e) => {
                    clock.written_generation = Some(self.doc.generation);
                    self.toasts.error(format!("Autosave failed: {e}"));
                }
            }
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64((QUIET - quiet_for).max(0.05)));
        }
    }

    /// The offer to restore work from a crashed instance.
    pub(super) fn recovery_dialog(&mut self, ctx: &egui::Context) {
        if self.orphans.is_empty() || self.asking.is_some() {
            return;
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
                ui.label(format!("{} · {} {}", when(r), r.map.cards.len(), if fi { "korttia" } else { "cards" }));
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
        let Some((i, what)) = choice else { return };
        let recovery = self.orphans.remove(i);
        match what {
            0 => {
                let mut doc = Document::new(recovery.map.clone(), recovery.original.clone(), None);
                doc.recovered = true;
                self.doc = doc;
                self.camera = super::Camera::default();
                self.selection.clear();
                self.reset_autosave();
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
    }
}

/// "2026-11-23 14:05 UTC" for a recovery's time.
fn when(r: &Recovery) -> String {
    let secs = r.saved_at.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let days = secs / 86_400;
    let (h, m) = ((secs % 86_400) / 3600, (secs % 3600) / 60);
    // Civil date from days since 1970 (Howard Hinnant's algorithm).
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let mo = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(mo <= 2);
    format!("{y:04}-{mo:02}-{d:02} {h:02}:{m:02} UTC")
}
