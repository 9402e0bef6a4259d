# darcsweb: the commands a user needs. `make run` and `make test` do all the set-up
# on a fresh Debian/Ubuntu machine with Rust (they install missing packages with apt).
SHELL := /bin/bash
LISTEN ?= 127.0.0.1:8080
CARGO ?= cargo

.PHONY: deps test-deps proofs coqchk extract extract-check build examples run test clean

deps:                 ## install the build toolchain (Coq/Rocq, OCaml, libclang, darcs) if missing
	@scripts/deps.sh build

test-deps:            ## deps + what the tests drive (chromium, chromedriver, python3-venv, opam, wrk, git, OpenSSH)
	@scripts/deps.sh test

proofs: deps          ## check every proof in theories/ (rocq compile, or coqc on older installs)
	@scripts/proofs.sh

coqchk: proofs        ## re-check every compiled theory with the independent checker (coqchk)
	@scripts/coqchk.sh

extract: proofs       ## regenerate extracted/ from theories/Extract.v
	@scripts/proofs.sh --extract

extract-check: proofs ## fail if a fresh extraction differs from the committed extracted/
	@scripts/extract-check.sh

build: deps           ## build the release binary (target/release/darcsweb)
	$(CARGO) build --release

examples: deps        ## create the bundled example repositories with real darcs
	@examples/make-examples.sh examples/repos

run: build examples   ## build and serve the example repositories
	target/release/darcsweb serve --listen $(LISTEN) examples/repos

test: test-deps proofs extract-check  ## every test: proofs, extraction drift, lints, cargo tests, Docker checks
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings   # benches included: they must compile
	@tests/proofs/check_assumptions.sh
	@scripts/coqchk.sh
	$(CARGO) test
	@CORPUS=$${CARGO_TARGET_DIR:-target}/test-corpus tests/proofs/differential.sh   # the extracted core alone, against darcs
	@bash tests/docker/run.sh

clean:
	$(CARGO) clean
	find theories -name '*.vo*' -o -name '*.glob' -o -name '.*.aux' | xargs rm -f
