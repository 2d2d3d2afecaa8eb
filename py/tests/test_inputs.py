"""Files as Danish desks make them (issue 28): tests/inputs/ was written by
Python's own codecs, not by andel. Case 2.8: 4.275.000 kr. among the nine
municipalities of Nordjylland without Læsø and Morsø by their 2022
population gives Aalborg 4.275.000 × 221.082 / 569.903 = 1.658.397,22 (and
Rebild 229.884,12), Hamilton's largest remainders, worked out with
fractions below."""

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
import warnings

import pytest

import andel

INPUTS = Path(__file__).resolve().parents[2] / "tests" / "inputs"
NINE = {"787": 43089, "810": 36194, "813": 58878, "820": 36326, "840": 30646,
        "846": 41662, "849": 38187, "851": 221082, "860": 63839}


def hamilton(weights, units):
    """Largest remainders with exact fractions: units per id."""
    total = sum(weights.values())
    quotas = {k: Fraction(units * w, total) for k, w in weights.items()}
    got = {k: int(q) for k, q in quotas.items()}
    order = sorted(weights, key=lambda k: quotas[k] - got[k], reverse=True)
    for k in order[:units - sum(got.values())]:
        got[k] += 1
    return got


def test_the_independent_figures_are_the_minutes():
    oere = hamilton(NINE, 427_500_000)
    assert (oere["851"], oere["840"]) == (165_839_722, 22_988_412)


def read(name, **kw):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        found = andel.read_csv(INPUTS / name, **kw)
    return found, [str(w.message) for w in caught]


@pytest.mark.parametrize("name, said, said_en", [
    ("folk1a-2022-nordjylland-cp1252.csv", "læst som Windows-1252 (filen er ikke UTF-8)",
     "read as Windows-1252 (the bytes are not UTF-8)"),
    ("nordjylland-2022-excel-unicode.txt", "læst som UTF-16 LE (filen er ikke UTF-8)",
     "read as UTF-16 LE (the bytes are not UTF-8)"),
    ("nordjylland-2022-totals.csv", "«Region Nordjylland;591.740» (en regions samlede tal)",
     '"Region Nordjylland;591.740" (a regional total)'),
    ("folk1a-2022-web-export.csv", "(en titel over tabellen)", "(a title above the table)"),
])
def test_files_from_excel_and_statbank_give_2_8(name, said, said_en):
    # Warnings in Danish by default, in English when asked or set.
    weights, notes = read(name)
    assert any(said in n for n in notes), notes
    _, notes_en = read(name, language="en")
    assert any(said_en in n for n in notes_en), notes_en
    andel.set_language("en")
    try:
        assert any(said_en in n for n in read(name)[1])
    finally:
        andel.set_language("da")
    for gone in ("825", "773"):
        weights.pop(gone)
    assert weights == {k: Decimal(v) for k, v in NINE.items()}
    alloc = andel.allocate(weights, "4275000")
    assert alloc["851"]["amount"] == Decimal("1658397.22")
    assert alloc["840"]["amount"] == Decimal("229884.12")
    # The names the file gives are kept (a dict that carries them), and
    # allocate() shows them as the command line does: the file's
    # municipality names by their codes (851 Aalborg, 840 Rebild).
    assert weights.names["851"] == "Aalborg" and weights.names["840"] == "Rebild"
    assert alloc["851"]["name"] == "Aalborg"
    assert "Aalborg" in alloc.table() and "Rebild" in alloc.table()
    # The same bytes given as bytes.
    assert andel.read_csv((INPUTS / name).read_bytes()).keys() >= NINE.keys()


def test_read_csv_keeps_a_name_column():
    # A file with its own ids and names: 1 + 3 = 4, 100 kr. → 25 and 75.
    w = andel.read_csv("id;navn;vægt\nA;Alfa;1\nB;Beta;3\n")
    assert w == {"A": Decimal(1), "B": Decimal(3)} and isinstance(w, dict)
    assert w.names == {"A": "Alfa", "B": "Beta"}
    a = andel.allocate(w, "100")
    assert (a["A"]["name"], a["A"]["amount"]) == ("Alfa", Decimal("25.00"))
    assert a.to_pandas().loc["B", "name"] == "Beta"
    # names= still wins over the file's.
    assert andel.allocate(w, "100", names={"A": "a"})["A"]["name"] == "a"


