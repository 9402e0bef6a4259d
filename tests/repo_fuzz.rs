//! A bounded run of the repository mutation fuzzer (`tests/fuzz/mod.rs`): 120 mutants of
//! a real repository, each checked by `darcsweb check` (against `darcs check` when it
//! says "consistent") and served beside a healthy repository. `bench/fuzz.sh N` runs
//! many more.

use crate::common;
use crate::fuzz;

#[test]
fn mutants_never_hang_crash_leak_or_pass_where_darcs_fails() {
    let corpus = common::corpus();
    let work = common::target_dir().join("fuzz-test");
    let setup = fuzz::Setup {
        bin: std::path::PathBuf::from(env!("CARGO_BIN_EXE_darcsweb")),
        base: corpus.join("repos/prims-d2"),
        work: work.clone(),
        seed: std::env::var("FUZZ_SEED").ok().and_then(|s| s.parse().ok()).unwrap_or(20_240_101),
        mutants: std::env::var("FUZZ_MUTANTS").ok().and_then(|s| s.parse().ok()).unwrap_or(120),
        memory_bytes: 256 << 20,
        verbose: false,
        compare_all: false,
        report_every: 0,
    };
    let report = fuzz::run(&setup);
    let summary = report.summary();
    println!("{summary}");
    assert!(report.clean(), "{summary}");
    // the run did exercise both verdicts and every kind of mutation
    assert!(report.check_consistent > 0 && report.check_rejected > 0, "{summary}");
    assert_eq!(report.by_kind.len(), fuzz::KINDS.len(), "{summary}");
    let _ = std::fs::remove_dir_all(&work);
}
