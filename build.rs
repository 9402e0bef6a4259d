//! Build the verified core into the binary.
//!
//! 1. `extracted/darcscore.{mli,ml}` (generated from `theories/` by `make extract`) and the
//!    marshalling glue `src/core/ffi/glue.ml` are compiled with
//!    `ocamlfind ocamlopt -output-complete-obj` into one object that contains the OCaml
//!    runtime too (no shared library of ours at run time).
//! 2. The C stubs `src/core/ffi/stubs.c` are compiled with `cc` and archived together
//!    with that object.
//! 3. `bindgen` turns `src/core/ffi/core.h` into the Rust declarations.
//!
//! Cargo reruns this only when one of those inputs changes. A missing tool (ocamlfind,
//! the OCaml native compiler, libclang) stops the build with one line on stderr naming the
//! Debian/Ubuntu package to install, before any work is done.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

const OCAML_SOURCES: [&str; 3] = ["extracted/darcscore.mli", "extracted/darcscore.ml", "src/core/ffi/glue.ml"];
const STUBS: &str = "src/core/ffi/stubs.c";
const HEADER: &str = "src/core/ffi/core.h";

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for f in OCAML_SOURCES.iter().chain([STUBS, HEADER].iter()) {
        println!("cargo:rerun-if-changed={f}");
    }
    println!("cargo:rerun-if-env-changed=OCAMLFIND");
    println!("cargo:rerun-if-env-changed=LIBCLANG_PATH");

    // Every tool is checked first, so a new machine learns at once everything it lacks.
    let ocamlfind = env::var("OCAMLFIND").ok().or_else(|| which("ocamlfind"));
    let mut missing = Vec::new();
    if ocamlfind.is_none() {
        missing.push(("ocamlfind", "ocaml-findlib"));
    }
    if which("ocamlopt").is_none() {
        missing.push(("the OCaml native compiler (ocamlopt)", "ocaml-nox"));
    }
    let bindings = match generate_bindings(&root) {
        Ok(b) => Some(b),
        Err(Bindgen::NoLibclang) => {
            missing.push(("libclang (bindgen loads it)", "libclang-dev"));
            None
        }
        Err(Bindgen::Failed(e)) => fail(&format!(
            "bindgen could not read {HEADER} ({e}); clang's own headers may be missing: install libclang-dev"
        )),
    };
    if !missing.is_empty() {
        let what: Vec<&str> = missing.iter().map(|m| m.0).collect();
        let pkgs: Vec<&str> = missing.iter().map(|m| m.1).collect();
        fail(&format!(
            "{} not found: install {} (on Debian/Ubuntu `make deps` does it)",
            what.join(", "),
            pkgs.join(" ")
        ));
    }
    let ocamlfind = ocamlfind.expect("checked above");

    let object = compile_ocaml(&root, &out, &ocamlfind);
    let stdlib = ocaml_where(&ocamlfind);

    cc::Build::new()
        .file(root.join(STUBS))
        .include(&stdlib)
        .include(root.join("src/core/ffi"))
        .object(&object)
        .warnings(true)
        .compile("darcscore");
    // The OCaml runtime inside the complete object needs libm and libdl.
    println!("cargo:rustc-link-lib=m");
    println!("cargo:rustc-link-lib=dl");

    hash_theories(&root, &out);

    bindings
        .expect("checked above")
        .write_to_file(out.join("core_bindings.rs"))
        .unwrap_or_else(|e| fail(&format!("cannot write bindings: {e}")));
}

/// Why the Rust declarations could not be generated.
enum Bindgen {
    /// clang-sys found no loadable libclang (bindgen panics then: caught here).
    NoLibclang,
    /// libclang loaded but could not parse the header.
    Failed(String),
}

/// Run bindgen on the C header. bindgen panics when it cannot load libclang; that panic
/// is caught (its message and backtrace silenced) and reported as [`Bindgen::NoLibclang`].
fn generate_bindings(root: &Path) -> Result<bindgen::Bindings, Bindgen> {
    let header = root.join(HEADER).to_string_lossy().into_owned();
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let result = std::panic::catch_unwind(move || {
        bindgen::Builder::default().header(header).allowlist_function("dw_core_.*").generate()
    });
    std::panic::set_hook(hook);
    match result {
        Ok(Ok(b)) => Ok(b),
        Ok(Err(e)) => Err(Bindgen::Failed(e.to_string())),
        Err(_) => Err(Bindgen::NoLibclang),
    }
}

