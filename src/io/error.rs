//! Typed errors of loading and saving, each rendered as one line a user can act on.

use super::format::CURRENT_VERSION;
use crate::model::{Language, Problem};
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

/// Why a map file could not be opened. Shown as `path:line:col: reason`, the reason in
/// English ([`fmt::Display`], for the command line) or in the window's language
/// ([`LoadError::reason_in`]).
#[derive(Debug)]
pub enum LoadError {
    Io { path: PathBuf, source: std::io::Error },
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    Empty { path: PathBuf },
    NoMapInImage { path: PathBuf },
    DamagedImage { path: PathBuf, why: String },
    NotText { path: PathBuf, at: Located, what: NotText },
    Syntax { path: PathBuf, at: Located, problem: SyntaxProblem },
    NewerVersion { path: PathBuf, found: u32, supported: u32 },
    UnknownVersion { path: PathBuf, found: u32 },
    Invalid { path: PathBuf, problems: Vec<(Option<Located>, Problem)> },
}

/// Why a file is not text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotText {
    NulByte,
    /// A byte that cannot be UTF-8 where it stands.
    NotUtf8(u8),
}

/// What is wrong in the text of a map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxProblem {
    EndsEarly,
    StringNeverEnds,
    /// Something else than a map: it should start with `(format_version: N, map: (`.
    NotAMap {
        version: u32,
    },
    TooDeep,
    NoVersion,
    /// More fields unknown to this version than a newer file plausibly adds.
    TooManyUnknownFields(usize),
    /// The RON reader's own message, with what was found instead: in English, and in
    /// Finnish where the kind of mistake is one Polku knows how to word.
    Other {
        en: String,
        fi: Option<String>,
    },
}

impl SyntaxProblem {
    fn reason_in(&self, language: Language) -> String {
        let fi = language == Language::Finnish;
        match self {
            SyntaxProblem::EndsEarly if fi => "tiedosto loppuu kesken; onko se katkennut?".into(),
            SyntaxProblem::EndsEarly => "the file ends too early; is it truncated?".into(),
            SyntaxProblem::StringNeverEnds if fi => "tämä teksti ei lopu: sulkeva `\"` puuttuu".into(),
            SyntaxProblem::StringNeverEnds => "this string never ends: a closing `\"` is missing".into(),
            SyntaxProblem::NotAMap { version } if fi => {
                format!("ei Polun kartta: sen pitäisi alkaa `(format_version: {version}, map: (`")
            }
            SyntaxProblem::NotAMap { version } => {
                format!("not a Polku map: it should start with `(format_version: {version}, map: (`")
            }
            SyntaxProblem::TooDeep if fi => "tiedosto on sisäkkäisempi kuin yksikään kartta (yli 128 tasoa)".into(),
            SyntaxProblem::TooDeep => "the file nests deeper than a map ever does (more than 128 levels)".into(),
            SyntaxProblem::NoVersion if fi => "ei Polun kartta: `format_version` puuttuu tiedoston alusta".into(),
            SyntaxProblem::NoVersion => "not a Polku map: `format_version` is missing at the top of the file".into(),
            SyntaxProblem::TooManyUnknownFields(n) if fi => {
                format!("kartassa on yli {n} kenttää, joita tämä Polun versio ei tunne; päivitä Polku avataksesi sen")
            }
            SyntaxProblem::TooManyUnknownFields(n) => {
                format!(
                    "this map uses more than {n} fields this version of Polku does not know; update Polku to open it"
                )
            }
            // The reader's words name RON's own terms (struct, tuple, identifier): kept as they
            // are after a Finnish lead.
            SyntaxProblem::Other { fi: Some(message), .. } if fi => message.clone(),
            SyntaxProblem::Other { en, .. } if fi => format!("rakennevirhe ({en})"),
            SyntaxProblem::Other { en, .. } => en.clone(),
        }
    }
}

/// An operating system error in a few words of `language`.
pub fn io_reason_in(e: &std::io::Error, language: Language) -> String {
    use std::io::ErrorKind as K;
    if language == Language::English {
        return e.to_string();
    }
    match e.kind() {
        K::NotFound => "tiedostoa tai kansiota ei ole".into(),
        K::PermissionDenied => "ei käyttöoikeutta".into(),
        K::AlreadyExists => "on jo olemassa".into(),
        K::IsADirectory => "tämä on kansio, ei tiedosto".into(),
        K::NotADirectory => "polun osa ei ole kansio".into(),
        K::StorageFull => "levy on täynnä".into(),
        K::ReadOnlyFilesystem => "levylle ei voi kirjoittaa".into(),
        K::InvalidFilename => "virheellinen tiedostonimi".into(),
        _ => format!("järjestelmän virhe ({e})"),
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_in(Language::English))
    }
}

