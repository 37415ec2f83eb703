"""The seed article's must-holds (seeds/000_1425ebb94b50a240.txt, published 2024-11-16)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from extract import schema as S
from extract.pipeline import extract_document

SEEDS = Path(__file__).parent.parent / "seeds"


@pytest.fixture(scope="module")
def seed() -> tuple[str, pd.DataFrame]:
    rec = json.loads((SEEDS / "demo.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert rec["text"] == (SEEDS / "000_1425ebb94b50a240.txt").read_text(encoding="utf-8")
    ex = extract_document(rec["text"], rec["published"], rec["id"], title=rec["title"])
    return rec["text"], ex.events


def _in_sentence(events: pd.DataFrame, words: str) -> pd.DataFrame:
    return events[events[S.SENTENCE].str.contains(words, regex=False)]


def test_pipeline_seed_yoon_request_to_xi(seed: tuple[str, pd.DataFrame]) -> None:
    _, events = seed
    req = events[events[S.EVENT_TYPE] == "REQUEST"]
    assert len(req) >= 1
    row = req.iloc[0]
    assert (row[S.SOURCE_ACTOR], row[S.TARGET_ACTOR]) == ("Yoon Suk Yeol", "Xi Jinping")
    assert str(row[S.EVENT]).startswith("Yoon")
    assert "help stop North Korea" in str(row[S.EVENT])


def test_pipeline_seed_beijing_visa_decision_is_recent(seed: tuple[str, pd.DataFrame]) -> None:
    _, events = seed
    rows = _in_sentence(events, "Beijing recently added South Korea")
    row = rows[rows[S.PREDICATE] == "add"].iloc[0]
    assert row[S.TIME_TEXT] == "recently"
    assert row[S.TIME_KIND] == "vague"
    assert row[S.END] == pd.Timestamp("2024-11-16") and row[S.START] < row[S.END]


def test_pipeline_seed_xi_remark_is_what_he_said_with_its_duration(seed: tuple[str, pd.DataFrame]) -> None:
    _, events = seed
    rows = _in_sentence(events, "has changed a lot in the past two years")
    assert (rows[S.PREDICATE] != "say").all()  # the saying is no row
    # "the past two years" is a duration: no row of the sentence becomes a two-year bar
    assert ((rows[S.END] - rows[S.START]) <= pd.Timedelta(days=1)).all()


@pytest.mark.parametrize(
    "line",
    [
        "2 mins read",
        "Korea’s president calls on Xi Jinping to help end North Korea’s military cooperation with Russia",
        "Read also: The EU demands the withdrawal of the North Korean troops from Russia",
        "Photo from Yonhap’s website",
    ],
)
def test_pipeline_seed_no_event_from_furniture(seed: tuple[str, pd.DataFrame], line: str) -> None:
    text, events = seed
    start = 0
    while (at := text.find(line, start)) >= 0:
        overlaps = (events[S.CHAR_START] < at + len(line)) & (events[S.CHAR_END] > at)
        assert not overlaps.any(), events[overlaps][[S.EVENT, S.EVENT_TYPE]]
        start = at + 1


def test_pipeline_seed_media_never_source_or_target(seed: tuple[str, pd.DataFrame]) -> None:
    _, events = seed
    roles = set(events[S.SOURCE_ACTOR].dropna()) | set(events[S.TARGET_ACTOR].dropna())
    assert not roles & {"Yonhap", "Ukrinform"}
