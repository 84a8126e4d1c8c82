//! What the pointer does on the canvas: select, move cards between cells, reorder stages and
//! lanes, resize stages, rubber-band select, add cards, drop palette items. Every change goes
//! through the document's history; a drag is one transaction, previewed live, committed on
//! release and aborted with Escape.

use crate::app::PolkuApp;
use crate::app::canvas::overlays::ShallowLayout;
use crate::app::canvas::selection::Sel;
use crate::app::panels::palette::PaletteItem;
use crate::edit::StepName;
use crate::edit::{Command, ops};
use crate::model::{ArrowId, ArrowKind, CardId, Lane, LaneId, Stage, StageId, fresh_id};
use egui::emath::TSTransform;
use egui::{Color32, Pos2, Rect, Response, Stroke, StrokeKind, Ui};

/// A pointer gesture under way on the canvas (session state).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Gesture {
    #[default]
    None,
    Pan,
    Card(CardId),
    Stage(StageId),
    Lane(LaneId),
    Resize {
        id: StageId,
        start_width: f32,
        start_x: f32,
    },
    Rubber {
        start: Pos2,
        end: Pos2,
    },
    /// Drawing a new arrow from a card's handle; `end` is the pointer in map units.
    Arrow {
        from: CardId,
        kind: ArrowKind,
        end: Pos2,
    },
    /// Moving one end of an arrow (its head when `head`) onto another card.
    ArrowEnd {
        id: ArrowId,
        head: bool,
        end: Pos2,
    },
}

/// What the canvas drew this frame, for interaction.
pub struct CanvasFrame {
    pub response: Response,
    pub rect: Rect,
    pub to_screen: TSTransform,
}

/// Where a drop or a moved card lands.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Target {
    Cell { stage: StageId, lane: LaneId, index: usize, lane_holds_cards: bool },
    StageSlot(usize),
    LaneSlot(usize),
}

impl PolkuApp {
    pub(crate) fn canvas_interaction(&mut self, ui: &Ui, frame: &CanvasFrame) {
        let theme = self.theme();
        let to_map = frame.to_screen.inverse();
        let zoom = frame.to_screen.scaling;
        let response = &frame.response;
        let (pointer, modifiers, escape) = ui.input(|i| {
            (i.pointer.interact_pos().or(i.pointer.hover_pos()), i.modifiers, i.key_pressed(egui::Key::Escape))
        });
        let p = pointer.map(|p| to_map * p);

        // Palette drops.
        if let Some(item) = response.dnd_release_payload::<PaletteItem>()
            && let Some(p) = p
        {
            self.drop_palette_item(ui.ctx(), &item, p);
        }

        if response.drag_started_by(egui::PointerButton::Primary) {
            let origin = ui.input(|i| i.pointer.press_origin()).map(|o| to_map * o).or(p);
            if let Some(o) = origin {
                self.start_gesture(ui.ctx(), o, zoom, modifiers.shift);
            }
        }
        if response.dragged_by(egui::PointerButton::Primary)
            && let Some(p) = p
        {
            self.continue_gesture(ui.ctx(), p, response.drag_delta());
        }
        if escape && self.editor.gesture != Gesture::None {
            self.doc.abort();
            self.editor.gesture = Gesture::None;
            self.editor.drag_slot = None;
        }
        if response.drag_stopped() {
            self.end_gesture(ui.ctx(), modifiers.shift || modifiers.command);
        }
        // While a dot vote is open, a click on a card that may get dots adds one (Shift+click
        // or a right click takes one away) instead of selecting it.
        let voted = (response.clicked() || response.secondary_clicked())
            && p.is_some_and(|p| {
                let card = self.doc.layout(ui.ctx(), &theme).card_at(p).map(|c| c.id.clone());
                let delta = if modifiers.shift || response.secondary_clicked() { -1 } else { 1 };
                card.is_some_and(|id| self.open_vote().is_some() && self.vote_on(&id, delta))
            });
        match p {
            Some(p) if !voted && response.double_clicked() => self.double_click(ui.ctx(), p),
            Some(p) if !voted && response.clicked() => {
                self.click(ui.ctx(), p, zoom, modifiers.shift || modifiers.command)
            }
            _ => {}
        }
        if let Some(round) = self.open_vote() {
            let fi = self.prefs.language == crate::app::UiLanguage::Finnish;
            let text = if fi {
                format!("Äänestys: “{}” · napsauta korttia +1, Vaihto+napsautus −1", round.question)
            } else {
                format!("Voting: “{}” · click a card +1, Shift+click −1", round.question)
            };
            let painter = ui.painter_at(frame.rect);
            let galley = painter.layout_no_wrap(text, egui::FontId::proportional(15.0), Color32::WHITE);
            let at = egui::pos2(frame.rect.center().x - galley.size().x / 2.0, frame.rect.top() + 10.0);
            let bg = Rect::from_min_size(at, galley.size()).expand2(egui::vec2(12.0, 6.0));
            painter.rect_filled(bg, 8.0, crate::theme::Theme::light().vote);
            painter.galley(at, galley, Color32::WHITE);
        }
        let hover = response.dnd_hover_payload::<PaletteItem>();
        let target = match (&hover, p) {
            (Some(item), Some(p)) => self.target(ui.ctx(), p, item.as_ref()),
            _ => None,
        };
        let layout = self.doc.layout(ui.ctx(), &theme).clone_shallow();
        self.overlays(ui, frame, &layout, target.as_ref());
        self.arrow_tools(ui, frame);
        self.emotion_picker(ui, frame, &layout);
    }

