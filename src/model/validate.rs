//! Checks that a map is whole: ids unique and well-formed, references resolved, values in range.
//!
//! The parser already refuses values that cannot exist at all (an emotion of 7, a date of
//! 2024-13-01); these checks cover what only makes sense across the whole map.

use super::{JourneyMap, LaneKind, Stage, VoteRound, is_valid_id};
use std::collections::BTreeSet;
use std::fmt;

/// Which element a problem is about, with enough to find it in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ElementRef {
    Map,
    Persona { id: String, name: String },
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
            ElementRef::Persona { id, .. }
            | ElementRef::Stage { id, .. }
            | ElementRef::Lane { id, .. }
            | ElementRef::Card { id, .. }
            | ElementRef::Arrow { id }
            | ElementRef::Vote { id, .. } => Some(id),
        }
    }
}

impl ElementRef {
    /// The element as a message names it, in `language`.
    pub fn to_string_in(&self, language: super::Language) -> String {
        if language == super::Language::English {
            return self.to_string();
        }
        match self {
            ElementRef::Map => "kartta".into(),
            ElementRef::Persona { id, name } => format!("persoona {name:?} (tunnus {id:?})"),
            ElementRef::Stage { id, name } => format!("vaihe {name:?} (tunnus {id:?})"),
            ElementRef::Lane { id, title } => format!("kaista {title:?} (tunnus {id:?})"),
            ElementRef::Card { id, title } => format!("kortti {title:?} (tunnus {id:?})"),
            ElementRef::Arrow { id } => format!("nuoli {id:?}"),
            ElementRef::Vote { id, question } => format!("äänestys {question:?} (tunnus {id:?})"),
        }
    }
}

impl fmt::Display for ElementRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ElementRef::Map => write!(f, "map"),
            ElementRef::Persona { id, name } => write!(f, "persona {name:?} (id {id:?})"),
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
    /// What is wrong, in English (the command line's language and the key to its place).
    pub message: String,
    /// The same in Finnish, for a window in Finnish.
    pub message_fi: String,
}

impl Problem {
    /// The problem as one line in `language`.
    pub fn to_string_in(&self, language: super::Language) -> String {
        match language {
            super::Language::English => self.to_string(),
            super::Language::Finnish => format!("{}: {}", self.element.to_string_in(language), self.message_fi),
        }
    }
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
        let mut push = |element: ElementRef, [message, message_fi]: [String; 2]| {
            problems.push(Problem { element, message, message_fi })
        };

        if let Some(months) = self.review_interval_months.filter(|m| !Self::REVIEW_INTERVALS.contains(m)) {
            let (lo, hi) = (Self::REVIEW_INTERVALS.start(), Self::REVIEW_INTERVALS.end());
            push(
                ElementRef::Map,
                [
                    format!("review_interval_months {months} must be from {lo} to {hi}"),
                    format!("review_interval_months {months} pitää olla väliltä {lo}–{hi}"),
                ],
            );
        }

        let mut persona_ids = BTreeSet::new();
        for p in &self.personas {
            let el = || ElementRef::Persona { id: p.id.0.to_string(), name: short(&p.name) };
            check_id(["persona", "persoonalla"], &p.id.0, &mut persona_ids, el, &mut push);
        }

        let mut stage_ids = BTreeSet::new();
        for s in &self.stages {
            let el = || ElementRef::Stage { id: s.id.0.to_string(), name: short(&s.name) };
            check_id(["stage", "vaiheella"], &s.id.0, &mut stage_ids, el, &mut push);
            if !s.width.is_finite() || !Stage::WIDTH_RANGE.contains(&s.width) {
                let (w, lo, hi) = (s.width, Stage::WIDTH_RANGE.start(), Stage::WIDTH_RANGE.end());
                push(
                    el(),
                    [
                        format!("width {w} must be a number from {lo} to {hi}"),
                        format!("leveyden {w} pitää olla luku väliltä {lo}–{hi}"),
                    ],
                );
            }
        }

