//! Loading: size check, text check, version check, migration, validation.

use super::error::{LoadError, Located, SyntaxProblem};
use super::format::{CURRENT_VERSION, Envelope, VersionProbe};
use super::locate::locate_ids;
use crate::model::JourneyMap;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest map file accepted: far above any real map (10,000 cards ≈ 5 MB) and small
/// enough that a wrong file (a video, a disk image) is refused before it is read whole.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// A map opened for the GUI, which may show newer files read-only.
#[derive(Debug)]
pub struct Opened {
    pub map: JourneyMap,
    /// Set when the map must not be saved over its file: why (a file from a newer Polku).
    pub read_only: Option<LoadError>,
    /// The map came out of an image exported by Polku: saving must make a new `.ron` file,
    /// never write text over the picture.
    pub from_image: bool,
}

/// Reads, migrates and validates the map at `path` (a map file, or an image exported by
/// Polku with its map inside), for editing.
pub fn load(path: &Path) -> Result<JourneyMap, LoadError> {
    let (text, _) = read_text(path)?;
    load_str(&text, path)
}

/// Like [`load`], but a file from a newer Polku is read as far as this version understands
/// it and marked read-only instead of refused.
pub fn load_for_viewing(path: &Path) -> Result<Opened, LoadError> {
    let (text, from_image) = read_text(path)?;
    match load_str(&text, path) {
        Ok(map) => Ok(Opened { map, read_only: None, from_image }),
        Err(err @ LoadError::NewerVersion { .. }) => {
            let map = parse_newer(&text, path)?;
            Ok(Opened { map, read_only: Some(err), from_image })
        }
        Err(e) => Err(e),
    }
}

/// Parses map text; `path` is only used in messages.
pub fn load_str(text: &str, path: &Path) -> Result<JourneyMap, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty { path: path.to_owned() });
    }
    if let Some(offset) = text.find('\0') {
        return Err(LoadError::NotText {
            path: path.to_owned(),
            at: position_of(text, offset),
            what: super::error::NotText::NulByte,
        });
    }
    let map = match version_at_top(text) {
        Some(version) => read_map(text, path, version).map_err(|e| match (e, parse::<VersionProbe>(text, path)) {
            // A file whose syntax fails: the message it has always had (the whole file read
            // for its version finds, say, nesting too deep before the map's types do).
            (LoadError::Syntax { .. }, Err(probe)) => probe,
            (e, _) => e,
        })?,
        None => read_map(text, path, parse::<VersionProbe>(text, path)?.format_version)?,
    };
    let problems = map.validate();
    if problems.is_empty() {
        Ok(map)
    } else {
        let places = locate_ids(text);
        let problems = problems.into_iter().map(|p| (place_of(&p, &places, text), p)).collect();
        Err(LoadError::Invalid { path: path.to_owned(), problems })
    }
}

/// The map in `text`, a file of format `version`, before validation.
fn read_map(text: &str, path: &Path, version: u32) -> Result<JourneyMap, LoadError> {
    Ok(match version {
        0 => return Err(LoadError::UnknownVersion { path: path.to_owned(), found: 0 }),
        // Formats 2 to 4 only added optional fields and channels: they read alike, and become
        // a map of one persona.
        1..=4 => parse::<super::v4::EnvelopeV4>(text, path)?.migrate(),
        5 => {
            let map = parse::<Envelope>(text, path)?.map;
            if !map.versions.is_empty() {
                // Format 5 did not have kept versions: the field is as unknown as a typo.
                return Err(unknown_in_older(text, path, "versions", 5));
            }
            map
        }
        6 => {
            let map = parse::<Envelope>(text, path)?.map;
            super::versions::check_versions(&map, text, path)?;
            map
        }
        // Migrations of older formats go here, one arm per version, each with a fixture.
        found => return Err(LoadError::NewerVersion { path: path.to_owned(), found, supported: CURRENT_VERSION }),
    })
}

/// Where in `text` a validation problem is: at its element's id, found in `places`.
pub(super) fn place_of(p: &crate::model::Problem, places: &super::locate::IdPlaces, text: &str) -> Option<Located> {
    match p.element.id() {
        Some(id) => places.find(&p.element, id, &p.message),
        // A problem of the map itself names its field first: point at that field.
        None => p
            .message
            .split_whitespace()
            .next()
            .and_then(|field| text.find(&format!("{field}:")))
            .map(|offset| position_of(text, offset)),
    }
}

/// A field that came with a later format, found in a file of format `version`.
fn unknown_in_older(text: &str, path: &Path, field: &str, version: u32) -> LoadError {
    let at = text.rfind(&format!("{field}:")).map_or(Located { line: 1, col: 1 }, |offset| position_of(text, offset));
    let next = version + 1;
    LoadError::Syntax {
        path: path.to_owned(),
        at,
        problem: SyntaxProblem::Other {
            en: format!(
                "unknown field `{field}` in a format-{version} file: it came with format {next}; write `format_version: {next}` at the top"
            ),
            fi: Some(format!(
                "tuntematon kenttä `{field}` muodon {version} tiedostossa: se tuli muodossa {next}; kirjoita alkuun `format_version: {next}`"
            )),
        },
    }
}

