"""andel: exact distribution keys for Danish municipalities.

Money is :class:`decimal.Decimal` in and out and always adds up exactly;
places are whole numbers by a named apportionment method; every result can
say why each party got what it got. The engine is the Rust crate andel-core;
this package converts, calls it once and converts back.

Numbers: ints, :class:`decimal.Decimal`, decimal strings, and floats. A
finite float (a pandas column, Excel's ``0.072``) is read as the decimal its
shortest repr shows, the digits you see: ``0.072`` is ``Decimal("0.072")``,
``43089.0`` is 43089. NaN and infinity are refused with the index named.
``andel.set_strict(True)`` refuses floats altogether. A ``Decimal`` with more
digits than andel holds (28) is an error, never rounded.
"""

from __future__ import annotations

import json
import os
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field as dc_field
import decimal as _decimal
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from . import _andel

__all__ = [
    "AndelError",
    "InputError",
    "InvalidNumberError",
    "InfeasibleError",
    "TieError",
    "TieWarning",
    "LeftOutWarning",
    "ReadWarning",
    "AndelOverflowError",
    "CsvError",
    "UnknownMunicipalityError",
    "UnknownYearError",
    "DocumentError",
    "METHODS",
    "Population",
    "apportion",
    "split",
    "allocate",
    "split_table",
    "biproportional",
    "compute",
    "Result",
    "summary",
    "Summary",
    "Allocation",
    "Municipality",
    "municipality",
    "municipalities",
    "population",
    "region_population",
    "years",
    "read_csv",
    "read_excel",
    "danish",
    "set_language",
    "get_language",
]

# The workspace's one version (Cargo.toml), compiled in: the same as the
# wheel's, `andel --version` and JS `version()`.
__version__: str = _andel.__version__

METHODS = (
    "hamilton",
    "dhondt",
    "sainte_lague",
    "modified_sainte_lague",
    "huntington_hill",
    "adams",
    "dean",
)
"""The apportionment methods (aliases: largest_remainder, jefferson, webster),
each a valid ``method``: ``apportion([5, 3, 2], 7, METHODS[1])`` is D'Hondt."""


# --------------------------------------------------------------------------
# Errors: one class per core error code, chosen by code, never by message.


class AndelError(ValueError):
    """Any error andel reports. ``code`` is stable; ``field`` names the input.

    >>> try:
    ...     apportion([1, -2], 3)
    ... except AndelError as e:
    ...     print(type(e).__name__, e.code, e.field)
    InputError negative_weight weights[1]
    """

    code: str = "andel"

    def __init__(self, message: str, *, code: str = "", field: Optional[str] = None,
                 details: Optional[Dict[str, Any]] = None) -> None:
        super().__init__(message)
        self.code = code or type(self).code
        self.field = field
        self.details: Dict[str, Any] = details or {}

    def message_in(self, language: Optional[str] = None) -> str:
        """The message in ``"da"`` or ``"en"`` (the module's language by
        default, see :func:`set_language`), from core's catalogue; the
        exception's own text stays English.

        >>> try:
        ...     apportion([1, -2], 3)
        ... except AndelError as e:
        ...     print(e.message_in("da"))
        weights[1]: vægten -2 er negativ; vægte skal være nul eller mere
        """
        lang = _lang(language)
        if "code" not in self.details:
            return str(self)
        return str(_call(_andel.error_message, json.dumps(self.details), lang))

    @property
    def party(self) -> Optional[str]:
        """The party the error is about, when it is about one.

        >>> try:
        ...     compute({"version": 1, "scenarios": [{"name": "s", "total": 1}],
        ...              "key": {"weights": [{"id": "A", "weight": 1}, {"id": "A", "weight": 2}]}})
        ... except AndelError as e:
        ...     print(e.code, e.party)
        duplicate_party A
        """
        return self.details.get("id")

    def __reduce__(self) -> Any:
        return (_rebuild_error, (type(self), str(self), self.code, self.field, self.details))


def _rebuild_error(cls: "type[AndelError]", message: str, code: str, field: Optional[str],
                   details: Dict[str, Any]) -> "AndelError":
    return cls(message, code=code, field=field, details=details)


class InputError(AndelError):
    """A bad argument or key: negative or zero weights, duplicate or unknown ids,
    shares over 100 %, a bad unit or option.

    >>> try:
    ...     split(Decimal("1"), [1], unit="0")
    ... except InputError as e:
    ...     print(e.code, e.field)
    invalid_unit unit
    """


class InvalidNumberError(InputError):
    """Not an exact number: NaN, infinity, or unreadable text (or any float
    after ``set_strict(True)``).

    >>> try:
    ...     apportion([1, float("nan")], 3)
    ... except InvalidNumberError as e:
    ...     print(e.field)
    weights[1]
    """


class InfeasibleError(InputError):
    """Minimums and maximums that no allocation can meet.

    >>> try:
    ...     apportion([1, 1], 1, minimum=1)
    ... except InfeasibleError as e:
    ...     print(e.field)
    minimum
    """


class TieError(AndelError):
    """Parties stood exactly equal and the tie rule says to fail.

    >>> try:
    ...     apportion({"A": 1, "B": 1, "C": 1}, 2, ties="error")
    ... except TieError as e:
    ...     print(e.parties)
    ['A', 'B', 'C']
    """

    @property
    def parties(self) -> List[str]:
        """The parties that stood equal (see :class:`TieError`).

        >>> TieError("tie", code="tie", details={"parties": ["A", "B"]}).parties
        ['A', 'B']
        """
        return list(self.details.get("parties", []))


