//! Edits of personas and of ratings by persona: add, duplicate, delete (with the cards that
//! were that persona's alone), rate a card or set its target for one persona, and say whose
//! journey a card is on. Each returns one [`Command`], one undo step.

use super::{Command, StepName};
use crate::model::{Card, CardId, Emotion, JourneyMap, Persona, PersonaId, fresh_id};
use std::collections::BTreeSet;

fn fresh_persona_id(map: &JourneyMap) -> PersonaId {
    PersonaId::new(fresh_id("p", map.personas.iter().map(|p| p.id.as_str())))
}

/// A new persona at the end of the list, named by its place ("Persona 3") until renamed.
pub fn add_persona(map: &JourneyMap, finnish: bool) -> (Command, PersonaId) {
    let id = fresh_persona_id(map);
    let name = Persona::new("", "").display_name(map.personas.len(), finnish);
    let persona = Persona::new(id.clone(), name);
    (Command::InsertPersona { index: map.personas.len(), persona }, id)
}

/// A copy of persona `id` right after it, on the same journey with the same ratings and
/// targets: a starting point for a persona who differs in a few places.
pub fn duplicate_persona(map: &JourneyMap, id: &PersonaId, finnish: bool) -> Option<(Command, PersonaId)> {
    let index = map.persona_index(id)?;
    let original = &map.personas[index];
    let copy_id = fresh_persona_id(map);
    let name = format!("{} ({})", original.display_name(index, finnish), if finnish { "kopio" } else { "copy" });
    let mut commands = vec![Command::InsertPersona {
        index: index + 1,
        persona: Persona { id: copy_id.clone(), name, ..original.clone() },
    }];
    for card in &map.cards {
        let mut c = card.clone();
        if c.personas.contains(id) {
            c.personas.push(copy_id.clone());
        }
        if let Some(e) = card.emotion_of(id) {
            c.emotions.insert(copy_id.clone(), e);
        }
        if let Some(e) = card.target_of(id) {
            c.targets.insert(copy_id.clone(), e);
        }
        if &c != card {
            commands.push(Command::UpdateCard(c));
        }
    }
    Some((Command::Batch(StepName::DuplicatePersona, commands), copy_id))
}

/// The cards only persona `id`'s journey has: deleting the persona deletes them.
pub fn own_cards(map: &JourneyMap, id: &PersonaId) -> BTreeSet<CardId> {
    map.cards.iter().filter(|c| c.personas.as_slice() == std::slice::from_ref(id)).map(|c| c.id.clone()).collect()
}

/// Deletes persona `id`: the cards that were its alone (with their arrows and dots), its
/// ratings and targets, and its name from the cards it shared. `None` for the last persona
/// (a map always keeps one) or an unknown id.
pub fn delete_persona(map: &JourneyMap, id: &PersonaId) -> Option<Command> {
    if map.personas.len() < 2 || map.persona(id).is_none() {
        return None;
    }
    let own = own_cards(map, id);
    let mut commands = super::ops::removals(map, &own);
    for card in map.cards.iter().filter(|c| !own.contains(&c.id)) {
        let mut c = card.clone();
        c.personas.retain(|p| p != id);
        c.emotions.remove(id);
        c.targets.remove(id);
        if &c != card {
            commands.push(Command::UpdateCard(c));
        }
    }
    commands.push(Command::RemovePersona(id.clone()));
    Some(Command::Batch(StepName::DeletePersona, commands))
}

/// Sets (or with `None` clears) `persona`'s rating of card `id`, or its target when `target`.
/// On a map without personas, a first one is added in the same step. `None` when nothing
/// would change.
pub fn rate(
    map: &JourneyMap,
    id: &CardId,
    persona: Option<&PersonaId>,
    emotion: Option<Emotion>,
    target: bool,
) -> Option<Command> {
    let card = map.card(id)?;
    let mut commands = Vec::new();
    let persona = match persona.cloned().or_else(|| map.rating_persona(card, None)) {
        Some(p) => p,
        None => {
            let (add, p) = add_persona(map, map.language == crate::model::Language::Finnish);
            commands.push(add);
            p
        }
    };
    let mut c = card.clone();
    let ratings = if target { &mut c.targets } else { &mut c.emotions };
    match emotion {
        Some(e) => ratings.insert(persona.clone(), e),
        None => ratings.remove(&persona),
    };
    // A persona rating a card that is not on its journey puts it there.
    if !c.is_on_journey_of(&persona) {
        c.personas.push(persona);
    }
    if &c == card {
        return None;
    }
    commands.push(Command::UpdateCard(c));
    let label = if target { StepName::SetTarget } else { StepName::SetEmotion };
    Some(Command::Batch(label, commands))
}

/// The card `card` on the journeys of `personas` (in the map's order; all of them, or none,
/// means everyone's), without the ratings of personas no longer on it.
pub fn with_personas(map: &JourneyMap, card: &Card, personas: &[PersonaId]) -> Card {
    let mut c = card.clone();
    let listed: Vec<PersonaId> = map.personas.iter().map(|p| p.id.clone()).filter(|p| personas.contains(p)).collect();
    c.personas = if listed.len() == map.personas.len() { Vec::new() } else { listed };
    let on = |p: &PersonaId| crate::model::on_journey(&c.personas, p);
    let (emotions, targets) = (
        c.emotions.clone().into_iter().filter(|(p, _)| on(p)).collect(),
        c.targets.clone().into_iter().filter(|(p, _)| on(p)).collect(),
    );
    Card { emotions, targets, ..c }
}

