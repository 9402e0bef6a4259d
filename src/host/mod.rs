//! Hosting: `darcs push`, `pull` and `clone` over SSH through the real OpenSSH server.
//!
//! sshd authenticates the key with `darcsweb authorized-keys` ([`keys`]) as its
//! `AuthorizedKeysCommand`, which forces `darcsweb shell` ([`shell`]) for the key's
//! user. The shell accepts only darcs' own two remote commands ([`command`]): it
//! serves the repository's files (`transfer-mode`, [`transfer`]) to readers, and
//! applies pushed bundles ([`incoming`], [`apply`]) for writers, every change computed
//! by the verified core, written as darcs writes ([`write`](mod@write), [`pristine`]) under its
//! lock, and logged ([`audit`]). Who may do what is in the configuration ([`config`]).

pub mod apply;
pub mod audit;
pub mod cli;
pub mod command;
pub mod config;
pub mod create;
pub mod incoming;
pub mod keys;
pub mod pristine;
pub mod shell;
pub mod transfer;
pub mod write;
