"""docker/ensure-opam-switch.sh against the real opam client.

The fake-opam tests (test_ensure_opam_switch.py) check the script's decisions;
these check that the opam command lines it uses are ones real opam accepts and
answers as the script expects (`init --bare`, `switch create ... --jobs`,
`install --switch`, `list --columns=package`, `exec`, `switch remove`).

Building the real OCaml and Rocq takes far too long for a test and needs the
network, so opam is pointed (through OPAM_REPOSITORY) at a small local
repository whose packages carry the real names and versions
(ocaml-base-compiler.4.14.2, ocamlfind.1.9.8, rocq-core.9.0.0,
rocq-stdlib.9.0.0, plus wrong versions) but only install shell scripts that
answer `-version` / `--version` like the real tools.

Skipped when opam is not installed (Debian: apt-get install opam).
No network: the repository is a local directory.
"""

import os
import shutil
import subprocess
import tempfile
import textwrap
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCRIPT = ROOT / "docker" / "ensure-opam-switch.sh"
OPAM = shutil.which("opam")
POSIX_SH = shutil.which("dash") or "/bin/sh"


def tool_script(body):
    return "#!/bin/sh\n" + textwrap.dedent(body).lstrip()


def opam_file(name, version, tools, depends=(), compiler=False):
    """An opam file whose package installs TOOLS ({name: shell script})."""
    build, install = [], []
    for tool, text in tools.items():
        build.append(["sh", "-c", f"cat > {tool} <<'EOF'\n{text}EOF\nchmod +x {tool}"])
        install.append(["cp", tool, "%{bin}%/" + tool])
    if not tools:
        install.append(["sh", "-c", f"mkdir -p %{{lib}}%/{name} && echo {version} > %{{lib}}%/{name}/VERSION"])

    def cmd_list(cmds):
        return "[\n" + "".join(
            "  [" + " ".join('"' + a.replace("\\", "\\\\").replace('"', '\\"') + '"' for a in c) + "]\n" for c in cmds
        ) + "]"

    deps = "".join(f'  "{d}" {{= "{v}"}}\n' if v else f'  "{d}"\n' for d, v in depends)
    return (
        'opam-version: "2.0"\n'
        f'synopsis: "test stand-in for {name}"\n'
        'maintainer: "darcsweb tests"\n'
        + ("flags: compiler\n" if compiler else "")
        + (f"depends: [\n{deps}]\n" if deps else "")
        + f"build: {cmd_list(build)}\n"
        + f"install: {cmd_list(install)}\n"
    )


def make_repository(path):
    packages = {}
    for ocaml in ("4.14.2", "4.14.1"):
        packages[("ocaml-base-compiler", ocaml)] = opam_file(
            "ocaml-base-compiler", ocaml,
            {"ocamlopt": tool_script(f"""
                case "${{1:-}}" in -version|-vnum) echo {ocaml} ;; esac
             """)},
            compiler=True,
        )
    packages[("ocamlfind", "1.9.8")] = opam_file(
        "ocamlfind", "1.9.8",
        {"ocamlfind": tool_script("""
            case "${1:-}" in ocamlopt|ocamlc) t=$1; shift; exec "$t" "$@" ;; esac
         """)},
        depends=[("ocaml-base-compiler", None)],
    )
    for rocq in ("9.0.0", "8.20.0"):
        packages[("rocq-core", rocq)] = opam_file(
            "rocq-core", rocq,
            {"rocq": tool_script(f"""
                case "${{1:-}}" in
                  --version|-v)
                    echo "The Rocq Prover, version {rocq}"
                    echo "compiled with OCaml $(ocamlopt -version)" ;;
                esac
             """)},
            depends=[("ocaml-base-compiler", None), ("ocamlfind", None)],
        )
    packages[("rocq-stdlib", "9.0.0")] = opam_file(
        "rocq-stdlib", "9.0.0", {}, depends=[("rocq-core", None)]
    )
    path.mkdir(parents=True, exist_ok=True)
    (path / "repo").write_text('opam-version: "2.0"\n')
    for (name, version), text in packages.items():
        d = path / "packages" / name / f"{name}.{version}"
        d.mkdir(parents=True)
        (d / "opam").write_text(text)


