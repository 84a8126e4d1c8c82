//! PNG export off the UI thread: the window stays responsive while a large map renders.

use crate::layout::Layout;
use crate::model::{EmotionDisplay, VoteRound};
use crate::render::export::{ExportOptions, ExportStats, export_layout_png};
use crate::theme::Theme;
use std::path::PathBuf;
use std::sync::mpsc;

/// An export under way.
pub struct ExportJob {
    pub path: PathBuf,
    rx: mpsc::Receiver<Result<ExportStats, String>>,
}

impl ExportJob {
    /// Starts rendering `layout` to `path` on a worker thread; `ctx` is woken when it ends.
    pub fn start(
        ctx: &egui::Context,
        layout: Layout,
        theme: Theme,
        display: EmotionDisplay,
        options: ExportOptions,
        dots: Option<VoteRound>,
        path: PathBuf,
    ) -> ExportJob {
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        let out = path.clone();
        std::thread::spawn(move || {
            let result =
                export_layout_png(&layout, &theme, display, &options, dots.as_ref(), &out).map_err(|e| e.to_string());
            let _ = tx.send(result);
            ctx.request_repaint();
        });
        ExportJob { path, rx }
    }

    /// The result, once the export has ended.
    pub fn poll(&self) -> Option<Result<ExportStats, String>> {
        match self.rx.try_recv() {
            Ok(result) => Some(result),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Err("the export stopped unexpectedly".to_owned())),
        }
    }
}
