//! The run-time check of what head pages trust: that the recorded (pristine) tree equals
//! the replay of the whole history by the verified core. It runs in the background each
//! time a history is loaded (the first request after start, and after every change), one
//! repository at a time, from the previous history's verified head when the new
//! inventory only adds patches to it; the repository page and `/api/repos` show it.

use std::sync::{Arc, Mutex};

use super::history::History;

/// Where the check of the head stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeadCheck {
    /// Not done yet (it runs in the background).
    Pending,
    /// Replaying all `patches` gives exactly the recorded tree.
    Verified {
        /// How many patches were replayed.
        patches: usize,
    },
    /// The recorded tree differs from the replay at `path`: head pages show the recorded
    /// tree, which the history does not give.
    Differs {
        /// The first path found to differ.
        path: String,
        /// How it differs.
        what: String,
    },
    /// The check could not be made (a damaged patch, a case the core does not cover,
    /// a budget): why.
    NotChecked(String),
}

impl HeadCheck {
    /// A short machine-readable name of the state (`/api/repos`).
    pub fn state(&self) -> &'static str {
        match self {
            HeadCheck::Pending => "pending",
            HeadCheck::Verified { .. } => "verified",
            HeadCheck::Differs { .. } => "differs",
            HeadCheck::NotChecked(_) => "not-checked",
        }
    }

    /// One sentence for people.
    pub fn describe(&self) -> String {
        match self {
            HeadCheck::Pending => "the recorded tree is being checked against the replay of the history".into(),
            HeadCheck::Verified { patches } => {
                format!("the recorded tree equals the replay of all {patches} patches by the verified core")
            }
            HeadCheck::Differs { path, what } => {
                format!("the recorded tree differs from the replay of the history at {path}: {what}")
            }
            HeadCheck::NotChecked(why) => format!("the recorded tree could not be checked: {why}"),
        }
    }
}

/// One check at a time in the whole server: a burst of loads does not take every core
/// worker.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Start the check of `history`'s head in the background, from `prev`'s verified head
/// when `history` extends it.
pub(crate) fn start(history: &Arc<History>, prev: Option<Arc<History>>) {
    let h = history.clone();
    let spawned = std::thread::Builder::new().name("darcsweb-verify-head".into()).spawn(move || {
        let _one = ONE_AT_A_TIME.lock().unwrap_or_else(|e| e.into_inner());
        let outcome = h.check_head(prev.as_deref());
        h.set_head_check(outcome);
    });
    if let Err(e) = spawned {
        history.set_head_check(HeadCheck::NotChecked(format!("cannot start the check: {e}")));
    }
}
