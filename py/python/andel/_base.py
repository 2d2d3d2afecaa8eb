"""Errors (one class per core error code, chosen by code, never by message), the one way
a native call is made (`_call`), and the language of text for people."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Dict, List, Optional

from . import _andel


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
    when it was not UTF-8, or a decimal separator decided by the Danish rule;
    core's sentence in the reader's ``language`` (Danish by default).

    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     read_csv(b"kommune;vaegt\\nL\\xe6s\\xf8;1769\\n")
    {'825': Decimal('1769')}
    >>> str(caught[0].message)
    'read_csv: læst som Windows-1252 (filen er ikke UTF-8)'
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
    'read_csv: udeladt linje 2 «Hele landet;5873420» (landstallet)'
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     read_csv("område;indhold\\nHele landet;5873420\\nAalborg;221082\\n", language="en")
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
