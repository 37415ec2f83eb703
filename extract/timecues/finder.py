"""Find time cues: one pass of the compiled rule alternation, then the fields each match states.

The finder only recognises ("last" + "week" → ``{"rel": -1, "unit": "week"}``); resolving
against a date is :mod:`extract.timecues.resolver`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from extract.timecues.convert import CONVERTERS
from extract.timecues.rules import RuleSet, load_rules
from extract.timecues.types import Cue
from extract.timecues.vocab import RuleFileError, norm


@dataclass(frozen=True)
class _Words:
    """vocab.toml's context word lists as sets, for the checks a regex cannot make."""

    month_before: frozenset[str]  # a bare "May" is a month only after one of these
    full_months: frozenset[str]
    anaphoric: frozenset[str]  # "the following month": counted from the story's date
    the_month_not_before: frozenset[str]  # "the March on Washington": no modifier of a noun

    @staticmethod
    def of(rs: RuleSet) -> _Words:
        ctx = rs.vocab["month_context"]
        return _Words(
            frozenset(ctx["before"]),
            frozenset(ctx["full_names"]),
            frozenset(rs.vocab["anaphoric"]["relative"]),
            frozenset(ctx["the_month_not_before"]),
        )


def _fields(text: str, m: re.Match[str], i: int, rs: RuleSet) -> dict[str, Any]:
    """The fields rule ``i``'s match states: its params, then each group's converter in order.

    A word the pattern matched but a vocabulary table lacks is a rule bug, raised naming the rule."""
    rule = rs.rules[i]
    fields: dict[str, Any] = dict(rule.params)
    for gname, name in rs.groups[i]:
        a, b = m.span(gname)
        if a < 0:
            continue
        raw = text[a:b]
        try:
            CONVERTERS[name](raw, norm(raw), rs.tables, fields)
        except (KeyError, ValueError, IndexError) as exc:
            raise RuleFileError(
                f"extract/rules/time/rules.toml: rule {rule.id!r}: group {name!r} matched "
                f"{raw!r}, which its table cannot read ({type(exc).__name__}: {exc})"
            ) from exc
    return fields


def _cased(word: str) -> bool:
    """Month and weekday names count only capitalised (or in an all-caps line)."""
    return word[:1].isupper()


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w-]+)\W*$", text[max(0, start - 20) : start])
    return m.group(1).lower() if m else ""


def _is_name_before(text: str, start: int, words: _Words) -> bool:
    """True after a capitalised word that is no preposition ("Theresa May", not "In May")."""
    m = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, start - 30) : start])
    return m is not None and m.group(1)[0].isupper() and m.group(1).lower() not in words.month_before


def _uncased_name(text: str, m: re.Match[str], i: int, rs: RuleSet) -> bool:
    """True when a month, weekday or holiday name of the match is not capitalised."""
    for gname, name in rs.groups[i]:
        if name in ("month", "weekday", "holiday"):
            a, b = m.span(gname)
            if a >= 0 and not _cased(text[a:b]):
                return True
    return False


_NEXT_WORD = re.compile(r"[ \t]+([a-z][a-z-]*)\b")  # a lower-case word right after


def _bare_month_rejected(text: str, m: re.Match[str], fields: dict[str, Any], words: _Words) -> bool:
    """A month alone ("in March") is too often something else: "the October Revolution", "Mar",
    "the March for Life", "the Great October Holiday" (between capitalised words, the first no preposition),
    "May" after a word that is no preposition."""
    prev = _prev_word(text, m.start())
    if norm(m.group(0)).rstrip(".") not in words.full_months:
        return True
    if prev == "the":  # "the May elections" is a month; "the October Revolution", "the March of Dimes" no
        after = _NEXT_WORD.match(text, m.end())
        return after is None or after.group(1) in words.the_month_not_before
    if _is_name_before(text, m.start(), words) and re.match(r"[ \t]+[A-Z]", text[m.end() : m.end() + 3]):
        return True  # "the Great October Holiday": inside a name, not a month
    if prev not in words.month_before and re.match(r"\s+(?:of|for|to\s+the)\s", text[m.end() : m.end() + 9]):
        return True  # "the March for Life", but "in March for health reasons" is a month
    return fields["month"] == 5 and prev not in words.month_before


def _accept(text: str, m: re.Match[str], i: int, rs: RuleSet, fields: dict[str, Any], words: _Words) -> bool:
    """Surface checks that a regex cannot express cheaply (they may also adjust ``fields``)."""
    if _uncased_name(text, m, i, rs):
        return False
    rule = rs.rules[i]
    if (
        fields.pop("bare", False)
        and fields.get("season") == "FA"
        or (rule.handler == "duration" and fields.get("unit") == "second" and fields.get("num") == 1)
    ):
        return False  # "prices fall", "a second front"
    # "the following month", "the previous day": counted from the story's date, not the DCT
    if fields.pop("the", False) and fields.get("rel_word") in words.anaphoric:
        fields["anaphoric"] = True
    if "yy" in fields:  # "1915-17": the century of the year before the dash
        fields["year"] = int(text[m.start() - 5 : m.start() - 3]) * 100 + fields.pop("yy")
    if rule.id == "mod_month" and set(fields) == {"month"} and _bare_month_rejected(text, m, fields, words):
        return False
    if fields.get("month") == 5 and _is_name_before(text, m.start(), words):
        return False
    if rule.not_before is not None and rule.not_before.match(text, m.end()):
        return False
    if rule.not_after is not None and rule.not_after.search(text, max(0, m.start() - 80), m.start()):
        return False  # "nine minutes to play in the fourth quarter": a game's quarter
    return not (fields.get("num") == 0 and rule.handler in ("duration", "ago"))


_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _candidates(low: str, rs: RuleSet, prefilter: bool) -> Iterator[int]:
    if prefilter:
        for t in rs.starts.finditer(low):
            yield t.start()
    else:
        yield from range(len(low))


def find_cues(
    text: str, rules: RuleSet | None = None, mode: str = "news", prefilter: bool = True
) -> list[Cue]:
    """All time cues in ``text``, left to right, non-overlapping, fields not yet resolved.

    The rules run on the ASCII-lower-cased text (same offsets) and only where a cue can start
    (``prefilter``; ``False`` tries every position, for tests).
    """
    rs = rules or load_rules()
    words = _Words.of(rs)
    low = text.translate(_LOWER)
    cues: list[Cue] = []
    regex_for = rs.regex_for
    pos = 0  # the end of the last cue: later cues may not overlap it
    for start in _candidates(low, rs, prefilter):
        if start < pos:
            continue
        m = regex_for(low[start] if prefilter else None, mode).match(low, start)
        if m is None or not m.lastgroup:
            continue
        i = int(m.lastgroup[1:])
        fields = _fields(text, m, i, rs)
        if not _accept(text, m, i, rs, fields, words) or mode not in fields.pop("modes", (mode,)):
            continue
        rule = rs.rules[i]
        cues.append(Cue(m.start(), m.end(), text[m.start() : m.end()], rule.id, rule.handler, fields))
        pos = m.end()
    return cues
