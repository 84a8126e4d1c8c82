//! Commands: the only way a map changes. Applying one returns its inverse.

use super::StepName;
use crate::model::{
    Arrow, ArrowId, Card, CardId, Date, EmotionSettings, JourneyMap, Lane, LaneId, Language, Persona, PersonaId,
    PresentationSettings, Stage, StageId, VoteId, VoteRound,
};

/// The map's own fields (not its stages, lanes, cards or arrows).
#[derive(Clone, Debug, PartialEq)]
pub struct MapInfo {
    pub title: String,
    pub goal: String,
    pub segment: String,
    pub description: String,
    pub last_reviewed: Option<Date>,
    pub review_interval_months: Option<u8>,
    pub language: Language,
}

impl MapInfo {
    /// The info of `map`.
    pub fn of(map: &JourneyMap) -> MapInfo {
        MapInfo {
            title: map.title.clone(),
            goal: map.goal.clone(),
            segment: map.segment.clone(),
            description: map.description.clone(),
            last_reviewed: map.last_reviewed,
            review_interval_months: map.review_interval_months,
            language: map.language,
        }
    }
}

/// One change to a map. Elements are named by id, so a command stays valid while other
/// elements come and go.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    SetInfo(MapInfo),
    InsertPersona {
        index: usize,
        persona: Persona,
    },
    /// Refused while a card names the persona or holds its ratings (see `ops::delete_persona`).
    RemovePersona(PersonaId),
    UpdatePersona(Persona),
    MovePersona {
        id: PersonaId,
        to: usize,
    },
    SetEmotions(EmotionSettings),
    InsertStage {
        index: usize,
        stage: Stage,
    },
    RemoveStage(StageId),
    UpdateStage(Stage),
    MoveStage {
        id: StageId,
        to: usize,
    },
    InsertLane {
        index: usize,
        lane: Lane,
    },
    RemoveLane(LaneId),
    UpdateLane(Lane),
    MoveLane {
        id: LaneId,
        to: usize,
    },
    InsertCard {
        index: usize,
        card: Card,
    },
    RemoveCard(CardId),
    UpdateCard(Card),
    InsertArrow {
        index: usize,
        arrow: Arrow,
    },
    RemoveArrow(ArrowId),
    UpdateArrow(Arrow),
    InsertVoteRound {
        index: usize,
        round: VoteRound,
    },
    RemoveVoteRound(VoteId),
    /// Replaces a round: its dots, its question, or ending it.
    UpdateVoteRound(VoteRound),
    SetPresentation(PresentationSettings),
    /// The channels' priorities, replaced as a whole.
    SetChannelPlans(Vec<crate::model::ChannelPlan>),
    /// Keeps a version of the map in its file (File → Save version…).
    InsertVersion {
        index: usize,
        version: crate::model::KeptVersion,
    },
    /// Versions have no ids: they are named by their place, oldest first.
    RemoveVersion(usize),
    /// Replaces everything in the map except its kept versions (restoring a version).
    ReplaceContent(Box<JourneyMap>),
    /// Several commands as one step with its own label; undone in reverse order.
    Batch(StepName, Vec<Command>),
}

