"""Python shapes in and out: sequences, mappings, pandas Series and NumPy arrays to what the
native module takes, and its answers back in the same shape."""

from __future__ import annotations

import json
from collections.abc import Set as AbstractSet
import decimal as _decimal
from decimal import Decimal
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union
from ._base import DocumentError, InputError


# Our own decimal context for the little arithmetic done here (a quota made
# readable, a total for a table): exact for any decimal andel holds, so that
# a caller's ``getcontext().prec = 8`` (or its traps) changes no result.
_EXACT = _decimal.Context(prec=200, rounding=_decimal.ROUND_HALF_EVEN, Emax=_decimal.MAX_EMAX,
                          Emin=_decimal.MIN_EMIN, capitals=1, clamp=0,
                          traps=[_decimal.InvalidOperation, _decimal.DivisionByZero,
                                 _decimal.Overflow])


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


def _number_array(x: Any) -> Optional[Tuple[Any, str]]:
    """A NumPy array or pandas Series of integers or float64 as a contiguous
    one-dimensional array of 8-byte numbers in the machine's byte order and
    their kind (``"i8"``, ``"u8"``, ``"f8"``): read by the engine in place,
    in one pass, without a Python object per item (floats by the float rule,
    natively). ``None`` for anything else (float32 and other kinds take the
    general path), and for a Series whose index repeats a label (the general
    path refuses it, as for any weights)."""
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
    # No copy when it is already contiguous 8-byte numbers in native order.
    return np.ascontiguousarray(values, dtype="=" + code), code


def _from_buffer(units: Any, seats: Any) -> Any:
    """The engine's units (a NumPy uint64 array owning its result) as int64
    when the seats fit it (a view, no copy), else as they are."""
    import numpy as np  # only called for NumPy input
    return units.view(np.int64) if int(seats) < 2**63 else units


_OUTPUTS = ("decimal", "str", "units")


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
