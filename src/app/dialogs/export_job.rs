//! Exports off the UI thread: the window stays responsive while a large map or a deck of
//! slides renders. A job reports one line for a toast: what was written, or why not.

use std::sync::mpsc;

/// An export under way.
pub struct ExportJob {
    rx: mpsc::Receiver<Result<String, String>>,
}

impl ExportJob {
    /// Runs `work` on a worker thread; `ctx` is woken when it ends.
    pub fn start(ctx: &egui::Context, work: impl FnOnce() -> Result<String, String> + Send + 'static) -> ExportJob {
        let (tx, rx) = mpsc::channel();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(work());
            ctx.request_repaint();
        });
        ExportJob { rx }
    }

    /// The result, once the export has ended.
    pub fn poll(&self) -> Option<Result<String, String>> {
        match self.rx.try_recv() {
            Ok(result) => Some(result),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(Err("the export stopped unexpectedly".to_owned())),
        }
    }
}
