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

from . import _andel

# The face: the public names, each defined in a private module
# (_base: errors and language; _convert: shapes in and out; _compute: the
# calls; _allocation, _result: what they return; _data: municipalities,
# population, files). The names below the public ones are re-exported so
# that code written against the single module keeps working.
from ._base import (  # noqa: F401
    AndelError,
    AndelOverflowError,
    CsvError,
    DocumentError,
    InfeasibleError,
    InputError,
    InvalidNumberError,
    LeftOutWarning,
    ReadWarning,
    TieError,
    TieWarning,
    UnknownMunicipalityError,
    UnknownYearError,
    _BY_CODE,
    _call,
    _error,
    _lang,
    _language,
    _rebuild_error,
    get_language,
    set_language,
)
from ._convert import (  # noqa: F401
    Number,
    Weights,
    _EXACT,
    _NUMERIC,
    _OUTPUTS,
    _Shape,
    _aligned,
    _from_buffer,
    _is_frame,
    _is_series,
    _json_object,
    _names,
    _number_array,
    _numbers,
    _readable,
    _text,
)
from ._data import (  # noqa: F401
    Municipality,
    Population,
    NamedWeights,
    _municipality,
    _population,
    _write_bytes,
    _year,
    danish,
    municipalities,
    municipality,
    population,
    read_csv,
    read_excel,
    region_population,
    set_strict,
    years,
)
from ._allocation import (  # noqa: F401
    Allocation,
    _section_html,
)
from ._result import (  # noqa: F401
    Result,
    Summary,
    compute,
    summary,
)
from ._compute import (  # noqa: F401
    allocate,
    apportion,
    biproportional,
    split,
    split_table,
)

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
    "NamedWeights",
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
