//! Running actions: the shortcut handler and the one `match` every menu entry and key goes
//! through, with each action's enabled check.

use super::canvas::selection::Sel;
use super::{ACTIONS, Action, PolkuApp, actions, dialogs::unsaved};

impl PolkuApp {
    pub(super) fn shortcuts(&mut self, ctx: &egui::Context, canvas: egui::Rect) {
        let typing = ctx.egui_wants_keyboard_input();
        // One-letter keys (N, I, 1–5, arrows, Delete, Enter) belong to the map: they act only
        // while the map has the keyboard, never after a click into a panel (a field that let go
        // of the keyboard on Enter must not turn the next letters into cards).
        let plain_keys_off = typing || !self.editor.canvas_focus;
        let mut fired = Vec::new();
        ctx.input_mut(|i| {
            for def in ACTIONS {
                for s in def.shortcuts {
                    // A focused text field keeps its own keys (typing, Ctrl+A, Ctrl+Z within the
                    // field); only the window-level actions pass through.
                    let window_level = matches!(
                        def.action,
                        Action::Save
                            | Action::SaveAs
                            | Action::Open
                            | Action::Export
                            | Action::Quit
                            | Action::Help
                            | Action::Fit
                            | Action::ActualSize
                            | Action::ZoomIn
                            | Action::ZoomOut
                            | Action::ActionPlan
                            | Action::Present
                            | Action::PresentFromHere
                    );
                    if typing && !window_level {
                        continue;
                    }
                    // Escape gives the keyboard back to the map, so outside a text field it always works.
                    let escape = def.action == Action::Deselect && !typing;
                    if plain_keys_off && actions::ActionDef::is_plain_key(s) && !escape {
                        continue;
                    }
                    if i.consume_shortcut(s) {
                        fired.push(def.action);
                    }
                }
            }
        });
        for action in fired {
            // The first Escape after a panel only gives the keyboard back to the map; the
            // selection stays, for the key that follows.
            if action == Action::Deselect && !self.editor.canvas_focus {
                self.editor.canvas_focus = true;
                continue;
            }
            self.run_action(ctx, action, canvas);
        }
        // Copy, cut and paste arrive as events (the platform's own keys), unless a text field
        // is taking them.
        if !typing {
            let events = ctx.input(|i| i.events.clone());
            for e in events {
                match e {
                    egui::Event::Copy => self.run_action(ctx, Action::Copy, canvas),
                    egui::Event::Cut => self.run_action(ctx, Action::Cut, canvas),
                    egui::Event::Paste(text) => self.paste_text(&text),
                    _ => {}
                }
            }
        }
    }

