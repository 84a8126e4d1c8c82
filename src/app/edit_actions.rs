//! Editing actions of the window: delete (asking first when a stage or lane is not empty),
//! clipboard, keyboard navigation between cells and cards.

use super::PolkuApp;
use super::canvas::selection::Sel;
use crate::edit::StepName;
use crate::edit::clipboard;
use crate::edit::{Command, ops};
use crate::model::{LaneId, StageId};

/// A deletion waiting for the user's yes.
#[derive(Clone, Debug)]
pub struct PendingDelete {
    pub question: String,
    pub command: Command,
}

impl PolkuApp {
    /// Deletes the selection; a stage or lane with cards asks first.
    /// Puts the selected cards and arrows into the action plan; when all of them are in it
    /// already, takes them out. One undo step.
    pub(super) fn toggle_improvement(&mut self) {
        let map = &self.doc.map;
        let cards: Vec<&crate::model::Card> = self
            .editor
            .selection
            .items
            .iter()
            .filter_map(|s| if let Sel::Card(id) = s { map.card(id) } else { None })
            .collect();
        let arrows: Vec<&crate::model::Arrow> = self
            .editor
            .selection
            .items
            .iter()
            .filter_map(|s| if let Sel::Arrow(id) = s { map.arrow(id) } else { None })
            .collect();
        let adding = cards.iter().any(|c| c.improvement.is_none()) || arrows.iter().any(|a| a.improvement.is_none());
        let value = || adding.then(crate::model::Improvement::default);
        let mut commands: Vec<Command> = cards
            .iter()
            .filter(|c| c.improvement.is_none() == adding)
            .map(|c| Command::UpdateCard(crate::model::Card { improvement: value(), ..(*c).clone() }))
            .collect();
        commands.extend(
            arrows
                .iter()
                .filter(|a| a.improvement.is_none() == adding)
                .map(|a| Command::UpdateArrow(crate::model::Arrow { improvement: value(), ..(*a).clone() })),
        );
        let label = if adding { StepName::AddToPlan } else { StepName::RemoveFromPlan };
        if let Err(e) = self.doc.apply(Command::Batch(label, commands)) {
            self.toasts.error(e.to_string_in(self.prefs.language.as_language()));
        }
    }

    pub(super) fn delete_selection(&mut self) {
        let fi = self.prefs.language == super::UiLanguage::Finnish;
        let cards = self.editor.selection.cards();
        let mut commands = Vec::new();
        if let Some(cmd) = ops::delete_cards(&self.doc.map, &cards) {
            commands.push(cmd);
        }
        let mut question = None;
        for sel in &self.editor.selection.items {
            match sel {
                Sel::Arrow(id) if self.doc.map.arrow(id).is_some() => commands.push(Command::RemoveArrow(id.clone())),
                Sel::Stage(id) => {
                    let n = self.doc.map.cards.iter().filter(|c| &c.stage == id).count();
                    let name = self.doc.map.stage(id).map(|s| s.name.clone()).unwrap_or_default();
                    if n > 0 {
                        question = Some(if fi {
                            format!("Poistetaanko vaihe ”{name}” ja sen {n} korttia?")
                        } else {
                            format!("Delete stage “{name}” and its {n} cards?")
                        });
                    }
                    commands.push(ops::delete_stage(&self.doc.map, id));
                }
                Sel::Lane(id) => {
                    let n = self.doc.map.cards.iter().filter(|c| &c.lane == id).count();
                    let name = self.doc.map.lane(id).map(|l| l.title.clone()).unwrap_or_default();
                    if n > 0 {
                        question = Some(if fi {
                            format!("Poistetaanko kaista ”{name}” ja sen {n} korttia?")
                        } else {
                            format!("Delete lane “{name}” and its {n} cards?")
                        });
                    }
                    commands.push(ops::delete_lane(&self.doc.map, id));
                }
                _ => {}
            }
        }
        let command = match commands.len() {
            0 => return,
            1 => commands.remove(0),
            _ => Command::Batch(StepName::Delete, commands),
        };
        match question {
            Some(question) => {
                self.modal = Some(super::dialogs::Modal::ConfirmDelete(Box::new(PendingDelete { question, command })))
            }
            None => self.apply_delete(command),
        }
    }

    pub(super) fn apply_delete(&mut self, command: Command) {
        match self.doc.apply(command) {
            Ok(()) => self.editor.selection.clear(),
            Err(e) => self.toasts.error(e.to_string_in(self.prefs.language.as_language())),
        }
    }

    /// Puts the selected cards (and arrows between them) on the clipboard as RON.
    pub(super) fn copy(&mut self, ctx: &egui::Context) {
        let ids = self.editor.selection.cards();
        let cards = self.doc.map.cards.iter().filter(|c| ids.contains(&c.id)).cloned().collect();
        let arrows =
            self.doc.map.arrows.iter().filter(|a| ids.contains(&a.from) && ids.contains(&a.to)).cloned().collect();
        if let Some(text) = clipboard::to_text(cards, arrows) {
            ctx.copy_text(text);
        }
    }