/// Compile the OCaml sources (copied into OUT_DIR so no build artefact lands in the tree).
fn compile_ocaml(root: &Path, out: &Path, ocamlfind: &str) -> PathBuf {
    let dir = out.join("ocaml");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| fail(&format!("cannot create {dir:?}: {e}")));
    let mut names = Vec::new();
    for src in OCAML_SOURCES {
        let from = root.join(src);
        if !from.exists() {
            fail(&format!("{src} is missing: the extracted core is committed; run `make extract` to regenerate it"));
        }
        let name = from.file_name().expect("a file name").to_owned();
        std::fs::copy(&from, dir.join(&name)).unwrap_or_else(|e| fail(&format!("copy {src}: {e}")));
        names.push(name);
    }
    let object = dir.join("darcscore_ocaml.o");
    let label = "ocamlfind ocamlopt";
    let mut cmd = Command::new(ocamlfind);
    cmd.arg("ocamlopt").current_dir(&dir).args(["-w", "-a", "-output-complete-obj", "-o"]).arg(&object).args(&names);
    let status = cmd.output().unwrap_or_else(|e| fail(&format!("cannot run {label}: {e}")));
    if !status.status.success() {
        fail(&format!(
            "{label} failed:\n{}{}",
            String::from_utf8_lossy(&status.stdout),
            String::from_utf8_lossy(&status.stderr)
        ));
    }
    object
}

/// Write `sha256  name` of every file of `theories/_CoqProject` to OUT_DIR, so `/proofs`
/// names exactly the sources this binary's core was extracted from; and one hash of those
/// and of the extracted sources and glue (`core_stamp.sha256`), the version of the
/// persistent store's entries.
fn hash_theories(root: &Path, out: &Path) {
    use sha2::{Digest, Sha256};
    let project = root.join("theories/_CoqProject");
    println!("cargo:rerun-if-changed={}", project.display());
    let text = std::fs::read_to_string(&project).unwrap_or_default();
    let mut listing = String::new();
    for name in text.lines().map(str::trim).filter(|l| l.ends_with(".v") && !l.starts_with('-')) {
        let file = root.join("theories").join(name);
        println!("cargo:rerun-if-changed={}", file.display());
        if let Ok(bytes) = std::fs::read(&file) {
            listing.push_str(&format!("{}  {name}\n", hex(&Sha256::digest(&bytes))));
        }
    }
    std::fs::write(out.join("theories.sha256"), &listing)
        .unwrap_or_else(|e| fail(&format!("cannot write theories.sha256: {e}")));
    // The version of everything the core computes: the theories, the extracted code and
    // the glue that marshals it (src/repo/store.rs stamps its entries with it).
    let mut all = Sha256::new();
    all.update(listing.as_bytes());
    for src in OCAML_SOURCES {
        all.update(src.as_bytes());
        all.update(std::fs::read(root.join(src)).unwrap_or_default());
    }
    std::fs::write(out.join("core_stamp.sha256"), hex(&all.finalize()))
        .unwrap_or_else(|e| fail(&format!("cannot write core_stamp.sha256: {e}")));
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The OCaml standard library directory (it holds the `caml/*.h` headers).
fn ocaml_where(ocamlfind: &str) -> PathBuf {
    let o = Command::new(ocamlfind)
        .args(["ocamlopt", "-where"])
        .output()
        .unwrap_or_else(|e| fail(&format!("cannot run {ocamlfind}: {e}")));
    if !o.status.success() {
        fail("`ocamlfind ocamlopt -where` failed: the OCaml installation is broken; reinstall ocaml-nox");
    }
    PathBuf::from(String::from_utf8_lossy(&o.stdout).trim())
}

fn which(prog: &str) -> Option<String> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path).map(|d| d.join(prog)).find(|p| p.is_file()).map(|p| p.to_string_lossy().into_owned())
}

/// Stop the build with one line on stderr (no panic, no backtrace).
fn fail(msg: &str) -> ! {
    eprintln!("error: building darcsweb's verified core: {msg}");
    std::process::exit(1);
}
