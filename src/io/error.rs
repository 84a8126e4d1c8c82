//! Typed errors of loading and saving, each rendered as one line a user can act on.

use crate::model::Problem;
use std::fmt;
use std::path::PathBuf;

/// A position in a file, 1-based, as editors count it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Located {
    pub line: usize,
    pub col: usize,
}

impl fmt::Display for Located {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// Why a map file could not be opened.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{}: cannot read the file: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },

    #[error("{}: the file is {size} bytes, larger than the {limit}-byte limit for a map (is it really a Polku map?)", path.display())]
    TooLarge { path: PathBuf, size: u64, limit: u64 },

    #[error("{}: the file is empty; a Polku map starts with `(format_version: 2, map: (…))`", path.display())]
    Empty { path: PathBuf },

    #[error("{}: this image carries no Polku map; only images exported by Polku (with the map kept inside) open as maps", path.display())]
    NoMapInImage { path: PathBuf },

    #[error("{}: the map inside this image is damaged ({why}); open the .ron map it was exported from", path.display())]
    DamagedImage { path: PathBuf, why: String },

    #[error("{}:{at}: not a text file: {what}", path.display())]
    NotText { path: PathBuf, at: Located, what: String },

    #[error("{}:{at}: {message}", path.display())]
    Syntax { path: PathBuf, at: Located, message: String },

    #[error("{}: written by a newer Polku (file format {found}; this version reads up to {supported}); it opens read-only so that saving cannot drop what this version does not know", path.display())]
    NewerVersion { path: PathBuf, found: u32, supported: u32 },

    #[error("{}: file format version {found} does not exist (versions start at 1)", path.display())]
    UnknownVersion { path: PathBuf, found: u32 },

    #[error("{}", invalid_summary(path, problems))]
    Invalid { path: PathBuf, problems: Vec<(Option<Located>, Problem)> },
}

fn invalid_summary(path: &std::path::Path, problems: &[(Option<Located>, Problem)]) -> String {
    let first = problems.first().map(|(at, p)| line_of(path, *at, p)).unwrap_or_default();
    match problems.len() {
        0 | 1 => first,
        n => format!("{first} (and {} more problems)", n - 1),
    }
}

fn line_of(path: &std::path::Path, at: Option<Located>, problem: &Problem) -> String {
    match at {
        Some(at) => format!("{}:{at}: {problem}", path.display()),
        None => format!("{}: {problem}", path.display()),
    }
}

impl LoadError {
    /// Where in the file the (first) problem is, when it is at a place.
    pub fn location(&self) -> Option<Located> {
        match self {
            LoadError::NotText { at, .. } | LoadError::Syntax { at, .. } => Some(*at),
            LoadError::Invalid { problems, .. } => problems.first().and_then(|(at, _)| *at),
            _ => None,
        }
    }

    /// The message without the file's path and position in front: for a page that shows them
    /// on their own.
    pub fn reason(&self) -> String {
        let text = self.to_string();
        let path = match self {
            LoadError::Io { path, .. }
            | LoadError::TooLarge { path, .. }
            | LoadError::Empty { path }
            | LoadError::NoMapInImage { path }
            | LoadError::DamagedImage { path, .. }
            | LoadError::NotText { path, .. }
            | LoadError::Syntax { path, .. }
            | LoadError::NewerVersion { path, .. }
            | LoadError::UnknownVersion { path, .. }
            | LoadError::Invalid { path, .. } => path.display().to_string(),
        };
        let rest = text.strip_prefix(&path).unwrap_or(&text);
        let rest = match self.location() {
            Some(at) => rest.strip_prefix(&format!(":{at}")).unwrap_or(rest),
            None => rest,
        };
        rest.trim_start_matches(':').trim().to_owned()
    }

    /// The error as lines of `path:line:col: message`, one per problem.
    pub fn lines(&self) -> Vec<String> {
        match self {
            LoadError::Invalid { path, problems } => problems.iter().map(|(at, p)| line_of(path, *at, p)).collect(),
            other => vec![other.to_string()],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_syntax_error_tells_its_place_and_its_reason_apart() {
        let e = LoadError::Syntax {
            path: PathBuf::from("/a/kartta.ron"),
            at: Located { line: 412, col: 24 },
            message: "this string never ends".into(),
        };
        assert_eq!(e.location(), Some(Located { line: 412, col: 24 }));
        assert_eq!(e.reason(), "this string never ends");
        let empty = LoadError::Empty { path: PathBuf::from("/a/x.ron") };
        assert_eq!(empty.location(), None);
        assert!(empty.reason().starts_with("the file is empty"), "{}", empty.reason());
    }
}

/// Why a map could not be saved. The file on disk is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    #[error("{}: cannot save: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },

    #[error("{}: not saved: the file on disk was written by a newer Polku (format {found}) and saving would drop what this version does not know", path.display())]
    NewerOnDisk { path: PathBuf, found: u32 },

    #[error("{}: not saved: this file is an image; save the map as a .ron file", path.display())]
    OverImage { path: PathBuf },

    #[error("cannot write the map as RON: {0}")]
    Serialize(String),
}
