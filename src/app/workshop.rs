//! Workshop tools shared by the editor and the presentation: the countdown timer and the view
//! of the dot votes. Session state (the votes themselves are in the map and saved).

use super::PolkuApp;
use super::i18n::UiLanguage;
use super::timer::{self, Clock, MonotonicClock, Timer};
use crate::model::{VoteId, VoteRound};
use std::sync::Arc;
use std::time::Duration;

/// The workshop's session state.
pub struct Workshop {
    pub timer: Timer,
    /// Where the timer's time comes from (a manual clock in tests).
    pub clock: Arc<dyn Clock>,
    /// The timer's controls are showing.
    pub timer_open: bool,
    /// Minutes typed for a custom duration.
    pub custom_minutes: String,
    /// The vote panel is showing.
    pub votes_open: bool,
    /// The round whose dots the map shows; `None` shows none.
    pub shown_round: Option<VoteId>,
    /// How many of the top cards "Add to the action plan" takes.
    pub top_n: usize,
}

impl Default for Workshop {
    fn default() -> Self {
        Workshop {
            timer: Timer::default(),
            clock: Arc::new(MonotonicClock),
            timer_open: false,
            custom_minutes: String::new(),
            votes_open: false,
            shown_round: None,
            top_n: 3,
        }
    }
}

impl PolkuApp {
    /// The open vote round: the latest one, unless it has been ended.
    pub fn open_vote(&self) -> Option<&VoteRound> {
        self.doc.map.votes.last().filter(|v| !v.closed)
    }

    /// The round whose dots are drawn on the map: the open one, else the one chosen in the
    /// vote panel.
    pub fn shown_vote(&self) -> Option<&VoteRound> {
        self.open_vote().or_else(|| self.workshop.shown_round.as_ref().and_then(|id| self.doc.map.vote(id)))
    }

    /// Adds (`delta` > 0) or takes away dots on a card in the open round; one undo step each.
    /// Returns whether the card can take dots at all.
    pub(crate) fn vote_on(&mut self, card: &crate::model::CardId, delta: i32) -> bool {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let Some(round) = self.open_vote() else { return false };
        if !round.scope.admits(&self.doc.map, card) {
            return false;
        }
        match round.with_dots(card, delta) {
            Some(next) => {
                if let Err(e) = self.doc.apply(crate::edit::Command::UpdateVoteRound(next)) {
                    self.toasts.error(e.to_string_in(self.prefs.language.as_language()));
                }
            }
            None if delta > 0 && round.budget().is_some_and(|b| round.total() >= b) => {
                self.toasts.info(if fi { "Kaikki pisteet on käytetty." } else { "Every dot has been used." });
            }
            None => {}
        }
        true
    }

    /// Keeps the window painting as often as the timer's display changes, and no more often.
    pub(crate) fn timer_tick(&mut self, ctx: &egui::Context) {
        let now = self.workshop.clock.now();
        if let Some(next) = self.workshop.timer.next_change(now) {
            ctx.request_repaint_after(next);
        }
    }

