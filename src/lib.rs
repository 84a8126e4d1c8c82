//! Polku: a desktop editor for customer journey maps.
//!
//! `model` is the document, `io` reads and writes it; neither knows of egui. `app` is the
//! eframe GUI and `cli` the command line.

pub mod analysis;
pub mod app;
pub mod cli;
pub mod diff;
pub mod edit;
pub mod fonts;
pub mod io;
pub mod layout;
pub mod logging;
pub mod model;
pub mod plan;
pub mod present;
pub mod presets;
pub mod render;
pub mod samples;
pub mod theme;