    /// Five faces above the selected card: one click rates it (one undo step).
    fn emotion_picker(&mut self, ui: &Ui, frame: &CanvasFrame, layout: &ShallowLayout) {
        let Some(Sel::Card(id)) = self.editor.selection.single().cloned() else { return };
        if self.editor.gesture != Gesture::None || self.editor.inline.is_some() {
            return;
        }
        let Some((_, rect)) = layout.cards.iter().find(|(i, _)| i == &id) else { return };
        let card_rect = frame.to_screen * *rect;
        let r = 11.0;
        let width = 5.0 * (2.0 * r + 6.0) + 6.0;
        let bar = Rect::from_min_size(
            egui::pos2(card_rect.right() - width, card_rect.top() - 2.0 * r - 14.0),
            egui::vec2(width, 2.0 * r + 10.0),
        );
        if !frame.rect.contains_rect(bar) {
            return;
        }
        let theme = self.theme();
        let persona = self.doc.map.card(&id).and_then(|c| self.doc.map.rating_persona(c, self.persona_in_view()));
        let current = self.doc.map.card(&id).zip(persona.as_ref()).and_then(|(c, p)| c.emotion_of(p));
        let painter = ui.painter_at(frame.rect);
        painter.rect(bar, 8.0, theme.card_fill, Stroke::new(1.0, theme.card_border), StrokeKind::Inside);
        let fi = self.prefs.language == crate::app::UiLanguage::Finnish;
        // With several personas, a tab on the bar's left says whom the faces rate, in the
        // persona's colour.
        if self.doc.map.personas.len() > 1
            && let Some(i) = persona.as_ref().and_then(|p| self.doc.map.persona_index(p))
        {
            let name = self.doc.map.personas[i].short_name(i, fi);
            let galley = painter.layout_no_wrap(name, egui::FontId::proportional(13.0), theme.persona_ink(i));
            let tab = Rect::from_min_size(
                egui::pos2(bar.left() - galley.size().x - 14.0, bar.center().y - galley.size().y / 2.0 - 3.0),
                galley.size() + egui::vec2(12.0, 6.0),
            );
            if frame.rect.contains_rect(tab) {
                painter.rect_filled(tab, 6.0, theme.persona_colour(i));
                painter.galley(tab.min + egui::vec2(6.0, 3.0), galley, theme.persona_ink(i));
            }
        }
        let mut chosen = None;
        for (i, v) in (crate::model::Emotion::MIN..=crate::model::Emotion::MAX).enumerate() {
            let Some(e) = crate::model::Emotion::new(v) else { continue };
            let c = egui::pos2(bar.left() + 6.0 + r + i as f32 * (2.0 * r + 6.0), bar.center().y);
            let hit = Rect::from_center_size(c, egui::Vec2::splat(2.0 * r + 4.0));
            let response = ui.interact(hit, egui::Id::unique(("emotion-picker", v)), egui::Sense::click());
            let label = format!(
                "{} {:+}: {}",
                if fi { "Tunne" } else { "Emotion" },
                v,
                self.doc.map.emotions.labels[e.index()]
            );
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            if current == Some(e) {
                painter.circle_stroke(c, r + 3.0, Stroke::new(2.0, Color32::from_rgb(0x1E, 0x6F, 0xE8)));
            }
            crate::render::draw_face(
                &painter,
                c,
                if response.hovered() { r + 1.5 } else { r },
                e,
                self.doc.map.emotions.display,
                &theme,
            );
            if response.clicked() {
                chosen = Some(e);
            }
            response.on_hover_text(label);
        }
        if let Some(e) = chosen {
            self.rate_cards(std::slice::from_ref(&id), if current == Some(e) { None } else { Some(e) });
        }
    }