    /// The timer's controls: presets, a custom time, start/pause, +1 min, reset.
    /// The timer's controls, their text `size` points tall.
    pub(crate) fn timer_controls(&mut self, ui: &mut egui::Ui, size: f32) {
        let fi = self.prefs.language == UiLanguage::Finnish;
        let clock = self.workshop.clock.clone();
        let now = clock.now();
        let text = |s: &str| egui::RichText::new(s.to_owned()).size(size);
        let reading = self.workshop.timer.read(now);
        ui.label(egui::RichText::new(timer::format_secs(reading.left_secs)).size(size * 2.4).monospace().strong());
        ui.horizontal_wrapped(|ui| {
            for minutes in timer::PRESETS {
                if ui.button(text(&format!("{minutes} min"))).clicked() {
                    self.workshop.timer.set(Duration::from_secs(minutes * 60));
                }
            }
        });
        ui.horizontal(|ui| {
            ui.label(text(if fi { "Oma aika:" } else { "Custom:" }));
            let r = ui.add(
                egui::TextEdit::singleline(&mut self.workshop.custom_minutes)
                    .desired_width(size * 3.0)
                    .font(egui::FontId::proportional(size)),
            );
            r.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    if fi { "Omat minuutit" } else { "Custom minutes" },
                )
            });
            ui.label(text("min"));
            let minutes = self
                .workshop
                .custom_minutes
                .trim()
                .replace(',', ".")
                .parse::<f64>()
                .ok()
                .filter(|m| *m > 0.0 && *m <= 360.0);
            if ui.add_enabled(minutes.is_some(), egui::Button::new(text(if fi { "Aseta" } else { "Set" }))).clicked()
                && let Some(m) = minutes
            {
                self.workshop.timer.set(Duration::from_secs_f64(m * 60.0));
            }
        });
        ui.horizontal(|ui| {
            let running = self.workshop.timer.is_running(now);
            let start = if running {
                if fi { "Tauko" } else { "Pause" }
            } else if fi {
                "Käynnistä"
            } else {
                "Start"
            };
            if ui.button(text(start)).clicked() {
                self.workshop.timer.toggle(now);
            }
            if ui.button(text("+1 min")).clicked() {
                self.workshop.timer.add_minute(now);
            }
            if ui.button(text(if fi { "Nollaa" } else { "Reset" })).clicked() {
                self.workshop.timer.reset();
            }
        });
    }

    /// The timer's controls in a window of their own (View → Timer).
    pub(crate) fn timer_window(&mut self, ctx: &egui::Context, large: bool) {
        if !self.workshop.timer_open {
            return;
        }
        let fi = self.prefs.language == UiLanguage::Finnish;
        let mut open = true;
        egui::Window::new(if fi { "Ajastin" } else { "Timer" })
            .id(egui::Id::unique("timer-window"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            // In the room's view, clear of the countdown in the corner.
            .anchor(
                if large { egui::Align2::CENTER_TOP } else { egui::Align2::RIGHT_TOP },
                if large { [0.0, 24.0] } else { [-16.0, 56.0] },
            )
            .show(ctx, |ui| {
                let k = if large { (ui.ctx().content_rect().height() / 1080.0).clamp(0.7, 1.5) } else { 1.0 };
                self.timer_controls(ui, if large { 22.0 * k } else { 14.0 })
            });
        self.workshop.timer_open &= open;
    }

    /// The timer in the status bar while it is in use: the time left, warning colour in the
    /// last seconds, a blinking signal at zero; a click opens its controls.
    pub(crate) fn timer_status(&mut self, ui: &mut egui::Ui) {
        let now = self.workshop.clock.now();
        if !self.workshop.timer.is_active() {
            return;
        }
        let r = self.workshop.timer.read(now);
        let fi = self.prefs.language == UiLanguage::Finnish;
        let (text, colour) = if r.done {
            (if fi { "⏰ Aika loppui" } else { "⏰ Time is up" }.to_owned(), egui::Color32::from_rgb(0xB0, 0x00, 0x20))
        } else {
            let icon = if r.running { "⏱" } else { "⏸" };
            let colour = if r.warning { egui::Color32::from_rgb(0xB0, 0x00, 0x20) } else { ui.visuals().text_color() };
            (format!("{icon} {}", timer::format_secs(r.left_secs)), colour)
        };
        let blink_off = r.signalling && !r.blink_on;
        let label =
            egui::RichText::new(text).strong().color(if blink_off { colour.gamma_multiply(0.3) } else { colour });
        ui.separator();
        if ui
            .selectable_label(self.workshop.timer_open, label)
            .on_hover_text(if fi { "Ajastin" } else { "Timer" })
            .clicked()
        {
            self.workshop.timer_open = !self.workshop.timer_open;
        }
    }
}
