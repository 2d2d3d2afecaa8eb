"""pytest for the public functions of andel: values worked out by hand or
with exact fractions, bad input for every argument, pandas in and out,
pickling."""

import json
import pickle
from decimal import Decimal
from pathlib import Path

import pytest

import andel

ROOT = Path(__file__).resolve().parents[2]


# ---- apportion -------------------------------------------------------------

def test_apportion_hand_cases():
    # Quotas 3.5, 2.1, 1.4: the 0.5 remainder wins.
    assert andel.apportion([5, 3, 2], 7) == [4, 2, 1]
    votes = [100_000, 80_000, 30_000, 20_000]
    assert andel.apportion(votes, 8, "dhondt") == [4, 3, 1, 0]
    assert andel.apportion(votes, 8, "jefferson") == [4, 3, 1, 0]
    assert andel.apportion(votes, 8, "webster") == [3, 3, 1, 1]
    assert andel.apportion(votes, 8, "largest_remainder") == andel.apportion(votes, 8)
    assert andel.apportion([30, 10], 2, "modified_sainte_lague", first_divisor="0.5") == [1, 1]
    assert andel.apportion([10, 1], 3, "huntington_hill") == [2, 1]
    assert andel.apportion([10, 1], 2, "adams") == [1, 1]
    assert andel.apportion([5, 1], 4, "dean") == [3, 1]
    # Weights may be ints, Decimals or decimal strings.
    assert andel.apportion([Decimal("0.5"), "0.3", 0], 10) == [6, 4, 0]


def test_apportion_mapping_limits_and_ties():
    w = {"A": 1000, "B": 10, "C": 10}
    assert andel.apportion(w, 10, minimum=1) == {"A": 8, "B": 1, "C": 1}
    assert andel.apportion(w, 10, maximum={"A": 5}) == {"A": 5, "B": 3, "C": 2}
    assert andel.apportion([1000, 10, 10], 10, minimum=[0, 1, 1]) == [8, 1, 1]
    assert andel.apportion([1000, 10, 10], 10, minimum={1: 1, 2: 1}) == [8, 1, 1]
    # A tie: order by default, a lot on request, or an error.
    assert andel.apportion([1, 1, 1], 2) == [1, 1, 0]
    assert andel.apportion({"x": 1, "y": 1, "z": 1}, 2, ties=["z", "x", "y"]) == {"x": 1, "y": 0, "z": 1}
    assert andel.apportion([1, 1, 1], 2, ties=[2, 0, 1]) == [1, 0, 1]
    with pytest.raises(andel.TieError) as e:
        andel.apportion({"x": 1, "y": 1, "z": 1}, 2, ties="error")
    assert e.value.code == "tie" and e.value.parties == ["x", "y", "z"]
    # Non-string keys come back as they went in.
    assert andel.apportion({851: 3, 860: 1}, 4) == {851: 3, 860: 1}


@pytest.mark.parametrize("kwargs, cls, field", [
    (dict(weights=[1, -2], seats=3), andel.InputError, "weights[1]"),
    (dict(weights=[1, float("-inf")], seats=3), andel.InvalidNumberError, "weights[1]"),
    (dict(weights=[1, float("nan")], seats=3), andel.InvalidNumberError, "weights[1]"),
    (dict(weights=[1, Decimal("NaN")], seats=3), andel.InvalidNumberError, "weights[1]"),
    (dict(weights=[1, Decimal("Infinity")], seats=3), andel.InvalidNumberError, "weights[1]"),
    (dict(weights=[1, "abc"], seats=3), andel.InvalidNumberError, "weights[1]"),
    (dict(weights=[0, 0], seats=3), andel.InputError, "weights"),
    (dict(weights=[], seats=3), andel.InputError, "weights"),
    (dict(weights=[1, 2], seats=-1), andel.InputError, "seats"),
    (dict(weights=[1, 2], seats=2.0), andel.InputError, "seats"),
    (dict(weights=[1, 2], seats=3, method="borda"), andel.InputError, "method"),
    (dict(weights=[1, 2], seats=3, minimum=-1), andel.InputError, "minimum"),
    (dict(weights=[1, 2], seats=3, minimum=2), andel.InfeasibleError, "minimum"),
    (dict(weights=[1, 2], seats=3, maximum=[1]), andel.InputError, "maximum"),
    (dict(weights=[1, 2], seats=3, first_divisor="1.4"), andel.InputError, "first_divisor"),
    (dict(weights=[1, 2], seats=3, ties="coin"), andel.InputError, "ties"),
    (dict(weights=[1, 2], seats=3, ties=[7]), andel.InputError, "ties.priority[0]"),
    # a set has no order to give results or a priority back in
    (dict(weights={1, 2}, seats=3), andel.InputError, "weights"),
    (dict(weights=frozenset({1, 2}), seats=3), andel.InputError, "weights"),
    (dict(weights=[1, 1], seats=1, ties={0, 1}), andel.InputError, "ties"),
    (dict(weights=10**40, seats=3), andel.InputError, "weights"),
    (dict(weights=[10**40], seats=3), andel.AndelOverflowError, "weights[0]"),
    # the engine's limit for divisor methods is about the seats argument: named so
    (dict(weights=[1, 2], seats=10**12, method="dhondt"), andel.AndelOverflowError, "seats"),
    (dict(weights=[Decimal("1.5"), 2], seats=10**12, method="dhondt"), andel.AndelOverflowError, "seats"),
])
def test_apportion_bad_input(kwargs, cls, field):
    w = kwargs.pop("weights")
    s = kwargs.pop("seats")
    ties = kwargs.get("ties")
    if ties == [7]:
        # the lot names a party that does not exist: only reached on a tie
        w, s = [1, 1], 1
    with pytest.raises(cls) as e:
        andel.apportion(w, s, **kwargs)
    assert isinstance(e.value, andel.AndelError) and isinstance(e.value, ValueError)
    assert e.value.field == field, str(e.value)
    assert field.split("[")[0].split(".")[0] in str(e.value)


