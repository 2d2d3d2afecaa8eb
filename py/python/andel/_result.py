"""A document's result (`Result`), `compute`, and the meeting's `Summary`."""

from __future__ import annotations

import json
import os
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Union

from . import _andel
from ._allocation import Allocation, _section_html
from ._base import AndelError, DocumentError, _call, _lang
from ._convert import _json_object, _numbers
from ._data import _write_bytes


class Result:
    """The result of :func:`compute`: per scenario an :class:`Allocation`, and
    the nested levels, parts, years, table, comparison and attainment the
    document asked for (all of it as plain data in :attr:`data`).

    >>> r = compute({"version": 1, "scenarios": [{"name": "lav", "total": "100.00"}],
    ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
    >>> r.allocation("lav")["A"]["amount"]
    Decimal('75.00')
    """

    def __init__(self, json_text: str) -> None:
        """From the JSON of a result (``to_json()``); results come from
        :func:`compute`, not from here. The JSON is checked (core's
        ``DocumentResult::check``): a changed amount, or a version given as
        text, is a :class:`DocumentError`."""
        data = _json_object(json_text, "Result")
        _call(_andel.check_result, json_text)
        self._json = json_text
        self.data: Dict[str, Any] = data

    @classmethod
    def _of(cls, json_text: str) -> "Result":
        """A result andel itself made: not checked again."""
        r = cls.__new__(cls)
        r._json = json_text
        r.data = _json_object(json_text, "Result")
        return r

    def __reduce__(self) -> Any:
        return (Result, (self._json,))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Result) and self.data == other.data

    @property
    def title(self) -> Optional[str]:
        """The document's title.

        >>> r = compute({"version": 1, "scenarios": [{"name": "lav", "total": "100.00"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> r.title is None
        True
        """
        return self.data.get("title")

    @property
    def scenarios(self) -> List[str]:
        """The scenarios' names, in document order (``["lav", "høj"]``).

        >>> r = compute({"version": 1, "scenarios": [{"name": "lav", "total": "100.00"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> r.scenarios
        ['lav']
        """
        return [s["name"] for s in self.data["scenarios"]]

    def _scenario(self, scenario: Union[int, str]) -> Dict[str, Any]:
        for i, s in enumerate(self.data["scenarios"]):
            if scenario == i or scenario == s["name"]:
                return s  # type: ignore[no-any-return]
        raise KeyError(f"no scenario {scenario!r}; the scenarios are {self.scenarios} "
                       f"(or 0 to {len(self.scenarios) - 1})")

    def _part(self, scenario: Union[int, str], part: str) -> Any:
        """A part of a scenario's result the document asked for, or a KeyError
        that says how to ask for it."""
        s = self._scenario(scenario)
        if not s.get(part):
            field = {"years": "years", "comparison": "compare", "attainment": "actual",
                     "parts": "parts", "nested": "nest", "table": "table"}[part]
            raise KeyError(f"this document has no {part}: give `{field}` in the document "
                           "to get them")
        return s[part]

    def allocation(self, scenario: Union[int, str] = 0) -> Allocation:
        """The main allocation of a scenario (by index or name).

        >>> r = compute({"version": 1, "scenarios": [{"name": "lav", "total": "100.00"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> r.allocation("lav").amounts
        {'A': Decimal('75.00'), 'B': Decimal('25.00')}
        """
        return Allocation._from(self._scenario(scenario)["allocation"])

    def members(self, group: str, scenario: Union[int, str] = 0) -> Allocation:
        """A nest: the allocation between a group's members (a group's id, or a
        region's name for the KKR groups).

        >>> r = compute({"version": 1, "rounding": {"places": {"method": "hamilton"}},
        ...              "nest": {"groups": {"weights": [{"id": "x", "weight": 1}, {"id": "y", "weight": 1}]},
        ...                       "members": {"x": {"weights": [{"id": "x1", "weight": 2}, {"id": "x2", "weight": 1}]}}},
        ...              "scenarios": [{"name": "10", "total": 10}]})
        >>> r.members("x").units
        {'x1': 3, 'x2': 2}
        """
        nested = self._part(scenario, "nested")
        groups = [g["id"] for g in nested.get("per_group", []) if g.get("members")]
        for g in nested.get("per_group", []):
            if g["id"] == group and g.get("members"):
                return Allocation._from(g["members"])
        try:
            region = str(_call(_andel.region, str(group)))
        except AndelError:
            region = ""
        if region in groups:
            return self.members(region, scenario)
        raise KeyError(f"no group {group!r} with members; the groups with members are {groups}")

    def parts(self, scenario: Union[int, str] = 0) -> List[Optional[Allocation]]:
        """A cost split: each part's allocation by its key (``None`` for a part
        without a key, such as the region's 25 %).

        >>> r = compute({"version": 1, "scenarios": [{"name": "s", "total": "100.00"}],
        ...              "parts": [{"id": "kommunerne", "share": "0.75",
        ...                         "key": {"weights": [{"id": "A", "weight": 1}, {"id": "B", "weight": 2}]}},
        ...                        {"id": "region", "share": "0.25"}]})
        >>> [p.amounts if p else None for p in r.parts()]
        [{'A': Decimal('25.00'), 'B': Decimal('50.00')}, None]
        """
        p = self._part(scenario, "parts")
        return [Allocation._from(d) if d else None for d in p["details"]]

    def years(self, scenario: Union[int, str] = 0) -> Dict[int, Allocation]:
        """Years: each year's allocation, by year; a party's years add up to its
        total and each year's parties to the year's amount.

        >>> r = compute({"version": 1, "scenarios": [{"name": "s", "total": "1.00"}],
        ...              "key": {"weights": [{"id": "A", "weight": 1}, {"id": "B", "weight": 2}]},
        ...              "years": [{"year": 1, "fraction": "0.5"}, {"year": 2, "fraction": "0.5"}]})
        >>> {y: a.amounts for y, a in r.years().items()}
        {1: {'A': Decimal('0.17'), 'B': Decimal('0.33')}, 2: {'A': Decimal('0.16'), 'B': Decimal('0.34')}}
        """
        y = self._part(scenario, "years")
        return {int(p["id"]): Allocation._from(a)
                for p, a in zip(y["years"]["parties"], y["per_year"])}

    def comparison(self, scenario: Union[int, str] = 0) -> List[Dict[str, Any]]:
        """The comparison with the other key, one dict per party.

        >>> r = compute({"version": 1, "scenarios": [{"name": "s", "total": "10"}],
        ...              "rounding": {"unit": "1"},
        ...              "key": {"weights": [{"id": "A", "weight": 1}, {"id": "B", "weight": 1}]},
        ...              "compare": {"key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 2}]}}})
        >>> [(row["id"], row["change"]) for row in r.comparison()]
        [('A', Decimal('1')), ('B', Decimal('-1'))]
        """
        c = self._part(scenario, "comparison")
        return [_numbers(r) for r in c["rows"]]

    def attainment(self, scenario: Union[int, str] = 0) -> List[Dict[str, Any]]:
        """Dimensioned against actual, one dict per party.

        >>> r = compute({"version": 1, "scenarios": [{"name": "s", "total": 100}],
        ...              "rounding": {"places": {"method": "hamilton"}},
        ...              "key": {"weights": [{"id": "A", "weight": 1}]}, "actual": {"A": 74}})
        >>> r.attainment()[0]["percent"]
        Decimal('-26')
        """
        rows = self._part(scenario, "attainment")
        return [_numbers(r) for r in rows]

    def attainment_total(self, scenario: Union[int, str] = 0) -> Dict[str, Any]:
        """The attainment's rows added up (id ``"total"``): dimensioned and
        actual summed, the difference, and its percent of the summed
        dimensioned.

        >>> r = compute({"version": 1, "scenarios": [{"name": "s", "total": 9000}],
        ...              "rounding": {"places": {"method": "hamilton"}},
        ...              "key": {"weights": [{"id": "A", "weight": 2}, {"id": "H", "weight": 1}]},
        ...              "actual": {"A": 5753, "H": 3496}})
        >>> r.attainment_total()["difference"], r.attainment_total()["percent"]
        (Decimal('249'), Decimal('2.77'))
        """
        self._part(scenario, "attainment")
        return _numbers(self._scenario(scenario)["attainment_total"])

    def table(self, scenario: Union[int, str] = 0) -> Dict[str, Dict[str, int]]:
        """A document's ``table``: places by party (rows, each keeping its
        total) and column, both adding up (biproportional apportionment).

        >>> r = compute({"version": 1, "scenarios": [{"name": "s", "total": 9}],
        ...              "rounding": {"places": {"method": "hamilton"}},
        ...              "key": {"weights": [{"id": "N", "weight": 1}, {"id": "S", "weight": 2}]},
        ...              "table": {"columns": [
        ...                  {"id": "a", "total": 6, "key": {"weights": [{"id": "N", "weight": 3}, {"id": "S", "weight": 3}]}},
        ...                  {"id": "h", "total": 3, "key": {"weights": [{"id": "N", "weight": 1}, {"id": "S", "weight": 2}]}}]}})
        >>> r.table()
        {'N': {'a': 2, 'h': 1}, 'S': {'a': 4, 'h': 2}}
        """
        t = self._part(scenario, "table")
        ids = [c["id"] for c in t["columns"]]
        return {row["id"]: dict(zip(ids, row["cells"])) for row in t["rows"]}

    def to_records(self) -> List[Dict[str, Any]]:
        """Every allocation of every scenario, one dict per party, led by
        ``scenario`` and ``part``, the rows of the plain CSV
        (:meth:`to_csv`): ``part`` is ``""`` for the key's own allocation,
        else ``"groups"``/a group id for a nest, ``"parts"``/a part id for a
        cost split, a year for a year profile, ``"compare"`` for the other
        key; the other keys as :meth:`Allocation.to_records`.

        >>> r = compute({"version": 1, "scenarios": [{"name": "lav", "total": "100.00"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> [(x["scenario"], x["part"], x["id"], x["amount"]) for x in r.to_records()]
        [('lav', '', 'A', Decimal('75.00')), ('lav', '', 'B', Decimal('25.00'))]
        """
        out = []
        for scenario, part, a in _call(_andel.result_allocations, self._json):
            for r in Allocation._from(json.loads(a)).to_records():
                out.append({"scenario": scenario, "part": part, **r})
        return out

    def to_pandas(self) -> Any:
        """A DataFrame of :meth:`to_records`: every allocation, with its
        ``scenario`` and ``part`` (needs pandas).

        >>> r = compute({"version": 1, "scenarios": [{"name": "lav", "total": "100.00"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> r.to_pandas()[["scenario", "part", "id", "amount"]].values.tolist()
        [['lav', '', 'A', Decimal('75.00')], ['lav', '', 'B', Decimal('25.00')]]
        """
        import pandas as pd

        return pd.DataFrame.from_records(self.to_records())

    def to_json(self) -> str:
        """The whole result as JSON, the same as Rust and the browser give.

        >>> r = compute({"version": 1, "scenarios": [{"name": "lav", "total": "100.00"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> import json; json.loads(r.to_json())["scenarios"][0]["name"]
        'lav'
        """
        return self._json

    def to_excel(self, path: Union[str, "os.PathLike[str]"]) -> None:
        """Writes the result as an Excel workbook (.xlsx): every allocation of
        every scenario as a table on "Fordeling" (amounts as numbers in
        Danish formats, a total row whose SUM has the exact total as its
        value), and the title, note and assumptions on "Forudsætninger".
        Text is always written as text, never as a formula."""
        _write_bytes(path, _call(_andel.result_xlsx, self._json))

    def to_csv(self, dialect: str = "plain", language: Optional[str] = None) -> str:
        """The whole result as CSV, the same bytes as ``andel compute
        --format csv`` and JS ``computeCsv`` (core's one writer):
        ``"plain"`` is ``#`` lines (the assumptions, what reading files
        told, what made it; in English, ``language`` not used) and then
        every allocation of every scenario in stable machine columns led by
        ``scenario`` and ``part`` (as :meth:`to_records`); ``"danish_excel"``
        is the tables as :meth:`text` shows them, in ``language``. Every
        ``#`` line starts with ``#``, so ``pandas.read_csv(..., comment="#")``
        skips it. One scenario's main allocation alone:
        ``r.allocation(s).to_csv()``.

        >>> r = compute({"version": 1, "scenarios": [{"name": "lav", "total": "100.00"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> r.to_csv().splitlines()[1]
        'scenario,part,id,name,weight,share,quota,amount,units,rounding,remainder_rank,tied'
        """
        return str(_call(_andel.result_csv, self._json, dialect, _lang(language)))

    def explain(self, party: Any, scenario: Union[int, str] = 0,
                language: Optional[str] = None, numbers: str = "danish") -> str:
        """Why ``party`` (an id or a municipality's name) got what it got in a
        scenario: a sentence for each allocation it is in (the main one, or
        the part of a cost split, the group of a nesting, each year, the
        comparison), each but the main one's led by which (``del
        kommunerne: ``, ``år 2: ``), in ``language`` (see :func:`set_language`).

        >>> r = compute({"version": 1, "scenarios": [{"name": "lav", "total": "100.00"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> r.explain("B")
        'B: 1 af 4 (25,0000 %) af 100,00 kr. giver 25,000000 kr.; det går op, så den får 25,00 kr.'
        >>> r.explain("B", language="en", numbers="plain")
        'B: 1 of 4 (25.0000 %) of DKK 100.00 gives DKK 25.000000; that is exact, so it gets DKK 25.00.'
        """
        lines = _call(_andel.scenario_explain, json.dumps(self._scenario(scenario)), str(party),
                      numbers, _lang(language))
        return "\n".join(str(line) for line in lines)

    def view(self, language: Optional[str] = None, numbers: str = "danish") -> Dict[str, Any]:
        """The whole result as people see it, as plain data: ``title``,
        ``note``, ``assumptions``, and per scenario its ``heading`` and every
        table (``sections``: the main split, each group's or part's own, the
        years, the table, the comparison, the attainment), with heads and
        sentences in ``language``.

        >>> r = compute({"version": 1, "scenarios": [{"name": "lav", "total": "100.00"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> r.view()["scenarios"][0]["heading"]
        'Scenarie »lav«'
        """
        view, _ = _call(_andel.document_view, self._json, numbers, _lang(language))
        return dict(json.loads(view))

    def text(self, language: Optional[str] = None, numbers: str = "danish") -> str:
        """The result as the command line prints it, in ``language``."""
        _, text = _call(_andel.document_view, self._json, numbers, _lang(language))
        return str(text)

    @property
    def assumptions(self) -> List[str]:
        """What the document assumes (its ``assumptions``), then what reading
        its files told the reader (a Statbank export's totals left out, an
        encoding), shown with every view: core's sentences in the module's
        language (see :func:`set_language`; the notes as data are the
        result's ``read_notes``).

        >>> r = compute({"version": 1, "assumptions": ["B pays a quarter."],
        ...              "scenarios": [{"name": "s", "total": "4"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> r.assumptions
        ['B pays a quarter.']
        """
        return list(self.view()["assumptions"])

    def __repr__(self) -> str:
        return self.text(numbers="plain")

    def _repr_html_(self) -> str:
        """Every table of every scenario, as :meth:`text` shows them."""
        from html import escape

        view = self.view()
        html = f"<h4>{escape(view['title'])}</h4>" if view.get("title") else ""
        if view.get("note"):
            html += f"<p>{escape(view['note'])}</p>"
        if view["assumptions"]:
            html += (f"<p>{escape(view['assumptions_heading'])}</p><ul>"
                     + "".join(f"<li>{escape(a)}</li>" for a in view["assumptions"]) + "</ul>")
        for s in view["scenarios"]:
            html += f"<h5>{escape(s['heading'])}</h5>"
            html += "".join(_section_html(section) for section in s["sections"])
        return html


