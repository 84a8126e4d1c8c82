//! The laid-out cards by cell, as ranges of the layout's cards, so that the cards near an
//! area are found through the few cells it meets instead of by looking at every card.
//!
//! Placing an arrow's label again after a drag looks for the obstacles near its route; on a
//! 5,000-card map, testing every card for each of a few dozen labels was a tenth of the
//! layout.

use super::{CardLayout, LaneLayout, StageLayout};
use egui::Rect;
use std::ops::Range;

pub(super) struct CellIndex {
    /// The cells, lane by lane and stage by stage within a lane, as the grid lays them out.
    cells: Vec<Rect>,
    /// Cell `k` holds the cards `starts[k]..starts[k + 1]`.
    starts: Vec<usize>,
}

impl CellIndex {
    /// `None` unless the cards come lane by lane and, within a lane, stage by stage, each
    /// wholly inside its cell (a view-first layout lays out the stages in view first): then
    /// a card meets an area only if its cell does, and nothing is missed.
    pub(super) fn of(stages: &[StageLayout], lanes: &[LaneLayout], cards: &[CardLayout]) -> Option<CellIndex> {
        let mut cells = Vec::with_capacity(stages.len() * lanes.len());
        let mut starts = Vec::with_capacity(cells.capacity() + 1);
        let mut next = 0;
        for lane in lanes {
            for stage in stages {
                let cell = Rect::from_x_y_ranges(stage.column.x_range(), lane.row.y_range());
                cells.push(cell);
                starts.push(next);
                next += cards[next..].iter().take_while(|c| cell.contains_rect(c.rect)).count();
            }
        }
        starts.push(next);
        (next == cards.len()).then_some(CellIndex { cells, starts })
    }

    /// The cards (as ranges, in layout order) of every cell that `meets`.
    pub(super) fn cards_in_cells(&self, meets: impl Fn(&Rect) -> bool) -> impl Iterator<Item = Range<usize>> {
        (self.cells.iter().zip(self.starts.windows(2)))
            .filter(move |(cell, range)| range[0] < range[1] && meets(cell))
            .map(|(_, range)| range[0]..range[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::theme::Theme;

    fn laid(map: &crate::model::JourneyMap) -> super::super::Layout {
        crate::render::export::layout_headless(map, &Theme::light())
    }

    #[test]
    fn the_cards_found_through_the_cells_are_every_card_meeting_the_area() {
        let map = crate::samples::generated(400);
        let layout = laid(&map);
        let index = CellIndex::of(&layout.stages, &layout.lanes, &layout.cards);
        let Some(index) = index else { panic!("the grid's cards are not lane by lane, stage by stage") };
        let size = layout.size;
        for k in 0..60 {
            let (x, y) = ((k * 97 % 100) as f32 / 100.0 * size.x, (k * 61 % 100) as f32 / 100.0 * size.y);
            let area = Rect::from_min_size(egui::pos2(x, y), egui::vec2(40.0 + k as f32 * 9.0, 30.0 + k as f32 * 4.0));
            let found: Vec<usize> = index
                .cards_in_cells(|cell| cell.intersects(area))
                .flatten()
                .filter(|&i| layout.cards[i].rect.intersects(area))
                .collect();
            let every: Vec<usize> =
                (0..layout.cards.len()).filter(|&i| layout.cards[i].rect.intersects(area)).collect();
            assert_eq!(found, every, "around {area:?}");
        }
    }

    #[test]
    fn cards_out_of_lane_order_give_no_index() {
        let map = crate::samples::generated(100);
        let mut layout = laid(&map);
        layout.cards.swap(0, 60);
        assert!(CellIndex::of(&layout.stages, &layout.lanes, &layout.cards).is_none());
    }
}
