//! A SWOT lane's cells: each stage's strengths, weaknesses, opportunities and threats as a 2×2
//! grid of boxes, each box its quadrant's name over its items.

use super::text::{Measure, TextRun};
use crate::model::{Quadrant, Swot};
use crate::theme::Theme;
use egui::{Color32, Pos2, Rect, pos2, vec2};

/// One quadrant of one stage's SWOT.
#[derive(Clone, Debug, PartialEq)]
pub struct SwotBox {
    pub rect: Rect,
    pub colour: Color32,
    pub name: TextRun,
    pub items: TextRun,
}

impl SwotBox {
    pub(super) fn shift_y(&mut self, dy: f32) {
        self.rect = self.rect.translate(vec2(0.0, dy));
        self.name.pos.y += dy;
        self.items.pos.y += dy;
    }
}

/// Space between the boxes and inside them.
const GAP: f32 = 6.0;
const PAD: f32 = 8.0;

/// The four boxes of `swot` in a cell `width` wide at `origin`, and their height.
pub fn layout_cell(
    swot: &Swot,
    origin: Pos2,
    width: f32,
    finnish: bool,
    t: &Theme,
    m: &mut Measure<'_, '_>,
) -> (Vec<SwotBox>, f32) {
    let w = ((width - GAP) / 2.0).max(20.0);
    let mut boxes: Vec<SwotBox> = Quadrant::ALL
        .iter()
        .enumerate()
        .map(|(i, &q)| {
            let x = origin.x + (i % 2) as f32 * (w + GAP);
            let colour = t.swot_colour(q);
            let name = m.run(q.name(finnish), pos2(x + PAD, origin.y + PAD), t.small_size, true, colour, w - 2.0 * PAD);
            let listed: Vec<String> = swot
                .items(q)
                .iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .map(|s| format!("•\u{a0}{s}"))
                .collect();
            let (text, ink) = if listed.is_empty() { ("—".to_owned(), t.muted) } else { (listed.join("\n"), t.text) };
            let items =
                m.run(&text, pos2(x + PAD, name.pos.y + name.height() + 2.0), t.small_size, false, ink, w - 2.0 * PAD);
            let h = name.height() + 2.0 + items.height() + 2.0 * PAD;
            SwotBox { rect: Rect::from_min_size(pos2(x, origin.y), vec2(w, h)), colour, name, items }
        })
        .collect();
    // Boxes side by side are as tall as each other; the second row starts below the first.
    let top = boxes[0].rect.height().max(boxes[1].rect.height());
    let bottom = boxes[2].rect.height().max(boxes[3].rect.height());
    for (i, b) in boxes.iter_mut().enumerate() {
        b.rect.set_height(if i < 2 { top } else { bottom });
        if i >= 2 {
            b.shift_y(top + GAP);
        }
    }
    (boxes, top + GAP + bottom)
}