class TieWarning(UserWarning):
    """A tie decided by the rule ``order``; the message names the tied parties
    or cells. Turn it into an error with ``ties="error"``.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     biproportional([[1, 1], [1, 1]], [1, 1])
    [[1, 0], [0, 1]]
    >>> caught[0].category.__name__
    'TieWarning'
    """


class ReadWarning(UserWarning):
    """How a CSV file was read, when its reader should know: the encoding
    when it was not UTF-8, or a decimal separator decided by the Danish rule.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     read_csv(b"kommune;vaegt\\nL\\xe6s\\xf8;1769\\n")
    {'825': Decimal('1769')}
    >>> str(caught[0].message)
    'read_csv: read as Windows-1252 (the bytes are not UTF-8)'
    """


class LeftOutWarning(ReadWarning):
    """Rows of a CSV file left out of the weights on purpose: a national or
    regional total, a row that is the sum of the others, a title above the
    table or a note below it. The message names their lines.

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     read_csv("område;indhold\\nHele landet;5873420\\nAalborg;221082\\n")
    {'851': Decimal('221082')}
    >>> str(caught[0].message)
    'read_csv: left out line 2 "Hele landet;5873420" (the national total)'
    """


class AndelOverflowError(AndelError):
    """A number too large for exact arithmetic (never rounded instead).

    >>> try:
    ...     split(Decimal("1"), [Decimal("1e-28"), 10**27])
    ... except AndelOverflowError as e:
    ...     print(e.code)
    overflow
    """


class CsvError(InputError):
    """A malformed CSV file; ``line`` and ``column`` say where.

    >>> try:
    ...     read_csv("navn;vægt\\nA;1\\nB;x\\n")
    ... except CsvError as e:
    ...     print(e.line)
    3
    """

    @property
    def line(self) -> Optional[int]:
        """The CSV line of the error (1 is the first line).

        >>> CsvError("bad", code="csv", details={"line": 3}).line
        3
        """
        return self.details.get("line")

    @property
    def column(self) -> Optional[str]:
        """The CSV column of the error (its header, or its number).

        >>> CsvError("bad", code="csv", details={"column": "vægt"}).column
        'vægt'
        """
        return self.details.get("column")


class UnknownMunicipalityError(InputError):
    """A municipality we do not know; ``suggestions`` lists the closest.

    >>> try:
    ...     municipality("Aalborgg")
    ... except UnknownMunicipalityError as e:
    ...     print(e.suggestions[0])
    Aalborg (851)
    """

    @property
    def suggestions(self) -> List[str]:
        """The closest municipality names (see :class:`UnknownMunicipalityError`).

        >>> UnknownMunicipalityError("?", details={"suggestions": ["Aalborg (851)"]}).suggestions
        ['Aalborg (851)']
        """
        return list(self.details.get("suggestions", []))


class UnknownYearError(InputError):
    """A population year we do not ship; ``available`` lists those we do.

    >>> try:
    ...     population(year=2019)
    ... except UnknownYearError as e:
    ...     print(e.available[0])
    2020
    """

    @property
    def available(self) -> List[int]:
        """The population years shipped (see :class:`UnknownYearError`).

        >>> UnknownYearError("?", details={"available": [2020]}).available
        [2020]
        """
        return list(self.details.get("available", []))


class DocumentError(InputError):
    """A key document that cannot be read (unknown field, wrong type).

    >>> try:
    ...     compute({"version": 1, "scenarios": [], "kee": {}})
    ... except DocumentError as e:
    ...     print(e.code)
    document
    """


_BY_CODE = {
    "negative_weight": InputError,
    "zero_total_weight": InputError,
    "no_parties": InputError,
    "duplicate_party": InputError,
    "unknown_party": InputError,
    "invalid_share": InputError,
    "invalid_unit": InputError,
    "not_multiple_of_unit": InputError,
    "invalid_option": InputError,
    "invalid_id": InputError,
    "length_mismatch": InputError,
    "invalid_number": InvalidNumberError,
    "infeasible": InfeasibleError,
    "tie": TieError,
    "overflow": AndelOverflowError,
    "csv": CsvError,
    "unknown_municipality": UnknownMunicipalityError,
    "unknown_year": UnknownYearError,
    "document": DocumentError,
    "io": InputError,
    "encoding": InputError,
    "missing_municipality": InputError,
    "period_not_in_file": InputError,
    "ages_not_in_file": InputError,
}


def _error(e: BaseException) -> AndelError:
    code, message, field, details = e.args
    cls = _BY_CODE.get(code, AndelError)
    return cls(message, code=code, field=field, details=json.loads(details or "{}"))


