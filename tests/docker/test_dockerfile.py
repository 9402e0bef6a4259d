"""Static checks of Dockerfile and .dockerignore.

The Dockerfile is parsed with the `dockerfile` package (Python bindings to
BuildKit's own parser), so these tests see instructions, flags and arguments
the way `docker build` does. No Docker engine and no network are needed.

Run through tests/docker/run.sh, or directly:
    python -m unittest discover -s tests/docker -p 'test_*.py'
"""

import re
import shlex
import unittest
from pathlib import Path

import dockerfile

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = ROOT / "Dockerfile"
DOCKERIGNORE = ROOT / ".dockerignore"
ENSURE_SCRIPT = ROOT / "docker" / "ensure-opam-switch.sh"
MAKEFILE = ROOT / "Makefile"
BUILD_RS = ROOT / "build.rs"

ARCH_VAR = re.compile(r"\$\{TARGETARCH\}|\$TARGETARCH\b")
JOBS_VAR = re.compile(r"\$\{JOBS\}|\$JOBS\b")
PIPELINE_SPLIT = re.compile(r"&&|\|\||;|\n")


# --------------------------------------------------------------------------
# Helpers over the parsed Dockerfile
# --------------------------------------------------------------------------


class Stage:
    def __init__(self, index, from_cmd):
        self.index = index
        self.from_cmd = from_cmd
        value = from_cmd.value
        self.image = value[0]
        self.name = value[2] if len(value) >= 3 and value[1].upper() == "AS" else None
        self.cmds = []

    def of(self, name):
        return [c for c in self.cmds if c.cmd == name]


def parse():
    return dockerfile.parse_file(str(DOCKERFILE))


def stages(cmds=None):
    result = []
    for c in cmds if cmds is not None else parse():
        if c.cmd == "FROM":
            result.append(Stage(len(result), c))
        elif result:
            result[-1].cmds.append(c)
    return result


def stage_named(name):
    for s in stages():
        if s.name == name:
            return s
    raise AssertionError(f"no stage named {name!r}")


def mounts(run):
    """The --mount flags of a RUN as dicts of key=value options."""
    out = []
    for flag in run.flags:
        if not flag.startswith("--mount="):
            continue
        opts = {}
        for part in flag[len("--mount="):].split(","):
            key, _, val = part.partition("=")
            opts[key.strip()] = val.strip()
        out.append(opts)
    return out


def cache_mounts(run):
    return [m for m in mounts(run) if m.get("type") == "cache"]


def mount_on(run, target):
    for m in cache_mounts(run):
        if m.get("target", m.get("dst", m.get("destination"))) == target:
            return m
    return None


def script(run):
    return " ".join(run.value)


def all_runs():
    return [(s, c) for s in stages() for c in s.cmds if c.cmd == "RUN"]


def without_apt_install(text):
    """The RUN script minus `apt-get install ...` segments (whose package
    names, such as `opam`, are not uses of the tools)."""
    parts = re.split(r"(&&|\|\||;)", text)
    return "".join(p for p in parts if "apt-get install" not in p)


NEEDS_OCAML = re.compile(
    r"\b(opam|rocq|coqc|ocamlfind|ocamlopt|ensure-opam-switch(\.sh)?)\b"
    r"|\bmake\b[^&;|]*\b(proofs|extract-check)\b"
)


def workdir_before(stage, cmd):
    wd = "/"
    for c in stage.cmds:
        if c is cmd:
            return wd
        if c.cmd == "WORKDIR":
            path = c.value[0]
            wd = path if path.startswith("/") else wd.rstrip("/") + "/" + path
    raise AssertionError("command not in stage")


def index_of(stage, pred):
    for i, c in enumerate(stage.cmds):
        if pred(c):
            return i
    return None


def copies_source(cmd, prefix):
    return cmd.cmd == "COPY" and not any(f.startswith("--from") for f in cmd.flags) and any(
        v.rstrip("/") == prefix.rstrip("/") for v in cmd.value[:-1]
    )


