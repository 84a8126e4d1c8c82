//! Editing a title in place on the canvas: double-click a card, stage or lane (or press Enter)
//! and type over it. Enter keeps the text, Shift+Enter starts a new line, Escape cancels; the
//! whole edit is one undo step.

use crate::app::PolkuApp;
use crate::app::canvas::selection::Sel;
use crate::edit::Command;
use crate::theme::Theme;
use egui::emath::TSTransform;
use egui::{Key, KeyboardShortcut, Modifiers, Rect, TextEdit};

/// A title being edited on the canvas (session state).
#[derive(Clone, Debug, PartialEq)]
pub struct InlineEdit {
    pub target: Sel,
    pub text: String,
    /// Put the keyboard in the field on its first frame.
    fresh: bool,
    /// Select all of the text on the first frame, so typing replaces it (a new card's
    /// placeholder title).
    select_all: bool,
}

impl PolkuApp {
    /// Starts editing the title of `target` in place.
    pub(crate) fn start_inline_edit(&mut self, target: Sel) {
        self.start_inline_edit_with(target, false);
    }

    /// Starts editing in place with the whole title selected, so typing replaces it.
    pub(crate) fn start_inline_edit_selected(&mut self, target: Sel) {
        self.start_inline_edit_with(target, true);
    }

    fn start_inline_edit_with(&mut self, target: Sel, select_all: bool) {
        let map = &self.doc.map;
        let text = match &target {
            Sel::Card(id) => map.card(id).map(|c| c.title.clone()),
            Sel::Stage(id) => map.stage(id).map(|s| s.name.clone()),
            Sel::Lane(id) => map.lane(id).map(|l| l.title.clone()),
            Sel::Arrow(id) => map.arrow(id).map(|a| a.label.clone()),
        };
        if let Some(text) = text {
            self.editor.inline = Some(InlineEdit { target, text, fresh: true, select_all });
        }
    }

