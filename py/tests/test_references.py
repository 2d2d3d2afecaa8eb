"""Naming a party in a priority order: core's one rule (DESIGN.md, "Naming a
party") through Python's entries; the shared cases in tests/ pin the rest."""

from decimal import Decimal

import pytest

import andel


def test_parties_without_ids_are_named_by_position_in_digits():
    # Three parties tied at quota 2/3 for 2 places: the first two named win.
    assert andel.apportion([1, 1, 1], 2, ties=["2", "0", "1"]) == [1, 0, 1]
    assert andel.split("0.02", [1, 1, 1], ties=["2", "0", "1"]) == [
        Decimal("0.01"), Decimal("0.00"), Decimal("0.01")]
    with pytest.raises(andel.InputError) as e:
        andel.apportion([1, 1, 1], 2, ties=["0", "01"])
    assert (e.value.code, e.value.field) == ("unknown_party", "ties[1]")


def test_an_explained_allocation_names_parties_by_shown_name_too():
    names = {"p1": "Alfa", "p2": "Beta"}
    # An exact tie for 1 place: Beta (p2) named first wins.
    a = andel.allocate({"p1": 1, "p2": 1}, 1, seats=True, names=names, ties=["Beta", "p1"])
    assert (a["p1"]["units"], a["p2"]["units"]) == (0, 1)
    # Money: 0.01 kr. between two equal parties goes to the one named first.
    m = andel.allocate({"p1": 1, "p2": 1}, "0.01", names=names, ties=["Beta", "Alfa"])
    assert (m["p1"]["amount"], m["p2"]["amount"]) == (Decimal("0.00"), Decimal("0.01"))
    twins = {"p1": "Alfa", "p2": "Alfa"}
    with pytest.raises(andel.InputError) as e:
        andel.allocate({"p1": 1, "p2": 1}, 1, seats=True, names=twins, ties=["Alfa"])
    assert (e.value.code, e.value.field) == ("invalid_option", "ties[0]")
    assert "p1, p2" in str(e.value)
