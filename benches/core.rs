//! Criterion benchmarks of the verified core through the FFI (run: `cargo bench --bench core`).
//!
//! * `ffi_round_trip`: the cost of one call (invert of an empty sequence);
//! * `file_after_10000_hunks`: a file's contents after 10,000 hunks (one `file_at` call);
//! * `dependencies_2000`: dependencies of a 2,000-patch history;
//! * `dependencies_2000_darcs2_conflict`, `dependencies_2000_darcs3_conflict`: the same
//!   history plus two conflicting edits (the second as a conflictor), through the darcs-2
//!   and darcs-3 repository-patch layers that conflicted histories take;
//! * `annotate_5000_lines_1000_patches`: annotate of a 5,000-line file touched by 1,000 patches;
//! * adversarial inputs (theories/README.md, "Costs"): `nested_dirs_1500` (one patch adding 1,500
//!   nested directories `./d/d/…/d`, then removing them, replayed by `apply`);
//!   `annotate_100000_lines_changed_whole` (a 100,000-line file added, then changed whole in one
//!   hunk, as darcs records it); `hunks_10000_in_one_patch` (one patch changing every other line
//!   of a 20,000-line file); `apply_one_hunk_10000_file_directory` (`apply` of one hunk to a tree
//!   holding a 10,000-file directory: the tree crosses the FFI and is rebuilt each call).

use criterion::{criterion_main, Criterion};
use darcsweb::core::{self, Contexted3, NPrim, Named, Named2, Named3, Node, Rp3, Tree};
use darcsweb::darcs::patch::{Non, RepoPatch};
use darcsweb::darcs::prim::{Path, Prim};

fn path(s: &str) -> Path {
    vec![s.as_bytes().to_vec()]
}

fn line(s: String) -> Vec<u8> {
    s.into_bytes()
}

/// addfile + a hunk filling it with `n` lines.
fn create(f: &str, n: usize) -> Named {
    let lines = (0..n).map(|i| line(format!("line {i}"))).collect();
    Named {
        prims: vec![Prim::AddFile(path(f)), Prim::Hunk { path: path(f), line: 1, old: vec![], new: lines }],
        deps: vec![],
    }
}

/// `k` patches, each replacing one line of an `n`-line file (spread over the file).
fn edits(f: &str, n: usize, k: usize, start: usize) -> Vec<Named> {
    let mut current: Vec<String> = (0..n).map(|i| format!("line {i}")).collect();
    (0..k)
        .map(|j| {
            let at = (j * 7919 + start) % n;
            let new = format!("edit {j} of line {at}");
            let old = std::mem::replace(&mut current[at], new.clone());
            Named {
                prims: vec![Prim::Hunk {
                    path: path(f),
                    line: at as u32 + 1,
                    old: vec![line(old)],
                    new: vec![line(new)],
                }],
                deps: vec![],
            }
        })
        .collect()
}

