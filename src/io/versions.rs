//! Kept versions: making one from a map, reading one back, and checking every version of a
//! file when it is read, so that a broken version is reported at its line and column like any
//! other mistake in the file.

use super::error::{LoadError, Located, SaveError};
use super::load::{place_of, position_of, syntax_error};
use super::locate::locate_ids_at;
use crate::model::{ElementRef, JourneyMap, KeptMap, KeptVersion, Problem, Stamp};
use ron::value::RawValue;
use std::path::Path;

/// How deep a kept map sits in the file — envelope, map, versions, version — in indents, so its
/// text is written exactly as the serialiser would write it in that place.
const KEPT_MAP_DEPTH: usize = 4;

/// A copy of `map` (without its own versions) named `name`, kept at `saved`.
pub fn keep_version(map: &JourneyMap, name: &str, saved: Stamp) -> Result<KeptVersion, SaveError> {
    let serialize = |e: ron::Error| SaveError::Serialize(e.to_string());
    let text = if map.versions.is_empty() {
        ron::ser::to_string_pretty(map, super::format::pretty())
    } else {
        ron::ser::to_string_pretty(&JourneyMap { versions: Vec::new(), ..map.clone() }, super::format::pretty())
    }
    .map_err(serialize)?;
    // Strings are written escaped, so every line break is the serialiser's own and indenting
    // after each one cannot change a string.
    let indent = "    ".repeat(KEPT_MAP_DEPTH);
    let indented = text.replace('\n', &format!("\n{indent}"));
    let raw = RawValue::from_boxed_ron(indented.into_boxed_str()).map_err(|e| serialize(e.code))?;
    Ok(KeptVersion { name: name.trim().to_owned(), saved, map: KeptMap::from_raw(raw) })
}

/// The map kept in `version`; `path` (the file it is kept in) is for messages.
pub fn open_version(version: &KeptVersion, path: &Path) -> Result<JourneyMap, LoadError> {
    let text = version.map.text();
    let map = parse_kept(text, path)?;
    let problems = problems_of(&map, text, &version.name, Located { line: 1, col: 1 });
    if problems.is_empty() { Ok(map) } else { Err(LoadError::Invalid { path: path.to_owned(), problems }) }
}

/// Rewrites every version of `map` in canonical form (`polku fmt`): a hand-edited version is
/// otherwise kept as it was written.
pub fn canonical_versions(map: &mut JourneyMap, path: &Path) -> Result<(), String> {
    for i in 0..map.versions.len() {
        let version = &map.versions[i];
        let kept = open_version(version, path).map_err(|e| e.to_string())?;
        map.versions[i] = keep_version(&kept, &version.name, version.saved).map_err(|e| e.to_string())?;
    }
    Ok(())
}

/// Checks every version kept in `map`, read from `text`: each must be a valid map without
/// versions of its own. Places are lines and columns of `text`.
pub(super) fn check_versions(map: &JourneyMap, text: &str, path: &Path) -> Result<(), LoadError> {
    let mut from = 0;
    let mut problems = Vec::new();
    for version in &map.versions {
        let kept = version.map.text();
        // Versions are written in order, so each is searched for after the one before.
        let offset = text.get(from..).and_then(|rest| rest.find(kept)).map_or(0, |i| from + i);
        from = offset + kept.len();
        let base = position_of(text, offset);
        let kept_map = parse_kept(kept, path).map_err(|e| match e {
            LoadError::Syntax { path, at, problem } => LoadError::Syntax { path, at: shifted(at, base), problem },
            other => other,
        })?;
        problems.extend(problems_of(&kept_map, kept, &version.name, base));
    }
    if problems.is_empty() { Ok(()) } else { Err(LoadError::Invalid { path: path.to_owned(), problems }) }
}

fn parse_kept(text: &str, path: &Path) -> Result<JourneyMap, LoadError> {
    ron::Options::default().from_str::<JourneyMap>(text).map_err(|e| syntax_error(e, text, path.to_owned()))
}

/// What is wrong with a kept map, placed in the file by `base`, where its text starts.
fn problems_of(map: &JourneyMap, text: &str, name: &str, base: Located) -> Vec<(Option<Located>, Problem)> {
    let mut problems = map.validate();
    if !map.versions.is_empty() {
        problems.push(Problem {
            element: ElementRef::Map,
            message: "versions: a kept version cannot hold versions of its own".into(),
            message_fi: "versions: tallennetussa versiossa ei voi olla omia versioita".into(),
        });
    }
    let places = locate_ids_at(text, 1);
    problems
        .into_iter()
        .map(|mut p| {
            let at = place_of(&p, &places, text);
            p.message = format!("{} (in the kept version “{name}”)", p.message);
            p.message_fi = format!("{} (tallennetussa versiossa ”{name}”)", p.message_fi);
            (at.map(|at| shifted(at, base)), p)
        })
        .collect()
}

/// A place in a kept map's text as a place in the file, the text starting at `base`.
fn shifted(at: Located, base: Located) -> Located {
    if at.line == 1 {
        Located { line: base.line, col: base.col + at.col - 1 }
    } else {
        Located { line: base.line + at.line - 1, col: at.col }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    fn stamp() -> Stamp {
        Stamp { date: Date { year: 2026, month: 12, day: 2 }, hour: 14, minute: 5 }
    }

    #[test]
    fn a_kept_version_is_written_exactly_as_the_serialiser_would_write_the_map_in_its_place() {
        // What the file would hold if versions were plain maps: the indentation to match.
        #[derive(serde::Serialize)]
        struct Plain<'a> {
            name: &'a str,
            saved: Stamp,
            map: &'a JourneyMap,
        }
        #[derive(serde::Serialize)]
        struct PlainMap<'a> {
            versions: Vec<Plain<'a>>,
        }
        #[derive(serde::Serialize)]
        struct PlainFile<'a> {
            format_version: u32,
            map: PlainMap<'a>,
        }
        let mut map = crate::presets::Preset::ServiceVisit.new_map(crate::model::Language::Finnish);
        map.description = "Kaksi riviä:\nja \"lainaus\" \\ kenoviiva".into();
        let kept = keep_version(&map, "  Ennen katselmointia ", stamp()).unwrap();
        assert_eq!(kept.name, "Ennen katselmointia");
        let expected = ron::ser::to_string_pretty(
            &PlainFile {
                format_version: 6,
                map: PlainMap { versions: vec![Plain { name: &kept.name, saved: stamp(), map: &map }] },
            },
            super::super::format::pretty(),
        )
        .unwrap();
        #[derive(serde::Serialize)]
        struct KeptFile<'a> {
            format_version: u32,
            map: KeptOnly<'a>,
        }
        #[derive(serde::Serialize)]
        struct KeptOnly<'a> {
            versions: &'a [KeptVersion],
        }
        let kept_text = ron::ser::to_string_pretty(
            &KeptFile { format_version: 6, map: KeptOnly { versions: std::slice::from_ref(&kept) } },
            super::super::format::pretty(),
        )
        .unwrap();
        assert_eq!(kept_text, expected);
        assert_eq!(open_version(&kept, Path::new("m.ron")).unwrap(), map);
    }
}
