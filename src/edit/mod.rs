//! Editing: every change to a map is a [`Command`] applied in one place, and [`History`]
//! groups them into undo steps (one gesture, one step).
//!
//! Nothing else mutates the document. Camera and selection are not edits and never enter the
//! history.

mod batch;
pub mod clipboard;
mod command;
mod history;
pub mod ops;
pub mod persona_ops;
mod step_name;

pub use batch::card_places;
pub use command::{Command, EditError, MapInfo};
pub use history::History;
pub use step_name::StepName;
