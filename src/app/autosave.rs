//! Autosave to a recovery file and the offer to restore work after a crash.
//!
//! About 1.5 s after edits stop (and at least every 30 s while they go on) the open map is
//! written to this instance's recovery file — never over the user's own file. A clean exit or
//! a save removes it; a crash or `kill -9` leaves it for the next start to offer.

use super::PolkuApp;
use crate::io::recovery::RecoveryStore;

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
    /// The text of an unfinished in-place edit, as last seen.
    seen_pending: Option<String>,
    /// What the recovery file holds: the map's generation and the in-place text on top of it.
    written: Option<(u64, Option<String>)>,
}

impl AutosaveClock {
    /// Seconds since the map last changed (as of the last frame that looked).
    pub fn quiet_for(&self, now: f64) -> f64 {
        now - self.last_change
    }
}

impl PolkuApp {
    /// Turns on autosave and recovery in `store`, collecting what crashed instances left.
    pub fn with_recovery(mut self, store: RecoveryStore) -> PolkuApp {
        self.orphans = store.orphans();
        if !self.orphans.is_empty() {
            self.open_modal(super::Modal::Recovery);
        }
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

    /// Writes the recovery file when it is time; called every frame. A title still being typed
    /// in place counts as an edit: a crash in the middle of typing keeps what was typed.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(store) = &self.recovery else { return };
        let now = ctx.input(|i| i.time);
        // Called every frame: the typed text is compared, and the command made only to write.
        let typing = self.editor.inline.as_ref().filter(|e| e.changes(&self.doc.map));
        let pending = typing.map(|e| e.text.as_str());
        let clock = &mut self.autosave;
        if self.doc.generation != clock.seen_generation || pending != clock.seen_pending.as_deref() {
            clock.seen_generation = self.doc.generation;
            clock.seen_pending = pending.map(str::to_owned);
            clock.last_change = now;
            clock.first_unsaved.get_or_insert(now);
        }
        if !self.doc.is_dirty() && pending.is_none() {
            if clock.written.take().is_some() {
                store.clear();
            }
            clock.first_unsaved = None;
            return;
        }
        if clock.written.as_ref().is_some_and(|(g, text)| *g == self.doc.generation && text.as_deref() == pending) {
            return;
        }
        let quiet_for = now - clock.last_change;
        let waiting_for = clock.first_unsaved.map_or(0.0, |t| now - t);
        if quiet_for >= QUIET || waiting_for >= MAX_WAIT {
            let with_typing;
            let map = match typing.and_then(|e| e.command(&self.doc.map)) {
                Some(command) => {
                    let mut map = self.doc.map.clone();
                    // Cannot fail: the command was made from this map a moment ago.
                    let _ = command.apply(&mut map);
                    with_typing = map;
                    &with_typing
                }
                None => &self.doc.map,
            };
            let written = store.write(self.doc.path.as_deref(), map);
            clock.written = Some((self.doc.generation, pending.map(str::to_owned)));
            match written {
                Ok(()) => clock.first_unsaved = None,
                Err(e) => {
                    let lang = self.prefs.language.as_language();
                    self.toasts.error(match lang {
                        crate::model::Language::Finnish => {
                            format!("Automaattinen tallennus epäonnistui: {}", e.to_string_in(lang))
                        }
                        crate::model::Language::English => format!("Autosave failed: {}", e.to_string_in(lang)),
                    });
                }
            }
        } else {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64((QUIET - quiet_for).max(0.05)));
        }
    }
}
