//! The RON reader's messages about a map's text, worded in Finnish for a window in Finnish.
//!
//! ron words its errors in English only. The mistakes a hand edit makes (a missing comma or
//! bracket, a misspelt field or value, text where a number goes) are worded here; anything
//! rarer keeps ron's English inside a Finnish lead.

use ron::Error as E;

/// `found`: the text where the reader stopped, when there is any.
pub fn message(code: &E, found: Option<&str>) -> Option<String> {
    let at = |what: &str| match found {
        Some(found) => format!("{what}, mutta tässä on `{found}`"),
        None => what.to_owned(),
    };
    let list = |names: &[&str]| names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ");
    let inside = |outer: &Option<String>| outer.as_ref().map(|o| format!(" (rakenteessa `{o}`)")).unwrap_or_default();
    Some(match code {
        E::ExpectedComma => at("pilkku puuttuu"),
        E::ExpectedMapColon => at("kaksoispiste puuttuu"),
        E::ExpectedArray => at("tähän kuuluu lista `[ … ]`"),
        E::ExpectedArrayEnd => at("lista ei pääty: `]` tai pilkku puuttuu"),
        E::ExpectedStructLike | E::ExpectedNamedStructLike(_) => at("tähän kuuluu rakenne `( … )`"),
        E::ExpectedStructLikeEnd => at("rakenne ei pääty: `)` tai pilkku puuttuu"),
        E::ExpectedMap => at("tähän kuuluu luettelo `{ … }`"),
        E::ExpectedMapEnd => at("luettelo ei pääty: `}` tai pilkku puuttuu"),
        E::ExpectedString => at("tähän kuuluu teksti lainausmerkeissä"),
        E::ExpectedInteger => at("tähän kuuluu kokonaisluku"),
        E::ExpectedFloat => at("tähän kuuluu luku"),
        E::ExpectedBoolean => at("tähän kuuluu `true` tai `false`"),
        E::ExpectedOption => at("tähän kuuluu `None` tai `Some(…)`"),
        E::ExpectedOptionEnd => at("`Some(…)` ei pääty: `)` puuttuu"),
        E::ExpectedIdentifier => at("tähän kuuluu kentän nimi"),
        E::ExpectedUnit => at("tähän kuuluu `()`"),
        E::IntegerOutOfBounds => at("luku on liian suuri tai liian pieni"),
        E::TrailingCharacters => at("kartan jälkeen on vielä tekstiä"),
        E::UnexpectedChar(c) => format!("odottamaton merkki `{c}`"),
        E::InvalidEscape(_) => at("tekstissä on tuntematon `\\`-merkintä (käytä `\\\"`, `\\\\` tai `\\n`)"),
        E::UnclosedBlockComment => "kommentti `/* … */` ei pääty".to_owned(),
        E::NoSuchStructField { expected, found, outer } => {
            format!("tuntematon kenttä `{found}`{}; sallitut kentät: {}", inside(outer), list(expected))
        }
        E::MissingStructField { field, outer } => format!("kenttä `{field}` puuttuu{}", inside(outer)),
        E::DuplicateStructField { field, outer } => format!("kenttä `{field}` on kahdesti{}", inside(outer)),
        E::NoSuchEnumVariant { expected, found, .. } => {
            format!("tuntematon arvo `{found}`; sallitut arvot: {}", list(expected))
        }
        E::InvalidValueForType { found, .. } => at(&format!("arvo {found} ei käy tähän")),
        E::Message(m) => model_message(m)?,
        _ => return None,
    })
}

/// The map's own checks while reading (dates, colours, emotions), worded in `model`.
fn model_message(m: &str) -> Option<String> {
    if let Some(value) = m.strip_suffix(" is not a date written as YYYY-MM-DD") {
        return Some(format!("{value} ei ole päivämäärä muodossa VVVV-KK-PP"));
    }
    if let Some(value) = m.strip_suffix(" is not a time of the form \"2026-12-02 14:05\"") {
        return Some(format!("{value} ei ole aika muodossa \"2026-12-02 14:05\""));
    }
    if let Some(value) = m.strip_suffix(" is not a colour written as \"#RRGGBB\"") {
        return Some(format!("{value} ei ole väri muodossa \"#RRGGBB\""));
    }
    let emotion = m.strip_prefix("emotion ")?.strip_suffix(" is outside the scale -2…2")?;
    Some(format!("tunne {emotion} on asteikon −2…2 ulkopuolella"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_field_names_the_fields_there_are_in_finnish() {
        let code =
            E::NoSuchStructField { expected: &["title", "body"], found: "titel".into(), outer: Some("Card".into()) };
        assert_eq!(
            message(&code, None).as_deref(),
            Some("tuntematon kenttä `titel` (rakenteessa `Card`); sallitut kentät: `title`, `body`")
        );
        assert_eq!(
            message(&E::ExpectedComma, Some("stage:")).as_deref(),
            Some("pilkku puuttuu, mutta tässä on `stage:`")
        );
    }

    #[test]
    fn the_maps_own_reading_checks_are_worded_in_finnish_and_others_are_left_to_ron() {
        let date = E::Message("\"2026-13-01\" is not a date written as YYYY-MM-DD".into());
        assert_eq!(message(&date, None).as_deref(), Some("\"2026-13-01\" ei ole päivämäärä muodossa VVVV-KK-PP"));
        let emotion = E::Message("emotion 7 is outside the scale -2…2".into());
        assert_eq!(message(&emotion, None).as_deref(), Some("tunne 7 on asteikon −2…2 ulkopuolella"));
        assert_eq!(message(&E::Message("something else".into()), None), None);
        assert_eq!(message(&E::ExpectedRawValue, None), None);
    }
}
