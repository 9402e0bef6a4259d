//! Serving connections: an accept loop over hyper's HTTP/1 connections (as axum's own
//! examples do for custom serving) that bounds what connections may hold.
//!
//! * A request head must arrive within the header-read timeout (hyper's, counted from
//!   when the server starts waiting for the head).
//! * A keep-alive connection on which nothing has arrived since its last response (or
//!   its start) is closed after the idle timeout.
//! * At most `max_connections` are open, a margin below the descriptor limit (raised to
//!   its hard maximum at start, [`raise_nofile_limit`]). At the cap, an idle connection
//!   is closed to make room (the longest idle first, then the one that has waited longest
//!   for the rest of a request head); when every connection is answering a request, the
//!   new one gets a short 503 at once instead of waiting.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::Request;
use axum::Router;
use http_body_util::BodyExt;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};
use tokio_util::task::TaskTracker;
use tower::ServiceExt;

use super::config::Limits;

/// What the accept loop enforces (from `[limits]`).
#[derive(Debug, Clone)]
pub struct ServeLimits {
    /// A request head must be complete this long after the server starts waiting for it.
    pub header_read_timeout: Duration,
    /// An idle keep-alive connection is closed after this long.
    pub idle_timeout: Duration,
    /// Most connections open at once.
    pub max_connections: usize,
}

impl ServeLimits {
    /// The limits of `[limits]`, the connection cap derived from `nofile` (the soft
    /// descriptor limit in force) when `max_connections` is 0.
    pub fn new(l: &Limits, nofile: u64) -> ServeLimits {
        ServeLimits {
            header_read_timeout: Duration::from_secs(l.header_read_timeout_secs),
            idle_timeout: Duration::from_secs(l.idle_timeout_secs),
            max_connections: match l.max_connections {
                0 => auto_max_connections(nofile),
                n => n,
            },
        }
    }
}

/// The connection cap for a descriptor limit: a reserve of 64 + 1/8 of the limit stays
/// for repository files, core worker pipes and the runtime; at most 8,192 (an open
/// connection holds some 30 KB).
pub fn auto_max_connections(nofile: u64) -> usize {
    let reserve = 64 + nofile / 8;
    usize::try_from(nofile.saturating_sub(reserve)).unwrap_or(usize::MAX).clamp(1, 8192)
}

/// Raise the soft `RLIMIT_NOFILE` to the hard limit (connections and repository files
/// need descriptors; many systems start services at 1,024); the soft limit now in force.
pub fn raise_nofile_limit() -> u64 {
    use rustix::process::{getrlimit, setrlimit, Resource, Rlimit};
    let l = getrlimit(Resource::Nofile);
    if l.current != l.maximum {
        if let Err(e) = setrlimit(Resource::Nofile, Rlimit { current: l.maximum, maximum: l.maximum }) {
            tracing::warn!("cannot raise the descriptor limit to its maximum: {e}");
        }
    }
    getrlimit(Resource::Nofile).current.unwrap_or(u64::MAX)
}

/// One open connection, as the accept loop sees it.
struct Conn {
    /// Requests being answered on it (their response bodies included).
    busy: AtomicUsize,
    /// Bytes of a request head have arrived since it last became idle.
    reading: AtomicBool,
    /// When it last became idle, in milliseconds since the server started.
    idle_since: AtomicU64,
    /// It has been asked to close.
    closing: AtomicBool,
    /// Wakes its task to close it gracefully.
    close: tokio::sync::Notify,
}

impl Conn {
    fn idle(&self) -> bool {
        self.busy.load(Ordering::SeqCst) == 0 && !self.reading.load(Ordering::SeqCst)
    }
}

/// Marks its connection busy while a request is answered (dropped with the response body).
struct Busy {
    conn: Arc<Conn>,
    clock: Instant,
}

impl Busy {
    fn new(conn: &Arc<Conn>, clock: Instant) -> Busy {
        conn.busy.fetch_add(1, Ordering::SeqCst);
        conn.reading.store(false, Ordering::SeqCst);
        Busy { conn: conn.clone(), clock }
    }
}

impl Drop for Busy {
    fn drop(&mut self) {
        self.conn.idle_since.store(millis(self.clock), Ordering::SeqCst);
        self.conn.reading.store(false, Ordering::SeqCst);
        self.conn.busy.fetch_sub(1, Ordering::SeqCst);
    }
}

fn millis(clock: Instant) -> u64 {
    u64::try_from(clock.elapsed().as_millis()).unwrap_or(u64::MAX)
}

/// A socket that notes when bytes of a new request arrive on an idle connection.
struct Tracked {
    io: TcpStream,
    conn: Arc<Conn>,
}

impl AsyncRead for Tracked {
    fn poll_read(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        let before = buf.filled().len();
        let r = Pin::new(&mut self.io).poll_read(cx, buf);
        if matches!(r, Poll::Ready(Ok(()))) && buf.filled().len() > before && self.conn.busy.load(Ordering::SeqCst) == 0
        {
            self.conn.reading.store(true, Ordering::SeqCst);
        }
        r
    }
}

impl AsyncWrite for Tracked {
    fn poll_write(mut self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write(cx, buf)
    }
    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_flush(cx)
    }
    fn poll_shutdown(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.io).poll_shutdown(cx)
    }
    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        Pin::new(&mut self.io).poll_write_vectored(cx, bufs)
    }
    fn is_write_vectored(&self) -> bool {
        self.io.is_write_vectored()
    }
}

/// The open connections.
struct Conns {
    map: Mutex<std::collections::HashMap<u64, Arc<Conn>>>,
    clock: Instant,
}

