//! Single-flight for expensive answers: concurrent identical requests compute once
//! (they share one `OnceCell`), and finished answers are kept in a small LRU bounded
//! by total weight (bytes), so a repeated request is a lookup.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};

use tokio::sync::OnceCell;

use super::error::WebError;

/// Most finished values kept, whatever their weight.
const MAX_KEPT: usize = 4096;

/// A single-flight map from `K` to `V` with a bounded cache of finished values.
pub struct Flight<K, V> {
    inner: Mutex<Inner<K, V>>,
    budget: usize,
    weigh: fn(&V) -> usize,
}

struct Inner<K, V> {
    flying: HashMap<K, Arc<OnceCell<V>>>,
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

    /// The value for `key`: cached, or being computed by another request (then wait for
    /// it), or computed now by `f` on the blocking pool.
    pub async fn get<F>(&self, key: K, f: F) -> Result<V, WebError>
    where
        F: FnOnce() -> Result<V, WebError> + Send + 'static,
    {
        let cell = {
            let mut g = self.lock();
            if let Some((v, _)) = g.done.get(&key) {
                return Ok(v.clone());
            }
            g.flying.entry(key.clone()).or_insert_with(|| Arc::new(OnceCell::new())).clone()
        };
        let res = cell.get_or_try_init(|| blocking(f)).await.cloned();
        let mut g = self.lock();
        if g.flying.get(&key).is_some_and(|c| Arc::ptr_eq(c, &cell)) {
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

/// Run blocking work (repository reads, the verified core) off the async workers.
pub async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, WebError> + Send + 'static,
) -> Result<T, WebError> {
    tokio::task::spawn_blocking(f)
        .await
        .unwrap_or_else(|e| Err(WebError::Internal(format!("a worker task failed: {e}"))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

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
