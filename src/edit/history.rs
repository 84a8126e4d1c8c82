//! Undo and redo in steps, with transactions so one gesture is one step.

use super::StepName;
use super::command::{Command, EditError};
use crate::model::JourneyMap;

/// One undo step.
#[derive(Clone, Debug)]
struct Step {
    id: u64,
    label: StepName,
    /// Inverses in the order they must be applied to undo.
    undo: Vec<Command>,
    /// Commands in the order they were applied.
    redo: Vec<Command>,
    /// Edits with the same key (typing into one field) extend this step.
    merge_key: Option<String>,
}

/// The undo history of one document.
#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    open: Option<Step>,
    next_id: u64,
    /// The id of the top undo step when the map was last saved (0: the opened state).
    saved: u64,
}

impl History {
    /// Starts a transaction: everything applied until [`History::commit`] is one step.
    pub fn begin(&mut self, label: StepName) {
        if self.open.is_none() {
            self.next_id += 1;
            self.open = Some(Step { id: self.next_id, label, undo: Vec::new(), redo: Vec::new(), merge_key: None });
        }
    }

    /// Whether a transaction is open (a gesture is under way).
    pub fn in_transaction(&self) -> bool {
        self.open.is_some()
    }

    /// Applies `command`: inside a transaction it joins it, otherwise it is a step of its own.
    pub fn apply(&mut self, map: &mut JourneyMap, command: Command) -> Result<(), EditError> {
        let inverse = command.apply(map)?;
        let standalone = self.open.is_none();
        if standalone {
            self.begin(command.label());
        }
        if let Some(step) = &mut self.open {
            step.undo.insert(0, inverse);
            step.redo.push(command);
        }
        if standalone {
            self.commit();
        }
        Ok(())
    }

    /// Applies `command`, extending the previous step if it has the same `key` (so typing a
    /// sentence into one field is one undo step).
    pub fn apply_merging(&mut self, map: &mut JourneyMap, command: Command, key: String) -> Result<(), EditError> {
        let mergeable = self.open.is_none()
            && self.redo.is_empty()
            && self.undo.last().is_some_and(|s| s.merge_key.as_deref() == Some(&key));
        if !mergeable {
            self.apply(map, command)?;
            if let Some(top) = self.undo.last_mut() {
                top.merge_key = Some(key);
            }
            return Ok(());
        }
        let inverse = command.apply(map)?;
        if let Some(top) = self.undo.last_mut() {
            top.undo.insert(0, inverse);
            top.redo.push(command);
        }
        Ok(())
    }

    /// Ends the transaction as one undo step (nothing if it changed nothing).
    pub fn commit(&mut self) {
        if let Some(step) = self.open.take()
            && !step.redo.is_empty()
        {
            self.undo.push(step);
            self.redo.clear();
        }
    }

    /// Ends the transaction by undoing everything in it (Escape during a drag).
    pub fn abort(&mut self, map: &mut JourneyMap) {
        if let Some(step) = self.open.take() {
            for c in &step.undo {
                let _ = c.apply(map);
            }
        }
    }

    /// Undoes the last step; returns its label.
    pub fn undo(&mut self, map: &mut JourneyMap) -> Option<StepName> {
        self.abort(map);
        let step = self.undo.pop()?;
        for c in &step.undo {
            let _ = c.apply(map);
        }
        let label = step.label;
        self.redo.push(step);
        Some(label)
    }

    /// Redoes the last undone step; returns its label.
    pub fn redo(&mut self, map: &mut JourneyMap) -> Option<StepName> {
        self.abort(map);
        let mut step = self.redo.pop()?;
        step.merge_key = None;
        for c in &step.redo {
            let _ = c.apply(map);
        }
        let label = step.label;
        self.undo.push(step);
        Some(label)
    }