# ---- split -------------------------------------------------------------------

def test_split_exact_and_symmetric():
    assert andel.split(Decimal("0.10"), [50, 27, 23]) == [Decimal("0.05"), Decimal("0.03"), Decimal("0.02")]
    assert andel.split("-0.10", [50, 27, 23]) == [Decimal("-0.05"), Decimal("-0.03"), Decimal("-0.02")]
    assert andel.split(Decimal("0.02"), [1, 1, 1]) == [Decimal("0.01"), Decimal("0.01"), Decimal("0.00")]
    parts = andel.split(Decimal("4275000"), {"a": 2, "b": 1}, unit=1000)
    assert parts == {"a": Decimal("2850000"), "b": Decimal("1425000")}
    p = andel.split(Decimal("100"), [1, 1, 1])
    assert sum(p) == Decimal("100") and p[0] == Decimal("33.34")


@pytest.mark.parametrize("kwargs, cls, field", [
    (dict(amount=float("nan"), weights=[1]), andel.InvalidNumberError, "amount"),
    (dict(amount=Decimal("100.005"), weights=[1]), andel.InputError, "amount"),
    (dict(amount=1, weights=[1], unit=0), andel.InputError, "unit"),
    (dict(amount=1, weights=[1], unit=float("inf")), andel.InvalidNumberError, "unit"),
    (dict(amount=1, weights=[-1, 2]), andel.InputError, "weights[0]"),
    (dict(amount=1, weights=[1, 1, 1], ties="error"), andel.TieError, None),
])
def test_split_bad_input(kwargs, cls, field):
    with pytest.raises(cls) as e:
        andel.split(kwargs.pop("amount"), kwargs.pop("weights"), **kwargs)
    assert e.value.field == field


# ---- allocate, explanation, results ------------------------------------------

def test_a_refund_has_quotas_with_its_sign():
    # -100 by 1:2: -33.33 and -66.67; unrounded -33.333… and -66.666… (12 places: 0.01's 2 and 10)
    records = andel.allocate({"A": 1, "B": 2}, Decimal("-100")).to_records()
    assert [r["amount"] for r in records] == [Decimal("-33.33"), Decimal("-66.67")]
    assert [r["quota"] for r in records] == [Decimal("-33.333333333333"), Decimal("-66.666666666667")]
    records = andel.allocate({"A": 1, "B": 2}, Decimal("100")).to_records()
    assert [r["quota"] for r in records] == [Decimal("33.333333333333"), Decimal("66.666666666667")]


def test_allocate_explains_and_pickles():
    a = andel.allocate({"A": 50, "B": 27, "C": 23}, Decimal("0.10"))
    assert a.amounts == {"A": Decimal("0.05"), "B": Decimal("0.03"), "C": Decimal("0.02")}
    # 10 øre by 50:27:23: A 5 exactly, B 2,7 and C 2,3; the øre left goes to B.
    assert a.explain("B").endswith("rundet op til 0,03 kr., fordi resten 0,007000 kr. er den 1. største af 2.")
    assert a.explain("B", language="en").endswith("because the remainder DKK 0,007000 is the 1st largest of 2.")
    andel.set_language("en")
    try:
        assert a.explain("C", numbers="plain").endswith("is only the 2nd largest of 2.")
        assert "share %" in a.table() and "andel %" in a.table(language="da")
        assert "<th>share %</th>" not in a._repr_html_() and "share %" in a._repr_html_()
    finally:
        andel.set_language("da")
    with pytest.raises(andel.InputError) as err:
        andel.set_language("de")
    assert err.value.field == "language"
    assert a["C"]["rounding"] == "down"
    assert pickle.loads(pickle.dumps(a)) == a
    assert "i alt" in repr(a) and "<table>" in a._repr_html_()
    # money's HTML shows amounts, right-aligned, never the øre units behind them
    money = andel.allocate({"A": 1, "B": 2}, "4275000")._repr_html_()
    assert '<td style="text-align: right">2.850.000,00</td>' in money and "285000000" not in money
    assert '<th style="text-align: right">kr., i øre</th>' in money
    assert "<th>units</th>" not in money
    with pytest.raises(andel.InputError):
        a.explain("Z")
    places = andel.allocate([1000, 10, 10], 10, seats=True, minimum=1)
    assert places.units == {"0": 8, "1": 1, "2": 1}
    assert places["1"]["rounding"] == "minimum"
    csv = places.to_csv("danish_excel")
    assert csv.startswith("\ufeff#;10 pladser fordelt efter største brøk (Hamilton)\nid;navn;vægt") and "\ni alt;" in csv
    assert places.to_csv("danish_excel", "en").startswith("\ufeff#;10 places apportioned")


