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
//! unchanged is taken from the earlier layout and moved where it now stands, when moving it is
//! exact ([`Reuse`]), instead of measuring its text again: on a large map nearly all of the work.
//! Arrow labels keep their spots where nothing near them changed (`earlier_arrows`).

use super::earlier_arrows::EarlierArrows;
use super::{CardLayout, Cast, Layout, Measure, Words, card};
use crate::model::{Card, CardId, JourneyMap, LaneKind};
use crate::theme::Theme;
use egui::{Pos2, Rect};
use std::collections::HashSet;

/// The cards of an earlier layout, to be taken where they still fit.
pub(super) struct Reuse {
    cards: Vec<Option<CardLayout>>,
    /// Where the card after the last one taken was: the grid asks for cards in the order it
    /// laid them out before, except around the few that moved.
    next: usize,
    /// Every card's place, made only when cards are often not found near `next`.
    at: Option<foldhash::HashMap<CardId, usize>>,
    /// Cards not found near `next` so far.
    misses: usize,
    changed: HashSet<CardId>,
    /// Where each card taken or laid out so far stood in `earlier` (none: laid out afresh),
    /// in the order laid out.
    was: Vec<Option<Rect>>,
    arrows: EarlierArrows,
    /// The theme's card padding: moving a card across is exact only when it is on half points.
    card_pad: f32,
    /// Where the earlier layout's arrows' cards were among its cards.
    ends: super::arrows::Ends,
    /// For each earlier card, its place among the cards laid out now, once taken.
    taken_to: Vec<u32>,
}

/// In `Reuse::taken_to`: an earlier card not (yet) taken.
const NOT_TAKEN: u32 = u32::MAX;
/// How far from `next` a card is looked for before the whole index is made.
const NEAR: usize = 256;
/// How many cards far from `next` are searched for one by one before the whole index is made:
/// a drag moves one card far in the order, and building the index (a copy and a hash of every
/// id) costs many times one search of all cards.
const SEARCHED_MISSES: usize = 8;

impl Reuse {
    /// The cards of `earlier`, except those whose content is in `changed`.
    pub(super) fn of(mut earlier: Layout, changed: &[CardId], card_pad: f32) -> Reuse {
        let arrows = EarlierArrows::of(&mut earlier);
        let ends = std::mem::take(&mut earlier.ends);
        let taken_to = vec![NOT_TAKEN; earlier.cards.len()];
        let was = Vec::with_capacity(earlier.cards.len());
        let cards = earlier.cards.into_iter().map(Some).collect();
        let changed = changed.iter().cloned().collect();
        Reuse { cards, next: 0, at: None, misses: 0, changed, was, arrows, card_pad, ends, taken_to }
    }

    /// Where the arrows' cards are among `laid`'s cards (every card laid out through
    /// [`Reuse::take`]), found from where they were in the earlier layout: only cards laid
    /// out afresh are looked up by id. `None` when the arrows are not those laid out before.
    pub(super) fn ends(&self, map: &JourneyMap, laid: &Layout) -> Option<super::arrows::Ends> {
        if self.ends.len() != map.arrows.len() || self.was.len() != laid.cards.len() {
            return None;
        }
        let named: foldhash::HashSet<&str> = map.arrows.iter().flat_map(|a| [a.from.as_str(), a.to.as_str()]).collect();
        let fresh: foldhash::HashMap<&str, usize> = (laid.cards.iter().zip(&self.was).enumerate())
            .filter(|(_, (c, was))| was.is_none() && named.contains(c.id.as_str()))
            .map(|(i, (c, _))| (c.id.as_str(), i))
            .collect();
        // The cell a card is in, from where it stands: cards stay inside their cells.
        let cell = |i: usize| -> Option<(usize, usize, usize)> {
            let centre = laid.cards.get(i)?.rect.center();
            let stage = laid.stages.iter().position(|s| s.header.x_range().contains(centre.x))?;
            let lane = laid.lanes.iter().position(|l| l.row.y_range().contains(centre.y))?;
            Some((stage, lane, i))
        };
        let place = |before: Option<(usize, usize, usize)>, id: &CardId| -> Option<Option<(usize, usize, usize)>> {
            let kept = before.and_then(|(_, _, i)| self.taken_to.get(i)).filter(|to| **to != NOT_TAKEN);
            match kept.map(|to| *to as usize).or_else(|| fresh.get(id.as_str()).copied()) {
                // Not the card the arrow names (the arrows changed), or a card in no cell:
                // the ends are looked up the long way.
                Some(i) if laid.cards.get(i).is_some_and(|c| &c.id == id) => cell(i).map(Some),
                Some(_) => None,
                None => Some(None),
            }
        };
        (map.arrows.iter().zip(&self.ends))
            .map(|(a, (from, to))| Some((place(*from, &a.from)?, place(*to, &a.to)?)))
            .collect()
    }