def compute(document: Union[Mapping[str, Any], str, "os.PathLike[str]"]) -> Result:
    """Computes a key document and returns a :class:`Result`.

    ``document`` is a dict, JSON text, or the path of a ``.json`` file (a
    ``pathlib.Path`` or a file name); a ``csv.path`` in it is read relative to
    the document's folder (or the working folder), never outside it. The
    fields (``version``, ``title``, ``note``, ``assumptions``, ``key`` |
    ``nest`` | ``parts``, ``scenarios``, ``rounding``, ``years``, ``compare``,
    ``actual``) are described in the README, "The key document", and in
    ``schema/andel.schema.json``. Errors name the field (``key.fixed[0].share``).

    >>> r = compute({"version": 1, "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]},
    ...              "rounding": {"places": {}}, "scenarios": [{"name": "x", "total": 8}]})
    >>> r.allocation().units
    {'A': 6, 'B': 2}
    """
    folder: Optional[str] = None
    if isinstance(document, os.PathLike) or (
            isinstance(document, str) and document.strip().endswith(".json")
            and not document.lstrip().startswith("{")):
        path = os.fspath(document)
        # Read by core, as every file: a regular file only (a FIFO or a
        # device is refused at once), the size checked before reading.
        text = _call(_andel.read_file, path, "document")
        folder = os.path.dirname(os.path.abspath(path))
    elif isinstance(document, str):
        text = document
    elif isinstance(document, Mapping):
        # Handed to core as its JSON tree (py/src/tree.rs): read by the one
        # strict reader, errors naming the field; no JSON text written here.
        return Result._of(_call(_andel.compute_tree, document))
    else:
        raise DocumentError(f"document: expected a dict, JSON text or a path, got {type(document).__name__}",
                            code="document", field="document")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise DocumentError(f"document: not valid text ({e.reason} at {e.start})", code="document",
                            field="document") from None
    return Result._of(_call(_andel.compute, text, folder))


