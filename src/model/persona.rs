//! The personas whose journeys the map follows.

use super::PersonaId;
use serde::{Deserialize, Serialize};

/// The persona card: who the customer is and what drives them.
///
/// A map holds one or more; each card is on every persona's journey unless it names the
/// personas it belongs to. The list fields are bullet points, shown one per line.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Persona {
    pub id: PersonaId,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub quote: String,
    #[serde(default)]
    pub background: String,
    #[serde(default)]
    pub goals: Vec<String>,
    #[serde(default)]
    pub motivations: Vec<String>,
    #[serde(default)]
    pub challenges: Vec<String>,
    #[serde(default)]
    pub preferences: Vec<String>,
    /// Path of a photo, relative to the map file. Reserved: not drawn yet.
    #[serde(default)]
    pub photo: Option<String>,
}

impl Persona {
    /// A persona with an id and a name and nothing else set.
    pub fn new(id: impl Into<PersonaId>, name: impl Into<String>) -> Persona {
        Persona { id: id.into(), name: name.into(), ..Persona::default() }
    }

    /// Whether nothing but the id is filled in (such a persona's card is not drawn).
    pub fn is_blank(&self) -> bool {
        self.name.is_empty()
            && self.role.is_empty()
            && self.quote.is_empty()
            && self.background.is_empty()
            && [&self.goals, &self.motivations, &self.challenges, &self.preferences].iter().all(|l| l.is_empty())
    }

    /// The name to show: the persona's name, or "Persona N" (1-based `index`) while it has none.
    pub fn display_name(&self, index: usize, finnish: bool) -> String {
        let name = self.name.trim();
        if !name.is_empty() {
            name.to_owned()
        } else if finnish {
            format!("Persoona {}", index + 1)
        } else {
            format!("Persona {}", index + 1)
        }
    }

    /// The name without the surname, for labels that must stay short: "Johanna" for "Johanna
    /// Laine", "Pertti ja Marja" for "Pertti ja Marja Honkanen".
    pub fn short_name(&self, index: usize, finnish: bool) -> String {
        let name = self.display_name(index, finnish);
        let words: Vec<&str> = name.split_whitespace().collect();
        if self.name.trim().is_empty() || words.len() < 2 { name } else { words[..words.len() - 1].join(" ") }
    }

    /// The persona's initial, for the small chips on cards.
    pub fn initial(&self, index: usize) -> char {
        self.name.trim().chars().find(|c| c.is_alphanumeric()).map_or_else(
            || char::from_digit(((index + 1) % 10) as u32, 10).unwrap_or('?'),
            |c| c.to_uppercase().next().unwrap_or(c),
        )
    }
}

/// Which personas a card is on the journey of: every one (the card names none), or those listed.
pub fn on_journey(card_personas: &[PersonaId], persona: &PersonaId) -> bool {
    card_personas.is_empty() || card_personas.contains(persona)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_persona_without_a_name_is_called_by_its_place() {
        let p = Persona::new("p3", "");
        assert_eq!(p.display_name(2, false), "Persona 3");
        assert_eq!(p.display_name(2, true), "Persoona 3");
        assert_eq!(p.initial(2), '3');
        assert_eq!(Persona::new("p1", " äiti").initial(0), 'Ä');
        assert_eq!(Persona::new("p", "Pertti ja Marja Honkanen").short_name(0, true), "Pertti ja Marja");
        assert_eq!(Persona::new("p", "Mikko").short_name(0, false), "Mikko");
        assert_eq!(p.short_name(2, false), "Persona 3");
    }

    #[test]
    fn a_card_naming_no_persona_is_on_every_journey() {
        let maija = PersonaId::new("maija");
        assert!(on_journey(&[], &maija));
        assert!(on_journey(std::slice::from_ref(&maija), &maija));
        assert!(!on_journey(&[PersonaId::new("pekka")], &maija));
    }
}