    /// What the arrows need once every card is laid out: the earlier arrows, where each card
    /// laid out stood before, and where the earlier cards not taken stood.
    pub(super) fn into_earlier(self) -> (EarlierArrows, Vec<Option<Rect>>, Vec<Rect>) {
        let gone = self.cards.iter().flatten().map(|c| c.rect).collect();
        (self.arrows, self.was, gone)
    }

    /// The place of `id` among the earlier cards still there, and whether it was found near
    /// `next` (in the order of the earlier layout).
    fn find(&mut self, id: &CardId) -> Option<(usize, bool)> {
        let is = |c: &Option<CardLayout>| c.as_ref().is_some_and(|c| &c.id == id);
        let near = self.next.saturating_sub(NEAR / 4)..(self.next + NEAR).min(self.cards.len());
        if let Some(i) = self.cards.get(self.next).filter(|c| is(c)).map(|_| self.next) {
            return Some((i, true));
        }
        if let Some(k) = self.cards.get(near.clone()).and_then(|w| w.iter().position(is)) {
            return Some((near.start + k, true));
        }
        if self.at.is_none() && self.misses < SEARCHED_MISSES {
            self.misses += 1;
            return self.cards.iter().position(is).map(|i| (i, false));
        }
        let cards = &self.cards;
        let at = self.at.get_or_insert_with(|| {
            cards.iter().enumerate().filter_map(|(i, c)| Some((c.as_ref()?.id.clone(), i))).collect()
        });
        at.get(id).copied().filter(|i| cards.get(*i).is_some_and(is)).map(|i| (i, false))
    }

    /// The earlier layout of `card`, moved to `pos`, when it is what laying it out at `pos`,
    /// `width` wide in a lane of `kind`, would make: same content, same lane kind and width.
    /// A vertical move keeps it exact: it adds whole points to coordinates that are whole or
    /// half points. So does a move across ([`exact_across`]) when every x inside the card is a
    /// whole or half point; else the card keeps its column or is laid out again.
    ///
    /// The card taken is pushed onto `out` (moved there, not copied about: a card's layout is
    /// half a kilobyte, and a drag takes thousands); returns whether one was.
    pub(super) fn take(
        &mut self,
        card: &Card,
        kind: LaneKind,
        pos: Pos2,
        width: f32,
        out: &mut Vec<CardLayout>,
    ) -> bool {
        let was = self.take_into(card, kind, pos, width, out);
        self.was.push(was);
        was.is_some()
    }

    /// [`Reuse::take`]; returns where the card taken stood.
    fn take_into(
        &mut self,
        card: &Card,
        kind: LaneKind,
        pos: Pos2,
        width: f32,
        out: &mut Vec<CardLayout>,
    ) -> Option<Rect> {
        // Most layouts after a drag change no card's content: nothing to hash.
        if !self.changed.is_empty() && self.changed.contains(&card.id) {
            return None;
        }
        let (i, near) = self.find(&card.id)?;
        let slot = self.cards.get_mut(i)?;
        let old = slot.as_ref()?;
        let same_column = old.rect.min.x == pos.x && old.rect.max.x == pos.x + width;
        if old.lane_kind != kind || !(same_column || exact_across(old, pos.x, width, self.card_pad)) {
            return None;
        }
        let d = pos - old.rect.min;
        let was = old.rect;
        if let Some(to) = self.taken_to.get_mut(i) {
            *to = u32::try_from(self.was.len()).unwrap_or(NOT_TAKEN);
        }
        // A card found far away moved there alone (a drag): the cards after it in the new
        // order follow where the search was, not where it was found.
        if near {
            self.next = i + 1;
        }
        out.push(slot.take()?);
        if let Some(laid) = out.last_mut().filter(|_| d != egui::Vec2::ZERO) {
            laid.shift(d);
        }
        Some(was)
    }
}

/// Beyond this, half points are no longer exact in an `f32` with room to add to them.
const EXACT_BELOW: f32 = 1_048_576.0;

/// Whether `old`, moved across to `x` (and kept `width` wide), is exactly what laying it out
/// there makes. Inside a card every x is its left edge plus whole-point steps and the card
/// padding, except a persona chip's letter and a plan badge, which are placed by measured
/// widths: with neither, and the edges and padding on whole or half points, every x is on a
/// half point before and after the move, and nothing rounds.
fn exact_across(old: &CardLayout, x: f32, width: f32, card_pad: f32) -> bool {
    let half_point = |v: f32| (v * 2.0).fract() == 0.0 && v.abs() < EXACT_BELOW;
    old.chips.is_empty()
        && old.badge.is_none()
        && old.rect.max.x - old.rect.min.x == width
        && [x, width, old.rect.min.x, card_pad].into_iter().all(half_point)
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
