//! A comparison drawn over the newer map: added cards outlined green, changed ones amber,
//! moved ones amber with a thin arrow from their old cell, removed ones as red dashed ghosts
//! in the cell they left, and each persona's earlier emotion curve dashed under today's. The
//! same marks on the canvas (compare mode) and in every export (`--compare`).

use crate::diff::{Change, Element, What};
use crate::layout::{Layout, curve_path};
use crate::model::{CardId, JourneyMap};
use crate::theme::Theme;
use egui::emath::TSTransform;
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Shape, Stroke, pos2, vec2};

/// How a card of the newer map is marked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Added,
    Changed,
}

/// Everything a comparison draws, in map units of the newer map's layout.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Marks {
    pub cards: Vec<(CardId, Rect, Mark)>,
    /// A moved card: from its old cell's centre to the card.
    pub moves: Vec<(Pos2, Pos2)>,
    /// A removed card: its id, where it is shown, and its title.
    pub ghosts: Vec<(CardId, Rect, String)>,
    /// Each persona's earlier curve (its place, the line) and the earlier points that differ.
    pub old_curves: Vec<(usize, Vec<Pos2>)>,
    pub old_points: Vec<(usize, Pos2)>,
    /// The legend's top-left corner, and what the comparison is against.
    pub legend_at: Pos2,
    pub against: String,
}

/// The height of a removed card's ghost.
const GHOST_H: f32 = 30.0;

impl Marks {
    /// The marks of `changes` from `old` to `new`, on `layout` (of `new`).
    pub fn of(layout: &Layout, old: &JourneyMap, new: &JourneyMap, changes: &[Change], against: &str) -> Marks {
        // The legend goes under the header's text, in the room beside the persona cards.
        let h = &layout.header;
        let text_bottom = [&h.title, &h.goal, &h.meta, &h.description]
            .iter()
            .filter(|r| !r.is_empty())
            .map(|r| r.rect().bottom())
            .fold(h.rect.top(), f32::max);
        let mut marks = Marks {
            legend_at: pos2(h.rect.left(), text_bottom + 12.0),
            against: against.to_owned(),
            ..Marks::default()
        };
        let cell = |stage: &crate::model::StageId, lane: &crate::model::LaneId| {
            let s = layout.stages.iter().find(|s| &s.id == stage)?;
            let l = layout.lanes.iter().find(|l| &l.id == lane)?;
            Some(Rect::from_x_y_ranges(s.column.x_range(), l.row.y_range()))
        };
        let mut ghosts_in: Vec<(Rect, usize)> = Vec::new();
        for c in changes.iter().filter(|c| c.element == Element::Card) {
            let id = CardId::new(c.id.clone());
            let laid = layout.card(&id).map(|l| l.rect);
            match (&c.what, laid) {
                (What::Added, Some(r)) => marks.cards.push((id, r, Mark::Added)),
                (What::Changed | What::Rerated | What::Plan, Some(r))
                    if !marks.cards.iter().any(|(i, _, _)| i == &id) =>
                {
                    marks.cards.push((id, r, Mark::Changed));
                }
                (What::Moved { .. }, Some(r)) => {
                    if !marks.cards.iter().any(|(i, _, _)| i == &id) {
                        marks.cards.push((id.clone(), r, Mark::Changed));
                    }
                    let before = old.card(&id).and_then(|o| cell(&o.stage, &o.lane));
                    if let Some(from) = before {
                        marks.moves.push((from.center(), pos2(r.left(), r.center().y)));
                    }
                }
                (What::Removed, _) => {
                    let Some(o) = old.card(&id) else { continue };
                    let Some(area) = cell(&o.stage, &o.lane) else { continue };
                    // Ghosts stack up from the bottom of the cell they left.
                    let k = ghosts_in.iter().filter(|(r, _)| *r == area).count();
                    ghosts_in.push((area, k));
                    let bottom = area.bottom() - 8.0 - k as f32 * (GHOST_H + 6.0);
                    let rect = Rect::from_min_max(
                        pos2(area.left() + 10.0, bottom - GHOST_H),
                        pos2(area.right() - 10.0, bottom),
                    );
                    marks.ghosts.push((id.clone(), rect, o.title.clone()));
                }
                _ => {}
            }
        }
        earlier_curves(layout, old, new, &mut marks);
        marks
    }
}

