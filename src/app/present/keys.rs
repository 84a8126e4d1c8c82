//! The presentation's keyboard, read from `PRESENT_ACTIONS`: PowerPoint's keys and a presenter
//! clicker's (Page Up / Page Down, B or ".", F5 / Esc), a number then Enter to jump, 1–5 to
//! rate the selected card, and the editor's undo, redo and save.

use super::{Blank, Presentation, audience::next_theme};
use crate::app::actions::{ACTIONS, Action, PRESENT_ACTIONS, PresentAction};
use crate::app::{Modal, PolkuApp};
use egui::{Key, Modifiers};

/// The digit keys, with their values.
const DIGITS: [(Key, u8); 10] = [
    (Key::Num0, 0),
    (Key::Num1, 1),
    (Key::Num2, 2),
    (Key::Num3, 3),
    (Key::Num4, 4),
    (Key::Num5, 5),
    (Key::Num6, 6),
    (Key::Num7, 7),
    (Key::Num8, 8),
    (Key::Num9, 9),
];

/// Editor actions that keep working while presenting.
const KEPT: [Action; 5] = [Action::Undo, Action::Redo, Action::Save, Action::Help, Action::Quit];

impl PolkuApp {
    /// Handles this frame's keys in the audience view.
    pub(super) fn present_keys(&mut self, ctx: &egui::Context, p: &mut Presentation, now: f64) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        // A blanked screen returns on any key, and that key does nothing else.
        if p.blank.is_some() {
            let pressed = ctx.input_mut(|i| {
                let any = i.events.iter().any(|e| matches!(e, egui::Event::Key { pressed: true, .. }));
                if any {
                    i.events.retain(|e| !matches!(e, egui::Event::Key { .. } | egui::Event::Text(_)));
                }
                any
            });
            if pressed {
                p.blank = None;
            }
            return;
        }
        let mut kept = Vec::new();
        ctx.input_mut(|i| {
            for def in ACTIONS.iter().filter(|d| KEPT.contains(&d.action)) {
                for s in def.shortcuts {
                    if i.consume_shortcut(s) {
                        kept.push(def.action);
                    }
                }
            }
        });
        let canvas = ctx.content_rect();
        for action in kept {
            self.run_action(ctx, action, canvas);
        }
        if ctx.input(|i| i.modifiers.command || i.modifiers.alt) {
            return;
        }
        self.present_digits(ctx, p, now);
        let mut fired = Vec::new();
        ctx.input_mut(|i| {
            for def in PRESENT_ACTIONS {
                for s in def.shortcuts {
                    if i.consume_shortcut(s) {
                        fired.push((def.action, s.logical_key));
                    }
                }
            }
        });
        for (action, key) in fired {
            self.present_action(ctx, p, action, key, now);
        }
    }

    /// A number, then Enter, goes to that step; with a card selected, 1–5 rate it instead.
    fn present_digits(&mut self, ctx: &egui::Context, p: &mut Presentation, now: f64) {
        let typed: Vec<u8> = ctx.input_mut(|i| {
            DIGITS.iter().filter(|(key, _)| i.consume_key(Modifiers::NONE, *key)).map(|(_, d)| *d).collect()
        });
        for d in typed {
            if p.selected.is_some() && p.number.is_empty() && (1..=5).contains(&d) {
                self.rate_selected(p, d as i8 - 3);
            } else if p.number.len() < 3 {
                p.number.push(char::from(b'0' + d));
            }
        }
        if !p.number.is_empty() && ctx.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)) {
            if let Ok(n) = p.number.parse::<usize>()
                && n >= 1
            {
                p.go(n - 1, now);
            }
            p.number.clear();
        }
    }

    fn present_action(&mut self, ctx: &egui::Context, p: &mut Presentation, action: PresentAction, key: Key, now: f64) {
        // While a number is being typed, Backspace and Esc edit it.
        if !p.number.is_empty() {
            match key {
                Key::Backspace => {
                    p.number.pop();
                    return;
                }
                Key::Escape => {
                    p.number.clear();
                    return;
                }
                _ => {}
            }
        }
        // Esc first closes the help, as it does a black screen.
        if action == PresentAction::Exit && key == Key::Escape && matches!(self.modal, Some(Modal::Help)) {
            self.modal = None;
            return;
        }
        match action {
            PresentAction::Next => p.next(now),
            PresentAction::Previous => p.previous(now),
            PresentAction::First => p.go(0, now),
            PresentAction::Last => p.go(usize::MAX, now),
            PresentAction::Black => p.blank = Some(Blank::Black),
            PresentAction::White => p.blank = Some(Blank::White),
            PresentAction::Exit => p.ended = true,
            PresentAction::AddCard => {
                let theme = self.presenting_theme(p.theme);
                self.add_card_presenting(ctx, p, &theme, None);
            }
            PresentAction::Timer => self.workshop.timer_open = !self.workshop.timer_open,
            PresentAction::VotePanel => self.vote_key(),
            PresentAction::RevealLanes => self.set_reveal_lanes(!self.doc.map.presentation.reveal_lanes),
            PresentAction::Theme => p.theme = next_theme(p.theme),
        }
    }

    /// A presenter's clicker pressed in the presenter's view (the editor window): its keys
    /// step the presentation; the editor keeps every other key.
    pub(super) fn clicker_keys(&mut self, ctx: &egui::Context, p: &mut Presentation, now: f64) {
        if ctx.egui_wants_keyboard_input() {
            return;
        }
        let pressed = |key| ctx.input_mut(|i| i.consume_key(Modifiers::NONE, key));
        if p.blank.is_some() {
            for key in [Key::PageDown, Key::PageUp, Key::B, Key::Period, Key::W, Key::Comma, Key::Escape] {
                if pressed(key) {
                    p.blank = None;
                }
            }
            return;
        }
        if pressed(Key::PageDown) {
            p.next(now);
        }
        if pressed(Key::PageUp) {
            p.previous(now);
        }
        if pressed(Key::B) || pressed(Key::Period) {
            p.blank = Some(Blank::Black);
        }
        if pressed(Key::W) || pressed(Key::Comma) {
            p.blank = Some(Blank::White);
        }
        if pressed(Key::F5) {
            p.ended = true;
        }
    }
}