fn benches(c: &mut Criterion) {
    // the FFI itself, in this process (the server runs the same calls in worker processes)
    core::use_in_process();
    c.bench_function("ffi_round_trip", |b| b.iter(|| core::invert(&[]).unwrap()));

    let mut hunks = vec![create("f", 2000)];
    hunks.extend(edits("f", 2000, 10_000, 0));
    c.bench_function("file_after_10000_hunks", |b| b.iter(|| core::file_at(&hunks, &path("f")).unwrap()));

    // 2,000 patches over 20 files: edits of the same file depend on each other only
    // when they touch overlapping lines
    let mut history: Vec<Named> = (0..20).map(|i| create(&format!("f{i}"), 200)).collect();
    for i in 0..20 {
        history.extend(edits(&format!("f{i}"), 200, 99, i));
    }
    assert_eq!(history.len(), 2000);
    let mut g = c.benchmark_group("slow");
    g.sample_size(10);
    g.bench_function("dependencies_2000", |b| b.iter(|| core::dependencies(&history).unwrap()));

    // two clones edit line 1 of f0 differently; the second edit, pulled after the
    // first, is a conflictor undoing it
    let old = match core::file_at(&history, &path("f0")).unwrap() {
        core::Lookup::File(c) => c.split(|&b| b == b'\n').nth(1).unwrap().to_vec(),
        other => panic!("f0 is not a file: {other:?}"),
    };
    let first = Prim::Hunk { path: path("f0"), line: 2, old: vec![old.clone()], new: vec![line("A".into())] };
    let second = Prim::Hunk { path: path("f0"), line: 2, old: vec![old], new: vec![line("B".into())] };
    let mut v2: Vec<Named2> = history
        .iter()
        .map(|n| Named2 { patches: n.prims.iter().cloned().map(RepoPatch::Prim).collect(), deps: vec![] })
        .collect();
    v2.push(Named2 { patches: vec![RepoPatch::Prim(first.clone())], deps: vec![] });
    v2.push(Named2 {
        patches: vec![RepoPatch::Conflictor {
            ix: vec![],
            xx: vec![first.clone()],
            x: Non { context: vec![], prim: second.clone() },
        }],
        deps: vec![],
    });
    // a conflictor never depends on the patch it conflicts with
    let d2 = core::dependencies2(&v2).unwrap();
    assert!(!d2[v2.len() - 1].contains(&(v2.len() as u32 - 2)), "{:?}", d2[v2.len() - 1]);
    g.bench_function("dependencies_2000_darcs2_conflict", |b| b.iter(|| core::dependencies2(&v2).unwrap()));

    let np = |patch: u32, position: u32, inverse: bool, prim: Prim| NPrim { inverse, position, patch, prim };
    let mut v3: Vec<Named3> = history
        .iter()
        .enumerate()
        .map(|(i, n)| Named3 {
            patches: n
                .prims
                .iter()
                .enumerate()
                .map(|(k, p)| Rp3::Prim(np(i as u32, k as u32 + 1, false, p.clone())))
                .collect(),
            deps: vec![],
        })
        .collect();
    let (a, b) = (history.len() as u32, history.len() as u32 + 1);
    v3.push(Named3 { patches: vec![Rp3::Prim(np(a, 1, false, first.clone()))], deps: vec![] });
    let undo_first = core::invert(std::slice::from_ref(&first)).unwrap().remove(0);
    v3.push(Named3 {
        patches: vec![Rp3::Conflictor {
            effect: vec![np(a, 1, true, undo_first)],
            conflicts: vec![Contexted3 { context: vec![], patch: np(a, 1, false, first.clone()) }],
            identity: Contexted3 { context: vec![], patch: np(b, 1, false, second.clone()) },
        }],
        deps: vec![],
    });
    let d3 = core::dependencies3(&v3).unwrap();
    assert_eq!(d3, d2, "the darcs-2 and darcs-3 layers agree on this history");
    g.bench_function("dependencies_2000_darcs3_conflict", |b| b.iter(|| core::dependencies3(&v3).unwrap()));

    let mut ann = vec![create("big", 5000)];
    ann.extend(edits("big", 5000, 1000, 3));
    g.bench_function("annotate_5000_lines_1000_patches", |b| b.iter(|| core::annotate(&ann, &path("big")).unwrap()));

    // adversarial inputs
    let nested: Vec<Prim> = std::iter::once(Prim::AddDir(path("x")))
        .chain((1..=1500).map(|k| Prim::AddDir(vec![b"d".to_vec(); k])))
        .chain((1..=1500).rev().map(|k| Prim::RmDir(vec![b"d".to_vec(); k])))
        .collect();
    assert_eq!(core::apply(&Tree::new(), &nested).unwrap().len(), 1);
    g.bench_function("nested_dirs_1500", |b| b.iter(|| core::apply(&Tree::new(), &nested).unwrap()));

    let lines = |prefix: &str, n: usize| -> Vec<Vec<u8>> { (0..n).map(|i| line(format!("{prefix} {i}"))).collect() };
    let whole = vec![
        Named {
            prims: vec![
                Prim::AddFile(path("f")),
                Prim::Hunk { path: path("f"), line: 1, old: vec![], new: lines("line", 100_000) },
            ],
            deps: vec![],
        },
        Named {
            prims: vec![Prim::Hunk {
                path: path("f"),
                line: 1,
                old: lines("line", 100_000),
                new: lines("changed", 100_000),
            }],
            deps: vec![],
        },
    ];
    let a = core::annotate(&whole, &path("f")).unwrap();
    assert!(a.origins.len() == 100_000 && a.origins.iter().all(|o| *o == Some(1)));
    g.bench_function("annotate_100000_lines_changed_whole", |b| b.iter(|| core::annotate(&whole, &path("f")).unwrap()));

    let every_other = vec![
        Named {
            prims: vec![
                Prim::AddFile(path("f")),
                Prim::Hunk { path: path("f"), line: 1, old: vec![], new: lines("line", 20_000) },
            ],
            deps: vec![],
        },
        Named {
            prims: (0..10_000)
                .map(|k| Prim::Hunk {
                    path: path("f"),
                    line: 2 * k as u32 + 1,
                    old: vec![line(format!("line {}", 2 * k))],
                    new: vec![line(format!("x {}", 2 * k))],
                })
                .collect(),
            deps: vec![],
        },
    ];
    g.bench_function("hunks_10000_in_one_patch", |b| b.iter(|| core::file_at(&every_other, &path("f")).unwrap()));

    let mut wide = Tree::new();
    wide.insert(path("big"), Node::Dir);
    for i in 0..10_000 {
        wide.insert(vec![b"big".to_vec(), format!("file{i:05}.txt").into_bytes()], Node::File(b"a\n".to_vec()));
    }
    let one = [Prim::Hunk {
        path: vec![b"big".to_vec(), b"file05000.txt".to_vec()],
        line: 1,
        old: vec![b"a".to_vec()],
        new: vec![b"b".to_vec()],
    }];
    g.bench_function("apply_one_hunk_10000_file_directory", |b| b.iter(|| core::apply(&wide, &one).unwrap()));
    g.finish();
}

/// The group `main` runs: every benchmark above, configured from the command line (what
/// `criterion_group!` generates, written out because its `pub fn` cannot carry a doc).
fn core_benches() {
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
}

criterion_main!(core_benches);
