"""How a story entry reads, in one place for the dashboard's Story tab and the ``timeline`` command."""

from __future__ import annotations

from collections.abc import Sequence

from extract.story.headline import content_words, without_day_words

SAID_WHOLE = 0.8
"""A sentence leaves an entry when its headline says this share of its content words, its day
words left out (the date stands beside the headline: "on March 21" says nothing more)."""


def said_once(headline: str, sentences: Sequence[str]) -> tuple[str, list[str]]:
    """The headline and the sentences under it, none said twice.

    A sentence the headline says nearly whole (its main clause, or the sentence itself) leaves
    the list; a sentence the headline only summarises (a report's title, a main clause cut from
    a longer sentence) stays under it with its details.
    """
    said = content_words(headline)
    rest = []
    for sentence in (str(s) for s in sentences):
        words = content_words(without_day_words(sentence)) or content_words(sentence)
        if not words or len(words & said) < SAID_WHOLE * len(words):
            rest.append(sentence)
    return headline, rest


def reports_phrase(n: int) -> str:
    """ "1 report", "4 reports"."""
    return f"{n} report{'' if n == 1 else 's'}"
