//! How well research backs a card (Smaply colours steps by it; TheyDo attaches facts to
//! insights), and the kinds of value a need or an opportunity carries (seed 001: functional,
//! economic, emotional, social or symbolic).

use serde::{Deserialize, Serialize};

/// How well a card is backed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum EvidenceLevel {
    /// The team believes it; nobody has checked.
    Assumption,
    /// Some research points this way.
    PartlyBacked,
    /// Research shows it.
    Researched,
}

impl EvidenceLevel {
    pub const ALL: [EvidenceLevel; 3] =
        [EvidenceLevel::Assumption, EvidenceLevel::PartlyBacked, EvidenceLevel::Researched];

    pub fn name(self, finnish: bool) -> &'static str {
        match (self, finnish) {
            (EvidenceLevel::Assumption, false) => "Assumption",
            (EvidenceLevel::PartlyBacked, false) => "Partly backed",
            (EvidenceLevel::Researched, false) => "Researched",
            (EvidenceLevel::Assumption, true) => "Oletus",
            (EvidenceLevel::PartlyBacked, true) => "Osin perusteltu",
            (EvidenceLevel::Researched, true) => "Tutkittu",
        }
    }
}

/// Where a piece of evidence comes from (seed 001 lists the ways personas are researched).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum SourceKind {
    Interview,
    Survey,
    Observation,
    Analytics,
    CustomerFeedback,
    Other,
}

impl SourceKind {
    pub const ALL: [SourceKind; 6] = [
        SourceKind::Interview,
        SourceKind::Survey,
        SourceKind::Observation,
        SourceKind::Analytics,
        SourceKind::CustomerFeedback,
        SourceKind::Other,
    ];

    pub fn name(self, finnish: bool) -> &'static str {
        match (self, finnish) {
            (SourceKind::Interview, false) => "Interview",
            (SourceKind::Survey, false) => "Survey",
            (SourceKind::Observation, false) => "Observation",
            (SourceKind::Analytics, false) => "Analytics",
            (SourceKind::CustomerFeedback, false) => "Customer feedback",
            (SourceKind::Other, false) => "Other",
            (SourceKind::Interview, true) => "Haastattelu",
            (SourceKind::Survey, true) => "Kysely",
            (SourceKind::Observation, true) => "Havainnointi",
            (SourceKind::Analytics, true) => "Analytiikka",
            (SourceKind::CustomerFeedback, true) => "Asiakaspalaute",
            (SourceKind::Other, true) => "Muu",
        }
    }
}

/// One source: its kind and a note or a quote ("6 of 12 interviewees", "“I guessed my size”").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub kind: SourceKind,
    #[serde(default)]
    pub note: String,
}

/// A card's evidence: how well it is backed and by what.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    pub level: EvidenceLevel,
    #[serde(default)]
    pub sources: Vec<Source>,
}

/// The kind of value a need or an opportunity has for the customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum ValueType {
    Functional,
    Economic,
    Emotional,
    /// Social or symbolic: what it says about the customer to others.
    Social,
}

impl ValueType {
    pub const ALL: [ValueType; 4] =
        [ValueType::Functional, ValueType::Economic, ValueType::Emotional, ValueType::Social];

    pub fn name(self, finnish: bool) -> &'static str {
        match (self, finnish) {
            (ValueType::Functional, false) => "Functional",
            (ValueType::Economic, false) => "Economic",
            (ValueType::Emotional, false) => "Emotional",
            (ValueType::Social, false) => "Social",
            (ValueType::Functional, true) => "Toiminnallinen",
            (ValueType::Economic, true) => "Taloudellinen",
            (ValueType::Emotional, true) => "Tunne",
            (ValueType::Social, true) => "Sosiaalinen",
        }
    }
}

/// How many touchpoints a map has, and how many of them are researched or partly backed: the
/// status bar's and the exports' one-line summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct EvidenceSummary {
    pub touchpoints: usize,
    pub researched: usize,
    pub partly: usize,
    pub assumptions: usize,
}

impl EvidenceSummary {
    /// Whether the map uses evidence at all (otherwise the summary is not shown).
    pub fn any(&self) -> bool {
        self.researched + self.partly + self.assumptions > 0
    }

    /// "28 of 45 touchpoints backed by research (6 partly)".
    pub fn sentence(&self, finnish: bool) -> String {
        let (r, n, p) = (self.researched, self.touchpoints, self.partly);
        match (finnish, p) {
            (false, 0) => format!("{r} of {n} touchpoints backed by research"),
            (false, p) => format!("{r} of {n} touchpoints backed by research ({p} partly)"),
            (true, 0) => format!("{r}/{n} kosketuspisteestä tutkittu"),
            (true, p) => format!("{r}/{n} kosketuspisteestä tutkittu ({p} osin)"),
        }
    }
}