def copied_before(stage, cmd):
    """Context paths copied (COPY without --from) before CMD in STAGE."""
    out = []
    for c in stage.cmds:
        if c is cmd:
            return out
        if c.cmd == "COPY" and not any(f.startswith("--from") for f in c.flags):
            out.extend(v.rstrip("/") for v in c.value[:-1])
    raise AssertionError("command not in stage")


def is_copied(path, copied):
    return any(path == p or path.startswith(p + "/") for p in copied)


def make_rules():
    """{target: (prerequisites, recipe text)} from the top-level Makefile."""
    rules, current = {}, None
    for line in MAKEFILE.read_text().splitlines():
        if line.startswith("\t") and current:
            rules[current][1].append(line.strip())
            continue
        m = re.match(r"^([A-Za-z0-9_.-]+)\s*:(?!=)([^#]*)", line)
        current = None
        if m and not m.group(1).startswith("."):
            current = m.group(1)
            rules[current] = (m.group(2).split(), [])
    return {t: (pre, "\n".join(rec)) for t, (pre, rec) in rules.items()}


def proofs_run():
    b = stage_named("builder")
    runs = [c for c in b.of("RUN") if re.search(r"\bmake\b[^&;|]*\bproofs\b", script(c))]
    assert len(runs) == 1, "exactly one RUN checks the proofs"
    return b, runs[0]


def real_cargo_build_runs(stage):
    """cargo build RUNs that come after the real build.rs/sources are copied."""
    first_src = index_of(stage, lambda c: copies_source(c, "build.rs") or copies_source(c, "src"))
    runs = []
    for i, c in enumerate(stage.cmds):
        if c.cmd == "RUN" and re.search(r"\bcargo\s+build\b", script(c)):
            if first_src is not None and i > first_src:
                runs.append(c)
    return runs


# --------------------------------------------------------------------------
# Dockerfile
# --------------------------------------------------------------------------


class DockerfileStructure(unittest.TestCase):
    def test_syntax_directive_is_first_line(self):
        first = DOCKERFILE.read_text().splitlines()[0]
        self.assertEqual(first.strip(), "# syntax=docker/dockerfile:1.7")

    def test_multi_stage_builder_then_runtime(self):
        ss = stages()
        self.assertGreaterEqual(len(ss), 2)
        names = [s.name for s in ss]
        self.assertIn("builder", names)
        self.assertEqual(ss[-1].name, "runtime", "the last (default) stage must be the runtime")

    def test_builder_base_is_a_pinned_rust_bookworm_image(self):
        image = stage_named("builder").image
        self.assertRegex(image, r"^rust:\d+\.\d+(\.\d+)?-bookworm(@sha256:[0-9a-f]{64})?$")

    def test_runtime_base_is_a_pinned_bookworm_slim_image(self):
        image = stage_named("runtime").image
        self.assertRegex(
            image,
            r"^debian:(bookworm-\d{8}-slim|12\.\d+-slim)(@sha256:[0-9a-f]{64})?$",
            "pin debian:bookworm-slim by a dated or point-release tag",
        )

    def test_no_whole_context_copy(self):
        # COPY . . would make every edit invalidate every later layer.
        for s in stages():
            for c in s.of("COPY") + s.of("ADD"):
                self.assertNotIn(".", [v.rstrip("/") or "." for v in c.value[:-1]], c.original)

    def test_no_instruction_fetches_urls(self):
        for s in stages():
            self.assertEqual(s.of("ADD"), [], "use COPY, not ADD")


