"""The calls: apportion, split, split_table, biproportional, allocate."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Iterable, List, Mapping, Optional, Sequence

from . import _andel
from ._allocation import Allocation
from ._base import InputError, TieWarning, _call
from ._convert import Number, Weights, _OUTPUTS, _Shape, _aligned, _from_buffer, _is_frame, _is_series, _names, _number_array, _text
from ._data import NamedWeights, Population


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
            values: Any = out  # an int64 array owning the engine's result
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
    elif isinstance(weights, (Population, NamedWeights)):
        names = weights.names  # population(), read_csv() know their names
    nm = [names.get(k) for k in keys] if names else None
    # Inhabitants (population()'s year and ages): core heads the column so.
    kind = weights.weights_kind if isinstance(weights, Population) else None
    kind_json = None if kind is None else json.dumps(kind)
    if seats:
        if not (isinstance(unit, str) and unit == "0.01"):
            raise InputError("unit: places are whole units; unit is for money (seats=False)",
                             code="invalid_option", field="unit")
        text = _call(_andel.apportion_explained, s.values, ids, total, _text(method, "method"), s.limit(minimum),
                     s.limit(maximum), first_divisor, s.ties(ties), nm, _names(exclude, "exclude"),
                     kind_json)
    else:
        for arg, value, default in (("method", method, "hamilton"), ("minimum", minimum, None),
                                    ("maximum", maximum, None), ("first_divisor", first_divisor, None)):
            if value != default:
                raise InputError(f"{arg}: money is split by largest remainder into units; "
                                 f"give seats=True to apportion whole places by a method",
                                 code="invalid_option", field=arg)
        text = _call(_andel.split_explained, total, s.values, ids, unit, s.ties(ties), nm,
                     _names(exclude, "exclude"), kind_json)
    return Allocation._made(text)
