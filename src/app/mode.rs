//! The window's modes. Editing is the base; presenting shows the map to a room (in this window,
//! or in a second one while this window becomes the presenter's view). Each mode owns its
//! session state and draws with the same `render::paint`; switching is one assignment. Comparing
//! and viewing a kept version are modes too.

use super::present::Presentation;

/// What the window is doing.
#[derive(Default)]
pub enum Mode {
    /// Menus, palette, inspector and the editing canvas.
    #[default]
    Editing,
    /// Showing the map to a room, step by step.
    Presenting(Box<Presentation>),
    /// The file the window was started on could not be opened: what went wrong, and the
    /// ways on. No map is shown until one is opened.
    FailedOpen(Box<super::failed_open::FailedOpen>),
    /// The map with what changed since another version marked on it; nothing edits the map.
    Comparing(Box<super::compare::Comparison>),
    /// A version kept in the map's file, shown read-only.
    Viewing(Box<super::version_view::VersionView>),
}

impl Mode {
    /// Whether the map is being presented.
    pub fn is_presenting(&self) -> bool {
        matches!(self, Mode::Presenting(_))
    }

    /// The presentation under way, if any.
    pub fn presentation(&self) -> Option<&Presentation> {
        match self {
            Mode::Presenting(p) => Some(p),
            Mode::Editing | Mode::FailedOpen(_) | Mode::Comparing(_) | Mode::Viewing(_) => None,
        }
    }
}