class CacheMounts(unittest.TestCase):
    def test_every_cache_mount_id_contains_targetarch(self):
        seen = 0
        for _, run in all_runs():
            for m in cache_mounts(run):
                seen += 1
                self.assertIn("id", m, f"cache mount without id: {run.original}")
                self.assertRegex(m["id"], ARCH_VAR, f"id not namespaced by TARGETARCH: {m['id']}")
        self.assertGreater(seen, 0)

    def test_targetarch_declared_in_every_stage_that_uses_it(self):
        for s in stages():
            declared = False
            for c in s.cmds:
                if c.cmd == "ARG" and c.value[0].split("=")[0] == "TARGETARCH":
                    declared = True
                if c.cmd == "RUN" and any(ARCH_VAR.search(f) for f in c.flags):
                    self.assertTrue(declared, f"stage {s.name}: ARG TARGETARCH missing before line {c.start_line}")

    def test_one_id_one_target(self):
        targets = {}
        for _, run in all_runs():
            for m in cache_mounts(run):
                targets.setdefault(m["id"], set()).add(m.get("target"))
        for ident, ts in targets.items():
            self.assertEqual(len(ts), 1, f"cache id {ident} is mounted on several paths: {ts}")

    def test_collision_prone_mounts_are_locked(self):
        for s, run in all_runs():
            wd = workdir_before(s, run)
            for m in cache_mounts(run):
                t = m.get("target", "")
                if t in ("/var/cache/apt", "/var/lib/apt", "/root/.opam") or t == wd.rstrip("/") + "/target" \
                        or t.startswith("/usr/local/cargo/"):
                    self.assertEqual(m.get("sharing"), "locked", f"{t} needs sharing=locked (line {run.start_line})")

    def test_apt_keeps_downloads_in_both_stages(self):
        for s in stages():
            apt_at = index_of(s, lambda c: c.cmd == "RUN" and "apt-get" in script(c))
            self.assertIsNotNone(apt_at, f"stage {s.name} installs nothing with apt-get")
            before = " ".join(script(c) for c in s.cmds[:apt_at] if c.cmd == "RUN")
            self.assertIn("rm -f /etc/apt/apt.conf.d/docker-clean", before, s.name)
            self.assertIn('Binary::apt::APT::Keep-Downloaded-Packages "true";', before, s.name)

    def test_apt_cache_mounts_on_every_apt_run_in_both_stages(self):
        stages_with_apt = set()
        for s, run in all_runs():
            if "apt-get" not in script(run):
                continue
            stages_with_apt.add(s.name)
            for target in ("/var/cache/apt", "/var/lib/apt"):
                self.assertIsNotNone(mount_on(run, target), f"line {run.start_line}: no cache mount on {target}")
        self.assertEqual(stages_with_apt, {"builder", "runtime"})

    def test_opam_mount_in_every_run_that_needs_ocaml_or_rocq(self):
        needing = 0
        for s, run in all_runs():
            text = without_apt_install(script(run))
            needs = bool(NEEDS_OCAML.search(text)) or run in real_cargo_build_runs(s)
            if needs:
                needing += 1
                m = mount_on(run, "/root/.opam")
                self.assertIsNotNone(m, f"line {run.start_line} uses OCaml/Rocq without the /root/.opam mount")
        self.assertGreaterEqual(needing, 3)

    def test_ensure_switch_runs_first_wherever_opam_is_mounted(self):
        for _, run in all_runs():
            if mount_on(run, "/root/.opam") is None:
                continue
            first = PIPELINE_SPLIT.split(script(run))[0]
            self.assertRegex(first, r"ensure-opam-switch\.sh", f"line {run.start_line}: check the switch first")

    def test_ensure_script_is_copied_before_use(self):
        b = stage_named("builder")
        copy_at = index_of(b, lambda c: copies_source(c, "docker/ensure-opam-switch.sh"))
        use_at = index_of(b, lambda c: c.cmd == "RUN" and "ensure-opam-switch.sh" in script(c))
        self.assertIsNotNone(copy_at, "docker/ensure-opam-switch.sh is not copied")
        self.assertIsNotNone(use_at, "ensure-opam-switch.sh is never called")
        self.assertLess(copy_at, use_at)

    def test_switch_is_built_before_any_source_is_copied(self):
        b = stage_named("builder")
        use_at = index_of(b, lambda c: c.cmd == "RUN" and "ensure-opam-switch.sh" in script(c))
        first_src = index_of(
            b, lambda c: c.cmd == "COPY" and not copies_source(c, "docker/ensure-opam-switch.sh")
            and not any(f.startswith("--from") for f in c.flags)
        )
        self.assertLess(use_at, first_src)

    def test_cargo_runs_mount_registry_git_and_target(self):
        cargo_runs = 0
        for s, run in all_runs():
            if not re.search(r"\bcargo\s+(build|fetch)\b", script(run)):
                continue
            cargo_runs += 1
            wd = workdir_before(s, run).rstrip("/")
            self.assertIsNotNone(mount_on(run, "/usr/local/cargo/registry"), f"line {run.start_line}")
            self.assertIsNotNone(mount_on(run, "/usr/local/cargo/git"), f"line {run.start_line}")
            self.assertIsNotNone(mount_on(run, wd + "/target"), f"line {run.start_line}: target dir not cached")
        self.assertGreaterEqual(cargo_runs, 2)


