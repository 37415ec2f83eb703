"""The demo the dashboard opens on: a shipped extraction of ``seeds/demo.jsonl`` and its first-view story.

Extracting the demo needs spaCy (seconds to load) and the pipeline (seconds to run), so the
extraction is shipped as Parquet in ``seeds/demo_extraction/`` and the dashboard reads it in a
few milliseconds; ``tests/test_viz_demo.py`` proves it equals a fresh run. So is the Story tab's
summary of the first-view story (``story.parquet``: summarising takes seconds). After a change to
the extractors regenerate it with one command::

    python -m extract.viz.demo

The first view shows the *story* (``seeds/demo_story.json``, written by
``tests/golden/select_demo.py``): the seed article plus the demo articles on the Korean
peninsula and China, chosen by the title rule stored in that file.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd

from extract import schema as S
from extract.model import Extraction

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DEMO_JSONL = SEEDS / "demo.jsonl"
EXTRACTION_DIR = SEEDS / "demo_extraction"
STORY_FILE = SEEDS / "demo_story.json"
FRAMES = {"events": S.EVENTS, "actors": S.ACTORS_FRAME, "documents": S.DOCUMENTS, "errors": S.ERRORS}
STORY_SUMMARY = EXTRACTION_DIR / "story.parquet"
STORY_DATES, STORY_PER_DATE = 10, 3
"""The Story tab's defaults: the shipped summary is the first-view story with these."""


def shipped_extraction(folder: Path = EXTRACTION_DIR) -> Extraction:
    """The shipped demo extraction; FileNotFoundError when it was never written."""
    frames = {
        name: S.conform(pd.read_parquet(folder / f"{name}.parquet"), schema)
        for name, schema in FRAMES.items()
    }
    return Extraction(**frames)


def fresh_extraction() -> Extraction:
    """The demo extracted now (spaCy and the whole pipeline): what the shipped one must equal."""
    from extract.documents import demo_documents
    from extract.pipeline import extract_corpus

    return extract_corpus(demo_documents(), mode="news")


def write_extraction(result: Extraction, folder: Path = EXTRACTION_DIR) -> list[Path]:
    """Write the four frames as Parquet (schema dtypes, list columns kept); return the paths."""
    from extract.store.layout import write_parquet

    paths = []
    for name, schema in FRAMES.items():
        path = folder / f"{name}.parquet"
        write_parquet(getattr(result, name), schema, path)
        paths.append(path)
    return paths


def shipped_story(path: Path = STORY_SUMMARY) -> pd.DataFrame:
    """The shipped Story-tab summary of the first-view story (schema STORY); FileNotFoundError
    when it was never written. Summarising takes seconds; reading it, milliseconds."""
    return S.conform(pd.read_parquet(path), S.STORY)


def fresh_story(result: Extraction) -> pd.DataFrame:
    """The first-view story summarised now from ``result`` (the shipped extraction, restricted)."""
    from extract.story import summarise

    story = restrict(result, story_doc_ids())
    return S.conform(summarise(story, dates=STORY_DATES, per_date=STORY_PER_DATE), S.STORY)


def story_doc_ids(path: Path = STORY_FILE) -> list[str]:
    """The document ids of the first-view story (all demo documents when the file is missing)."""
    if not path.exists():
        return []
    return [str(d) for d in json.loads(path.read_text(encoding="utf-8"))["doc_ids"]]


def story_rule(path: Path = STORY_FILE) -> str:
    """The rule that chose the story's documents, in words (for the sidebar and docs)."""
    if not path.exists():
        return ""
    return str(json.loads(path.read_text(encoding="utf-8")).get("rule", ""))


def restrict(result: Extraction, doc_ids: list[str]) -> Extraction:
    """The extraction limited to ``doc_ids`` (actors: those still acting in an event)."""
    if not doc_ids:
        return result
    keep = set(doc_ids)
    events = result.events[result.events[S.DOC_ID].isin(keep)].reset_index(drop=True)
    acting = {a for xs in events[S.ACTORS] for a in xs}
    return Extraction(
        events=events,
        actors=result.actors[result.actors[S.ACTOR].isin(acting)].reset_index(drop=True),
        documents=result.documents[result.documents[S.DOC_ID].isin(keep)].reset_index(drop=True),
        errors=result.errors[result.errors[S.DOC_ID].isin(keep) | result.errors[S.DOC_ID].isna()].reset_index(
            drop=True
        ),
    )


def merge(base: Extraction, extra: Extraction) -> Extraction:
    """The shipped demo plus the extraction of new documents (uploads, pasted text).

    An actor known to both keeps the base row, its mention and document counts summed.
    """
    actors = pd.concat([base.actors, extra.actors], ignore_index=True)
    if len(actors):
        sums = actors.groupby(S.ACTOR, sort=False)[[S.MENTIONS, S.DOC_COUNT]].sum()
        actors = actors.drop_duplicates(S.ACTOR, keep="first").set_index(S.ACTOR)
        actors[[S.MENTIONS, S.DOC_COUNT]] = sums.loc[actors.index]
        actors = actors.reset_index()
    return Extraction(
        events=S.conform(pd.concat([base.events, extra.events], ignore_index=True), S.EVENTS),
        actors=S.conform(actors, S.ACTORS_FRAME),
        documents=S.conform(pd.concat([base.documents, extra.documents], ignore_index=True), S.DOCUMENTS),
        errors=S.conform(pd.concat([base.errors, extra.errors], ignore_index=True), S.ERRORS),
    )


def main() -> int:
    """Regenerate ``seeds/demo_extraction/`` (the four frames and the story summary) from ``seeds/demo.jsonl``."""
    from extract.store.layout import write_parquet

    result = fresh_extraction()
    for path in write_extraction(result):
        print(f"wrote {path.relative_to(SEEDS.parent)}")
    write_parquet(fresh_story(result), S.STORY, STORY_SUMMARY)
    print(f"wrote {STORY_SUMMARY.relative_to(SEEDS.parent)}")
    print(f"{len(result.events)} events, {len(result.actors)} actors, {len(result.documents)} documents")
    return 0


if __name__ == "__main__":
    sys.exit(main())
