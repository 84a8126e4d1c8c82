//! What the canvas shows over the map while editing and never exports: selection outlines,
//! the current cell, the rubber band and where a drop will land.

use super::interact::Target;
use crate::app::PolkuApp;
use crate::app::canvas::interact::{CanvasFrame, Gesture};
use crate::app::canvas::selection::Sel;
use crate::layout::Layout;
use crate::model::{ArrowId, CardId, LaneId, StageId};
use egui::{Color32, Pos2, Rect, Stroke, StrokeKind, Ui, vec2};

impl PolkuApp {
    /// Selection outlines, the rubber band and drop previews: on screen only, never exported.
    pub(super) fn overlays(&self, ui: &Ui, frame: &CanvasFrame, layout: &ShallowLayout, target: Option<&Target>) {
        let painter = ui.painter_at(frame.rect);
        let accent = Color32::from_rgb(0x1E, 0x6F, 0xE8);
        let t = frame.to_screen;
        for sel in &self.editor.selection.items {
            let rect = match sel {
                Sel::Card(id) => layout.cards.iter().find(|(i, _)| i == id).map(|(_, r)| *r),
                Sel::Stage(id) => layout.stages.iter().find(|(i, _, _)| i == id).map(|(_, r, _)| *r),
                Sel::Lane(id) => layout.lanes.iter().find(|(i, _, _)| i == id).map(|(_, r, _)| *r),
                Sel::Arrow(id) => layout.arrows.iter().find(|(i, _)| i == id).map(|(_, r)| *r),
            };
            if let Some(r) = rect {
                painter.rect_stroke((t * r).expand(3.0), 8.0, Stroke::new(2.5, accent), StrokeKind::Outside);
            }
        }
        // The current cell (clicked, or reached with Tab) while nothing is selected: where N and
        // paste will put a card.
        if self.editor.selection.items.is_empty()
            && let Some((stage, lane)) = &self.editor.cursor_cell
            && let (Some(s), Some(l)) =
                (layout.stages.iter().find(|(i, _, _)| i == stage), layout.lanes.iter().find(|(i, _, _)| i == lane))
        {
            let cell = t * Rect::from_x_y_ranges(s.2.x_range(), l.2.y_range());
            painter.rect(cell, 8.0, accent.gamma_multiply(0.06), Stroke::new(2.0, accent), StrokeKind::Inside);
        }
        if let Gesture::Rubber { start, end } = &self.editor.gesture {
            let r = t * Rect::from_two_pos(*start, *end);
            painter.rect(r, 0.0, accent.gamma_multiply(0.12), Stroke::new(1.0, accent), StrokeKind::Inside);
        }
        match target {
            Some(Target::Cell { stage, lane, index, lane_holds_cards }) => {
                let (Some(s), Some(l)) = (
                    layout.stages.iter().find(|(i, _, _)| i == stage),
                    layout.lanes.iter().find(|(i, _, _)| i == lane),
                ) else {
                    return;
                };
                let cell = Rect::from_x_y_ranges(s.2.x_range(), l.2.y_range());
                let colour = if *lane_holds_cards { accent } else { Color32::from_rgb(0xC0, 0x39, 0x2B) };
                painter.rect(t * cell, 8.0, colour.gamma_multiply(0.08), Stroke::new(2.0, colour), StrokeKind::Inside);
                if *lane_holds_cards {
                    let cards: Vec<Rect> =
                        layout.cards.iter().filter(|(_, r)| cell.contains(r.center())).map(|(_, r)| *r).collect();
                    // Over the card the drop goes before, or under the last one; in a crowded
                    // cell's rows of cards, beside it.
                    let rows_of_several = cards.windows(2).any(|w| (w[0].top() - w[1].top()).abs() < 0.5);
                    let [a, b] = match (cards.get(*index), cards.last()) {
                        (Some(r), _) if rows_of_several => {
                            [r.left_top() - vec2(5.0, 0.0), r.left_bottom() - vec2(5.0, 0.0)]
                        }
                        (None, Some(r)) if rows_of_several => {
                            [r.right_top() + vec2(5.0, 0.0), r.right_bottom() + vec2(5.0, 0.0)]
                        }
                        (Some(r), _) => [r.left_top() - vec2(0.0, 5.0), r.right_top() - vec2(0.0, 5.0)],
                        (None, Some(r)) => [r.left_bottom() + vec2(0.0, 5.0), r.right_bottom() + vec2(0.0, 5.0)],
                        (None, None) => [cell.left_top() + vec2(8.0, 8.0), cell.right_top() + vec2(-8.0, 8.0)],
                    };
                    painter.line_segment([t * a, t * b], Stroke::new(3.0, accent));
                }
            }
            Some(Target::StageSlot(i)) => {
                let x = layout
                    .stages
                    .get(*i)
                    .map(|s| s.1.left() - 14.0)
                    .or(layout.stages.last().map(|s| s.1.right() + 14.0));
                if let Some(x) = x {
                    painter.line_segment(
                        [t * Pos2::new(x, layout.grid.top()), t * Pos2::new(x, layout.grid.bottom())],
                        Stroke::new(3.0, accent),
                    );
                }
            }
            Some(Target::LaneSlot(i)) => {
                let y =
                    layout.lanes.get(*i).map(|l| l.2.top() - 8.0).or(layout.lanes.last().map(|l| l.2.bottom() + 8.0));
                if let Some(y) = y {
                    painter.line_segment(
                        [t * Pos2::new(layout.grid.left(), y), t * Pos2::new(layout.grid.right(), y)],
                        Stroke::new(3.0, accent),
                    );
                }
            }
            None => {}
        }
    }
}

/// The rectangles overlays need, copied out of the layout so the document can be edited.
pub struct ShallowLayout {
    pub(super) cards: Vec<(CardId, Rect)>,
    /// (id, header, column)
    pub(super) stages: Vec<(StageId, Rect, Rect)>,
    /// (id, title cell, row)
    pub(super) lanes: Vec<(LaneId, Rect, Rect)>,
    pub(super) arrows: Vec<(ArrowId, Rect)>,
    pub(super) grid: Rect,
}

impl Layout {
    /// The rectangles of everything selectable.
    pub fn clone_shallow(&self) -> ShallowLayout {
        ShallowLayout {
            cards: self.cards.iter().map(|c| (c.id.clone(), c.rect)).collect(),
            stages: self.stages.iter().map(|s| (s.id.clone(), s.header, s.column)).collect(),
            lanes: self.lanes.iter().map(|l| (l.id.clone(), l.title_cell, l.row)).collect(),
            arrows: self
                .arrows
                .iter()
                .filter(|a| !a.path.is_empty())
                .map(|a| (a.id.clone(), Rect::from_points(&a.path)))
                .collect(),
            grid: self.grid,
        }
    }
}