def test_a_region_meant_as_a_party_is_kept():
    text = "part;vægt\nRegion Nordjylland;7,2\nAalborg;92,8\n"
    with pytest.warns(andel.LeftOutWarning, match="en regions samlede tal"):
        assert andel.read_csv(text) == {"851": Decimal("92.8")}
    assert andel.read_csv(text, keep_totals=True) == {
        "Region Nordjylland": Decimal("7.2"), "851": Decimal("92.8")}


def test_population_from_a_statbank_file_by_age():
    # A made-up 2026 FOLK1A file (tests/inputs/README.md): 65+ per
    # municipality of Nordjylland, worked out here from the rule that made
    # it (P = BY2 2025 + 100; per sex ⌊19 %⌋ aged 65-79 and ⌊7 %⌋ 80+).
    by2_2025 = {"773": 19520, "787": 42698, "810": 36706, "813": 57882, "820": 35818,
                "825": 1719, "840": 30942, "846": 41606, "849": 37954, "851": 224612,
                "860": 63311}

    def over_65(p):
        return sum(s * 19 // 100 + s * 7 // 100 for s in (p // 2, p - p // 2))

    want = {k: over_65(p + 100) for k, p in by2_2025.items()}
    assert want["851"] == 58_422 and sum(want.values()) == 154_381
    for name in ("folk1a-2026-ages.csv", "folk1a-2026-matrix.csv"):
        with pytest.warns(andel.ReadWarning, match=r"befolkning pr\. 2026-01-01 \(2026K1 i .*\), 65 år og derover"):
            p = andel.population("Nordjylland", 2026, file=INPUTS / name, ages=(65, None))
        with pytest.warns(andel.ReadWarning, match=r"2026-01-01 \(2026K1 in .*\), 65 years and over"):
            andel.population("Nordjylland", 2026, file=INPUTS / name, ages=(65, None), language="en")
        assert dict(p) == want and p.names["825"] == "Læsø"
        oere = hamilton(want, 100_000_000)
        alloc = andel.allocate(p, "1000000")
        assert alloc["851"]["amount"] == Decimal(oere["851"]) / 100 == Decimal("378427.40")
        assert alloc["825"]["amount"] == Decimal(oere["825"]) / 100 == Decimal("3044.41")
    data = (INPUTS / "folk1a-2026-ages.csv").read_bytes()
    with pytest.warns(andel.ReadWarning, match=r"^population: befolkning pr\. 2026-01-01 \(2026K1\), alle aldre$"):
        assert andel.population("Nordjylland", 2026, file=data)["851"] == 224_712
    with pytest.raises(andel.InputError) as e:
        andel.population("Nordjylland", 2027, file=data)
    assert e.value.code == "period_not_in_file" and "2025K4, 2026K1" in str(e.value)
    with pytest.raises(andel.InputError) as e:
        andel.population("Nordjylland", 2026, file=data, ages=(70, None))
    assert e.value.code == "ages_not_in_file"
    with pytest.raises(andel.InputError) as e:
        andel.population("Hovedstaden", 2026, file=data)
    assert e.value.code == "missing_municipality" and "København (101)" in str(e.value)
    with pytest.raises(andel.InputError):
        andel.population("Nordjylland", 2022, ages=(65, None))


EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_weights_from_an_xlsx_made_by_openpyxl(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Befolkning"
    sheet.append(["Befolkningen 1. januar 2022"])  # a title line above the table
    sheet.append(["Kommune", "Indbyggere"])
    sheet.append(["Hele landet", 5_873_420])
    for code, people in NINE.items():
        sheet.append([andel.municipality(code).name, people])
    sheet.append(["Læsø", 1769])
    sheet.append(["I alt", sum(NINE.values()) + 1769])
    other = book.create_sheet("Andet")
    other.append(["navn", "vægt"])
    other.append(["A", 7.2])
    other.append(["B", 92.8])
    path = tmp_path / "vægte.xlsx"
    book.save(path)
    with pytest.warns(andel.LeftOutWarning, match=r"linje 1 .*titel.*linje 3 .*landstallet.*linje 14"):
        weights = andel.read_excel(path)
    with pytest.warns(andel.LeftOutWarning, match=r"line 1 .*title.*line 3 .*national total.*line 14"):
        andel.read_excel(path, language="en")
    weights.pop("825")
    assert weights == {k: Decimal(v) for k, v in NINE.items()}
    assert andel.allocate(weights, "4275000")["851"]["amount"] == Decimal("1658397.22")
    # A named sheet; 7.2 (a binary float in the file) is read as 7.2.
    assert andel.read_excel(path.read_bytes(), sheet="Andet") == {
        "A": Decimal("7.2"), "B": Decimal("92.8")}
    with pytest.raises(andel.InputError) as e:
        andel.read_excel(path, sheet="Ark9")
    assert e.value.field == "sheet"


def test_the_2_8_workbook_read_back_with_openpyxl(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    doc = json.loads((EXAMPLES / "2.8-cost-split.json").read_text(encoding="utf-8"))
    path = tmp_path / "2.8.xlsx"
    andel.compute(doc).to_excel(path)
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    assert formulas.sheetnames == ["Fordeling", "Forudsætninger"]
    rows = list(values["Fordeling"].iter_rows(values_only=True))
    # The heads are the table's on the screen (the view's, from core's catalogue).
    heads = next(r for r in rows if r[0] == "id" and "indbyggere 2022" in r)
    weight, amount = heads.index("indbyggere 2022"), heads.index("kr., i øre")
    # The low scenario comes first (the high one, 5.590.000, after it).
    by_code: dict = {}
    for r in rows:
        if r[0] and r[0][:1].isdigit():
            by_code.setdefault(r[0], r)
    # Numbers, not text: Aalborg 1.658.397,22, Rebild 229.884,12 (the minutes).
    assert by_code["851"][amount] == pytest.approx(1658397.22, abs=1e-9)
    assert by_code["840"][amount] == pytest.approx(229884.12, abs=1e-9)
    assert isinstance(by_code["851"][weight], int) and by_code["851"][weight] == 221082
    # The parts' table: kommunerne 4.275.000 and the region 1.425.000 (75/25 of 5.700.000).
    # Low: 4.275.000 is 75 %, the region's 25 % is 1.425.000; high: 5.590.000 × 25/75
    # = 1.863.333,33 (to the øre), the whole 7.453.333,33.
    parts = [(r[0], r[amount]) for r in rows if r[0] in ("kommunerne", "region")]
    assert parts == [("kommunerne", 4275000), ("region", 1425000),
                     ("kommunerne", 5590000), ("region", pytest.approx(1863333.33, abs=1e-9))]
    # Each table's total row: a SUM formula whose stored value is the exact total.
    totals = [(i, r) for i, r in enumerate(rows) if r[0] == "i alt"]
    assert [r[amount] for _, r in totals] == [5700000, 4275000,
                                              pytest.approx(7453333.33, abs=1e-9), 5590000]
    sheet = formulas["Fordeling"]
    cells = [sheet.cell(row=i + 1, column=amount + 1) for i, _ in totals]
    assert all(str(c.value).startswith("=SUM(F") for c in cells)
    assert cells[0].number_format.startswith("#,##0")
    # The assumptions on their own sheet, as text.
    notes = [r[0] for r in values["Forudsætninger"].iter_rows(values_only=True) if r[0]]
    for line in doc["assumptions"]:
        assert line in notes
    # Text that looks like a formula stays text.
    risky = {"version": 1, "key": {"weights": [{"id": "=1+1", "name": "=HYPERLINK(\"x\")", "weight": 1}]},
             "scenarios": [{"name": "=2", "total": "1"}]}
    andel.compute(risky).to_excel(path)
    sheet = openpyxl.load_workbook(path)["Fordeling"]
    texts = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str) and c.value.startswith("=")]
    assert [c.value for c in texts if c.data_type != "s"] == [t.value for t in texts if t.value.startswith("=SUM")]
