"""A document's CSV from Python is core's one writer: the same bytes as the
command line's ``andel compute --format csv`` (its golden files in
``cli/tests/golden/csv/``, which the node tests compare ``computeCsv`` with),
every allocation of every scenario, and ``#`` lines a CSV reader skips.
"""

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest

import andel

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.json"))
GOLDEN = ROOT / "cli" / "tests" / "golden" / "csv"


@pytest.mark.parametrize("doc", EXAMPLES, ids=lambda p: p.stem)
def test_result_to_csv_is_the_command_lines_csv(doc):
    r = andel.compute(doc)
    plain = (GOLDEN / f"{doc.stem}.plain.csv").read_text(encoding="utf-8")
    assert r.to_csv() == plain
    danish = (GOLDEN / f"{doc.stem}.danish.csv").read_text(encoding="utf-8")
    assert r.to_csv("danish_excel", "da") == danish


@pytest.mark.parametrize("doc", EXAMPLES, ids=lambda p: p.stem)
def test_pandas_reads_the_plain_csv_skipping_the_comment_lines(doc):
    pd = pytest.importorskip("pandas")
    r = andel.compute(doc)
    text = r.to_csv()
    assert text.startswith("#,")
    frame = pd.read_csv(io.StringIO(text), comment="#", dtype=str, keep_default_na=False)
    assert list(frame.columns[:3]) == ["scenario", "part", "id"]
    # The same rows as the records (every allocation, a total row each).
    records = r.to_records()
    parties = frame[frame["id"] != "total"]
    assert len(parties) == len(records)
    assert [(x["scenario"], x["part"], x["id"], x["amount"]) for x in records] == [
        (s, p, i, Decimal(a)) for s, p, i, a in parties[["scenario", "part", "id", "amount"]].values
    ]


def test_the_cost_split_holds_the_parts_and_the_municipalities():
    r = andel.compute(ROOT / "examples" / "2.8-cost-split.json")
    records = r.to_records()
    # Per scenario: the two parts, then the municipalities' own split
    # (Region Nordjylland's eleven less Læsø and Morsø: nine).
    low = [x for x in records if x["scenario"] == "lav"]
    assert [x["id"] for x in low if x["part"] == "parts"] == ["kommunerne", "region"]
    municipalities = [x for x in low if x["part"] == "kommunerne"]
    assert len([x for x in municipalities if x["basis"] != "excluded"]) == 9
    # Aalborg's 1.658.397,22 kr. of the municipalities' 4.275.000 kr. (the
    # minutes' figure: 221.082 / 569.903 × 4.275.000 = 1.658.397,2184…).
    aalborg = next(x for x in municipalities if x["id"] == "851")
    assert aalborg["amount"] == Decimal("1658397.22")
    frame = r.to_pandas()
    assert set(frame["part"]) == {"parts", "kommunerne"}


def test_hostile_notes_stay_inert_and_every_note_line_starts_with_a_hash():
    doc = {"version": 1, "assumptions": ["a;=HYPERLINK(\"http://x\")", "b\n=cmd|' /c calc'!A0", "c,\r-2+3", "=1,2"],
           "key": {"weights": [{"id": "=1+1", "name": "@SUM(A1)", "weight": 1}, {"id": "B", "name": "B #2", "weight": 1}]},
           "scenarios": [{"name": "+x", "total": "2"}]}
    r = andel.compute(doc)
    # A `#` inside a cell is quoted, so pandas' comment character keeps it.
    pd = pytest.importorskip("pandas")
    frame = pd.read_csv(io.StringIO(r.to_csv()), comment="#", dtype=str, keep_default_na=False)
    assert list(frame["name"])[:2] == ["'@SUM(A1)", "B #2"]
    for dialect, sep in [("plain", ","), ("danish_excel", ";")]:
        text = r.to_csv(dialect).lstrip("\ufeff")
        rows = list(csv.reader(io.StringIO(text), delimiter=sep))
        for row in rows:
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (dialect, cell, row)
        notes = [line for line in text.splitlines() if line.startswith("#")]
        # Every assumption one line, `#` and the note as one cell.
        hyperlink = [row for row in rows if any("HYPERLINK" in c for c in row)]
        assert len(hyperlink) == 1 and hyperlink[0][0] == "#" and len(hyperlink[0]) == 2, hyperlink
        assert len(notes) >= 5, notes


def test_population_weights_are_inhabitants_in_tables_and_csv():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", andel.ReadWarning)
        p = andel.population("Nordjylland", 2026, file=ROOT / "tests" / "inputs" / "folk1a-2026-ages.csv",
                             ages=(65, None))
    a = andel.allocate(p, "1000000")
    # Aalborg's 378.427,40 of 1.000.000 kr. (the README's figure, as the
    # command line gives it for the same file, region and ages).
    assert a["851"]["amount"] == Decimal("378427.40")
    head = a.to_csv("danish_excel").splitlines()[1]
    assert head.startswith("id;navn;indbyggere 2026, 65 år og derover;"), head
    assert "population 2026, 65 years and over" in a.table(language="en")
    # The embedded figures say their year; plain weights stay "vægt".
    assert "indbyggere 2022" in andel.allocate(andel.population("Nordjylland", 2022), "100").table()
    assert "vægt" in andel.allocate(dict(p), "1000000").table()
