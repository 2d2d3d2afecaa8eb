"""The language-neutral cases in tests/cases.json, as run by the Rust tests."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

import andel

ROOT = Path(__file__).resolve().parents[2]
CASES = json.loads((ROOT / "tests" / "cases.json").read_text(encoding="utf-8"))["cases"]


def _apportion(case, **kwargs):
    """A case's apportionment in input order; parties with ids given by id."""
    if "ids" not in case:
        return andel.apportion(case["weights"], case["units"], case["method"], **kwargs)
    by_id = andel.apportion(dict(zip(case["ids"], case["weights"])), case["units"], case["method"], **kwargs)
    return [by_id[i] for i in case["ids"]]


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_shared_case(case):
    call = case["call"]
    if call == "split":
        parts = andel.split(case["amount"], case["weights"], unit=case["unit"])
        assert [str(p) for p in parts] == case["expected"]
    elif call == "apportion":
        kwargs = {k: case[k] for k in ("minimum", "first_divisor", "ties") if k in case}
        if "error" in case:
            with pytest.raises(andel.AndelError) as e:
                _apportion(case, **kwargs)
            assert e.value.code == case["error"]
            if "field" in case:
                assert e.value.field == case["field"]
        else:
            assert _apportion(case, **kwargs) == case["expected"]
    elif call == "compute":
        doc = case.get("document_text") or (ROOT / case["document"]).read_text(encoding="utf-8")
        amounts = andel.compute(doc).allocation(case["scenario"]).amounts
        for party, value in case["expected_amounts"].items():
            assert amounts[party] == Decimal(value) and str(amounts[party]) == value
    elif call == "biproportional":
        kwargs = {k: case[k] for k in ("row_totals", "method", "ties") if k in case}
        if "error" in case:
            with pytest.raises(andel.AndelError) as e:
                andel.biproportional(case["table"], case["column_totals"], **kwargs)
            assert e.value.code == case["error"]
            if "field" in case:
                assert e.value.field == case["field"]
        else:
            t = andel.biproportional(case["table"], case["column_totals"], **kwargs)
            assert t == case["expected"]
            assert [sum(r) for r in t] == case["expected_row_totals"]
    else:
        pytest.fail(f"unknown call {call}")


BAD = json.loads((ROOT / "tests" / "bad_inputs.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", BAD, ids=[c["name"] for c in BAD])
def test_bad_input_catalogue(case):
    """Every language refuses the same inputs with the same code and field."""
    call = case["call"]
    with pytest.raises(andel.AndelError) as e:
        if call == "apportion":
            kwargs = {k: case[k] for k in ("minimum", "ties") if k in case}
            _apportion(case, **kwargs)
        elif call == "split":
            andel.split(case["amount"], case["weights"], unit=case["unit"])
        elif call == "compute":
            andel.compute(case["document"])
        elif call == "read_csv":
            andel.read_csv(case["text"])
        else:
            pytest.fail(f"unknown call {call}")
    assert e.value.code == case["error"], str(e.value)
    if "field" in case:
        assert e.value.field == case["field"], str(e.value)
