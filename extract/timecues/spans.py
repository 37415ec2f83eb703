"""TimeML / TempEval-3 extents: the words a cue's span leaves out, as the dev sets annotate them.

The finder's spans follow the words that state a time; TimeBank and the TempEval-3 data draw the
TIMEX3 extent a little differently, and strict F1 counts every character. Measured on the dev sets
only (tbaq, tweets-dev, wikiwars-dev; docs/timecues.md gives the counts), a cue loses:

- a determiner before a hyphenated adjective ("the 14-day waiting period", "The year-ago results":
  the article belongs to the noun phrase; 0 of 13 such gold TIMEX3 include it);
- in news mode, "about" / "just" before a count of units ("about five hours"; the mod stays APPROX), and the
  signal words "before" / "after" after one ("weeks before"), from vocab.toml ``[span]``.

Only the span moves: the fields (and so the value and interval) are the cue's own.
"""

from __future__ import annotations

import re
from dataclasses import replace

from extract.timecues.types import Cue
from extract.timecues.vocab import load_vocab

_SPAN = load_vocab()["span"]
_ADJECTIVE = re.compile(
    r"(?i)(the\s+)[\w.]+(?:-[\w.]+)*-(?:day|week|month|year|hour|minute|second|decade|century|quarter|ago|earlier)s?"
)
_LEADING = re.compile(r"(?i)(?:" + "|".join(re.escape(w) for w in _SPAN["news_leading"]) + r")\s+")
_TRAILING = re.compile(r"(?i)\s+(?:" + "|".join(re.escape(w) for w in _SPAN["news_trailing"]) + r")$")


_COUNTS = {"ago", "duration"}  # the handlers of counted cues ("about five hours", "weeks before")


def _cut(cue: Cue, start: int, end: int) -> Cue:
    """``cue`` with the span text[start:end] of its own text (offsets relative to the cue)."""
    return replace(
        cue, char_start=cue.char_start + start, char_end=cue.char_start + end, text=cue.text[start:end]
    )


def timeml_extent(cue: Cue, mode: str) -> Cue:
    """``cue`` with its span drawn as TimeBank / TempEval-3 draw it (see the module docstring)."""
    m = _ADJECTIVE.fullmatch(cue.text)
    if m:
        cue = _cut(cue, m.end(1), len(cue.text))
    if mode != "news" or cue.handler not in _COUNTS:
        return cue
    lead = _LEADING.match(cue.text)
    if lead and lead.end() < len(cue.text):
        cue = _cut(cue, lead.end(), len(cue.text))
    trail = _TRAILING.search(cue.text)
    if trail and trail.start() > 0:
        cue = _cut(cue, 0, trail.start())
    return cue