class Builds(unittest.TestCase):
    def test_pinned_versions(self):
        env = {}
        for c in stage_named("builder").of("ENV"):
            v = list(c.value)
            env.update(dict(zip(v[0::2], v[1::2])))
        self.assertEqual(env.get("OCAML_VERSION"), "4.14.2")
        self.assertEqual(env.get("ROCQ_VERSION"), "9.0.0")
        self.assertEqual(env.get("ROCQ_STDLIB_VERSION"), "9.0.0")
        self.assertEqual(env.get("OPAMROOT"), "/root/.opam")
        text = ENSURE_SCRIPT.read_text()
        for default in ("OCAML_VERSION:-4.14.2", "ROCQ_VERSION:-9.0.0", "ROCQ_STDLIB_VERSION:-9.0.0"):
            self.assertIn(default, text)

    def test_proofs_checked_with_rocq_compile_and_extraction_checked(self):
        runs = [script(r) for _, r in all_runs()]
        proofs = [t for t in runs if re.search(r"\bmake\b[^&;|]*\bproofs\b", t)]
        self.assertEqual(len(proofs), 1, "exactly one RUN checks the proofs")
        self.assertRegex(proofs[0], r"""COQC=(["'])rocq compile\1""")
        self.assertRegex(proofs[0] + " ".join(runs), r"\bmake\b[^&;|]*\bextract-check\b")
        for t in runs:
            if re.search(r"\b(proofs|extract-check)\b", t):
                # a failing proof or extraction diff must fail the build
                self.assertNotRegex(t, r"\|\|\s*(true|:)|;\s*true\b|set \+e|--keep-going|\s-k\b")

    @unittest.skipUnless(MAKEFILE.exists(), "no Makefile yet")
    def test_proofs_layer_has_every_file_make_uses(self):
        b, run = proofs_run()
        copied = copied_before(b, run)
        self.assertIn("Makefile", copied)
        rules = make_rules()
        text = script(run)
        assumed_old = set(re.findall(r"(?:-o\s*|--assume-old=|--old-file=)([A-Za-z0-9_.-]+)", text))
        todo, seen = ["proofs", "extract-check"], set()
        while todo:
            t = todo.pop()
            if t in seen or t in assumed_old or t not in rules:
                continue
            seen.add(t)
            pre, recipe = rules[t]
            todo.extend(pre)
            for path in re.findall(r"(?<![\w/$.-])([A-Za-z_][\w.-]*/[\w./-]*)", recipe):
                if path.startswith(("/", "target/")):
                    continue
                self.assertTrue(is_copied(path.rstrip("/"), copied), f"make {t} uses {path}, not copied before line {run.start_line}")
        self.assertIn("proofs", seen)

    @unittest.skipUnless(MAKEFILE.exists(), "no Makefile yet")
    def test_proofs_run_does_not_install_packages_through_make_deps(self):
        # `make deps` apt-installs missing tools: in the image the switch and
        # the apt step provide them, and an apt-get inside make would bypass
        # the apt cache mounts.
        rules = make_rules()
        _, run = proofs_run()
        reach, todo = set(), ["proofs", "extract-check"]
        text = script(run)
        assumed_old = set(re.findall(r"(?:-o\s*|--assume-old=|--old-file=)([A-Za-z0-9_.-]+)", text))
        while todo:
            t = todo.pop()
            if t in reach or t in assumed_old or t not in rules:
                continue
            reach.add(t)
            todo.extend(rules[t][0])
        self.assertNotIn("deps", reach, "pass -o deps to make")

    @unittest.skipUnless(BUILD_RS.exists(), "no build.rs yet")
    def test_build_inputs_are_copied_before_cargo_build(self):
        b = stage_named("builder")
        runs = real_cargo_build_runs(b)
        self.assertEqual(len(runs), 1)
        copied = copied_before(b, runs[0])
        paths = re.findall(r'"((?:[\w.-]+/)+[\w.-]+\.\w+)"', BUILD_RS.read_text())
        self.assertTrue(paths, "expected build.rs to name its input files")
        for path in paths:
            self.assertTrue(is_copied(path, copied), f"build.rs reads {path}, not copied before the build")
        self.assertIn("build.rs", copied)
        self.assertIn("src", copied)
        # every file the crate embeds with include_str!/include_bytes!
        for rs in (ROOT / "src").rglob("*.rs"):
            for rel in re.findall(r'include_(?:str|bytes)!\(\s*"([^"]+)"', rs.read_text()):
                target = (rs.parent / rel).resolve()
                try:
                    path = target.relative_to(ROOT).as_posix()
                except ValueError:
                    self.fail(f"{rs}: include of {rel} points outside the repository")
                self.assertTrue(is_copied(path, copied), f"{rs.relative_to(ROOT)} embeds {path}: copy it before the build")
        for embedded in ("templates", "static"):  # askama templates, embedded static files
            if (ROOT / embedded).exists():
                self.assertIn(embedded, copied, f"{embedded}/ is embedded in the binary: copy it")
        for cfg in ("askama.toml", ".cargo"):
            if (ROOT / cfg).exists():
                self.assertIn(cfg, copied, f"{cfg} affects the build: copy it")

    def test_copy_sources_exist(self):
        for s in stages():
            for c in s.of("COPY"):
                if any(f.startswith("--from") for f in c.flags):
                    continue
                for src in c.value[:-1]:
                    self.assertTrue((ROOT / src).exists(), f"COPY {src}: no such file or directory in the repository")

    def test_dependency_layer_survives_source_edits(self):
        b = stage_named("builder")
        manifests = index_of(
            b, lambda c: copies_source(c, "Cargo.toml") and copies_source(c, "Cargo.lock")
        )
        first_src = index_of(b, lambda c: copies_source(c, "src") or copies_source(c, "build.rs"))
        self.assertIsNotNone(manifests, "COPY Cargo.toml Cargo.lock first")
        self.assertIsNotNone(first_src)
        self.assertLess(manifests, first_src)
        between = [c for c in b.cmds[manifests + 1:first_src] if c.cmd == "RUN"]
        dep_runs = [c for c in between if re.search(r"\bcargo\s+fetch\b", script(c))]
        self.assertEqual(len(dep_runs), 1, "one RUN fetches and builds the dependencies")
        text = script(dep_runs[0])
        self.assertRegex(text, r"\bcargo\s+build\b[^&;]*--release")
        self.assertRegex(text, r"cargo-dummy-sources\.sh", "placeholder sources are created")
        helper = index_of(b, lambda c: copies_source(c, "docker/cargo-dummy-sources.sh"))
        self.assertIsNotNone(helper, "docker/cargo-dummy-sources.sh is not copied")
        self.assertLess(helper, b.cmds.index(dep_runs[0]))
        # the placeholders are gone before the real sources arrive
        self.assertRegex(text, r"rm -f < /tmp/dummy-sources")
        self.assertRegex(text, r"cargo clean[^&;]*-p darcsweb")
        self.assertIn("--locked", text)
        # No COPY between the manifests and the dependency build other than themselves.
        copies = [c for c in b.cmds[manifests + 1:b.cmds.index(dep_runs[0])] if c.cmd == "COPY"]
        self.assertEqual(copies, [])

    def test_real_build_gives_uncopied_targets_placeholders(self):
        # Cargo.toml may declare benches/tests that are not copied: without
        # placeholders cargo refuses the manifest
        b = stage_named("builder")
        runs = real_cargo_build_runs(b)
        self.assertEqual(len(runs), 1)
        parts = PIPELINE_SPLIT.split(script(runs[0]))
        helper = [i for i, p in enumerate(parts) if "cargo-dummy-sources.sh" in p]
        build = [i for i, p in enumerate(parts) if re.search(r"\bcargo\s+build\b", p)]
        self.assertTrue(helper, "call cargo-dummy-sources.sh before cargo build")
        self.assertLess(helper[0], build[0])

    def test_binary_leaves_the_target_cache_in_the_same_run(self):
        b = stage_named("builder")
        runs = real_cargo_build_runs(b)
        self.assertEqual(len(runs), 1)
        text = script(runs[0])
        m = re.search(r"\b(?:cp|install)\b[^&;]*?target/release/darcsweb\s+(/\S+)", text)
        self.assertIsNotNone(m, "copy target/release/darcsweb out of the cache mount in the same RUN")
        dest = m.group(1)
        self.assertFalse(dest.startswith(workdir_before(b, runs[0]).rstrip("/") + "/target"))
        runtime = stage_named("runtime")
        froms = [c for c in runtime.of("COPY") if "--from=builder" in c.flags]
        self.assertEqual(len(froms), 1)
        self.assertEqual(froms[0].value[0], dest)

    def test_jobs_arg_defaults_to_2_and_reaches_opam_make_and_cargo(self):
        b = stage_named("builder")
        self.assertIn("JOBS=2", [c.value[0] for c in b.of("ARG")])
        ensure_runs = [c for c in b.of("RUN") if "ensure-opam-switch.sh" in script(c)]
        self.assertTrue(ensure_runs)
        for c in ensure_runs:
            self.assertRegex(script(c), r"JOBS=\"?\$\{?JOBS\}?\"?\s+ensure-opam-switch\.sh")
        text = ENSURE_SCRIPT.read_text()
        self.assertRegex(text, r'--jobs="\$JOBS"')
        self.assertRegex(text, r'"\$OPAM" install [^\n]*--jobs="\$JOBS"')
        for c in b.of("RUN"):
            for m in re.finditer(r"\bcargo\s+build\b[^&;]*", script(c)):
                self.assertRegex(m.group(0), r"-j\s*\"?\$\{?JOBS\}?", m.group(0))
            for m in re.finditer(r"\bmake\b[^&;]*\bproofs\b", script(c)):
                self.assertRegex(m.group(0), r"-j\s*\"?\$\{?JOBS\}?", m.group(0))

    def test_jobs_is_documented(self):
        lines = DOCKERFILE.read_text().splitlines()
        at = next(i for i, l in enumerate(lines) if l.strip().startswith("ARG JOBS="))
        comments = "\n".join(lines[max(0, at - 4):at])
        self.assertIn("--build-arg JOBS=$(nproc)", comments)
        self.assertRegex(comments, r"(?i)(pi|4 GB)")


