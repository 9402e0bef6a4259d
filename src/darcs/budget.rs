//! One memory budget for the whole process: a semaphore of bytes. Everything that can
//! grow with what a repository holds (reading and inflating files, parsing patches,
//! handing histories to the core, trees kept in caches) takes a [`Grant`] for its
//! (estimated) size first and gives it back when the memory is freed. A request that
//! would go over the budget gets [`OverBudget`] at once instead of pushing the server
//! into swap or the OOM killer; it never waits, so budgets cannot deadlock.

use std::sync::atomic::{AtomicU64, Ordering};

/// The default budget: 1 GiB (`limits.memory_bytes`).
pub const DEFAULT_BYTES: u64 = 1 << 30;

/// Granularity of [`Grant::grow_to`]: reading and inflating take the budget in steps
/// this large, so a bomb is stopped after at most one step past the budget's end.
pub const STEP: u64 = 1 << 20;

/// A pool of bytes that grants are taken from.
#[derive(Debug)]
pub struct Budget {
    limit: AtomicU64,
    used: AtomicU64,
}

/// Why a grant was refused: it would take the budget past its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget {
    /// Bytes asked for.
    pub needed: u64,
    /// Bytes in use (by every request) when it was refused.
    pub in_use: u64,
    /// The budget's limit.
    pub limit: u64,
    /// Bytes the refused grant already held: when `held + needed > limit` the work can
    /// never fit, whatever else runs.
    pub held: u64,
}

impl OverBudget {
    /// Whether the work could never fit in the budget, even alone.
    pub fn never_fits(&self) -> bool {
        self.held.saturating_add(self.needed) > self.limit
    }
}

impl std::fmt::Display for OverBudget {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "needs {} more of the server's memory budget ({} of {} in use)",
            human(self.needed),
            human(self.in_use),
            human(self.limit)
        )
    }
}

/// A byte count for messages (`12.0 MiB`).
pub fn human(n: u64) -> String {
    match n {
        n if n < 1 << 10 => format!("{n} bytes"),
        n if n < 1 << 20 => format!("{:.1} KiB", n as f64 / 1024.0),
        n if n < 1 << 30 => format!("{:.1} MiB", n as f64 / (1 << 20) as f64),
        n => format!("{:.2} GiB", n as f64 / (1u64 << 30) as f64),
    }
}

static GLOBAL: Budget = Budget::new(DEFAULT_BYTES);

/// The process-wide budget (1 GiB unless [`Budget::set_limit`] changed it).
pub fn global() -> &'static Budget {
    &GLOBAL
}

/// Take `bytes` of the process-wide budget.
pub fn charge(bytes: u64) -> Result<Grant<'static>, OverBudget> {
    GLOBAL.grant(bytes)
}

impl Budget {
    /// A budget of `limit` bytes, none in use.
    pub const fn new(limit: u64) -> Budget {
        Budget { limit: AtomicU64::new(limit), used: AtomicU64::new(0) }
    }

    /// Change the limit (grants already given are kept; new ones see the new limit).
    pub fn set_limit(&self, limit: u64) {
        self.limit.store(limit, Ordering::SeqCst);
    }

    /// The limit in bytes.
    pub fn limit(&self) -> u64 {
        self.limit.load(Ordering::SeqCst)
    }

    /// Bytes granted and not yet given back.
    pub fn in_use(&self) -> u64 {
        self.used.load(Ordering::SeqCst)
    }

    fn take(&self, bytes: u64, held: u64) -> Result<(), OverBudget> {
        let limit = self.limit();
        self.used
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |u| u.checked_add(bytes).filter(|&t| t <= limit))
            .map(|_| ())
            .map_err(|in_use| OverBudget { needed: bytes, in_use, limit, held })
    }

    /// Take `bytes`, or refuse at once when that would exceed the limit.
    pub fn grant(&self, bytes: u64) -> Result<Grant<'_>, OverBudget> {
        self.take(bytes, 0)?;
        Ok(Grant { budget: self, bytes })
    }
}

