//! Long core computations run in a helper process (`darcsweb core-worker`) with its own
//! OCaml runtime; its answers are the in-process core's.

use darcsweb::core::{self, Named};
use darcsweb::darcs::prim::Prim;

fn history() -> Vec<Named> {
    let f = vec![b"f".to_vec()];
    let g = vec![b"g".to_vec()];
    let line = |s: &str| s.as_bytes().to_vec();
    vec![
        Named { prims: vec![Prim::AddFile(f.clone())], deps: vec![] },
        Named { prims: vec![Prim::AddFile(g.clone())], deps: vec![] },
        Named {
            prims: vec![Prim::Hunk { path: f.clone(), line: 1, old: vec![], new: vec![line("a"), line("b")] }],
            deps: vec![],
        },
        Named { prims: vec![Prim::Hunk { path: g.clone(), line: 1, old: vec![], new: vec![line("x")] }], deps: vec![] },
        Named {
            prims: vec![Prim::Hunk { path: f.clone(), line: 2, old: vec![line("b")], new: vec![line("B")] }],
            deps: vec![1],
        },
    ]
}

#[test]
fn the_helper_process_answers_like_the_core() {
    std::env::set_var("DARCSWEB_CORE_WORKER", env!("CARGO_BIN_EXE_darcsweb"));
    let h = history();
    let in_process = core::dependencies(&h).unwrap();
    assert_eq!(in_process, vec![vec![], vec![], vec![0], vec![1], vec![1, 2]]);
    let offloaded = core::dependencies_offloaded(&h).unwrap();
    let pid = core::worker::pid().expect("a helper process was started");
    assert_ne!(pid, std::process::id());
    assert_eq!(offloaded, in_process);
    // a malformed history is an error from the helper too, and the helper survives it
    let bad = vec![Named { prims: vec![], deps: vec![7] }];
    let _ = core::dependencies_offloaded(&bad);
    assert_eq!(core::dependencies_offloaded(&h).unwrap(), in_process);
    assert_eq!(core::worker::pid(), Some(pid));
}