    fn start_gesture(&mut self, ctx: &egui::Context, p: Pos2, zoom: f32, shift: bool) {
        let theme = self.theme();
        let layout = self.doc.layout(ctx, &theme);
        let gesture = if let Some(i) = layout.stage_edge_at(p, 6.0 / zoom) {
            let id = layout.stages[i].id.clone();
            let start_width = self.doc.map.stage(&id).map_or(1.0, |s| s.width);
            Gesture::Resize { id, start_width, start_x: p.x }
        } else if let Some(card) = layout.card_at(p) {
            Gesture::Card(card.id.clone())
        } else if let Some(i) = layout.stage_header_at(p) {
            Gesture::Stage(layout.stages[i].id.clone())
        } else if let Some(i) = layout.lane_title_at(p) {
            Gesture::Lane(layout.lanes[i].id.clone())
        } else if shift {
            Gesture::Rubber { start: p, end: p }
        } else {
            Gesture::Pan
        };
        match &gesture {
            Gesture::Card(id) if !self.editor.selection.contains(&Sel::Card(id.clone())) => {
                self.editor.selection.set(Sel::Card(id.clone()))
            }
            Gesture::Stage(id) => self.editor.selection.set(Sel::Stage(id.clone())),
            Gesture::Lane(id) => self.editor.selection.set(Sel::Lane(id.clone())),
            _ => {}
        }
        self.editor.gesture = gesture;
    }

    fn continue_gesture(&mut self, ctx: &egui::Context, p: Pos2, delta: egui::Vec2) {
        let theme = self.theme();
        match self.editor.gesture.clone() {
            Gesture::None => {}
            Gesture::Pan => self.editor.camera.offset += delta,
            Gesture::Rubber { start, .. } => self.editor.gesture = Gesture::Rubber { start, end: p },
            Gesture::Card(id) => {
                let item = PaletteItem::Card;
                if let Some(Target::Cell { stage, lane, index, lane_holds_cards: true }) =
                    self.target_excluding(ctx, p, &item, Some(&id))
                {
                    // Re-preview only when the slot under the pointer changes: undoing and redoing
                    // the same move would lay the whole map out again every frame for nothing.
                    let slot = (stage.clone(), lane.clone(), index);
                    if self.editor.drag_slot.as_ref() == Some(&slot) {
                        return;
                    }
                    self.editor.drag_slot = Some(slot);
                    let preview = {
                        // Compute on the map as it was before this drag (the transaction undone).
                        self.doc.abort();
                        ops::move_card(&self.doc.map, &id, &stage, &lane, index)
                    };
                    self.doc.history.begin(StepName::MoveCard);
                    if let Some(cmd) = preview {
                        let _ = self.doc.apply(cmd);
                    }
                }
            }
            Gesture::Stage(id) => {
                let layout = self.doc.layout(ctx, &theme);
                let to = layout.stages.iter().filter(|s| s.id != id && s.header.center().x < p.x).count();
                let current = self.doc.map.stages.iter().position(|s| s.id == id);
                if current != Some(to) {
                    self.doc.abort();
                    self.doc.history.begin(StepName::MoveStage);
                    let _ = self.doc.apply(ops::move_stage(&self.doc.map, &id, to));
                }
            }
            Gesture::Lane(id) => {
                let layout = self.doc.layout(ctx, &theme);
                let to = layout.lanes.iter().filter(|l| l.id != id && l.row.center().y < p.y).count();
                let current = self.doc.map.lanes.iter().position(|l| l.id == id);
                if current != Some(to) {
                    self.doc.abort();
                    self.doc.history.begin(StepName::MoveLane);
                    let _ = self.doc.apply(Command::MoveLane { id, to });
                }
            }
            Gesture::Arrow { .. } | Gesture::ArrowEnd { .. } => {}
            Gesture::Resize { id, start_width, start_x } => {
                self.doc.abort();
                // A stage of several card columns widens each of them: its edge follows the
                // pointer when each column takes its share of the movement.
                let flow = self.doc.map.stage(&id).map_or(1, |s| crate::layout::stage_flow(&self.doc.map, s, &theme).0);
                let px = start_width * theme.stage_width + (p.x - start_x) / flow as f32;
                let width = ((px / theme.stage_width) * 20.0).round() / 20.0;
                let width = width.clamp(*Stage::WIDTH_RANGE.start(), *Stage::WIDTH_RANGE.end());
                if let Some(mut stage) = self.doc.map.stage(&id).cloned()
                    && (stage.width - width).abs() > f32::EPSILON
                {
                    stage.width = width;
                    self.doc.history.begin(StepName::ResizeStage);
                    let _ = self.doc.apply(Command::UpdateStage(stage));
                }
            }
        }
    }

