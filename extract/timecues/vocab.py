"""Read and check the time-cue vocabularies (``extract/rules/time/vocab.toml`` and ``vague.toml``).

Every table is checked when the file is read: a missing table, a key of the wrong kind or a value
of the wrong shape is a :class:`RuleFileError` naming the file, the table and the key, so a
misspelt entry fails at load instead of silently losing cues. Also here: the small number-word
helpers the finder and the rule compiler share.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).resolve().parent.parent / "rules" / "time"
REFS = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")


class RuleFileError(ValueError):
    """A rules or vocabulary file that cannot be used: the message names file, rule/table and field."""


def _is_int(v: Any) -> bool:
    return isinstance(v, int) and not isinstance(v, bool)


def _is_number(v: Any) -> bool:
    return _is_int(v) or isinstance(v, float)


def _ints(n: int) -> Callable[[Any], bool]:
    return lambda v: isinstance(v, list) and len(v) == n and all(_is_int(x) for x in v)


def _is_str(v: Any) -> bool:
    return isinstance(v, str) and v != ""


def _is_str_list(v: Any) -> bool:
    return isinstance(v, list) and all(_is_str(x) for x in v)


# table → what each of its values must be (keys: lower-case words)
_WORD_TABLES: dict[str, tuple[Callable[[Any], bool], str]] = {
    "month": (_is_int, "an integer"),
    "weekday": (_is_int, "an integer"),
    "ordinal": (_is_int, "an integer"),
    "relative": (_is_int, "an integer"),
    "relative_day": (_is_int, "an integer"),
    "direction": (_is_int, "an integer"),
    "decade_word": (_is_int, "an integer"),
    "number": (_is_number, "a number"),
    "holiday": (_ints(2), "[month, day]"),
    "holiday_nth": (_ints(3), "[month, ISO weekday, n]"),
    "vague_number": (_is_str, "a string"),
    "season": (_is_str, "a string"),
    "part_of_day": (_is_str, "a string"),
    "modifier": (_is_str, "a string"),
    "approx": (_is_str, "a string"),
    "set_word": (_is_str, "a string"),
    "unit": (lambda v: _is_str_list(v) and len(v) == 2, "[duration letter, granularity]"),
}
# table → the word lists it must hold
_LIST_TABLES: dict[str, tuple[str, ...]] = {
    "year_blockers": ("words",),
    "number_words": ("tens", "ones"),
    "event_year": ("nouns", "auxiliaries", "verbs"),
    "month_context": ("before", "full_names", "the_month_not_before"),
    "anaphoric": ("relative",),
    "rate": ("counts",),
    "quote": ("message_words",),
    "span": ("news_leading", "news_trailing"),
    "tense": (
        "future",
        "scheduled",
        "past",
        "not_past",
        "continues",
        "adjective_after",
        "reporting",
        "defer",
        "until_blockers",
    ),
}


def read_toml(name: str) -> dict[str, Any]:
    """The parsed TOML file ``extract/rules/time/NAME``; a syntax error names the file."""
    path = RULES_DIR / name
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise RuleFileError(f"extract/rules/time/{name}: {exc}") from exc


def _table(data: Mapping[str, Any], name: str, where: str) -> dict[str, Any]:
    table = data.get(name)
    if not isinstance(table, dict):
        raise RuleFileError(f"{where}: table [{name}] is missing or not a table")
    return table


def check_vocab(data: Mapping[str, Any], where: str = "extract/rules/time/vocab.toml") -> dict[str, Any]:
    """``data`` (a parsed vocab.toml) if every table has the right shape, else RuleFileError."""
    for name, (ok, shape) in _WORD_TABLES.items():
        for key, value in _table(data, name, where).items():
            if key != key.lower() or not ok(value):
                raise RuleFileError(
                    f"{where}: [{name}] {key!r}: must be a lower-case key with {shape}, not {value!r}"
                )
    for name, lists in _LIST_TABLES.items():
        table = _table(data, name, where)
        for key in lists:
            if not _is_str_list(table.get(key)):
                raise RuleFileError(f"{where}: [{name}] {key!r}: must be a list of words")
    for key, value in _table(_table(data, "tense", where), "future_before", where).items():
        if not _is_str_list(value):
            raise RuleFileError(f"{where}: [tense.future_before] {key!r}: must be a list of words")
    number = data["number"]
    for word in (*data["number_words"]["tens"], *data["number_words"]["ones"]):
        if word not in number:
            raise RuleFileError(f"{where}: [number_words] {word!r}: not in [number]")
    return dict(data)


def check_vague(
    data: Mapping[str, Any], where: str = "extract/rules/time/vague.toml"
) -> dict[str, dict[str, Any]]:
    """The ``[cue.*]`` tables of a parsed vague.toml, each checked (ref, days, optional modes)."""
    widths = _table(data, "count_width", where)
    for unit, days in widths.items():
        if not _is_int(days) or days <= 0:
            raise RuleFileError(f"{where}: [count_width] {unit!r}: must be a positive number of days")
    cues = _table(data, "cue", where)
    for key, cue in cues.items():
        if not isinstance(cue, dict):
            raise RuleFileError(f"{where}: cue {key!r}: not a table")
        unknown = set(cue) - {"ref", "days", "modes"}
        if unknown:
            raise RuleFileError(f"{where}: cue {key!r}: unknown field {sorted(unknown)[0]!r}")
        if cue.get("ref") not in REFS:
            raise RuleFileError(f"{where}: cue {key!r}: field 'ref' must be one of {', '.join(REFS)}")
        if not _is_int(cue.get("days")) or cue["days"] <= 0:
            raise RuleFileError(f"{where}: cue {key!r}: field 'days' must be a positive integer")
        if "modes" in cue and not (_is_str_list(cue["modes"]) and set(cue["modes"]) <= {"news", "narrative"}):
            raise RuleFileError(f"{where}: cue {key!r}: field 'modes' must list 'news' and/or 'narrative'")
    return dict(cues)


@lru_cache(maxsize=1)
def load_vocab() -> Mapping[str, Any]:
    """vocab.toml, checked (read once per process; treat as read-only)."""
    return check_vocab(read_toml("vocab.toml"))


@lru_cache(maxsize=1)
def load_vague() -> Mapping[str, dict[str, Any]]:
    """vague.toml's cues, checked (read once per process; treat as read-only)."""
    return check_vague(read_toml("vague.toml"))


