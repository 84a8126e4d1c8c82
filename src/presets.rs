//! Starting points for a new map: the three stage sets the marketing articles use and a service
//! visit (a clinic, a garage, a salon), in English or Finnish, each with lanes that fit it.

use crate::model::{Card, Channel, EmotionSettings, JourneyMap, Lane, LaneKind, Language, Stage};

/// A lane of a preset: id, English title, Finnish title, kind.
type LaneSpec = (&'static str, &'static str, &'static str, LaneKind);

/// The lanes of the marketing and sales presets: what the articles put on a buyer's journey.
const MARKETING_LANES: [LaneSpec; 8] = [
    ("does", "Does", "Tekee", LaneKind::Notes),
    ("thinks", "Thinks", "Ajattelee", LaneKind::Notes),
    ("feels", "Feels", "Tuntee", LaneKind::EmotionCurve),
    ("touchpoints", "Touchpoints", "Kosketuspisteet", LaneKind::Touchpoints),
    ("pains", "Pain points", "Kipupisteet", LaneKind::PainPoints),
    ("opportunities", "Opportunities", "Mahdollisuudet", LaneKind::Opportunities),
    ("goal", "Our goal", "Tavoitteemme", LaneKind::Text),
    ("kpis", "KPIs", "Mittarit", LaneKind::Text),
];

/// The lanes of a service visit, after the service blueprint: what the customer does and feels,
/// where they meet the service, what the staff do in front of them and behind the scenes.
const SERVICE_LANES: [LaneSpec; 7] = [
    ("does", "Customer does", "Asiakas tekee", LaneKind::Notes),
    ("feels", "Feels", "Tuntee", LaneKind::EmotionCurve),
    ("touchpoints", "Touchpoints", "Kosketuspisteet", LaneKind::Touchpoints),
    ("frontstage", "Staff with the customer", "Henkilökunta asiakkaan kanssa", LaneKind::Notes),
    ("backstage", "Behind the scenes", "Taustatoiminnot", LaneKind::Notes),
    ("pains", "Pain points", "Kipupisteet", LaneKind::PainPoints),
    ("opportunities", "Opportunities", "Mahdollisuudet", LaneKind::Opportunities),
];

/// The touchpoints almost every service visit has, to start from: (stage id, English,
/// Finnish, channel).
const SERVICE_TOUCHPOINTS: [(&str, &str, &str, Channel); 5] = [
    ("booking", "Books a time online or in the app", "Varaa ajan verkossa tai sovelluksessa", Channel::App),
    ("booking", "Reminder the day before", "Muistutus edellisenä päivänä", Channel::TextMessage),
    ("arrival", "Checks in at the front desk", "Ilmoittautuu vastaanotossa", Channel::FrontDesk),
    ("payment", "Invoice by post or e-invoice", "Lasku postitse tai e-laskuna", Channel::Letter),
    ("follow-up", "Feedback survey by text message", "Palautekysely tekstiviestillä", Channel::TextMessage),
];

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
    /// Booking · Arrival · The visit · Payment · Follow-up, with service-blueprint lanes and
    /// the usual touchpoints (an app, a text reminder, the front desk, an invoice).
    ServiceVisit,
}

impl Preset {
    /// Every preset, in menu order.
    pub const ALL: [Preset; 5] =
        [Preset::Blank, Preset::ServiceVisit, Preset::Funnel, Preset::BuyingProcess, Preset::DigitalMarketing];

