"""An explained allocation (`Allocation`) and its HTML table."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from typing import Any, Dict, List, Optional, Union

from . import _andel
from ._base import AndelError, InputError, _call, _lang
from ._convert import _json_object, _readable
from ._data import _write_bytes


class Allocation:
    """One allocation by a key, with an explanation per party; from
    :func:`allocate` or :meth:`Result.allocation`.

    >>> a = allocate({"A": 50, "B": 27, "C": 23}, Decimal("0.10"))
    >>> a.amounts
    {'A': Decimal('0.05'), 'B': Decimal('0.03'), 'C': Decimal('0.02')}
    """

    def __init__(self, json_text: str) -> None:
        """From the JSON of an allocation (``to_json()``); results come from
        :func:`allocate` and :func:`compute`, not from here. The JSON is
        checked (core's ``Allocation::check``): an allocation whose amounts
        were changed is a :class:`DocumentError` naming the field."""
        data = _json_object(json_text, "Allocation")
        _call(_andel.check_allocation, json_text)
        self._native: Any = None
        self._text: Optional[str] = json_text
        self._data: Optional[Dict[str, Any]] = data

    @classmethod
    def _of(cls, json_text: str, data: Optional[Dict[str, Any]] = None) -> "Allocation":
        """An allocation andel itself made: not checked again."""
        a = cls.__new__(cls)
        a._native, a._text, a._data = None, json_text, data
        return a

    @classmethod
    def _made(cls, native: Any) -> "Allocation":
        """An allocation as core made it (``_andel.Explained``): its JSON and
        data are made when first asked for (a million parties take no text
        and no dicts until then)."""
        a = cls.__new__(cls)
        a._native, a._text, a._data = native, None, None
        return a

    @classmethod
    def _from(cls, data: Dict[str, Any]) -> "Allocation":
        return cls._of(json.dumps(data, ensure_ascii=False), data)

    @property
    def _json(self) -> str:
        if self._text is None:
            self._text = str(_call(self._native.json))
        return self._text

    @property
    def data(self) -> Dict[str, Any]:
        """The allocation as plain data (the JSON read), made on first use."""
        if self._data is None:
            self._data = _json_object(self._json, "Allocation")
        return self._data

    def __reduce__(self) -> Any:
        return (Allocation, (self._json,))

    @property
    def total(self) -> Decimal:
        """The total split: an amount of money, or a number of places.

        >>> a = allocate({"A": 50, "B": 27, "C": 23}, Decimal("0.10"))
        >>> a.total
        Decimal('0.10')
        """
        return Decimal(self.data["total"])

    @property
    def unit(self) -> Decimal:
        """The rounding unit: 0.01 (øre), 1, 1000; 1 for places.

        >>> a = allocate({"A": 50, "B": 27, "C": 23}, Decimal("0.10"))
        >>> a.unit
        Decimal('0.01')
        """
        return Decimal(self.data["unit"])

    @property
    def method(self) -> str:
        """The apportionment method (``"hamilton"`` for money).

        >>> allocate([3, 1], 4, seats=True, method="dhondt").method
        'dhondt'
        """
        return str(self.data["method"])

    @property
    def ties(self) -> List[Dict[str, Any]]:
        """Every tie, with the parties, the winners and the rule that decided.

        >>> allocate({"A": 1, "B": 1}, 1, seats=True).ties[0]["winners"]
        ['A']
        """
        return list(self.data["ties"])

    def to_records(self) -> List[Dict[str, Any]]:
        """One dict per party: id, name, basis (``weight``, ``excluded``,
        ``fixed`` …), weight, share (a fraction: 0.387929…), quota (the exact
        amount before rounding, to ten places of the unit, with the amount's
        sign), amount, units,
        rounding (``up``, ``down``, ``exact``, ``minimum``, ``maximum``, or
        ``excluded``), remainder_rank (``None`` where no remainder was
        ranked), tied. Numbers are Decimal and int.

        >>> a = allocate({"A": 50, "B": 27, "C": 23}, Decimal("0.10"))
        >>> a.to_records()[1]["amount"], a.to_records()[1]["remainder_rank"]
        (Decimal('0.03'), 1)
        """
        out = []
        for p in self.data["parties"]:
            q = p["quota"]
            excluded = p["basis"]["kind"] == "excluded"
            out.append({
                "id": p["id"],
                "name": p.get("name"),
                "basis": p["basis"]["kind"],
                "weight": Decimal(p["weight"]),
                "share": Decimal(p["share"]),
                "quota": _readable(Decimal(p["quota_amount"])),
                "quota_exact": f'{q["whole"]} {q["remainder"]}/{q["denominator"]}',
                "amount": Decimal(p["amount"]),
                "units": int(p["units"]),
                "rounding": "excluded" if excluded else p["rounding"],
                "remainder_rank": p.get("remainder_rank"),
                "tied": p.get("tie") is not None,
            })
        return out

    def to_pandas(self) -> Any:
        """A DataFrame, one row per party, indexed by id (needs pandas);
        ``remainder_rank`` is a nullable integer column.

        >>> a = allocate({"A": 50, "B": 27, "C": 23}, Decimal("0.10"))
        >>> a.to_pandas().loc["B", "amount"]
        Decimal('0.03')
        """
        import pandas as pd

        frame = pd.DataFrame.from_records(self.to_records(), index="id")
        frame["remainder_rank"] = frame["remainder_rank"].astype("Int64")
        return frame

    def to_json(self) -> str:
        """The allocation as JSON (exact decimals as strings); ``Allocation(text)`` reads it back.

        >>> a = allocate({"A": 50, "B": 27, "C": 23}, Decimal("0.10"))
        >>> Allocation(a.to_json()) == a
        True
        """
        return self._json

    def to_csv(self, dialect: str = "plain", language: Optional[str] = None) -> str:
        """CSV text: ``"plain"`` (comma, decimal point, stable machine column
        names) or ``"danish_excel"`` (semicolon, decimal comma, byte order
        mark: the table as :meth:`table` shows it, in ``language``).

        >>> a = allocate({"A": 50, "B": 27, "C": 23}, Decimal("0.10"))
        >>> a.to_csv().splitlines()[2]
        'B,,27,0.2700000000,0.0270000000,0.03,3,up,1,0'
        >>> a.to_csv("danish_excel").splitlines()[1]
        'id;navn;vægt;andel %;eksakt, kr.;kr., i øre;afrunding'
        """
        return str(_call(_andel.allocation_csv, self._json, dialect, _lang(language)))

    def to_excel(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Writes the allocation as an Excel workbook (.xlsx): amounts as
        numbers in Danish formats and a total row (a SUM whose value is the
        exact total), on the sheet "Fordeling".

        >>> import tempfile, os
        >>> path = os.path.join(tempfile.mkdtemp(), "fordeling.xlsx")
        >>> allocate({"A": 2, "B": 1}, "100").to_excel(path)
        >>> open(path, "rb").read(2)
        b'PK'
        """
        _write_bytes(path, _call(_andel.allocation_xlsx, self._json))

    def table(self, style: str = "danish", language: Optional[str] = None) -> str:
        """A plain-text table: ``"danish"`` (1.658.397,22) or ``"plain"``
        numbers, words in ``language`` (see :func:`set_language`).

        >>> print(allocate({"A": 2, "B": 1}, 3, seats=True).table("plain").splitlines()[0])
        3 pladser fordelt efter største brøk (Hamilton)
        >>> print(allocate({"A": 2, "B": 1}, 3, seats=True).table("plain", "en").splitlines()[0])
        3 places apportioned by largest remainder (Hamilton)
        """
        return str(_call(_andel.allocation_table, self._json, style, _lang(language)))

    def view(self, language: Optional[str] = None, numbers: str = "danish") -> Dict[str, Any]:
        """The table as people see it, as plain data: ``summary``, ``table``
        (``columns`` with a stable ``key`` and a ``head`` in ``language``,
        ``rows`` of cells with their ``text`` and plain ``value``, each row's
        ``explanation``, the ``total`` row) and ``notes`` (ties).

        >>> v = allocate({"A": 2, "B": 1}, 3, seats=True).view("en")
        >>> [c["head"] for c in v["table"]["columns"]][-2:]
        ['places', 'rounding']
        """
        return dict(json.loads(_call(_andel.allocation_view, self._json, numbers, _lang(language))))

    def _party(self, party: Any) -> str:
        """The id of ``party``: an id, or a municipality's code or name
        (forgiving of spelling); an unknown one lists the closest names."""
        parties = self.data["parties"]
        ids = [str(p["id"]) for p in parties]
        names = [p.get("name") for p in parties]
        return ids[int(_call(_andel.find_party, ids, str(party), "party", names))]

    def explain(self, party: Any, language: Optional[str] = None, numbers: str = "danish") -> str:
        """Why ``party`` got what it got, in one sentence a person can repeat,
        in ``language`` (see :func:`set_language`) with ``"danish"`` or
        ``"plain"`` numbers. ``party`` is an id or a municipality's name:
        ``explain("Aalborg")``.

        >>> a = allocate({"A": 50, "B": 27, "C": 23}, Decimal("0.10"))
        >>> a.explain("C")
        'C: 23 af 100 (23,0000 %) af 0,10 kr. giver 0,023000 kr.; rundet ned til 0,02 kr., fordi resten 0,003000 kr. kun er den 2. største af 2.'
        >>> a.explain("B", "en", "plain")
        'B: 27 of 100 (27.0000 %) of DKK 0.10 gives DKK 0.027000; rounded up to DKK 0.03, because the remainder DKK 0.007000 is the 1st largest of 2.'
        """
        text = _call(_andel.allocation_explain, self._json, self._party(party), numbers,
                     _lang(language))
        if text is None:
            raise InputError(f"no party {party!r} in this allocation", code="unknown_party",
                             field="party", details={"id": str(party)})
        return str(text)

    @property
    def amounts(self) -> Dict[str, Decimal]:
        """Each party's amount by id (``Decimal``).

        >>> a = allocate({"A": 50, "B": 27, "C": 23}, Decimal("0.10"))
        >>> a.amounts["A"]
        Decimal('0.05')
        """
        return {p["id"]: Decimal(p["amount"]) for p in self.data["parties"]}

    @property
    def units(self) -> Dict[str, int]:
        """Each party's whole units by id (places, or units of ``unit`` for money).

        >>> a = allocate({"A": 50, "B": 27, "C": 23}, Decimal("0.10"))
        >>> a.units
        {'A': 5, 'B': 3, 'C': 2}
        """
        return {p["id"]: int(p["units"]) for p in self.data["parties"]}

    def __getitem__(self, party: Any) -> Dict[str, Any]:
        """A party's record, by id or municipality name: ``alloc["Aalborg"]``."""
        try:
            pid = self._party(party)
        except AndelError as e:
            raise KeyError(str(e)) from None
        return next(r for r in self.to_records() if r["id"] == pid)

    def __len__(self) -> int:
        if self._data is None and self._native is not None:
            return len(self._native)
        return len(self.data["parties"])

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Allocation) and self.data == other.data

    def __repr__(self) -> str:
        return self.table("plain")

    def _repr_html_(self) -> str:
        """The table as :meth:`table` shows it, in the module's language:
        the summary, the heads from core's catalogue, the total and ties."""
        return _section_html(self.view())


def _section_html(section: Dict[str, Any]) -> str:
    """An HTML table of a view's section (escaped text only)."""
    from html import escape

    def align(col: Dict[str, Any]) -> str:
        return ' style="text-align: right"' if col["numeric"] else ""

    table = section["table"]
    cols = table["columns"]
    html = ""
    if section.get("heading"):
        html += f"<p>{escape(section['heading'])}</p>"
    if section.get("summary"):
        html += f"<p>{escape(section['summary'])}</p>"
    html += "<table><thead><tr>" + "".join(f"<th{align(c)}>{escape(c['head'])}</th>" for c in cols)
    html += "</tr></thead><tbody>"
    rows = list(table["rows"]) + ([table["total"]] if table.get("total") else [])
    for row in rows:
        html += "<tr>" + "".join(f"<td{align(c)}>{escape(cell['text'])}</td>"
                                 for c, cell in zip(cols, row["cells"])) + "</tr>"
    html += "</tbody></table>"
    for note in section.get("notes", []):
        html += f"<p>{escape(note)}</p>"
    return html
