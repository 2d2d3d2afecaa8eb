"""Denmark's municipalities and population, weights from files, Danish numbers, strict floats."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field as dc_field
from decimal import Decimal
from typing import Any, Dict, List, Mapping, Optional, Tuple, Union

from . import _andel
from ._base import InputError, LeftOutWarning, ReadWarning, UnknownYearError, _call, _lang
from ._convert import Number


def _year(year: Any) -> int:
    if isinstance(year, bool) or not isinstance(year, int) and not hasattr(year, "__index__"):
        raise InputError(f"year: expected a year such as 2022, got {year!r}", code="invalid_option",
                         field="year")
    y = int(year)
    if not -(2**31) <= y < 2**31:
        raise UnknownYearError(f"year: no population data for {y}; years available: {years()}",
                               code="unknown_year", field="year")
    return y


# --------------------------------------------------------------------------
# Danish municipalities and population.


@dataclass(frozen=True)
class Municipality:
    code: str
    name: str
    region: str
    population: Dict[int, int] = dc_field(default_factory=dict)


def _municipality(d: Dict[str, Any]) -> Municipality:
    return Municipality(d["code"], d["name"], d["region"],
                        {int(y): int(p["count"]) for y, p in d["population"].items()})


def municipality(query: Union[str, int]) -> Municipality:
    """By code or by name, forgiving of spelling ("Århus", "Høje Tåstrup").

    >>> m = municipality("Laeso")
    >>> m.code, m.name, m.region, m.population[2022]
    ('825', 'Læsø', 'Nordjylland', 1769)
    """
    return _municipality(json.loads(_call(_andel.municipality, str(query))))


def municipalities(region: Optional[str] = None) -> List[Municipality]:
    """All 98 (or a region's), ordered by code.

    >>> len(municipalities()), [m.name for m in municipalities("Nordjylland")][:3]
    (98, ['Morsø', 'Thisted', 'Brønderslev'])
    """
    return [_municipality(d) for d in json.loads(_call(_andel.municipalities, region))]


class Population(Dict[str, int]):
    """A dict of population by municipality code (or region) that also
    carries the names (``.names``, code -> name), so that :func:`allocate`
    shows names without ``names=``, and the year the figures are from
    (``.year``, 1 January; ``None`` for your own file, whose period the
    :class:`ReadWarning` says). Everything else is a plain ``dict``.

    >>> p = population("Nordjylland", 2022)
    >>> p["851"], p.names["851"], p.year
    (221082, 'Aalborg', 2022)
    """

    names: Dict[str, str]
    year: Optional[int]
    #: What the figures count, as core says it (``{"kind": "population",
    #: "year": 2026, "ages": {"from": 65}}``): :func:`allocate` hands it back,
    #: so tables head the column ``indbyggere 2026, 65 år og derover``.
    weights_kind: Optional[Dict[str, Any]]

    def __init__(self, counts: Mapping[str, int], names: Mapping[str, str],
                 year: Optional[int] = None,
                 weights_kind: Optional[Dict[str, Any]] = None) -> None:
        super().__init__(counts)
        self.names = dict(names)
        self.year = year
        self.weights_kind = weights_kind


class NamedWeights(Dict[str, Decimal]):
    """The weights :func:`read_csv` and :func:`read_excel` read, ``{id:
    Decimal}``, that also carry the names the file gives (``.names``, id ->
    name), so that :func:`allocate` shows them without ``names=``.
    Everything else is a plain ``dict``.

    >>> w = read_csv("kommune;navn;vægt\\n851;Aalborg;221.082\\n825;Læsø;1.769\\n")
    >>> w["851"], w.names["851"]
    (Decimal('221082'), 'Aalborg')
    """

    names: Dict[str, str]

    def __init__(self, weights: Mapping[str, Decimal], names: Mapping[str, str]) -> None:
        super().__init__(weights)
        self.names = dict(names)


def _named_weights(found: str) -> NamedWeights:
    parties = json.loads(found)["key"]
    return NamedWeights({p["id"]: Decimal(p["weight"]) for p in parties},
                        {p["id"]: p["name"] for p in parties if p.get("name")})


def _population(text: str, year: Optional[int] = None) -> Population:
    data = json.loads(text)
    parties = data["parties"]
    return Population({p["id"]: int(p["weight"]) for p in parties},
                      {p["id"]: p["name"] for p in parties if p.get("name")}, year,
                      data.get("weights"))


def population(region: Optional[str] = None, year: Optional[int] = None, *,
               file: Union[None, str, "os.PathLike[str]", bytes] = None,
               ages: Optional[Tuple[Optional[int], Optional[int]]] = None,
               language: Optional[str] = None) -> Population:
    """Population on 1 January of ``year`` by municipality code, a
    :class:`Population` (a ``dict`` that also knows the names, and the year
    used as ``.year``). Without ``year``, the newest embedded year (2025,
    the last of :func:`years`), as the command line and JS take it. ``region`` is forgiving ("nordjylland", "Region Nordjylland"); a
    misspelt one is refused with the closest region named.

    ``file`` (a path or the bytes) is your own Statbank file instead of the
    embedded figures, any year: FOLK1A, FOLK1AM or BY2, as the API's CSV
    (``OMRÅDE;ALDER;KØN;TID;INDHOLD``) or the web's matrix export; ``year``
    picks the file's first period of that year (its only period when not
    given), ``ages=(65, None)`` sums the age groups from 65 up (a range the
    groups cannot give exactly is an error). A :class:`ReadWarning` says the
    period and ages read, in ``language`` (the module's, Danish unless
    :func:`set_language` says otherwise).

    >>> p = population("Nordjylland", 2022)
    >>> p["851"], p.names["851"]
    (221082, 'Aalborg')
    >>> allocate(p, "100").to_pandas().loc["851", "name"]
    'Aalborg'
    """
    if file is None:
        if ages is not None:
            raise InputError("ages: the embedded population has no ages; give a Statbank file",
                             code="invalid_option", field="ages")
        return _population(*_call(_andel.population, region, None if year is None else _year(year)))
    data = file
    if not isinstance(file, bytes):
        if not isinstance(file, (str, os.PathLike)):
            raise InputError(f"file: expected a path or bytes, got {type(file).__name__}",
                             code="invalid_option", field="file")
        # Read by core, as every file (a regular file only, the size first).
        data = _call(_andel.read_file_bytes, os.fspath(file), "file")
    # Bytes have no name: core's note then says the period and ages only.
    name = "" if isinstance(file, bytes) else os.fspath(file)
    age_from, age_to = ages if ages is not None else (None, None)
    found, said = _call(_andel.population_file, data, name, region,
                        None if year is None else _year(year), age_from, age_to,
                        _lang(language))
    import warnings
    warnings.warn(f"population: {said}", ReadWarning, stacklevel=2)
    return _population(found)


def region_population(year: Optional[int] = None) -> Population:
    """Population on 1 January of ``year`` (the newest embedded year, 2025,
    unless given; ``.year`` says it) by region (= KKR), a :class:`Population`.

    >>> sorted(region_population(2022))
    ['Hovedstaden', 'Midtjylland', 'Nordjylland', 'Sjælland', 'Syddanmark']
    """
    return _population(*_call(_andel.region_population, None if year is None else _year(year)))


def years() -> List[int]:
    """The population years shipped.

    >>> years()
    [2020, 2021, 2022, 2023, 2024, 2025]
    """
    return list(_andel.years())


def read_csv(source: Union[str, bytes, "os.PathLike[str]"], *, id: Optional[str] = None,
             name: Optional[str] = None, weight: Optional[str] = None,
             header: Optional[bool] = None, decimal: Optional[str] = None,
             keep_totals: Optional[bool] = None,
             language: Optional[str] = None) -> NamedWeights:
    """Weights from a CSV file (a path), its bytes, or CSV text: any of ``,``
    ``;`` tab, decimal point or comma; a file's bytes in UTF-8 with or
    without BOM, UTF-16 with BOM (Excel's "Unicode text") or Windows-1252
    (Danish Excel's CSV), found by the core and said with a
    :class:`ReadWarning` when not UTF-8; Statbank FOLK1A exports. Returns
    ``{id: Decimal}`` (a cell that is wholly a municipality's name or code
    becomes its code; other text is a party of its own), a
    :class:`NamedWeights`: a ``dict`` that also carries the names the file
    gives (``.names``, id -> name; a municipality's name when the file has
    no name column), which :func:`allocate` shows.

    ``header`` says whether the first row is a header (found when not
    given); ``decimal`` the decimal separator (``","`` or ``"."``), found
    from all the weights at once when not given: cells that contradict each
    other, or an ambiguous column (``1.250``) outside a semicolon file, are
    an error that asks for it (a semicolon or tab separated text, or one
    with a Danish header, reads ``221.082`` the Danish way, with a
    :class:`ReadWarning`). Totals (``Hele landet``, ``I alt``, ``000``;
    regions by name or code; the first or last row when it is the sum of
    the others) and a Statbank title or footnotes are left out, with a
    :class:`LeftOutWarning` naming them; ``keep_totals=True`` keeps regions
    and sums as parties (a region that takes a share, as in 2.12). The
    warnings are core's sentences in ``language`` (``"da"`` or ``"en"``;
    the module's language by default, Danish unless :func:`set_language`
    says otherwise).

    >>> read_csv("kommune;vægt\\nAalborg;221.082\\nLæsø;1.769\\n")
    {'851': Decimal('221082'), '825': Decimal('1769')}
    """
    if isinstance(source, bytearray):
        source = bytes(source)
    if not isinstance(source, (str, bytes, os.PathLike)):
        raise InputError(f"source: expected CSV text, bytes or a path, got {type(source).__name__}",
                         code="invalid_option", field="source")
    data: Union[str, bytes] = source if isinstance(source, bytes) else str(source)
    # Text without a line break is a file's path (CSV text has a line per
    # row): a missing file is an error, never read as CSV. A file is read by
    # core, as every file (a regular file only, the size checked first), and
    # its bytes decoded by core.
    if isinstance(source, os.PathLike) or (
            isinstance(data, str) and "\n" not in data and "\r" not in data):
        data = _call(_andel.read_file_bytes, os.fspath(source), "source")
    found, left_out, notes = _call(_andel.read_csv, data, id, name, weight, header, decimal,
                                   keep_totals, _lang(language))
    import warnings
    for note in notes:
        warnings.warn(f"read_csv: {note}", ReadWarning, stacklevel=2)
    if left_out:
        warnings.warn(f"read_csv: {left_out}", LeftOutWarning, stacklevel=2)
    return _named_weights(found)


def _write_bytes(path: Union[str, "os.PathLike[str]"], data: bytes) -> None:
    try:
        with open(path, "wb") as f:
            f.write(data)
    except (OSError, TypeError) as e:
        raise InputError(f"path: cannot write {path}: {e}", code="io", field="path") from None


def read_excel(source: Union[str, bytes, "os.PathLike[str]"], *, sheet: Optional[str] = None,
               id: Optional[str] = None, name: Optional[str] = None,
               weight: Optional[str] = None, header: Optional[bool] = None,
               decimal: Optional[str] = None,
               keep_totals: Optional[bool] = None,
               language: Optional[str] = None) -> NamedWeights:
    """Weights from an Excel workbook (.xlsx, a path or its bytes): the
    first sheet or ``sheet``, read by the same rules as :func:`read_csv`
    (columns, header, totals left out with a :class:`LeftOutWarning` in
    ``language``), a :class:`NamedWeights` with the names it gives. A number cell is read as the decimal its shortest form
    shows (7.2).
    """
    data = source
    if not isinstance(source, bytes):
        if not isinstance(source, (str, os.PathLike)):
            raise InputError(f"source: expected a path or bytes, got {type(source).__name__}",
                             code="invalid_option", field="source")
        # Read by core, as every file (a regular file only, the size first).
        data = _call(_andel.read_file_bytes, os.fspath(source), "source")
    found, left_out, notes = _call(_andel.read_xlsx, data, sheet, id, name, weight, header,
                                   decimal, keep_totals, _lang(language))
    import warnings
    for note in notes:
        warnings.warn(f"read_excel: {note}", ReadWarning, stacklevel=2)
    if left_out:
        warnings.warn(f"read_excel: {left_out}", LeftOutWarning, stacklevel=2)
    return _named_weights(found)


def set_strict(strict: bool = True) -> None:
    """Refuse floats everywhere (``True``), or read a finite float as the
    decimal its shortest repr shows (``False``, the default)."""
    _andel.set_strict(bool(strict))


def danish(value: Number, places: int = 2) -> str:
    """A number as Danes write it, with ``places`` decimals.

    >>> danish(Decimal("1658397.22"))
    '1.658.397,22'
    >>> danish(7.2, 1)
    '7,2'
    """
    return str(_call(_andel.danish, value, places))
