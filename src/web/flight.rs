//! Single-flight for expensive answers: concurrent identical requests compute once
//! (they share one future), and finished answers are kept in a small LRU bounded by
//! total weight (bytes), so a repeated request is a lookup.
//!
//! Repository work runs on tokio's blocking pool ([`blocking`]) with a cancellation
//! token set for the core calls it makes (see [`crate::core::cancel`]): the token is
//! cancelled when every request waiting for the work has gone (the client closed the
//! connection, or the request timed out), which frees the core worker at once.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::Mutex;

use futures_util::future::{BoxFuture, FutureExt, Shared, WeakShared};
use tokio_util::sync::CancellationToken;

use super::error::WebError;

/// A computation shared by the requests that want the same answer.
type Computation<V> = Shared<BoxFuture<'static, Result<V, WebError>>>;

/// Most finished values kept, whatever their weight.
const MAX_KEPT: usize = 4096;

/// A single-flight map from `K` to `V` with a bounded cache of finished values.
pub struct Flight<K, V> {
    inner: Mutex<Inner<K, V>>,
    budget: usize,
    weigh: fn(&V) -> usize,
}

struct Inner<K, V> {
    /// Computations in progress; each is dropped (and its work cancelled) once no
    /// request holds it any more, so only weak handles are kept here.
    flying: HashMap<K, WeakShared<BoxFuture<'static, Result<V, WebError>>>>,
    done: lru::LruCache<K, (V, usize)>,
    weight: usize,
}

