"""The dateline reaches the actors' context rules through the real pipeline: the text's own (which is
blanked before parsing) or the one a record keeps apart from the text (news-silver's ``dateline``)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from extract import schema as S
from extract.documents import read_documents
from extract.model import Document
from extract.pipeline import extract_corpus

MINISTER = "Finance Minister John Mwangi announced on Monday a rise in fuel taxes."


@pytest.mark.parametrize(
    ("text", "dateline", "country"),
    [
        ("NAIROBI, Dec 17 (AFP) - " + MINISTER, None, "KEN"),  # the text's own dateline
        (MINISTER, "NAIROBI, Dec 17 (AFP)", "KEN"),  # the record's
        ("NAIROBI, Dec 17 (AFP) - " + MINISTER, "LIMA, Dec 17 (AFP)", "KEN"),  # the text's own wins
        (MINISTER, None, None),  # no dateline: no guess
    ],
)
def test_pipeline_dateline_gives_office_holders_a_weak_country(
    text: str, dateline: str | None, country: str | None
) -> None:
    result = extract_corpus([Document("d", text, date(2006, 12, 17), dateline=dateline)])
    row = result.actors[result.actors[S.ACTOR] == "John Mwangi"].iloc[0]
    got = None if row[S.COUNTRY] is None or str(row[S.COUNTRY]) == "<NA>" else row[S.COUNTRY]
    assert got == country


def test_pipeline_dateline_read_from_a_record(tmp_path: Path) -> None:
    path = tmp_path / "news.jsonl"
    record = {"id": "a", "published": "2006-12-17", "dateline": "NAIROBI, Dec 17 (AFP)", "text": MINISTER}
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    docs = [d for d in read_documents([path]) if isinstance(d, Document)]
    assert [d.dateline for d in docs] == ["NAIROBI, Dec 17 (AFP)"]
