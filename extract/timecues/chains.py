"""A yearless date that shares the year written after it: "August and September 1914",
"December 7 (December 8 in Asian time zones), 1941", "on Christmas Eve in 2000"; not across a clause
end, more than a few characters, or more than two words outside parentheses ("elected in January,
normally would remain in place until the end of 2010" is no January 2010); and a yearless date in a
clause that says when "the 2006 Asian Games" are held takes that year."""

from __future__ import annotations

import re

from extract.timecues.types import Cue
from extract.timecues.vocab import load_vocab

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


_EVENT = load_vocab()["event_year"]


def _words(key: str) -> str:
    return "|".join(re.escape(w) for w in sorted(_EVENT[key], key=len, reverse=True))


# between "the YEAR" and the yearless date: the rest of the subject (a name, or an event noun), the verb
# group saying when it is held ("will begin", "is scheduled to be held", "kick off"), at most four words
_EVENT_CLAUSE = re.compile(
    r"\s+(?:(?:[A-Z][\w'’-]*\s+){1,5}|(?i:" + _words("nouns") + r")\s+)"
    r"(?i:(?:" + _words("auxiliaries") + r")\s+){0,4}"
    r"(?i:" + _words("verbs") + r")\b"
    r"(?:\s+[\w'’-]+){0,4}?\s+(?i:on|from|between|in|until|through)\s+$"
)
_THE = re.compile(r"\b[Tt]he\s+$")


def event_year(cues: list[Cue], i: int, text: str) -> int | None:
    """The year of "The 2006 Asian Games will begin on December 1" for its yearless date ``i``: the
    year modifies the clause's subject, and the clause says when that event is held."""
    for j in range(i - 1, max(-1, i - 3), -1):
        year = cues[j]
        if year.handler != "year" or set(year.fields) != {"year"}:
            continue
        if _THE.search(text, max(0, year.char_start - 8), year.char_start) and _EVENT_CLAUSE.match(
            text[year.char_end : cues[i].char_start]
        ):
            return int(year.fields["year"])
    return None
