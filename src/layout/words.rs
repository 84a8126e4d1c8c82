//! The few words the map itself shows, in the map's language.

use crate::model::{Channel, Language, Marker};

/// Labels drawn on a map.
pub struct Words {
    pub goal: &'static str,
    pub segment: &'static str,
    pub reviewed: &'static str,
    pub persona: &'static str,
    pub goals: &'static str,
    pub motivations: &'static str,
    pub challenges: &'static str,
    pub preferences: &'static str,
    pub dip: &'static str,
    /// The key of the dashed to-be curve.
    pub target_curve: &'static str,
    pub language: Language,
}

impl Words {
    /// The words of a language.
    pub fn of(language: Language) -> Words {
        match language {
            Language::English => Words {
                goal: "Goal",
                segment: "Segment",
                reviewed: "Last reviewed",
                persona: "Persona",
                goals: "Goals",
                motivations: "Motivations",
                challenges: "Challenges",
                preferences: "Preferences",
                dip: "Pain point",
                target_curve: "Target (to-be)",
                language,
            },
            Language::Finnish => Words {
                goal: "Tavoite",
                segment: "Segmentti",
                reviewed: "Tarkistettu",
                persona: "Persoona",
                goals: "Tavoitteet",
                motivations: "Motivaatiot",
                challenges: "Haasteet",
                preferences: "Mieltymykset",
                dip: "Kipupiste",
                target_curve: "Tavoite",
                language,
            },
        }
    }

    /// Whether the words are Finnish.
    pub fn finnish(&self) -> bool {
        self.language == Language::Finnish
    }

    /// A channel's name in this language.
    pub fn channel<'a>(&self, channel: &'a Channel) -> &'a str {
        match self.language {
            Language::English => channel.name_en(),
            Language::Finnish => channel.name_fi(),
        }
    }

    /// A marker's name in this language.
    pub fn marker(&self, marker: Marker) -> &'static str {
        match (self.language, marker) {
            (Language::English, Marker::Idea) => "Idea",
            (Language::English, Marker::PainPoint) => "Pain point",
            (Language::English, Marker::MomentOfTruth) => "Moment of truth",
            (Language::English, Marker::QuickWin) => "Quick win",
            (Language::Finnish, Marker::Idea) => "Idea",
            (Language::Finnish, Marker::PainPoint) => "Kipupiste",
            (Language::Finnish, Marker::MomentOfTruth) => "Totuuden hetki",
            (Language::Finnish, Marker::QuickWin) => "Nopea voitto",
        }
    }
}
