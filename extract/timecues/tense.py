"""Tense of the sentence around a cue from cheap surface cues (no parser): the marker nearest
to the cue decides — will/'ll/going to/next → future; was/were/had/said/-ed verbs → past."""

from __future__ import annotations

import re

from extract.timecues.types import Tense

_WINDOW = 120
_MARKERS = re.compile(
    r"(?P<future>\b(?:will|shall|won't|would|going\s+to|plans?\s+to|planned\s+to|expected\s+to|"
    r"scheduled\s+(?:to|for)|due\s+to|is\s+to|are\s+to|to\s+be\s+held|upcoming|next)\b|'ll\b)"
    r"|(?P<past>\b(?:was|were|had|did|said|told|met|came|went|took|gave|made|left|held|began|"
    r"fell|rose|won|lost|saw|got|announced|ago|last|earlier|\w{3,}ed)\b)",
    re.IGNORECASE,
)
_NOT_PAST = {"need", "speed", "feed", "seed", "bred", "united", "red", "shed", "bed", "indeed",
             "proceed", "succeed", "exceed", "hundred", "limited", "based", "related", "called"}
_BOUND = re.compile(r"[.!?\n]\s")


def tense_at(text: str, start: int, end: int) -> Tense:
    """The tense of the sentence containing text[start:end], judged by the nearest marker."""
    lo = max(0, start - _WINDOW)
    left = text[lo:start]
    cut = None
    for m in _BOUND.finditer(left):
        cut = m.end()
    if cut is not None:
        lo += cut
    hi = min(len(text), end + _WINDOW)
    m2 = _BOUND.search(text, end, hi)
    if m2:
        hi = m2.start() + 1
    best: tuple[int, Tense] | None = None
    for m in _MARKERS.finditer(text, lo, hi):
        if start <= m.start() < end:
            continue
        if m.group("past") and m.group(0).lower() in _NOT_PAST:
            continue
        dist = start - m.end() if m.end() <= start else m.start() - end
        tense = Tense.FUTURE if m.group("future") else Tense.PAST
        if best is None or dist < best[0]:
            best = (dist, tense)
    return best[1] if best else Tense.UNKNOWN