class Runtime(unittest.TestCase):
    def setUp(self):
        self.rt = stage_named("runtime")

    def test_user_is_not_root(self):
        users = self.rt.of("USER")
        self.assertTrue(users, "no USER in the runtime stage")
        user = users[-1].value[0].split(":")[0]
        self.assertNotIn(user, ("root", "0", ""))
        if user.isdigit():
            self.assertGreater(int(user), 0)
        # nothing runs as root after the switch
        after = self.rt.cmds[self.rt.cmds.index(users[-1]) + 1:]
        self.assertEqual([c.original for c in after if c.cmd == "RUN"], [])

    def test_healthcheck_probes_healthz_with_an_installed_tool(self):
        hcs = self.rt.of("HEALTHCHECK")
        self.assertEqual(len(hcs), 1)
        value = list(hcs[0].value)
        self.assertEqual(value[0], "CMD")
        self.assertIn("http://127.0.0.1:8080/healthz", value)
        tool = value[1]
        installs = " ".join(script(c) for c in self.rt.of("RUN") if "apt-get install" in script(c))
        self.assertRegex(installs, rf"\b{re.escape(tool)}\b", f"{tool} is not installed in the runtime stage")

    def test_expose_volume_cmd(self):
        self.assertIn("8080", [v for c in self.rt.of("EXPOSE") for v in c.value])
        self.assertIn("/repos", [v for c in self.rt.of("VOLUME") for v in c.value])
        cmds = self.rt.of("CMD")
        self.assertEqual(len(cmds), 1)
        entry = self.rt.of("ENTRYPOINT")
        argv = (list(entry[-1].value) if entry else []) + list(cmds[0].value)
        if not cmds[0].json:
            argv = shlex.split(" ".join(argv))
        self.assertTrue(argv[0].endswith("darcsweb"), argv)
        self.assertEqual(argv[1:], ["serve", "--listen", "0.0.0.0:8080", "/repos"])
        # documented: a comment right above ENTRYPOINT/CMD
        lines = DOCKERFILE.read_text().splitlines()
        first = min(c.start_line for c in (entry or []) + cmds)
        self.assertTrue(lines[first - 2].lstrip().startswith("#"), "document CMD in a comment above it")

    def test_no_compilers_in_runtime(self):
        text = " ".join(script(c) for c in self.rt.of("RUN"))
        for tool in ("gcc", "g\\+\\+", "clang", "build-essential", "rustc", "cargo", "opam", "ocaml", "make", "rocq"):
            self.assertNotRegex(text, rf"(?<![\w-]){tool}(?![\w-])", f"runtime stage installs {tool}")
        self.assertFalse(any(f.startswith("--mount") and "/root/.opam" in f for c in self.rt.cmds for f in c.flags))

    def test_binary_comes_from_builder(self):
        froms = [c for c in self.rt.of("COPY") if any(f == "--from=builder" for f in c.flags)]
        self.assertEqual([c.value[-1] for c in froms], ["/usr/local/bin/darcsweb"])


