"""Find time cues: one pass of the compiled rule alternation, then the fields each match states.

The finder only recognises ("last" + "week" → ``{"rel": -1, "unit": "week"}``); resolving
against a date is :mod:`extract.timecues.resolver`'s job.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from extract.timecues.rules import RuleSet, load_rules
from extract.timecues.types import Cue

_SPACE = re.compile(r"\s+")
_SUFFIX = re.compile(r"_\d+$")
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
         "nine": 9}
# a bare "May" is a month only after one of these words ("in May", not "Theresa May said")
_MAY_BEFORE = {"in", "since", "until", "till", "by", "of", "from", "through", "before", "after",
               "during", "on", "early", "late", "mid", "last", "next", "this", "and", "or", "to",
               "between", "end", "beginning", "middle", "late-", "mid-"}
_APPROX = {"about": "APPROX", "around": "APPROX", "roughly": "APPROX", "approximately": "APPROX",
           "just": "APPROX", "almost": "LESS_THAN", "nearly": "LESS_THAN", "less than": "LESS_THAN",
           "under": "LESS_THAN", "more than": "MORE_THAN", "over": "MORE_THAN", "at least": "EQUAL_OR_MORE"}
_ANAPHORIC_RELS = {"next", "following", "previous", "preceding", "prior"}
_FULL_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december"}
_DIR = {"ago": -1, "earlier": -1, "before": -1, "previously": -1, "later": 1, "after": 1,
        "from now": 1, "hence": 1}
_RELDAY = {"today": 0, "tdy": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "tmrw": 1, "tmr": 1,
           "the day before yesterday": -2, "the day after tomorrow": 2}
_SET = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "annually": "P1Y", "yearly": "P1Y",
        "nightly": "XXXX-XX-XXTNI", "hourly": "PT1H", "quarterly": "P3M", "biannually": "P6M"}


_DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
                 "eighties": 8, "nineties": 9}

def _norm(text: str) -> str:
    return _SPACE.sub(" ", text.lower().replace("’", "'")).strip()


def parse_number(text: str, vocab: dict[str, Any]) -> float | None:
    """'24' → 24, 'twenty-four' → 24, 'a' → 1; None when not a number."""
    t = _norm(text).replace("-", " ")
    try:
        return float(t)
    except ValueError:
        pass
    if t in vocab["number"]:
        return float(vocab["number"][t])
    parts = t.split()
    if parts and parts[0] in _TENS:
        return float(_TENS[parts[0]] + (_ONES.get(parts[1], 0) if len(parts) > 1 else 0))
    return None


def _unit(text: str, vocab: dict[str, Any]) -> str:
    u = _norm(text)
    if u.startswith("centur"):
        return "century"
    if u not in vocab["unit"] and u.endswith("s"):
        u = u[:-1]
    return u


def _spoken_year(low: str, vocab: dict[str, Any]) -> int:
    """'nineteen ninety-six' → 1996, 'the year two thousand and one' → 2001."""
    words = low.replace("-", " ").replace("the year ", "").split()
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        return 2000 + (int(parse_number(" ".join(rest), vocab) or 0) if rest else 0)
    tail = " ".join(words[1:])
    return 1900 if tail == "hundred" else 1900 + int(parse_number(tail, vocab) or 0)


def _convert(name: str, raw: str, rs: RuleSet, fields: dict[str, Any]) -> bool:
    """Put the field that group ``name`` states into ``fields``; False rejects the match."""
    v = rs.vocab
    low = _norm(raw)
    if name == "month":
        fields["month"] = v["month"][low.rstrip(".")]
    elif name == "monthnum":
        fields["month"] = int(raw)
    elif name == "day":
        fields["day"] = int(re.sub(r"\D", "", raw))
    elif name == "year":
        fields["year"] = int(raw)
    elif name == "year2":
        base = fields["year"] // 100 * 100
        fields["year2"] = base + int(raw)
    elif name == "weekday":
        fields["weekday"] = v["weekday"][low.rstrip(".")]
    elif name == "num":
        fields["num"] = parse_number(raw, v)
    elif name == "vnum":
        fields["num"] = None
    elif name == "unit":
        fields["unit"] = _unit(raw, v)
        fields["plural"] = low.endswith("s") or low.startswith("centuries")
    elif name == "units":
        fields["unit"] = _unit(raw, v)
        fields["num"] = None
    elif name == "rel":
        word = low.removeprefix("the ").split()[-1]
        if word in v["relative"]:
            fields["rel"] = v["relative"][word]
        fields["rel_word"] = low
    elif name == "owner":
        fields["owner"] = v["relative"][low]
    elif name == "mod":
        fields["mod"] = {"earlier": "START", "later": "END"}.get(low) or v["modifier"][low.rstrip("-")]
        fields["mod_word"] = low
    elif name == "ord":
        fields["ord"] = v["ordinal"][low] if low in v["ordinal"] else {"second": 2}.get(low, 1)
    elif name == "season":
        fields["season"] = v["season"][low]
    elif name == "pod":
        fields["pod"] = v["part_of_day"][low]
    elif name == "holiday" and low in v["holiday_nth"]:
        fields["month"], weekday, n = v["holiday_nth"][low]
        fields["nth"] = (weekday, n)
    elif name == "holiday":
        fields["month"], fields["day"] = v["holiday"][low]
    elif name == "vague":
        fields.update(rs.vague[low])
    elif name == "approx":
        fields["mod"] = _APPROX[low]
    elif name in ("period", "vagueword"):  # markers only: the rule's params carry the fields
        pass
    elif name == "dir":
        fields["dir"] = _DIR[low]
        fields["dir_word"] = low
    elif name == "era":
        fields["era"] = "BC" if low.startswith("b") else "AD"
    elif name in ("hour", "minute"):
        fields[name] = int(raw)
    elif name == "ampm":
        fields["ampm"] = low[0]
    elif name == "named":
        fields["hour"] = 0 if low == "midnight" else 12
        fields["minute"] = 0
    elif name == "relday":
        fields["offset"] = _RELDAY[low]
        if low == "tonight":
            fields["pod"] = "NI"
    elif name == "setword":
        fields["set_value"] = _SET[low]
    elif name == "decade":
        fields["decade"] = int(raw[:3])
    elif name == "decadebc":
        fields["decade"] = int(raw) // 10
    elif name == "centurybc":
        fields["century"] = int(raw) - 1
    elif name == "decade2":
        fields["decade"] = 190 + int(raw[0])
    elif name == "decadeword":  # "the nineties", like "the '90s"
        fields["decade"] = 190 + _DECADE_WORDS[low]
    elif name == "century":
        fields["century"] = int(raw) - 1
    elif name == "post":
        fields["mod"] = "AFTER" if low == "post" else "BEFORE"
    elif name == "yearago":  # "the year-ago quarter", "the year-earlier third quarter"
        fields["year_ago"] = True
    elif name == "qnoun":
        fields["quarter_rel"] = 1  # "the year-earlier quarter": a quarter, not a year
    elif name == "the":
        fields["the"] = True
    elif name == "that":  # "that year", "later that month": the date the story is at
        fields["anaphoric"] = True
        fields["rel"] = 0
        fields.setdefault("owner", 0)
    elif name == "spoken":
        fields["year"] = _spoken_year(low, v)
    elif name == "yy":
        fields["yy"] = int(raw)
    elif name == "bare":
        fields["bare"] = True
    elif name == "half":
        fields["half"] = 0.5
    return True


def _cased(word: str) -> bool:
    """Month and weekday names count only capitalised (or in an all-caps line)."""
    return word[:1].isupper()


def _prev_word(text: str, start: int) -> str:
    m = re.search(r"([\w-]+)\W*$", text[max(0, start - 20):start])
    return m.group(1).lower() if m else ""


def _is_name_before(text: str, start: int) -> bool:
    """True after a capitalised word that is no preposition ("Theresa May", not "In May")."""
    m = re.search(r"([A-Za-z]+)[ \t]+$", text[max(0, start - 30):start])
    return m is not None and m.group(1)[0].isupper() and m.group(1).lower() not in _MAY_BEFORE


def _accept(text: str, m: re.Match[str], i: int, rs: RuleSet, fields: dict[str, Any]) -> bool:
    """Surface checks that a regex cannot express cheaply."""
    for gname, name in rs.groups[i]:
        if name.rstrip("_0123456789") in ("month", "weekday", "holiday"):
            a, b = m.span(gname)
            g = text[a:b] if a >= 0 else None
            if g is not None and not _cased(g):
                return False
    rule = rs.rules[i]
    if fields.pop("bare", False) and fields.get("season") == "FA" or (
            rule.handler == "duration" and fields.get("unit") == "second" and fields.get("num") == 1):
        return False  # "prices fall", "a second front"
    # "the following month", "the previous day": counted from the story's date, not the DCT
    if fields.pop("the", False) and fields.get("rel_word") in _ANAPHORIC_RELS:
        fields["anaphoric"] = True
    if "yy" in fields:  # "1915-17": the century of the year before the dash
        fields["year"] = int(text[m.start() - 5:m.start() - 3]) * 100 + fields.pop("yy")
    if rule.id == "mod_month" and set(fields) == {"month"}:
        if _prev_word(text, m.start()) == "the":  # "the October Revolution", "the March to the Sea"
            return False
        if _norm(m.group(0)).rstrip(".") not in _FULL_MONTHS:  # bare "Mar", "Dec." are too risky
            return False
        prev = _prev_word(text, m.start())
        if prev not in _MAY_BEFORE and re.match(r"\s+(?:of|for|to\s+the)\s", text[m.end():m.end() + 9]):
            return False  # "the March for Life", but "in March for health reasons" is a month
        if fields["month"] == 5 and _prev_word(text, m.start()) not in _MAY_BEFORE:
            return False
    if fields.get("month") == 5 and _is_name_before(text, m.start()):
        return False
    if rule.not_before is not None and rule.not_before.match(text, m.end()):
        return False
    return not (fields.get("num") == 0 and rule.handler in ("duration", "ago"))


_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _candidates(low: str, rs: RuleSet, prefilter: bool) -> Iterator[int]:
    if prefilter:
        for t in rs.starts.finditer(low):
            yield t.start()
    else:
        yield from range(len(low))


def find_cues(text: str, rules: RuleSet | None = None, mode: str = "news", prefilter: bool = True) -> list[Cue]:
    """All time cues in ``text``, left to right, non-overlapping, fields not yet resolved.

    The rules run on the ASCII-lower-cased text (same offsets) and only where a cue can start
    (``prefilter``; ``False`` tries every position, for tests).
    """
    rs = rules or load_rules()
    low = text.translate(_LOWER)
    cues: list[Cue] = []
    convert: Callable[[str, str, RuleSet, dict[str, Any]], bool] = _convert
    regex_for = rs.regex_for
    pos = 0  # the end of the last cue: later cues may not overlap it
    for start in _candidates(low, rs, prefilter):
        if start < pos:
            continue
        m = regex_for(low[start] if prefilter else None).match(low, start)
        if m is None:
            continue
        i = int(m.lastgroup[1:]) if m.lastgroup else -1
        if i < 0:
            continue
        rule = rs.rules[i]
        fields: dict[str, Any] = dict(rule.params)
        try:
            for gname, name in rs.groups[i]:
                a, b = m.span(gname)
                if a >= 0:
                    convert(_SUFFIX.sub("", name), text[a:b], rs, fields)
        except (KeyError, ValueError, IndexError):
            continue
        if not _accept(text, m, i, rs, fields):
            continue
        if mode not in fields.pop("modes", (mode,)):
            continue
        cues.append(Cue(m.start(), m.end(), text[m.start():m.end()], rule.id, rule.handler, fields))
        pos = m.end()
    return cues
