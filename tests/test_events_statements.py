"""Statements that are the news: every statements.toml example gives exactly its statement rows."""

from __future__ import annotations

from typing import Any

import pytest

from extract import schema as S
from extract.events.statements import STATEMENT_RULE, statement_rules
from extract.pipeline import extract_events

pytestmark = pytest.mark.slow

EXAMPLES = list(statement_rules().examples)


def _statements(text: str) -> list[dict[str, Any]]:
    events = extract_events(text, "2024-11-16")
    rows = events[events[S.RULE].str.startswith(STATEMENT_RULE + ";")]
    return [dict(r) for _, r in rows.iterrows()]


@pytest.mark.parametrize("example", EXAMPLES, ids=[str(e["text"])[:40] for e in EXAMPLES])
def test_statements_examples(example: dict[str, Any]) -> None:
    text = f"{example['after']} {example['text']}" if "after" in example else str(example["text"])
    assert [str(r[S.EVENT]) for r in _statements(text)] == example["labels"]


@pytest.mark.parametrize(
    "text",
    [
        "He said it was unclear.",
        "Finance Minister Wang Ming said on Tuesday it was unclear whether prices would rise.",
        "Finance Minister Wang Ming did not say on Tuesday that the economy was strong.",
        "Finance Minister Wang Ming asked on Tuesday whether the economy was strong.",
        "\u201cWe are ready,\u201d Finance Minister Wang Ming said on Tuesday.",  # no clause with a subject
        "Police said on Thursday that 24 students were arrested on Tuesday.",  # the content is a row
    ],
)
def test_statements_find_nothing(text: str) -> None:
    assert _statements(text) == []


def test_statements_row_is_the_speakers_dated_statement() -> None:
    """Source = speaker, type STATEMENT, dated by the saying, the content in the label."""
    (row,) = _statements(
        "Prices rose in March. Finance Minister Wang Ming said on Tuesday that the economy was strong."
    )
    assert row[S.SOURCE_ACTOR] == "Wang Ming"
    assert row[S.EVENT_TYPE] == "STATEMENT"
    assert row[S.TIME_TEXT] == "Tuesday"
    assert str(row[S.START])[:10] == "2024-11-12"
