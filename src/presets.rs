//! Starting points for a new map: the three stage sets the journey-mapping method uses, in
//! English or Finnish, with the usual lanes.

use crate::model::{EmotionSettings, JourneyMap, Lane, LaneKind, Language, Stage};

/// Which stage set a new map starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// No stages yet: the usual lanes, ready for stages dragged from the palette.
    Blank,
    /// Awareness · Consideration · Purchase · Retention · Advocacy.
    Funnel,
    /// Need recognition · Information search · Evaluation of alternatives · Purchase decision ·
    /// Post-purchase behaviour.
    BuyingProcess,
    /// Inspiration/need · Consideration · Purchase decision · Customership.
    DigitalMarketing,
}

impl Preset {
    /// Every preset, in menu order.
    pub const ALL: [Preset; 4] = [Preset::Blank, Preset::Funnel, Preset::BuyingProcess, Preset::DigitalMarketing];

    /// The stage names (id, English, Finnish).
    pub fn stages(self) -> &'static [(&'static str, &'static str, &'static str)] {
        match self {
            Preset::Blank => &[],
            Preset::Funnel => &[
                ("awareness", "Awareness", "Tietoisuus"),
                ("consideration", "Consideration", "Harkinta"),
                ("purchase", "Purchase", "Osto"),
                ("retention", "Retention", "Sitoutuminen"),
                ("advocacy", "Advocacy", "Suosittelu"),
            ],
            Preset::BuyingProcess => &[
                ("need", "Need recognition", "Tarpeen tunnistaminen"),
                ("search", "Information search", "Tiedonkeruu"),
                ("evaluation", "Evaluation of alternatives", "Vaihtoehtojen vertailu"),
                ("decision", "Purchase decision", "Ostopäätös"),
                ("post-purchase", "Post-purchase behaviour", "Oston jälkeinen käyttäytyminen"),
            ],
            Preset::DigitalMarketing => &[
                ("inspiration", "Inspiration / need", "Inspiraatio / tarve"),
                ("consideration", "Consideration", "Harkinta"),
                ("decision", "Purchase decision", "Ostopäätös"),
                ("customership", "Customership", "Asiakkuus"),
            ],
        }
    }

    /// The stages joined with arrows, as shown in menus.
    pub fn summary(self, language: Language) -> String {
        if self == Preset::Blank {
            return (if language == Language::Finnish {
                "Tyhjä kartta (vain kaistat)"
            } else {
                "Blank map (lanes only)"
            })
            .to_owned();
        }
        let names: Vec<&str> =
            self.stages().iter().map(|(_, en, fi)| if language == Language::Finnish { *fi } else { *en }).collect();
        names.join(" → ")
    }

    /// A new, empty map with this preset's stages and the usual lanes.
    pub fn new_map(self, language: Language) -> JourneyMap {
        let fi = language == Language::Finnish;
        let mut map = JourneyMap::new(if fi { "Uusi asiakaspolku" } else { "New customer journey" });
        map.language = language;
        if fi {
            map.emotions = EmotionSettings { labels: EmotionSettings::finnish_labels(), ..EmotionSettings::default() };
        }
        map.stages = self
            .stages()
            .iter()
            .enumerate()
            .map(|(i, (id, en, f))| Stage {
                // Each stage owns its colour, so reordering never repaints one.
                colour: Some(crate::model::Colour::for_stage(i)),
                ..Stage::new(*id, if fi { *f } else { *en })
            })
            .collect();
        let lanes: [(&str, &str, &str, LaneKind); 8] = [
            ("does", "Does", "Tekee", LaneKind::Notes),
            ("thinks", "Thinks", "Ajattelee", LaneKind::Notes),
            ("feels", "Feels", "Tuntee", LaneKind::EmotionCurve),
            ("touchpoints", "Touchpoints", "Kosketuspisteet", LaneKind::Touchpoints),
            ("pains", "Pain points", "Kipupisteet", LaneKind::PainPoints),
            ("opportunities", "Opportunities", "Mahdollisuudet", LaneKind::Opportunities),
            ("goal", "Our goal", "Tavoitteemme", LaneKind::Text),
            ("kpis", "KPIs", "Mittarit", LaneKind::Text),
        ];
        map.lanes = lanes.iter().map(|(id, en, f, kind)| Lane::new(*id, if fi { *f } else { *en }, *kind)).collect();
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_preset_makes_a_valid_map_in_both_languages() {
        for preset in Preset::ALL {
            for language in [Language::English, Language::Finnish] {
                let map = preset.new_map(language);
                assert!(map.validate().is_empty());
                assert_eq!(map.stages.len(), preset.stages().len());
            }
        }
        assert_eq!(Preset::DigitalMarketing.new_map(Language::Finnish).stages[0].name, "Inspiraatio / tarve");
    }
}
