//! darcsweb: browse and host darcs repositories. The patch core is proved correct in
//! Rocq (`theories/`), extracted to OCaml (`extracted/`) and reached through [`core`].
//!
//! A request flows one way: [`web`] (routes, views) → [`repo`] (per-repository index
//! and caches) → [`darcs`] (pure parsing of the on-disk format) and [`core`] (the only
//! path to apply, commute, dependencies and annotate).

pub mod core;
pub mod darcs;
pub mod examples;
pub mod host;
pub mod repo;
pub mod web;