class Lint(unittest.TestCase):
    def test_every_hadolint_ignore_is_justified(self):
        lines = DOCKERFILE.read_text().splitlines()
        for i, line in enumerate(lines):
            m = re.match(r"\s*#\s*hadolint\s+ignore=([A-Z0-9, ]+)(.*)$", line)
            if not m:
                continue
            same_line = m.group(2).strip(" #-")
            prev = lines[i - 1].strip() if i else ""
            prev_ok = prev.startswith("#") and "hadolint" not in prev and len(prev.split()) >= 4
            self.assertTrue(same_line or prev_ok, f"line {i + 1}: justify {m.group(1)} on this or the previous line")
        cfg = ROOT / ".hadolint.yaml"
        if cfg.exists():
            for n, line in enumerate(cfg.read_text().splitlines(), 1):
                if re.match(r"\s*-\s*DL\d+|\s*-\s*SC\d+", line):
                    self.assertIn("#", line, f".hadolint.yaml:{n}: explain the ignored rule")


# --------------------------------------------------------------------------
# .dockerignore
# --------------------------------------------------------------------------


def _pattern_regex(pattern):
    """Docker's .dockerignore pattern (moby/patternmatcher) as a regex."""
    out, i = "^", 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "*":
            if pattern[i:i + 2] == "**":
                i += 2
                if pattern[i:i + 1] == "/":
                    out += "(.*/)?"
                    i += 1
                else:
                    out += ".*"
                continue
            out += "[^/]*"
        elif ch == "?":
            out += "[^/]"
        elif ch == "[":
            j = pattern.index("]", i)
            out += pattern[i:j + 1]
            i = j
        elif ch == "\\":
            i += 1
            out += re.escape(pattern[i])
        else:
            out += re.escape(ch)
        i += 1
    return re.compile(out + "$")


