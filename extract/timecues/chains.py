"""A yearless date that shares the year written after it: "August and September 1914",
"December 7 (December 8 in Asian time zones), 1941", "on Christmas Eve in 2000"; not across a clause
end, more than a few characters, or more than two words outside parentheses ("elected in January,
normally would remain in place until the end of 2010" is no January 2010)."""

from __future__ import annotations

import re

from extract.timecues.types import Cue

YEARLESS = frozenset({"date", "month", "season", "holiday"})  # handlers of cues that may lack a year
_AHEAD_CHARS = 40
_AHEAD_WORDS = 2  # words between a yearless cue and the year it shares, parentheses aside ("and", "or")
_PARENTHESES = re.compile(r"\([^()]*\)|^[^()]*\)")  # a parenthesis, or the rest of one the cue is in
_WORD = re.compile(r"[A-Za-z]+")
_CLAUSE_END = re.compile(r"[.;!?]\s|\n")


def year_ahead(cues: list[Cue], i: int, text: str) -> int | None:
    """The explicit year of a cue just after cue ``i`` in the same clause ("August and September
    1914", "December 7 (December 8 in Asian time zones), 1941"), for a yearless cue ``i``."""
    end = origin = cues[i].char_end
    for j in range(i + 1, min(i + 4, len(cues))):
        later = cues[j]
        if later.char_start - end > _AHEAD_CHARS or _CLAUSE_END.search(text, end, later.char_start):
            return None
        gap = text[origin : later.char_start]
        for between in cues[i + 1 : j]:  # the chain's own cues are no gap words
            a, b = between.char_start - origin, between.char_end - origin
            gap = gap[:a] + " " * (b - a) + gap[b:]
        if len(_WORD.findall(_PARENTHESES.sub(" ", gap))) > _AHEAD_WORDS:
            return None  # "elected in January, normally would remain until the end of 2010"
        if "year" in later.fields and later.fields.get("era") != "BC":
            return int(later.fields["year"])
        if later.handler not in YEARLESS:  # only a chain of yearless dates shares the year
            return None
        end = later.char_end
    return None
