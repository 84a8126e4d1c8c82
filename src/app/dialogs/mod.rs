//! Dialogs. At most one is open at a time: each is a variant of [`Modal`], so two can never
//! fight for the keyboard, and the window's shortcuts know when to stay quiet.

mod confirm_delete;
pub mod export;
pub mod export_job;
mod external_change;
pub mod file_picker;
mod help;
mod recovery;
pub mod slides;
pub mod unsaved;
pub mod vote_setup;

use crate::app::PolkuApp;
use crate::app::edit_actions::PendingDelete;
use unsaved::Discarding;

/// The open dialog (session state).
#[derive(Debug)]
pub enum Modal {
    /// The PNG export options.
    Export,
    /// Every shortcut, from the actions table.
    Help,
    /// Save / Don't save / Cancel before `Discarding` throws changes away.
    Unsaved(Discarding),
    /// Save found the file changed on disk: Reload / Save as / Overwrite / Cancel.
    ExternalChange,
    /// A stage or lane with cards is about to be deleted.
    ConfirmDelete(Box<PendingDelete>),
    /// Work left by a crashed instance: Restore / Open the saved file / Discard.
    Recovery,
    /// Setting up a dot vote.
    StartVote(vote_setup::VoteDraft),
    /// Exporting the presentation's slides.
    Slides(slides::SlideDraft),
    /// Polku's own file dialog, where the system's cannot be shown.
    File(Box<file_picker::BuiltInPicker>),
    /// Naming a version to keep in the map's file.
    SaveVersion(crate::app::versions::VersionDraft),
    /// The versions kept in the map's file.
    Versions,
}

impl Modal {
    /// Whether the window's shortcuts must wait while this dialog is open. The export options
    /// and the help are windows beside the map, not questions.
    pub fn blocks_shortcuts(&self) -> bool {
        !matches!(self, Modal::Export | Modal::Help)
    }
}

/// What a dialog decided this frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// Still open.
    Open,
    /// Answered or dismissed.
    Closed,
}

impl PolkuApp {
    /// Opens `modal` unless a question is already waiting for an answer (that one stays).
    pub(crate) fn open_modal(&mut self, modal: Modal) {
        match &self.modal {
            Some(open) if open.blocks_shortcuts() && !matches!(modal, Modal::Unsaved(_)) => {}
            _ => self.modal = Some(modal),
        }
    }

    /// Draws the open dialog and applies its answer.
    pub(crate) fn modal_ui(&mut self, ctx: &egui::Context) {
        let Some(mut modal) = self.modal.take() else { return };
        let outcome = match &mut modal {
            Modal::Export => self.export_dialog_ui(ctx),
            Modal::Help => self.help_ui(ctx),
            Modal::Unsaved(what) => self.unsaved_dialog(ctx, what),
            Modal::ExternalChange => self.external_change_dialog(ctx),
            Modal::ConfirmDelete(pending) => self.confirm_delete_ui(ctx, pending),
            Modal::Recovery => self.recovery_dialog(ctx),
            Modal::StartVote(draft) => self.vote_setup_ui(ctx, draft),
            Modal::Slides(draft) => self.slides_dialog(ctx, draft),
            Modal::File(picker) => self.file_picker_ui(ctx, picker),
            Modal::SaveVersion(draft) => self.save_version_ui(ctx, draft),
            Modal::Versions => self.versions_ui(ctx),
        };
        // An answer may have opened the next dialog (Save → the file changed on disk).
        if outcome == Outcome::Open && self.modal.is_none() {
            self.modal = Some(modal);
        }
    }
}
