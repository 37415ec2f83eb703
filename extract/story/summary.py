"""``summarise``: a corpus as a dated timeline — key dates, a few sentences each, the story events.

One pass over the articles gathers dated sentences (:mod:`extract.story.sentences`); the days
are ranked (:mod:`extract.story.dates`); each chosen day gets its sentences
(:mod:`extract.story.select`) and its merged events (:mod:`extract.story.merge`), read from
the source for that day only, so a store is never loaded whole.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from typing import Any

import pandas as pd

from extract import schema as S
from extract.model import Document, Extraction
from extract.story.dates import key_dates
from extract.story.headline import Said, clean_title, headline
from extract.story.merge import merge_events
from extract.story.select import select_sentences
from extract.story.sentences import Sentence, gather
from extract.story.sources import Article, StorySource


def _counted(
    batches: Iterator[list[Article]],
    on_progress: Callable[[int], None] | None,
    titles: dict[str, tuple[str, date | None]],
) -> Iterator[list[Article]]:
    """The batches, counted for ``on_progress``; the usable titles are kept in ``titles`` on the way."""
    done = 0
    for batch in batches:
        for article in batch:
            if (title := clean_title(article.title)) is not None:
                titles[article.doc_id] = (title, article.published)
        yield batch
        done += len(batch)
        if on_progress is not None:
            on_progress(done)


def _day_row(
    source: StorySource,
    day: date,
    score: float,
    sentences: list[Sentence],
    titles: dict[str, tuple[str, date | None]],
) -> dict[str, Any]:
    events = source.events(day, day)
    stories = merge_events(events)
    on_day = stories[stories[S.START].dt.normalize() == pd.Timestamp(day)] if len(stories) else stories
    summary = [s.text for s in sentences]
    sources = list(
        dict.fromkeys([s.doc_id for s in sentences] + [d for ids in on_day[S.DOC_IDS] for d in ids])
    )
    counts: dict[str, int] = {}
    for actors, n in zip(on_day[S.ACTORS], on_day[S.N_SOURCES], strict=True):
        for a in actors:
            counts[a] = counts.get(a, 0) + int(n)
    return {
        S.DATE: pd.Timestamp(day),
        S.SCORE: float(score),
        S.HEADLINE: headline(
            day, [Said(s.text, s.doc_id, s.published, s.mentioned) for s in sentences], titles
        ),
        S.SUMMARY: summary,
        S.SUMMARY_DOCS: [s.doc_id for s in sentences],
        S.STORY_EVENTS_COLUMN: [str(e) for e in on_day[S.EVENT].head(20)],
        S.SOURCES: sources,
        S.REPORTS: len(sources),
        S.ACTORS: sorted(counts, key=lambda a: (-counts[a], a)),
    }


def summarise(
    result_or_store: Extraction | Any | Sequence[Document],
    dates: int = 10,
    per_date: int = 2,
    start: date | None = None,
    end: date | None = None,
    keywords: Sequence[str] | None = None,
    on_progress: Callable[[int], None] | None = None,
    focus: Sequence[str] = (),
) -> pd.DataFrame:
    """The ``dates`` key dates of a corpus with ``per_date`` sentences each (schema STORY), by date.

    ``result_or_store`` is an :class:`~extract.model.Extraction`, an open
    :class:`~extract.store.Store`, or a list of documents (time cues only, no events).
    Articles published outside ``[start, end]`` are left out; with ``keywords`` every summary
    sentence contains one of them. ``on_progress`` is called with the number of articles read.
    ``focus`` names documents the reader chose (the article a story was opened on): their
    publication days are key dates first (rank 1, 2, …) when they have a summary sentence.
    """
    if dates < 0 or per_date < 0:
        raise ValueError("dates and per_date must be at least 0")
    if start is not None and end is not None and end < start:
        raise ValueError(f"the span ends ({end}) before it starts ({start})")
    source = StorySource(result_or_store)
    titles: dict[str, tuple[str, date | None]] = {}
    found = gather(_counted(source.articles(start, end), on_progress, titles), keywords, start, end)
    wanted = set(focus)
    first = {day for day, docs in found.published.items() if wanted & docs}
    chosen = key_dates(found, dates, source.event_day_sources(start, end), first)
    rows = []
    used: set[str] = set()  # a sentence naming two days summarises the better-ranked one only
    for rank, (day, score) in enumerate(chosen, start=1):
        picked = select_sentences([c for c in found.candidates[day] if c.text not in used], per_date, day)
        used.update(c.text for c in picked)
        row = _day_row(source, day, score, picked, titles)
        rows.append({**row, S.RANK: rank})
    frame = S.conform(rows, S.STORY)
    return frame.sort_values(S.DATE, kind="stable").reset_index(drop=True)


def story_events(
    result_or_store: Extraction | Any, start: date | None = None, end: date | None = None, months: int = 1
) -> pd.DataFrame:
    """Every story event of a source (schema STORY_EVENTS), merged a period at a time.

    Without a span, an extraction is merged whole; a store needs ``start`` and ``end`` so that
    it is read ``months`` months at a time.
    """
    source = StorySource(result_or_store)
    if start is None or end is None:
        return merge_events(source.events(start, end))
    parts = []
    lo = start
    while lo <= end:
        hi = min((pd.Timestamp(lo) + pd.DateOffset(months=months)).date() - timedelta(days=1), end)
        parts.append(merge_events(source.events(lo, hi)))
        lo = hi + timedelta(days=1)
    frame = pd.concat(parts, ignore_index=True) if parts else S.empty_frame(S.STORY_EVENTS)
    return S.conform(frame, S.STORY_EVENTS)