    fn end_gesture(&mut self, ctx: &egui::Context, add: bool) {
        if let Gesture::Rubber { start, end } = self.editor.gesture.clone() {
            let theme = self.theme();
            let band = Rect::from_two_pos(start, end);
            let layout = self.doc.layout(ctx, &theme);
            let hits: Vec<CardId> =
                layout.cards.iter().filter(|c| band.intersects(c.rect)).map(|c| c.id.clone()).collect();
            if !add {
                self.editor.selection.clear();
            }
            for id in hits {
                if !self.editor.selection.contains(&Sel::Card(id.clone())) {
                    self.editor.selection.items.push(Sel::Card(id));
                }
            }
        }
        self.doc.history.commit();
        self.editor.gesture = Gesture::None;
        self.editor.drag_slot = None;
    }

    fn hit(&mut self, ctx: &egui::Context, p: Pos2, zoom: f32) -> Option<Sel> {
        let theme = self.theme();
        let layout = self.doc.layout(ctx, &theme);
        if let Some(c) = layout.card_at(p) {
            return Some(Sel::Card(c.id.clone()));
        }
        if let Some(i) = layout.stage_header_at(p) {
            return Some(Sel::Stage(layout.stages[i].id.clone()));
        }
        if let Some(i) = layout.lane_title_at(p) {
            return Some(Sel::Lane(layout.lanes[i].id.clone()));
        }
        let tolerance = 6.0 / zoom;
        layout
            .arrows
            .iter()
            .find(|a| {
                a.path.windows(2).any(|w| distance_to_segment(p, w[0], w[1]) < tolerance)
                    || a.label.as_ref().is_some_and(|(r, _)| r.contains(p))
            })
            .map(|a| Sel::Arrow(a.id.clone()))
    }

    fn click(&mut self, ctx: &egui::Context, p: Pos2, zoom: f32, add: bool) {
        match self.hit(ctx, p, zoom) {
            Some(sel) if add => self.editor.selection.toggle(sel),
            Some(sel) => self.editor.selection.set(sel),
            None if !add => {
                self.editor.selection.clear();
                // A click in an empty cell makes it the current cell: N, paste and the keys act
                // on it, and it is outlined.
                self.editor.cursor_cell = self.cell_at(ctx, p);
            }
            None => {}
        }
    }

    /// The (stage, lane) of the cell at `p`, if it holds cards.
    fn cell_at(&mut self, ctx: &egui::Context, p: Pos2) -> Option<(StageId, LaneId)> {
        match self.target(ctx, p, &PaletteItem::Card)? {
            Target::Cell { stage, lane, lane_holds_cards: true, .. } => Some((stage, lane)),
            _ => None,
        }
    }

    fn double_click(&mut self, ctx: &egui::Context, p: Pos2) {
        if let Some(sel) = self.hit(ctx, p, 1.0) {
            self.editor.selection.set(sel.clone());
            self.start_inline_edit(sel);
            return;
        }
        let item = PaletteItem::Card;
        if let Some(Target::Cell { stage, lane, index, lane_holds_cards: true }) = self.target(ctx, p, &item) {
            self.add_card(stage, lane, index, None);
        }
    }

    /// Adds a new card to a cell, selects it and opens its title for typing in place, the
    /// placeholder selected so that typing replaces it (quick capture).
    pub(crate) fn add_card(
        &mut self,
        stage: StageId,
        lane: LaneId,
        index: usize,
        channel: Option<crate::model::Channel>,
    ) {
        let title = if self.prefs.language == crate::app::UiLanguage::Finnish { "Uusi kortti" } else { "New card" };
        let mut card = ops::new_card(&self.doc.map, &stage, &lane, title);
        card.channel = channel;
        let id = card.id.clone();
        let cmd = ops::insert_card(&self.doc.map, card, index);
        if self.doc.apply(cmd).is_ok() {
            self.editor.selection.set(Sel::Card(id.clone()));
            self.editor.cursor_cell = Some((stage, lane));
            self.start_inline_edit_selected(Sel::Card(id));
        }
    }

