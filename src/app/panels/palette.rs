//! The palette: new stages, lanes, cards and touchpoints to drag onto the canvas.

use crate::app::i18n::UiLanguage;
use crate::model::{Channel, LaneKind};
use egui::{Id, RichText, Ui};

/// What is being dragged from the palette.
#[derive(Clone, Debug, PartialEq)]
pub enum PaletteItem {
    Stage,
    Lane(LaneKind),
    Card,
    Touchpoint(Channel),
}

impl PaletteItem {
    /// The item's name in the palette (also its accessible label).
    pub fn label(&self, language: UiLanguage) -> String {
        let fi = language == UiLanguage::Finnish;
        match self {
            PaletteItem::Stage => (if fi { "Vaihe" } else { "Stage" }).to_owned(),
            PaletteItem::Card => (if fi { "Kortti" } else { "Card" }).to_owned(),
            PaletteItem::Lane(kind) => lane_kind_name(*kind, language).to_owned(),
            PaletteItem::Touchpoint(channel) => if fi { channel.name_fi() } else { channel.name_en() }.to_owned(),
        }
    }
}

/// The name of a lane kind.
pub fn lane_kind_name(kind: LaneKind, language: UiLanguage) -> &'static str {
    let fi = language == UiLanguage::Finnish;
    match kind {
        LaneKind::Notes => {
            if fi {
                "Muistiinpanot"
            } else {
                "Notes"
            }
        }
        LaneKind::Touchpoints => {
            if fi {
                "Kosketuspisteet"
            } else {
                "Touchpoints"
            }
        }
        LaneKind::EmotionCurve => {
            if fi {
                "Tunnekäyrä"
            } else {
                "Emotion curve"
            }
        }
        LaneKind::PainPoints => {
            if fi {
                "Kipupisteet"
            } else {
                "Pain points"
            }
        }
        LaneKind::Opportunities => {
            if fi {
                "Mahdollisuudet"
            } else {
                "Opportunities"
            }
        }
        LaneKind::Text => {
            if fi {
                "Vapaa teksti"
            } else {
                "Free text"
            }
        }
        LaneKind::Swot => {
            if fi {
                "SWOT-analyysi"
            } else {
                "SWOT analysis"
            }
        }
    }
}

/// Draws the palette; items are drag sources carrying a [`PaletteItem`].
pub fn show(ui: &mut Ui, language: UiLanguage) {
    let fi = language == UiLanguage::Finnish;
    ui.heading(if fi { "Paletti" } else { "Palette" });
    ui.label(RichText::new(if fi { "Vedä kartalle" } else { "Drag onto the map" }).small().weak());
    ui.add_space(6.0);
    let item = |ui: &mut Ui, it: PaletteItem| {
        let label = it.label(language);
        let id = Id::unique(("palette", format!("{it:?}")));
        ui.dnd_drag_source(id, it, |ui| {
            egui::Frame::new()
                .fill(ui.visuals().faint_bg_color)
                .corner_radius(6.0)
                .inner_margin(egui::Margin::symmetric(8, 4))
                .show(ui, |ui| {
                    ui.set_min_width(150.0);
                    ui.label(label);
                });
        });
    };
    ui.label(RichText::new(if fi { "Rakenne" } else { "Structure" }).strong());
    item(ui, PaletteItem::Stage);
    item(ui, PaletteItem::Card);
    ui.add_space(6.0);
    ui.label(RichText::new(if fi { "Kaistat" } else { "Lanes" }).strong());
    for kind in LaneKind::ALL {
        item(ui, PaletteItem::Lane(kind));
    }
    ui.add_space(6.0);
    ui.label(RichText::new(if fi { "Kosketuspisteet" } else { "Touchpoints" }).strong());
    for channel in Channel::FIXED {
        item(ui, PaletteItem::Touchpoint(channel));
    }
    item(ui, PaletteItem::Touchpoint(Channel::Other(if fi { "Muu" } else { "Other" }.to_owned())));
}