impl std::error::Error for LoadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            LoadError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

fn line_of(path: &std::path::Path, at: Option<Located>, problem: &Problem, language: Language) -> String {
    let problem = problem.to_string_in(language);
    match at {
        Some(at) => format!("{}:{at}: {problem}", path.display()),
        None => format!("{}: {problem}", path.display()),
    }
}

impl LoadError {
    /// The file the error is about.
    pub fn path(&self) -> &std::path::Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::TooLarge { path, .. }
            | LoadError::Empty { path }
            | LoadError::NoMapInImage { path }
            | LoadError::DamagedImage { path, .. }
            | LoadError::NotText { path, .. }
            | LoadError::Syntax { path, .. }
            | LoadError::NewerVersion { path, .. }
            | LoadError::UnknownVersion { path, .. }
            | LoadError::Invalid { path, .. } => path,
        }
    }

    /// Where in the file the (first) problem is, when it is at a place.
    pub fn location(&self) -> Option<Located> {
        match self {
            LoadError::NotText { at, .. } | LoadError::Syntax { at, .. } => Some(*at),
            LoadError::Invalid { problems, .. } => problems.first().and_then(|(at, _)| *at),
            _ => None,
        }
    }

    /// What is wrong, in `language`, without the file's path and place.
    pub fn reason_in(&self, language: Language) -> String {
        let fi = language == Language::Finnish;
        match self {
            LoadError::Io { source, .. } if fi => format!("tiedostoa ei voi lukea: {}", io_reason_in(source, language)),
            LoadError::Io { source, .. } => format!("cannot read the file: {source}"),
            LoadError::TooLarge { size, limit, .. } if fi => {
                format!("tiedosto on {size} tavua, yli kartan {limit} tavun rajan (onko se varmasti Polun kartta?)")
            }
            LoadError::TooLarge { size, limit, .. } => {
                format!(
                    "the file is {size} bytes, larger than the {limit}-byte limit for a map (is it really a Polku map?)"
                )
            }
            LoadError::Empty { .. } if fi => {
                format!("tiedosto on tyhjä; Polun kartta alkaa `(format_version: {CURRENT_VERSION}, map: (…))`")
            }
            LoadError::Empty { .. } => {
                format!("the file is empty; a Polku map starts with `(format_version: {CURRENT_VERSION}, map: (…))`")
            }
            LoadError::NoMapInImage { .. } if fi => {
                "tässä kuvassa tai PDF:ssä ei ole Polun karttaa; kartoiksi aukeavat vain Polusta \
                viedyt tiedostot, joihin kartta on jätetty mukaan"
                    .into()
            }
            LoadError::NoMapInImage { .. } => {
                "this image or PDF carries no Polku map; only files exported by Polku (with the \
                map kept inside) open as maps"
                    .into()
            }
            LoadError::DamagedImage { why, .. } if fi => {
                format!(
                    "kuvan tai PDF:n sisällä oleva kartta on vioittunut ({why}); avaa .ron-kartta, josta se vietiin"
                )
            }
            LoadError::DamagedImage { why, .. } => {
                format!("the map inside this image or PDF is damaged ({why}); open the .ron map it was exported from")
            }
            LoadError::NotText { what: NotText::NulByte, .. } if fi => "ei tekstitiedosto: siinä on NUL-tavu".into(),
            LoadError::NotText { what: NotText::NulByte, .. } => "not a text file: it contains a NUL byte".into(),
            LoadError::NotText { what: NotText::NotUtf8(b), .. } if fi => {
                format!("ei tekstitiedosto: tavu 0x{b:02X} ei ole UTF-8:aa (kartta on UTF-8-muotoista RON-tekstiä)")
            }
            LoadError::NotText { what: NotText::NotUtf8(b), .. } => {
                format!("not a text file: byte 0x{b:02X} is not UTF-8 (a map is UTF-8 RON text)")
            }
            LoadError::Syntax { problem, .. } => problem.reason_in(language),
            LoadError::NewerVersion { found, supported, .. } if fi => format!(
                "tehty uudemmalla Polulla (tiedostomuoto {found}; tämä versio lukee muotoon {supported} asti); se \
                 avautuu vain luettavaksi, jotta tallennus ei pudota pois mitään, mitä tämä versio ei tunne"
            ),
            LoadError::NewerVersion { found, supported, .. } => format!(
                "written by a newer Polku (file format {found}; this version reads up to {supported}); it opens \
                 read-only so that saving cannot drop what this version does not know"
            ),
            LoadError::UnknownVersion { found, .. } if fi => {
                format!("tiedostomuotoa {found} ei ole olemassa (versiot alkavat ykkösestä)")
            }
            LoadError::UnknownVersion { found, .. } => {
                format!("file format version {found} does not exist (versions start at 1)")
            }
            LoadError::Invalid { problems, .. } => {
                let first = problems.first().map(|(_, p)| p.to_string_in(language)).unwrap_or_default();
                match (problems.len(), fi) {
                    (0 | 1, false) => first,
                    (n, false) => format!("{first} (and {} more problems)", n - 1),
                    (0 | 1, true) => format!("kartan tiedoissa on virhe: {first}"),
                    (n, true) => format!("kartan tiedoissa on {n} virhettä; ensimmäinen: {first}"),
                }
            }
        }
    }

    /// The whole message in `language`: `path:line:col: reason`.
    pub fn to_string_in(&self, language: Language) -> String {
        let place = self.location().map(|at| format!(":{at}")).unwrap_or_default();
        format!("{}{place}: {}", self.path().display(), self.reason_in(language))
    }

    /// The error as lines of `path:line:col: message`, one per problem.
    pub fn lines(&self) -> Vec<String> {
        self.lines_in(Language::English)
    }

    /// [`Self::lines`] in `language`.
    pub fn lines_in(&self, language: Language) -> Vec<String> {
        match self {
            LoadError::Invalid { path, problems } => {
                problems.iter().map(|(at, p)| line_of(path, *at, p, language)).collect()
            }
            other => vec![other.to_string_in(language)],
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
            problem: SyntaxProblem::StringNeverEnds,
        };
        assert_eq!(e.location(), Some(Located { line: 412, col: 24 }));
        assert_eq!(e.reason_in(Language::English), "this string never ends: a closing `\"` is missing");
        assert_eq!(e.to_string(), "/a/kartta.ron:412:24: this string never ends: a closing `\"` is missing");
        assert_eq!(
            e.to_string_in(Language::Finnish),
            "/a/kartta.ron:412:24: tämä teksti ei lopu: sulkeva `\"` puuttuu"
        );
        let empty = LoadError::Empty { path: PathBuf::from("/a/x.ron") };
        assert_eq!(empty.location(), None);
        assert!(empty.reason_in(Language::English).starts_with("the file is empty"));
        assert!(empty.reason_in(Language::Finnish).starts_with("tiedosto on tyhjä"));
    }
}