@unittest.skipUnless(OPAM, "opam is not installed")
class RealOpam(unittest.TestCase):
    """One opam root, taken through the script's cases in order (each
    `opam switch create` costs a few seconds, so the cases share it)."""

    @classmethod
    def setUpClass(cls):
        cls._tmp = tempfile.TemporaryDirectory()
        cls.tmp = Path(cls._tmp.name)
        cls.repo = cls.tmp / "repository"
        make_repository(cls.repo)
        cls.root = cls.tmp / "opamroot"
        cls.log = cls.tmp / "opam.log"
        wrapper = cls.tmp / "opam-logged"
        wrapper.write_text(f'#!/bin/sh\nprintf "%s\\n" "$*" >> "{cls.log}"\nexec "{OPAM}" "$@"\n')
        wrapper.chmod(0o755)
        cls.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(cls.tmp),
            "OPAMROOT": str(cls.root),
            "OPAM": str(wrapper),
            "OPAM_REPOSITORY": str(cls.repo),
            "OPAMNOENVNOTICE": "1",
        }

    @classmethod
    def tearDownClass(cls):
        cls._tmp.cleanup()

    def run_script(self):
        self.log.write_text("")
        proc = subprocess.run([POSIX_SH, str(SCRIPT)], env=self.env, capture_output=True, text=True, timeout=600)
        self.assertEqual(proc.returncode, 0, f"stdout:\n{proc.stdout}\nstderr:\n{proc.stderr}")
        return proc

    def opam(self, *args):
        return subprocess.run([OPAM, *args], env=self.env, capture_output=True, text=True, timeout=300)

    def actions(self):
        keep = ("init", "switch create", "switch remove", "install")
        return [l for l in self.log.read_text().splitlines() if l.startswith(keep)]

    def installed(self):
        out = self.opam("list", "--switch=darcsweb", "--installed", "--short", "--columns=package").stdout
        return set(out.split())

    def assertSwitchHealthy(self):
        self.assertTrue(
            {"ocaml-base-compiler.4.14.2", "ocamlfind.1.9.8", "rocq-core.9.0.0", "rocq-stdlib.9.0.0"} <= self.installed(),
            self.installed(),
        )
        out = self.opam("exec", "--switch=darcsweb", "--", "rocq", "--version").stdout
        self.assertIn("version 9.0.0", out)

    def test_cases_in_order(self):
        # 1. empty cache: init, create, install
        self.root.mkdir()
        self.run_script()
        a = self.actions()
        self.assertTrue(a[0].startswith("init --bare"), a)
        self.assertIn("switch create darcsweb ocaml-base-compiler.4.14.2 --yes --jobs=2", a)
        self.assertIn("install --switch=darcsweb --yes --jobs=2 ocamlfind.1.9.8 rocq-core.9.0.0 rocq-stdlib.9.0.0", a)
        self.assertSwitchHealthy()

        # 2. healthy: nothing to do
        proc = self.run_script()
        self.assertEqual(self.actions(), [])
        self.assertIn("is healthy", proc.stderr)

        # 3. wrong rocq: reinstalled at 9.0.0 in place
        r = self.opam("install", "--switch=darcsweb", "--yes", "rocq-core.8.20.0")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("rocq-core.8.20.0", self.installed())
        self.run_script()
        self.assertEqual([x for x in self.actions() if x.startswith(("switch", "init"))], [])
        self.assertSwitchHealthy()

        # 4. half-built: opam lists rocq-core but its binary is gone
        (self.root / "darcsweb" / "bin" / "rocq").unlink()
        self.run_script()
        a = self.actions()
        self.assertIn("switch remove darcsweb --yes", a)
        self.assertIn("switch create darcsweb ocaml-base-compiler.4.14.2 --yes --jobs=2", a)
        self.assertSwitchHealthy()

        # 5. wrong OCaml: removed and rebuilt
        r = self.opam("switch", "remove", "darcsweb", "--yes")
        self.assertEqual(r.returncode, 0, r.stderr)
        r = self.opam("switch", "create", "darcsweb", "ocaml-base-compiler.4.14.1", "--yes")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.run_script()
        a = self.actions()
        self.assertEqual(a[0], "switch remove darcsweb --yes")
        self.assertIn("switch create darcsweb ocaml-base-compiler.4.14.2 --yes --jobs=2", a)
        self.assertSwitchHealthy()


if __name__ == "__main__":
    unittest.main()
