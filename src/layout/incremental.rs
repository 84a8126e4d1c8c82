//! Patching a layout after an edit instead of laying the whole map out again.
//!
//! Most edits on a large map change what one card says — a title typed, a tag, a channel,
//! a marker, an action-plan status — and leave its place, its ratings and everything around it
//! as they were. Such a card is laid out again where it stands; as long as its box keeps its
//! size, nothing else on the map can move, and the patched layout is the one a full layout
//! would make (the property test in `tests/incremental.rs` holds them equal).
//!
//! Other edits to cards — a card moved by dragging, added, removed, or grown by a longer text —
//! move the cards around them. Then the map is laid out again, but every card whose content is
//! unchanged and that stays in its column is taken from the earlier layout and moved up or down
//! ([`Reuse`]) instead of measuring its text again: on a large map nearly all of the work.

use super::{CardLayout, Cast, Layout, Measure, Words, card};
use crate::model::{Card, CardId, JourneyMap, LaneKind};
use crate::theme::Theme;
use egui::Pos2;
use std::collections::{HashMap, HashSet};

/// The cards of an earlier layout, to be taken where they still fit.
pub(super) struct Reuse {
    cards: Vec<Option<CardLayout>>,
    /// Where the card after the last one taken was: the grid asks for cards in the order it
    /// laid them out before, except around the few that moved.
    next: usize,
    /// Every card's place, made only when cards are often not found near `next`.
    at: Option<HashMap<CardId, usize>>,
    /// Cards not found near `next` so far.
    misses: usize,
    changed: HashSet<CardId>,
}

/// How far from `next` a card is looked for before the whole index is made.
const NEAR: usize = 256;
/// How many cards far from `next` are searched for one by one before the whole index is made:
/// a drag moves one card far in the order, and building the index (a copy and a hash of every
/// id) costs many times one search of all cards.
const SEARCHED_MISSES: usize = 8;

impl Reuse {
    /// The cards of `earlier`, except those whose content is in `changed`.
    pub(super) fn of(earlier: Layout, changed: &[CardId]) -> Reuse {
        let cards = earlier.cards.into_iter().map(Some).collect();
        Reuse { cards, next: 0, at: None, misses: 0, changed: changed.iter().cloned().collect() }
    }

    /// The place of `id` among the earlier cards still there.
    fn find(&mut self, id: &CardId) -> Option<usize> {
        let is = |c: &Option<CardLayout>| c.as_ref().is_some_and(|c| &c.id == id);
        let near = self.next.saturating_sub(NEAR / 4)..(self.next + NEAR).min(self.cards.len());
        if let Some(i) = self.cards.get(self.next).filter(|c| is(c)).map(|_| self.next) {
            return Some(i);
        }
        if let Some(k) = self.cards.get(near.clone()).and_then(|w| w.iter().position(is)) {
            return Some(near.start + k);
        }
        if self.at.is_none() && self.misses < SEARCHED_MISSES {
            self.misses += 1;
            return self.cards.iter().position(is);
        }
        let cards = &self.cards;
        let at = self.at.get_or_insert_with(|| {
            cards.iter().enumerate().filter_map(|(i, c)| Some((c.as_ref()?.id.clone(), i))).collect()
        });
        at.get(id).copied().filter(|i| cards.get(*i).is_some_and(is))
    }

    /// The earlier layout of `card`, moved to `pos`, when it is what laying it out at `pos`,
    /// `width` wide in a lane of `kind`, would make: same content, same lane kind and the same
    /// column. Only a vertical move keeps it exact — the x coordinates inside a card come from
    /// measured widths, and moving them across would round differently than laying out anew;
    /// a vertical move adds whole points to coordinates that are whole or half points.
    pub(super) fn take(&mut self, card: &Card, kind: LaneKind, pos: Pos2, width: f32) -> Option<CardLayout> {
        if self.changed.contains(&card.id) {
            return None;
        }
        let i = self.find(&card.id)?;
        let slot = self.cards.get_mut(i)?;
        let old = slot.as_ref()?;
        if old.lane_kind != kind || old.rect.min.x != pos.x || old.rect.max.x != pos.x + width {
            return None;
        }
        let dy = pos.y - old.rect.min.y;
        let mut laid = slot.take()?;
        self.next = i + 1;
        if dy != 0.0 {
            laid.shift_y(dy);
        }
        Some(laid)
    }
}

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

/// Whether `old` and `new` differ at most in where the card is: its stage, lane and place in
/// the cell.
pub fn same_but_placed(old: &Card, new: &Card) -> bool {
    old.id == new.id
        && old.title == new.title
        && Card { stage: old.stage.clone(), lane: old.lane.clone(), position: old.position, ..new.clone() } == *old
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
    let mut m = Measure::new(fonts);
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