/// Why a map could not be saved. The file on disk is unchanged in every case.
#[derive(Debug)]
pub enum SaveError {
    Io { path: PathBuf, source: std::io::Error },
    NewerOnDisk { path: PathBuf, found: u32 },
    OverImage { path: PathBuf },
    Serialize(String),
}

impl SaveError {
    /// The message in `language`.
    pub fn to_string_in(&self, language: Language) -> String {
        let fi = language == Language::Finnish;
        match self {
            SaveError::Io { path, source } if fi => {
                format!("{}: ei voi tallentaa: {}", path.display(), io_reason_in(source, language))
            }
            SaveError::Io { path, source } => format!("{}: cannot save: {source}", path.display()),
            SaveError::NewerOnDisk { path, found } if fi => format!(
                "{}: ei tallennettu: levyllä oleva tiedosto on tehty uudemmalla Polulla (muoto {found}), ja \
                 tallennus pudottaisi pois sen, mitä tämä versio ei tunne",
                path.display()
            ),
            SaveError::NewerOnDisk { path, found } => format!(
                "{}: not saved: the file on disk was written by a newer Polku (format {found}) and saving would drop \
                 what this version does not know",
                path.display()
            ),
            SaveError::OverImage { path } if fi => {
                format!("{}: ei tallennettu: tämä tiedosto on kuva; tallenna kartta .ron-tiedostoksi", path.display())
            }
            SaveError::OverImage { path } => {
                format!("{}: not saved: this file is an image; save the map as a .ron file", path.display())
            }
            SaveError::Serialize(why) if fi => format!("karttaa ei voi kirjoittaa RON-muotoon: {why}"),
            SaveError::Serialize(why) => format!("cannot write the map as RON: {why}"),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_string_in(Language::English))
    }
}

impl std::error::Error for SaveError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            SaveError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}
