"""What each named group of a rule's match says: a table from group name to a small function.

A rule pattern's group ``(?P<month>…)`` puts ``{"month": 3}`` into the cue's fields through
``CONVERTERS["month"]``. Each converter gets the matched text as written (``raw``), the same
normalised (``low``: lower case, one space), the vocabularies, and the fields so far. A group
name missing from the table is an error when the rules are loaded (``extract.timecues.rules``);
a word missing from a vocabulary table raises ``KeyError`` (the finder names the rule).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from extract.timecues.vocab import parse_number, spoken_year


@dataclass(frozen=True)
class Tables:
    """The read-only tables converters look words up in: vocab.toml and vague.toml's cues."""

    vocab: Mapping[str, Any]
    vague: Mapping[str, Mapping[str, Any]]


Fields = dict[str, Any]
Converter = Callable[[str, str, Tables, Fields], None]


_CLOCK = ("second", "minute", "hour", "year")  # the granularities whose short forms (sec, min, hr, yr) count


def unit_of(low: str, vocab: Mapping[str, Any]) -> str:
    """'weeks' → 'week', 'centuries' → 'century', 'mins' → 'minute', 'hrs' → 'hour'."""
    if low.startswith("centur"):
        return "century"
    units = vocab["unit"]
    if low not in units and low.endswith("s"):
        low = low[:-1]
    granularity = units[low][1] if low in units else low
    return str(granularity) if granularity in _CLOCK else low


def _set(name: str, value: Callable[[str, str, Tables, Fields], Any]) -> Converter:
    def convert(raw: str, low: str, t: Tables, f: Fields) -> None:
        f[name] = value(raw, low, t, f)

    return convert


def _lookup(name: str, table: str) -> Converter:
    """``fields[name]`` = vocab[table][the word, without a trailing dot]."""
    return _set(name, lambda raw, low, t, f: t.vocab[table][low.rstrip(".")])


def _flag(name: str, value: Any = True) -> Converter:
    return _set(name, lambda raw, low, t, f: value)


def _marker(raw: str, low: str, t: Tables, f: Fields) -> None:
    """A group that only marks the rule's shape: its params carry the fields."""


def _unit(raw: str, low: str, t: Tables, f: Fields) -> None:
    f["unit"] = unit_of(low, t.vocab)
    f["plural"] = low.endswith("s") or low.startswith("centuries")


def _units(raw: str, low: str, t: Tables, f: Fields) -> None:  # "for years": a vague count
    f["unit"] = unit_of(low, t.vocab)
    f["num"] = None


def _rel(raw: str, low: str, t: Tables, f: Fields) -> None:
    word = low.removeprefix("the ").split()[-1]
    if word in t.vocab["relative"]:  # "first", "final", "remaining": a word, no offset
        f["rel"] = t.vocab["relative"][word]
    f["rel_word"] = low


def _mod(raw: str, low: str, t: Tables, f: Fields) -> None:
    f["mod"] = {"earlier": "START", "later": "END"}.get(low) or t.vocab["modifier"][low.rstrip("-")]
    f["mod_word"] = low


def _ord(raw: str, low: str, t: Tables, f: Fields) -> None:
    f["ord"] = t.vocab["ordinal"][low] if low in t.vocab["ordinal"] else {"second": 2}.get(low, 1)


def _holiday(raw: str, low: str, t: Tables, f: Fields) -> None:
    if low in t.vocab["holiday_nth"]:  # "Thanksgiving": the 4th Thursday of November
        f["month"], weekday, n = t.vocab["holiday_nth"][low]
        f["nth"] = (weekday, n)
    else:
        f["month"], f["day"] = t.vocab["holiday"][low]


def _dir(raw: str, low: str, t: Tables, f: Fields) -> None:
    f["dir"] = t.vocab["direction"][low]
    f["dir_word"] = low


def _ampm(raw: str, low: str, t: Tables, f: Fields) -> None:
    f["ampm"] = low[0]


def _named(raw: str, low: str, t: Tables, f: Fields) -> None:  # "noon", "midnight"
    f["hour"] = 0 if low == "midnight" else 12
    f["minute"] = 0


