"""Tests of docker/cargo-dummy-sources.sh (placeholder sources for the
Dockerfile's dependency layer).

Each test writes a Cargo.toml into a temporary directory, runs the script with
dash, and checks which files it created. Where cargo is installed, it also
checks that cargo then accepts the manifest's targets: `cargo fetch --offline`
must not fail with "can't find ... at ..." (it may still fail for want of a
downloaded registry, which is not what is tested here).
"""

import shutil
import subprocess
import tempfile
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SCRIPT = ROOT / "docker" / "cargo-dummy-sources.sh"
POSIX_SH = shutil.which("dash") or "/bin/sh"
CARGO = shutil.which("cargo")

PACKAGE = '[package]\nname = "demo"\nversion = "0.1.0"\nedition = "2021"\n'


class CargoDummySources(unittest.TestCase):
    def setUp(self):
        self._tmp = tempfile.TemporaryDirectory()
        self.dir = Path(self._tmp.name)

    def tearDown(self):
        self._tmp.cleanup()

    def run_script(self, manifest):
        (self.dir / "Cargo.toml").write_text(manifest)
        proc = subprocess.run([POSIX_SH, str(SCRIPT), str(self.dir / "Cargo.toml")],
                              capture_output=True, text=True, timeout=30)
        self.assertEqual(proc.returncode, 0, proc.stderr)
        return proc.stdout.split()

    def files(self):
        return sorted(p.relative_to(self.dir).as_posix() for p in self.dir.rglob("*")
                      if p.is_file() and p.name not in ("Cargo.toml", "Cargo.lock"))

    def assertCargoAcceptsTargets(self):
        if not CARGO:
            return
        proc = subprocess.run([CARGO, "fetch", "--offline"], cwd=self.dir, capture_output=True, text=True, timeout=120)
        self.assertNotIn("can't find", proc.stderr)
        self.assertNotIn("specify", proc.stderr)

    def test_darcsweb_manifest(self):
        shutil.copy(ROOT / "Cargo.lock", self.dir / "Cargo.lock")
        created = self.run_script((ROOT / "Cargo.toml").read_text())
        self.assertIn("src/lib.rs", created)
        self.assertIn("src/main.rs", created)
        self.assertIn("build.rs", created)
        self.assertEqual(sorted(created), self.files())
        self.assertCargoAcceptsTargets()

    def test_declared_tests_benches_examples_and_bins(self):
        created = self.run_script(
            PACKAGE
            + 'build = "tools/build.rs"\n\n'
            + '[lib]\npath = "src/core.rs"\n\n'
            + '[[bin]]\nname = "demo"\n\n'
            + '[[bin]]\nname = "tool"\n\n'
            + '[[bin]]\nname = "other"\npath = "cmd/other.rs"  # comment\n\n'
            + '[[test]]\nname = "web"\n\n'
            + "[[bench]]\nname = 'patches'\nharness = false\n\n"
            + '[[example]]\nname = "demo-ex"\npath = "examples/demo/main.rs"\n\n'
            + '[dependencies]\n\n[dev-dependencies]\n'
        )
        self.assertEqual(
            sorted(created),
            sorted([
                "src/core.rs", "src/main.rs", "src/bin/tool.rs", "cmd/other.rs", "tests/web.rs",
                "benches/patches.rs", "examples/demo/main.rs", "tools/build.rs",
            ]),
        )
        self.assertEqual(self.files(), sorted(created))
        self.assertEqual((self.dir / "src/core.rs").read_text().count("fn main"), 0)
        self.assertIn("fn main() {}", (self.dir / "tests/web.rs").read_text())
        self.assertCargoAcceptsTargets()

    def test_plain_package_gets_main_and_build_script(self):
        created = self.run_script(PACKAGE)
        self.assertEqual(sorted(created), ["build.rs", "src/main.rs"])
        self.assertCargoAcceptsTargets()

    def test_build_false_means_no_build_script(self):
        created = self.run_script(PACKAGE.replace('edition = "2021"\n', 'edition = "2021"\nbuild = false\n'))
        self.assertEqual(created, ["src/main.rs"])

    def test_existing_files_are_left_alone(self):
        (self.dir / "src").mkdir()
        (self.dir / "src" / "main.rs").write_text("real\n")
        created = self.run_script(PACKAGE)
        self.assertEqual(created, ["build.rs"])
        self.assertEqual((self.dir / "src" / "main.rs").read_text(), "real\n")

    def test_missing_manifest_is_an_error(self):
        proc = subprocess.run([POSIX_SH, str(SCRIPT), str(self.dir / "nope.toml")], capture_output=True, text=True)
        self.assertEqual(proc.returncode, 2)


if __name__ == "__main__":
    unittest.main()