/// Why a command could not be applied; the map is unchanged.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("there is no {0} with id {1:?}")]
    Missing(&'static str, String),
    #[error("another {0} already has the id {1:?}")]
    Duplicate(&'static str, String),
    #[error("{0} {1:?} still has cards or arrows that refer to it")]
    InUse(&'static str, String),
    #[error("lane {0:?} holds no cards (it draws the emotion curve or the SWOT analyses)")]
    HoldsNoCards(String),
}

impl EditError {
    /// The message in `language`.
    pub fn to_string_in(&self, language: crate::model::Language) -> String {
        if language == crate::model::Language::English {
            return self.to_string();
        }
        let kind = |k: &str| match k {
            "stage" => "vaihe",
            "lane" => "kaista",
            "card" => "kortti",
            "arrow" => "nuoli",
            "vote round" => "äänestys",
            "persona" => "persoona",
            "version" => "versio",
            _ => "kohde",
        };
        match self {
            EditError::Missing(k, id) => format!("{} {id:?} puuttuu kartasta", kind(k)),
            EditError::Duplicate(k, id) => format!("tunnus {id:?} on jo toisella: {}", kind(k)),
            EditError::InUse(k, name) => format!("{} {name:?}: siihen viittaa vielä kortteja tai nuolia", kind(k)),
            EditError::HoldsNoCards(lane) => {
                format!("kaistalla {lane:?} ei ole kortteja (se piirtää tunnekäyrän tai SWOT-analyysit)")
            }
        }
    }
}

fn position<T>(items: &[T], pred: impl Fn(&T) -> bool, kind: &'static str, id: &str) -> Result<usize, EditError> {
    items.iter().position(pred).ok_or_else(|| EditError::Missing(kind, id.to_owned()))
}

impl Command {
    /// Applies the command and returns its inverse; on error the map is unchanged.
    pub fn apply(&self, map: &mut JourneyMap) -> Result<Command, EditError> {
        use Command::*;
        Ok(match self {
            SetInfo(info) => {
                let old = MapInfo::of(map);
                map.title.clone_from(&info.title);
                map.goal.clone_from(&info.goal);
                map.segment.clone_from(&info.segment);
                map.description.clone_from(&info.description);
                map.last_reviewed = info.last_reviewed;
                map.review_interval_months = info.review_interval_months;
                map.language = info.language;
                SetInfo(old)
            }
            InsertPersona { index, persona } => {
                if map.persona(&persona.id).is_some() {
                    return Err(EditError::Duplicate("persona", persona.id.0.to_string()));
                }
                map.personas.insert((*index).min(map.personas.len()), persona.clone());
                RemovePersona(persona.id.clone())
            }
            RemovePersona(id) => {
                let i = position(&map.personas, |p| &p.id == id, "persona", id.as_str())?;
                let refers =
                    |c: &Card| c.personas.contains(id) || c.emotions.contains_key(id) || c.targets.contains_key(id);
                if map.cards.iter().any(refers) {
                    return Err(EditError::InUse("persona", map.personas[i].name.clone()));
                }
                InsertPersona { index: i, persona: map.personas.remove(i) }
            }
            UpdatePersona(persona) => {
                let i = position(&map.personas, |p| p.id == persona.id, "persona", persona.id.as_str())?;
                UpdatePersona(std::mem::replace(&mut map.personas[i], persona.clone()))
            }
            MovePersona { id, to } => {
                let i = position(&map.personas, |p| &p.id == id, "persona", id.as_str())?;
                let p = map.personas.remove(i);
                map.personas.insert((*to).min(map.personas.len()), p);
                MovePersona { id: id.clone(), to: i }
            }
            SetEmotions(e) => SetEmotions(std::mem::replace(&mut map.emotions, e.clone())),
            InsertStage { index, stage } => {
                if map.stage(&stage.id).is_some() {
                    return Err(EditError::Duplicate("stage", stage.id.0.to_string()));
                }
                map.stages.insert((*index).min(map.stages.len()), stage.clone());
                RemoveStage(stage.id.clone())
            }
            RemoveStage(id) => {
                let i = position(&map.stages, |s| &s.id == id, "stage", id.as_str())?;
                if map.cards.iter().any(|c| &c.stage == id) {
                    return Err(EditError::InUse("stage", map.stages[i].name.clone()));
                }
                InsertStage { index: i, stage: map.stages.remove(i) }
            }
            UpdateStage(stage) => {
                let i = position(&map.stages, |s| s.id == stage.id, "stage", stage.id.as_str())?;
                UpdateStage(std::mem::replace(&mut map.stages[i], stage.clone()))
            }
            MoveStage { id, to } => {
                let i = position(&map.stages, |s| &s.id == id, "stage", id.as_str())?;
                let s = map.stages.remove(i);
                map.stages.insert((*to).min(map.stages.len()), s);
                MoveStage { id: id.clone(), to: i }
            }
            InsertLane { index, lane } => {
                if map.lane(&lane.id).is_some() {
                    return Err(EditError::Duplicate("lane", lane.id.0.to_string()));
                }
                map.lanes.insert((*index).min(map.lanes.len()), lane.clone());
                RemoveLane(lane.id.clone())
            }
            RemoveLane(id) => {
                let i = position(&map.lanes, |l| &l.id == id, "lane", id.as_str())?;
                if map.cards.iter().any(|c| &c.lane == id) {
                    return Err(EditError::InUse("lane", map.lanes[i].title.clone()));
                }
                InsertLane { index: i, lane: map.lanes.remove(i) }
            }
            UpdateLane(lane) => {
                let i = position(&map.lanes, |l| l.id == lane.id, "lane", lane.id.as_str())?;
                if !lane.kind.holds_cards() && map.cards.iter().any(|c| c.lane == lane.id) {
                    return Err(EditError::InUse("lane", lane.title.clone()));
                }
                UpdateLane(std::mem::replace(&mut map.lanes[i], lane.clone()))
            }
            MoveLane { id, to } => {
                let i = position(&map.lanes, |l| &l.id == id, "lane", id.as_str())?;
                let l = map.lanes.remove(i);
                map.lanes.insert((*to).min(map.lanes.len()), l);
                MoveLane { id: id.clone(), to: i }
            }
            InsertCard { index, card } => {
                if map.card(&card.id).is_some() {
                    return Err(EditError::Duplicate("card", card.id.0.to_string()));
                }
                check_cell(map, &card.stage, &card.lane)?;
                map.cards.insert((*index).min(map.cards.len()), card.clone());
                RemoveCard(card.id.clone())
            }
            RemoveCard(id) => {
                let i = position(&map.cards, |c| &c.id == id, "card", id.as_str())?;
                if map.arrows.iter().any(|a| &a.from == id || &a.to == id)
                    || map.votes.iter().any(|v| v.dots.contains_key(id))
                {
                    return Err(EditError::InUse("card", map.cards[i].title.clone()));
                }
                InsertCard { index: i, card: map.cards.remove(i) }
            }
            UpdateCard(card) => {
                let i = position(&map.cards, |c| c.id == card.id, "card", card.id.as_str())?;
                check_cell(map, &card.stage, &card.lane)?;
                UpdateCard(std::mem::replace(&mut map.cards[i], card.clone()))
            }
            InsertArrow { index, arrow } => {
                if map.arrow(&arrow.id).is_some() {
                    return Err(EditError::Duplicate("arrow", arrow.id.0.to_string()));
                }
                for end in [&arrow.from, &arrow.to] {
                    if map.card(end).is_none() {
                        return Err(EditError::Missing("card", end.0.to_string()));
                    }
                }
                map.arrows.insert((*index).min(map.arrows.len()), arrow.clone());
                RemoveArrow(arrow.id.clone())
            }
            RemoveArrow(id) => {
                let i = position(&map.arrows, |a| &a.id == id, "arrow", id.as_str())?;
                InsertArrow { index: i, arrow: map.arrows.remove(i) }
            }
            UpdateArrow(arrow) => {
                let i = position(&map.arrows, |a| a.id == arrow.id, "arrow", arrow.id.as_str())?;
                UpdateArrow(std::mem::replace(&mut map.arrows[i], arrow.clone()))
            }
            InsertVoteRound { index, round } => {
                if map.vote(&round.id).is_some() {
                    return Err(EditError::Duplicate("vote round", round.id.0.to_string()));
                }
                if let Some(card) = round.dots.keys().find(|c| map.card(c).is_none()) {
                    return Err(EditError::Missing("card", card.0.to_string()));
                }
                map.votes.insert((*index).min(map.votes.len()), round.clone());
                RemoveVoteRound(round.id.clone())
            }
            RemoveVoteRound(id) => {
                let i = position(&map.votes, |v| &v.id == id, "vote round", id.as_str())?;
                InsertVoteRound { index: i, round: map.votes.remove(i) }
            }
            UpdateVoteRound(round) => {
                let i = position(&map.votes, |v| v.id == round.id, "vote round", round.id.as_str())?;
                if let Some(card) = round.dots.keys().find(|c| map.card(c).is_none()) {
                    return Err(EditError::Missing("card", card.0.to_string()));
                }
                UpdateVoteRound(std::mem::replace(&mut map.votes[i], round.clone()))
            }
            SetPresentation(p) => SetPresentation(std::mem::replace(&mut map.presentation, p.clone())),
            SetChannelPlans(plans) => SetChannelPlans(std::mem::replace(&mut map.channels, plans.clone())),
            InsertVersion { index, version } => {
                let i = (*index).min(map.versions.len());
                map.versions.insert(i, version.clone());
                RemoveVersion(i)
            }
            RemoveVersion(i) => {
                if *i >= map.versions.len() {
                    return Err(EditError::Missing("version", (i + 1).to_string()));
                }
                InsertVersion { index: *i, version: map.versions.remove(*i) }
            }
            ReplaceContent(content) => {
                let versions = std::mem::take(&mut map.versions);
                let mut old = std::mem::replace(map, JourneyMap { versions: Vec::new(), ..(**content).clone() });
                map.versions = versions;
                old.versions = Vec::new();
                ReplaceContent(Box::new(old))
            }
            Batch(label, commands) => {
                // Many card updates (a card dragged into a full cell renumbers the cell): find
                // each card by an index made once, not by a search of all cards per update.
                if commands.len() >= super::batch::CARD_INDEX_FROM
                    && commands.iter().all(|c| matches!(c, UpdateCard(_)))
                {
                    return super::batch::update_cards(map, *label, commands);
                }
                let mut inverses = Vec::with_capacity(commands.len());
                for c in commands {
                    match c.apply(map) {
                        Ok(inv) => inverses.push(inv),
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
                Batch(*label, inverses)
            }
        })
    }

    /// What the command does, for "Undo …" in the Edit menu.
    pub fn label(&self) -> StepName {
        use Command::*;
        match self {
            SetInfo(_) => StepName::EditMapDetails,
            InsertPersona { .. } => StepName::AddPersona,
            RemovePersona(_) => StepName::DeletePersona,
            UpdatePersona(_) => StepName::EditPersona,
            MovePersona { .. } => StepName::MovePersona,
            SetEmotions(_) => StepName::EditEmotionScale,
            InsertStage { .. } => StepName::AddStage,
            RemoveStage(_) => StepName::DeleteStage,
            UpdateStage(_) => StepName::EditStage,
            MoveStage { .. } => StepName::MoveStage,
            InsertLane { .. } => StepName::AddLane,
            RemoveLane(_) => StepName::DeleteLane,
            UpdateLane(_) => StepName::EditLane,
            MoveLane { .. } => StepName::MoveLane,
            InsertCard { .. } => StepName::AddCard,
            RemoveCard(_) => StepName::DeleteCard,
            UpdateCard(_) => StepName::EditCard,
            InsertArrow { .. } => StepName::AddArrow,
            RemoveArrow(_) => StepName::DeleteArrow,
            UpdateArrow(_) => StepName::EditArrow,
            InsertVoteRound { .. } => StepName::StartVote,
            RemoveVoteRound(_) => StepName::DeleteVoteRound,
            UpdateVoteRound(_) => StepName::Vote,
            SetPresentation(_) => StepName::PresentationOptions,
            SetChannelPlans(_) => StepName::ChannelPriority,
            InsertVersion { .. } => StepName::KeepVersion,
            RemoveVersion(_) => StepName::DeleteVersion,
            ReplaceContent(_) => StepName::RestoreVersion,
            Batch(label, _) => *label,
        }
    }
}

pub(super) fn check_cell(map: &JourneyMap, stage: &StageId, lane: &LaneId) -> Result<(), EditError> {
    if map.stage(stage).is_none() {
        return Err(EditError::Missing("stage", stage.0.to_string()));
    }
    match map.lane(lane) {
        None => Err(EditError::Missing("lane", lane.0.to_string())),
        Some(l) if !l.kind.holds_cards() => Err(EditError::HoldsNoCards(l.title.clone())),
        Some(_) => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;

    fn round(id: &str) -> VoteRound {
        VoteRound {
            id: VoteId::new(id),
            question: "Mikä kipeintä?".into(),
            date: Date { year: 2026, month: 12, day: 1 },
            scope: VoteScope::AllCards,
            dots_per_person: 3,
            voters: Some(4),
            dots: [(CardId::new("c1"), 2)].into_iter().collect(),
            closed: false,
        }
    }

    fn fixture() -> JourneyMap {
        let mut m = crate::presets::Preset::Funnel.new_map(Language::Finnish);
        m.personas.push(Persona::new("p2", "Pekka"));
        m.votes.push(round("v1"));
        m.cards.push(Card::new("c1", "awareness", "does", "Näkee mainoksen"));
        m.cards.push(Card::new("c2", "purchase", "touchpoints", "Maksaa"));
        m.arrows.push(Arrow {
            id: ArrowId::new("a1"),
            from: CardId::new("c1"),
            to: CardId::new("c2"),
            kind: ArrowKind::Flow,
            label: String::new(),
            improvement: None,
        });
        let kept = crate::io::keep_version(&m, "Alku", Stamp::now()).unwrap();
        m.versions.push(kept);
        m
    }

    /// Every kind of command, each valid on the fixture.
    fn every_command(m: &JourneyMap) -> Vec<Command> {
        let mut card = m.cards[0].clone();
        card.title = "Muutettu".into();
        card.emotions.insert(PersonaId::new("p1"), Emotion::new(-2).unwrap_or(Emotion::new(0).unwrap()));
        let mut stage = m.stages[1].clone();
        stage.width = 2.0;
        let mut lane = m.lanes[0].clone();
        lane.title = "Tekemiset".into();
        let mut arrow = m.arrows[0].clone();
        arrow.kind = ArrowKind::Improvement;
        let mut info = MapInfo::of(m);
        info.title = "Uusi nimi".into();
        vec![
            Command::SetInfo(info),
            Command::UpdatePersona(Persona { name: "Sari".into(), ..m.personas[0].clone() }),
            Command::InsertPersona { index: 1, persona: Persona::new("p3", "Liisa") },
            Command::RemovePersona(PersonaId::new("p2")),
            Command::MovePersona { id: PersonaId::new("p1"), to: 1 },
            Command::SetEmotions(EmotionSettings { display: EmotionDisplay::Smileys, ..EmotionSettings::default() }),
            Command::InsertStage { index: 1, stage: Stage::new("new", "Uusi vaihe") },
            Command::RemoveStage(StageId::new("advocacy")),
            Command::UpdateStage(stage),
            Command::MoveStage { id: StageId::new("awareness"), to: 3 },
            Command::InsertLane { index: 0, lane: Lane::new("x", "X", LaneKind::Notes) },
            Command::RemoveLane(LaneId::new("kpis")),
            Command::UpdateLane(lane),
            Command::MoveLane { id: LaneId::new("does"), to: 5 },
            Command::InsertCard { index: 1, card: Card::new("c9", "retention", "pains", "Uusi") },
            Command::UpdateCard(card),
            Command::InsertArrow {
                index: 0,
                arrow: Arrow {
                    id: ArrowId::new("a2"),
                    from: CardId::new("c2"),
                    to: CardId::new("c1"),
                    kind: ArrowKind::Improvement,
                    label: "x".into(),
                    improvement: None,
                },
            },
            Command::RemoveArrow(ArrowId::new("a1")),
            Command::UpdateArrow(arrow),
            Command::InsertVoteRound { index: 1, round: round("v2") },
            Command::RemoveVoteRound(VoteId::new("v1")),
            Command::UpdateVoteRound(VoteRound { closed: true, ..round("v1") }),
            Command::SetPresentation(PresentationSettings { reveal_lanes: true }),
            Command::InsertVersion {
                index: 1,
                version: crate::io::keep_version(&JourneyMap::new("Toinen"), "Toinen", Stamp::now()).unwrap(),
            },
            Command::RemoveVersion(0),
            Command::ReplaceContent(Box::new(crate::presets::Preset::ServiceVisit.new_map(Language::English))),
            Command::Batch(
                StepName::AddCards,
                vec![
                    Command::RemoveArrow(ArrowId::new("a1")),
                    Command::UpdateVoteRound(VoteRound { dots: Default::default(), ..round("v1") }),
                    Command::RemoveCard(CardId::new("c1")),
                ],
            ),
        ]
    }

    #[test]
    fn every_command_changes_the_map_and_its_inverse_restores_it() {
        let original = fixture();
        for cmd in every_command(&original) {
            let mut m = original.clone();
            let inverse = cmd.apply(&mut m).unwrap_or_else(|e| panic!("{cmd:?}: {e}"));
            assert_ne!(m, original, "{cmd:?} changed nothing");
            assert!(m.validate().is_empty(), "{cmd:?} left {:?}", m.validate());
            let again = inverse.apply(&mut m).unwrap();
            assert_eq!(m, original, "inverse of {cmd:?}");
            // The inverse of the inverse redoes the command.
            again.apply(&mut m).unwrap();
            let mut direct = original.clone();
            cmd.apply(&mut direct).unwrap();
            assert_eq!(m, direct);
        }
    }

    #[test]
    fn commands_that_would_break_the_map_are_refused_and_change_nothing() {
        let original = fixture();
        let bad = [
            Command::RemoveStage(StageId::new("awareness")),
            Command::RemoveLane(LaneId::new("does")),
            Command::RemoveCard(CardId::new("c1")),
            Command::InsertCard { index: 0, card: Card::new("c1", "awareness", "does", "dup") },
            Command::InsertCard { index: 0, card: Card::new("c7", "awareness", "feels", "in the curve") },
            Command::UpdateCard(Card::new("ghost", "awareness", "does", "x")),
            Command::InsertArrow {
                index: 0,
                arrow: Arrow {
                    id: ArrowId::new("a5"),
                    from: CardId::new("c1"),
                    to: CardId::new("nope"),
                    kind: ArrowKind::Flow,
                    label: String::new(),
                    improvement: None,
                },
            },
            // c1 still has dots in round v1.
            Command::Batch(
                StepName::Vote,
                vec![Command::RemoveArrow(ArrowId::new("a1")), Command::RemoveCard(CardId::new("c1"))],
            ),
            Command::UpdateVoteRound(VoteRound {
                dots: [(CardId::new("ghost"), 1)].into_iter().collect(),
                ..round("v1")
            }),
            Command::InsertVoteRound { index: 0, round: round("v1") },
            Command::RemoveVersion(1),
            Command::Batch(
                StepName::AddCards,
                vec![Command::RemoveArrow(ArrowId::new("a1")), Command::RemoveStage(StageId::new("nope"))],
            ),
        ];
        for cmd in bad {
            let mut m = original.clone();
            assert!(cmd.apply(&mut m).is_err(), "{cmd:?}");
            assert_eq!(m, original, "{cmd:?} left a change behind");
        }
    }
}