    fn drop_palette_item(&mut self, ctx: &egui::Context, item: &PaletteItem, p: Pos2) {
        match (item, self.target(ctx, p, item)) {
            (PaletteItem::Stage, Some(Target::StageSlot(index))) => self.add_stage_at(index),
            (PaletteItem::Lane(kind), Some(Target::LaneSlot(index))) => {
                let id = LaneId::new(fresh_id("l", self.doc.map.lanes.iter().map(|l| l.id.as_str())));
                let title = crate::app::panels::palette::lane_kind_name(*kind, self.prefs.language);
                if self.doc.apply(Command::InsertLane { index, lane: Lane::new(id.clone(), title, *kind) }).is_ok() {
                    self.editor.selection.set(Sel::Lane(id.clone()));
                    self.start_inline_edit_selected(Sel::Lane(id));
                }
            }
            (PaletteItem::Card, Some(Target::Cell { stage, lane, index, lane_holds_cards: true })) => {
                self.add_card(stage, lane, index, None)
            }
            (PaletteItem::Touchpoint(ch), Some(Target::Cell { stage, lane, index, lane_holds_cards: true })) => {
                self.add_card(stage, lane, index, Some(ch.clone()))
            }
            _ => {}
        }
    }

    /// A new stage at `index`, its name selected for typing over.
    pub(crate) fn add_stage_at(&mut self, index: usize) {
        let fi = self.prefs.language == crate::app::UiLanguage::Finnish;
        let id = StageId::new(fresh_id("s", self.doc.map.stages.iter().map(|s| s.id.as_str())));
        let mut stage = Stage::new(id.clone(), if fi { "Uusi vaihe" } else { "New stage" });
        // A stage's colour is its own from the start: reordering never repaints it.
        let taken: Vec<_> = self.doc.map.stages.iter().map(|s| s.colour).collect();
        stage.colour = Some(crate::model::Colour::for_new_stage(&taken));
        if self.doc.apply(Command::InsertStage { index, stage }).is_ok() {
            self.editor.selection.set(Sel::Stage(id.clone()));
            self.start_inline_edit_selected(Sel::Stage(id));
        }
    }

    fn target(&mut self, ctx: &egui::Context, p: Pos2, item: &PaletteItem) -> Option<Target> {
        self.target_excluding(ctx, p, item, None)
    }

    /// Where `item` would land at `p`; `moving` is left out when counting a cell's cards.
    fn target_excluding(
        &mut self,
        ctx: &egui::Context,
        p: Pos2,
        item: &PaletteItem,
        moving: Option<&CardId>,
    ) -> Option<Target> {
        let theme = self.theme();
        let layout = self.doc.layout(ctx, &theme);
        match item {
            PaletteItem::Stage => {
                Some(Target::StageSlot(layout.stages.iter().filter(|s| s.header.center().x < p.x).count()))
            }
            PaletteItem::Lane(_) => {
                Some(Target::LaneSlot(layout.lanes.iter().filter(|l| l.row.center().y < p.y).count()))
            }
            PaletteItem::Card | PaletteItem::Touchpoint(_) => {
                let (si, li) = layout.cell_at(p, theme.column_gap, theme.row_gap)?;
                let stage = layout.stages[si].id.clone();
                let lane = layout.lanes[li].id.clone();
                let lane_holds_cards = layout.lanes[li].kind.holds_cards();
                let column = layout.stages[si].column.x_range();
                let in_cell: Vec<Rect> = layout
                    .cards
                    .iter()
                    .filter(|c| {
                        Some(&c.id) != moving
                            && column.contains(c.rect.center().x)
                            && layout.lanes[li].row.contains(c.rect.center())
                    })
                    .map(|c| c.rect)
                    .collect();
                let index = index_at(&in_cell, layout.stages[si].flow, p);
                Some(Target::Cell { stage, lane, index, lane_holds_cards })
            }
        }
    }
}

/// Where a card dropped at `p` goes among a cell's `cards` (in reading order): before the
/// cards of the rows below `p`; in `p`'s own row, after those left of it when the stage's
/// cells flow into several columns, else after those above it.
fn index_at(cards: &[Rect], flow: usize, p: Pos2) -> usize {
    if flow <= 1 {
        return cards.iter().filter(|c| c.center().y < p.y).count();
    }
    // The row the pointer is in: the lowest row starting above it.
    let Some(row_top) = cards.iter().map(|c| c.top()).filter(|top| *top <= p.y).max_by(f32::total_cmp) else {
        return 0;
    };
    cards.iter().filter(|c| c.top() < row_top - 0.5 || ((c.top() - row_top).abs() < 0.5 && c.center().x < p.x)).count()
}

fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len2 = ab.length_sq();
    if len2 <= f32::EPSILON {
        return (p - a).length();
    }
    let t = ((p - a).dot(ab) / len2).clamp(0.0, 1.0);
    (p - (a + ab * t)).length()
}