@lru_cache(maxsize=1)
def load_count_widths() -> Mapping[str, int]:
    """vague.toml's [count_width]: days of the interval of "the past several <unit>s", by unit."""
    data = read_toml("vague.toml")
    check_vague(data)
    return dict(data["count_width"])


_SPACE = re.compile(r"\s+")
_DECIMAL = re.compile(r"\d+(?:\.\d+)?")


def norm(text: str) -> str:
    """Lower case, curly apostrophes straight, runs of white space one space."""
    return _SPACE.sub(" ", text.lower().replace("’", "'")).strip()


def parse_number(text: str, vocab: Mapping[str, Any]) -> float | None:
    """'24' → 24, 'twenty-four' → 24, 'a' → 1; None when not a number."""
    t = norm(text).replace("-", " ")
    if _DECIMAL.fullmatch(t):
        return float(t)
    number = vocab["number"]
    if t in number:
        return float(number[t])
    parts = t.split()
    words = vocab["number_words"]
    if parts and parts[0] in words["tens"]:
        one = number[parts[1]] if len(parts) > 1 and parts[1] in words["ones"] else 0
        return float(number[parts[0]] + one)
    return None


def spoken_year(low: str, vocab: Mapping[str, Any]) -> int:
    """'nineteen ninety-six' → 1996, 'the year two thousand and one' → 2001."""
    words = low.replace("-", " ").replace("the year ", "").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (int(parse_number(" ".join(rest), vocab) or 0) if rest else 0)
    tail = " ".join(words[1:])
    return 1900 if tail == "hundred" else 1900 + int(parse_number(tail, vocab) or 0)
