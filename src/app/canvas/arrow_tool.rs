//! Drawing arrows between cards and moving their ends.
//!
//! The card under the pointer (or the selected card) shows two handles on its right edge: the
//! green one draws an improvement arrow, the grey one a flow arrow. A selected arrow shows a
//! handle on each end, which can be dropped on another card. Each finished drag is one command,
//! so one undo step; Escape, or letting go away from a card, changes nothing.

use crate::app::PolkuApp;
use crate::app::canvas::interact::{CanvasFrame, Gesture};
use crate::app::canvas::selection::Sel;
use crate::app::i18n::UiLanguage;
use crate::edit::Command;
use crate::model::{Arrow, ArrowId, ArrowKind, CardId, fresh_id};
use egui::{Color32, Pos2, Rect, Sense, Shape, Stroke, Ui, Vec2, pos2, vec2};

/// Handle radius in screen points: big enough to hit, small enough not to hide the card.
const HANDLE: f32 = 7.0;

/// One grab point drawn this frame.
struct Handle {
    centre: Pos2,
    colour: Color32,
    label: String,
    hint: &'static str,
    id: egui::Id,
}

impl PolkuApp {
    /// The arrow handles, the preview of an arrow being drawn or moved, and the edit on release.
    pub(crate) fn arrow_tools(&mut self, ui: &Ui, frame: &CanvasFrame) {
        if self.editor.inline.is_some() {
            return;
        }
        let pointer = ui.input(|i| i.pointer.latest_pos());
        let to_map = frame.to_screen.inverse();
        let map_pointer = pointer.map(|p| to_map * p);
        match self.editor.gesture.clone() {
            Gesture::None | Gesture::Arrow { .. } => self.card_handles(ui, frame, map_pointer),
            _ => {}
        }
        match self.editor.gesture.clone() {
            Gesture::None | Gesture::ArrowEnd { .. } => self.end_handles(ui, frame, map_pointer),
            _ => {}
        }
        self.arrow_preview(ui, frame);
    }

    /// The card whose handles show: the one being drawn from, else the one under the pointer
    /// (its handles stick out to the right, so a pointer on them still counts), else the
    /// single selected card.
    fn handle_card(&mut self, ui: &Ui, frame: &CanvasFrame, p: Option<Pos2>) -> Option<(CardId, Rect, String)> {
        let theme = self.theme();
        let zoom = frame.to_screen.scaling;
        let id = match &self.editor.gesture {
            Gesture::Arrow { from, .. } => Some(from.clone()),
            _ => {
                let hovering = p.filter(|_| ui.rect_contains_pointer(frame.rect));
                let layout = self.doc.layout(ui.ctx(), &theme);
                hovering
                    .and_then(|p| {
                        layout.card_at(p).or_else(|| layout.card_at(p - vec2((2.0 * HANDLE + 2.0) / zoom, 0.0)))
                    })
                    .map(|c| c.id.clone())
                    .or_else(|| match self.editor.selection.single() {
                        Some(Sel::Card(id)) => Some(id.clone()),
                        _ => None,
                    })
            }
        }?;
        let rect = self.doc.layout(ui.ctx(), &theme).card(&id)?.rect;
        let title = self.doc.map.card(&id)?.title.clone();
        Some((id, frame.to_screen * rect, title))
    }

    fn card_handles(&mut self, ui: &Ui, frame: &CanvasFrame, p: Option<Pos2>) {
        let Some((card, rect, title)) = self.handle_card(ui, frame, p) else { return };
        // Too small to aim at: the map is zoomed far out.
        if rect.height() < 2.0 * HANDLE + 4.0 {
            return;
        }
        let theme = self.theme();
        let fi = self.prefs.language == UiLanguage::Finnish;
        let short = ellipsize(&title, 40);
        let kinds = [(ArrowKind::Improvement, -1.0, theme.improvement_arrow), (ArrowKind::Flow, 1.0, theme.flow_arrow)];
        for (kind, side, colour) in kinds {
            let (label, hint) = match (kind, fi) {
                (ArrowKind::Improvement, false) => (
                    format!("Draw improvement arrow from {short}"),
                    "Drag to another card to draw an improvement arrow",
                ),
                (ArrowKind::Improvement, true) => {
                    (format!("Piirrä parannusnuoli kortista {short}"), "Vedä toiseen korttiin: parannusnuoli")
                }
                (ArrowKind::Flow, false) => {
                    (format!("Draw flow arrow from {short}"), "Drag to another card to draw a flow arrow")
                }
                (ArrowKind::Flow, true) => {
                    (format!("Piirrä kulkunuoli kortista {short}"), "Vedä toiseen korttiin: kulkunuoli")
                }
            };
            let handle = Handle {
                centre: pos2(rect.right(), rect.center().y + side * (HANDLE + 2.0)),
                colour,
                label,
                hint,
                id: egui::Id::unique(("arrow-handle", kind == ArrowKind::Improvement)),
            };
            let response = self.handle(ui, frame, &handle);
            if response.drag_started() {
                let end = frame.to_screen.inverse() * handle.centre;
                self.editor.gesture = Gesture::Arrow { from: card.clone(), kind, end };
            }
            if let Gesture::Arrow { from, kind: k, .. } = self.editor.gesture.clone()
                && k == kind
            {
                if response.dragged()
                    && let Some(p) = p
                {
                    self.editor.gesture = Gesture::Arrow { from: from.clone(), kind, end: p };
                }
                if response.drag_stopped() {
                    self.finish_new_arrow(ui, from, kind, p);
                }
            }
        }
    }

