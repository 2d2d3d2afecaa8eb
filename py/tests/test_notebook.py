"""The analyst notebook runs, and its numbers equal the Rust report's."""

import json
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_notebook_matches_the_report():
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.read(ROOT / "examples" / "analyst.ipynb", as_version=4)
    nbclient.NotebookClient(nb, timeout=120, kernel_name="python3",
                            resources={"metadata": {"path": str(ROOT / "examples")}}).execute()
    last = nb.cells[-1]["outputs"][0]["text"]
    summary = json.loads(last)
    assert summary["2.8 low Aalborg"] == "1658397.22"
    report = subprocess.run(["cargo", "run", "-q", "-p", "andel-report", "--", "--plain"], cwd=ROOT,
                            capture_output=True, text=True, check=True).stdout
    for name, value in summary.items():
        assert value in report, f"{name}: {value} is not in the report"
    # The bar chart was drawn.
    assert Path("/tmp/andel-shares.png").stat().st_size > 1000
