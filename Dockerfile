# syntax=docker/dockerfile:1.7
#
# darcsweb container image.
#
#   Build:  docker build -t darcsweb .
#           (Docker before 23.0: DOCKER_BUILDKIT=1 docker build -t darcsweb .)
#   Run:    docker run -p 8080:8080 -v /srv/darcs:/repos:ro darcsweb
#
# The build is laid out so that a rebuild after a source change redoes only
# what changed, even on a small arm64 host such as a 4 GB Raspberry Pi 5:
#
#   * Layers go from least to most often changed: system packages, the opam
#     switch, the Rust dependencies (only Cargo.toml/Cargo.lock), the proofs
#     (theories/, extracted/, scripts/, Makefile), then the Rust sources. Editing
#     src/ re-runs only the last step; editing theories/ re-checks the proofs
#     and relinks.
#   * The expensive native state lives in BuildKit cache mounts, which survive
#     even when a layer has to re-run: the apt archives and lists, the opam
#     switch (OCaml + Rocq, the multi-minute part), the cargo registry and git
#     checkouts, and cargo's target directory (so only changed crates
#     recompile).
#   * Every cache mount id carries ${TARGETARCH}, so arm64 and amd64 builds on
#     one builder never share native artefacts. Mounts that concurrent builds
#     would corrupt are sharing=locked.
#
# Parallelism: JOBS (default 2) is passed to opam (--jobs) and cargo (-j) and
# make (-j). 2 is what a 4 GB Raspberry Pi 5 sustains without running out of
# memory while building Rocq and linking Rust. On a bigger host raise it:
#   docker build --build-arg JOBS=$(nproc) -t darcsweb .
#
# Pinned: rust 1.95 / Debian bookworm for the builder, Debian bookworm slim for
# the runtime, OCaml 4.14.2, rocq-core 9.0.0, rocq-stdlib 9.0.0, ocamlfind
# 1.9.8. (Cargo.lock needs rustc >= 1.88: time 0.3.55 and proptest 1.12 say
# so; 1.95 is the toolchain the developers use.) To pin the bases by digest
# too, append @sha256:... to the FROM lines.

############################################################################
# builder: checks the proofs and the extraction, builds the release binary
############################################################################
FROM rust:1.95-bookworm AS builder

# Set by BuildKit from --platform (amd64, arm64, ...); declared here so the
# cache mount ids below can use it.
ARG TARGETARCH
# Parallel jobs for opam, make and cargo; 2 suits a 4 GB Raspberry Pi 5.
# Raise with --build-arg JOBS=$(nproc) on bigger hosts.
ARG JOBS=2

# Keep downloaded .debs: the base image deletes them after every install,
# which would leave the apt cache mounts below empty.
RUN rm -f /etc/apt/apt.conf.d/docker-clean \
 && echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache

# opam (to build the pinned OCaml and Rocq), the C libraries and tools their
# builds need (gmp and pkg-config for zarith, m4, patch, unzip, bzip2), and
# libclang for bindgen. Pinning Debian package versions would break the build
# on every bookworm security update; the base image tag fixes the release.
# hadolint ignore=DL3008
RUN --mount=type=cache,id=darcsweb-apt-cache-${TARGETARCH},target=/var/cache/apt,sharing=locked \
    --mount=type=cache,id=darcsweb-apt-lib-builder-${TARGETARCH},target=/var/lib/apt,sharing=locked \
    apt-get update \
 && apt-get install -y --no-install-recommends \
      bzip2 \
      ca-certificates \
      curl \
      git \
      libclang-dev \
      libgmp-dev \
      m4 \
      make \
      opam \
      patch \
      pkg-config \
      unzip

# The opam switch lives in the cache mount on /root/.opam, never in a layer:
# every RUN that needs OCaml or Rocq mounts it again and first runs
# ensure-opam-switch.sh, which returns at once when the switch is healthy and
# rebuilds or repairs it when the cache was pruned, is stale, or half-built.
ENV OPAMROOT=/root/.opam \
    OPAM_SWITCH_NAME=darcsweb \
    OCAML_VERSION=4.14.2 \
    ROCQ_VERSION=9.0.0 \
    ROCQ_STDLIB_VERSION=9.0.0 \
    OCAMLFIND_VERSION=1.9.8
COPY --chmod=0755 docker/ensure-opam-switch.sh /usr/local/bin/ensure-opam-switch.sh

# Build (or check) the switch before any source is copied, so source edits
# never invalidate it.
RUN --mount=type=cache,id=darcsweb-opam-${TARGETARCH},target=/root/.opam,sharing=locked \
    JOBS="${JOBS}" ensure-opam-switch.sh

WORKDIR /src

# Rust dependencies, from the manifests alone: placeholder sources for every
# target Cargo.toml declares (cargo refuses a manifest whose targets are
# missing) let cargo compile every dependency into the cached target
# directory. This layer re-runs only when the manifests change. The
# placeholders' own artefacts are cleaned so they can never be mistaken for
# the real ones.
COPY --chmod=0755 docker/cargo-dummy-sources.sh /usr/local/bin/cargo-dummy-sources.sh
COPY Cargo.toml Cargo.lock ./
RUN --mount=type=cache,id=darcsweb-cargo-registry-${TARGETARCH},target=/usr/local/cargo/registry,sharing=locked \
    --mount=type=cache,id=darcsweb-cargo-git-${TARGETARCH},target=/usr/local/cargo/git,sharing=locked \
    --mount=type=cache,id=darcsweb-cargo-target-${TARGETARCH},target=/src/target,sharing=locked \
    cargo-dummy-sources.sh Cargo.toml > /tmp/dummy-sources \
 && cargo fetch --locked \
 && cargo build --release --locked -j "${JOBS}" \
 && cargo clean --release --locked -p darcsweb \
 && xargs rm -f < /tmp/dummy-sources \
 && rm -rf /tmp/dummy-sources src tests benches examples

