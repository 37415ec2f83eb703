"""A row's span: its clause, the complements that complete it, the saying before it, the noun it tells about."""

from __future__ import annotations

import pytest

from extract import schema as S
from extract.pipeline import extract_events

pytestmark = pytest.mark.slow


@pytest.mark.parametrize(
    ("text", "predicate", "span_text"),
    [
        ("Bush said he met Robert Gates on Sunday.", "meet", "Bush said he met Robert Gates on Sunday"),
        (
            "He was convicted last August of possessing five blank passports.",
            "convict",
            "He was convicted last August of possessing five blank passports",
        ),
        (
            "Police questioned the mine head Geng Runyu, who fled on Sunday after the accident.",
            "flee",
            "Geng Runyu, who fled on Sunday after the accident",
        ),
        # a coordinated clause is a row of its own and not part of this one
        (
            "Police arrested 19 people on Friday and released them on Saturday.",
            "arrest",
            "Police arrested 19 people on Friday",
        ),
    ],
)
def test_events_spans_table(text: str, predicate: str, span_text: str) -> None:
    events = extract_events(text, "2024-11-16")
    row = events[events[S.PREDICATE] == predicate].iloc[0]
    assert text[int(row[S.CHAR_START]) : int(row[S.CHAR_END])] == span_text
