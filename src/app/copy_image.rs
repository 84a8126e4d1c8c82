//! Edit → Copy as image: a picture of the map, or of the selected stages, on the system
//! clipboard at twice its size, ready to paste into a slide, a document or a chat.

use super::PolkuApp;
use crate::app::canvas::selection::Sel;
use crate::render::picture::{Part, picture, to_color_image};

/// Pixels per map point: sharp on a slide or a high-density screen.
const SCALE: f32 = 2.0;

impl PolkuApp {
    pub(super) fn copy_image(&mut self, ctx: &egui::Context) {
        let theme = self.theme();
        let display = self.doc.map.emotions.display;
        let layout = self.doc.whole_layout(ctx, &theme);
        let selected: Vec<usize> = layout
            .stages
            .iter()
            .enumerate()
            .filter(|(_, s)| self.editor.selection.items.contains(&Sel::Stage(s.id.clone())))
            .map(|(i, _)| i)
            .collect();
        let part = match (selected.first(), selected.last()) {
            (Some(first), Some(last)) => Part::Stages(*first..=*last),
            _ => Part::Whole,
        };
        let fi = self.prefs.language == super::UiLanguage::Finnish;
        match picture(layout, &theme, display, &part, SCALE) {
            Ok(rendered) => {
                let (w, h) = (rendered.pixels.width, rendered.pixels.height);
                ctx.copy_image(to_color_image(&rendered));
                self.toasts.info(match (&part, fi) {
                    (Part::Whole | Part::Grid, true) => format!("Kartta kopioitu kuvana ({w}×{h} px)"),
                    (Part::Whole | Part::Grid, false) => format!("The map is copied as an image ({w}×{h} px)"),
                    (Part::Stages(_), true) => format!("Valitut vaiheet kopioitu kuvana ({w}×{h} px)"),
                    (Part::Stages(_), false) => format!("The selected stages are copied as an image ({w}×{h} px)"),
                });
            }
            Err(e) => {
                let why = e.to_string_in(self.prefs.language.as_language());
                self.toasts.error(if fi {
                    format!("Kuvaa ei voi kopioida: {why}")
                } else {
                    format!("Cannot copy the image: {why}")
                })
            }
        }
    }
}
