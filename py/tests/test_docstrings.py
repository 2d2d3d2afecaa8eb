"""The examples in the package's docstrings run and give what they show."""

import doctest

import andel


def test_docstring_examples():
    result = doctest.testmod(andel, optionflags=doctest.ELLIPSIS)
    assert result.attempted >= 8
    assert result.failed == 0
