"""Every actor an event row names is in the actors frame with its kind and country; a national government
is its country's actor (extract/actors/event_actors.py, examples in rules/actors/event_actors.toml)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd
import pytest

from extract import schema as S
from extract.actors.data import read_rule_file
from extract.model import Document
from extract.pipeline import extract_corpus


def _examples() -> list[Any]:
    return [
        pytest.param(e, id=f"event_actors#{n}")
        for n, e in enumerate(read_rule_file("event_actors.toml")["example"])
    ]


def _none(value: Any) -> str:
    return "-" if pd.isna(value) else str(value)


@pytest.mark.parametrize("example", _examples())
def test_event_actors_examples_hold(example: dict[str, Any]) -> None:
    document = Document("d", example["text"], date(2006, 5, 3), "user", dateline=example.get("dateline"))
    result = extract_corpus([document])
    rows = {
        str(r[S.ACTOR]): " | ".join(
            [str(r[S.ACTOR]), str(r[S.ACTOR_KIND]), _none(r[S.COUNTRY]), _none(r[S.COUNTRY_SOURCE])]
        )
        for _, r in result.actors.iterrows()
    }
    for expect in example.get("expect", []):
        assert rows.get(expect.split(" | ")[0]) == expect, rows
    for name in example.get("absent", []):
        assert name not in rows, rows
        assert all(name not in actors for actors in result.events[S.ACTORS]), result.events[S.ACTORS]


def test_event_actors_every_row_actor_is_in_the_actors_frame() -> None:
    text = (
        "Thai troops fired on protesters on Sunday. The Danish embassy said it had closed its doors. "
        "The Japanese government protested on Monday, and hundreds of Palestinians marched in Gaza."
    )
    result = extract_corpus([Document("d", text, date(2006, 5, 3), "user")])
    named = {a for actors in result.events[S.ACTORS] for a in actors}
    assert named, "the text has event rows"
    assert named <= set(result.actors[S.ACTOR])
    assert S.ROW_MENTIONS not in result.events.columns
    assert set(result.actors[S.ACTOR_KIND]) <= set(S.ACTOR_KINDS)
    sources = result.actors[S.COUNTRY_SOURCE].dropna()
    assert set(sources) <= set(S.COUNTRY_SOURCES)