def test_compute_case_2_8_and_result_api():
    doc = json.loads((ROOT / "examples" / "2.8-self-harm-offer.json").read_text(encoding="utf-8"))
    r = andel.compute(doc)
    assert r.scenarios == ["lav", "høj"]
    low = r.allocation("lav")
    assert low.amounts["851"] == Decimal("1658397.22")
    assert low.amounts["825"] == Decimal("0.00")
    assert sum(low.amounts.values()) == Decimal("4275000.00")
    assert r.allocation(1).amounts["851"] == Decimal("2168524.08")
    years = r.years()
    assert sorted(years) == [1, 2, 3]
    assert years[1].amounts["851"] == Decimal("829198.61")
    cmp = r.comparison()
    assert all(row["change"] == row["amount_other"] - row["amount_base"] for row in cmp)
    assert "Aalborg" in r.explain("851")
    assert pickle.loads(pickle.dumps(r)) == r
    # JSON text works too; a float in a dict is the decimal it shows, NaN is refused at its path.
    assert andel.compute((ROOT / "examples" / "2.4-dk2020.json").read_text(encoding="utf-8")).allocation().amounts["851"] == Decimal("74349")
    doc["scenarios"][0]["total"] = 4275000.0
    assert andel.compute(doc).allocation("lav").amounts["851"] == Decimal("1658397.22")
    doc["scenarios"][0]["total"] = float("nan")
    with pytest.raises(andel.InvalidNumberError) as e:
        andel.compute(doc)
    assert e.value.field == "scenarios[0].total"


def test_compute_nest_and_document_errors():
    r = andel.compute((ROOT / "examples" / "2.9-sosu-assistant.json").read_text(encoding="utf-8"))
    assert r.allocation().units["Nordjylland"] == 610
    assert sum(r.members("Nordjylland").units.values()) == 610
    with pytest.raises(andel.DocumentError) as e:
        andel.compute({"version": 1, "key": {"regions": {"year": 2022}, "colour": 1}, "scenarios": []})
    assert e.value.field == "key.colour"
    with pytest.raises(andel.UnknownYearError) as e:
        andel.compute({"version": 1, "key": {"regions": {"year": 2019}}, "scenarios": [{"name": "x", "total": "1"}]})
    assert 2025 in e.value.available
    with pytest.raises(andel.InputError) as e:
        andel.compute({"version": 1, "key": {"regions": {"year": 2022}, "fixed": [{"id": "r", "share": "1.2"}]},
                       "scenarios": [{"name": "x", "total": "1"}]})
    assert e.value.field == "key.fixed[0].share"
    with pytest.raises(andel.DocumentError):
        andel.compute(42)


# ---- data and CSV -------------------------------------------------------------

def test_municipalities_and_population():
    assert andel.municipality("Høje Tåstrup").code == "169"
    assert andel.municipality(851).name == "Aalborg"
    assert len(andel.municipalities()) == 98
    assert len(andel.municipalities("Region Nordjylland")) == 11
    assert sum(andel.population("Nordjylland", 2022).values()) == 591_740
    assert andel.region_population(2022)["Nordjylland"] == 591_740
    assert andel.years() == [2020, 2021, 2022, 2023, 2024, 2025]
    with pytest.raises(andel.UnknownMunicipalityError) as e:
        andel.municipality("Aalborgg")
    assert any("Aalborg" in s for s in e.value.suggestions)
    with pytest.raises(andel.UnknownYearError):
        andel.population("Nordjylland", 2019)
    with pytest.raises(andel.InputError):
        andel.municipalities("Atlantis")


def test_population_without_a_year_is_the_newest_as_on_the_command_line():
    # One rule in core: the newest embedded year, 2025, as `andel
    # municipalities --region Nordjylland` and JS take it. The sums are the
    # Nordjylland rows of core/data/population_municipalities_2020_2025.csv
    # added with awk: 592,768 on 1 January 2025, 591,740 in 2022.
    p = andel.population("Nordjylland")
    assert sum(p.values()) == 592_768 and p.year == 2025
    assert andel.population("Nordjylland", 2022).year == 2022
    r = andel.region_population()
    assert r.year == 2025 and r["Nordjylland"] == 592_768
    # The table says the year used, as the command line's does.
    assert "indbyggere 2025" in andel.allocate(p, "100").table()
    assert "population 2022" in andel.allocate(andel.population("Nordjylland", 2022), 10,
                                                seats=True).table(language="en")
    assert "indbyggere" not in andel.allocate(dict(p), "100").table()  # a plain dict: no year


def test_allocate_names_its_total_argument_in_errors():
    # F14's kind of slip: 100.005 kr. is 10.000,5 øre, no whole number of
    # units; allocate()'s argument is `total`, so the error says `total`.
    with pytest.raises(andel.InputError) as e:
        andel.allocate({"A": 1, "B": 2}, "100.005")
    assert (e.value.code, e.value.field) == ("not_multiple_of_unit", "total")


def test_population_carries_names_and_a_misspelt_region_names_the_closest():
    p = andel.population("Nordjylland", 2022)
    assert isinstance(p, dict) and p["851"] == 221_082 and p.names["825"] == "Læsø"
    frame = andel.allocate(p, "591740").to_pandas()
    assert frame.loc["851", "name"] == "Aalborg" and frame.loc["851", "amount"] == Decimal("221082.00")
    assert andel.allocate(p, "100")["Aalborg"]["name"] == "Aalborg"
    # names= still wins over the population's own
    assert andel.allocate(p, "100", names={"851": "AAL"})["851"]["name"] == "AAL"
    assert andel.region_population(2022).names["Sjælland"].endswith("Sjælland")
    with pytest.raises(andel.InputError) as e:
        andel.population("Nordjyland")
    assert e.value.field == "region" and "did you mean Nordjylland?" in str(e.value)


