//! The analyses the articles teach beside the map itself (seeds 001 and 004), as reports.

pub mod matrix;
pub mod matrix_xlsx;
pub mod swot;
