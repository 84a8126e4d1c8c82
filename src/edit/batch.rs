//! A batch of card updates applied with one index of the cards.
//!
//! Dropping a card into a full cell renumbers every card after it: dozens of `UpdateCard`s in
//! one batch, each of which would search all cards for its own. On a map of thousands of
//! cards that search was most of the edit, twice per frame of a drag (undoing the preview,
//! applying the next).

use super::StepName;
use super::command::{Command, EditError, check_cell};
use crate::model::JourneyMap;
use std::collections::HashMap;

/// Batches of this many card updates and more are applied with an index.
pub(super) const CARD_INDEX_FROM: usize = 8;

/// Where in `map.cards` each of `ids` is (ids not in the map are left out), found in one pass
/// over the cards instead of a search of all of them per id.
pub fn card_places<'a>(map: &JourneyMap, ids: impl IntoIterator<Item = &'a str>) -> HashMap<&'a str, usize> {
    let wanted: std::collections::HashSet<&str> = ids.into_iter().collect();
    let mut at = HashMap::with_capacity(wanted.len());
    for (i, c) in map.cards.iter().enumerate() {
        if let Some(id) = wanted.get(c.id.as_str()) {
            at.entry(*id).or_insert(i);
        }
    }
    at
}

/// Applies `commands`, every one an `UpdateCard`, as `Command::apply` applies a batch: all or,
/// on an error, none; returns the inverse batch.
pub(super) fn update_cards(map: &mut JourneyMap, label: StepName, commands: &[Command]) -> Result<Command, EditError> {
    // Updates keep every card where it is in the list, so the places stay true throughout.
    let at = card_places(
        map,
        commands.iter().filter_map(|c| if let Command::UpdateCard(card) = c { Some(card.id.as_str()) } else { None }),
    );
    let mut inverses = Vec::with_capacity(commands.len());
    for c in commands {
        let Command::UpdateCard(card) = c else { continue };
        let found = at.get(card.id.as_str()).copied();
        let checked = match found {
            Some(i) => check_cell(map, &card.stage, &card.lane).map(|()| i),
            None => Err(EditError::Missing("card", card.id.0.to_string())),
        };
        match checked {
            Ok(i) => inverses.push(Command::UpdateCard(std::mem::replace(&mut map.cards[i], card.clone()))),
            Err(e) => {
                // Roll back what was done so the map is unchanged.
                for inv in inverses.iter().rev() {
                    let _ = inv.apply(map);
                }
                return Err(e);
            }
        }
    }
    inverses.reverse();
    Ok(Command::Batch(label, inverses))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Card;

    fn renumbered(map: &JourneyMap, n: usize) -> Vec<Command> {
        (0..n)
            .map(|i| {
                let mut c = map.cards[i * 3].clone();
                c.position += 100;
                c.title.push_str(" (moved)");
                Command::UpdateCard(c)
            })
            .collect()
    }

    #[test]
    fn a_large_batch_of_card_updates_changes_the_map_as_one_by_one_updates_do_and_undoes_exactly() {
        let start = crate::samples::generated(200);
        let commands = renumbered(&start, 20);
        let mut indexed = start.clone();
        let inverse = Command::Batch(StepName::MoveCard, commands.clone()).apply(&mut indexed).unwrap();
        let mut one_by_one = start.clone();
        for c in &commands {
            c.apply(&mut one_by_one).unwrap();
        }
        assert_eq!(indexed, one_by_one);
        inverse.apply(&mut indexed).unwrap();
        assert_eq!(indexed, start);
    }

    #[test]
    fn a_large_batch_with_a_missing_card_changes_nothing() {
        let start = crate::samples::generated(200);
        let mut commands = renumbered(&start, 12);
        commands.insert(6, Command::UpdateCard(Card::new("ghost", "s1", start.cards[0].lane.clone(), "x")));
        let mut map = start.clone();
        assert!(matches!(
            Command::Batch(StepName::MoveCard, commands).apply(&mut map),
            Err(EditError::Missing("card", _))
        ));
        assert_eq!(map, start);
    }
}