impl Conns {
    fn lock(&self) -> std::sync::MutexGuard<'_, std::collections::HashMap<u64, Arc<Conn>>> {
        self.map.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Connections open and not asked to close.
    fn open(&self) -> usize {
        self.lock().values().filter(|c| !c.closing.load(Ordering::SeqCst)).count()
    }

    /// Ask the connection that is idle longest (else the one waiting longest for the rest
    /// of a request head) to close; false when every connection is answering a request.
    fn close_one(&self) -> bool {
        let map = self.lock();
        let victim = map
            .values()
            .filter(|c| !c.closing.load(Ordering::SeqCst) && c.busy.load(Ordering::SeqCst) == 0)
            .min_by_key(|c| (c.reading.load(Ordering::SeqCst), c.idle_since.load(Ordering::SeqCst)));
        match victim {
            Some(c) => {
                c.closing.store(true, Ordering::SeqCst);
                c.close.notify_one();
                true
            }
            None => false,
        }
    }

    /// Ask every connection to close once its current request is answered.
    fn close_all(&self) {
        for c in self.lock().values() {
            c.closing.store(true, Ordering::SeqCst);
            c.close.notify_one();
        }
    }
}

/// Sent to a client refused because every connection is busy.
const BUSY: &[u8] = b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n\
Content-Length: 46\r\nRetry-After: 1\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n\
the server is busy; try again in a moment.   \n";

/// Serve `app` on `listener` under `limits` until `shutdown` completes, then let open
/// connections finish their current request.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ServeLimits,
    shutdown: impl Future<Output = ()>,
) -> io::Result<()> {
    let conns = Arc::new(Conns { map: Mutex::new(Default::default()), clock: Instant::now() });
    let tracker = TaskTracker::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_read_timeout);
    let mut next_id: u64 = 0;
    tokio::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            _ = &mut shutdown => break,
            r = listener.accept() => match r {
                Ok((stream, _)) => stream,
                Err(e) => {
                    // out of descriptors: make room, and let the closing connection go
                    // before trying again (the pending connection stays in the backlog)
                    use rustix::io::Errno;
                    let out_of_fds =
                        e.raw_os_error().is_some_and(|n| n == Errno::MFILE.raw_os_error() || n == Errno::NFILE.raw_os_error());
                    if out_of_fds {
                        conns.close_one();
                    }
                    tracing::debug!("accept failed: {e}");
                    tokio::time::sleep(Duration::from_millis(10)).await;
                    continue;
                }
            },
        };
        if conns.open() >= limits.max_connections && !conns.close_one() {
            let _ = stream.try_write(BUSY);
            continue;
        }
        let _ = stream.set_nodelay(true);
        next_id += 1;
        let id = next_id;
        let conn = Arc::new(Conn {
            busy: AtomicUsize::new(0),
            reading: AtomicBool::new(false),
            idle_since: AtomicU64::new(millis(conns.clock)),
            closing: AtomicBool::new(false),
            close: tokio::sync::Notify::new(),
        });
        conns.lock().insert(id, conn.clone());
        let (conns2, app, http, limits) = (conns.clone(), app.clone(), http.clone(), limits.clone());
        tracker.spawn(async move {
            serve_one(stream, conn, &conns2, app, http, &limits).await;
            conns2.lock().remove(&id);
        });
    }
    conns.close_all();
    tracker.close();
    tracker.wait().await;
    Ok(())
}

/// Serve one connection until it ends, closing it when idle too long or when asked.
async fn serve_one(
    stream: TcpStream,
    conn: Arc<Conn>,
    conns: &Conns,
    app: Router,
    http: hyper::server::conn::http1::Builder,
    limits: &ServeLimits,
) {
    let clock = conns.clock;
    let svc = {
        let conn = conn.clone();
        hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
            let busy = Busy::new(&conn, clock);
            let app = app.clone();
            async move {
                let res = app.oneshot(req.map(Body::new)).await;
                // the connection stays busy until the response body is sent (or dropped)
                res.map(|r| {
                    r.map(move |b| {
                        Body::new(b.map_frame(move |f| {
                            let _ = &busy;
                            f
                        }))
                    })
                })
            }
        })
    };
    let io = TokioIo::new(Tracked { io: stream, conn: conn.clone() });
    let connection = http.serve_connection(io, svc);
    tokio::pin!(connection);
    // once asked to close, a connection gets this long to finish its response
    let mut closing_until: Option<tokio::time::Instant> = None;
    loop {
        let now = tokio::time::Instant::now();
        let wake = match closing_until {
            Some(t) => t,
            None if conn.idle() => {
                let idle_for =
                    Duration::from_millis(millis(clock).saturating_sub(conn.idle_since.load(Ordering::SeqCst)));
                now + limits.idle_timeout.saturating_sub(idle_for)
            }
            None => now + limits.idle_timeout,
        };
        tokio::select! {
            _ = connection.as_mut() => break,
            _ = conn.close.notified(), if closing_until.is_none() => {
                connection.as_mut().graceful_shutdown();
                closing_until = Some(now + limits.header_read_timeout);
            }
            _ = tokio::time::sleep_until(wake) => {
                if closing_until.is_some() {
                    break; // it did not finish in time: drop it
                }
                let idle_for = millis(clock).saturating_sub(conn.idle_since.load(Ordering::SeqCst));
                if conn.idle() && Duration::from_millis(idle_for) >= limits.idle_timeout {
                    conn.closing.store(true, Ordering::SeqCst);
                    connection.as_mut().graceful_shutdown();
                    closing_until = Some(tokio::time::Instant::now() + limits.header_read_timeout);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cap_stays_below_the_descriptor_limit() {
        assert_eq!(auto_max_connections(1024), 1024 - 64 - 128);
        assert!(auto_max_connections(256) < 256);
        assert_eq!(auto_max_connections(1_048_576), 8192);
        assert_eq!(auto_max_connections(10), 1);
    }
}