    /// Draws the in-place editor over its element and applies or cancels it.
    pub(crate) fn inline_edit_ui(&mut self, ctx: &egui::Context, to_screen: TSTransform, clip: Rect, theme: &Theme) {
        let Some(mut edit) = self.editor.inline.take() else { return };
        let layout = self.doc.layout(ctx, theme);
        let (rect, size) = match &edit.target {
            Sel::Card(id) => match layout.card(id) {
                Some(c) => (
                    Rect::from_min_max(
                        c.title.pos,
                        egui::pos2(
                            c.rect.right() - 8.0,
                            c.title.rect().bottom().max(c.title.pos.y + c.title.line_height),
                        ),
                    ),
                    c.title.size,
                ),
                None => return,
            },
            Sel::Stage(id) => match layout.stages.iter().find(|s| &s.id == id) {
                Some(s) => (
                    Rect::from_min_max(
                        s.name.pos,
                        egui::pos2(s.header.right() - 8.0, s.name.pos.y + s.name.height().max(s.name.line_height)),
                    ),
                    s.name.size,
                ),
                None => return,
            },
            Sel::Lane(id) => match layout.lanes.iter().find(|l| &l.id == id) {
                Some(l) => (
                    Rect::from_min_max(
                        l.title.pos,
                        egui::pos2(
                            l.title_cell.right() - 8.0,
                            l.title.pos.y + l.title.height().max(l.title.line_height),
                        ),
                    ),
                    l.title.size,
                ),
                None => return,
            },
            Sel::Arrow(id) => match layout.arrows.iter().find(|a| &a.id == id) {
                Some(a) => match &a.label {
                    Some((r, run)) => (r.expand2(egui::vec2(40.0, 0.0)), run.size),
                    // No label yet: the editor opens over the middle of the arrow.
                    None => match a.path.get(a.path.len() / 2) {
                        Some(p) => (Rect::from_center_size(*p, egui::vec2(160.0, 20.0)), theme.small_size),
                        None => return,
                    },
                },
                None => return,
            },
        };
        let screen = to_screen * rect;
        if !clip.intersects(screen) {
            return; // scrolled away: drop the edit rather than float it off the map
        }
        let font = egui::FontId::new((size * to_screen.scaling).clamp(10.0, 48.0), crate::fonts::bold());
        let mut done = None;
        egui::Area::new(egui::Id::unique("inline-edit"))
            .fixed_pos(screen.min - egui::vec2(4.0, 4.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).inner_margin(2.0).show(ui, |ui| {
                    let id = egui::Id::unique("inline-edit-text");
                    let r = ui.add(
                        TextEdit::multiline(&mut edit.text)
                            .id(id)
                            .font(font)
                            .desired_width(screen.width().max(120.0))
                            .desired_rows(1)
                            .return_key(KeyboardShortcut::new(Modifiers::SHIFT, Key::Enter)),
                    );
                    r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Edit title in place"));
                    if edit.fresh {
                        r.request_focus();
                        if edit.select_all
                            && let Some(mut state) = egui::text_edit::TextEditState::load(ui.ctx(), id)
                        {
                            state.cursor.set_char_range(Some(egui::text::CCursorRange::select_all_str(&edit.text)));
                            state.store(ui.ctx(), id);
                        }
                        edit.fresh = false;
                    }
                    // The keys that end the editing are used up here, so the map does not also
                    // act on them (Enter would open the title again, Escape clear the selection).
                    let (enter, escape) = ui.input_mut(|i| {
                        let enter = !i.modifiers.shift && i.consume_key(Modifiers::NONE, Key::Enter);
                        (enter, i.consume_key(Modifiers::NONE, Key::Escape))
                    });
                    if escape {
                        done = Some(false);
                    } else if enter || r.lost_focus() {
                        done = Some(true);
                    }
                });
            });
        if done.is_some() {
            // The keyboard goes back to the map at once, so the next N is a new card.
            ctx.memory_mut(|m| m.surrender_focus(egui::Id::unique("inline-edit-text")));
            self.editor.canvas_focus = true;
        }
        match done {
            None => self.editor.inline = Some(edit),
            Some(false) => {}
            Some(true) => self.commit_inline(edit),
        }
    }

    pub(crate) fn commit_inline(&mut self, edit: InlineEdit) {
        if let Some(command) = edit.command(&self.doc.map)
            && let Err(e) = self.doc.apply(command)
        {
            self.toasts.error(e.to_string_in(self.prefs.language.as_language()));
        }
    }
}

impl InlineEdit {
    /// The command that keeps this edit's text, or `None` when the text is unchanged (or its
    /// element is gone).
    /// Whether the text differs from its element's (without building the command).
    pub(crate) fn changes(&self, map: &crate::model::JourneyMap) -> bool {
        let text = self.text.trim_end_matches('\n');
        let current = match &self.target {
            Sel::Card(id) => map.card(id).map(|c| c.title.as_str()),
            Sel::Stage(id) => map.stage(id).map(|s| s.name.as_str()),
            Sel::Lane(id) => map.lane(id).map(|l| l.title.as_str()),
            Sel::Arrow(id) => map.arrow(id).map(|a| a.label.as_str()),
        };
        current.is_some_and(|current| current != text)
    }

    pub(crate) fn command(&self, map: &crate::model::JourneyMap) -> Option<Command> {
        let text = self.text.trim_end_matches('\n').to_owned();
        match &self.target {
            Sel::Card(id) => map
                .card(id)
                .filter(|c| c.title != text)
                .map(|c| Command::UpdateCard(crate::model::Card { title: text, ..c.clone() })),
            Sel::Stage(id) => map
                .stage(id)
                .filter(|s| s.name != text)
                .map(|s| Command::UpdateStage(crate::model::Stage { name: text, ..s.clone() })),
            Sel::Lane(id) => map
                .lane(id)
                .filter(|l| l.title != text)
                .map(|l| Command::UpdateLane(crate::model::Lane { title: text, ..l.clone() })),
            Sel::Arrow(id) => map
                .arrow(id)
                .filter(|a| a.label != text)
                .map(|a| Command::UpdateArrow(crate::model::Arrow { label: text, ..a.clone() })),
        }
    }
}
