"""The examples in the package's docstrings run and give what they show
(the face and each private module it re-exports from)."""

import doctest

import andel
from andel import _allocation, _base, _compute, _convert, _data, _result


def test_docstring_examples():
    attempted = 0
    for module in (andel, _base, _convert, _data, _allocation, _result, _compute):
        # The examples are written for `import andel` users: its names in scope.
        result = doctest.testmod(module, extraglobs=dict(vars(andel)), optionflags=doctest.ELLIPSIS)
        assert result.failed == 0, module.__name__
        attempted += result.attempted
    assert attempted >= 8
