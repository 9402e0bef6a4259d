//! Many mutants: `cargo run --release --example fuzz -- N [SEED] [BASE_REPO] [WORK_DIR]`
//! (what `bench/fuzz.sh N` runs). The mutations and checks are those of the test suite's
//! bounded run (`tests/fuzz/mod.rs`); the darcsweb binary used is the one beside this
//! example (`target/<profile>/darcsweb`). Exit status 1 when anything went wrong.

#[path = "../tests/fuzz/mod.rs"]
mod fuzz;

use std::path::PathBuf;

fn main() -> std::process::ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let exe = std::env::current_exe().expect("current_exe");
    let profile = exe.parent().and_then(|p| p.parent()).expect("target/<profile>/examples").to_path_buf();
    let base = args.get(3).map(PathBuf::from).unwrap_or_else(|| profile.join("../test-corpus/repos/prims-d2"));
    let work = args.get(4).map(PathBuf::from).unwrap_or_else(|| profile.join("fuzz-run"));
    let setup = fuzz::Setup {
        bin: profile.join("darcsweb"),
        base,
        work,
        seed,
        mutants: n,
        memory_bytes: 256 << 20,
        verbose: std::env::var_os("FUZZ_VERBOSE").is_some(),
        compare_all: std::env::var_os("FUZZ_COMPARE_ALL").is_some(),
        report_every: 250,
    };
    let started = std::time::Instant::now();
    let report = fuzz::run(&setup);
    println!("{}", report.summary());
    println!("seeds {seed}..{}, {:.0} s", seed + n as u64, started.elapsed().as_secs_f64());
    if report.clean() {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
