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
//! Cargo reruns this only when one of those inputs changes.

use std::env;
use std::path::{Path, PathBuf};
use std::process::Command;

const OCAML_SOURCES: [&str; 3] = ["extracted/darcscore.mli", "extracted/darcscore.ml", "src/core/ffi/glue.ml"];
const STUBS: &str = "src/core/ffi/stubs.c";
const HEADER: &str = "src/core/ffi/core.h";
const MISSING: &str = "install the OCaml toolchain and libclang: on Debian/Ubuntu run `make deps` \
     (or `sudo apt-get install ocaml-nox ocaml-findlib libclang-dev`); elsewhere install \
     OCaml >= 4.13 with ocamlfind, and libclang for bindgen";

fn main() {
    let root = PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    for f in OCAML_SOURCES.iter().chain([STUBS, HEADER].iter()) {
        println!("cargo:rerun-if-changed={f}");
    }
    println!("cargo:rerun-if-env-changed=OCAMLFIND");

    let object = compile_ocaml(&root, &out);
    let stdlib = ocaml_where();

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

    let bindings = bindgen::Builder::default()
        .header(root.join(HEADER).to_string_lossy())
        .allowlist_function("dw_core_.*")
        .generate()
        .unwrap_or_else(|e| fail(&format!("bindgen could not read {HEADER}: {e}")));
    bindings
        .write_to_file(out.join("core_bindings.rs"))
        .unwrap_or_else(|e| fail(&format!("cannot write bindings: {e}")));
}

/// Compile the OCaml sources (copied into OUT_DIR so no build artefact lands in the tree).
fn compile_ocaml(root: &Path, out: &Path) -> PathBuf {
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
    let (mut cmd, label) = match env::var("OCAMLFIND").ok().or_else(|| which("ocamlfind")) {
        Some(ocamlfind) => {
            let mut c = Command::new(ocamlfind);
            c.arg("ocamlopt");
            (c, "ocamlfind ocamlopt")
        }
        None => match which("ocamlopt") {
            Some(ocamlopt) => (Command::new(ocamlopt), "ocamlopt"),
            None => fail("neither ocamlfind nor ocamlopt is on PATH"),
        },
    };
    cmd.current_dir(&dir).args(["-w", "-a", "-output-complete-obj", "-o"]).arg(&object).args(&names);
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
/// names exactly the sources this binary's core was extracted from.
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
    std::fs::write(out.join("theories.sha256"), listing)
        .unwrap_or_else(|e| fail(&format!("cannot write theories.sha256: {e}")));
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The OCaml standard library directory (it holds the `caml/*.h` headers).
fn ocaml_where() -> PathBuf {
    let try_cmd = |prog: &str, args: &[&str]| -> Option<PathBuf> {
        let o = Command::new(prog).args(args).output().ok()?;
        o.status.success().then(|| PathBuf::from(String::from_utf8_lossy(&o.stdout).trim()))
    };
    try_cmd("ocamlfind", &["ocamlc", "-where"])
        .or_else(|| try_cmd("ocamlopt", &["-where"]))
        .unwrap_or_else(|| fail("cannot find the OCaml standard library (`ocamlopt -where`)"))
}

fn which(prog: &str) -> Option<String> {
    let path = env::var_os("PATH")?;
    env::split_paths(&path).map(|d| d.join(prog)).find(|p| p.is_file()).map(|p| p.to_string_lossy().into_owned())
}

fn fail(msg: &str) -> ! {
    eprintln!("\nerror: building the verified core: {msg}\nhint: {MISSING}\n");
    panic!("darcsweb build failed: {msg}");
}
