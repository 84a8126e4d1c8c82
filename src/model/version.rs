//! Versions of a map kept inside its own file (File → Save version…).
//!
//! A version is kept as the text it was written as, not as a parsed map: saving the file then
//! writes each version's bytes back as they are, so a map with twenty versions saves as fast as
//! one without (see ARCHITECTURE.md, "Kept versions"). The text is parsed when the file is read
//! (so a broken version is found at once, with its line and column) and again when a version is
//! opened, compared or restored.

use super::Date;
use ron::value::RawValue;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::sync::Arc;

/// A named, dated copy of the map, kept in the map's file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeptVersion {
    /// What the user called it ("Before the spring review").
    pub name: String,
    /// When it was kept, in the local time of the machine that kept it.
    pub saved: Stamp,
    /// The map as it was, without versions of its own.
    pub map: KeptMap,
}

/// The text of a kept map: RON of a `JourneyMap`, indented for its place in the file.
#[derive(Clone)]
pub struct KeptMap(Arc<RawValue>);

impl KeptMap {
    /// Wraps text already known to be RON (read from a file, or written by the serialiser).
    pub fn from_raw(raw: Box<RawValue>) -> KeptMap {
        KeptMap(Arc::from(raw))
    }

    /// The RON text of the map.
    pub fn text(&self) -> &str {
        self.0.get_ron()
    }
}

impl PartialEq for KeptMap {
    fn eq(&self, other: &KeptMap) -> bool {
        self.text() == other.text()
    }
}

impl fmt::Debug for KeptMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The whole map would drown any message it appears in.
        write!(f, "KeptMap({} bytes)", self.text().len())
    }
}

impl Serialize for KeptMap {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // Written as it is: no second serialisation of a map that has not changed.
        self.0.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for KeptMap {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<KeptMap, D::Error> {
        // ron hands a nested raw value over without the whitespace around it.
        Box::<RawValue>::deserialize(deserializer).map(KeptMap::from_raw)
    }
}

/// A local date and time to the minute, saved as `"2026-12-02 14:05"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Stamp {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
}

impl Stamp {
    /// Now, on the system clock in the system's time zone.
    pub fn now() -> Stamp {
        let (date, hour, minute) = Date::local(std::time::SystemTime::now());
        Stamp { date, hour, minute }
    }

    /// As readers of `language` write it: "2026-12-02 14:05" or "2.12.2026 klo 14.05".
    pub fn in_language(self, language: super::Language) -> String {
        match language {
            super::Language::English => self.to_string(),
            super::Language::Finnish => {
                format!("{} klo {}.{:02}", self.date.in_language(language), self.hour, self.minute)
            }
        }
    }

    /// Parses `YYYY-MM-DD HH:MM` exactly.
    pub fn parse(s: &str) -> Option<Stamp> {
        let (date, time) = s.split_once(' ')?;
        let (hour, minute) = time.split_once(':')?;
        let two = |t: &str| (t.len() == 2 && t.bytes().all(|c| c.is_ascii_digit())).then(|| t.parse::<u8>().ok())?;
        let (hour, minute) = (two(hour)?, two(minute)?);
        (hour < 24 && minute < 60).then_some(Stamp { date: Date::parse(date)?, hour, minute })
    }
}

impl fmt::Display for Stamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:02}:{:02}", self.date, self.hour, self.minute)
    }
}

impl TryFrom<String> for Stamp {
    type Error = String;
    fn try_from(s: String) -> Result<Stamp, String> {
        Stamp::parse(&s).ok_or_else(|| format!("`{s}` is not a time of the form \"2026-12-02 14:05\""))
    }
}

impl From<Stamp> for String {
    fn from(s: Stamp) -> String {
        s.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stamp_reads_back_what_it_writes_and_refuses_impossible_times() {
        let s = Stamp { date: Date { year: 2026, month: 12, day: 2 }, hour: 9, minute: 5 };
        assert_eq!(s.to_string(), "2026-12-02 09:05");
        assert_eq!(Stamp::parse("2026-12-02 09:05"), Some(s));
        assert_eq!(s.in_language(super::super::Language::Finnish), "2.12.2026 klo 9.05");
        for bad in ["2026-12-02", "2026-12-02 24:00", "2026-12-02 9:05", "2026-02-30 10:00", "2026-12-02T09:05"] {
            assert_eq!(Stamp::parse(bad), None, "{bad}");
        }
    }
}