    fn end_handles(&mut self, ui: &Ui, frame: &CanvasFrame, p: Option<Pos2>) {
        let id = match (&self.editor.gesture, self.editor.selection.single()) {
            (Gesture::ArrowEnd { id, .. }, _) | (_, Some(Sel::Arrow(id))) => id.clone(),
            _ => return,
        };
        let theme = self.theme();
        let Some(path) = self.doc.layout(ui.ctx(), &theme).arrows.iter().find(|a| a.id == id).map(|a| a.path.clone())
        else {
            return;
        };
        let (Some(first), Some(last)) = (path.first(), path.last()) else { return };
        let fi = self.prefs.language == UiLanguage::Finnish;
        let accent = Color32::from_rgb(0x1E, 0x6F, 0xE8);
        for (head, at) in [(false, *first), (true, *last)] {
            let handle = Handle {
                centre: frame.to_screen * at,
                colour: accent,
                label: match (head, fi) {
                    (false, false) => "Move arrow start".to_owned(),
                    (true, false) => "Move arrow end".to_owned(),
                    (false, true) => "Siirrä nuolen alkua".to_owned(),
                    (true, true) => "Siirrä nuolen kärkeä".to_owned(),
                },
                hint: if fi { "Vedä toiseen korttiin" } else { "Drag onto another card" },
                id: egui::Id::unique(("arrow-end", head)),
            };
            let response = self.handle(ui, frame, &handle);
            if response.drag_started() {
                self.editor.gesture = Gesture::ArrowEnd { id: id.clone(), head, end: at };
            }
            if let Gesture::ArrowEnd { head: h, .. } = self.editor.gesture
                && h == head
            {
                if response.dragged()
                    && let Some(p) = p
                {
                    self.editor.gesture = Gesture::ArrowEnd { id: id.clone(), head, end: p };
                }
                if response.drag_stopped() {
                    self.finish_moved_end(ui, &id, head, p);
                }
            }
        }
    }