    /// Pastes clipboard text: Polku cards keep everything; any other text becomes a card.
    pub(super) fn paste_text(&mut self, text: &str) {
        let Some((stage, lane)) = self.current_cell() else { return };
        if text.trim().is_empty() {
            return;
        }
        let (command, ids) = match clipboard::parse(text) {
            Some((cards, arrows)) => ops::paste_cards(&self.doc.map, &cards, &arrows, &stage, &lane),
            // Plain text: a card per line (a list, or cells copied from a spreadsheet).
            None => ops::add_cards(&self.doc.map, &stage, &lane, &clipboard::plain_rows(text)),
        };
        if ids.is_empty() {
            return;
        }
        match self.doc.apply(command) {
            Ok(()) => {
                if ids.len() > 1 {
                    let fi = self.prefs.language == super::UiLanguage::Finnish;
                    let n = ids.len();
                    self.toasts.info(if fi { format!("{n} korttia liitetty") } else { format!("{n} cards pasted") });
                }
                self.editor.selection.items = ids.into_iter().map(Sel::Card).collect();
            }
            Err(e) => self.toasts.error(e.to_string_in(self.prefs.language.as_language())),
        }
    }

    /// The cell keyboard actions work on: the selected card's, else the cursor's, else the
    /// first cell that holds cards.
    pub(super) fn current_cell(&self) -> Option<(StageId, LaneId)> {
        let map = &self.doc.map;
        if let Some(Sel::Card(id)) = self.editor.selection.items.last()
            && let Some(c) = map.card(id)
        {
            return Some((c.stage.clone(), c.lane.clone()));
        }
        if let Some((s, l)) = &self.editor.cursor_cell
            && map.stage(s).is_some()
            && map.lane(l).is_some_and(|l| l.kind.holds_cards())
        {
            return Some((s.clone(), l.clone()));
        }
        let stage = match self.editor.selection.items.last() {
            Some(Sel::Stage(id)) => id.clone(),
            _ => map.stages.first()?.id.clone(),
        };
        let lane = match self.editor.selection.items.last() {
            Some(Sel::Lane(id)) if map.lane(id).is_some_and(|l| l.kind.holds_cards()) => id.clone(),
            _ => map.lanes.iter().find(|l| l.kind.holds_cards())?.id.clone(),
        };
        Some((stage, lane))
    }

    /// Moves the cursor `step` cells in reading order (Tab, Shift+Tab).
    pub(super) fn step_cell(&mut self, step: isize) {
        let map = &self.doc.map;
        let cells: Vec<(StageId, LaneId)> = map
            .lanes
            .iter()
            .filter(|l| l.kind.holds_cards())
            .flat_map(|l| map.stages.iter().map(move |s| (s.id.clone(), l.id.clone())))
            .collect();
        if cells.is_empty() {
            return;
        }
        let here = self.current_cell().and_then(|c| cells.iter().position(|x| x == &c)).unwrap_or(0);
        let next = (here as isize + step).rem_euclid(cells.len() as isize) as usize;
        self.select_cell(cells[next].clone(), 0);
    }

    /// Selects the card at `index` in a cell (clamped), or just puts the cursor there.
    fn select_cell(&mut self, cell: (StageId, LaneId), index: usize) {
        let cards = self.doc.map.cards_in(&cell.0, &cell.1);
        match cards.get(index.min(cards.len().saturating_sub(1))) {
            Some(c) => self.editor.selection.set(Sel::Card(c.id.clone())),
            None => self.editor.selection.clear(),
        }
        self.editor.cursor_cell = Some(cell);
    }

    /// Arrow keys: up/down within a cell (then into the next lane), left/right across stages.
    pub(super) fn step_card(&mut self, dx: isize, dy: isize) {
        let Some((stage, lane)) = self.current_cell() else { return };
        let map = &self.doc.map;
        let cards = map.cards_in(&stage, &lane);
        let index = match self.editor.selection.items.last() {
            Some(Sel::Card(id)) => cards.iter().position(|c| &c.id == id).unwrap_or(0),
            _ => 0,
        };
        let stages: Vec<StageId> = map.stages.iter().map(|s| s.id.clone()).collect();
        let lanes: Vec<LaneId> = map.lanes.iter().filter(|l| l.kind.holds_cards()).map(|l| l.id.clone()).collect();
        let si = stages.iter().position(|s| s == &stage).unwrap_or(0) as isize;
        let one_card = self.editor.selection.cards().len() <= 1
            && matches!(self.editor.selection.items.last(), Some(Sel::Card(_)));
        // A stage whose crowded cells flow into several columns: its cards go in rows.
        let flow = map.stage(&stage).map_or(1, |s| crate::layout::stage_flow(map, s, &self.theme()).0);
        let li = lanes.iter().position(|l| l == &lane).unwrap_or(0) as isize;
        if dx != 0 {
            // In a crowded cell's rows of cards, Left and Right first move along the row.
            if flow > 1 && one_card {
                let target = index as isize + dx;
                // Within the card's own row of the cell.
                if target >= 0 && (target as usize) < cards.len() && target as usize / flow == index / flow {
                    let id = cards[target as usize].id.clone();
                    self.editor.selection.set(Sel::Card(id));
                    return;
                }
            }
            let s = (si + dx).clamp(0, stages.len() as isize - 1) as usize;
            self.select_cell((stages[s].clone(), lane), index);
            return;
        }
        // Up and down go a row of the cell at a time: one card, or a row of a crowded cell.
        let target = index as isize + dy * flow as isize;
        if target >= 0 && (target as usize) < cards.len() && !cards.is_empty() && one_card {
            let id = cards[target as usize].id.clone();
            self.editor.selection.set(Sel::Card(id));
            return;
        }
        let l = (li + dy).clamp(0, lanes.len() as isize - 1) as usize;
        if l as isize != li {
            let n = map.cards_in(&stage, &lanes[l]).len();
            self.select_cell((stage, lanes[l].clone()), if dy < 0 { n.saturating_sub(1) } else { 0 });
        }
    }
}
