"""One version everywhere: the package, the wheel's metadata and Cargo.toml."""

import re
from importlib.metadata import version
from pathlib import Path

import andel

ROOT = Path(__file__).resolve().parents[2]


def test_version_is_the_workspace_version_and_the_wheels():
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    # [workspace.package] version = "..." (the one number; pyproject.toml takes it from there)
    workspace = re.search(r'^\[workspace\.package\][^\[]*?^version = "([^"]+)"', cargo, re.M | re.S)
    assert workspace is not None
    assert andel.__version__ == workspace.group(1)
    assert version("andel") == workspace.group(1)