    /// Tab and Shift+Tab walk the map's cells unless a text field has the keyboard; egui would
    /// otherwise move keyboard focus to the menu bar.
    pub(super) fn take_tab(&mut self, ctx: &egui::Context) {
        if ctx.egui_wants_keyboard_input() || self.modal.as_ref().is_some_and(super::Modal::blocks_shortcuts) {
            return;
        }
        let (back, forward) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::SHIFT, egui::Key::Tab),
                i.consume_key(egui::Modifiers::NONE, egui::Key::Tab),
            )
        });
        if back || forward {
            ctx.memory_mut(|m| m.move_focus(egui::FocusDirection::None));
            self.editor.canvas_focus = true;
            self.step_cell(if back { -1 } else { 1 });
        }
    }

    /// Whether an action can run now (greys out menu entries).
    pub fn enabled(&self, action: Action) -> bool {
        let cards = !self.editor.selection.cards().is_empty();
        match action {
            Action::Save | Action::SaveAs | Action::SaveVersion => self.doc.read_only.is_none(),
            Action::Undo => self.doc.history.undo_label().is_some(),
            Action::Redo => self.doc.history.redo_label().is_some(),
            Action::Delete => !self.editor.selection.items.is_empty(),
            Action::Duplicate | Action::Copy | Action::Cut | Action::Emotion(_) => cards,
            Action::ToggleImprovement => {
                self.editor.selection.items.iter().any(|s| matches!(s, Sel::Card(_) | Sel::Arrow(_)))
            }
            _ => true,
        }
    }

    /// Runs an action from a menu or a shortcut.
    pub fn run_action(&mut self, ctx: &egui::Context, action: Action, canvas: egui::Rect) {
        if !self.enabled(action) {
            return;
        }
        match action {
            Action::Open => self.guard(ctx, unsaved::Discarding::OpenDialog),
            Action::Save => self.save(ctx),
            Action::SaveAs => self.save_as(ctx, None),
            Action::Export => self.open_modal(super::Modal::Export),
            Action::Quit => self.guard(ctx, unsaved::Discarding::CloseWindow),
            Action::Undo => {
                self.doc.undo();
                self.editor.selection.retain_existing(&self.doc.map);
            }
            Action::Redo => {
                self.doc.redo();
                self.editor.selection.retain_existing(&self.doc.map);
            }
            Action::Delete => self.delete_selection(),
            Action::Duplicate => {
                let (cmd, ids) = crate::edit::ops::duplicate_cards(&self.doc.map, &self.editor.selection.cards());
                if self.doc.apply(cmd).is_ok() {
                    self.editor.selection.items = ids.into_iter().map(Sel::Card).collect();
                }
            }
            Action::Copy => self.copy(ctx),
            Action::CopyImage => self.copy_image(ctx),
            Action::Cut => {
                self.copy(ctx);
                self.delete_selection();
            }
            Action::Paste => {}
            Action::SelectAll => {
                self.editor.selection.items = self.doc.map.cards.iter().map(|c| Sel::Card(c.id.clone())).collect()
            }
            Action::AddCard => {
                if let Some((stage, lane)) = self.current_cell() {
                    let index = self.doc.map.cards_in(&stage, &lane).len();
                    self.add_card(stage, lane, index, None);
                }
            }
            Action::Edit => match self.editor.selection.single().cloned() {
                Some(sel) => self.start_inline_edit(sel),
                None => self.editor.focus_title = true,
            },
            Action::NextCell => self.step_cell(1),
            Action::PreviousCell => self.step_cell(-1),
            Action::SelectLeft => self.step_card(-1, 0),
            Action::SelectRight => self.step_card(1, 0),
            Action::SelectUp => self.step_card(0, -1),
            Action::SelectDown => self.step_card(0, 1),
            Action::ZoomIn => self.editor.camera.zoom_step(1.25, canvas.center(), canvas),
            Action::ZoomOut => self.editor.camera.zoom_step(0.8, canvas.center(), canvas),
            Action::Fit => self.editor.camera.fit_pending = true,
            Action::ActualSize => self.editor.camera.actual_size(canvas),
            Action::Help => {
                if matches!(self.modal, Some(super::Modal::Help)) {
                    self.modal = None;
                } else {
                    self.open_modal(super::Modal::Help);
                }
            }
            Action::ExportPlan => self.export_plan(ctx),
            Action::ExportSwot => self.export_swot(ctx),
            Action::CompareWith => {
                self.pick_file(ctx, super::dialogs::file_picker::FilePurpose::CompareWith, "");
            }
            Action::SaveVersion => {
                let fi = self.prefs.language == super::UiLanguage::Finnish;
                self.open_modal(super::Modal::SaveVersion(super::versions::VersionDraft::new(fi)));
            }
            Action::Versions => self.open_modal(super::Modal::Versions),
            Action::SwotView => self.swot_open = !self.swot_open,
            Action::Emotion(v) => {
                let ids = self.editor.selection.cards();
                let ids: Vec<_> =
                    self.doc.map.cards.iter().filter(|c| ids.contains(&c.id)).map(|c| c.id.clone()).collect();
                self.rate_cards(&ids, crate::model::Emotion::new(v));
            }
            Action::ActionPlan => self.prefs.show_plan = !self.prefs.show_plan,
            Action::Present => self.mode_request = Some(super::ModeRequest::Present { from_here: false }),
            Action::PresentFromHere => self.mode_request = Some(super::ModeRequest::Present { from_here: true }),
            Action::PresentInWindow => self.mode_request = Some(super::ModeRequest::PresentInWindow),
            Action::Timer => self.workshop.timer_open = !self.workshop.timer_open,
            Action::StartVote => self.ask_start_vote(),
            Action::VotePanel => self.workshop.votes_open = !self.workshop.votes_open,
            Action::ExportSlides => self.open_modal(super::Modal::Slides(Default::default())),
            Action::ToggleImprovement => self.toggle_improvement(),
            Action::Deselect => {
                self.editor.selection.clear();
                self.editor.cursor_cell = None;
            }
        }
    }
}
