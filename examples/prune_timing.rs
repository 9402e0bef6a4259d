//! Timings of the pruned core ops on a real repository:
//!
//!   cargo run --release --example prune_timing -- DARCS_REPO
//!
//! Reads every patch's effect (as the server does), then times op 12 (summaries), op 7
//! (the whole graph, pruned inside the core), op 13 for some patches with the server's
//! selection of full entries, and ops 14 and 15 for the most-edited file at several
//! versions, checking each pruned answer against the unpruned op where that is cheap.

use std::collections::{BTreeSet, HashMap};
use std::time::Instant;

use darcsweb::core::pruned::{self, DepsEntry, FileEntry, Pruned};
use darcsweb::core::{self, Named};
use darcsweb::darcs::hash::Kind;
use darcsweb::darcs::patch::NamedPatch;
use darcsweb::darcs::prim::{Path, Prim};

use darcsweb::darcs::repository::Repository;

fn load(dir: &str) -> Vec<Named> {
    let repo = Repository::open(dir).expect("a darcs repository");
    let mut ids: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::new();
    for (i, e) in repo.entries().iter().enumerate() {
        let data = repo.store().read(Kind::Patches, &e.patch_file).expect("patch file");
        let np = NamedPatch::parse(&data, repo.format(), std::path::Path::new(&e.patch_file)).expect("parse");
        let prims = core::effect::of_body(&np.body).expect("effect");
        let deps = np.explicit_deps.iter().filter_map(|d| ids.get(&d.id()).copied()).collect();
        ids.insert(np.info.id(), i as u32);
        out.push(Named { prims, deps });
    }
    out
}

fn related(a: &Path, b: &Path) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

fn meets(xs: &[Path], ys: &[Path]) -> bool {
    xs.iter().any(|x| ys.iter().any(|y| related(x, y)))
}

/// The paths a prim touches (the core's `touched_prim`).
fn prim_paths(p: &Prim) -> Vec<Path> {
    p.paths().cloned().collect()
}

/// The server's choice for ops 14 and 15, the core's own rule: walking back from the
/// end, a prim whose paths meet the lineage (the path, grown by the paths of every such
/// prim) is kept; a patch with a kept prim is sent in part, the others summarised.
fn lineage_selection(ps: &[Named], path: &Path) -> Vec<Vec<bool>> {
    let mut lineage = vec![path.clone()];
    let mut keep: Vec<Vec<bool>> = ps.iter().map(|p| vec![false; p.prims.len()]).collect();
    for j in (0..ps.len()).rev() {
        for (i, p) in ps[j].prims.iter().enumerate().rev() {
            let t = prim_paths(p);
            if meets(&t, &lineage) {
                keep[j][i] = true;
                for x in t {
                    if !lineage.iter().any(|l| x.starts_with(l)) {
                        lineage.push(x);
                    }
                }
            }
        }
    }
    keep
}

/// All dependencies of every patch: the transitive closure of the direct ones, descending.
fn closures(direct: &[Vec<u32>]) -> Vec<Vec<u32>> {
    let mut all: Vec<Vec<u32>> = Vec::new();
    for d in direct {
        let mut set = BTreeSet::new();
        for &j in d {
            set.insert(j);
            set.extend(all[j as usize].iter().copied());
        }
        all.push(set.into_iter().rev().collect());
    }
    all
}