# Proofs: every theory is checked with `rocq compile` (a failing proof fails
# the build), then the extraction is redone and compared with extracted/.
# One make run, so the proofs are checked once. `-o deps` skips the Makefile's
# `deps` target, which apt-installs whatever tool it misses (darcs, for the
# examples): everything this build needs comes from the steps above.
# .dockerignore keeps locally compiled .vo files out, so every proof is
# checked here by this Rocq.
COPY Makefile ./
COPY scripts/ scripts/
COPY theories/ theories/
COPY extracted/ extracted/
RUN --mount=type=cache,id=darcsweb-opam-${TARGETARCH},target=/root/.opam,sharing=locked \
    JOBS="${JOBS}" ensure-opam-switch.sh \
 && opam exec --switch="${OPAM_SWITCH_NAME}" -- \
      make -o deps -j "${JOBS}" proofs extract-check COQC="rocq compile"

# The Rust crate: its sources, the askama templates and the files it embeds
# (static/, examples/make-examples.sh; .dockerignore leaves out the generated
# examples/repos/). build.rs links the extracted OCaml through ocamlfind, so
# cargo runs inside the opam switch. Benches and integration tests are not
# copied (they are not part of the binary, and editing them must not rebuild
# it), but cargo will not load a manifest whose declared targets are missing:
# cargo-dummy-sources.sh gives those placeholders and leaves the real files
# alone. The sources are touched so that cargo rebuilds this crate (and
# re-runs build.rs) whatever mtimes the build context carried; the
# dependencies stay compiled in the target cache. The binary is copied out of
# the cache mount in the same RUN, since the mount is gone after.
COPY build.rs ./
COPY src/ src/
COPY templates/ templates/
COPY static/ static/
COPY examples/ examples/
RUN --mount=type=cache,id=darcsweb-opam-${TARGETARCH},target=/root/.opam,sharing=locked \
    --mount=type=cache,id=darcsweb-cargo-registry-${TARGETARCH},target=/usr/local/cargo/registry,sharing=locked \
    --mount=type=cache,id=darcsweb-cargo-git-${TARGETARCH},target=/usr/local/cargo/git,sharing=locked \
    --mount=type=cache,id=darcsweb-cargo-target-${TARGETARCH},target=/src/target,sharing=locked \
    JOBS="${JOBS}" ensure-opam-switch.sh \
 && cargo-dummy-sources.sh Cargo.toml > /dev/null \
 && find build.rs src templates static examples extracted -type f -exec touch {} + \
 && opam exec --switch="${OPAM_SWITCH_NAME}" -- cargo build --release --locked -j "${JOBS}" \
 && install -D -m 0755 target/release/darcsweb /out/darcsweb

############################################################################
# runtime: the binary, curl for the health check, nothing else
############################################################################
FROM debian:bookworm-20251229-slim AS runtime

ARG TARGETARCH

LABEL org.opencontainers.image.title="darcsweb" \
      org.opencontainers.image.description="Browse and host darcs repositories; the patch core is proved correct in Rocq" \
      org.opencontainers.image.licenses="GPL-2.0-or-later"

# Keep downloaded .debs for the apt cache mounts (see the builder stage).
RUN rm -f /etc/apt/apt.conf.d/docker-clean \
 && echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache

# curl for HEALTHCHECK, and an unprivileged user to run as. Debian package
# versions are not pinned: the base image tag fixes the release, and exact
# versions vanish from the mirrors with each security update.
# hadolint ignore=DL3008
RUN --mount=type=cache,id=darcsweb-apt-cache-${TARGETARCH},target=/var/cache/apt,sharing=locked \
    --mount=type=cache,id=darcsweb-apt-lib-runtime-${TARGETARCH},target=/var/lib/apt,sharing=locked \
    apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && groupadd --system --gid 10001 darcsweb \
 && useradd --system --uid 10001 --gid darcsweb --home-dir /nonexistent \
      --no-create-home --shell /usr/sbin/nologin darcsweb \
 && mkdir -p /repos

# The binary embeds its templates and static files and links OCaml
# statically: it needs only libc and libgcc, which slim has.
COPY --from=builder /out/darcsweb /usr/local/bin/darcsweb

# Numeric, so that Kubernetes' runAsNonRoot can verify it.
USER 10001:10001

# The darcs repositories to serve; mount them read-only:
#   docker run -v /srv/darcs:/repos:ro ...
VOLUME ["/repos"]
EXPOSE 8080

HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["curl", "--fail", "--silent", "--show-error", "--max-time", "4", "--output", "/dev/null", "http://127.0.0.1:8080/healthz"]

# `docker run IMAGE` serves every repository under /repos on port 8080.
# Arguments after the image name replace CMD and go to darcsweb itself, e.g.
#   docker run darcsweb --help
#   docker run -p 9000:9000 -v /srv/darcs:/repos:ro darcsweb serve --listen 0.0.0.0:9000 /repos
# (the HEALTHCHECK probes port 8080: keep it, or override --health-cmd).
ENTRYPOINT ["/usr/local/bin/darcsweb"]
CMD ["serve", "--listen", "0.0.0.0:8080", "/repos"]
