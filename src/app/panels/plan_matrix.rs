//! The value × effort matrix: each rated improvement item sits in the cell of its value (1–5,
//! up) and effort (1–5, right), inside one of four quadrants: quick wins, big bets, fill-ins
//! and money pits. Dragging an item to another cell re-rates it (one undo step); items not yet
//! rated wait in a list beside the matrix and are rated by dragging them in.

use crate::app::PolkuApp;
use crate::app::panels::plan_panel::{PlanChanges, RowEdit, sel_of};
use crate::model::Language;
use crate::plan::{PlanRow, Quadrant};
use egui::text::{LayoutJob, TextWrapping};
use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, StrokeKind, Ui, pos2, vec2};

const CHIP_HEIGHT: f32 = 18.0;
const CHIP_GAP: f32 = 3.0;
const UNRATED_WIDTH: f32 = 240.0;

fn quadrant_colour(q: Quadrant) -> Color32 {
    match q {
        Quadrant::QuickWin => Color32::from_rgb(0x2E, 0x9E, 0x5B),
        Quadrant::BigBet => Color32::from_rgb(0x1E, 0x6F, 0xE8),
        Quadrant::FillIn => Color32::from_rgb(0x8A, 0x8A, 0x8A),
        Quadrant::MoneyPit => Color32::from_rgb(0xC0, 0x39, 0x2B),
    }
}

/// Room above the top quadrants and below the bottom ones for their names.
const BAND: f32 = 18.0;

/// The grid of 5 × 5 cells: effort along x, value up y. Rows grow to hold their chips, so no
/// item is ever hidden; `rows[k]..rows[k + 1]` is the row of value 5 − k.
struct Grid {
    left: f32,
    right: f32,
    rows: [f32; 6],
}

impl Grid {
    /// A grid at `rect`'s top-left whose rows fit `counts[v - 1]` chips (the most in any cell
    /// of value v), stretched to fill `rect`'s height when they need less.
    fn new(rect: Rect, counts: [usize; 5]) -> Grid {
        let need = |v: usize| {
            let pad = if v == 5 || v == 1 { BAND } else { 0.0 };
            pad + counts[v - 1].max(1) as f32 * (CHIP_HEIGHT + CHIP_GAP) + 6.0
        };
        let heights: Vec<f32> = (1..=5).rev().map(need).collect();
        let total: f32 = heights.iter().sum();
        let extra = ((rect.height() - total) / 5.0).max(0.0);
        let mut rows = [rect.top(); 6];
        for (k, h) in heights.iter().enumerate() {
            rows[k + 1] = rows[k] + h + extra;
        }
        Grid { left: rect.left(), right: rect.right(), rows }
    }

    fn rect(&self) -> Rect {
        Rect::from_x_y_ranges(self.left..=self.right, self.rows[0]..=self.rows[5])
    }

    fn cell(&self, value: u8, effort: u8) -> Rect {
        let w = (self.right - self.left) / 5.0;
        let x = self.left + f32::from(effort.clamp(1, 5) - 1) * w;
        let k = usize::from(5 - value.clamp(1, 5));
        Rect::from_min_max(pos2(x, self.rows[k]), pos2(x + w, self.rows[k + 1]))
    }

    /// Where a cell's chips go: below the name band at the top, above the one at the bottom.
    fn chip_area(&self, value: u8, effort: u8) -> Rect {
        let mut r = self.cell(value, effort).shrink(4.0);
        if value == 5 {
            r.min.y += BAND;
        }
        r
    }

    /// (value, effort) of the cell under `p`.
    fn at(&self, p: Pos2) -> Option<(u8, u8)> {
        if !self.rect().contains(p) {
            return None;
        }
        let w = (self.right - self.left) / 5.0;
        let effort = ((p.x - self.left) / w).floor().clamp(0.0, 4.0) as u8 + 1;
        let k = (0..5).find(|&k| p.y < self.rows[k + 1]).unwrap_or(4) as u8;
        Some((5 - k, effort))
    }

    fn quadrant(&self, q: Quadrant) -> Rect {
        let high = Quadrant::HIGH;
        let (values, efforts) = match q {
            Quadrant::QuickWin => ((5, high), (1, high - 1)),
            Quadrant::BigBet => ((5, high), (high, 5)),
            Quadrant::FillIn => ((high - 1, 1), (1, high - 1)),
            Quadrant::MoneyPit => ((high - 1, 1), (high, 5)),
        };
        self.cell(values.0, efforts.0).union(self.cell(values.1, efforts.1))
    }
}

