"""Tests of docker/ensure-opam-switch.sh against fake opam/OCaml/Rocq tools.

tests/docker/fakes/ holds fake `opam`, `ocamlopt`, `ocaml`, `ocamlfind` and
`rocq` executables. They record every invocation in $FAKE_LOG and keep their
state under $OPAMROOT (see the header of fakes/opam). The fake opam is first on
PATH; like the real one, it links the tools into a switch's bin/ when it
"installs" them and puts that bin/ first on PATH in `opam exec`. Each test lays out an
opam root in a temporary directory (empty, healthy, wrong OCaml, wrong Rocq,
half-built, ...), runs the real script with dash (`sh`, as Debian's /bin/sh
would) and checks what the script asked opam to do.

No Docker, no network, no real opam.
"""

import os
import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCRIPT = ROOT / "docker" / "ensure-opam-switch.sh"
FAKES = HERE / "fakes"
POSIX_SH = shutil.which("dash") or "/bin/sh"

PINNED = ["ocamlfind.1.9.8", "rocq-core.9.0.0", "rocq-stdlib.9.0.0"]
HEALTHY_PACKAGES = [
    "ocaml-base-compiler.4.14.2",
    "ocaml.4.14.2",
    "ocamlfind.1.9.8",
    "rocq-runtime.9.0.0",
    "rocq-core.9.0.0",
    "rocq-stdlib.9.0.0",
]


TOOLS_OF = {  # package -> the executables it puts in the switch's bin/
    "ocaml-base-compiler": ["ocaml", "ocamlopt"],
    "ocamlfind": ["ocamlfind"],
    "rocq-core": ["rocq"],
}


class Env:
    """A temporary opam root plus the fake tools, and helpers to seed it."""

    def __init__(self, tmp):
        self.tmp = Path(tmp)
        self.root = self.tmp / "opamroot"
        self.log = self.tmp / "log"
        self.log.write_text("")
        self.bin = self.tmp / "bin"  # only the fake opam: the tools are in switches
        self.bin.mkdir()
        (self.bin / "opam").symlink_to(FAKES / "opam")
        self.system_bin = self.tmp / "system-bin"  # stands for /usr/bin
        self.system_bin.mkdir()

    def system_tool(self, name, answer):
        """An executable on the system PATH that answers ANSWER to anything."""
        f = self.system_bin / name
        f.write_text(f"#!/bin/sh\necho '{answer}'\n")
        f.chmod(0o755)

    # -- seeding -------------------------------------------------------------
    def init_root(self):
        (self.root / "repo" / "default").mkdir(parents=True, exist_ok=True)
        (self.root / "config").write_text('opam-version: "2.0"\n')

    def switch_dir(self, name="darcsweb"):
        return self.root / name / ".opam-switch"

    def seed_switch(self, packages, name="darcsweb", rocq_broken=False, rocq_built_with=None,
                    rocq_answers=None):
        self.init_root()
        d = self.switch_dir(name)
        d.mkdir(parents=True, exist_ok=True)
        (d / "fake-installed").write_text("".join(p + "\n" for p in packages))
        b = self.root / name / "bin"
        b.mkdir(exist_ok=True)
        for p in packages:
            for tool in TOOLS_OF.get(p.split(".")[0], []):
                (b / tool).symlink_to(FAKES / tool)
        if rocq_broken:
            (d / "fake-rocq-broken").write_text("")
        if rocq_built_with:
            (d / "fake-rocq-built-with").write_text(rocq_built_with + "\n")
        if rocq_answers:
            (d / "fake-rocq-answers").write_text(rocq_answers + "\n")

    def installed(self, name="darcsweb"):
        f = self.switch_dir(name) / "fake-installed"
        return set(f.read_text().split()) if f.exists() else set()

    # -- running -------------------------------------------------------------
    def run(self, shell=POSIX_SH, **extra):
        env = {
            "PATH": f"{self.bin}:{self.system_bin}:{os.environ.get('PATH', '/usr/bin:/bin')}",
            "HOME": str(self.tmp),
            "OPAMROOT": str(self.root),
            "FAKE_LOG": str(self.log),
        }
        env.update({k: str(v) for k, v in extra.items()})
        proc = subprocess.run(
            [shell, str(SCRIPT)], env=env, capture_output=True, text=True, timeout=60
        )
        self.proc = proc
        return proc

    def calls(self, tool="opam"):
        """The logged invocations of TOOL, without the tool name."""
        prefix = tool + " "
        return [l[len(prefix):] for l in self.log.read_text().splitlines() if l.startswith(prefix)]

    def opam_actions(self):
        """Only the opam calls that change state."""
        keep = ("init", "switch create", "switch remove", "install")
        return [c for c in self.calls() if c.startswith(keep)]


