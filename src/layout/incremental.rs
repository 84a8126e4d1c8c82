//! Patching a layout after an edit instead of laying the whole map out again.
//!
//! Most edits on a large map change what one card says — a title typed, a tag, a channel,
//! a marker, an action-plan status — and leave its place, its ratings and everything around it
//! as they were. Such a card is laid out again where it stands; as long as its box keeps its
//! size, nothing else on the map can move, and the patched layout is the one a full layout
//! would make (the property test in `tests/layout.rs` holds them equal). When the box grows
//! or shrinks, the caller lays the map out in full.

use super::{Cast, Layout, Measure, Words, card};
use crate::model::{Card, CardId, JourneyMap};
use crate::theme::Theme;

/// Whether going from `old` to `new` changes only what the card itself shows: the same cell
/// and place in it, the same personas and ratings (which draw the emotion curve), the same
/// evidence (which the header sums up). Anything else may move other things on the map.
pub fn only_content_changed(old: &Card, new: &Card) -> bool {
    old.id == new.id
        && old.stage == new.stage
        && old.lane == new.lane
        && old.position == new.position
        && old.personas == new.personas
        && old.emotions == new.emotions
        && old.targets == new.targets
        && old.evidence == new.evidence
}

/// Lays out again the cards `ids` of `full` (each changed by [`only_content_changed`] edits
/// since `laid` was made for `theme`) where they stand. `false` when a card's box changed size
/// or the card is not where the layout has it: then `laid` must be made again in full, and is
/// left partly patched.
pub fn relayout_cards(
    laid: &mut Layout,
    full: &JourneyMap,
    ids: &[CardId],
    theme: &Theme,
    fonts: &mut egui::epaint::FontsView<'_>,
) -> bool {
    let mut m = Measure { fonts };
    let words = Words::of(full.language);
    let cast = Cast::of(full, theme.journey_of.as_ref());
    for id in ids {
        let Some(card) = full.card(id) else { return false };
        // Not on the journey shown: the layout does not have it, and it changes nothing there.
        let Some(i) = laid.cards.iter().position(|c| &c.id == id) else {
            if cast.focus.as_ref().is_some_and(|p| !card.is_on_journey_of(p)) {
                continue;
            }
            return false;
        };
        let shown = match &cast.focus {
            // As `JourneyMap::journey_of` trims it: only that persona's ratings.
            Some(p) => {
                let mut c = card.clone();
                c.emotions.retain(|k, _| k == p);
                c.targets.retain(|k, _| k == p);
                std::borrow::Cow::Owned(c)
            }
            None => std::borrow::Cow::Borrowed(card),
        };
        let old = &laid.cards[i];
        let new =
            card::layout_card(&shown, &cast, old.lane_kind, old.rect.min, old.rect.width(), theme, &words, &mut m);
        if new.rect != old.rect {
            return false;
        }
        laid.cards[i] = new;
    }
    true
}