/// The server's choice of full patches for op 13: those whose summary meets the paths
/// gathered so far (the patch's, grown by every full patch's) or that the patch or a
/// full patch explicitly depends on.
fn server_selection(ps: &[Named], sums: &[Vec<Path>], k: usize) -> Vec<usize> {
    let mut gathered = sums[k].clone();
    let mut explicit: Vec<u32> = ps[k].deps.clone();
    let mut full = Vec::new();
    for j in (0..k).rev() {
        if meets(&sums[j], &gathered) || explicit.contains(&(j as u32)) {
            full.push(j);
            gathered.extend(sums[j].iter().cloned());
            explicit.extend(ps[j].deps.iter().copied());
        }
    }
    full
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

fn main() {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: cargo run --release --example prune_timing -- DARCS_REPO (e.g. bench/real.sh's libuv)");
        std::process::exit(2);
    };
    core::use_in_process();
    let t = Instant::now();
    let ps = load(&dir);
    let prims: usize = ps.iter().map(|p| p.prims.len()).sum();
    println!("{} patches, {} prims, loaded in {:.0} ms", ps.len(), prims, ms(t));

    if let Ok(out) = std::env::var("DARCSWEB_TIMING_DUMP") {
        // the op 7 request, for profiling the core alone
        let mut e = darcsweb::core::wire::Enc::new(7);
        e.len(ps.len()).expect("fits the wire format");
        for p in &ps {
            e.prims(&p.prims).expect("fits the wire format");
            e.u32s(&p.deps).expect("fits the wire format");
        }
        std::fs::write(&out, &e.buf).unwrap();
        println!("wrote {out}");
        return;
    }
    let t = Instant::now();
    let sums = pruned::touched(&ps).unwrap();
    println!("op 12 touched, all patches: {:.0} ms", ms(t));
    let t = Instant::now();
    let pp = pruned::touched_prims(&ps).unwrap();
    println!("op 17 touched_prims, all patches: {:.0} ms", ms(t));
    let paths: usize = sums.iter().map(|s| s.len()).sum();
    println!("  {} summary paths ({:.1} per patch)", paths, paths as f64 / ps.len() as f64);

    let n = ps.len();
    // the most-edited file
    let mut edits: HashMap<Path, usize> = HashMap::new();
    for p in &ps {
        let files: BTreeSet<&Path> = p
            .prims
            .iter()
            .filter_map(|q| match q {
                Prim::Hunk { path, .. } => Some(path),
                _ => None,
            })
            .collect();
        for f in files {
            *edits.entry(f.clone()).or_default() += 1;
        }
    }
    let (file, count) = edits.iter().max_by_key(|(_, c)| **c).map(|(f, c)| (f.clone(), *c)).unwrap();
    println!("most-edited file {:?}: {count} patches", String::from_utf8_lossy(&file.join(&b'/')));
    for v in [n, n * 3 / 4, n / 2, n / 4, n / 10] {
        let hist = &ps[..v];
        let t = Instant::now();
        let keep = lineage_selection(hist, &file);
        let full: Vec<bool> = keep.iter().map(|k| k.iter().any(|x| *x)).collect();
        let entries: Vec<FileEntry> = (0..v)
            .map(|j| {
                if !full[j] {
                    FileEntry::Skip(&sums[j])
                } else if std::env::var("DARCSWEB_TIMING_FULL").is_ok() {
                    FileEntry::Full(&hist[j])
                } else {
                    pruned::part(&hist[j].prims, &pp[j], |i| keep[j][i])
                }
            })
            .collect();
        let sel = ms(t);
        if let Ok(out) = std::env::var("DARCSWEB_TIMING_DUMP14") {
            let mut e = darcsweb::core::wire::Enc::new(14);
            e.len(v).expect("fits the wire format");
            for j in 0..v {
                if full[j] {
                    // in part: the kept prims, the others in runs
                    e.u8(2);
                    let mut segs: Vec<(Option<&Prim>, u32, Vec<Path>)> = Vec::new();
                    for (i, p) in hist[j].prims.iter().enumerate() {
                        if keep[j][i] {
                            segs.push((Some(p), 0, vec![]));
                        } else {
                            match segs.last_mut() {
                                Some((None, n, paths)) => {
                                    *n += 1;
                                    paths.extend(pp[j][i].iter().cloned());
                                }
                                _ => segs.push((None, 1, pp[j][i].clone())),
                            }
                        }
                    }
                    e.len(segs.len()).expect("fits the wire format");
                    for (p, n, paths) in &segs {
                        match p {
                            Some(p) => {
                                e.u8(0);
                                e.prim(p).expect("fits the wire format");
                            }
                            None => {
                                e.u8(1);
                                e.u32(*n);
                                e.len(paths.len()).expect("fits the wire format");
                                for x in paths {
                                    e.path(x).expect("fits the wire format");
                                }
                            }
                        }
                    }
                } else {
                    e.u8(1);
                    e.len(sums[j].len()).expect("fits the wire format");
                    for p in &sums[j] {
                        e.path(p).expect("fits the wire format");
                    }
                }
            }
            e.path(&file).expect("fits the wire format");
            std::fs::write(format!("{out}.{v}"), &e.buf).unwrap();
        }
        let t = Instant::now();
        let f = pruned::file_at_pruned(&entries, &file).unwrap();
        let fa = ms(t);
        let t = Instant::now();
        let a = pruned::annotate_pruned(&entries, &file);
        let an = ms(t);
        let nfull = full.iter().filter(|f| **f).count();
        println!(
            "  version {v}: {nfull} full, selection {sel:.1} ms, op 14 file_at {fa:.1} ms, op 15 annotate {an:.1} ms"
        );
        let t = Instant::now();
        let want = core::file_at(hist, &file).unwrap();
        let unpruned = ms(t);
        assert_eq!(f, Pruned::Done(want), "file_at at {v}");
        if let Ok(Pruned::Done(a)) = a {
            let t = Instant::now();
            let want = core::annotate(hist, &file).unwrap();
            println!("    unpruned: file_at {unpruned:.1} ms, annotate {:.1} ms", ms(t));
            assert_eq!(a, want, "annotate at {v}");
        }
    }
    // op 13, cold: the dependencies of patch k need all the dependencies of every patch
    // sent in full, computed first by op 13 too (memoised), as a server without the graph
    let mut memo: Vec<Option<pruned::PatchDeps>> = vec![None; n];
    let budget = std::time::Duration::from_secs(
        std::env::var("DARCSWEB_TIMING_BUDGET").ok().and_then(|b| b.parse().ok()).unwrap_or(60),
    );
    // op 13, warm: with the dependency sets from a saved op 7 answer (the raw response
    // bytes), as a server that has the graph of an earlier version
    if let Ok(f) = std::env::var("DARCSWEB_TIMING_GRAPH_FILE") {
        let bytes = std::fs::read(&f).unwrap();
        let mut d = darcsweb::core::wire::Dec::new(&bytes);
        assert_eq!(d.u8().unwrap(), 0);
        let direct: Vec<Vec<u32>> = (0..d.u32().unwrap()).map(|_| d.u32s().unwrap()).collect();
        let all = closures(&direct);
        for k in [1000usize, 2000, 3000, 4000, 5000, n - 1] {
            let full = server_selection(&ps, &sums, k);
            let set: BTreeSet<usize> = full.iter().copied().collect();
            let t = Instant::now();
            let entries: Vec<DepsEntry> = (0..k)
                .map(|j| if set.contains(&j) { DepsEntry::Full(&ps[j], &all[j]) } else { DepsEntry::Skip(&sums[j]) })
                .collect();
            let r = pruned::deps_of(&ps[k], &entries).unwrap();
            let el = ms(t);
            let sent: usize = set.iter().map(|&j| all[j].len()).sum();
            println!(
                "op 13 warm, patch {k}: {el:.0} ms, {} full ({sent} dependency indices sent), {:?}",
                set.len(),
                match &r {
                    Pruned::Done(d) => format!("{} direct, {} in all", d.direct.len(), d.all.len()),
                    Pruned::Need(j) => format!("need {j}"),
                }
            );
            if let Pruned::Done(dd) = r {
                assert_eq!(dd.direct, direct[k]);
            }
        }
    }
    let ks: Vec<usize> = match std::env::var("DARCSWEB_TIMING_PATCHES") {
        Ok(v) => v.split(',').filter_map(|k| k.parse().ok()).collect(),
        Err(_) => vec![50, 200, 500, 1000, 2000, 3000, 4000, 5000, n - 1],
    };
    for k in ks {
        if k >= n {
            continue;
        }
        let t = Instant::now();
        let mut calls = 0;
        let mut stack = vec![k];
        let mut gave_up = false;
        while let Some(&m) = stack.last() {
            if memo[m].is_some() {
                stack.pop();
                continue;
            }
            if t.elapsed() > budget {
                gave_up = true;
                break;
            }
            let full = server_selection(&ps, &sums, m);
            // every full patch needs its own dependencies first
            if let Some(&j) = full.iter().rev().find(|&&j| memo[j].is_none()) {
                stack.push(j);
                continue;
            }
            let mut full = full;
            loop {
                calls += 1;
                let set: BTreeSet<usize> = full.iter().copied().collect();
                let empty: Vec<u32> = Vec::new();
                let entries: Vec<DepsEntry> = (0..m)
                    .map(|j| {
                        if set.contains(&j) {
                            DepsEntry::Full(&ps[j], memo[j].as_ref().map(|d| &d.all[..]).unwrap_or(&empty[..]))
                        } else {
                            DepsEntry::Skip(&sums[j])
                        }
                    })
                    .collect();
                match pruned::deps_of(&ps[m], &entries).unwrap() {
                    Pruned::Done(d) => {
                        memo[m] = Some(d);
                        stack.pop();
                        break;
                    }
                    Pruned::Need(j) => {
                        full.push(j as usize);
                        if memo[j as usize].is_none() {
                            stack.push(j as usize);
                            break;
                        }
                    }
                }
            }
        }
        let done = memo.iter().filter(|d| d.is_some()).count();
        if gave_up {
            println!("op 13 cold, patch {k}: gave up after {:.0} ms ({calls} calls, {done} patches known)", ms(t));
            break;
        }
        let d = memo[k].as_ref().unwrap();
        println!(
            "op 13 cold, patch {k}: {:.0} ms ({calls} calls, {done} patches known), {} direct, {} in all",
            ms(t),
            d.direct.len(),
            d.all.len()
        );
        // warm: the same call once every full patch's dependencies are known
        let full = server_selection(&ps, &sums, k);
        let set: BTreeSet<usize> = full.iter().copied().collect();
        let t = Instant::now();
        let entries: Vec<DepsEntry> = (0..k)
            .map(|j| {
                if set.contains(&j) {
                    DepsEntry::Full(&ps[j], &memo[j].as_ref().unwrap().all)
                } else {
                    DepsEntry::Skip(&sums[j])
                }
            })
            .collect();
        let r = pruned::deps_of(&ps[k], &entries).unwrap();
        println!(
            "  warm (all dependency sets cached): {:.1} ms, {} full, {:?}",
            ms(t),
            set.len(),
            matches!(r, Pruned::Done(_))
        );
    }

    if std::env::var("DARCSWEB_TIMING_STAGED").is_ok() {
        // op 18 in stretches, as the server computes the graph (sizes adapted to ~2 s a call)
        let t = Instant::now();
        let (mut direct, mut all): (Vec<Vec<u32>>, Vec<Vec<u32>>) = (Vec::new(), Vec::new());
        let mut stretch = 64usize;
        let upto: usize = std::env::var("DARCSWEB_TIMING_STAGED_UPTO").ok().and_then(|v| v.parse().ok()).unwrap_or(n);
        while direct.len() < upto.min(n) {
            let a = direct.len();
            let b = (a + stretch).min(upto.min(n));
            let earlier: Vec<(&Named, &[u32])> = (0..a).map(|j| (&ps[j], &all[j][..])).collect();
            let sent: usize = all.iter().map(|x| x.len()).sum();
            let c = Instant::now();
            let got = pruned::deps_range(&earlier, &ps[a..b]).unwrap();
            let secs = c.elapsed().as_secs_f64();
            println!(
                "op 18 patches {a}..{b}: {:.0} ms ({sent} dependency indices sent), {:.0} ms in all",
                secs * 1000.0,
                ms(t)
            );
            for d in got {
                direct.push(d.direct);
                all.push(d.all);
            }
            if secs < 1.0 {
                stretch = (stretch * 2).min(8192);
            } else if secs > 4.0 {
                stretch = (stretch / 2).max(1);
            }
        }
        println!("op 18 in stretches, whole graph: {:.0} ms", ms(t));
        for (k, d) in memo.iter().enumerate() {
            if let Some(d) = d {
                assert_eq!(d.direct, direct[k], "patch {k}");
            }
        }
    }
    if std::env::var("DARCSWEB_TIMING_GRAPH").is_ok() {
        let t = Instant::now();
        let direct = core::dependencies(&ps).unwrap();
        println!("op 7 dependencies (pruned in the core), whole graph: {:.0} ms", ms(t));
        for (k, d) in memo.iter().enumerate() {
            if let Some(d) = d {
                assert_eq!(d.direct, direct[k], "patch {k}");
            }
        }
    }
}