def test_read_csv_text_and_file(tmp_path):
    text = "\ufeffOmråde;Befolkning\nHele landet;5.873.420\n851 Aalborg;221.082\nLæsø;1.769\n"
    # The national total is left out, and a warning says which line.
    with pytest.warns(andel.LeftOutWarning, match=r'udeladt linje 2 «Hele landet;5\.873\.420» \(landstallet\)'):
        assert andel.read_csv(text) == {"851": Decimal("221082"), "825": Decimal("1769")}
    with pytest.warns(andel.LeftOutWarning, match=r'left out line 2 "Hele landet;5\.873\.420" \(the national total\)'):
        assert andel.read_csv(text, language="en") == {"851": Decimal("221082"), "825": Decimal("1769")}
    f = tmp_path / "w.csv"
    f.write_text("navn;vægt\nA;1,5\nB;2\n", encoding="utf-8")
    assert andel.read_csv(f) == {"A": Decimal("1.5"), "B": Decimal("2")}
    with pytest.raises(andel.CsvError) as e:
        andel.read_csv("navn;vægt\nA;1\nB;x\n")
    assert (e.value.line, e.value.column) == (3, "vægt")
    assert andel.danish(Decimal("1658397.22")) == "1.658.397,22"


# ---- pandas ----------------------------------------------------------------------

def test_pandas_in_and_out():
    pd = pytest.importorskip("pandas")
    s = pd.Series({"851": 221082, "860": 63839}, name="pop")
    out = andel.apportion(s, 10)
    assert isinstance(out, pd.Series) and out.to_dict() == {"851": 8, "860": 2}
    parts = andel.split(Decimal("100"), s)
    assert parts.sum() == Decimal("100")
    # A float column is read as the decimals it shows: 1.5:2.5 for 3 is 1.125, 1.875 → 1, 2.
    assert andel.apportion(pd.Series([1.5, 2.5]), 3).tolist() == [1, 2]
    with pytest.raises(andel.InvalidNumberError) as e:
        andel.apportion(pd.Series([221082.0, float("nan")]), 3)
    assert e.value.field == "weights[1]"
    df = andel.compute((ROOT / "examples" / "2.4-dk2020.json").read_text(encoding="utf-8")).to_pandas()
    assert list(df.columns[:3]) == ["scenario", "part", "id"]
    assert df["amount"].sum() == Decimal("199000")
    frame = andel.allocate(s, Decimal("100")).to_pandas()
    # 10,000 øre × 221082/284921 = 7759.45…, 860: 2240.54…; the øre left goes to 860.
    assert frame.loc["851", "amount"] == Decimal("77.59")
    assert frame.loc["860", "amount"] == Decimal("22.41")


def test_errors_pickle():
    try:
        andel.apportion([1, -1], 2)
    except andel.InputError as e:
        again = pickle.loads(pickle.dumps(e))
        assert type(again) is andel.InputError and again.field == e.field and again.code == "negative_weight"


@pytest.mark.parametrize("call, cls, field", [
    (lambda: andel.allocate([1, 2], float("nan")), andel.InvalidNumberError, "total"),  # allocate(weights, total)
    (lambda: andel.allocate([1, 2], 3, seats=True, method="x"), andel.InputError, "method"),
    (lambda: andel.allocate({"a": 1, "b": -1}, 3), andel.InputError, "weights[1]"),
    (lambda: andel.danish(float("inf")), andel.InvalidNumberError, "value"),
    (lambda: andel.read_csv("a;b\n"), andel.CsvError, None),
    # A column named in a file without a header: refused, never ignored.
    (lambda: andel.read_csv("A;1\nB;2\n", header=False, weight="vægt"), andel.InputError, "weight"),
    (lambda: andel.population("Nordjylland", 1999), andel.UnknownYearError, "year"),
    (lambda: andel.compute({"version": 1, "key": {"regions": {"year": 2022}},
                            "scenarios": [{"name": "x", "total": "1"}], "actual": {"Q": 1}}),
     andel.InputError, "actual.Q"),
])
def test_more_bad_input(call, cls, field):
    with pytest.raises(cls) as e:
        call()
    assert e.value.field == field, str(e.value)


def test_floats_are_the_decimals_they_show():
    # 0.072 is Decimal("0.072") (not 0.0719999…): the region's 7.2 % of 1000 is 72.00.
    assert andel.split(Decimal("1000"), [0.072, 0.928]) == [Decimal("72.00"), Decimal("928.00")]
    assert andel.split(1000.0, [43089.0, 36194.0], unit=1.0) == [Decimal("543"), Decimal("457")]
    for bad in (float("nan"), float("inf"), -float("inf")):
        with pytest.raises(andel.InvalidNumberError) as e:
            andel.apportion([1, bad], 3)
        assert e.value.field == "weights[1]"
        assert "NaN and infinity are not numbers" in str(e.value)
    # A Decimal with more digits than andel holds is an error, never rounded.
    with pytest.raises(andel.InvalidNumberError):
        andel.apportion([Decimal("0.5"), Decimal("0.50000000000000000000000000001")], 1)
    andel.set_strict(True)
    try:
        with pytest.raises(andel.InvalidNumberError) as e:
            andel.split(Decimal("1000"), [0.072, 0.928])
        assert e.value.field == "weights[0]"
    finally:
        andel.set_strict(False)


def test_numpy_scalars_are_numbers():
    np = pytest.importorskip("numpy")
    assert andel.apportion([np.int64(3), np.int32(1)], np.int64(4)) == [3, 1]
    assert andel.split(Decimal("1"), [np.float64(0.5), np.float32(0.5)]) == [Decimal("0.50"), Decimal("0.50")]
    with pytest.raises(andel.InvalidNumberError):
        andel.apportion([np.float64("nan"), 1], 3)
    with pytest.raises(andel.AndelError) as e:
        andel.apportion([1, 1], 2**64)
    assert e.value.field == "seats" and "2^64" in str(e.value)


