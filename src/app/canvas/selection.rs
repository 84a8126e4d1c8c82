//! What is selected: session state, never saved and never in the undo history.

use crate::model::{ArrowId, CardId, JourneyMap, LaneId, StageId};

/// One selected element.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Sel {
    Card(CardId),
    Stage(StageId),
    Lane(LaneId),
    Arrow(ArrowId),
}

/// The selection; empty means "the map itself" (the inspector shows the map and persona).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub items: Vec<Sel>,
}

impl Selection {
    /// Selects only `sel`.
    pub fn set(&mut self, sel: Sel) {
        self.items = vec![sel];
    }

    /// Adds or removes `sel` (Shift/Ctrl-click).
    pub fn toggle(&mut self, sel: Sel) {
        if let Some(i) = self.items.iter().position(|s| s == &sel) {
            self.items.remove(i);
        } else {
            self.items.push(sel);
        }
    }

    pub fn clear(&mut self) {
        self.items.clear();
    }

    pub fn contains(&self, sel: &Sel) -> bool {
        self.items.contains(sel)
    }

    /// The selected cards.
    pub fn cards(&self) -> std::collections::BTreeSet<CardId> {
        self.items.iter().filter_map(|s| if let Sel::Card(id) = s { Some(id.clone()) } else { None }).collect()
    }

    /// The one selected element, if exactly one is selected.
    pub fn single(&self) -> Option<&Sel> {
        if self.items.len() == 1 { self.items.first() } else { None }
    }

    /// Drops elements that no longer exist (after undo, delete, opening another map).
    pub fn retain_existing(&mut self, map: &JourneyMap) {
        self.items.retain(|s| match s {
            Sel::Card(id) => map.card(id).is_some(),
            Sel::Stage(id) => map.stage(id).is_some(),
            Sel::Lane(id) => map.lane(id).is_some(),
            Sel::Arrow(id) => map.arrow(id).is_some(),
        });
    }
}