class EnsureOpamSwitch(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.env = Env(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()

    def assertOk(self, proc):
        self.assertEqual(proc.returncode, 0, f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")

    def assertHealthy(self, name="darcsweb"):
        self.assertTrue(set(HEALTHY_PACKAGES) <= self.env.installed(name), self.env.installed(name))

    def assertBuiltFromScratch(self, actions, jobs=2):
        self.assertEqual(
            actions[-2:],
            [
                f"switch create darcsweb ocaml-base-compiler.4.14.2 --yes --jobs={jobs}",
                f"install --switch=darcsweb --yes --jobs={jobs} " + " ".join(PINNED),
            ],
        )

    # -- the five cases of the brief ------------------------------------------
    def test_empty_cache_initialises_and_creates(self):
        self.env.root.mkdir()  # the cache mount point exists but is empty
        self.assertOk(self.env.run())
        actions = self.env.opam_actions()
        self.assertEqual(actions[0], "init --bare --no-setup --disable-sandboxing --yes")
        self.assertBuiltFromScratch(actions)
        self.assertEqual(len(actions), 3, actions)
        self.assertNotIn("switch remove", " ".join(actions))
        self.assertHealthy()

    def test_healthy_cache_is_left_alone(self):
        self.env.seed_switch(HEALTHY_PACKAGES)
        proc = self.env.run()
        self.assertOk(proc)
        self.assertEqual(self.env.opam_actions(), [], "no init, create, remove or install")
        # ...but the versions were really asked for, through the switch
        self.assertIn("exec --switch=darcsweb -- ocamlopt -version", self.env.calls())
        self.assertIn("exec --switch=darcsweb -- ocamlfind ocamlopt -version", self.env.calls())
        self.assertIn("exec --switch=darcsweb -- rocq --version", self.env.calls())
        self.assertIn("--version", self.env.calls("rocq"))
        self.assertIn("is healthy", proc.stderr)

    def test_wrong_ocaml_removes_and_rebuilds(self):
        self.env.seed_switch([p.replace("4.14.2", "4.14.1") for p in HEALTHY_PACKAGES])
        self.assertOk(self.env.run())
        actions = self.env.opam_actions()
        self.assertEqual(actions[0], "switch remove darcsweb --yes")
        self.assertBuiltFromScratch(actions)
        self.assertEqual(len(actions), 3, actions)
        self.assertHealthy()
        self.assertNotIn("ocaml-base-compiler.4.14.1", self.env.installed())

    def test_wrong_rocq_is_reinstalled_at_the_pinned_version(self):
        pkgs = [p.replace("9.0.0", "8.20.0") if p.startswith("rocq-core") or p.startswith("rocq-runtime") else p
                for p in HEALTHY_PACKAGES]
        self.env.seed_switch(pkgs)
        self.assertOk(self.env.run())
        actions = self.env.opam_actions()
        self.assertEqual(actions, ["install --switch=darcsweb --yes --jobs=2 " + " ".join(PINNED)])
        self.assertHealthy()
        self.assertNotIn("rocq-core.8.20.0", self.env.installed())

    def test_half_built_switch_without_rocq_is_completed(self):
        # interrupted after the compiler was built: rocq is not there at all
        self.env.seed_switch(["ocaml-base-compiler.4.14.2", "ocaml.4.14.2"])
        self.assertOk(self.env.run())
        actions = self.env.opam_actions()
        self.assertEqual(actions, ["install --switch=darcsweb --yes --jobs=2 " + " ".join(PINNED)])
        self.assertHealthy()

    def test_half_built_switch_with_failing_rocq_is_rebuilt(self):
        # opam believes everything is installed, but rocq does not run: an
        # install is a no-op, so the script must fall back to a rebuild
        self.env.seed_switch(HEALTHY_PACKAGES, rocq_broken=True)
        self.assertOk(self.env.run())
        actions = self.env.opam_actions()
        self.assertEqual(actions[0], "install --switch=darcsweb --yes --jobs=2 " + " ".join(PINNED))
        self.assertIn("switch remove darcsweb --yes", actions)
        self.assertBuiltFromScratch(actions)
        self.assertNotIn("init --bare --no-setup --disable-sandboxing --yes", actions)
        self.assertFalse((self.env.switch_dir() / "fake-rocq-broken").exists())

    # -- further cases ---------------------------------------------------------
    def test_missing_opam_root_directory(self):
        self.assertOk(self.env.run())
        actions = self.env.opam_actions()
        self.assertEqual(actions[0], "init --bare --no-setup --disable-sandboxing --yes")
        self.assertBuiltFromScratch(actions)
        self.assertHealthy()

    def test_unusable_root_is_wiped_first(self):
        self.env.root.mkdir()
        (self.env.root / "leftover").write_text("half-written by an interrupted opam init")
        self.assertOk(self.env.run())
        self.assertFalse((self.env.root / "leftover").exists())
        self.assertEqual(self.env.opam_actions()[0], "init --bare --no-setup --disable-sandboxing --yes")
        self.assertHealthy()

    def test_missing_stdlib_is_installed(self):
        self.env.seed_switch([p for p in HEALTHY_PACKAGES if not p.startswith("rocq-stdlib")])
        self.assertOk(self.env.run())
        self.assertEqual(self.env.opam_actions(), ["install --switch=darcsweb --yes --jobs=2 " + " ".join(PINNED)])
        self.assertHealthy()

    def test_missing_ocamlfind_is_installed(self):
        self.env.seed_switch([p for p in HEALTHY_PACKAGES if not p.startswith("ocamlfind")])
        self.assertOk(self.env.run())
        self.assertEqual(self.env.opam_actions(), ["install --switch=darcsweb --yes --jobs=2 " + " ".join(PINNED)])
        self.assertHealthy()

    def test_rocq_compiled_with_another_ocaml_is_rebuilt(self):
        self.env.seed_switch(HEALTHY_PACKAGES, rocq_built_with="4.14.1")
        self.assertOk(self.env.run())
        actions = self.env.opam_actions()
        self.assertIn("switch remove darcsweb --yes", actions)
        self.assertBuiltFromScratch(actions)

    def test_rocq_answering_another_version_is_rebuilt(self):
        # opam records rocq-core.9.0.0, but the rocq on PATH says 8.19.2
        self.env.seed_switch(HEALTHY_PACKAGES, rocq_answers="8.19.2")
        proc = self.env.run()
        self.assertOk(proc)
        self.assertIn("rocq is '8.19.2', want 9.0.0", proc.stderr)
        actions = self.env.opam_actions()
        self.assertIn("switch remove darcsweb --yes", actions)
        self.assertBuiltFromScratch(actions)

    def test_system_tools_do_not_make_a_switch_healthy(self):
        # an empty switch, with a right-looking OCaml and Rocq on the system PATH
        self.env.system_tool("ocamlopt", "4.14.2")
        self.env.system_tool("ocamlfind", "4.14.2")
        self.env.system_tool("rocq", "The Rocq Prover, version 9.0.0\ncompiled with OCaml 4.14.2")
        self.env.seed_switch([])
        proc = self.env.run()
        self.assertOk(proc)
        self.assertRegex(proc.stderr, r"ocamlopt is \S*/system-bin/ocamlopt, outside the switch")
        actions = self.env.opam_actions()
        self.assertEqual(actions[0], "switch remove darcsweb --yes")
        self.assertBuiltFromScratch(actions)
        self.assertHealthy()

    def test_half_built_switch_borrowing_system_rocq_is_completed(self):
        self.env.system_tool("rocq", "The Rocq Prover, version 9.0.0\ncompiled with OCaml 4.14.2")
        self.env.seed_switch(["ocaml-base-compiler.4.14.2", "ocaml.4.14.2", "ocamlfind.1.9.8"])
        proc = self.env.run()
        self.assertOk(proc)
        self.assertIn("outside the switch", proc.stderr)
        self.assertEqual(self.env.opam_actions(), ["install --switch=darcsweb --yes --jobs=2 " + " ".join(PINNED)])
        self.assertHealthy()

    def test_switch_that_opam_cannot_remove_is_deleted(self):
        self.env.seed_switch([p.replace("4.14.2", "4.13.1") for p in HEALTHY_PACKAGES])
        self.assertOk(self.env.run(FAKE_REMOVE_FAIL=1))
        actions = self.env.opam_actions()
        self.assertIn("switch remove darcsweb --yes", actions)
        self.assertBuiltFromScratch(actions)
        self.assertHealthy()

    def test_other_switches_are_untouched(self):
        self.env.seed_switch(["ocaml-base-compiler.5.2.0", "ocaml.5.2.0"], name="other")
        self.assertOk(self.env.run())
        self.assertEqual(self.env.installed("other"), {"ocaml-base-compiler.5.2.0", "ocaml.5.2.0"})
        self.assertHealthy()

    def test_unrecoverable_build_fails_after_bounded_attempts(self):
        # opam keeps producing the wrong compiler: give up with an error
        self.env.root.mkdir()
        proc = self.env.run(FAKE_BUILT_OCAML_VERSION="4.02.3")
        self.assertNotEqual(proc.returncode, 0)
        self.assertIn("could not build a healthy switch", proc.stderr)
        creates = [a for a in self.env.opam_actions() if a.startswith("switch create")]
        self.assertGreaterEqual(len(creates), 2)
        self.assertLessEqual(len(creates), 3)

    def test_failing_opam_init_fails_the_script(self):
        proc = self.env.run(FAKE_INIT_FAIL=1)
        self.assertNotEqual(proc.returncode, 0)
        self.assertEqual([a for a in self.env.opam_actions() if a.startswith("switch create")], [])

    def test_parameters_come_from_the_environment(self):
        proc = self.env.run(
            OPAM_SWITCH_NAME="proofs",
            OCAML_VERSION="5.2.1",
            ROCQ_VERSION="9.1.0",
            ROCQ_STDLIB_VERSION="9.0.0",
            OCAMLFIND_VERSION="",
            JOBS=7,
        )
        self.assertOk(proc)
        actions = self.env.opam_actions()
        self.assertEqual(
            actions[1:],
            [
                "switch create proofs ocaml-base-compiler.5.2.1 --yes --jobs=7",
                "install --switch=proofs --yes --jobs=7 ocamlfind rocq-core.9.1.0 rocq-stdlib.9.0.0",
            ],
        )
        self.assertIn("rocq-core.9.1.0", self.env.installed("proofs"))
        # and that switch is then seen as healthy
        self.env.log.write_text("")
        self.assertOk(self.env.run(OPAM_SWITCH_NAME="proofs", OCAML_VERSION="5.2.1", ROCQ_VERSION="9.1.0",
                                   ROCQ_STDLIB_VERSION="9.0.0", OCAMLFIND_VERSION=""))
        self.assertEqual(self.env.opam_actions(), [])

    def test_bad_jobs_value_is_rejected(self):
        proc = self.env.run(JOBS="lots")
        self.assertEqual(proc.returncode, 2)
        self.assertEqual(self.env.calls(), [])

    def test_runs_under_bash_too(self):
        self.env.root.mkdir()
        self.assertOk(self.env.run(shell=shutil.which("bash") or "/bin/bash"))
        self.assertHealthy()

    def test_script_is_posix_sh_with_set_eu(self):
        text = SCRIPT.read_text()
        self.assertTrue(text.startswith("#!/bin/sh\n"))
        self.assertRegex(text, r"(?m)^set -eu$")
        proc = subprocess.run([POSIX_SH, "-n", str(SCRIPT)], capture_output=True, text=True)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        self.assertTrue(os.access(SCRIPT, os.X_OK), "docker/ensure-opam-switch.sh must be executable")


if __name__ == "__main__":
    unittest.main()