def test_split_table_adds_up_both_ways():
    # 4.275.000 kr. by population (Thisted 43.089, Aalborg 221.082) and over
    # three years 50/30/20: rows are the 1-D split, columns 2.137.500 … 855.000.
    rows = {"787": 43089, "851": 221082}
    years = {2023: Decimal("0.5"), 2024: Decimal("0.3"), 2025: Decimal("0.2")}
    t = andel.split_table(Decimal("4275000"), rows, years)
    one_way = andel.split(Decimal("4275000"), rows)
    for r in rows:
        assert sum(t[r].values()) == one_way[r]
    assert [sum(t[r][y] for r in rows) for y in years] == [Decimal("2137500.00"), Decimal("1282500.00"), Decimal("855000.00")]
    plain = andel.split_table(Decimal("100"), [1, 1, 1], [1, 1])
    assert [sum(r) for r in plain] == [Decimal("33.34"), Decimal("33.33"), Decimal("33.33")]
    assert [sum(c) for c in zip(*plain)] == [Decimal("50.00"), Decimal("50.00")]
    with pytest.raises(andel.InputError) as e:
        andel.split_table(Decimal("100"), [1, -1], [1])
    assert e.value.field == "row_weights[1]"


def test_results_show_the_documents_assumptions():
    r = andel.compute((ROOT / "examples" / "2.4-dk2020.json").read_text(encoding="utf-8"))
    assert r.assumptions and "antagelse" in r.assumptions[0]
    assert r.assumptions[0] in repr(r)
    assert "Forudsætninger:" in r._repr_html_() and "Forudsætninger:" in repr(r)
    assert "Assumptions:" in r.text("en") and "Assumptions:" in r.view("en")["assumptions_heading"]


def test_what_a_csv_left_out_is_said_in_the_results_language():
    doc = {"version": 1, "assumptions": ["Befolkning 2022."],
           "key": {"csv": {"text": "OMRÅDE;TID;INDHOLD\nHele landet;2022K1;5873420\n"
                                   "Aalborg;2022K1;221082\nLæsø;2022K1;1769\n"}},
           "scenarios": [{"name": "s", "total": "100"}]}
    r = andel.compute(doc)
    # As data in the result, in words in the view (Danish unless asked).
    assert r.data["read_notes"] == [{"at": "key.csv", "note": {
        "kind": "left_out", "line": 2, "text": "Hele landet;2022K1;5873420", "why": "national_total"}}]
    da = "CSV-vægtene: udeladt linje 2 «Hele landet;2022K1;5873420» (landstallet)."
    en = 'The CSV weights: left out line 2 "Hele landet;2022K1;5873420" (the national total).'
    assert r.assumptions == ["Befolkning 2022.", da]
    assert r.view()["assumptions"][1] == da and da in r.text() and da in repr(r)
    assert "«Hele landet;2022K1;5873420» (landstallet)" in r._repr_html_()
    assert r.view("en")["assumptions"][1] == en and en in r.text("en")
    # 100 × 221082/222851 = 99,206… → 99,21 kr.
    assert r.allocation(0)["851"]["amount"] == Decimal("99.21")


def test_exclude_and_every_argument_counts():
    pop = andel.population("Nordjylland", 2022)
    low = andel.split(Decimal("4275000.00"), pop, exclude=["Læsø", "Morso"])
    assert low["851"] == Decimal("1658397.22") and low["825"] == Decimal("0.00")
    a = andel.allocate(pop, Decimal("4275000.00"), exclude=["825", "Morsø"])
    assert a.amounts["851"] == Decimal("1658397.22")
    assert andel.apportion(pop, 10, exclude="Aalborg")["851"] == 0
    with pytest.raises(andel.UnknownMunicipalityError) as e:
        andel.split(Decimal("1"), pop, exclude=["Rebld"])
    assert e.value.field == "exclude[0]" and "Rebild" in str(e.value)
    for kwargs, field in ((dict(method="dhondt"), "method"), (dict(minimum=1), "minimum"),
                          (dict(first_divisor="1.4"), "first_divisor")):
        with pytest.raises(andel.InputError) as e:
            andel.allocate({"A": 1, "B": 2}, "3", **kwargs)
        assert e.value.field == field
    with pytest.raises(andel.InputError) as e:
        andel.allocate({"A": 1, "B": 2}, 3, seats=True, unit="1")
    assert e.value.field == "unit"
    with pytest.raises(andel.InputError) as e:
        andel.allocate({"A": 1, "B": 2}, "3", seats=True)
    assert e.value.field == "total"
    with pytest.raises(andel.InputError) as e:
        andel.allocate({"A": 1, "B": 2}, "3", names={"C": "Gamma"})
    assert e.value.field == "names.C"


def test_forgiving_look_ups_and_keyerrors_that_say_what_exists():
    r = andel.compute((ROOT / "examples" / "2.8-self-harm-offer.json").read_text(encoding="utf-8"))
    low = r.allocation("lav")
    assert "Aalborg" in low.explain("Aalborg") and low["aalborg"]["id"] == "851"
    assert low["Vesthimmerland"]["id"] == "820"
    with pytest.raises(KeyError) as e:
        low["Aalborgg"]
    assert "Aalborg (851)" in str(e.value)
    with pytest.raises(KeyError) as e:
        r.allocation("low")
    assert "lav" in str(e.value) and "høj" in str(e.value)
    plain = andel.compute((ROOT / "examples" / "2.4-dk2020.json").read_text(encoding="utf-8"))
    for ask in (plain.years, plain.comparison, plain.attainment, plain.parts):
        with pytest.raises(KeyError) as e:
            ask()
        assert "this document has no" in str(e.value)
    sosu = andel.compute((ROOT / "examples" / "2.9-sosu-assistant.json").read_text(encoding="utf-8"))
    assert sosu.members("KKR Nordjylland").units == sosu.members("Nordjylland").units


