//! Cancellation of core calls on behalf of a request that went away.
//!
//! The web layer runs repository work on blocking threads; the core calls it makes are
//! deep inside `src/repo`. Rather than threading a token through every function, the
//! web layer sets the request's token for the duration of the closure ([`with_token`]),
//! and the worker pool reads it ([`current`]) for every call made on that thread: a
//! queued call is dropped, a running one has its worker killed and replaced.

use std::cell::RefCell;

pub use tokio_util::sync::CancellationToken;

thread_local! {
    static CURRENT: RefCell<Option<CancellationToken>> = const { RefCell::new(None) };
}

/// Restores the previous token when the closure ends, even by unwinding.
struct Restore(Option<CancellationToken>);

impl Drop for Restore {
    fn drop(&mut self) {
        let prev = self.0.take();
        CURRENT.with(|c| *c.borrow_mut() = prev);
    }
}

/// Run `f` with `token` as this thread's cancellation token: core calls made inside
/// `f` are abandoned (and their worker killed) once `token` is cancelled.
pub fn with_token<T>(token: CancellationToken, f: impl FnOnce() -> T) -> T {
    let prev = CURRENT.with(|c| c.borrow_mut().replace(token));
    let _restore = Restore(prev);
    f()
}

/// The cancellation token of the work running on this thread, if any.
pub fn current() -> Option<CancellationToken> {
    CURRENT.with(|c| c.borrow().clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_visible_inside_only() {
        assert!(current().is_none());
        let t = CancellationToken::new();
        let seen = with_token(t.clone(), || {
            let inner = with_token(CancellationToken::new(), || current().is_some_and(|c| !c.is_cancelled()));
            assert!(inner);
            t.cancel();
            current().is_some_and(|c| c.is_cancelled())
        });
        assert!(seen);
        assert!(current().is_none());
    }
}