/// Puts card `id` on the journeys of `personas` (see [`with_personas`]).
pub fn set_card_personas(map: &JourneyMap, id: &CardId, personas: &[PersonaId]) -> Option<Command> {
    let card = map.card(id)?;
    let c = with_personas(map, card, personas);
    (&c != card).then(|| Command::Batch(StepName::SetCardPersonas, vec![Command::UpdateCard(c)]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Arrow, ArrowId, ArrowKind, Lane, LaneKind, Stage};

    fn map() -> JourneyMap {
        let (maija, pekka) = (PersonaId::new("maija"), PersonaId::new("pekka"));
        let mut own = Card::new("own", "s", "l", "Pekan oma").rated(&pekka, Emotion::new(-2));
        own.personas = vec![pekka.clone()];
        let shared =
            Card::new("shared", "s", "l", "Yhteinen").rated(&maija, Emotion::new(1)).rated(&pekka, Emotion::new(-1));
        JourneyMap {
            personas: vec![Persona::new("maija", "Maija"), Persona::new("pekka", "Pekka")],
            stages: vec![Stage::new("s", "S")],
            lanes: vec![Lane::new("l", "L", LaneKind::Touchpoints)],
            arrows: vec![Arrow {
                id: ArrowId::new("a"),
                from: CardId::new("shared"),
                to: CardId::new("own"),
                kind: ArrowKind::Flow,
                label: String::new(),
                improvement: None,
            }],
            cards: vec![shared, own],
            ..JourneyMap::new("t")
        }
    }

    fn applied(map: &JourneyMap, command: &Command) -> (JourneyMap, Command) {
        let mut after = map.clone();
        let inverse = command.apply(&mut after).unwrap_or_else(|e| panic!("{command:?}: {e}"));
        assert!(after.validate().is_empty(), "{:?}", after.validate());
        (after, inverse)
    }

    #[test]
    fn deleting_a_persona_takes_its_own_cards_and_ratings_and_undo_brings_them_back() {
        let before = map();
        let pekka = PersonaId::new("pekka");
        let delete = delete_persona(&before, &pekka).unwrap();
        let (mut after, inverse) = applied(&before, &delete);
        assert_eq!(after.personas.len(), 1);
        assert!(after.card(&CardId::new("own")).is_none());
        assert!(after.arrows.is_empty());
        assert_eq!(after.cards[0].emotion_of(&pekka), None);
        inverse.apply(&mut after).unwrap();
        assert_eq!(after, before);
        assert!(delete_persona(&after.journey_of(&pekka), &pekka).is_none(), "the last persona stays");
    }

    #[test]
    fn a_duplicate_persona_shares_the_journey_and_the_ratings() {
        let before = map();
        let (dup, id) = duplicate_persona(&before, &PersonaId::new("pekka"), false).unwrap();
        let (after, _) = applied(&before, &dup);
        assert_eq!(after.personas[2].name, "Pekka (copy)");
        let own = after.card(&CardId::new("own")).unwrap();
        assert_eq!(own.emotion_of(&id), Emotion::new(-2));
        assert!(own.is_on_journey_of(&id));
    }

    #[test]
    fn rating_for_one_persona_leaves_the_others_rating_alone() {
        let before = map();
        let maija = PersonaId::new("maija");
        let set = rate(&before, &CardId::new("shared"), Some(&maija), Emotion::new(2), false).unwrap();
        let (after, _) = applied(&before, &set);
        let shared = after.card(&CardId::new("shared")).unwrap();
        assert_eq!(shared.emotion_of(&maija), Emotion::new(2));
        assert_eq!(shared.emotion_of(&PersonaId::new("pekka")), Emotion::new(-1));
        let target = rate(&after, &CardId::new("shared"), Some(&maija), Emotion::new(2), true).unwrap();
        let (after, _) = applied(&after, &target);
        assert_eq!(after.cards[0].target_of(&maija), Emotion::new(2));
        assert!(rate(&after, &CardId::new("shared"), Some(&maija), Emotion::new(2), true).is_none());
    }

    #[test]
    fn a_card_taken_off_a_journey_loses_that_personas_rating_and_all_ticked_means_everyone() {
        let before = map();
        let maija = PersonaId::new("maija");
        let only_maija = set_card_personas(&before, &CardId::new("shared"), std::slice::from_ref(&maija)).unwrap();
        let (after, _) = applied(&before, &only_maija);
        assert_eq!(after.cards[0].personas, vec![maija.clone()]);
        assert_eq!(after.cards[0].emotion_of(&PersonaId::new("pekka")), None);
        let everyone = [maija, PersonaId::new("pekka")];
        let c = with_personas(&after, &after.cards[0], &everyone);
        assert!(c.personas.is_empty());
    }

    #[test]
    fn rating_on_a_map_without_personas_adds_one_in_the_same_step() {
        let mut bare = map();
        bare.personas.clear();
        bare.cards = vec![Card::new("c", "s", "l", "C")];
        bare.arrows.clear();
        let set = rate(&bare, &CardId::new("c"), None, Emotion::new(1), false).unwrap();
        let (after, _) = applied(&bare, &set);
        assert_eq!(after.personas.len(), 1);
        assert_eq!(after.cards[0].emotion_of(&after.personas[0].id), Emotion::new(1));
    }
}
