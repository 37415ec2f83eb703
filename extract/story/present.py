"""How a story entry reads, in one place for the dashboard's Story tab and the ``timeline`` command."""

from __future__ import annotations

from collections.abc import Sequence


def said_once(headline: str, sentences: Sequence[str]) -> tuple[str, list[str]]:
    """The headline and the sentences under it, none said twice.

    A headline cut from a summary sentence ("Beijing warned … against …") becomes that
    sentence, whole, and leaves the list; another headline stays as it is.
    """
    rest = [str(s) for s in sentences]
    stem = headline.removesuffix(" …")
    for i, sentence in enumerate(rest):
        if stem and sentence.startswith(stem):
            return sentence, rest[:i] + rest[i + 1 :]
    return headline, rest


def reports_phrase(n: int) -> str:
    """ "1 report", "4 reports"."""
    return f"{n} report{'' if n == 1 else 's'}"
