//! Criterion benchmarks of the verified core through the FFI (run: `cargo bench --bench core`).
//!
//! * `ffi_round_trip`: the cost of one call (invert of an empty sequence);
//! * `file_after_10000_hunks`: a file's contents after 10,000 hunks (one `file_at` call);
//! * `dependencies_2000`: dependencies of a 2,000-patch history;
//! * `annotate_5000_lines_1000_patches`: annotate of a 5,000-line file touched by 1,000 patches.

use criterion::{criterion_group, criterion_main, Criterion};
use darcsweb::core::{self, Named};
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
                prims: vec![Prim::Hunk { path: path(f), line: at as u32 + 1, old: vec![line(old)], new: vec![line(new)] }],
                deps: vec![],
            }
        })
        .collect()
}

fn benches(c: &mut Criterion) {
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

    let mut ann = vec![create("big", 5000)];
    ann.extend(edits("big", 5000, 1000, 3));
    g.bench_function("annotate_5000_lines_1000_patches", |b| b.iter(|| core::annotate(&ann, &path("big")).unwrap()));
    g.finish();
}

criterion_group!(core_benches, benches);
criterion_main!(core_benches);