class Summary:
    """The meeting as a whole, per municipality (from :func:`summary`): kroner
    by case and in total, places by case and programme, never added across
    kinds. All of it as plain data in :attr:`data`; :attr:`columns`,
    :attr:`rows` and :meth:`to_pandas` for analysis, the totals' heads in
    :attr:`language` (core's words, as the meeting's table shows them).
    """

    def __init__(self, json_text: str, language: Optional[str] = None) -> None:
        """From the JSON of a summary (``to_json()``); summaries come from
        :func:`summary`, not from here. ``language`` (``"da"`` or ``"en"``;
        the module's, Danish unless :func:`set_language` says otherwise)
        is the language of the totals' heads."""
        self._json = json_text
        self.data: Dict[str, Any] = _json_object(json_text, "Summary")
        self.language: str = _lang(language)
        self._total_heads = [str(_call(_andel.summary_total_head, t, self.language))
                             for t in self.data["totals"]]

    def __reduce__(self) -> Any:
        return (Summary, (self._json, self.language))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Summary) and self.data == other.data

    def __repr__(self) -> str:
        heads = ", ".join(c["head"] for c in self.data["columns"])
        return f"<Summary: {len(self.data['rows'])} municipalities; {heads}>"

    @property
    def columns(self) -> List[str]:
        """The columns' heads: kroner columns, then places columns, then the
        kroner totals in :attr:`language` (``"i alt"``, or ``"i alt, laveste
        scenarier"`` and ``"i alt, højeste scenarier"`` when a case has
        several scenarios; in English ``"total"``, ``"total, lowest
        scenarios"``, ``"total, highest scenarios"``)."""
        heads = [c["head"] for c in self.data["columns"]]
        return heads + self._total_heads

    @property
    def units(self) -> Dict[str, str]:
        """Per column head, what it counts: ``"kr."`` or what the places are
        places of."""
        out = {c["head"]: ("kr." if c["unit"] == "kroner" else c["unit"]["places"]["of"])
               for c in self.data["columns"]}
        out.update({h: "kr." for h in self._total_heads})
        return out

    @property
    def rows(self) -> Dict[str, Dict[str, Optional[Decimal]]]:
        """Per municipality code, its value in each column (``None``: not in
        that case), as :attr:`columns` orders them."""
        heads = self.columns
        out: Dict[str, Dict[str, Optional[Decimal]]] = {}
        for r in self.data["rows"]:
            values = [None if v is None else Decimal(v) for v in r["cells"]]
            values += [Decimal(v) for v in r["kroner"]]
            out[r["id"]] = dict(zip(heads, values))
        return out

    @property
    def names(self) -> Dict[str, str]:
        """Per municipality code, its name."""
        return {r["id"]: r["name"] for r in self.data["rows"]}

    def to_pandas(self) -> Any:
        """A DataFrame, one row per municipality (indexed by code, with its
        name), one column per head of :attr:`columns` (needs pandas)."""
        import pandas as pd

        frame = pd.DataFrame.from_dict(self.rows, orient="index", columns=self.columns)
        frame.insert(0, "name", pd.Series(self.names))
        frame.index.name = "id"
        return frame

    def to_json(self) -> str:
        """The summary as JSON, the same as Rust gives."""
        return self._json