def _call(fn: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return fn(*args, **kwargs)
    except _andel.CoreError as e:
        raise _error(e) from None


# Our own decimal context for the little arithmetic done here (a quota made
# readable, a total for a table): exact for any decimal andel holds, so that
# a caller's ``getcontext().prec = 8`` (or its traps) changes no result.
_EXACT = _decimal.Context(prec=200, rounding=_decimal.ROUND_HALF_EVEN, Emax=_decimal.MAX_EMAX,
                          Emin=_decimal.MIN_EMIN, capitals=1, clamp=0,
                          traps=[_decimal.InvalidOperation, _decimal.DivisionByZero,
                                 _decimal.Overflow])


# --------------------------------------------------------------------------
# The language of text for people (tables, explanations, HTML): Danish
# unless set; the words themselves come from core's catalogue.

_language = "da"


def set_language(language: str) -> None:
    """The language of every table, explanation and HTML view from now on,
    ``"da"`` (the default) or ``"en"``; each call can still pass its own
    ``language=``. Column labels of :meth:`Allocation.to_pandas` and plain
    CSV stay stable identifiers.

    >>> set_language("en"); get_language()
    'en'
    >>> set_language("da")
    """
    global _language
    _language = str(_call(_andel.check_language, str(language)))


def get_language() -> str:
    """The language set by :func:`set_language` (``"da"`` by default)."""
    return _language


def _lang(language: Optional[str]) -> str:
    return _language if language is None else str(_call(_andel.check_language, str(language)))


# --------------------------------------------------------------------------
# Shapes: sequences, mappings and pandas Series in; the same shape out.

Number = Union[int, Decimal, str]
Weights = Union[Sequence[Number], Mapping[Any, Number], Any]


def _is_series(x: Any) -> bool:
    return type(x).__name__ == "Series" and hasattr(x, "index") and hasattr(x, "tolist")


class _Shape:
    def __init__(self, weights: Any) -> None:
        self.series = None
        self.keys: Optional[List[Any]] = None
        if _is_series(weights):
            self.series = weights
            self.values: List[Any] = weights.tolist()
            self.keys = list(weights.index)
        elif isinstance(weights, Mapping):
            self.keys = list(weights.keys())
            self.values = list(weights.values())
        elif _is_frame(weights):
            raise InputError(
                "weights: a DataFrame has columns; give the one with the weights, such as "
                "df['population'] (a Series, indexed by party)",
                code="invalid_option", field="weights")
        elif isinstance(weights, AbstractSet):
            raise InputError(
                "weights: a set has no order, and results come back in the weights' order; "
                "give a list, or a mapping from party to weight",
                code="invalid_option", field="weights")
        elif isinstance(weights, (str, bytes)) or not isinstance(weights, Iterable):
            raise InputError(
                f"weights: expected a sequence, a mapping or a pandas Series, got {type(weights).__name__}",
                code="invalid_option", field="weights")
        else:
            self.values = list(weights)
        self.ids: Optional[List[str]] = None
        if self.keys is not None:
            self.ids = [str(k) for k in self.keys]
            if len(set(self.ids)) != len(self.ids):
                raise InputError("weights: two keys have the same text", code="duplicate_party",
                                 field="weights")

    def ref(self, x: Any) -> Any:
        """A party named in a limit or priority order, as core wants it."""
        if self.keys is not None and x in self.keys:
            return str(x)
        return x

    def limit(self, x: Any) -> Any:
        if isinstance(x, Mapping):
            if self.ids is None:
                self.ids = [str(i) for i in range(len(self.values))]
            return {str(self.ref(k)): v for k, v in x.items()}
        if _is_series(x):
            return self.limit(dict(zip(x.index, x.tolist())))
        return x

    def ties(self, x: Any) -> Any:
        if x is None or isinstance(x, str):
            return x
        if isinstance(x, (bytes, Mapping, AbstractSet)) or not isinstance(x, Iterable):
            raise InputError(f'ties: use "order", "error" or a priority list of ids or indexes, '
                             f"got {type(x).__name__}", code="invalid_option", field="ties")
        return [self.ref(p) for p in x]

    def out(self, values: List[Any]) -> Any:
        if self.series is not None:
            import pandas as pd  # only reached when a Series came in

            return pd.Series(values, index=self.series.index, name=self.series.name)
        if self.keys is not None:
            return dict(zip(self.keys, values))
        return values


def _text(x: Any, field: str) -> str:
    if not isinstance(x, str):
        raise InputError(f"{field}: expected text, got {type(x).__name__}", code="invalid_option",
                         field=field)
    return x


def _year(year: Any) -> int:
    if isinstance(year, bool) or not isinstance(year, int) and not hasattr(year, "__index__"):
        raise InputError(f"year: expected a year such as 2022, got {year!r}", code="invalid_option",
                         field="year")
    y = int(year)
    if not -(2**31) <= y < 2**31:
        raise UnknownYearError(f"year: no population data for {y}; years available: {years()}",
                               code="unknown_year", field="year")
    return y


def apportion(weights: Weights, seats: int, method: str = "hamilton", *,
              minimum: Any = None, maximum: Any = None, first_divisor: Any = None,
              ties: Any = "order", exclude: Optional[Sequence[str]] = None) -> Any:
    """Whole units (places, seats) in proportion to ``weights``.

    Returns a list in input order; a mapping gives a dict and a pandas Series
    a Series. ``minimum``/``maximum``: one int, a sequence or a mapping per
    party. ``ties``: ``"order"`` (earlier wins), ``"error"`` (raise
    :class:`TieError`) or a priority order of ids or indexes. ``exclude``:
    parties that take no part (ids, or municipality codes or names, forgiving
    of spelling; an unknown name lists the closest).

    A NumPy array of integers or float64 gives a NumPy array (int64), read
    and written as whole buffers: no Python object per party, so a million
    parties take milliseconds (floats by the float rule, read natively).

    >>> apportion([5, 3, 2], 7)
    [4, 2, 1]
    >>> apportion({"A": 100000, "B": 80000, "C": 30000, "D": 20000}, 8, "dhondt")
    {'A': 4, 'B': 3, 'C': 1, 'D': 0}
    """
    fast = _number_array(weights) if exclude is None else None
    plain = all(x is None or isinstance(x, int) for x in (minimum, maximum))
    if fast is not None and plain and (ties is None or isinstance(ties, str)):
        data, kind = fast
        units = _from_buffer(_call(_andel.apportion_array, data, kind, seats, _text(method, "method"),
                                   minimum, maximum, first_divisor, ties), seats)
        if _is_series(weights):
            import pandas as pd  # a Series came in
            series: Any = weights
            return pd.Series(units, index=series.index, name=series.name)
        return units
    s = _Shape(weights)
    mn, mx = s.limit(minimum), s.limit(maximum)
    units = _call(_andel.apportion, s.values, seats, _text(method, "method"), mn, mx, first_divisor,
                  s.ties(ties), s.ids, _names(exclude, "exclude"))
    return s.out(units)


def _number_array(x: Any) -> Optional[Tuple[bytes, str]]:
    """A NumPy array or pandas Series of integers or float64 as the bytes of
    little-endian 8-byte numbers and their kind (``"i8"``, ``"u8"``,
    ``"f8"``): read by the engine in one pass without a Python object per
    item (floats by the float rule, natively). ``None`` for anything else
    (float32 and other kinds take the general path), and for a Series whose
    index repeats a label (the general path refuses it, as for any
    weights)."""
    if _is_series(x) and not x.index.is_unique:
        return None
    values = x.to_numpy() if _is_series(x) else x
    if type(values).__name__ != "ndarray" or getattr(values, "ndim", 0) != 1:
        return None
    dtype = values.dtype
    if dtype.kind in "iu":
        code = "i8" if dtype.kind == "i" else "u8"
    elif dtype.kind == "f" and dtype.itemsize == 8:
        code = "f8"
    else:
        return None
    import numpy as np  # an ndarray came in
    # One copy (tobytes); none more when it is already little-endian 8 bytes.
    return np.ascontiguousarray(values, dtype="<" + code).tobytes(), code


def _from_buffer(data: bytearray, seats: Any) -> Any:
    """Units from the engine's buffer (a ``bytearray`` it wrote for this
    call) as a writable NumPy array viewing it, no copy: int64 when the seats
    fit it, else uint64."""
    import numpy as np  # only called for NumPy input
    return np.frombuffer(data, dtype="<i8" if int(seats) < 2**63 else "<u8")


_OUTPUTS = ("decimal", "str", "units")


def split(amount: Number, weights: Weights, *, unit: Number = "0.01",
          ties: Any = "order", exclude: Optional[Sequence[str]] = None,
          output: str = "decimal") -> Any:
    """Splits money by ``weights`` into multiples of ``unit``; the parts add up
    to ``amount`` exactly. Leftover units go by largest remainder.

    ``output``: ``"decimal"`` (``decimal.Decimal`` parts, the default),
    ``"str"`` (the same digits as text) or ``"units"`` (whole units of
    ``unit`` as ints with the amount's sign: øre for the default unit). Making
    a million ``Decimal`` objects takes Python itself about 0.3 s; the other
    two are the fast ways out for large inputs. A NumPy array (or pandas
    Series) of integers or float64 is read as a whole buffer, and ``"units"`` then
    comes back as a NumPy int64 array, ``"str"`` as a NumPy array of
    strings (``<U`` dtype), each a Series for a Series.

    >>> split(Decimal("0.10"), [50, 27, 23])
    [Decimal('0.05'), Decimal('0.03'), Decimal('0.02')]
    >>> split(Decimal("-0.10"), [50, 27, 23], output="units")
    [-5, -3, -2]
    """
    if not isinstance(output, str) or output not in _OUTPUTS:
        raise InputError(f"output: use one of {', '.join(_OUTPUTS)}, got {output!r}",
                         code="invalid_option", field="output")
    fast = _number_array(weights) if exclude is None and (ties is None or isinstance(ties, str)) else None
    if fast is not None:
        data, kind = fast
        out = _call(_andel.split_array, data, kind, amount, unit, output, ties)
        import numpy as np  # an ndarray or a Series came in
        if output == "units":
            values: Any = np.frombuffer(out, dtype="<i8")  # a writable view of a bytearray
        elif output == "str":
            buffer, width = out
            values = np.frombuffer(buffer, dtype=f"<U{width}")
        else:
            values = list(map(Decimal, out))
        if _is_series(weights):
            import pandas as pd  # a Series came in
            series: Any = weights
            return pd.Series(values, index=series.index, name=series.name)
        return values
    s = _Shape(weights)
    parts = _call(_andel.split, amount, s.values, unit, s.ties(ties), s.ids,
                  _names(exclude, "exclude"), output == "units")
    if output == "decimal":
        parts = list(map(Decimal, parts))
    return s.out(parts)


def _names(x: Any, field: str) -> Optional[List[str]]:
    """A list of party names or ids (a lone string is one name)."""
    if x is None:
        return None
    if isinstance(x, str):
        return [x]
    try:
        return [str(v) for v in x]
    except TypeError:
        raise InputError(f"{field}: expected a list of ids or names, got {type(x).__name__}",
                         code="invalid_option", field=field) from None


def split_table(amount: Number, row_weights: Weights, column_weights: Weights, *,
                unit: Number = "0.01") -> Any:
    """Splits money two ways at once: every row adds up to the row's share of
    ``amount`` (as :func:`split` by ``row_weights`` gives it) and every column
    to the column's (by ``column_weights``); each cell, ``amount × row share ×
    column share``, is rounded to the unit down or up (controlled rounding:
    largest remainder first, as long as all totals can still be met).

    Returns a list of rows of ``Decimal``; with pandas Series for both
    weights a ``pandas.DataFrame`` indexed by them, with mappings a dict of
    dicts (row → column → amount).

    >>> t = split_table(Decimal("100"), [1, 1, 1], [1, 1])
    >>> [sum(r) for r in t], [sum(c) for c in zip(*t)]
    ([Decimal('33.34'), Decimal('33.33'), Decimal('33.33')], [Decimal('50.00'), Decimal('50.00')])
    """
    rows, cols = _Shape(row_weights), _Shape(column_weights)
    table = [[Decimal(x) for x in r] for r in
             _call(_andel.split_table, amount, rows.values, cols.values, unit)]
    if rows.series is not None and cols.series is not None:
        import pandas as pd  # Series in, a frame out
        return pd.DataFrame(table, index=rows.keys, columns=cols.keys)
    if rows.keys is not None and cols.keys is not None:
        return {r: dict(zip(cols.keys, row)) for r, row in zip(rows.keys, table)}
    return table


def _is_frame(x: Any) -> bool:
    return type(x).__name__ == "DataFrame" and hasattr(x, "columns") and hasattr(x, "itertuples")


def _aligned(totals: Any, labels: Optional[List[Any]], field: str) -> Any:
    """Totals given per label (a mapping or Series) in the order of ``labels``."""
    if _is_series(totals):
        totals = dict(zip(totals.index, totals.tolist()))
    if not isinstance(totals, Mapping):
        return totals
    if labels is None:
        raise InputError(f"{field}: totals by name need weights with names (a pandas DataFrame); "
                         f"give a list in the order of the weights", code="invalid_option", field=field)
    missing = [k for k in labels if k not in totals]
    extra = [k for k in totals if k not in labels]
    if missing or extra:
        raise InputError(f"{field}: the names must be those of the weights; missing {missing}, "
                         f"unknown {extra}", code="unknown_party", field=field)
    return [totals[k] for k in labels]


def biproportional(weights: Any, column_totals: Any, *, row_totals: Any = None,
                   method: str = "sainte_lague", first_divisor: Any = None,
                   ties: str = "order") -> Any:
    """Whole units in a table whose rows and columns both meet their totals
    (biproportional apportionment, the "doppelter Pukelsheim").

    Every cell gets ``weight × row multiplier × column multiplier`` rounded by
    ``method`` (``"sainte_lague"``: to the nearest; ``"dhondt"``: down;
    ``"modified_sainte_lague"`` with ``first_divisor``), with multipliers such
    that every column gets its ``column_totals`` entry and every row its
    ``row_totals`` entry. Without ``row_totals`` the rows' totals are first
    apportioned over the whole by ``method`` from the rows' summed weights.
    Exact: no floating point decides anything. Ties (another rounding exactly
    as justified) go to the cell earlier in the table, row by row, and raise a
    :class:`TieWarning` naming the cells; ``ties="error"`` raises
    :class:`TieError` instead.

    ``weights`` is a list of rows; a pandas ``DataFrame`` gives a DataFrame
    with its index and columns (totals may then be Series or mappings by
    label). Returns a list of rows of ``int``.

    >>> biproportional([[123, 45, 815], [912, 714, 414], [312, 255, 215]], [7, 5, 8])
    [[1, 0, 4], [4, 4, 3], [2, 1, 1]]
    >>> biproportional([[51, 98, 45], [60, 100, 120], [63, 102, 144]], [4, 5, 6],
    ...                row_totals=[4, 5, 6])
    [[1, 2, 1], [1, 2, 2], [2, 1, 3]]
    """
    frame = weights if _is_frame(weights) else None
    if frame is not None:
        rows: Any = [list(r) for r in frame.itertuples(index=False)]
        row_labels: Optional[List[Any]] = list(frame.index)
        column_labels: Optional[List[Any]] = list(frame.columns)
    else:
        if isinstance(weights, (str, bytes, Mapping)) or not isinstance(weights, Iterable):
            raise InputError(f"weights: expected a list of rows (or a pandas DataFrame), got "
                             f"{type(weights).__name__}", code="invalid_option", field="weights")
        rows, row_labels, column_labels = weights, None, None
    cells, _, found = _call(_andel.biproportional, rows,
                            _aligned(column_totals, column_labels, "column_totals"),
                            _aligned(row_totals, row_labels, "row_totals"),
                            _text(method, "method"), first_divisor, _text(ties, "ties"))
    if found:
        import warnings
        shown = "; ".join(", ".join(f"({i}, {j})" for i, j in tied) for tied, _ in found)
        warnings.warn(f"biproportional: a tie between cells (row, column) {shown} was decided by "
                      f"table order (earlier cells first); give ties='error' to refuse",
                      TieWarning, stacklevel=2)
    if frame is not None:
        import pandas as pd  # a frame came in
        return pd.DataFrame(cells, index=frame.index, columns=frame.columns)
    return cells


def allocate(weights: Weights, total: Number, *, seats: bool = False,
             method: str = "hamilton", unit: Number = "0.01", minimum: Any = None,
             maximum: Any = None, first_divisor: Any = None, ties: Any = "order",
             names: Optional[Mapping[Any, str]] = None,
             exclude: Optional[Sequence[str]] = None) -> "Allocation":
    """Like :func:`split` (or :func:`apportion` with ``seats=True``) but returns
    an :class:`Allocation` that explains every party's result.

    Every argument counts: money (``seats=False``) is split by largest
    remainder into ``unit``s, so ``method``, ``minimum``, ``maximum`` and
    ``first_divisor`` are refused there (give ``seats=True`` for places);
    ``unit`` is refused with ``seats=True``; ``names`` must name parties of
    ``weights``. Weights from :func:`population` bring their names along.

    >>> a = allocate({"A": 50, "B": 27, "C": 23}, Decimal("0.10"))
    >>> a.explain("B")
    'B: 27 af 100 (27,0000 %) af 0,10 kr. giver 0,027000 kr.; rundet op til 0,03 kr., fordi resten 0,007000 kr. er den 1. største af 2.'
    """
    s = _Shape(weights)
    ids = s.ids if s.ids is not None else [str(i) for i in range(len(s.values))]
    keys = s.keys if s.keys is not None else list(range(len(s.values)))
    if names is not None:
        if not isinstance(names, Mapping):
            raise InputError(f"names: expected a mapping from party to name, got {type(names).__name__}",
                             code="invalid_option", field="names")
        for k, v in names.items():
            if k not in keys:
                raise InputError(f"names: {k!r} is not a party of weights", code="unknown_party",
                                 field=f"names.{k}")
            if not isinstance(v, str):
                raise InputError(f"names.{k}: expected a string, got {type(v).__name__}",
                                 code="invalid_option", field=f"names.{k}")
    elif isinstance(weights, Population):
        names = weights.names  # population() knows its names
    nm = [names.get(k) for k in keys] if names else None
    if seats:
        if not (isinstance(unit, str) and unit == "0.01"):
            raise InputError("unit: places are whole units; unit is for money (seats=False)",
                             code="invalid_option", field="unit")
        text = _call(_andel.apportion_explained, s.values, ids, total, _text(method, "method"), s.limit(minimum),
                     s.limit(maximum), first_divisor, s.ties(ties), nm, _names(exclude, "exclude"))
    else:
        for arg, value, default in (("method", method, "hamilton"), ("minimum", minimum, None),
                                    ("maximum", maximum, None), ("first_divisor", first_divisor, None)):
            if value != default:
                raise InputError(f"{arg}: money is split by largest remainder into units; "
                                 f"give seats=True to apportion whole places by a method",
                                 code="invalid_option", field=arg)
        text = _call(_andel.split_explained, total, s.values, ids, unit, s.ties(ties), nm,
                     _names(exclude, "exclude"))
    return Allocation._made(text)


# --------------------------------------------------------------------------
# Results.


_NUMERIC = {"share_base", "share_other", "amount_base", "amount_other", "change",
            "dimensioned", "actual", "difference", "percent"}


def _numbers(row: Mapping[str, Any]) -> Dict[str, Any]:
    return {k: Decimal(v) if k in _NUMERIC and isinstance(v, str) else v for k, v in row.items()}


def _json_object(text: Any, what: str) -> Dict[str, Any]:
    try:
        data = json.loads(text)
    except (TypeError, ValueError) as e:
        raise DocumentError(f"{what}: not the JSON of a result ({e})", code="document",
                            field="json_text") from None
    if not isinstance(data, dict):
        raise DocumentError(f"{what}: not the JSON of a result", code="document", field="json_text")
    return data


def _readable(d: Decimal) -> Decimal:
    """A decimal without a trailing exponent: 0 for 0E-12, 1000 for 1E+3."""
    with _decimal.localcontext(_EXACT):
        n = d.normalize()
        return n.quantize(Decimal(1)) if n.as_tuple().exponent > 0 else n  # type: ignore[operator]


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
        """Every scenario's main allocation, one dict per party, with the scenario.

        >>> r = compute({"version": 1, "scenarios": [{"name": "lav", "total": "100.00"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> [(x["scenario"], x["id"], x["amount"]) for x in r.to_records()]
        [('lav', 'A', Decimal('75.00')), ('lav', 'B', Decimal('25.00'))]
        """
        out = []
        for s in self.data["scenarios"]:
            for r in Allocation._from(s["allocation"]).to_records():
                out.append({"scenario": s["name"], **r})
        return out

    def to_pandas(self) -> Any:
        """A DataFrame of :meth:`to_records` (needs pandas).

        >>> r = compute({"version": 1, "scenarios": [{"name": "lav", "total": "100.00"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> r.to_pandas()[["scenario", "id", "amount"]].values.tolist()
        [['lav', 'A', Decimal('75.00')], ['lav', 'B', Decimal('25.00')]]
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

    def to_csv(self, scenario: Union[int, str] = 0, dialect: str = "plain",
               language: Optional[str] = None) -> str:
        """A scenario's main allocation as CSV (``"plain"``, stable machine
        names, or ``"danish_excel"``, the table as on the screen in ``language``).

        >>> r = compute({"version": 1, "scenarios": [{"name": "lav", "total": "100.00"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> r.to_csv().splitlines()[0]
        'id,name,weight,share,quota,amount,units,rounding,remainder_rank,tied'
        """
        return self.allocation(scenario).to_csv(dialect, language)

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
        its CSV weights left out (a Statbank export's totals), shown with every view.

        >>> r = compute({"version": 1, "assumptions": ["B pays a quarter."],
        ...              "scenarios": [{"name": "s", "total": "4"}],
        ...              "key": {"weights": [{"id": "A", "weight": 3}, {"id": "B", "weight": 1}]}})
        >>> r.assumptions
        ['B pays a quarter.']
        """
        return list(self.data.get("assumptions", []))

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


def _plain_json(x: Any, path: str = "", depth: int = 0) -> Any:
    """A document dict as plain JSON values: floats as the decimals they show
    (NaN, infinity, or any float under ``set_strict(True)`` refused), Decimals
    as text, NumPy integers as ints; anything else (a set, an object, nesting
    deeper than 64) refused with its path."""
    where = path or "document"
    if depth > 64:
        raise DocumentError(f"{where}: nested deeper than 64 levels", code="document", field=where)
    if x is None or isinstance(x, (bool, str, int)):
        return x
    if isinstance(x, Decimal):
        return str(_call(_andel.float_text, x, where))
    if isinstance(x, float) or type(x).__module__ == "numpy":
        return str(_call(_andel.float_text, x, where))
    if isinstance(x, Mapping):
        out = {}
        for k, v in x.items():
            if not isinstance(k, str):
                raise DocumentError(f"{where}: field names are text, got {k!r}", code="document", field=where)
            out[k] = _plain_json(v, f"{path}.{k}" if path else k, depth + 1)
        return out
    if isinstance(x, (list, tuple)):
        return [_plain_json(v, f"{path}[{i}]", depth + 1) for i, v in enumerate(x)]
    raise DocumentError(f"{where}: a {type(x).__name__} is not a JSON value (use a list, dict, "
                        "text or number)", code="document", field=where)


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
        text = json.dumps(_plain_json(document), ensure_ascii=False)
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
    :attr:`rows` and :meth:`to_pandas` for analysis.
    """

    def __init__(self, json_text: str) -> None:
        """From the JSON of a summary (``to_json()``); summaries come from
        :func:`summary`, not from here."""
        self._json = json_text
        self.data: Dict[str, Any] = _json_object(json_text, "Summary")

    def __reduce__(self) -> Any:
        return (Summary, (self._json,))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Summary) and self.data == other.data

    def __repr__(self) -> str:
        heads = ", ".join(c["head"] for c in self.data["columns"])
        return f"<Summary: {len(self.data['rows'])} municipalities; {heads}>"

    @property
    def columns(self) -> List[str]:
        """The columns' heads: kroner columns, then places columns, then the
        kroner totals (``"total"``, or ``"total (lowest)"`` and
        ``"total (highest)"`` when a case has several scenarios)."""
        heads = [c["head"] for c in self.data["columns"]]
        return heads + [_TOTAL_HEADS[t] for t in self.data["totals"]]

    @property
    def units(self) -> Dict[str, str]:
        """Per column head, what it counts: ``"kr."`` or what the places are
        places of."""
        out = {c["head"]: ("kr." if c["unit"] == "kroner" else c["unit"]["places"]["of"])
               for c in self.data["columns"]}
        out.update({_TOTAL_HEADS[t]: "kr." for t in self.data["totals"]})
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


_TOTAL_HEADS = {"all": "total", "lowest": "total (lowest)", "highest": "total (highest)"}


def summary(results: Iterable[Result]) -> Summary:
    """The meeting as a whole: per municipality, what it pays and which
    places it gets across the results whose documents say how they count
    (their ``summary``: the case, and for places what they are places of).
    Kroner are added into a total (with each case's lowest and highest
    scenario when a case has several); places are never added.

    >>> doc = lambda case, total: {"version": 1, "summary": {"case": case},
    ...     "key": {"population": {"region": "Nordjylland", "year": 2022, "municipalities": ["Læsø"]}},
    ...     "scenarios": [{"name": "x", "total": total}]}
    >>> s = summary([compute(doc("A", "100.00")), compute(doc("B", "50.00"))])
    >>> s.rows["825"]["total"]
    Decimal('150.00')
    """
    texts = []
    for i, r in enumerate(results):
        if not isinstance(r, Result):
            raise DocumentError(f"results[{i}]: expected a Result (from compute), got {type(r).__name__}",
                                code="document", field=f"results[{i}]")
        texts.append(r.to_json())
    return Summary(_call(_andel.summary, texts))


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
    name = _call(_andel.region, region) if region is not None else None
    return [_municipality(d) for d in json.loads(_call(_andel.municipalities))
            if name is None or d["region"] == name]


class Population(Dict[str, int]):
    """A dict of population by municipality code (or region) that also
    carries the names (``.names``, code -> name), so that :func:`allocate`
    shows names without ``names=``. Everything else is a plain ``dict``.

    >>> p = population("Nordjylland", 2022)
    >>> p["851"], p.names["851"]
    (221082, 'Aalborg')
    """

    names: Dict[str, str]

    def __init__(self, counts: Mapping[str, int], names: Mapping[str, str]) -> None:
        super().__init__(counts)
        self.names = dict(names)


def _population(text: str) -> Population:
    parties = json.loads(text)
    return Population({p["id"]: int(p["weight"]) for p in parties},
                      {p["id"]: p["name"] for p in parties if p.get("name")})


def population(region: Optional[str] = None, year: Optional[int] = None, *,
               file: Union[None, str, "os.PathLike[str]", bytes] = None,
               ages: Optional[Tuple[Optional[int], Optional[int]]] = None) -> Population:
    """Population on 1 January of ``year`` (2022 unless given) by
    municipality code, a :class:`Population` (a ``dict`` that also knows the
    names). ``region`` is forgiving ("nordjylland", "Region Nordjylland"); a
    misspelt one is refused with the closest region named.

    ``file`` (a path or the bytes) is your own Statbank file instead of the
    embedded figures, any year: FOLK1A, FOLK1AM or BY2, as the API's CSV
    (``OMRÅDE;ALDER;KØN;TID;INDHOLD``) or the web's matrix export; ``year``
    picks the file's first period of that year (its only period when not
    given), ``ages=(65, None)`` sums the age groups from 65 up (a range the
    groups cannot give exactly is an error). A :class:`ReadWarning` says the
    period and ages read.

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
        return _population(_call(_andel.population, region, _year(2022 if year is None else year)))
    data = file
    if not isinstance(file, bytes):
        if not isinstance(file, (str, os.PathLike)):
            raise InputError(f"file: expected a path or bytes, got {type(file).__name__}",
                             code="invalid_option", field="file")
        # Read by core, as every file (a regular file only, the size first).
        data = _call(_andel.read_file_bytes, os.fspath(file), "file")
    name = "the bytes given" if isinstance(file, bytes) else os.fspath(file)
    age_from, age_to = ages if ages is not None else (None, None)
    found, said = _call(_andel.population_file, data, name, region,
                        None if year is None else _year(year), age_from, age_to)
    import warnings
    warnings.warn(f"population: {said}", ReadWarning, stacklevel=2)
    return _population(found)


def region_population(year: int = 2022) -> Population:
    """Population on 1 January of ``year`` by region (= KKR), a
    :class:`Population`.

    >>> sorted(region_population(2022))
    ['Hovedstaden', 'Midtjylland', 'Nordjylland', 'Sjælland', 'Syddanmark']
    """
    return _population(_call(_andel.region_population, _year(year)))


def years() -> List[int]:
    """The population years shipped.

    >>> years()
    [2020, 2021, 2022, 2023, 2024, 2025]
    """
    return list(_andel.years())


def read_csv(source: Union[str, bytes, "os.PathLike[str]"], *, id: Optional[str] = None,
             name: Optional[str] = None, weight: Optional[str] = None,
             header: Optional[bool] = None, decimal: Optional[str] = None,
             keep_totals: Optional[bool] = None) -> Dict[str, Decimal]:
    """Weights from a CSV file (a path), its bytes, or CSV text: any of ``,``
    ``;`` tab, decimal point or comma; a file's bytes in UTF-8 with or
    without BOM, UTF-16 with BOM (Excel's "Unicode text") or Windows-1252
    (Danish Excel's CSV), found by the core and said with a
    :class:`ReadWarning` when not UTF-8; Statbank FOLK1A exports. Returns
    ``{id: Decimal}`` (a cell that is wholly a municipality's name or code
    becomes its code; other text is a party of its own).

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
    and sums as parties (a region that takes a share, as in 2.12).

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
                                   keep_totals)
    import warnings
    for note in notes:
        warnings.warn(f"read_csv: {note}", ReadWarning, stacklevel=2)
    if left_out:
        warnings.warn(f"read_csv: {left_out}", LeftOutWarning, stacklevel=2)
    return {p["id"]: Decimal(p["weight"]) for p in json.loads(found)["key"]}


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
               keep_totals: Optional[bool] = None) -> Dict[str, Decimal]:
    """Weights from an Excel workbook (.xlsx, a path or its bytes): the
    first sheet or ``sheet``, read by the same rules as :func:`read_csv`
    (columns, header, totals left out with a :class:`LeftOutWarning`). A
    number cell is read as the decimal its shortest form shows (7.2).
    """
    data = source
    if not isinstance(source, bytes):
        if not isinstance(source, (str, os.PathLike)):
            raise InputError(f"source: expected a path or bytes, got {type(source).__name__}",
                             code="invalid_option", field="source")
        # Read by core, as every file (a regular file only, the size first).
        data = _call(_andel.read_file_bytes, os.fspath(source), "source")
    found, left_out, notes = _call(_andel.read_xlsx, data, sheet, id, name, weight, header,
                                   decimal, keep_totals)
    import warnings
    for note in notes:
        warnings.warn(f"read_excel: {note}", ReadWarning, stacklevel=2)
    if left_out:
        warnings.warn(f"read_excel: {left_out}", LeftOutWarning, stacklevel=2)
    return {p["id"]: Decimal(p["weight"]) for p in json.loads(found)["key"]}


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
