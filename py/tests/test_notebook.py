"""The analyst notebook runs, and its numbers equal those of the `andel`
command line (the Rust binary) for the same documents."""

import json
import subprocess
from decimal import Decimal
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
    def cli(doc: str):
        out = subprocess.run(["cargo", "run", "-q", "-p", "andel-cli", "--", "compute",
                              f"examples/{doc}", "--format", "json"],
                             cwd=ROOT, capture_output=True, text=True, check=True).stdout
        return json.loads(out)["scenarios"]

    def amount(allocation, pid):
        return next(p["amount"] for p in allocation["parties"] if p["id"] == pid)

    def members(scenario, group):
        return next(g["members"] for g in scenario["nested"]["per_group"] if g["id"] == group)

    s28 = cli("2.8-self-harm-offer.json")
    s212 = cli("2.12-paid-internships.json")[0]["allocation"]
    assistant = cli("2.9-sosu-assistant.json")[0]
    helper = cli("2.9-sosu-helper.json")[0]
    group = lambda s: next(p["units"] for p in s["allocation"]["parties"] if p["id"] == "Nordjylland")
    aalborg = lambda s: next(p["units"] for p in members(s, "Nordjylland")["parties"] if p["id"] == "851")
    expected = {
        "2.8 low Aalborg": amount(s28[0]["allocation"], "851"),
        "2.8 high Aalborg": amount(s28[1]["allocation"], "851"),
        "2.8 low Thisted": amount(s28[0]["allocation"], "787"),
        "2.8 year 1 Aalborg": amount(s28[0]["years"]["per_year"][0], "851"),
        "2.12 region": amount(s212, "region"),
        "2.12 Aalborg": amount(s212, "851"),
        "2.12 Læsø": amount(s212, "825"),
        "2.9 Nordjylland": str(group(assistant) + group(helper)),
        "2.9 Aalborg": str(aalborg(assistant) + aalborg(helper)),
        "2.4 Aalborg": amount(cli("2.4-dk2020.json")[0]["allocation"], "851"),
        # The region's 25 % from the municipalities' 5.590.000 (2.8 high).
        "2.8 high region": amount(cli("2.8-cost-split.json")[1]["allocation"], "region"),
        # The meeting summary's highest total for Aalborg: 2.4 + 2.8 high.
        "meeting Aalborg highest": str(Decimal(amount(cli("2.4-dk2020.json")[0]["allocation"], "851"))
                                       + Decimal(amount(s28[1]["allocation"], "851"))),
    }
    assert summary == expected
    # The bar chart was drawn.
    chart = ROOT / "examples" / "andel-shares.png"
    assert chart.stat().st_size > 1000
    chart.unlink()