def dockerignore_rules():
    rules = []
    for raw in DOCKERIGNORE.read_text().splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        negate = line.startswith("!")
        if negate:
            line = line[1:].strip()
        line = line.strip("/") if line != "/" else line
        line = re.sub(r"/+", "/", line)
        if line.startswith("./"):
            line = line[2:]
        rules.append((negate, _pattern_regex(line)))
    return rules


def excluded(path, rules=None):
    rules = dockerignore_rules() if rules is None else rules
    parts = path.split("/")
    prefixes = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    result = False
    for negate, rx in rules:
        # a pattern matching a parent directory excludes everything under it
        if any(rx.match(p) for p in prefixes):
            result = not negate
    return result


class Dockerignore(unittest.TestCase):
    GENERATED = [
        "target/release/darcsweb",
        "target/docker-test-venv/bin/python",
        "_build/default/extracted/patch.cmx",
        "theories/Patch.vo",
        "theories/Patch.vok",
        "theories/Patch.vos",
        "theories/Patch.glob",
        "theories/.Patch.aux",
        "Top.vo",
        ".Top.aux",
        "theories/.lia.cache",
        "theories/Makefile.coq",
        "theories/Makefile.coq.conf",
        ".git/HEAD",
        "examples/repos/demo/_darcs/format",
        "bench/out/results.csv",
        "tests/docker/__pycache__/test_dockerfile.cpython-311.pyc",
    ]
    SOURCES = [
        "Cargo.toml",
        "Cargo.lock",
        "build.rs",
        "Makefile",
        "src/main.rs",
        "src/lib.rs",
        "src/core/wire.rs",
        "theories/Patch.v",
        "extracted/patch.ml",
        "extracted/patch.mli",
        "templates/base.html",
        "static/style.css",
        "docker/ensure-opam-switch.sh",
        "docker/cargo-dummy-sources.sh",
        "scripts/proofs.sh",
        "examples/make-examples.sh",
    ]

    def test_matcher_follows_docker_rules(self):
        rules = [(False, _pattern_regex("*.vo")), (False, _pattern_regex("**/x")), (True, _pattern_regex("k.vo"))]
        self.assertTrue(excluded("a.vo", rules))
        self.assertFalse(excluded("d/a.vo", rules))
        self.assertTrue(excluded("d/e/x/f", rules))
        self.assertFalse(excluded("k.vo", rules))

    def test_generated_files_are_excluded(self):
        rules = dockerignore_rules()
        for path in self.GENERATED:
            self.assertTrue(excluded(path, rules), f"{path} should be in .dockerignore")

    def test_sources_are_kept(self):
        rules = dockerignore_rules()
        for path in self.SOURCES:
            self.assertFalse(excluded(path, rules), f"{path} must reach the build context")

    def test_required_patterns_listed(self):
        lines = {l.strip() for l in DOCKERIGNORE.read_text().splitlines()}
        for pat in ("target/", "*.vo", "*.vok", "*.vos", "*.glob", ".*.aux", ".git",
                    "examples/repos/", "bench/out/", "theories/Makefile.coq*"):
            self.assertTrue(pat in lines or pat.rstrip("/") in lines, f"{pat} missing from .dockerignore")
        self.assertTrue({"_build", "_build/"} & lines)
        self.assertTrue({"**/.lia.cache", ".lia.cache"} & lines)

    def test_everything_the_dockerfile_copies_is_in_the_context(self):
        rules = dockerignore_rules()
        for s in stages():
            for c in s.of("COPY"):
                if any(f.startswith("--from") for f in c.flags):
                    continue
                for src in c.value[:-1]:
                    self.assertFalse(excluded(src.rstrip("/"), rules), f"{src} is excluded by .dockerignore")


if __name__ == "__main__":
    unittest.main()