    /// The commands [`History::abort`] would apply, in order.
    pub fn abort_commands(&self) -> impl Iterator<Item = &Command> {
        self.open.iter().flat_map(|s| &s.undo)
    }

    /// The commands [`History::undo`] would apply, in order (an open transaction is aborted
    /// first).
    pub fn undo_commands(&self) -> impl Iterator<Item = &Command> {
        self.abort_commands().chain(self.undo.last().into_iter().flat_map(|s| &s.undo))
    }

    /// The commands [`History::redo`] would apply, in order.
    pub fn redo_commands(&self) -> impl Iterator<Item = &Command> {
        self.abort_commands().chain(self.redo.last().into_iter().flat_map(|s| &s.redo))
    }

    /// The label of the step Undo would undo.
    pub fn undo_label(&self) -> Option<StepName> {
        self.undo.last().map(|s| s.label)
    }

    /// The label of the step Redo would redo.
    pub fn redo_label(&self) -> Option<StepName> {
        self.redo.last().map(|s| s.label)
    }

    /// Marks the current state as saved.
    pub fn mark_saved(&mut self) {
        self.saved = self.undo.last().map_or(0, |s| s.id);
    }

    /// Whether the map differs from the saved state (undoing back to it clears this).
    pub fn is_dirty(&self) -> bool {
        self.open.as_ref().is_some_and(|s| !s.redo.is_empty()) || self.undo.last().map_or(0, |s| s.id) != self.saved
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn rename(m: &JourneyMap, title: &str) -> Command {
        let mut s = m.stages[0].clone();
        s.name = title.into();
        Command::UpdateStage(s)
    }

    #[test]
    fn a_transaction_is_one_undo_step_and_abort_restores_the_map() {
        let mut m = crate::presets::Preset::Funnel.new_map(Language::English);
        let original = m.clone();
        let mut h = History::default();
        h.begin(StepName::MoveCard);
        for t in ["a", "b", "c"] {
            let c = rename(&m, t);
            h.apply(&mut m, c).unwrap();
        }
        h.abort(&mut m);
        assert_eq!(m, original);
        assert!(!h.is_dirty());
        h.begin(StepName::Rename);
        for t in ["a", "b"] {
            let c = rename(&m, t);
            h.apply(&mut m, c).unwrap();
        }
        h.commit();
        assert_eq!(h.undo_label(), Some(StepName::Rename));
        h.undo(&mut m);
        assert_eq!(m, original);
        assert_eq!(h.redo(&mut m), Some(StepName::Rename));
        assert_eq!(m.stages[0].name, "b");
    }

    #[test]
    fn typing_into_one_field_merges_into_one_step() {
        let mut m = crate::presets::Preset::Funnel.new_map(Language::English);
        let original = m.clone();
        let mut h = History::default();
        for t in ["A", "Aw", "Awa"] {
            let c = rename(&m, t);
            h.apply_merging(&mut m, c, "stage/name/1".into()).unwrap();
        }
        let c = rename(&m, "Other");
        h.apply_merging(&mut m, c, "stage/name/2".into()).unwrap();
        h.undo(&mut m);
        assert_eq!(m.stages[0].name, "Awa");
        h.undo(&mut m);
        assert_eq!(m, original);
    }

    #[test]
    fn dirty_follows_the_saved_state_through_undo_and_redo() {
        let mut m = crate::presets::Preset::Funnel.new_map(Language::English);
        let mut h = History::default();
        assert!(!h.is_dirty());
        let c = rename(&m, "x");
        h.apply(&mut m, c).unwrap();
        assert!(h.is_dirty());
        h.mark_saved();
        assert!(!h.is_dirty());
        h.undo(&mut m);
        assert!(h.is_dirty());
        h.redo(&mut m);
        assert!(!h.is_dirty(), "back at the saved state");
        let c = rename(&m, "y");
        h.apply(&mut m, c).unwrap();
        h.undo(&mut m);
        assert!(!h.is_dirty());
    }
}
