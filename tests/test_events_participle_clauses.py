"""A sentence-initial participle clause ("*Founded in 2001*, Sinovac … focuses on …") is a happening of its
own, never part of the main clause, even when the parser takes the participle for the subject: one
founding, one row; the main clause neither takes its date nor repeats it."""

from __future__ import annotations

import pytest

from extract import schema as S
from extract.pipeline import extract_events

pytestmark = pytest.mark.slow

QUOTE = '"Tests show that the vaccine is highly safe," said Yin.\n\n'


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (  # parsed with "Founded" as the subject of "focuses"
            QUOTE + "Founded in 2001, Sinovac, known in China as Beijing Kexing Bioproducts Limited Company, "
            "focuses on manufacturing and marketing human-use vaccines.",
            [("found", "2001")],
        ),
        (  # nothing: an undated present state, the participle parsed as an adverbial clause
            QUOTE + "Founded in 1985, the group, known in Russia as Memorial, focuses on human rights.",
            [],
        ),
        (  # the main clause keeps its own date
            QUOTE + "Elected in 2001, Koizumi, known in Japan as a reformer, resigned on Monday.",
            [("resign", "2005-12-12")],
        ),
    ],
)
def test_events_participle_clauses_rows(text: str, rows: list[tuple[str, str]]) -> None:
    events = extract_events(text, "2005-12-16")
    assert list(zip(events[S.PREDICATE], events[S.TIME_VALUE].astype(str), strict=True)) == rows