/// Most fields a newer file may have that this version does not know, for viewing it.
const MAX_UNKNOWN_FIELDS: usize = 200;

/// Reads a file from a newer Polku as far as this version understands it: fields it does not
/// know are left out (the file is shown read-only, so nothing is lost on disk).
fn parse_newer(text: &str, path: &Path) -> Result<JourneyMap, LoadError> {
    let mut text = text.to_owned();
    for _ in 0..MAX_UNKNOWN_FIELDS {
        match ron::Options::default().from_str::<Envelope>(&text) {
            Ok(envelope) => return Ok(envelope.map),
            Err(e) if matches!(e.code, ron::Error::NoSuchStructField { .. }) => {
                let start = offset_of(&text, e.span.start.line, e.span.start.col);
                match start.and_then(|s| super::locate::field_end(&text, s).map(|end| (s, end))) {
                    Some((s, end)) => text.replace_range(s..end, ""),
                    None => return Err(syntax_error(e, &text, path.to_owned())),
                }
            }
            Err(e) => return Err(syntax_error(e, &text, path.to_owned())),
        }
    }
    Err(LoadError::Syntax {
        path: path.to_owned(),
        at: Located { line: 1, col: 1 },
        problem: SyntaxProblem::TooManyUnknownFields(MAX_UNKNOWN_FIELDS),
    })
}

/// The byte offset of a 1-based line and column (in characters).
fn offset_of(text: &str, line: usize, col: usize) -> Option<usize> {
    let line_start = if line <= 1 { 0 } else { text.match_indices('\n').nth(line - 2).map(|(i, _)| i + 1)? };
    let rest = text.get(line_start..)?;
    rest.char_indices().nth(col.saturating_sub(1)).map(|(i, _)| line_start + i).or(Some(text.len()))
}

/// Parses the bytes of a map file (as `load` does after reading it); `path` is for messages.
pub fn load_bytes(bytes: Vec<u8>, path: &Path) -> Result<JourneyMap, LoadError> {
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit: MAX_FILE_SIZE });
    }
    let text = if super::image::is_png(&bytes) {
        super::image::map_in_png(&bytes, path)?
    } else if super::image::is_pdf(&bytes) {
        super::image::map_in_pdf(bytes, path)?
    } else {
        utf8(bytes, path)?
    };
    let text = if super::image::is_svg(&text) { super::image::map_in_svg(&text, path)? } else { text };
    load_str(&text, path)
}

/// The map text at `path`, and whether it came out of an image.
fn read_text(path: &Path) -> Result<(String, bool), LoadError> {
    let io_err = |source| LoadError::Io { path: path.to_owned(), source };
    let file = std::fs::File::open(path).map_err(io_err)?;
    let size = file.metadata().map_err(io_err)?.len();
    if size > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge { path: path.to_owned(), size, limit: MAX_FILE_SIZE });
    }
    // Read at most one byte past the limit: metadata lies for pipes and special files.
    let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
    file.take(MAX_FILE_SIZE + 1).read_to_end(&mut bytes).map_err(io_err)?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge { path: path.to_owned(), size: bytes.len() as u64, limit: MAX_FILE_SIZE });
    }
    if super::image::is_png(&bytes) {
        return Ok((super::image::map_in_png(&bytes, path)?, true));
    }
    if super::image::is_pdf(&bytes) {
        return Ok((super::image::map_in_pdf(bytes, path)?, true));
    }
    let text = utf8(bytes, path)?;
    if super::image::is_svg(&text) {
        return Ok((super::image::map_in_svg(&text, path)?, true));
    }
    Ok((text, false))
}

fn utf8(bytes: Vec<u8>, path: &Path) -> Result<String, LoadError> {
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        // The valid prefix is text, so its lines and columns are meaningful.
        let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
        LoadError::NotText {
            path: path.to_owned(),
            at: position_of(prefix, valid),
            what: super::error::NotText::NotUtf8(bytes[valid]),
        }
    })
}

/// 1-based line and column (in characters) of a byte offset.
pub(super) fn position_of(text: &str, offset: usize) -> Located {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Located { line, col }
}

/// The format version when the file starts as Polku writes it, `(` then `format_version: N`
/// (comments and blank lines allowed); else `None`, and the version is read by parsing. Reading
/// the whole file only to learn its version took as long as reading the map itself (40 % of
/// opening a 10,000-card map); what follows the version is checked by the parse of the map.
fn version_at_top(text: &str) -> Option<u32> {
    let mut rest = text;
    let skip = |rest: &mut &str| loop {
        *rest = rest.trim_start();
        match rest.strip_prefix("//") {
            Some(comment) => *rest = comment.split_once('\n').map_or("", |(_, after)| after),
            None => return,
        }
    };
    skip(&mut rest);
    rest = rest.strip_prefix('(')?;
    skip(&mut rest);
    rest = rest.strip_prefix("format_version")?;
    skip(&mut rest);
    rest = rest.strip_prefix(':')?;
    skip(&mut rest);
    let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
    let version = rest[..digits].parse().ok()?;
    rest = &rest[digits..];
    skip(&mut rest);
    (rest.starts_with(',') || rest.starts_with(')')).then_some(version)
}