        let mut lane_ids = BTreeSet::new();
        for l in &self.lanes {
            let el = || ElementRef::Lane { id: l.id.0.to_string(), title: short(&l.title) };
            check_id(["lane", "kaistalla"], &l.id.0, &mut lane_ids, el, &mut push);
        }

        let mut card_ids = BTreeSet::new();
        for c in &self.cards {
            let el = || ElementRef::Card { id: c.id.0.to_string(), title: short(&c.title) };
            check_id(["card", "kortilla"], &c.id.0, &mut card_ids, el, &mut push);
            if self.stage(&c.stage).is_none() {
                let id = &c.stage.0;
                push(el(), [format!("its stage {id:?} does not exist"), format!("sen vaihetta {id:?} ei ole")]);
            }
            match self.lane(&c.lane) {
                None => {
                    let id = &c.lane.0;
                    push(el(), [format!("its lane {id:?} does not exist"), format!("sen kaistaa {id:?} ei ole")])
                }
                Some(lane) if lane.kind == LaneKind::Swot => push(
                    el(),
                    [
                        format!("lane {:?} is a SWOT lane, which draws the stages' SWOT and holds no cards", c.lane.0),
                        format!(
                            "kaista {:?} on SWOT-kaista, joka piirtää vaiheiden SWOTin eikä sisällä kortteja",
                            c.lane.0
                        ),
                    ],
                ),
                Some(lane) if !lane.kind.holds_cards() => push(
                    el(),
                    [
                        format!("lane {:?} is an emotion curve, which draws the curve and holds no cards", c.lane.0),
                        format!("kaista {:?} on tunnekäyrä, joka piirtää käyrän eikä sisällä kortteja", c.lane.0),
                    ],
                ),
                Some(_) => {}
            }
            if let Some(imp) = &c.improvement {
                check_improvement(imp, el, &mut push);
            }
            check_card_personas(self, c, el, &mut push);
            for tag in &c.tags {
                if tag.trim().is_empty() {
                    push(el(), ["has an empty tag".to_owned(), "sillä on tyhjä tunniste".to_owned()]);
                }
            }
        }

        let mut arrow_ids = BTreeSet::new();
        for a in &self.arrows {
            let el = || ElementRef::Arrow { id: a.id.0.to_string() };
            check_id(["arrow", "nuolella"], &a.id.0, &mut arrow_ids, el, &mut push);
            for (end, end_fi, id) in [("starts at", "alkaa", &a.from), ("ends at", "päättyy", &a.to)] {
                if self.card(id).is_none() {
                    push(
                        el(),
                        [
                            format!("{end} card {:?}, which does not exist", id.0),
                            format!("{end_fi} korttiin {:?}, jota ei ole", id.0),
                        ],
                    );
                }
            }
            if a.from == a.to {
                let id = &a.from.0;
                push(
                    el(),
                    [
                        format!("starts and ends at the same card {id:?}"),
                        format!("alkaa ja päättyy samaan korttiin {id:?}"),
                    ],
                );
            }
            if let Some(imp) = &a.improvement {
                check_improvement(imp, el, &mut push);
            }
        }

