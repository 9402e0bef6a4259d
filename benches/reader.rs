//! darcsweb's repository reader against the real darcs on a 10,000-patch repository
//! (run: `cargo bench --bench reader`).
//!
//! Builds `target/bench-big` with `bench/make-big-repo.sh` when missing, then times each
//! operation 5 times (median) in darcsweb (the reader in process, the core in `darcsweb
//! core-worker` processes as in the server; cold caches: a fresh `Registry` per run) and
//! with the `darcs` command on a copy of the repository (darcs writes `_darcs/index`).
//! Peak memory: per-operation `VmHWM` of this process (reset through
//! `/proc/self/clear_refs` when the kernel allows it; the core workers' memory is not
//! counted) and `/usr/bin/time -f %M` for darcs.
//! The table is printed and written to `target/bench-reader.txt`.

use darcsweb::repo::{Entry, Registry, Version};
use std::path::{Path as FsPath, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const RUNS: usize = 5;
const PATCHES: usize = 10000;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    if d < Duration::from_millis(1) {
        format!("{:.1} µs", d.as_secs_f64() * 1e6)
    } else {
        format!("{:.1} ms", d.as_secs_f64() * 1000.0)
    }
}

/// Peak resident set of this process in KiB (`VmHWM`).
fn vm_hwm() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    s.lines().find(|l| l.starts_with("VmHWM:"))?.split_whitespace().nth(1)?.parse().ok()
}

/// Reset the peak RSS to the current RSS (Linux >= 4.0); false if not allowed.
fn reset_hwm() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// What one darcs run produced: wall time, peak RSS (KiB) if measured, stdout.
struct DarcsRun {
    time: Duration,
    rss: Option<u64>,
    out: Vec<u8>,
}

fn run_darcs(dir: &FsPath, args: &[&str], gnu_time: bool, scratch: &FsPath) -> Result<DarcsRun, String> {
    let rss_file = scratch.join("darcs-rss.txt");
    let mut cmd = if gnu_time {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f").arg("%M").arg("-o").arg(&rss_file).arg("darcs");
        c
    } else {
        Command::new("darcs")
    };
    cmd.args(args).current_dir(dir).stdin(Stdio::null()).stderr(Stdio::piped()).env("TZ", "UTC");
    let t = Instant::now();
    let out = cmd.output().map_err(|e| format!("darcs {args:?}: {e}"))?;
    let time = t.elapsed();
    if !out.status.success() {
        return Err(format!("darcs {args:?} failed ({}): {}", out.status, String::from_utf8_lossy(&out.stderr).trim()));
    }
    let rss = if gnu_time {
        std::fs::read_to_string(&rss_file).ok().and_then(|s| s.lines().last().and_then(|l| l.trim().parse().ok()))
    } else {
        None
    };
    Ok(DarcsRun { time, rss, out: out.stdout })
}

/// One table row.
struct Row {
    op: String,
    ours: Result<Duration, String>,
    ours_kib: Option<u64>,
    darcs: Result<Duration, String>,
    darcs_kib: Option<u64>,
}

/// What timing an operation RUNS times gives: the median time and the last run's output
/// (or the first error), and the peak RSS in KiB when it could be measured.
type Timed<T> = (Result<(Duration, T), String>, Option<u64>);

/// Time `f` RUNS times (median), with the peak RSS over the runs when it can be reset.
fn ours<T>(mut f: impl FnMut() -> Result<T, String>) -> Timed<T> {
    let can_reset = reset_hwm();
    let mut times = Vec::new();
    let mut last = None;
    for _ in 0..RUNS {
        let t = Instant::now();
        match f() {
            Ok(v) => {
                times.push(t.elapsed());
                last = Some(v);
            }
            Err(e) => return (Err(e), None),
        }
    }
    let kib = if can_reset { vm_hwm() } else { None };
    (Ok((median(times), last.unwrap())), kib)
}

fn darcs_median(dir: &FsPath, args: &[&str], gnu_time: bool, scratch: &FsPath) -> Timed<Vec<u8>> {
    let mut times = Vec::new();
    let mut rss: Option<u64> = None;
    let mut out = Vec::new();
    for _ in 0..RUNS {
        match run_darcs(dir, args, gnu_time, scratch) {
            Ok(r) => {
                times.push(r.time);
                rss = match (rss, r.rss) {
                    (Some(a), Some(b)) => Some(a.max(b)),
                    (a, b) => a.or(b),
                };
                out = r.out;
            }
            Err(e) => return (Err(e), None),
        }
    }
    (Ok((median(times), out)), rss)
}

