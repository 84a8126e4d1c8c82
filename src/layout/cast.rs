//! Which personas a layout shows, and how each is told apart: by its place in the map's list
//! (a colour from a colour-blind-safe set and a marker shape), so a persona keeps its look in
//! every view and export.

use crate::model::{Card, Emotion, JourneyMap, PersonaId};

/// The personas of a map as a layout draws them.
#[derive(Clone, Debug, PartialEq)]
pub struct Cast {
    /// Every persona of the map, in order.
    order: Vec<PersonaId>,
    /// Their initials, for the chips on cards.
    initials: Vec<char>,
    /// The persona whose journey is shown alone (chosen in the persona bar), if any.
    pub focus: Option<PersonaId>,
}

/// The marker shapes of personas' curves and legends, by place (then repeating).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Circle,
    Square,
    Triangle,
    Diamond,
    TriangleDown,
    Hexagon,
}

impl Mark {
    const ALL: [Mark; 6] =
        [Mark::Circle, Mark::Square, Mark::Triangle, Mark::Diamond, Mark::TriangleDown, Mark::Hexagon];

    /// The shape of the persona at `place`.
    pub fn of(place: usize) -> Mark {
        Self::ALL[place % Self::ALL.len()]
    }
}

impl Cast {
    /// The cast of `map`, showing `focus`'s journey alone when it is one of the map's personas.
    pub fn of(map: &JourneyMap, focus: Option<&PersonaId>) -> Cast {
        Cast {
            order: map.personas.iter().map(|p| p.id.clone()).collect(),
            initials: map.personas.iter().enumerate().map(|(i, p)| p.initial(i)).collect(),
            focus: focus.filter(|p| map.persona(p).is_some()).cloned(),
        }
    }

    /// The persona's place in the map (its colour and marker); 0 for an unknown id.
    pub fn place(&self, id: &PersonaId) -> usize {
        self.order.iter().position(|p| p == id).unwrap_or(0)
    }

    /// Whether ratings, curves and cards carry persona marks: several personas drawn together.
    pub fn marks(&self) -> bool {
        self.focus.is_none() && self.order.len() > 1
    }

    /// The initial of the persona at `place`.
    pub fn initial(&self, place: usize) -> char {
        self.initials.get(place).copied().unwrap_or('?')
    }

    /// Whether the map has several personas (each persona card then carries its colour).
    pub fn several(&self) -> bool {
        self.order.len() > 1
    }

    /// The personas whose ratings are shown, in the map's order.
    pub fn shown(&self) -> impl Iterator<Item = &PersonaId> {
        self.order.iter().filter(|p| self.focus.as_ref().is_none_or(|f| f == *p))
    }

    /// The ratings of `card` to draw on it: the persona in view's, or each persona's (with
    /// its place) when several are drawn together.
    pub fn faces(&self, card: &Card) -> Vec<(Emotion, Option<usize>)> {
        self.shown().filter_map(|p| card.emotion_of(p).map(|e| (e, self.marks().then(|| self.place(p))))).collect()
    }

    /// The places of the personas whose own card this is, when several are drawn together
    /// (a card on everyone's journey has none).
    pub fn chips(&self, card: &Card) -> Vec<usize> {
        if !self.marks() {
            return Vec::new();
        }
        let mut places: Vec<usize> = card.personas.iter().map(|p| self.place(p)).collect();
        places.sort_unstable();
        places.dedup();
        places
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Persona;

    fn map() -> JourneyMap {
        JourneyMap {
            personas: vec![Persona::new("maija", "Maija"), Persona::new("pekka", "Pekka")],
            ..JourneyMap::default()
        }
    }

    #[test]
    fn a_card_shows_each_personas_rating_with_its_place_only_when_several_are_in_view() {
        let (maija, pekka) = (PersonaId::new("maija"), PersonaId::new("pekka"));
        let card = Card::new("c", "s", "l", "C").rated(&pekka, Emotion::new(2)).rated(&maija, Emotion::new(-1));
        let all = Cast::of(&map(), None);
        assert_eq!(all.faces(&card), vec![(Emotion::new(-1).unwrap(), Some(0)), (Emotion::new(2).unwrap(), Some(1))]);
        let pekka_only = Cast::of(&map(), Some(&pekka));
        assert_eq!(pekka_only.faces(&card), vec![(Emotion::new(2).unwrap(), None)]);
        assert!(!pekka_only.marks());
    }

    #[test]
    fn only_own_cards_get_chips_and_an_unknown_focus_shows_everyone() {
        let mut card = Card::new("c", "s", "l", "C");
        let all = Cast::of(&map(), Some(&PersonaId::new("nobody")));
        assert!(all.focus.is_none());
        assert!(all.chips(&card).is_empty());
        card.personas = vec![PersonaId::new("pekka")];
        assert_eq!(all.chips(&card), vec![1]);
        assert_eq!(Mark::of(7), Mark::Square);
    }
}
