"""extract_document / extract_corpus contracts: empty input, failing records, batch-size independence."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from extract import schema as S
from extract.model import Document
from extract.pipeline import extract_corpus, extract_document, parse_published

DEMO = Path(__file__).parent.parent / "seeds" / "demo.jsonl"


def _demo_docs(n: int) -> list[Document]:
    docs = []
    for line in DEMO.read_text(encoding="utf-8").splitlines()[:n]:
        rec = json.loads(line)
        docs.append(
            Document(
                rec["id"],
                rec["text"],
                parse_published(rec["published"]),
                "metadata",
                rec["title"],
                rec["source"],
            )
        )
    return docs


def _dtypes(frame: pd.DataFrame) -> dict[str, str]:
    return {k: str(v) for k, v in frame.dtypes.items()}


@pytest.mark.parametrize("text", ["", "   ", "\n\n", "2 mins read"])
def test_pipeline_corpus_empty_text_gives_typed_empty_frames(text: str) -> None:
    ex = extract_document(text, "2024-11-16")
    assert len(ex.events) == 0
    assert _dtypes(ex.events) == _dtypes(S.empty_frame(S.EVENTS))
    assert _dtypes(ex.actors) == _dtypes(S.empty_frame(S.ACTORS_FRAME))
    assert len(ex.errors) == 0
    assert len(ex.documents) == 1


def test_pipeline_corpus_failing_record_becomes_error_row() -> None:
    good = _demo_docs(2)
    bad = Document("broken", None, None, path="upload.jsonl")  # type: ignore[arg-type]
    progress: list[int] = []
    ex = extract_corpus([good[0], bad, good[1]], batch_size=2, on_progress=progress.append)
    assert ex.errors[S.DOC_ID].tolist() == ["broken"]
    assert ex.errors[S.PATH].tolist() == ["upload.jsonl"]
    assert "extraction failed" in ex.errors[S.REASON].iloc[0]
    assert set(ex.events[S.DOC_ID]) == {good[0].doc_id, good[1].doc_id}
    assert ex.documents[S.DOC_ID].tolist() == [good[0].doc_id, good[1].doc_id]
    assert progress == [1, 2, 3]


def test_pipeline_corpus_output_independent_of_batch_size() -> None:
    docs = _demo_docs(6)
    one = extract_corpus(docs, batch_size=1)
    many = extract_corpus(docs, batch_size=4)
    assert len(one.events) > 0
    pd.testing.assert_frame_equal(one.events, many.events)
    pd.testing.assert_frame_equal(one.actors, many.actors)
    pd.testing.assert_frame_equal(one.documents, many.documents)


def test_pipeline_corpus_event_ids_unique_and_prefixed() -> None:
    ex = extract_corpus(_demo_docs(3))
    assert ex.events[S.EVENT_ID].is_unique
    assert all(e.startswith(f"{d}:") for e, d in zip(ex.events[S.EVENT_ID], ex.events[S.DOC_ID], strict=True))


@pytest.mark.parametrize("bad", ["yesterday", "2024-13-45"])
def test_pipeline_corpus_bad_published_names_the_value(bad: str) -> None:
    with pytest.raises(ValueError, match=bad):
        extract_document("Russia attacked Ukraine.", bad)


def test_pipeline_corpus_narrative_mode_dates_history() -> None:
    text = "In 1066, William of Normandy invaded England. Two years later, he attacked York."
    events = extract_document(text, None, mode="narrative").events.set_index(S.PREDICATE)
    assert events.loc["invade", S.EVENT_TYPE] == "ASSAULT"
    assert events.loc["invade", S.START] == pd.Timestamp("1066-01-01")
    assert events.loc["attack", S.START] == pd.Timestamp("1068-01-01")