impl PolkuApp {
    pub(crate) fn plan_matrix(&mut self, ui: &mut Ui, rows: &[PlanRow], lang: Language, ch: &mut PlanChanges) {
        // Each item's place, worked out once: cell k = (value − 1) × 5 + (effort − 1).
        let mut cells: Vec<Vec<&PlanRow>> = vec![Vec::new(); 25];
        let mut unrated: Vec<&PlanRow> = Vec::new();
        for r in rows {
            match (r.improvement.value, r.improvement.effort) {
                (Some(v @ 1..=5), Some(e @ 1..=5)) => cells[usize::from((v - 1) * 5 + (e - 1))].push(r),
                _ => unrated.push(r),
            }
        }
        let counts: [usize; 5] =
            std::array::from_fn(|v| cells[v * 5..v * 5 + 5].iter().map(Vec::len).max().unwrap_or(0));
        let visible = ui.available_rect_before_wrap();
        egui::ScrollArea::vertical().id_salt("plan-matrix").auto_shrink(false).show(ui, |ui| {
            let top = ui.cursor().top();
            let width = ui.available_width().max(400.0);
            let grid_area = Rect::from_min_max(
                pos2(ui.cursor().left() + 56.0, top + 4.0),
                pos2(ui.cursor().left() + width - UNRATED_WIDTH - 16.0, top + visible.height() - 30.0),
            );
            let grid = Grid::new(grid_area, counts);
            let list_height = 44.0 + unrated.len() as f32 * (CHIP_HEIGHT + CHIP_GAP);
            let height = (grid.rows[5] - top + 26.0).max(list_height);
            let (area, _) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
            self.matrix_contents(ui, area, &grid, rows, &cells, &unrated, lang, ch);
        });
    }

