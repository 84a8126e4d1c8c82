//! The panels around the canvas: menu and status bars, palette, inspector, action plan.

pub mod channel_matrix;
pub mod date_field;
pub mod inspector;
pub mod menus;
pub mod palette;
pub mod persona_bar;
mod persona_fields;
pub mod plan_matrix;
pub mod plan_panel;
pub mod review;
pub mod swot;
pub mod votes;
