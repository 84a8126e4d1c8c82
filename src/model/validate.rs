//! Checks that a map is whole: ids unique and well-formed, references resolved, values in range.
//!
//! The parser already refuses values that cannot exist at all (an emotion of 7, a date of
//! 2024-13-01); these checks cover what only makes sense across the whole map.

use super::{JourneyMap, Stage, VoteRound, is_valid_id};
use std::collections::BTreeSet;
use std::fmt;

/// Which element a problem is about, with enough to find it in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ElementRef {
    Map,
    Stage { id: String, name: String },
    Lane { id: String, title: String },
    Card { id: String, title: String },
    Arrow { id: String },
    Vote { id: String, question: String },
}

impl ElementRef {
    /// The element's id, if it has one; used to find its line in the file.
    pub fn id(&self) -> Option<&str> {
        match self {
            ElementRef::Map => None,
            ElementRef::Stage { id, .. }
            | ElementRef::Lane { id, .. }
            | ElementRef::Card { id, .. }
            | ElementRef::Arrow { id }
            | ElementRef::Vote { id, .. } => Some(id),
        }
    }
}

impl fmt::Display for ElementRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ElementRef::Map => write!(f, "map"),
            ElementRef::Stage { id, name } => write!(f, "stage {name:?} (id {id:?})"),
            ElementRef::Lane { id, title } => write!(f, "lane {title:?} (id {id:?})"),
            ElementRef::Card { id, title } => write!(f, "card {title:?} (id {id:?})"),
            ElementRef::Arrow { id } => write!(f, "arrow {id:?}"),
            ElementRef::Vote { id, question } => write!(f, "vote round {question:?} (id {id:?})"),
        }
    }
}

/// One thing wrong with a map.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub element: ElementRef,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.element, self.message)
    }
}

/// Shortens user text for messages so one problem stays on one line.
fn short(s: &str) -> String {
    let one_line: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    if one_line.chars().count() > 40 {
        let cut: String = one_line.chars().take(39).collect();
        format!("{cut}…")
    } else {
        one_line
    }
}

impl JourneyMap {
    /// Every problem with this map, in file order; empty when the map is valid.
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut push = |element: ElementRef, message: String| problems.push(Problem { element, message });

        let mut stage_ids = BTreeSet::new();
        for s in &self.stages {
            let el = || ElementRef::Stage { id: s.id.0.clone(), name: short(&s.name) };
            check_id("stage", &s.id.0, &mut stage_ids, el, &mut push);
            if !s.width.is_finite() || !Stage::WIDTH_RANGE.contains(&s.width) {
                push(
                    el(),
                    format!(
                        "width {} must be a number from {} to {}",
                        s.width,
                        Stage::WIDTH_RANGE.start(),
                        Stage::WIDTH_RANGE.end()
                    ),
                );
            }
        }

        let mut lane_ids = BTreeSet::new();
        for l in &self.lanes {
            let el = || ElementRef::Lane { id: l.id.0.clone(), title: short(&l.title) };
            check_id("lane", &l.id.0, &mut lane_ids, el, &mut push);
        }

        let mut card_ids = BTreeSet::new();
        for c in &self.cards {
            let el = || ElementRef::Card { id: c.id.0.clone(), title: short(&c.title) };
            check_id("card", &c.id.0, &mut card_ids, el, &mut push);
            if self.stage(&c.stage).is_none() {
                push(el(), format!("its stage {:?} does not exist", c.stage.0));
            }
            match self.lane(&c.lane) {
                None => push(el(), format!("its lane {:?} does not exist", c.lane.0)),
                Some(lane) if !lane.kind.holds_cards() => push(
                    el(),
                    format!("lane {:?} is an emotion curve, which draws the curve and holds no cards", c.lane.0),
                ),
                Some(_) => {}
            }
            if let Some(imp) = &c.improvement {
                check_improvement(imp, el, &mut push);
            }
            for tag in &c.tags {
                if tag.trim().is_empty() {
                    push(el(), "has an empty tag".to_owned());
                }
            }
        }

        let mut arrow_ids = BTreeSet::new();
        for a in &self.arrows {
            let el = || ElementRef::Arrow { id: a.id.0.clone() };
            check_id("arrow", &a.id.0, &mut arrow_ids, el, &mut push);
            for (end, id) in [("starts at", &a.from), ("ends at", &a.to)] {
                if self.card(id).is_none() {
                    push(el(), format!("{end} card {:?}, which does not exist", id.0));
                }
            }
            if a.from == a.to {
                push(el(), format!("starts and ends at the same card {:?}", a.from.0));
            }
            if let Some(imp) = &a.improvement {
                check_improvement(imp, el, &mut push);
            }
        }

