//! `scripts/deps.sh`, the set-up that `make run` and `make test` start with, against fake
//! filesystem roots (`DEPS_ROOT`): what it would install must follow from the files each
//! tool needs, not from what this machine happens to have.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::process::Command;

/// Every package the script installs, with the files (under the root) that satisfy it.
/// Executables are marked with a leading `x:`.
const PACKAGES: &[(&str, &[&str])] = &[
    ("coq", &["x:/usr/bin/coqc"]),
    ("ocaml-nox", &["x:/usr/bin/ocamlopt", "/usr/lib/ocaml/caml/mlvalues.h"]),
    ("ocaml-findlib", &["x:/usr/bin/ocamlfind"]),
    (
        "libclang-dev",
        &[
            "/usr/lib/llvm-14/lib/libclang.so",
            "/usr/lib/x86_64-linux-gnu/libclang-14.so.1",
            "/usr/lib/llvm-14/lib/clang/14.0.6/include/stddef.h",
        ],
    ),
    ("gcc", &["x:/usr/bin/cc"]),
    ("darcs", &["x:/usr/bin/darcs"]),
    ("chromium", &["x:/usr/bin/chromium"]),
    ("chromium-driver", &["x:/usr/bin/chromedriver"]),
    ("python3", &["x:/usr/bin/python3"]),
    ("python3-venv", &["/usr/lib/python3.11/ensurepip/__init__.py"]),
    ("opam", &["x:/usr/bin/opam"]),
    ("wrk", &["x:/usr/bin/wrk"]),
    ("git", &["x:/usr/bin/git"]),
    ("openssh-client", &["x:/usr/bin/ssh"]),
    ("openssh-server", &["x:/usr/sbin/sshd"]),
];

/// Packages of `scripts/deps.sh build`; the others are added by `test`.
const BUILD: &[&str] = &["coq", "ocaml-nox", "ocaml-findlib", "libclang-dev", "gcc", "darcs"];

/// What the stock Debian 12 + Rust image has of LLVM: the C++ library that bindgen cannot use.
const STOCK_LLVM: &[&str] =
    &["/usr/lib/llvm-14/lib/libclang-cpp.so.14", "/usr/lib/x86_64-linux-gnu/libclang-cpp.so.14"];

fn lay_out(root: &Path, files: &[&str]) {
    for f in files {
        let (exe, rel) = match f.strip_prefix("x:") {
            Some(r) => (true, r),
            None => (false, *f),
        };
        let p = root.join(rel.trim_start_matches('/'));
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(&p, b"").unwrap();
        if exe {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o755)).unwrap();
        }
    }
}

/// Lay out `files` under a fresh root and return what `deps.sh MODE --dry-run` would install.
fn would_install(mode: &str, files: &[&str]) -> Vec<String> {
    let root = tempfile::tempdir().unwrap();
    lay_out(root.path(), files);
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/deps.sh");
    let out = Command::new("bash")
        .arg(&script)
        .args([mode, "--dry-run"])
        .env("DEPS_ROOT", root.path())
        .output()
        .expect("run scripts/deps.sh");
    assert!(out.status.success(), "deps.sh failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap().split_whitespace().map(str::to_owned).collect()
}

fn files_except(skip: &str) -> Vec<&'static str> {
    PACKAGES.iter().filter(|(p, _)| *p != skip).flat_map(|(_, f)| f.iter().copied()).collect()
}

#[test]
fn a_complete_machine_needs_nothing() {
    assert_eq!(would_install("test", &files_except("")), Vec::<String>::new());
    assert_eq!(would_install("build", &files_except("")), Vec::<String>::new());
}

#[test]
fn an_empty_machine_needs_every_package() {
    let all: Vec<String> = PACKAGES.iter().map(|(p, _)| p.to_string()).collect();
    assert_eq!(would_install("test", &[]), all);
    assert_eq!(would_install("build", &[]), BUILD.iter().map(|s| s.to_string()).collect::<Vec<_>>());
}

#[test]
fn each_missing_package_is_named_alone() {
    for (pkg, _) in PACKAGES {
        assert_eq!(would_install("test", &files_except(pkg)), vec![pkg.to_string()], "with only {pkg} missing");
        let build = would_install("build", &files_except(pkg));
        let want: Vec<String> = if BUILD.contains(pkg) { vec![pkg.to_string()] } else { vec![] };
        assert_eq!(build, want, "build, with only {pkg} missing");
    }
}

#[test]
fn libclang_cpp_is_not_libclang() {
    // the stock image: LLVM's C++ library is there, the C library bindgen loads is not
    let mut stock = files_except("libclang-dev");
    stock.extend_from_slice(STOCK_LLVM);
    assert_eq!(would_install("build", &stock), vec!["libclang-dev"]);
    // any of the names clang-sys loads will do, with clang's headers
    let headers = "/usr/lib/llvm-14/lib/clang/14.0.6/include/stddef.h";
    for lib in [
        "/usr/lib/llvm-14/lib/libclang.so",
        "/usr/lib/llvm-14/lib/libclang.so.1",
        "/usr/lib/llvm-14/lib/libclang-14.so",
        "/usr/lib/x86_64-linux-gnu/libclang-14.so.14.0.6",
    ] {
        let mut files = stock.clone();
        files.extend([lib, headers]);
        assert_eq!(would_install("build", &files), Vec::<String>::new(), "with {lib}");
    }
    // the library without clang's own headers cannot parse core.h
    let mut files = stock.clone();
    files.push("/usr/lib/llvm-14/lib/libclang.so");
    assert_eq!(would_install("build", &files), vec!["libclang-dev"]);
}

#[test]
fn rocq_stands_in_for_coq() {
    let mut files = files_except("coq");
    files.push("x:/usr/bin/rocq");
    assert_eq!(would_install("build", &files), Vec::<String>::new());
}

#[test]
fn a_file_that_is_not_executable_is_not_a_command() {
    let mut files = files_except("darcs");
    files.push("/usr/bin/darcs");
    assert_eq!(would_install("build", &files), vec!["darcs"]);
}
