//! Reading and writing map files: a versioned RON envelope, size and version checks,
//! migration of older versions, validation, and atomic saves with a backup.
//!
//! Nothing here knows of egui; errors are typed (`thiserror`) and say which file, where in
//! it, and what was expected.

mod error;
mod format;
pub mod image;
mod load;
mod locate;
mod names;
pub mod recovery;
mod ron_fi;
mod save;
mod v4;
mod versions;

pub use error::{LoadError, Located, NotText, SaveError, SyntaxProblem, io_reason_in};
pub use format::{CURRENT_VERSION, to_embedded_text, to_text};
pub use load::{MAX_FILE_SIZE, Opened, load, load_bytes, load_for_viewing, load_str};
pub use names::{file_stem, per_stage_path};
pub use save::{backup_path, save, write_atomic};
pub use v4::MIGRATED_PERSONA;
pub use versions::{canonical_versions, keep_version, open_version};
