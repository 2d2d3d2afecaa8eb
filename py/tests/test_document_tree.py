"""A document given as a dict goes to core as its JSON tree (py/src/tree.rs):
each rule of the walk, and that errors name the field."""

import enum
import types
from decimal import Decimal

import pytest

import andel


def doc(a, b, total=3):
    """Two parties weighted a and b sharing `total` kroner (to the øre)."""
    return {"version": 1, "key": {"weights": [{"id": "A", "weight": a}, {"id": "B", "weight": b}]},
            "scenarios": [{"name": "x", "total": total}]}


def amounts(d):
    return andel.compute(d).allocation().amounts


def refused(d, error=andel.AndelError):
    with pytest.raises(error) as e:
        andel.compute(d)
    return e.value


def test_a_decimal_is_read_exactly():
    # 3 kr. by 0.1 : 0.2 is exactly 1.00 and 2.00 (0.1/0.3 = 1/3 of 3).
    assert amounts(doc(Decimal("0.1"), Decimal("0.2"))) == {"A": Decimal("1.00"), "B": Decimal("2.00")}
    # 28 decimals fit; one more digit than a decimal holds is refused, not rounded.
    e = refused(doc(Decimal("0.5"), Decimal("0.50000000000000000000000000001")))
    assert (e.code, e.field) == ("invalid_number", "key.weights[1].weight")


def test_a_float_is_its_shortest_repr():
    # 0.1 and 0.2 as floats read as "0.1" and "0.2": the same exact split.
    assert amounts(doc(0.1, 0.2, 3.0)) == {"A": Decimal("1.00"), "B": Decimal("2.00")}
    # 1/3 as a float is 0.3333333333333333 (16 threes), not the binary value's
    # 54 digits: 1 kr. by 0.3333333333333333 : 0.6666666666666666 gives B twice A
    # to the øre, 0.33 and 0.67 (0.666…6/0.999…9 of 1 kr. = 0.6667 rounds to 0.67).
    assert amounts(doc(1 / 3, 2 / 3, 1)) == {"A": Decimal("0.33"), "B": Decimal("0.67")}


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_nan_and_infinity_are_refused_at_their_field(bad):
    e = refused(doc(1, bad))
    assert (e.code, e.field) == ("invalid_number", "key.weights[1].weight")


def test_subclasses_are_read_by_value_not_by_their_str():
    class Money(Decimal):
        def __str__(self):
            return "999.00"

    class Shown(float):
        def __str__(self):
            return "999"

        __repr__ = __str__

    class Count(enum.IntEnum):
        THREE = 3

    assert amounts(doc(Money("1"), Shown(2.0), Count.THREE)) == {"A": Decimal("1.00"), "B": Decimal("2.00")}


def test_a_bool_is_not_a_number():
    e = refused(doc(True, 1), andel.DocumentError)
    assert (e.code, e.field) == ("document", "key.weights[0].weight")


def test_field_names_must_be_text():
    e = refused({"version": 1, 1: "x", "scenarios": []}, andel.DocumentError)
    assert (e.code, e.field) == ("document", "document")
    d = doc(1, 2)
    d["key"]["weights"][1] = {"id": "B", 7: 2}
    e = refused(d, andel.DocumentError)
    assert (e.code, e.field) == ("document", "key.weights[1]")
    assert "7" in str(e)


def test_nesting_deeper_than_64_levels_is_refused_at_its_path():
    d = doc(1, 2)
    # The document is level 0 and "note" level 1: 63 lists inside it reach
    # level 64 (allowed by the walk; core refuses a list as a note), 64 go past.
    deep = "x"
    for _ in range(64):
        deep = [deep]
    d["note"] = deep
    e = refused(d, andel.DocumentError)
    assert e.code == "document" and "nested deeper than 64 levels" in str(e)
    assert e.field == "note" + "[0]" * 64


def test_other_values_are_refused_naming_their_field():
    d = doc(1, 2)
    d["scenarios"][0]["name"] = object()
    e = refused(d, andel.DocumentError)
    assert (e.code, e.field) == ("document", "scenarios[0].name")
    assert "object is not a JSON value" in str(e)


def test_any_mapping_and_tuples_are_read():
    d = doc(1, 2)
    d["key"]["weights"] = tuple(types.MappingProxyType(w) for w in d["key"]["weights"])
    assert amounts(types.MappingProxyType(d)) == {"A": Decimal("1.00"), "B": Decimal("2.00")}


def test_strict_floats_refuse_a_float_in_a_document():
    andel.set_strict(True)
    try:
        e = refused(doc(1, 0.5))
        assert (e.code, e.field) == ("invalid_number", "key.weights[1].weight")
        assert amounts(doc(1, Decimal("0.5"), 3)) == {"A": Decimal("2.00"), "B": Decimal("1.00")}
    finally:
        andel.set_strict(False)
