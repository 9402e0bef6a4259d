"""Runs the tests/docker Python tests with unittest and reports the counts.

Prints unittest's usual output, then a line `PY-COUNTS passed=N failed=M`
that tests/docker/run.sh adds to its own summary. Exit status 0 only if
everything passed (and at least one test ran).
"""

import sys
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main():
    sys.path.insert(0, str(HERE))
    suite = unittest.defaultTestLoader.discover(str(HERE), pattern="test_*.py", top_level_dir=str(HERE))
    result = unittest.TextTestRunner(verbosity=2, stream=sys.stdout).run(suite)
    failed = len(result.failures) + len(result.errors) + len(result.unexpectedSuccesses)
    passed = result.testsRun - failed - len(result.skipped)
    print(f"PY-COUNTS passed={passed} failed={failed}")
    return 0 if failed == 0 and result.testsRun > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
