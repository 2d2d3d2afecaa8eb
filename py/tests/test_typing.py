"""The package's types (inline, py.typed, and the native module's .pyi) check
with mypy --strict, on the package and on an analyst's code."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent


def test_mypy_strict():
    if shutil.which("mypy") is None and subprocess.run([sys.executable, "-m", "mypy", "--version"],
                                                       capture_output=True).returncode != 0:
        pytest.fail("mypy is not installed (scripts/test.sh installs it)")
    import andel

    package = Path(andel.__file__).parent
    assert (package / "py.typed").exists() and (package / "_andel.pyi").exists()
    r = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                        str(HERE / "typed_usage.py")], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