    /// Registers and paints one handle.
    fn handle(&self, ui: &Ui, frame: &CanvasFrame, h: &Handle) -> egui::Response {
        let hit = Rect::from_center_size(h.centre, Vec2::splat(2.0 * HANDLE + 4.0));
        let response = ui.interact(hit, h.id, Sense::drag());
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &h.label));
        let r = if response.hovered() || response.dragged() { HANDLE + 1.5 } else { HANDLE };
        let painter = ui.painter_at(frame.rect);
        painter.circle(h.centre, r, h.colour, Stroke::new(1.5, Color32::WHITE));
        // A small arrowhead pointing away from the card says what the handle does.
        let s = r * 0.45;
        painter.add(Shape::convex_polygon(
            vec![h.centre + vec2(s, 0.0), h.centre + vec2(-s * 0.6, -s), h.centre + vec2(-s * 0.6, s)],
            Color32::WHITE,
            Stroke::NONE,
        ));
        if response.hovered() && !response.dragged() {
            response.clone().on_hover_text(h.hint);
        }
        response
    }

    /// The line being drawn, and the card it would land on (blue) or cannot (red).
    fn arrow_preview(&mut self, ui: &Ui, frame: &CanvasFrame) {
        let theme = self.theme();
        let (anchor, end, colour, refused_card) = match self.editor.gesture.clone() {
            Gesture::Arrow { from, kind, end } => {
                let Some(card) = self.doc.layout(ui.ctx(), &theme).card(&from) else { return };
                let anchor = pos2(card.rect.right(), card.rect.center().y);
                let colour = if kind == ArrowKind::Improvement { theme.improvement_arrow } else { theme.flow_arrow };
                (anchor, end, colour, Some(from))
            }
            Gesture::ArrowEnd { id, head, end } => {
                let layout = self.doc.layout(ui.ctx(), &theme);
                let Some(path) = layout.arrows.iter().find(|a| a.id == id).map(|a| a.path.clone()) else { return };
                let fixed = if head { path.first() } else { path.last() };
                let Some(fixed) = fixed.copied() else { return };
                let other = self.doc.map.arrow(&id).map(|a| if head { a.from.clone() } else { a.to.clone() });
                (fixed, end, Color32::from_rgb(0x1E, 0x6F, 0xE8), other)
            }
            _ => return,
        };
        let t = frame.to_screen;
        let painter = ui.painter_at(frame.rect);
        let layout = self.doc.layout(ui.ctx(), &theme);
        if let Some(card) = layout.card_at(end) {
            let refused = refused_card.as_ref() == Some(&card.id);
            let c = if refused { Color32::from_rgb(0xC0, 0x39, 0x2B) } else { Color32::from_rgb(0x1E, 0x6F, 0xE8) };
            painter.rect_stroke((t * card.rect).expand(3.0), 8.0, Stroke::new(2.5, c), egui::StrokeKind::Outside);
        }
        let (a, b) = (t * anchor, t * end);
        painter.line_segment([a, b], Stroke::new(2.5, colour));
        let dir = (b - a).normalized();
        if dir.length_sq() > 0.5 {
            let n = vec2(-dir.y, dir.x);
            painter.add(Shape::convex_polygon(
                vec![b, b - dir * 12.0 + n * 6.0, b - dir * 12.0 - n * 6.0],
                colour,
                Stroke::NONE,
            ));
        }
    }

    fn finish_new_arrow(&mut self, ui: &Ui, from: CardId, kind: ArrowKind, end: Option<Pos2>) {
        self.editor.gesture = Gesture::None;
        let theme = self.theme();
        let Some(to) = end.and_then(|p| self.doc.layout(ui.ctx(), &theme).card_at(p)).map(|c| c.id.clone()) else {
            return;
        };
        if to == from {
            return;
        }
        // The same arrow drawn twice is almost always a slip: select the one that exists.
        if let Some(same) = self.doc.map.arrows.iter().find(|a| a.from == from && a.to == to && a.kind == kind) {
            self.editor.selection.set(Sel::Arrow(same.id.clone()));
            return;
        }
        let id = ArrowId::new(fresh_id("a", self.doc.map.arrows.iter().map(|a| a.id.as_str())));
        let arrow = Arrow { id: id.clone(), from, to, kind, label: String::new(), improvement: None };
        let index = self.doc.map.arrows.len();
        match self.doc.apply(Command::InsertArrow { index, arrow }) {
            Ok(()) => self.editor.selection.set(Sel::Arrow(id)),
            Err(e) => self.toasts.error(e.to_string_in(self.prefs.language.as_language())),
        }
    }

    fn finish_moved_end(&mut self, ui: &Ui, id: &ArrowId, head: bool, end: Option<Pos2>) {
        self.editor.gesture = Gesture::None;
        let theme = self.theme();
        let Some(card) = end.and_then(|p| self.doc.layout(ui.ctx(), &theme).card_at(p)).map(|c| c.id.clone()) else {
            return;
        };
        let Some(mut arrow) = self.doc.map.arrow(id).cloned() else { return };
        if head {
            arrow.to = card;
        } else {
            arrow.from = card;
        }
        if arrow.from == arrow.to || self.doc.map.arrow(id) == Some(&arrow) {
            return;
        }
        if let Err(e) = self.doc.apply(Command::UpdateArrow(arrow)) {
            self.toasts.error(e.to_string_in(self.prefs.language.as_language()));
        }
    }
}

/// `text` cut to `max` characters with an ellipsis, for labels that name a card.
pub(crate) fn ellipsize(text: &str, max: usize) -> String {
    let line = text.lines().next().unwrap_or_default();
    if line.chars().count() <= max && line.len() == text.len() {
        return line.to_owned();
    }
    let cut: String = line.chars().take(max.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

#[cfg(test)]
mod tests {
    use super::ellipsize;

    #[test]
    fn long_and_multiline_titles_are_cut_with_an_ellipsis() {
        assert_eq!(ellipsize("Kassa", 40), "Kassa");
        assert_eq!(ellipsize("Maksu\nepäonnistuu", 40), "Maksu…");
        assert_eq!(ellipsize("Äänestää jaloillaan", 8), "Äänestä…");
    }
}