    /// The presets that bring stages, offered on an empty map.
    pub const TEMPLATES: [Preset; 4] =
        [Preset::ServiceVisit, Preset::Funnel, Preset::BuyingProcess, Preset::DigitalMarketing];

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
            Preset::ServiceVisit => &[
                ("booking", "Booking", "Ajanvaraus"),
                ("arrival", "Arrival", "Saapuminen"),
                ("visit", "The visit", "Käynti"),
                ("payment", "Payment", "Maksaminen"),
                ("follow-up", "Follow-up", "Seuranta"),
            ],
        }
    }

    /// The preset's name, as the empty map's template buttons show it.
    pub fn name(self, language: Language) -> &'static str {
        let fi = language == Language::Finnish;
        match self {
            Preset::Blank if fi => "Tyhjä kartta",
            Preset::Blank => "Blank map",
            Preset::Funnel if fi => "Markkinointisuppilo",
            Preset::Funnel => "Marketing funnel",
            Preset::BuyingProcess if fi => "Ostoprosessi",
            Preset::BuyingProcess => "Buying process",
            Preset::DigitalMarketing if fi => "Digimarkkinointi",
            Preset::DigitalMarketing => "Digital marketing",
            Preset::ServiceVisit if fi => "Palvelukäynti",
            Preset::ServiceVisit => "Service visit",
        }
    }

    /// The lanes the preset's map has, titled in `language`.
    pub fn lanes_in(self, language: Language) -> Vec<Lane> {
        let specs: &[LaneSpec] = match self {
            Preset::ServiceVisit => &SERVICE_LANES,
            _ => &MARKETING_LANES,
        };
        let fi = language == Language::Finnish;
        specs.iter().map(|(id, en, f, kind)| Lane::new(*id, if fi { *f } else { *en }, *kind)).collect()
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
        format!("{}: {}", self.name(language), names.join(" → "))
    }

    /// The preset's stages and their starting cards (a service visit's usual touchpoints), to
    /// put on `map`'s lanes; cards whose lane the map lacks are left out.
    pub fn stages_and_cards(self, map: &JourneyMap) -> (Vec<Stage>, Vec<Card>) {
        let fi = map.language == Language::Finnish;
        let first_colour = map.stages.len();
        let stages: Vec<Stage> = self
            .stages()
            .iter()
            .enumerate()
            .map(|(i, (id, en, f))| Stage {
                // Each stage owns its colour, so reordering never repaints one.
                colour: Some(crate::model::Colour::for_stage(first_colour + i)),
                ..Stage::new(*id, if fi { *f } else { *en })
            })
            .collect();
        let mut cards = Vec::new();
        if self == Preset::ServiceVisit
            && let Some(lane) = map.lanes.iter().find(|l| l.kind == LaneKind::Touchpoints)
        {
            for (i, (stage, en, f, channel)) in SERVICE_TOUCHPOINTS.iter().enumerate() {
                let mut card = Card::new(format!("c{}", i + 1), *stage, lane.id.clone(), if fi { *f } else { *en });
                card.position = cards.iter().filter(|c: &&Card| c.stage == card.stage).count() as u32;
                card.channel = Some(channel.clone());
                cards.push(card);
            }
        }
        (stages, cards)
    }

    /// A new, empty map with this preset's stages and the usual lanes.
    pub fn new_map(self, language: Language) -> JourneyMap {
        let fi = language == Language::Finnish;
        let mut map = JourneyMap::new(if fi { "Uusi asiakaspolku" } else { "New customer journey" });
        map.language = language;
        if fi {
            map.emotions = EmotionSettings { labels: EmotionSettings::finnish_labels(), ..EmotionSettings::default() };
        }
        map.lanes = self.lanes_in(language);
        let (stages, cards) = self.stages_and_cards(&map);
        map.stages = stages;
        map.cards = cards;
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

    #[test]
    fn the_service_visit_has_service_lanes_and_a_touchpoint_on_each_new_channel() {
        let map = Preset::ServiceVisit.new_map(Language::Finnish);
        let stages: Vec<&str> = map.stages.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(stages, ["Ajanvaraus", "Saapuminen", "Käynti", "Maksaminen", "Seuranta"]);
        assert!(map.lanes.iter().any(|l| l.title == "Taustatoiminnot"));
        for channel in [Channel::FrontDesk, Channel::TextMessage, Channel::App, Channel::Letter] {
            assert!(map.cards.iter().any(|c| c.channel.as_ref() == Some(&channel)), "{channel:?}");
        }
        let english = Preset::ServiceVisit.new_map(Language::English);
        assert_eq!(english.cards[2].title, "Checks in at the front desk");
        assert_eq!(
            Preset::ServiceVisit.summary(Language::English),
            "Service visit: Booking → Arrival → The visit → Payment → Follow-up"
        );
    }
}