def test_compute_takes_a_path_and_refuses_what_is_not_json(tmp_path):
    import pathlib
    doc = ROOT / "examples" / "2.4-dk2020.json"
    assert andel.compute(doc).allocation().amounts["851"] == Decimal("74349")
    assert andel.compute(str(doc)).allocation().amounts["851"] == Decimal("74349")
    # csv.path is read from the document's own folder.
    (tmp_path / "w.csv").write_text("navn;vægt\nA;3\nB;1\n", encoding="utf-8")
    (tmp_path / "d.json").write_text(json.dumps({"version": 1, "key": {"csv": {"path": "w.csv"}},
                                                 "rounding": {"places": {}}, "scenarios": [{"name": "x", "total": 8}]}),
                                     encoding="utf-8")
    assert andel.compute(pathlib.Path(tmp_path / "d.json")).allocation().units == {"A": 6, "B": 2}
    for bad, field in (({"version": 1, "scenarios": {1, 2}}, "scenarios"),
                       ({"version": 1, "title": "\ud800", "scenarios": []}, "document")):
        with pytest.raises(andel.DocumentError) as e:
            andel.compute(bad)
        assert e.value.field == field
    deep: dict = {"version": 1}
    for _ in range(200):
        deep = {"a": deep}
    with pytest.raises(andel.DocumentError):
        andel.compute(deep)


def test_one_vocabulary_in_every_view():
    r = andel.compute((ROOT / "examples" / "2.8-self-harm-offer.json").read_text(encoding="utf-8"))
    low = r.allocation("lav")
    laeso = low["Læsø"]
    assert laeso["rounding"] == "excluded" and laeso["basis"] == "excluded"
    assert laeso["quota"] == 0 and str(laeso["quota"]) == "0"
    assert laeso["remainder_rank"] is None
    # Views for people say it in their language, from core's catalogue; the
    # records and the DataFrame keep the stable identifier.
    assert "deltager ikke" in repr(low) and "deltager ikke" in low._repr_html_()
    assert "excluded" in low.table(language="en")
    pd = pytest.importorskip("pandas")
    frame = low.to_pandas()
    assert str(frame["remainder_rank"].dtype) == "Int64"
    assert frame.loc["825", "rounding"] == "excluded"


def test_every_bad_argument_is_an_andel_error_naming_it(tmp_path):
    # Bytes and a Latin-1 file are read now (issue 28), the file's
    # encoding said with a ReadWarning.
    latin = tmp_path / "latin1.csv"
    latin.write_bytes("navn;vægt\nÅ;1\n".encode("latin-1"))
    with pytest.warns(andel.ReadWarning, match="Windows-1252"):
        assert andel.read_csv(latin) == {"Å": Decimal("1")}
    assert andel.read_csv(b"a;1\n") == {"a": Decimal("1")}
    cases = [
        (lambda: andel.read_csv(None), "source"),
        (lambda: andel.read_csv(tmp_path), "source"),
        (lambda: andel.read_csv(b"\xff\xfeA"), "source"),
        (lambda: andel.apportion([1, 2], 3, None), "method"),
        (lambda: andel.apportion([1, 2], 3, 5), "method"),
        (lambda: andel.apportion([1, 2], 3, ties=5), "ties"),
        (lambda: andel.population("Nordjylland", 2**40), "year"),
        (lambda: andel.population("Nordjylland", "2022"), "year"),
        (lambda: andel.Allocation("nope"), "json_text"),
        (lambda: andel.danish(1, -1), "places"),
    ]
    for call, field in cases:
        with pytest.raises(andel.AndelError) as e:
            call()
        assert e.value.field == field, (field, str(e.value))


def test_biproportional_worked_examples_and_shapes():
    # en.wikipedia.org "Biproportional apportionment": regions of 7, 5, 8 seats;
    # the parties' 5, 11, 4 seats come from their summed votes by Sainte-Laguë.
    votes = [[123, 45, 815], [912, 714, 414], [312, 255, 215]]
    assert andel.biproportional(votes, [7, 5, 8]) == [[1, 0, 4], [4, 4, 3], [2, 1, 1]]
    assert andel.biproportional(votes, [7, 5, 8], row_totals=[5, 11, 4]) == [[1, 0, 4], [4, 4, 3], [2, 1, 1]]
    # D'Hondt rounds down: a different table with the same margins given.
    dh = andel.biproportional(votes, [7, 5, 8], row_totals=[5, 11, 4], method="dhondt")
    assert [sum(r) for r in dh] == [5, 11, 4] and [sum(c) for c in zip(*dh)] == [7, 5, 8]
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(votes, index=["A", "B", "C"], columns=["I", "II", "III"])
    out = andel.biproportional(frame, pd.Series({"III": 8, "I": 7, "II": 5}))
    assert out.loc["B"].tolist() == [4, 4, 3] and list(out.columns) == ["I", "II", "III"]
    # Floats from pandas are read by their digits, like everywhere else.
    assert andel.biproportional(frame.astype(float), [7, 5, 8]).values.tolist() == [[1, 0, 4], [4, 4, 3], [2, 1, 1]]


