//! Non-blocking notifications in the corner of the window: errors never stop the user.

use egui::{Align2, Color32, Context, Id, RichText};

/// What kind of news a toast brings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ToastKind {
    Info,
    Error,
}

/// One notification.
#[derive(Clone, Debug)]
pub struct Toast {
    pub kind: ToastKind,
    pub text: String,
    shown_at: Option<f64>,
}

/// The notifications on screen, newest last.
#[derive(Default)]
pub struct Toasts {
    pub items: Vec<Toast>,
}

impl Toasts {
    /// Shows an informational message for a few seconds.
    pub fn info(&mut self, text: impl Into<String>) {
        self.items.push(Toast { kind: ToastKind::Info, text: text.into(), shown_at: None });
    }

    /// Shows an error; it stays longer and until clicked.
    pub fn error(&mut self, text: impl Into<String>) {
        self.items.push(Toast { kind: ToastKind::Error, text: text.into(), shown_at: None });
    }

    /// Draws the toasts and drops the expired ones.
    pub fn show(&mut self, ctx: &Context) {
        let now = ctx.input(|i| i.time);
        self.items.retain(|t| {
            let life = if t.kind == ToastKind::Error { 12.0 } else { 5.0 };
            t.shown_at.is_none_or(|at| now - at < life)
        });
        if self.items.is_empty() {
            return;
        }
        let mut dismissed = None;
        egui::Area::new(Id::unique("toasts")).anchor(Align2::RIGHT_BOTTOM, [-16.0, -40.0]).interactable(true).show(
            ctx,
            |ui| {
                ui.set_max_width(520.0);
                for (i, toast) in self.items.iter_mut().enumerate() {
                    toast.shown_at.get_or_insert(now);
                    let (fill, text) = match toast.kind {
                        ToastKind::Info => (Color32::from_rgb(0x22, 0x2B, 0x38), Color32::WHITE),
                        ToastKind::Error => (Color32::from_rgb(0x9B, 0x1C, 0x1C), Color32::WHITE),
                    };
                    let response = egui::Frame::new()
                        .fill(fill)
                        .corner_radius(8.0)
                        .inner_margin(egui::Margin::symmetric(14, 10))
                        .show(ui, |ui| ui.label(RichText::new(&toast.text).color(text)))
                        .response;
                    if response.interact(egui::Sense::click()).clicked() {
                        dismissed = Some(i);
                    }
                    ui.add_space(6.0);
                }
            },
        );
        if let Some(i) = dismissed {
            self.items.remove(i);
        }
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
    }
}
