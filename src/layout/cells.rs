//! The map's cards sorted into their cells once per layout, and a cell's cards laid out.
//!
//! `JourneyMap::cards_in` scans every card for one cell; the layout asks for every cell several
//! times (stage widths, the grid, the curves), which on a 5,000-card map is millions of id
//! comparisons. One pass here files each card under its cell in display order.

use super::{CardLayout, Cast, Measure, Words, card, incremental};
use crate::model::{Card, JourneyMap, LaneKind};
use crate::theme::Theme;
use egui::pos2;

/// Cards by (stage index, lane index), in display order: by position, then file order.
pub struct Cells<'m> {
    lanes: usize,
    cells: Vec<Vec<&'m Card>>,
}

impl<'m> Cells<'m> {
    /// Files the cards of `map`; cards naming a stage or lane the map lacks are left out, as
    /// `cards_in` would never return them.
    pub fn of(map: &'m JourneyMap) -> Cells<'m> {
        let mut stage_at = Finder::of(map.stages.iter().map(|s| &s.id));
        let mut lane_at = Finder::of(map.lanes.iter().map(|l| &l.id));
        let lanes = map.lanes.len();
        let mut cells: Vec<Vec<&Card>> = vec![Vec::new(); map.stages.len() * lanes];
        for card in &map.cards {
            if let (Some(s), Some(l)) = (stage_at.find(&card.stage), lane_at.find(&card.lane)) {
                cells[s * lanes + l].push(card);
            }
        }
        for cell in &mut cells {
            // Stable: file order among equal positions, as `cards_in` has it.
            cell.sort_by_key(|c| c.position);
        }
        Cells { lanes, cells }
    }

    /// The cards of the cell where stage `stage` meets lane `lane` (indices in the map).
    pub fn get(&self, stage: usize, lane: usize) -> &[&'m Card] {
        self.cells.get(stage * self.lanes + lane).map_or(&[], |c| c.as_slice())
    }
}

/// Finds ids among a few (the stages or the lanes), trying first the one found last and the
/// one after it: cards are most often listed cell by cell or lane after lane, and comparing
/// two ids that share their text is a pointer compare, where hashing reads the text.
struct Finder<'m, Id> {
    /// The ids in order; `None` where a later one is equal (the map finds that one).
    ids: Vec<Option<&'m Id>>,
    at: foldhash::HashMap<&'m Id, usize>,
    last: usize,
}

impl<'m, Id: Eq + std::hash::Hash> Finder<'m, Id> {
    fn of(ids: impl Iterator<Item = &'m Id> + Clone) -> Self {
        let at: foldhash::HashMap<&Id, usize> = ids.clone().enumerate().map(|(i, id)| (id, i)).collect();
        let ids = ids.enumerate().map(|(i, id)| (at.get(id) == Some(&i)).then_some(id)).collect();
        Finder { ids, at, last: 0 }
    }

    fn find(&mut self, id: &Id) -> Option<usize> {
        let near = [self.last, self.last + 1].into_iter().find(|&i| self.ids.get(i).is_some_and(|x| *x == Some(id)));
        let i = near.or_else(|| self.at.get(id).copied())?;
        self.last = i;
        Some(i)
    }
}

/// A cell of cards being laid out: where its stage starts, its columns, its lane's top.
pub(super) struct Cell {
    pub stage_x: f32,
    /// How many card columns, and each one's width.
    pub flow: (usize, f32),
    pub y: f32,
    /// Rows starting below this are left out (a view-first layout); else infinity.
    pub below: f32,
    pub kind: LaneKind,
}

impl Cell {
    /// Lays out `cell_cards` into `out`, taking what it can from `reuse`; returns the height
    /// the cell asks of its lane.
    #[allow(clippy::too_many_arguments)]
    pub fn lay_out(
        &self,
        cell_cards: &[&Card],
        cast: &Cast,
        t: &Theme,
        words: &Words,
        m: &mut Measure<'_, '_>,
        mut reuse: Option<&mut incremental::Reuse>,
        out: &mut Vec<CardLayout>,
    ) -> f32 {
        let (flow, column) = self.flow;
        // Cards fill a row of the cell's columns left to right, then the next row, like
        // text; each row is as tall as its tallest card, so rows line up across columns
        // and a presentation can cut between them.
        let mut cy = self.y + t.cell_pad;
        for row in cell_cards.chunks(flow) {
            if cy > self.below {
                break;
            }
            let mut bottom = cy;
            for (c, card) in row.iter().enumerate() {
                let cx = self.stage_x + t.cell_pad + c as f32 * (column - t.cell_pad);
                let (pos, width) = (pos2(cx, cy), column - 2.0 * t.cell_pad);
                let kept = reuse.as_deref_mut().is_some_and(|r| r.take(card, self.kind, pos, width, out));
                if !kept {
                    out.push(card::layout_card(card, cast, self.kind, pos, width, t, words, m));
                }
                bottom = out.last().map_or(bottom, |laid| bottom.max(laid.rect.bottom()));
            }
            cy = bottom + t.card_gap;
        }
        cy - t.card_gap + t.cell_pad - self.y
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Card;

    #[test]
    fn every_cell_holds_what_cards_in_returns_in_the_same_order() {
        let mut map = crate::samples::generated(300);
        // Ties in position keep file order; a card in an unknown stage is in no cell.
        map.cards[7].position = 0;
        map.cards[15].position = 0;
        map.cards.push(Card::new("lost", "no-such-stage", map.lanes[0].id.clone(), "Lost"));
        let cells = Cells::of(&map);
        for (si, stage) in map.stages.iter().enumerate() {
            for (li, lane) in map.lanes.iter().enumerate() {
                let ids = |cards: &[&Card]| cards.iter().map(|c| c.id.clone()).collect::<Vec<_>>();
                assert_eq!(ids(cells.get(si, li)), ids(&map.cards_in(&stage.id, &lane.id)));
            }
        }
        assert!(cells.get(99, 0).is_empty());
    }

    #[test]
    fn an_id_is_found_at_its_last_place_whatever_was_found_before() {
        let ids = ["a", "b", "a", "c"].map(crate::model::StageId::new);
        let mut finder = Finder::of(ids.iter());
        let looked_up: Vec<Option<usize>> =
            ["a", "b", "c", "c", "b", "a", "x", "a"].map(|id| finder.find(&crate::model::StageId::new(id))).to_vec();
        assert_eq!(looked_up, [Some(2), Some(1), Some(3), Some(3), Some(1), Some(2), None, Some(2)]);
    }
}