        let mut vote_ids = BTreeSet::new();
        for v in &self.votes {
            let el = || ElementRef::Vote { id: v.id.0.clone(), question: short(&v.question) };
            check_id("vote round", &v.id.0, &mut vote_ids, el, &mut push);
            if !(1..=VoteRound::MAX_DOTS_PER_PERSON).contains(&v.dots_per_person) {
                push(
                    el(),
                    format!(
                        "dots_per_person {} must be from 1 to {}",
                        v.dots_per_person,
                        VoteRound::MAX_DOTS_PER_PERSON
                    ),
                );
            }
            if let Some(n) = v.voters
                && !(1..=VoteRound::MAX_VOTERS).contains(&n)
            {
                push(el(), format!("voters {n} must be from 1 to {}", VoteRound::MAX_VOTERS));
            }
            for card in v.dots.keys() {
                if self.card(card).is_none() {
                    push(el(), format!("gives dots to card {:?}, which does not exist", card.0));
                }
            }
        }
        problems
    }
}

fn check_id(
    kind: &str,
    id: &str,
    seen: &mut BTreeSet<String>,
    el: impl Fn() -> ElementRef,
    push: &mut impl FnMut(ElementRef, String),
) {
    if !is_valid_id(id) {
        push(el(), format!("id {id:?} must be 1–64 ASCII letters, digits, '_', '-' or '.'"));
    }
    if !seen.insert(id.to_owned()) {
        push(el(), format!("another {kind} already has the id {id:?}"));
    }
}

fn check_improvement(imp: &super::Improvement, el: impl Fn() -> ElementRef, push: &mut impl FnMut(ElementRef, String)) {
    for (name, v) in [("value", imp.value), ("effort", imp.effort)] {
        if let Some(v) = v
            && !(1..=5).contains(&v)
        {
            push(el(), format!("improvement {name} {v} must be from 1 to 5"));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::*;

    fn tiny() -> JourneyMap {
        let mut m = JourneyMap::new("t");
        m.stages.push(Stage::new("s1", "Awareness"));
        m.lanes.push(Lane::new("l1", "Does", LaneKind::Notes));
        m.lanes.push(Lane::new("curve", "Feels", LaneKind::EmotionCurve));
        m.cards.push(Card::new("c1", "s1", "l1", "Sees an ad"));
        m.cards.push(Card::new("c2", "s1", "l1", "Visits the site"));
        m
    }

    #[test]
    fn a_whole_map_has_no_problems() {
        assert_eq!(tiny().validate(), vec![]);
    }

    #[test]
    fn dangling_references_are_reported_by_element_name() {
        let mut m = tiny();
        m.cards[0].stage = StageId::new("nope");
        m.arrows.push(Arrow {
            id: ArrowId::new("a1"),
            from: CardId::new("c2"),
            to: CardId::new("ghost"),
            kind: ArrowKind::Flow,
            label: String::new(),
            improvement: None,
        });
        let text: Vec<String> = m.validate().iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            vec![
                "card \"Sees an ad\" (id \"c1\"): its stage \"nope\" does not exist".to_owned(),
                "arrow \"a1\": ends at card \"ghost\", which does not exist".to_owned(),
            ]
        );
    }

    #[test]
    fn duplicate_and_malformed_ids_are_each_reported() {
        let mut m = tiny();
        m.cards[1].id = CardId::new("c1");
        m.lanes[0].id = LaneId::new("bad id");
        m.cards.iter_mut().for_each(|c| c.lane = LaneId::new("bad id"));
        let problems = m.validate();
        assert!(problems.iter().any(|p| p.message.contains("must be 1–64 ASCII")));
        assert!(problems.iter().any(|p| p.message == "another card already has the id \"c1\""));
    }

    #[test]
    fn cards_cannot_sit_in_the_emotion_curve_lane() {
        let mut m = tiny();
        m.cards[0].lane = LaneId::new("curve");
        assert_eq!(m.validate().len(), 1);
    }

    #[test]
    fn widths_out_of_range_or_not_a_number_are_problems() {
        for w in [f32::NAN, f32::INFINITY, 0.0, 9.0] {
            let mut m = tiny();
            m.stages[0].width = w;
            assert_eq!(m.validate().len(), 1, "{w}");
        }
    }

    #[test]
    fn vote_rounds_need_real_cards_and_sensible_numbers() {
        let mut m = tiny();
        m.votes.push(VoteRound {
            id: VoteId::new("v1"),
            question: "Mikä kipeintä?".into(),
            date: Date { year: 2026, month: 12, day: 1 },
            scope: VoteScope::AllCards,
            dots_per_person: 0,
            voters: Some(0),
            dots: [(CardId::new("c1"), 2), (CardId::new("ghost"), 1)].into_iter().collect(),
            closed: false,
        });
        let text: Vec<String> = m.validate().iter().map(ToString::to_string).collect();
        assert_eq!(
            text,
            vec![
                "vote round \"Mikä kipeintä?\" (id \"v1\"): dots_per_person 0 must be from 1 to 20".to_owned(),
                "vote round \"Mikä kipeintä?\" (id \"v1\"): voters 0 must be from 1 to 500".to_owned(),
                "vote round \"Mikä kipeintä?\" (id \"v1\"): gives dots to card \"ghost\", which does not exist"
                    .to_owned(),
            ]
        );
    }

    #[test]
    fn improvement_value_and_effort_must_be_one_to_five() {
        let mut m = tiny();
        m.cards[0].improvement = Some(Improvement { value: Some(0), effort: Some(6), ..Improvement::default() });
        assert_eq!(m.validate().len(), 2);
    }
}
