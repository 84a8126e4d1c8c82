//! Formats 1 to 4, read as they were written and migrated to today's map.
//!
//! Up to format 4 a map had exactly one persona (`persona: (…)`) and a card one `emotion`.
//! Format 5 holds several personas, each card's ratings by persona and target ratings; an
//! older file becomes a map with one persona, `p1`, whose journey every card is on and whose
//! ratings the old emotions become. Everything else reads into today's types unchanged.

use crate::model::{
    Arrow, Card, CardId, ChannelPlan, Date, Emotion, EmotionSettings, Evidence, Improvement, JourneyMap, Lane, LaneId,
    Language, Marker, Persona, PersonaId, PresentationSettings, Stage, StageId, ValueType, VoteRound,
};
use serde::Deserialize;

/// The id the one persona of an older file gets.
pub const MIGRATED_PERSONA: &str = "p1";

/// A whole file of format 1 to 4.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Envelope")]
pub(super) struct EnvelopeV4 {
    /// Read first by the version probe; named here so that it is not an unknown field.
    #[serde(rename = "format_version")]
    _version: u32,
    map: MapV4,
}

impl EnvelopeV4 {
    /// Today's map.
    pub fn migrate(self) -> JourneyMap {
        self.map.migrate()
    }
}

// Named as today's types, so that messages about an older file name them as the user knows them.
#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "JourneyMap")]
struct MapV4 {
    title: String,
    #[serde(default)]
    goal: String,
    #[serde(default)]
    segment: String,
    #[serde(default)]
    description: String,
    #[serde(default)]
    last_reviewed: Option<Date>,
    #[serde(default)]
    review_interval_months: Option<u8>,
    #[serde(default)]
    language: Language,
    #[serde(default)]
    persona: PersonaV4,
    #[serde(default)]
    emotions: EmotionSettings,
    #[serde(default)]
    stages: Vec<Stage>,
    #[serde(default)]
    lanes: Vec<Lane>,
    #[serde(default)]
    cards: Vec<CardV4>,
    #[serde(default)]
    arrows: Vec<Arrow>,
    #[serde(default)]
    votes: Vec<VoteRound>,
    #[serde(default)]
    presentation: PresentationSettings,
    #[serde(default)]
    channels: Vec<ChannelPlan>,
}

/// The one persona of an older map: today's persona without an id.
#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields, rename = "Persona")]
struct PersonaV4 {
    #[serde(default)]
    name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    quote: String,
    #[serde(default)]
    background: String,
    #[serde(default)]
    goals: Vec<String>,
    #[serde(default)]
    motivations: Vec<String>,
    #[serde(default)]
    challenges: Vec<String>,
    #[serde(default)]
    preferences: Vec<String>,
    #[serde(default)]
    photo: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename = "Card")]
struct CardV4 {
    id: CardId,
    stage: StageId,
    lane: LaneId,
    #[serde(default)]
    position: u32,
    title: String,
    #[serde(default)]
    body: String,
    #[serde(default)]
    channel: Option<crate::model::Channel>,
    #[serde(default)]
    emotion: Option<Emotion>,
    #[serde(default)]
    marker: Option<Marker>,
    #[serde(default)]
    improvement: Option<Improvement>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    evidence: Option<Evidence>,
    #[serde(default)]
    values: Vec<ValueType>,
}

impl MapV4 {
    fn migrate(self) -> JourneyMap {
        let id = PersonaId::new(MIGRATED_PERSONA);
        let p = self.persona;
        let persona = Persona {
            id: id.clone(),
            name: p.name,
            role: p.role,
            quote: p.quote,
            background: p.background,
            goals: p.goals,
            motivations: p.motivations,
            challenges: p.challenges,
            preferences: p.preferences,
            photo: p.photo,
        };
        let cards = self
            .cards
            .into_iter()
            .map(|c| Card {
                position: c.position,
                body: c.body,
                channel: c.channel,
                marker: c.marker,
                improvement: c.improvement,
                tags: c.tags,
                evidence: c.evidence,
                values: c.values,
                ..Card::new(c.id, c.stage, c.lane, c.title).rated(&id, c.emotion)
            })
            .collect();
        JourneyMap {
            title: self.title,
            goal: self.goal,
            segment: self.segment,
            description: self.description,
            last_reviewed: self.last_reviewed,
            review_interval_months: self.review_interval_months,
            language: self.language,
            personas: vec![persona],
            emotions: self.emotions,
            stages: self.stages,
            lanes: self.lanes,
            cards,
            arrows: self.arrows,
            votes: self.votes,
            presentation: self.presentation,
            channels: self.channels,
            versions: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_old_map_gets_one_persona_whose_ratings_the_old_emotions_become() {
        let text = r#"(format_version: 4, map: (title: "t", persona: (name: "Sari"),
            stages: [(id: "s", name: "S")], lanes: [(id: "l", title: "L", kind: Touchpoints)],
            cards: [(id: "a", stage: "s", lane: "l", title: "A", emotion: Some(-1)),
                    (id: "b", stage: "s", lane: "l", title: "B")]))"#;
        let map = match ron::from_str::<EnvelopeV4>(text) {
            Ok(e) => e.migrate(),
            Err(e) => panic!("{e}"),
        };
        let p1 = PersonaId::new("p1");
        assert_eq!(map.personas.len(), 1);
        assert_eq!(map.personas[0].name, "Sari");
        assert_eq!(map.cards[0].emotion_of(&p1), Emotion::new(-1));
        assert!(map.cards[0].personas.is_empty(), "every card stays on the one persona's journey");
        assert!(map.cards[1].emotions.is_empty());
        assert!(map.validate().is_empty());
    }
}