impl<K: Hash + Eq + Clone + Send + 'static, V: Clone + Send + Sync + 'static> Flight<K, V> {
    /// Keep finished values up to `budget` total weight (0: only merge concurrent requests).
    pub fn new(budget: usize, weigh: fn(&V) -> usize) -> Self {
        Flight {
            inner: Mutex::new(Inner { flying: HashMap::new(), done: lru::LruCache::unbounded(), weight: 0 }),
            budget,
            weigh,
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner<K, V>> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The value for `key`: cached, or being computed for another request (then wait for
    /// it too), or computed now by `f` on the blocking pool. The computation is cancelled
    /// only when every request waiting for it has gone.
    pub async fn get<F>(&self, key: K, f: F) -> Result<V, WebError>
    where
        F: FnOnce() -> Result<V, WebError> + Send + 'static,
    {
        let shared: Computation<V> = {
            let mut g = self.lock();
            if let Some((v, _)) = g.done.get(&key) {
                return Ok(v.clone());
            }
            match g.flying.get(&key).and_then(WeakShared::upgrade) {
                Some(s) => s,
                None => {
                    let s = blocking(f).boxed().shared();
                    if g.flying.len() >= MAX_KEPT {
                        g.flying.retain(|_, w| w.upgrade().is_some());
                    }
                    if let Some(w) = s.downgrade() {
                        g.flying.insert(key.clone(), w);
                    }
                    s
                }
            }
        };
        let res = shared.clone().await;
        let mut g = self.lock();
        if g.flying.get(&key).and_then(WeakShared::upgrade).is_some_and(|c| c.ptr_eq(&shared)) {
            g.flying.remove(&key);
            if let Ok(v) = &res {
                let w = (self.weigh)(v);
                if self.budget > 0 && w <= self.budget && g.done.len() < MAX_KEPT && !g.done.contains(&key) {
                    g.weight += w;
                    g.done.put(key, (v.clone(), w));
                    while g.weight > self.budget {
                        match g.done.pop_lru() {
                            Some((_, (_, w))) => g.weight -= w,
                            None => break,
                        }
                    }
                }
            }
        }
        res
    }

    /// How many finished values are kept (for tests).
    pub fn cached(&self) -> usize {
        self.lock().done.len()
    }
}

/// Run blocking work (repository reads, the verified core) off the async workers. The
/// core calls it makes are cancelled when this future is dropped before the work is
/// done (the request went away): queued ones are dropped, a running one has its core
/// worker killed and replaced.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, WebError> + Send + 'static,
) -> Result<T, WebError> {
    let token = CancellationToken::new();
    let on_drop = token.clone().drop_guard();
    let res = tokio::task::spawn_blocking(move || crate::core::cancel::with_token(token, f))
        .await
        .unwrap_or_else(|e| Err(WebError::Internal(format!("a worker task failed: {e}"))));
    on_drop.disarm();
    res
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;

    #[tokio::test(flavor = "multi_thread", worker_threads = 4)]
    async fn concurrent_requests_compute_once() {
        let f: Arc<Flight<u32, Arc<Vec<u8>>>> = Arc::new(Flight::new(1000, |v| v.len()));
        let calls = Arc::new(AtomicUsize::new(0));
        let mut tasks = Vec::new();
        for _ in 0..16 {
            let (f, calls) = (f.clone(), calls.clone());
            tasks.push(tokio::spawn(async move {
                f.get(7, move || {
                    calls.fetch_add(1, Ordering::SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(200));
                    Ok(Arc::new(vec![1u8; 10]))
                })
                .await
                .unwrap()
            }));
        }
        for t in tasks {
            assert_eq!(t.await.unwrap().len(), 10);
        }
        assert_eq!(calls.load(Ordering::SeqCst), 1);
        assert_eq!(f.cached(), 1);
    }

    /// The work of a request that went away sees its token cancelled; a shared
    /// computation is cancelled only once its last waiter has gone.
    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn work_is_cancelled_when_its_last_waiter_goes() {
        use std::sync::mpsc;
        // the work hands out the token it runs under, then waits until it is cancelled
        // (at most 60 s: a test that fails does not hang)
        fn watcher(tx: mpsc::Sender<CancellationToken>) -> impl FnOnce() -> Result<u32, WebError> + Send + 'static {
            move || {
                let t = crate::core::cancel::current().expect("a token is set");
                let _ = tx.send(t.clone());
                let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
                while !t.is_cancelled() && std::time::Instant::now() < deadline {
                    std::thread::sleep(std::time::Duration::from_millis(5));
                }
                Ok(1)
            }
        }
        let token_of = |rx: mpsc::Receiver<CancellationToken>| async move {
            tokio::task::spawn_blocking(move || rx.recv().unwrap()).await.unwrap()
        };

        // plain blocking work: dropping the request's future cancels it
        let (tx, rx) = mpsc::channel();
        let task = tokio::spawn(blocking(watcher(tx)));
        let token = token_of(rx).await;
        assert!(!token.is_cancelled());
        task.abort();
        let _ = task.await;
        assert!(token.is_cancelled(), "the work of a dropped request is cancelled");

        // shared work: cancelled only when the last of its two requests goes
        let f: Arc<Flight<u32, u32>> = Arc::new(Flight::new(0, |_| 0));
        let strong = |f: &Flight<u32, u32>| {
            f.lock().flying.get(&1).and_then(WeakShared::upgrade).and_then(|s| s.strong_count()).unwrap_or(0)
        };
        let (tx, rx) = mpsc::channel();
        let first = tokio::spawn({
            let f = f.clone();
            async move { f.get(1, watcher(tx)).await }
        });
        let token = token_of(rx).await;
        let alone = strong(&f);
        let second = tokio::spawn({
            let f = f.clone();
            async move { f.get(1, || Ok(2)).await }
        });
        while strong(&f) <= alone {
            tokio::task::yield_now().await;
        }
        first.abort();
        let _ = first.await;
        assert!(!token.is_cancelled(), "the shared work was cancelled while a request still waited for it");
        second.abort();
        let _ = second.await;
        assert!(token.is_cancelled(), "the shared work is cancelled once nobody waits for it");
    }

    #[tokio::test]
    async fn budget_bounds_the_cache_and_errors_are_not_kept() {
        let f: Flight<u32, Arc<Vec<u8>>> = Flight::new(25, |v| v.len());
        for k in 0..5 {
            f.get(k, || Ok(Arc::new(vec![0u8; 10]))).await.unwrap();
        }
        assert_eq!(f.cached(), 2);
        assert!(f.get(9, || Err(WebError::NotFound("x".into()))).await.is_err());
        let v = f.get(9, || Ok(Arc::new(vec![1u8; 1]))).await.unwrap();
        assert_eq!(*v, vec![1u8]);
        // too heavy to keep: computed, answered, not cached
        f.get(10, || Ok(Arc::new(vec![0u8; 100]))).await.unwrap();
        assert!(f.cached() <= 3);
        // budget 0: concurrent requests merge, nothing is kept
        let g: Flight<u32, Arc<Vec<u8>>> = Flight::new(0, |_| 0);
        g.get(1, || Ok(Arc::new(vec![]))).await.unwrap();
        assert_eq!(g.cached(), 0);
    }
}