def test_biproportional_ties_and_bad_input():
    with pytest.warns(andel.TieWarning, match=r"\(0, 0\)"):
        assert andel.biproportional([[1, 1], [1, 1]], [1, 1]) == [[1, 0], [0, 1]]
    with pytest.raises(andel.TieError):
        andel.biproportional([[1, 1], [1, 1]], [1, 1], ties="error")
    for call, field in [
        (lambda: andel.biproportional([[1, 2], [3]], [1, 1]), "weights[1]"),
        (lambda: andel.biproportional([[1, -2]], [1, 1]), "weights[0][1]"),
        (lambda: andel.biproportional([[1, float("inf")]], [1, 1]), "weights[0][1]"),
        (lambda: andel.biproportional([[1, 2]], [1, -1]), "column_totals[1]"),
        (lambda: andel.biproportional([[1, 2]], [1, 1], row_totals=[3]), "row_totals"),
        (lambda: andel.biproportional([[1, 2]], [1, 1], method="hamilton"), "method"),
        (lambda: andel.biproportional([[1, 2]], [1, 1], method=5), "method"),
        (lambda: andel.biproportional([[1, 2]], [1, 1], ties=[0]), "ties"),
        (lambda: andel.biproportional("12", [1, 1]), "weights"),
        # A row must be a list: text is not its characters, a mapping not its
        # keys, a number not a row, and rows or totals in a set have no order.
        (lambda: andel.biproportional(["12", [3, 4]], [2, 2]), "weights[0]"),
        (lambda: andel.biproportional([{"a": 1, "b": 2}, [3, 4]], [2, 2]), "weights[0]"),
        (lambda: andel.biproportional([5, [3, 4]], [2, 2]), "weights[0]"),
        (lambda: andel.biproportional({(1, 2), (3, 4)}, [2, 2]), "weights"),
        (lambda: andel.biproportional([[1, 2], [3, 4]], frozenset({2, 3})), "column_totals"),
        (lambda: andel.biproportional([[1, 2], [3, 4]], [2, 2], row_totals={1, 3}), "row_totals"),
        (lambda: andel.biproportional([[1, 2]], {"a": 1}), "column_totals"),
        (lambda: andel.biproportional([[1, 0], [0, 1]], [2, 0], row_totals=[1, 1]), "weights[1]"),
    ]:
        with pytest.raises(andel.AndelError) as e:
            call()
        assert e.value.field == field, (field, e.value)


def test_numpy_integer_arrays_take_the_buffer_path():
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(7)
    w = rng.integers(0, 50, 500)  # small weights: many exact ties
    for method in ("hamilton", "dhondt", "sainte_lague", "huntington_hill"):
        for seats in (0, 7, 499, 5000):
            got = andel.apportion(w, seats, method)
            assert isinstance(got, np.ndarray) and got.dtype == np.int64 and got.flags.writeable
            # The same units as the general path from Decimals.
            assert got.tolist() == andel.apportion([Decimal(int(x)) for x in w], seats, method)
    assert andel.apportion(np.array([5, 3, 2], dtype=np.uint16), 7).tolist() == [4, 2, 1]
    assert andel.apportion(np.array([1, 1, 1]), 2, minimum=0).tolist() == [1, 1, 0]
    with pytest.raises(andel.InputError) as e:
        andel.apportion(np.array([1, -2, 3]), 3)
    assert e.value.code == "negative_weight" and e.value.field == "weights[1]"
    with pytest.raises(andel.TieError):
        andel.apportion(np.array([1, 1, 1]), 2, ties="error")
    with pytest.raises(andel.AndelError) as e:
        andel.apportion(np.array([1, 2]), -1)
    assert e.value.field == "seats"
    pd = pytest.importorskip("pandas")
    s = pd.Series([5, 3, 2], index=["a", "b", "c"], name="pop")
    out = andel.apportion(s, 7)
    assert out.to_dict() == {"a": 4, "b": 2, "c": 1} and out.name == "pop"


def test_split_outputs_and_buffers():
    # 0.10 by 50:27:23 is 0.05, 0.03, 0.02 (largest remainder, by hand).
    assert andel.split(Decimal("0.10"), [50, 27, 23], output="str") == ["0.05", "0.03", "0.02"]
    assert andel.split(Decimal("-0.10"), [50, 27, 23], output="units") == [-5, -3, -2]
    assert andel.split(Decimal("0.10"), {"a": 50, "b": 27, "c": 23}, output="units") == {"a": 5, "b": 3, "c": 2}
    with pytest.raises(andel.InputError) as e:
        andel.split(Decimal("0.10"), [1], output="cents")
    assert e.value.field == "output"
    np = pytest.importorskip("numpy")
    w = np.random.default_rng(3).integers(0, 40, 300)
    for amount in (Decimal("4275000.00"), Decimal("-12.34"), Decimal("0.07")):
        general = andel.split(amount, [int(x) for x in w])
        assert andel.split(amount, w) == general
        texts = andel.split(amount, w, output="str")
        assert texts.dtype.kind == "U" and texts.tolist() == [str(p) for p in general]
        units = andel.split(amount, w, output="units")
        assert units.dtype == np.int64 and units.tolist() == [int(p * 100) for p in general]
    with pytest.raises(andel.InputError) as e:
        andel.split(Decimal("1"), np.array([1, -1]))
    assert e.value.field == "weights[1]"
    # a Series keeps its index; an empty array gives an empty one
    pd = pytest.importorskip("pandas")
    s = andel.split("0.10", pd.Series([50, 27, 23], index=["a", "b", "c"]), output="str")
    assert s.to_dict() == {"a": "0.05", "b": "0.03", "c": "0.02"}
    with pytest.raises(andel.AndelError):
        andel.split("1", np.array([], dtype=np.int64), output="str")