    #[allow(clippy::too_many_arguments)]
    fn matrix_contents(
        &mut self,
        ui: &mut Ui,
        area: Rect,
        grid: &Grid,
        rows: &[PlanRow],
        cells: &[Vec<&PlanRow>],
        unrated: &[&PlanRow],
        lang: Language,
        ch: &mut PlanChanges,
    ) {
        let fi = lang == Language::Finnish;
        let theme = self.theme();
        let painter = ui.painter_at(ui.clip_rect());
        let text = ui.visuals().text_color();
        let muted = ui.visuals().weak_text_color();

        for q in Quadrant::ALL {
            let r = grid.quadrant(q);
            let c = quadrant_colour(q);
            painter.rect_filled(r, 0.0, c.gamma_multiply(0.10));
            let count = rows.iter().filter(|row| Quadrant::of(&row.improvement) == Some(q)).count();
            let top = matches!(q, Quadrant::QuickWin | Quadrant::BigBet);
            let y = if top { r.top() + 4.0 } else { r.bottom() - 4.0 };
            let align = if top { Align2::LEFT_TOP } else { Align2::LEFT_BOTTOM };
            let name = painter.text(
                pos2(r.left() + 8.0, y),
                align,
                format!("{} · {count}", q.name(lang)),
                FontId::new(13.0, crate::fonts::bold()),
                c,
            );
            painter.text(
                pos2(name.right() + 8.0, name.center().y),
                Align2::LEFT_CENTER,
                q.advice(lang),
                FontId::proportional(12.0),
                muted,
            );
        }
        let g = grid.rect();
        for i in 0..=5 {
            let x = g.left() + g.width() * i as f32 / 5.0;
            let strong = i == usize::from(Quadrant::HIGH - 1);
            let stroke = if strong { Stroke::new(1.5, muted) } else { Stroke::new(0.5, muted.gamma_multiply(0.5)) };
            painter.line_segment([pos2(x, g.top()), pos2(x, g.bottom())], stroke);
            let y = grid.rows[i];
            let strong = i == usize::from(6 - Quadrant::HIGH);
            let stroke = if strong { Stroke::new(1.5, muted) } else { Stroke::new(0.5, muted.gamma_multiply(0.5)) };
            painter.line_segment([pos2(g.left(), y), pos2(g.right(), y)], stroke);
        }
        for v in 1..=5u8 {
            let c = grid.cell(v, 1);
            let font = FontId::proportional(13.0);
            painter.text(pos2(g.left() - 8.0, c.center().y), Align2::RIGHT_CENTER, v.to_string(), font.clone(), text);
            let c = grid.cell(1, v);
            painter.text(pos2(c.center().x, g.bottom() + 4.0), Align2::CENTER_TOP, v.to_string(), font, text);
        }
        let bold = FontId::new(13.0, crate::fonts::bold());
        let value = if fi { "Arvo ↑" } else { "Value ↑" };
        painter.text(pos2(area.left() + 4.0, g.top()), Align2::LEFT_TOP, value, bold.clone(), text);
        let effort = if fi { "Työmäärä →" } else { "Effort →" };
        painter.text(pos2(g.right(), g.bottom() + 4.0), Align2::RIGHT_TOP, effort, bold.clone(), text);

        // The chips: rated ones in their cells, the rest in the list on the right.
        let mut chips: Vec<(Rect, &PlanRow)> = Vec::new();
        for v in 1..=5u8 {
            for e in 1..=5u8 {
                stack(grid.chip_area(v, e), &cells[usize::from((v - 1) * 5 + (e - 1))], &mut chips);
            }
        }
        let list = Rect::from_min_max(pos2(area.right() - UNRATED_WIDTH, area.top() + 4.0), area.max);
        let heading =
            if fi { format!("Arvioimatta ({})", unrated.len()) } else { format!("Not rated ({})", unrated.len()) };
        painter.text(list.min, Align2::LEFT_TOP, heading, bold, text);
        let hint = if fi { "Vedä nelikenttään arvioidaksesi" } else { "Drag into the matrix to rate" };
        painter.text(list.min + vec2(0.0, 18.0), Align2::LEFT_TOP, hint, FontId::proportional(12.0), muted);
        stack(Rect::from_min_max(list.min + vec2(0.0, 40.0), list.max), unrated, &mut chips);

        let pointer = ui.input(|i| i.pointer.latest_pos());
        let mut dropped = None;
        let mut dragging = false;
        for (rect, row) in &chips {
            let label = match (row.improvement.value, row.improvement.effort, fi) {
                (Some(v), Some(e), false) => format!("{} (value {v}, effort {e})", row.title),
                (Some(v), Some(e), true) => format!("{} (arvo {v}, työmäärä {e})", row.title),
                (_, _, false) => format!("{} (not rated)", row.title),
                (_, _, true) => format!("{} (arvioimatta)", row.title),
            };
            let response = ui.interact(*rect, egui::Id::unique(("matrix-chip", &row.item)), Sense::click_and_drag());
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, &label));
            let selected = self.editor.selection.contains(&sel_of(&row.item));
            let dragged = response.dragged();
            dragging |= dragged;
            let accent = Quadrant::of(&row.improvement).map_or(muted, quadrant_colour);
            let at = if dragged { pointer.map_or(*rect, |p| Rect::from_center_size(p, rect.size())) } else { *rect };
            chip(ui, at, row, accent, selected, &theme, dragged);
            if response.drag_stopped() {
                dropped = pointer.and_then(|p| grid.at(p)).map(|ve| (row, ve));
            } else if response.clicked() {
                ch.show = Some(row.item.clone());
            }
            if response.hovered() && !dragged {
                response.on_hover_text(details(row, lang));
            }
        }
        if dragging && let Some((v, e)) = pointer.and_then(|p| grid.at(p)) {
            let accent = Stroke::new(2.0, Color32::from_rgb(0x1E, 0x6F, 0xE8));
            painter.rect_stroke(grid.cell(v, e), 4.0, accent, StrokeKind::Inside);
        }
        if let Some((row, (value, effort))) = dropped {
            let mut imp = row.improvement.clone();
            (imp.value, imp.effort) = (Some(value), Some(effort));
            ch.edits.push((row.item.clone(), RowEdit::Improvement(imp), "matrix"));
        }
    }
}

/// Stacks chips from the top of `area`, one under another.
fn stack<'a>(area: Rect, items: &[&'a PlanRow], chips: &mut Vec<(Rect, &'a PlanRow)>) {
    for (i, row) in items.iter().enumerate() {
        let top = area.top() + i as f32 * (CHIP_HEIGHT + CHIP_GAP);
        chips.push((Rect::from_min_size(pos2(area.left(), top), vec2(area.width(), CHIP_HEIGHT)), row));
    }
}