fn parse<T: serde::de::DeserializeOwned>(text: &str, path: &Path) -> Result<T, LoadError> {
    ron::Options::default().from_str::<T>(text).map_err(|e| syntax_error(e, text, path.to_owned()))
}

pub(super) fn syntax_error(e: ron::error::SpannedError, text: &str, path: PathBuf) -> LoadError {
    use ron::Error as E;
    let at = Located { line: e.span.start.line, col: e.span.start.col };
    let text_of = |line: usize| text.lines().nth(line.saturating_sub(1)).unwrap_or("");
    // Whatever ron expected, a file that stops where the error is was cut short.
    let at_end = [e.span.start, e.span.end]
        .iter()
        .any(|p| offset_of(text, p.line, p.col).is_none_or(|offset| offset >= text.trim_end().len()));
    let problem = match &e.code {
        E::Eof => SyntaxProblem::EndsEarly,
        _ if at_end => SyntaxProblem::EndsEarly,
        E::ExpectedStringEnd => SyntaxProblem::StringNeverEnds,
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) if at.line == 1 && at.col == 1 => {
            SyntaxProblem::NotAMap { version: CURRENT_VERSION }
        }
        E::ExceededRecursionLimit => SyntaxProblem::TooDeep,
        E::MissingStructField { field: "format_version", .. } => SyntaxProblem::NoVersion,
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            // ron capitalises its messages; ours continue after "file:line:col: ".
            let message: String = match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => text,
            };
            // Name what was found instead, so "expected integer" becomes actionable.
            let found = token_at(text_of(e.span.start.line), e.span.start.col);
            let fi = super::ron_fi::message(other, found.as_deref());
            SyntaxProblem::Other {
                en: match found {
                    Some(found) if message.starts_with("expected") => format!("{message}, found `{found}`"),
                    _ => message,
                },
                fi,
            }
        }
    };
    LoadError::Syntax { path, at, problem }
}

/// The token starting at (or after whitespace from) 1-based column `col` of `line`.
fn token_at(line: &str, col: usize) -> Option<String> {
    let rest: String = line.chars().skip(col.saturating_sub(1)).collect();
    let token: String = rest
        .trim_start()
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, ',' | ')' | ']' | '('))
        .take(30)
        .collect();
    (!token.is_empty()).then_some(token)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_at_the_top_of_a_file_is_read_without_parsing_the_rest_and_agrees_with_the_parse() {
        let path = Path::new("x.ron");
        let probe = |text: &str| parse::<VersionProbe>(text, path).ok().map(|p| p.format_version);
        let written = crate::io::to_text(&crate::samples::generated(20)).unwrap_or_default();
        for (text, quick) in [
            (written.as_str(), Some(CURRENT_VERSION)),
            ("(format_version: 3, map: ())", Some(3)),
            ("// a note\n\n(\n  // why\n  format_version : 12 ,\n  map: ())", Some(12)),
            ("(format_version: 7)", Some(7)),
        ] {
            assert_eq!(version_at_top(text), quick, "{text:.60}");
            assert_eq!(probe(text), quick, "{text:.60}");
        }
        // Any other shape is left to the parse (which also says what is wrong).
        for text in [
            "(map: (), format_version: 6)",
            "/* a */ (format_version: 6, map: ())",
            "#![enable(implicit_some)]\n(format_version: 6, map: ())",
            "(format_version: 6x, map: ())",
            "(format_version: 99999999999, map: ())",
            "(format_version: -1, map: ())",
            "(format_version 6, map: ())",
            "(format_version: \"6\", map: ())",
            "format_version: 6",
            "",
        ] {
            assert_eq!(version_at_top(text), None, "{text}");
        }
    }

    #[test]
    fn positions_count_lines_and_characters_from_one() {
        assert_eq!(position_of("ab\ncä", 5), Located { line: 2, col: 3 });
        assert_eq!(position_of("", 0), Located { line: 1, col: 1 });
    }

    #[test]
    fn a_file_cut_off_anywhere_says_it_ends_too_early() {
        let map = crate::presets::Preset::ServiceVisit.new_map(crate::model::Language::Finnish);
        let text = crate::io::to_text(&map).unwrap_or_default();
        // Cut after a field name, after a comma, inside a list. (Cut inside a string, the
        // message names the string that never ends, which is where a hand edit goes wrong too.)
        for cut in ["position", "stage: \"booking\",", "tags: ["] {
            let end = text.find(cut).map(|i| i + cut.len()).unwrap_or(text.len());
            let err = load_str(&text[..end], Path::new("katkennut.ron")).map(|_| ()).unwrap_err();
            assert!(
                matches!(err, LoadError::Syntax { problem: SyntaxProblem::EndsEarly, .. }),
                "cut after {cut:?}: {err}"
            );
        }
    }
}