fn main() {
    // as in the server: core calls run in `darcsweb core-worker` processes
    darcsweb::core::use_worker_executable(env!("CARGO_BIN_EXE_darcsweb"));
    let start = Instant::now();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let target = root.join("target");
    let big = target.join("bench-big");
    let copy = target.join("bench-big-darcs");
    let scratch = target.join("bench-reader-scratch");
    std::fs::create_dir_all(&scratch).expect("scratch dir");

    // 1. the repository (the script is idempotent)
    let t = Instant::now();
    let st = Command::new(root.join("bench/make-big-repo.sh"))
        .arg(&big)
        .arg(PATCHES.to_string())
        .status()
        .expect("run bench/make-big-repo.sh");
    assert!(st.success(), "make-big-repo.sh failed: {st}");
    eprintln!("repository ready in {:.1} s", t.elapsed().as_secs_f64());
    let _ = std::fs::remove_dir_all(&copy);
    let st = Command::new("cp").arg("-a").arg(&big).arg(&copy).status().expect("cp -a");
    assert!(st.success(), "cp -a failed");
    let gnu_time = FsPath::new("/usr/bin/time").exists();
    let roots = vec![big.clone()];
    let open = || -> Result<std::sync::Arc<darcsweb::repo::Repo>, String> {
        Registry::discover(&roots).list().into_iter().next().ok_or_else(|| "no repository discovered".to_string())
    };

    // setup (untimed): the first and the most edited file's first patch
    let hot = vec![b"hot.txt".to_vec()];
    let repo0 = open().expect("open");
    let idx0 = repo0.index().expect("index");
    let n = idx0.patches.len();
    let (touching, hot_edits) = idx0.log(0, usize::MAX, None, Some(&hot));
    let first_hot = *touching.last().expect("hot.txt is touched by some patch");
    let first_hash = idx0.patches[first_hot].hash.clone();
    eprintln!("{n} patches; hot.txt touched by {hot_edits}; first at #{first_hot} ({first_hash})");
    drop((idx0, repo0));

    let mut rows = Vec::new();
    let mut notes: Vec<String> = Vec::new();

    // cold index
    let (r, kib) = ours(|| {
        let repo = open()?;
        let idx = repo.index().map_err(|e| e.to_string())?;
        Ok(idx.patches.len())
    });
    let (d, dkib) = darcs_median(&copy, &["log", "--count"], gnu_time, &scratch);
    if let (Ok((_, ours_n)), Ok((_, out))) = (&r, &d) {
        let theirs = String::from_utf8_lossy(out).trim().to_string();
        if theirs != ours_n.to_string() {
            notes.push(format!("patch count differs: darcsweb {ours_n}, darcs log --count {theirs}"));
        }
    }
    rows.push(Row {
        op: "cold index (discover+index) vs log --count".into(),
        ours: r.as_ref().map(|x| x.0).map_err(Clone::clone),
        ours_kib: kib,
        darcs: d.map(|x| x.0),
        darcs_kib: dkib,
    });
    let (d50, d50kib) = darcs_median(&copy, &["log", "--last", "50"], gnu_time, &scratch);
    let d50 = d50.map(|x| x.0);
    rows.push(Row {
        op: "cold index (discover+index) vs log --last 50".into(),
        ours: r.map(|x| x.0),
        ours_kib: kib,
        darcs: d50.clone(),
        darcs_kib: d50kib,
    });

    // a 50-patch log page, index warm
    let repo = open().expect("open");
    let idx = repo.index().expect("index");
    let (r, kib) = ours(|| {
        let (page, total) = idx.log(0, 50, None, None);
        if page.len() != 50 || total != n {
            return Err(format!("log page: {} patches, total {total}", page.len()));
        }
        Ok(page)
    });
    rows.push(Row {
        op: "log page 50 (warm index) vs log --last 50".into(),
        ours: r.map(|x| x.0),
        ours_kib: kib,
        darcs: d50,
        darcs_kib: d50kib,
    });
    // cold request: fresh registry + index + page
    let (r, kib) = ours(|| {
        let repo = open()?;
        let idx = repo.index().map_err(|e| e.to_string())?;
        Ok(idx.log(0, 50, None, None).0)
    });
    let (d, dkib) = darcs_median(&copy, &["log", "--last", "50"], gnu_time, &scratch);
    rows.push(Row {
        op: "log page 50 (cold: discover+index+log)".into(),
        ours: r.map(|x| x.0),
        ours_kib: kib,
        darcs: d.map(|x| x.0),
        darcs_kib: dkib,
    });
    drop((idx, repo));

    // the file at its oldest version
    let v_first = Version { applied: first_hot + 1 };
    let mut entry_only = Vec::new();
    let (r, kib) = ours(|| {
        let repo = open()?;
        repo.index().map_err(|e| e.to_string())?;
        let t = Instant::now();
        let e = repo.entry(v_first, &hot).map_err(|e| e.to_string())?;
        entry_only.push(t.elapsed());
        match e {
            Some(Entry::File(b)) => Ok(b),
            Some(Entry::Dir(_)) => Err("hot.txt is a directory".into()),
            None => Err("hot.txt absent at its first patch".into()),
        }
    });
    let m = format!("hash {first_hash}");
    let (d, dkib) = darcs_median(&copy, &["show", "contents", "--match", &m, "hot.txt"], gnu_time, &scratch);
    if let (Ok((_, ours_b)), Ok((_, theirs))) = (&r, &d) {
        if ours_b.as_slice() != theirs.as_slice() {
            notes.push(format!(
                "hot.txt at first patch differs: darcsweb {} bytes, darcs {} bytes",
                ours_b.len(),
                theirs.len()
            ));
        }
    }
    let d = d.map(|x| x.0);
    let entry_only = if entry_only.is_empty() { None } else { Some(median(entry_only)) };
    rows.push(Row {
        op: "file at oldest version (cold, incl. index)".into(),
        ours: r.map(|x| x.0),
        ours_kib: kib,
        darcs: d.clone(),
        darcs_kib: dkib,
    });
    if let Some(e) = entry_only {
        rows.push(Row {
            op: "  of which entry() alone".into(),
            ours: Ok(e),
            ours_kib: None,
            darcs: d,
            darcs_kib: None,
        });
    }

    // annotate of hot.txt at head
    let mut ann_only = Vec::new();
    let (r, kib) = ours(|| {
        let repo = open()?;
        let head = repo.index().map_err(|e| e.to_string())?.head();
        let t = Instant::now();
        let lines = repo.annotate(head, &hot).map_err(|e| e.to_string())?;
        ann_only.push(t.elapsed());
        Ok(lines)
    });
    let (d, dkib) =
        darcs_median(&copy, &["annotate", "--machine-readable", "--no-patch-index", "hot.txt"], gnu_time, &scratch);
    if let Ok((_, lines)) = &r {
        let unknown = lines.iter().filter(|l| l.patch.is_none()).count();
        if lines.len() != 200 || unknown > 0 {
            notes.push(format!("annotate: {} lines, {unknown} without a patch", lines.len()));
        }
    }
    let d = d.map(|x| x.0);
    let ann_only = if ann_only.is_empty() { None } else { Some(median(ann_only)) };
    rows.push(Row {
        op: "annotate hot.txt at head (cold, incl. index)".into(),
        ours: r.map(|x| x.0),
        ours_kib: kib,
        darcs: d.clone(),
        darcs_kib: dkib,
    });
    if let Some(a) = ann_only {
        rows.push(Row {
            op: "  of which annotate() alone".into(),
            ours: Ok(a),
            ours_kib: None,
            darcs: d,
            darcs_kib: None,
        });
    }

    let process_peak = vm_hwm();

    // the table
    let kib_s = |k: Option<u64>| k.map(|k| format!("{:.1} MiB", k as f64 / 1024.0)).unwrap_or_else(|| "n/a".into());
    let mut t = String::new();
    t.push_str(&format!(
        "darcsweb reader vs darcs {}: {} patches, hot.txt edited by {} patches, median of {RUNS}\n\n",
        darcs_version(),
        n,
        hot_edits
    ));
    t.push_str(&format!(
        "{:<46} {:>12} {:>12} {:>8} {:>11} {:>11}\n",
        "operation", "darcsweb", "darcs", "ratio", "peak(dw)", "peak(darcs)"
    ));
    let mut errors = Vec::new();
    for row in &rows {
        let o = match &row.ours {
            Ok(d) => ms(*d),
            Err(e) => {
                errors.push(format!("{}: darcsweb: {e}", row.op.trim()));
                "ERROR".into()
            }
        };
        let d = match &row.darcs {
            Ok(d) => ms(*d),
            Err(e) => {
                errors.push(format!("{}: darcs: {e}", row.op.trim()));
                "ERROR".into()
            }
        };
        let ratio = match (&row.ours, &row.darcs) {
            (Ok(a), Ok(b)) if !a.is_zero() => format!("{:.1}x", b.as_secs_f64() / a.as_secs_f64()),
            _ => "-".into(),
        };
        t.push_str(&format!(
            "{:<46} {:>12} {:>12} {:>8} {:>11} {:>11}\n",
            row.op,
            o,
            d,
            ratio,
            kib_s(row.ours_kib),
            kib_s(row.darcs_kib)
        ));
    }
    t.push_str(&format!(
        "\nratio = darcs / darcsweb (above 1: darcsweb is faster). darcs runs on a copy of the repository{}.\n",
        if gnu_time {
            ", under /usr/bin/time -f %M (peak = max over runs)"
        } else {
            "; /usr/bin/time missing: darcs peak n/a"
        }
    ));
    t.push_str(&format!(
        "darcsweb peak per row: VmHWM after resetting it to the current RSS (clear_refs 5), so it includes memory kept from earlier rows{}; whole process VmHWM after all darcsweb runs: {}\n",
        if reset_hwm() { "" } else { " (reset refused: n/a)" },
        kib_s(process_peak)
    ));
    for e in &errors {
        t.push_str(&format!("ERROR {e}\n"));
    }
    for n in &notes {
        t.push_str(&format!("NOTE {n}\n"));
    }
    t.push_str(&format!("total bench time: {:.1} s\n", start.elapsed().as_secs_f64()));
    print!("{t}");
    let _ = std::fs::write(target.join("bench-reader.txt"), &t);
}

fn darcs_version() -> String {
    Command::new("darcs")
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "?".into())
}
