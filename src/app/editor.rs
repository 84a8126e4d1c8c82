//! The editing mode's session state: camera, selection, the gesture under way, the keyboard
//! cursor, the title being edited in place, the action plan panel's view. Never saved and
//! never in the undo history; kept while presenting so that Esc returns to the editor exactly
//! as it was.

use super::canvas::inline_edit::InlineEdit;
use super::{Camera, Gesture, PlanView, Selection};
use crate::model::{LaneId, StageId};

/// Everything the editor remembers between frames.
pub struct Editor {
    pub camera: Camera,
    pub selection: Selection,
    pub gesture: Gesture,
    /// Put the keyboard into the selection's title field on the next frame.
    pub(crate) focus_title: bool,
    /// Counts focus changes, so typing in a newly focused field starts a new undo step.
    pub(crate) typing_epoch: u64,
    /// The cell keyboard actions work on when no card is selected.
    pub cursor_cell: Option<(StageId, LaneId)>,
    /// A title being edited in place on the canvas.
    pub(crate) inline: Option<InlineEdit>,
    /// The cell slot the dragged card is previewed in (session state of a drag).
    pub(crate) drag_slot: Option<(StageId, LaneId, usize)>,
    /// Filters, sort and tab of the action plan panel.
    pub plan_view: PlanView,
    /// Where the canvas was last drawn, for actions that move the camera.
    pub(crate) last_canvas: egui::Rect,
    /// The map has the keyboard: the last click was on it (or Tab or Escape brought the
    /// keyboard back to it), so its one-letter keys act.
    pub canvas_focus: bool,
    /// The persona bar's choice: whose journey the canvas shows, and whom keys 1–5, the
    /// smiley picker and the inspector rate for; `None`: every persona's.
    pub persona: Option<crate::model::PersonaId>,
}

impl Default for Editor {
    fn default() -> Self {
        Editor {
            camera: Camera::default(),
            selection: Selection::default(),
            gesture: Gesture::None,
            focus_title: false,
            typing_epoch: 0,
            cursor_cell: None,
            inline: None,
            drag_slot: None,
            plan_view: PlanView::default(),
            last_canvas: egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1280.0, 720.0)),
            persona: None,
            canvas_focus: true,
        }
    }
}

impl Editor {
    /// Forgets the view of the previous map: another map takes the window.
    pub fn reset(&mut self) {
        self.camera = Camera::default();
        self.selection.clear();
        self.gesture = Gesture::None;
        self.cursor_cell = None;
        self.inline = None;
        self.drag_slot = None;
        self.persona = None;
    }
}
