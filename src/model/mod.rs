//! The journey-map document: plain data with serde, no egui.
//!
//! Everything here is saved in the map file. Session state (camera, selection) and derived
//! caches (layout, text galleys) live elsewhere and are never saved.

mod arrow;
mod card;
mod channel;
mod channel_plan;
mod date;
mod emotion;
mod evidence;
mod id;
mod improvement;
mod journey_map;
mod lane;
mod persona;
mod presentation;
mod stage;
mod swot;
mod validate;
mod version;
mod vote;

pub use arrow::{Arrow, ArrowKind};
pub use card::{Card, Marker};
pub use channel::Channel;
pub use channel_plan::{ActionKind, ChannelPlan, ChannelPriority};
pub use date::Date;
pub use emotion::{Emotion, EmotionDisplay, EmotionSettings};
pub use evidence::{Evidence, EvidenceLevel, EvidenceSummary, Source, SourceKind, ValueType};
pub use id::{ArrowId, CardId, LaneId, PersonaId, StageId, VoteId, fresh_id, is_valid_id};
pub use improvement::{Improvement, Priority, Status};
pub use journey_map::{JourneyMap, Language};
pub use lane::{Lane, LaneKind};
pub use persona::{Persona, on_journey};
pub use presentation::PresentationSettings;
pub use stage::{Colour, STAGE_COLOURS, Stage};
pub use swot::{Quadrant, Swot};
pub use validate::{ElementRef, Problem};
pub use version::{KeptMap, KeptVersion, Stamp};
pub use vote::{VoteRound, VoteScope};
