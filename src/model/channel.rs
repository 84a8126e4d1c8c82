//! Touchpoint channels: where the customer meets the organisation.

use serde::{Deserialize, Serialize};

/// The channel of a touchpoint card, from the fixed list the palette offers.
///
/// `Other` carries the user's own name for a channel the list lacks ("messukoju").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Channel {
    Web,
    Search,
    SocialMedia,
    Email,
    Phone,
    Chat,
    Store,
    Event,
    Ad,
    ReviewSite,
    SalesRep,
    Product,
    /// A reception or service desk: where a clinic, hotel or office meets its visitors.
    FrontDesk,
    TextMessage,
    /// The organisation's own mobile app.
    App,
    /// Paper mail: appointment letters, invoices, notices.
    Letter,
    Other(String),
}

impl Channel {
    /// Every channel with a fixed name, in palette order (without `Other`).
    pub const FIXED: [Channel; 16] = [
        Channel::Web,
        Channel::Search,
        Channel::SocialMedia,
        Channel::Email,
        Channel::Phone,
        Channel::Chat,
        Channel::Store,
        Channel::Event,
        Channel::Ad,
        Channel::ReviewSite,
        Channel::SalesRep,
        Channel::Product,
        Channel::FrontDesk,
        Channel::TextMessage,
        Channel::App,
        Channel::Letter,
    ];

    /// The channel's name in English, or the user's own text for `Other`.
    pub fn name_en(&self) -> &str {
        match self {
            Channel::Web => "Web site",
            Channel::Search => "Search",
            Channel::SocialMedia => "Social media",
            Channel::Email => "Email",
            Channel::Phone => "Phone",
            Channel::Chat => "Chat",
            Channel::Store => "Store",
            Channel::Event => "Event",
            Channel::Ad => "Ad",
            Channel::ReviewSite => "Review site",
            Channel::SalesRep => "Sales rep",
            Channel::Product => "Product",
            Channel::FrontDesk => "Front desk",
            Channel::TextMessage => "Text message",
            Channel::App => "App",
            Channel::Letter => "Letter",
            Channel::Other(name) => name,
        }
    }

    /// The channel's name in Finnish, or the user's own text for `Other`.
    pub fn name_fi(&self) -> &str {
        match self {
            Channel::Web => "Verkkosivusto",
            Channel::Search => "Haku",
            Channel::SocialMedia => "Sosiaalinen media",
            Channel::Email => "Sähköposti",
            Channel::Phone => "Puhelin",
            Channel::Chat => "Chat",
            Channel::Store => "Myymälä",
            Channel::Event => "Tapahtuma",
            Channel::Ad => "Mainos",
            Channel::ReviewSite => "Arvostelusivusto",
            Channel::SalesRep => "Myyjä",
            Channel::Product => "Tuote",
            Channel::FrontDesk => "Vastaanotto",
            Channel::TextMessage => "Tekstiviesti",
            Channel::App => "Sovellus",
            Channel::Letter => "Kirje",
            Channel::Other(name) => name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fixed_channel_has_a_distinct_name_in_both_languages() {
        let en: std::collections::BTreeSet<_> = Channel::FIXED.iter().map(|c| c.name_en()).collect();
        let fi: std::collections::BTreeSet<_> = Channel::FIXED.iter().map(|c| c.name_fi()).collect();
        assert_eq!(en.len(), Channel::FIXED.len());
        assert_eq!(fi.len(), Channel::FIXED.len());
    }
}
