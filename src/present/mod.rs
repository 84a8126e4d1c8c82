//! Presenting a map to a room: the steps (title, persona, each stage, the whole map), the
//! camera that glides between them, and the painting of one frame. Knows egui's painter but
//! not the window: the presentation mode in `app::present` and `polku export --slides` share
//! everything here.

pub mod frame;
pub mod shot;
pub mod slides;
pub mod steps;

pub use frame::Frame;
pub use shot::Shot;
pub use steps::{Step, StepKind, StepOptions, min_text_px, steps};