/// Bytes taken from a [`Budget`], given back when dropped.
#[derive(Debug)]
pub struct Grant<'b> {
    budget: &'b Budget,
    bytes: u64,
}

impl Grant<'_> {
    /// Take `more` bytes into this grant.
    pub fn grow(&mut self, more: u64) -> Result<(), OverBudget> {
        self.budget.take(more, self.bytes)?;
        self.bytes += more;
        Ok(())
    }

    /// Make the grant at least `total` bytes, growing in [`STEP`]s (for buffers that grow).
    pub fn grow_to(&mut self, total: u64) -> Result<(), OverBudget> {
        if total > self.bytes {
            let want = total.div_ceil(STEP) * STEP;
            self.grow(want - self.bytes)?;
        }
        Ok(())
    }

    /// Give back all but `keep` bytes (when a buffer turned out smaller than feared).
    pub fn shrink_to(&mut self, keep: u64) {
        if keep < self.bytes {
            self.budget.used.fetch_sub(self.bytes - keep, Ordering::SeqCst);
            self.bytes = keep;
        }
    }

    /// Add another grant of the same budget to this one.
    pub fn absorb(&mut self, mut other: Grant<'_>) {
        self.bytes += std::mem::take(&mut other.bytes);
    }

    /// The bytes held.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }
}

impl Drop for Grant<'_> {
    fn drop(&mut self) {
        if self.bytes > 0 {
            self.budget.used.fetch_sub(self.bytes, Ordering::SeqCst);
        }
    }
}

/// An estimate of the memory a parsed text of `bytes` bytes and `lines` lines takes once
/// it is split into lines (each a separate allocation) and handed around: what the
/// parsers, the effects and the core's request and answer cost per line.
pub fn lines_cost(bytes: u64, lines: u64) -> u64 {
    bytes.saturating_mul(3).saturating_add(lines.saturating_mul(PER_LINE))
}

/// Bytes [`lines_cost`] counts per line: a `Vec<u8>` (24 bytes and an allocation of at
/// least 32) in the parse, the same again in the effect, and the core's copy (an OCaml
/// string and a list cell, about 48 bytes, and 4 in the wire request).
pub const PER_LINE: u64 = 160;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grants_are_given_back_and_the_limit_holds() {
        let b = Budget::new(100);
        let g = b.grant(60).unwrap();
        assert_eq!(b.in_use(), 60);
        let e = b.grant(41).unwrap_err();
        assert_eq!((e.needed, e.in_use, e.limit), (41, 60, 100));
        assert!(!e.never_fits(), "it would fit alone");
        let mut h = b.grant(40).unwrap();
        assert!(h.grow(1).is_err());
        assert!(h.grow(61).unwrap_err().never_fits(), "40 held and 61 more can never fit in 100");
        drop(g);
        h.grow(10).unwrap();
        assert_eq!(b.in_use(), 50);
        h.shrink_to(5);
        assert_eq!(b.in_use(), 5);
        drop(h);
        assert_eq!(b.in_use(), 0);
    }

    #[test]
    fn grow_to_takes_steps_and_absorb_merges() {
        let b = Budget::new(10 * STEP);
        let mut g = b.grant(0).unwrap();
        g.grow_to(1).unwrap();
        assert_eq!(g.bytes(), STEP);
        g.grow_to(STEP).unwrap();
        assert_eq!(g.bytes(), STEP);
        g.grow_to(STEP + 1).unwrap();
        assert_eq!(g.bytes(), 2 * STEP);
        assert!(g.grow_to(11 * STEP).is_err());
        let h = b.grant(3).unwrap();
        g.absorb(h);
        assert_eq!(b.in_use(), 2 * STEP + 3);
        drop(g);
        assert_eq!(b.in_use(), 0);
        assert!(OverBudget { needed: 3 << 20, in_use: 0, limit: 1 << 30, held: 0 }.to_string().contains("3.0 MiB"));
    }
}