        let mut vote_ids = BTreeSet::new();
        for v in &self.votes {
            let el = || ElementRef::Vote { id: v.id.0.to_string(), question: short(&v.question) };
            check_id(["vote round", "äänestyksellä"], &v.id.0, &mut vote_ids, el, &mut push);
            if !(1..=VoteRound::MAX_DOTS_PER_PERSON).contains(&v.dots_per_person) {
                let (n, max) = (v.dots_per_person, VoteRound::MAX_DOTS_PER_PERSON);
                push(
                    el(),
                    [
                        format!("dots_per_person {n} must be from 1 to {max}"),
                        format!("pisteitä henkeä kohden (dots_per_person {n}) pitää olla 1–{max}"),
                    ],
                );
            }
            if let Some(n) = v.voters
                && !(1..=VoteRound::MAX_VOTERS).contains(&n)
            {
                let max = VoteRound::MAX_VOTERS;
                push(
                    el(),
                    [
                        format!("voters {n} must be from 1 to {max}"),
                        format!("äänestäjiä (voters {n}) pitää olla 1–{max}"),
                    ],
                );
            }
            for card in v.dots.keys() {
                if self.card(card).is_none() {
                    push(
                        el(),
                        [
                            format!("gives dots to card {:?}, which does not exist", card.0),
                            format!("antaa pisteitä kortille {:?}, jota ei ole", card.0),
                        ],
                    );
                }
            }
        }
        problems
    }
}

/// A card's personas and the ratings by persona must name personas of the map, and a persona
/// rates only cards on its own journey.
fn check_card_personas(
    map: &JourneyMap,
    c: &super::Card,
    el: impl Fn() -> ElementRef,
    push: &mut impl FnMut(ElementRef, [String; 2]),
) {
    for (i, p) in c.personas.iter().enumerate() {
        if map.persona(p).is_none() {
            push(
                el(),
                [
                    format!("is on the journey of persona {:?}, which does not exist", p.0),
                    format!("on persoonan {:?} polulla, mutta sitä persoonaa ei ole", p.0),
                ],
            );
        } else if c.personas[..i].contains(p) {
            push(el(), [format!("names persona {:?} twice", p.0), format!("nimeää persoonan {:?} kahdesti", p.0)]);
        }
    }
    let rated =
        [("rated", "arvioinut kortin", &c.emotions), ("given a target", "saanut kortille tavoitteen", &c.targets)];
    for (what, what_fi, ratings) in rated {
        for p in ratings.keys() {
            if map.persona(p).is_none() {
                push(
                    el(),
                    [
                        format!("is {what} by persona {:?}, which does not exist", p.0),
                        format!("persoona {:?} on {what_fi}, mutta sitä persoonaa ei ole", p.0),
                    ],
                );
            } else if !c.is_on_journey_of(p) {
                push(
                    el(),
                    [
                        format!("is {what} by persona {:?}, whose journey it is not on", p.0),
                        format!("persoona {:?} on {what_fi}, vaikka kortti ei ole sen polulla", p.0),
                    ],
                );
            }
        }
    }
}

/// `kind`: the element's kind in English, and in Finnish as "another … has" needs it.
fn check_id(
    [kind, kind_fi]: [&str; 2],
    id: &str,
    seen: &mut BTreeSet<String>,
    el: impl Fn() -> ElementRef,
    push: &mut impl FnMut(ElementRef, [String; 2]),
) {
    if !is_valid_id(id) {
        push(
            el(),
            [
                format!("id {id:?} must be 1–64 ASCII letters, digits, '_', '-' or '.'"),
                format!("tunnuksessa {id:?} saa olla 1–64 ASCII-kirjainta, numeroa, '_', '-' tai '.'"),
            ],
        );
    }
    if !seen.insert(id.to_owned()) {
        push(
            el(),
            [format!("another {kind} already has the id {id:?}"), format!("toisella {kind_fi} on jo tunnus {id:?}")],
        );
    }
}

fn check_improvement(
    imp: &super::Improvement,
    el: impl Fn() -> ElementRef,
    push: &mut impl FnMut(ElementRef, [String; 2]),
) {
    for (name, name_fi, v) in [("value", "hyöty", imp.value), ("effort", "työmäärä", imp.effort)] {
        if let Some(v) = v
            && !(1..=5).contains(&v)
        {
            push(
                el(),
                [
                    format!("improvement {name} {v} must be from 1 to 5"),
                    format!("parannuskohteen {name_fi} ({name} {v}) pitää olla 1–5"),
                ],
            );
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