def summary(results: Iterable[Result], *, language: Optional[str] = None) -> Summary:
    """The meeting as a whole: per municipality, what it pays and which
    places it gets across the results whose documents say how they count
    (their ``summary``: the case, and for places what they are places of).
    Kroner are added into a total (with each case's lowest and highest
    scenario when a case has several); places are never added. The totals'
    heads are in ``language`` (the module's, Danish by default: ``"i
    alt"``).

    >>> doc = lambda case, total: {"version": 1, "summary": {"case": case},
    ...     "key": {"population": {"region": "Nordjylland", "year": 2022, "municipalities": ["Læsø"]}},
    ...     "scenarios": [{"name": "x", "total": total}]}
    >>> s = summary([compute(doc("A", "100.00")), compute(doc("B", "50.00"))])
    >>> s.rows["825"]["i alt"]
    Decimal('150.00')
    >>> summary([compute(doc("A", "100.00"))], language="en").columns
    ['A', 'total']
    """
    texts = []
    for i, r in enumerate(results):
        if not isinstance(r, Result):
            raise DocumentError(f"results[{i}]: expected a Result (from compute), got {type(r).__name__}",
                                code="document", field=f"results[{i}]")
        texts.append(r.to_json())
    return Summary(_call(_andel.summary, texts), language)
