//! Edits made from the action plan, as commands on the card or arrow that holds the item.

use super::ItemRef;
use crate::edit::Command;
use crate::model::{Improvement, JourneyMap};

/// The command that changes an item's improvement fields with `change`, or `None` when the item
/// is gone, is not an improvement, or nothing would change.
pub fn update(map: &JourneyMap, item: &ItemRef, change: impl FnOnce(&mut Improvement)) -> Option<Command> {
    match item {
        ItemRef::Card(id) => {
            let mut card = map.card(id)?.clone();
            let before = card.improvement.clone()?;
            change(card.improvement.as_mut()?);
            (card.improvement.as_ref() != Some(&before)).then_some(Command::UpdateCard(card))
        }
        ItemRef::Arrow(id) => {
            let mut arrow = map.arrow(id)?.clone();
            let before = arrow.improvement.clone()?;
            change(arrow.improvement.as_mut()?);
            (arrow.improvement.as_ref() != Some(&before)).then_some(Command::UpdateArrow(arrow))
        }
    }
}

/// The command that renames an item: a card's title, an arrow's label.
pub fn retitle(map: &JourneyMap, item: &ItemRef, title: &str) -> Option<Command> {
    match item {
        ItemRef::Card(id) => {
            let card = map.card(id)?;
            (card.title != title)
                .then(|| Command::UpdateCard(crate::model::Card { title: title.to_owned(), ..card.clone() }))
        }
        ItemRef::Arrow(id) => {
            let arrow = map.arrow(id)?;
            (arrow.label != title)
                .then(|| Command::UpdateArrow(crate::model::Arrow { label: title.to_owned(), ..arrow.clone() }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::History;
    use crate::model::{ArrowId, CardId, Status};

    fn sample() -> JourneyMap {
        crate::samples::default_sample()
    }

    #[test]
    fn updating_an_items_status_is_one_undoable_command() {
        let mut map = sample();
        let original = map.clone();
        let row = crate::plan::rows(&map).into_iter().next().unwrap();
        let cmd = update(&map, &row.item, |imp| imp.status = Status::Done).unwrap();
        let mut history = History::default();
        history.apply(&mut map, cmd).unwrap();
        assert_eq!(crate::plan::rows(&map)[0].improvement.status, Status::Done);
        history.undo(&mut map);
        assert_eq!(map, original);
    }

    #[test]
    fn nothing_to_do_gives_no_command() {
        let map = sample();
        let row = crate::plan::rows(&map).into_iter().next().unwrap();
        assert!(update(&map, &row.item, |_| {}).is_none());
        assert!(retitle(&map, &row.item, &row.title).is_none());
        assert!(update(&map, &ItemRef::Card(CardId::new("gone")), |imp| imp.kpi = "x".into()).is_none());
        let plain = map.cards.iter().find(|c| c.improvement.is_none()).unwrap();
        assert!(update(&map, &ItemRef::Card(plain.id.clone()), |imp| imp.kpi = "x".into()).is_none());
        assert!(retitle(&map, &ItemRef::Arrow(ArrowId::new("gone")), "x").is_none());
    }
}
