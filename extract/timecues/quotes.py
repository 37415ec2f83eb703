"""Quoted messages with a date of their own.

In 'In an e-mail dated Dec. 2, 2024, he wrote: "I'll call you Sunday night at 8 PM."' the cues
inside the quotation count from the e-mail's date, not from the story's publication date. A
quotation is *dated* when, in the same sentence just before it opens, a day-precise date follows
a word for a written message (vocab.toml ``[quote] message_words``: e-mail, letter, wrote, …).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from datetime import date

from extract.timecues.vocab import load_vocab

_QUOTE = re.compile(r"\"([^\"\n]{1,3000})\"|“([^”\n]{1,3000})”")
_LEAD = 200  # the message's date ends at most this many characters before the quotation opens
_SENTENCE_END = re.compile(r"[.!?][\"”’]?\s+(?=[\"“]?[A-Z])")  # not "Dec. 2"
_MESSAGE = re.compile(
    r"\b(?:" + "|".join(re.escape(w) for w in load_vocab()["quote"]["message_words"]) + r")\b", re.IGNORECASE
)


class DatedQuotes:
    """The quotations of one text, and the date each dated one counts from (read-only once built)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.spans: list[tuple[int, int]] = []  # inside the quotation marks
        if '"' in text or "“" in text:
            self.spans = [(m.start() + 1, m.end() - 1) for m in _QUOTE.finditer(text)]
        self.starts = [a for a, _ in self.spans]

    def quote_at(self, pos: int) -> tuple[int, int] | None:
        """The quotation containing ``pos``, if any."""
        i = bisect_right(self.starts, pos) - 1
        if i >= 0 and self.spans[i][0] <= pos < self.spans[i][1]:
            return self.spans[i]
        return None

    def dated(self, quote: tuple[int, int], days: list[tuple[int, int, date]]) -> date | None:
        """The date of the message quoted at ``quote``: the last of ``days`` (cue start, cue end,
        day) ending within the sentence lead before the quotation, after a message word."""
        opening = quote[0] - 1
        for start, end, day in reversed(days):
            if end > opening:
                continue
            if end < opening - _LEAD:
                return None
            lead = self.text[max(0, opening - _LEAD) : opening]
            cut = max((m.end() for m in _SENTENCE_END.finditer(lead)), default=0) + max(0, opening - _LEAD)
            if start < cut:  # the date is in an earlier sentence
                return None
            return day if _MESSAGE.search(self.text, cut, opening) else None
        return None
