"""Which characters a regular expression's match can begin with, from Python's own regex parser.

The finder uses it to try, at each candidate position, only the rules that can start with the
character found there (a third of them on average), instead of the whole alternation.
"""

from __future__ import annotations

import re
from re import _constants as C  # type: ignore[attr-defined]
from re import _parser as P  # type: ignore[attr-defined]
from typing import Any

_DIGITS = set("0123456789")
_SPACE = set(" \t\n\r\f\v")
_ZERO_WIDTH = {C.AT, C.ASSERT, C.ASSERT_NOT}
_REPEATS = {C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", C.MAX_REPEAT)}


def first_chars(pattern: str) -> set[str] | None:
    """The characters a match of ``pattern`` can start with; None when it could be any."""
    try:
        chars, nullable = _seq(list(P.parse(pattern)))
    except (re.error, TypeError, ValueError):
        return None
    return None if chars is None or nullable else chars


def _seq(items: list[tuple[Any, Any]]) -> tuple[set[str] | None, bool]:
    out: set[str] = set()
    for op, av in items:
        chars, nullable = _op(op, av)
        if chars is None:
            return None, False
        out |= chars
        if not nullable:
            return out, False
    return out, True


def _op(op: Any, av: Any) -> tuple[set[str] | None, bool]:
    if op is C.LITERAL:
        return {chr(av)}, False
    if op is C.IN:
        return _charset(av), False
    if op is C.BRANCH:
        out: set[str] = set()
        nullable = False
        for sub in av[1]:
            chars, n = _seq(list(sub))
            if chars is None:
                return None, False
            out |= chars
            nullable = nullable or n
        return out, nullable
    if op is C.SUBPATTERN:
        return _seq(list(av[-1]))
    if op in _REPEATS:
        chars, n = _seq(list(av[2]))
        return chars, n or av[0] == 0
    if op in _ZERO_WIDTH:
        return set(), True
    return None, False  # ANY, NOT_LITERAL, group references, …: anything


def _charset(items: list[tuple[Any, Any]]) -> set[str] | None:
    out: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add(chr(av))
        elif op is C.RANGE:
            out.update(chr(c) for c in range(av[0], av[1] + 1))
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            out |= _DIGITS
        elif op is C.CATEGORY and av is C.CATEGORY_SPACE:
            out |= _SPACE
        else:  # negated sets, \w, …
            return None
    return out
