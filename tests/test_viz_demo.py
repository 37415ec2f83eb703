"""The shipped demo extraction equals a fresh run, and the story rule picks the documented articles.

If this fails after a change to the extractors (or to the story summary), regenerate the shipped
extraction and summary with ``python -m extract.viz.demo`` and commit them.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest

from extract import schema as S
from extract.viz import demo as D

pytestmark = pytest.mark.slow


def test_demo_shipped_extraction_equals_a_fresh_run() -> None:
    shipped, fresh = D.shipped_extraction(), D.fresh_extraction()
    for name, schema in D.FRAMES.items():
        pd.testing.assert_frame_equal(
            getattr(shipped, name), S.conform(getattr(fresh, name), schema), check_dtype=True, obj=name
        )


def test_demo_shipped_story_summary_equals_a_fresh_one() -> None:
    # the Story tab's first view reads this instead of summarising (seconds) on a cold server
    pd.testing.assert_frame_equal(D.shipped_story(), D.fresh_story(D.shipped_extraction()), check_dtype=True)


def test_demo_story_is_the_seed_and_the_korea_china_articles() -> None:
    ids = D.story_doc_ids()
    records = [json.loads(line) for line in D.DEMO_JSONL.read_text(encoding="utf-8").splitlines()]
    assert ids[0] == records[0]["id"]  # the seed first
    titles = {r["id"]: r["title"] or "" for r in records}
    assert all(
        any(w in titles[i] for w in ("Korea", "China", "Chinese", "Beijing", "Taiwan")) for i in ids[1:]
    )
    assert "AFP_ENG_19970402.0349" not in ids  # Iraq: another story
    assert 10 <= len(ids) < len(records)


def test_demo_restrict_and_merge_keep_the_frames_consistent() -> None:
    full = D.shipped_extraction()
    story = D.restrict(full, D.story_doc_ids())
    assert set(story.events[S.DOC_ID]) <= set(D.story_doc_ids())
    acting = {a for xs in story.events[S.ACTORS] for a in xs}
    assert set(story.actors[S.ACTOR]) <= acting and len(story.actors) > 0  # only actors of the story's events
    other = D.restrict(full, [d for d in full.documents[S.DOC_ID] if d not in set(D.story_doc_ids())])
    merged = D.merge(story, other)
    assert len(merged.events) == len(full.events) and len(merged.documents) == len(full.documents)
    assert merged.actors[S.ACTOR].is_unique