fn chip(
    ui: &Ui,
    rect: Rect,
    row: &PlanRow,
    accent: Color32,
    selected: bool,
    theme: &crate::theme::Theme,
    lifted: bool,
) {
    let layer =
        if lifted { egui::LayerId::new(egui::Order::Tooltip, egui::Id::unique("matrix-drag")) } else { ui.layer_id() };
    let painter = if lifted { ui.ctx().layer_painter(layer) } else { ui.painter().clone() };
    let stroke =
        if selected { Stroke::new(2.0, Color32::from_rgb(0x1E, 0x6F, 0xE8)) } else { Stroke::new(1.0, accent) };
    painter.rect(rect, 4.0, theme.card_fill, stroke, StrokeKind::Inside);
    painter.rect_filled(Rect::from_min_size(rect.min, vec2(4.0, rect.height())), 2.0, accent);
    // Items from a dot vote carry their dots, so the matrix shows what the room chose.
    let text = match row.improvement.votes {
        Some(v) => format!("● {v}  {}", row.title.replace('\n', " ")),
        None => row.title.replace('\n', " "),
    };
    let mut job = LayoutJob::simple_singleline(text, FontId::proportional(12.5), theme.text);
    job.wrap = TextWrapping::truncate_at_width(rect.width() - 14.0);
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    painter.galley(pos2(rect.left() + 9.0, rect.center().y - galley.size().y / 2.0), galley, theme.text);
}

/// The tooltip of a chip: everything the table row would show.
fn details(row: &PlanRow, lang: Language) -> String {
    let imp = &row.improvement;
    let fi = lang == Language::Finnish;
    let mut lines = vec![row.title.clone(), format!("{}: {}", if fi { "Vaihe" } else { "Stage" }, row.stage)];
    lines.push(format!(
        "{}: {} · {}",
        if fi { "Prioriteetti" } else { "Priority" },
        crate::plan::priority(imp.priority, lang),
        crate::plan::status(imp.status, lang)
    ));
    if !imp.owner.is_empty() {
        lines.push(format!("{}: {}", if fi { "Vastuuhenkilö" } else { "Owner" }, imp.owner));
    }
    if let Some(d) = imp.due {
        lines.push(format!("{}: {d}", if fi { "Määräpäivä" } else { "Due" }));
    }
    if let Some(v) = imp.votes {
        lines.push(format!("{}: {v}", if fi { "Äänestyspisteet" } else { "Vote dots" }));
    }
    if let Some(q) = Quadrant::of(imp) {
        lines.push(q.name(lang).to_owned());
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_and_points_agree_and_quadrants_cover_whole_cells() {
        let grid = Grid::new(Rect::from_min_size(pos2(100.0, 50.0), vec2(500.0, 400.0)), [1, 0, 3, 0, 2]);
        for v in 1..=5 {
            for e in 1..=5 {
                assert_eq!(grid.at(grid.cell(v, e).center()), Some((v, e)));
            }
        }
        assert_eq!(grid.at(pos2(99.0, 60.0)), None);
        assert_eq!(grid.quadrant(Quadrant::QuickWin).left_top(), pos2(100.0, 50.0));
        assert_eq!(grid.quadrant(Quadrant::MoneyPit).right_bottom(), grid.rect().right_bottom());
        let q =
            |v, e| Quadrant::of(&crate::model::Improvement { value: Some(v), effort: Some(e), ..Default::default() });
        for v in 1..=5 {
            for e in 1..=5 {
                let quad = q(v, e).unwrap();
                assert!(grid.quadrant(quad).contains(grid.cell(v, e).center()), "{v}/{e} drawn outside {quad:?}");
            }
        }
    }

    #[test]
    fn rows_grow_to_hold_every_chip_of_their_fullest_cell() {
        let grid = Grid::new(Rect::from_min_size(Pos2::ZERO, vec2(500.0, 100.0)), [0, 0, 6, 0, 0]);
        let area = grid.chip_area(3, 2);
        assert!(area.height() >= 6.0 * CHIP_HEIGHT + 5.0 * CHIP_GAP, "{area:?}");
        let top = grid.chip_area(5, 1);
        assert!(top.height() >= CHIP_HEIGHT && top.top() >= grid.cell(5, 1).top() + BAND);
        let roomy = Grid::new(Rect::from_min_size(Pos2::ZERO, vec2(500.0, 1000.0)), [0; 5]);
        assert!((roomy.rect().height() - 1000.0).abs() < 0.1, "fills the space it has");
    }
}