def _relday(raw: str, low: str, t: Tables, f: Fields) -> None:
    f["offset"] = t.vocab["relative_day"][low]
    if low in ("tonight", "overnight"):
        f["pod"] = "NI"


def _year2(raw: str, low: str, t: Tables, f: Fields) -> None:
    """ "1957-58" → 1958, "1999-00" → 2000: the year the two digits name after the first; None
    when they name none after it ("2010-09" is no range: the resolver reads it as a month)."""
    year, tail = int(f["year"]), int(raw)
    y2 = year // 100 * 100 + tail
    if y2 <= year:
        y2 = year + 1 if year % 100 == 99 and tail == 0 else 0
    f["year2"] = y2 or None
    f["tail"] = tail


def _dayshift(raw: str, low: str, t: Tables, f: Fields) -> None:
    """ "the day before / after": a day from the day the text last named."""
    f["offset"] = -1 if low == "before" else 1
    f["from_last_day"] = True


def _that(raw: str, low: str, t: Tables, f: Fields) -> None:
    """ "that year", "later that month": the date the story is at."""
    f["anaphoric"] = True
    f["rel"] = 0
    f.setdefault("owner", 0)


_NON_DIGIT = re.compile(r"\D")

CONVERTERS: Mapping[str, Converter] = {
    "month": _lookup("month", "month"),
    "monthnum": _set("month", lambda raw, low, t, f: int(raw)),
    "day": _set("day", lambda raw, low, t, f: int(_NON_DIGIT.sub("", raw))),
    "year": _set("year", lambda raw, low, t, f: int(raw)),
    "year2": _year2,
    "weekday": _lookup("weekday", "weekday"),
    "num": _set("num", lambda raw, low, t, f: parse_number(raw, t.vocab)),
    "vnum": _flag("num", None),
    "unit": _unit,
    "units": _units,
    "rel": _rel,
    "owner": _set("owner", lambda raw, low, t, f: t.vocab["relative"][low]),
    "mod": _mod,
    "ord": _ord,
    "season": _lookup("season", "season"),
    "pod": _lookup("pod", "part_of_day"),
    "holiday": _holiday,
    "vague": lambda raw, low, t, f: f.update(t.vague[low]),
    "approx": _set("mod", lambda raw, low, t, f: t.vocab["approx"][low]),
    "period": _marker,
    "vagueword": _marker,
    "dir": _dir,
    "era": _set("era", lambda raw, low, t, f: "BC" if low.startswith("b") else "AD"),
    "hour": _set("hour", lambda raw, low, t, f: int(raw)),
    "minute": _set("minute", lambda raw, low, t, f: int(raw)),
    "ampm": _ampm,
    "named": _named,
    "relday": _relday,
    "dayshift": _dayshift,
    "setword": _set("set_value", lambda raw, low, t, f: t.vocab["set_word"][low]),
    "decade": _set("decade", lambda raw, low, t, f: int(raw[:3])),  # "1990s" → 199
    "decadebc": _set("decade", lambda raw, low, t, f: int(raw) // 10),
    "centurybc": _set("century", lambda raw, low, t, f: int(raw) - 1),
    "decade2": _set("decade", lambda raw, low, t, f: 190 + int(raw[0])),  # "the '90s"
    "decadeword": _set("decade", lambda raw, low, t, f: 190 + t.vocab["decade_word"][low]),  # "the nineties"
    "century": _set("century", lambda raw, low, t, f: int(raw) - 1),
    "post": _set("mod", lambda raw, low, t, f: "AFTER" if low == "post" else "BEFORE"),
    "yearago": _flag("year_ago"),  # "the year-ago quarter", "the year-earlier third quarter"
    "qnoun": _flag("quarter_rel", 1),  # "the year-earlier quarter": a quarter, not a year
    "the": _flag("the"),
    "that": _that,
    "spoken": _set("year", lambda raw, low, t, f: spoken_year(low, t.vocab)),
    "yy": _set("yy", lambda raw, low, t, f: int(raw)),
    "bare": _flag("bare"),
    "half": _flag("half", 0.5),
    "half_before": _flag("half", 0.5),  # "two and a half years": the half written before the unit
}
