//! Moving what is laid out: a card taken from an earlier layout to where it goes now, and
//! the rows below a band that grew to hold arrow labels. Every position inside is moved with
//! it (a card's faces stand from its corner and need not be).

use super::{CardLayout, LaneLayout, Layout};
use egui::{Vec2, vec2};

impl LaneLayout {
    fn shift_y(&mut self, dy: f32) {
        let d = vec2(0.0, dy);
        self.row = self.row.translate(d);
        self.title_cell = self.title_cell.translate(d);
        self.title.pos += d;
        for label in &mut self.scale_labels {
            label.pos += d;
        }
        for b in &mut self.swot {
            b.shift_y(dy);
        }
    }
}

impl CardLayout {
    fn shift_y(&mut self, dy: f32) {
        self.shift(vec2(0.0, dy));
    }

    /// Moves the card and everything in it by `d` (its faces stand from its corner).
    pub(super) fn shift(&mut self, d: Vec2) {
        self.rect = self.rect.translate(d);
        for run in [&mut self.title, &mut self.body, &mut self.tags] {
            run.pos += d;
        }
        if let Some((_, icon, name)) = &mut self.channel {
            *icon = icon.translate(d);
            name.pos += d;
        }
        for chip in &mut self.chips {
            chip.rect = chip.rect.translate(d);
            chip.initial.pos += d;
        }
        if let Some((_, r)) = &mut self.marker {
            *r = r.translate(d);
        }
        if let Some(b) = &mut self.badge {
            b.rect = b.rect.translate(d);
            b.text.pos += d;
        }
    }
}

impl Layout {
    /// Makes the band below lane `i` taller by `extra[i]`, moving every row below it down;
    /// returns how far each lane moved, and then the grid's bottom.
    pub(super) fn grow_bands(&mut self, extra: &[f32]) -> Vec<f32> {
        let shift: Vec<f32> = extra
            .iter()
            .scan(0.0, |sum, e| {
                let before = *sum;
                *sum += e;
                Some(before)
            })
            .collect();
        let total: f32 = extra.iter().sum();
        let lane_of = |lanes: &[LaneLayout], y: f32| lanes.iter().position(|l| y <= l.row.bottom()).unwrap_or(0);
        // Cards come lane by lane, so the lane of each is found walking forwards.
        let mut li = 0;
        for card in &mut self.cards {
            while li + 1 < self.lanes.len() && card.rect.center().y > self.lanes[li].row.bottom() {
                li += 1;
            }
            card.shift_y(shift.get(li).copied().unwrap_or(0.0));
        }
        for curve in &mut self.curves {
            curve.shift_y(shift.get(lane_of(&self.lanes, curve.area.center().y)).copied().unwrap_or(0.0));
        }
        for (lane, dy) in self.lanes.iter_mut().zip(&shift) {
            lane.shift_y(*dy);
        }
        for s in &mut self.stages {
            s.column.max.y += total;
        }
        self.grid.max.y += total;
        self.size.y += total;
        let mut moved = shift;
        moved.resize(self.lanes.len(), 0.0);
        moved.push(total);
        moved
    }
}
