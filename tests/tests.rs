//! darcsweb's integration tests, in one binary (the OCaml runtime, axum and the test
//! helpers are linked once instead of once per file), one module per area.

mod common;
mod fuzz;
mod host_util;
mod http_util;

mod apply_vs_darcs;
mod conflicts_differential;
mod core_ffi;
mod core_laws;
mod core_worker;
mod darcs_corrupt;
mod darcs_format;
mod deps;
mod diff_differential;
mod examples;
mod hostile_fs;
mod hosting_apply;
mod hosting_ssh;
mod http_browser;
mod http_clone;
mod http_crawl;
mod http_hostile;
mod http_isolation;
mod http_pages;
mod http_routes;
mod repo_differential;
mod repo_fuzz;
mod store;