/// Each persona's earlier curve through the cards it rated then, at today's places.
fn earlier_curves(layout: &Layout, old: &JourneyMap, new: &JourneyMap, marks: &mut Marks) {
    for curve in &layout.curves {
        for series in &curve.series {
            let Some(persona) = new.personas.get(series.persona) else { continue };
            // Today's x of every card on the curve (rated now or with a target), by card.
            let xs: Vec<(&CardId, f32)> =
                series.points.iter().chain(&series.target).map(|p| (&p.card, p.pos.x)).collect();
            let mut points: Vec<Pos2> = Vec::new();
            for (card, x) in &xs {
                if points.iter().any(|p| (p.x - x).abs() < 0.01) {
                    continue;
                }
                if let Some(e) = old.card(card).and_then(|c| c.emotion_of(&persona.id)) {
                    let p = pos2(*x, curve.level_y[e.index()]);
                    points.push(p);
                    let now = new.card(card).and_then(|c| c.emotion_of(&persona.id));
                    if now != Some(e) {
                        marks.old_points.push((series.persona, p));
                    }
                }
            }
            points.sort_by(|a, b| a.x.total_cmp(&b.x));
            if points.len() >= 2 {
                marks.old_curves.push((series.persona, curve_path(&points)));
            }
        }
    }
}

/// The colours of the marks: green added, amber changed, red removed.
fn colours(theme: &Theme) -> (Color32, Color32, Color32) {
    (theme.quick_win, theme.priority[1], theme.pain)
}

/// Draws `marks` with `to_screen` (map units → points), inside `clip`.
pub fn paint_marks(painter: &Painter, marks: &Marks, to_screen: TSTransform, clip: Rect, theme: &Theme) {
    let s = to_screen.scaling;
    let visible = to_screen.inverse() * clip;
    let (added, changed, removed) = colours(theme);
    let dash = |pts: &[Pos2], stroke: Stroke| {
        let pts: Vec<Pos2> = pts.iter().map(|p| to_screen * *p).collect();
        painter.extend(Shape::dashed_line(&pts, stroke, (7.0 * s).max(3.0), (5.0 * s).max(3.0)));
    };
    for (_, rect, mark) in marks.cards.iter().filter(|(_, r, _)| visible.intersects(*r)) {
        let colour = if *mark == Mark::Added { added } else { changed };
        painter.rect_stroke(
            to_screen * rect.expand(3.0),
            8.0 * s,
            Stroke::new((3.0 * s).max(1.5), colour),
            egui::StrokeKind::Outside,
        );
    }
    for (from, to) in &marks.moves {
        let (a, b) = (to_screen * *from, to_screen * *to);
        painter.line_segment([a, b], Stroke::new((1.6 * s).max(1.0), changed));
        painter.circle_filled(a, 4.0 * s, changed);
        let dir = (b - a).normalized();
        let n = vec2(-dir.y, dir.x);
        let head = 9.0 * s;
        painter.add(Shape::convex_polygon(
            vec![b, b - dir * head + n * head * 0.5, b - dir * head - n * head * 0.5],
            changed,
            Stroke::NONE,
        ));
    }
    for (_, rect, title) in marks.ghosts.iter().filter(|(_, r, _)| visible.intersects(*r)) {
        let r = *rect;
        painter.rect_filled(to_screen * r, 6.0 * s, theme.card_fill.gamma_multiply(0.85));
        let corners = [r.left_top(), r.right_top(), r.right_bottom(), r.left_bottom(), r.left_top()];
        dash(&corners, Stroke::new((1.8 * s).max(1.0), removed));
        let font = FontId::proportional((theme.body_size * s).max(1.0));
        let text = format!("× {title}");
        let galley = painter.layout(text, font, removed, (r.width() - 16.0) * s);
        let pos = to_screen * pos2(r.left() + 8.0, r.center().y) - vec2(0.0, galley.size().y.min(GHOST_H * s) / 2.0);
        painter.with_clip_rect((to_screen * r).intersect(clip)).galley(pos, galley, removed);
    }
    for (place, path) in &marks.old_curves {
        dash(path, Stroke::new((1.8 * s).max(1.0), theme.persona_colour(*place).gamma_multiply(0.55)));
    }
    for (_, p) in &marks.old_points {
        painter.circle_stroke(to_screen * *p, 6.0 * s, Stroke::new((1.6 * s).max(1.0), theme.muted));
    }
    legend(painter, marks, to_screen, theme);
}

/// "Changes since …: added · changed · moved · removed · earlier curve", above the stages.
fn legend(painter: &Painter, marks: &Marks, to_screen: TSTransform, theme: &Theme) {
    let s = to_screen.scaling;
    let (added, changed, removed) = colours(theme);
    let font = FontId::proportional((theme.small_size * s).max(1.0));
    let mut x = marks.legend_at.x;
    let y = marks.legend_at.y + 8.0;
    let text = |t: &str, colour: Color32, x: &mut f32| {
        let r = painter.text(to_screen * pos2(*x, y), Align2::LEFT_CENTER, t, font.clone(), colour);
        *x += r.width() / s + 14.0;
    };
    text(&format!("Changes since {}:", marks.against), theme.text, &mut x);
    for (word, colour) in [("■ added", added), ("■ changed", changed), ("→ moved", changed), ("× removed", removed)]
    {
        text(word, colour, &mut x);
    }
    if !marks.old_curves.is_empty() {
        text("- - earlier curve", theme.muted, &mut x);
    }
}