def test_numpy_bools_are_not_numbers():
    np = pytest.importorskip("numpy")
    for weights in (np.array([True, False]), [np.bool_(True), 1]):
        with pytest.raises(andel.InvalidNumberError) as e:
            andel.apportion(weights, 1)
        assert e.value.field == "weights[0]" and "a bool is not a number" in str(e.value)


def test_weights_of_the_wrong_shape_are_named():
    np = pytest.importorskip("numpy")
    pd = pytest.importorskip("pandas")
    # A Series whose index repeats a label: refused on every path (integer
    # weights take the buffer path, others the general one).
    for values in ([1, 2], [1.5, 2.0]):
        s = pd.Series(values, index=["a", "a"])
        for call in (lambda: andel.apportion(s, 4), lambda: andel.split("1", s)):
            with pytest.raises(andel.InputError) as e:
                call()
            assert e.value.code == "duplicate_party" and e.value.field == "weights"
    # A DataFrame is not one column of weights.
    with pytest.raises(andel.InputError) as e:
        andel.apportion(pd.DataFrame({"w": [1, 2]}), 4)
    assert e.value.field == "weights" and "df['population']" in str(e.value)
    # A row of a 2-d array is not a number (it was once called too large).
    with pytest.raises(andel.InvalidNumberError) as e:
        andel.apportion(np.array([[1, 2], [3, 4]]), 4)
    assert e.value.field == "weights[0]"
    # A NumPy integer scalar and a 0-d array are numbers.
    assert andel.apportion([np.int64(3), np.array(5)], 4) == [2, 2]


def test_explain_finds_a_party_in_a_cost_split_and_a_nest():
    r = andel.compute((ROOT / "examples" / "2.8-cost-split.json").read_text(encoding="utf-8"))
    # Aalborg is in the municipalities' part, not between the parts: 1.658.397,22 (minutes).
    why = r.explain("Aalborg", "lav")
    # 221.082 / 569.903 × 4.275.000,00 = 1.658.397,218474 kr.; Aalborg's øre remainder is the
    # second largest of the nine (worked out apart: weight × 427.500.000 mod 569.903).
    assert why == ("del kommunerne: Aalborg: 221.082 af 569.903 indbyggere (38,7929 %) af 4.275.000,00 kr. giver "
                   "1.658.397,218474 kr.; rundet op til 1.658.397,22 kr., fordi resten 0,008474 kr. "
                   "er den 2. største af 9."), why
    assert r.explain("region").endswith("det går op, så den får 1.425.000,00 kr.")
    assert r.explain("region", language="en", numbers="plain").endswith("that is exact, so it gets DKK 1425000.00.")
    with pytest.raises(andel.UnknownMunicipalityError) as e:
        r.explain("Aalborgg")
    assert "Aalborg" in str(e.value)


# ---- the meeting's summary --------------------------------------------------

def test_summary_of_the_minutes_per_municipality():
    results = [andel.compute(p) for p in sorted((ROOT / "examples").glob("*.json"))]
    s = andel.summary(results)
    # Kroner: Aalborg pays 74.349 (2.4) + 1.658.397,22 (2.8 low) =
    # 1.732.746,22, or with 2.8 high (2.168.524,08) 2.242.873,08.
    aalborg = s.rows["851"]
    assert aalborg["2.4 DK2020"] == Decimal("74349")
    # The totals' heads are core's catalogue's, Danish by default, as the
    # meeting's table in `andel report` heads them.
    assert aalborg["i alt, laveste scenarier"] == Decimal("1732746.22")
    assert aalborg["i alt, højeste scenarier"] == Decimal("2242873.08")
    assert s.columns[-2:] == ["i alt, laveste scenarier", "i alt, højeste scenarier"]
    en = andel.summary(results, language="en")
    assert en.columns[-2:] == ["total, lowest scenarios", "total, highest scenarios"]
    assert en.rows["851"]["total, highest scenarios"] == Decimal("2242873.08")
    assert pickle.loads(pickle.dumps(en)).columns == en.columns
    # Places by case and programme, never added: reading A 228, B 164.
    assert aalborg["2.9 A Social- og sundhedsassistent"] == Decimal(228)
    assert aalborg["2.9 B Social- og sundhedsassistent"] == Decimal(164)
    assert s.units["2.12 pædagogpraktik"] == "lønnede praktikpladser på pædagoguddannelsen"
    assert s.units["i alt, laveste scenarier"] == "kr."
    assert s.names["825"] == "Læsø"
    assert len(s.rows) == 11
    assert pickle.loads(pickle.dumps(s)) == s
    frame = s.to_pandas()
    assert frame.loc["825", "i alt, højeste scenarier"] == Decimal("595")
    assert frame.loc["851", "name"] == "Aalborg"
    # Only results count: anything else is refused with its index.
    with pytest.raises(andel.DocumentError) as e:
        andel.summary([results[0], {"scenarios": []}])
    assert e.value.field == "results[1]"


def test_status_total_of_the_minutes():
    # 2021: 5.753 + 3.496 = 9.249 against 6.000 + 3.000 = 9.000 (our
    # reading): +249, 249/9.000 = 2,77 %; the actual column is "elever 2021".
    r = andel.compute(ROOT / "examples" / "2.9-status-2021.json")
    total = r.attainment_total()
    assert (total["dimensioned"], total["actual"], total["difference"], total["percent"]) == (
        Decimal(9000), Decimal(9249), Decimal(249), Decimal("2.77"))
    assert r.data["actual_label"] == "elever 2021"
    with pytest.raises(KeyError):
        andel.compute(ROOT / "examples" / "2.4-dk2020.json").attainment_total()
