"""The Story tab's logic, without Streamlit: entries from a summary, their period, story-event rows.

- :func:`story_entries` — one plain-text entry per key date (headline, sentences, a meta line);
- :func:`entry_period` — the days whose lanes an entry shows when clicked;
- :func:`story_rows` — the events frame with one row per story event (the representative report,
  its label counting the reports), so the Timeline can draw merged events instead of every report;
- :func:`story_first` — whether the Story tab leads (a corpus of more than a handful of documents);
- :func:`latest_first` — the newest news on top: the entry of the latest publication day first
  (from the key dates, or made from that day's articles when the ranking left it out), then
  the key dates in date order. A reader opening a story wants today's report first, and the
  demo's seed (the 2024 Yoon–Xi summit) is its newest article.

Every text stays text: the dashboard renders it through ``extract.viz.text.md``, never as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from types import ModuleType

import pandas as pd

from extract import schema as S


def _present() -> ModuleType:
    """``extract.story.present``, imported on first use: ``extract.story`` pulls in the summariser and
    the time-cue rules (~0.1 s), which the dashboard's first chart should not wait for."""
    from extract.story import present

    return present


HANDFUL = 5
"""More documents than this and the Story tab comes first."""
PERIOD_PAD_DAYS = 1
"""An entry shows its day's lanes with this many days on each side (the reports come a day later)."""
MAX_ACTORS_SHOWN = 5
TIMELINE_MODES = ("reports", "stories")
"""The Timeline draws every report, or the merged story events."""


@dataclass(frozen=True)
class StoryEntry:
    """One key date as the Story tab shows it."""

    day: date
    headline: str
    sentences: tuple[str, ...]
    meta: str  # "4 reports · China, France, …"
    latest: bool = False  # the entry of the newest articles' day, shown first


def story_first(n_documents: int) -> bool:
    """True when the corpus has more than a handful of documents."""
    return n_documents > HANDFUL


def story_entries(summary: pd.DataFrame, lead_first: bool = False) -> list[StoryEntry]:
    """Entries of a summary frame (schema STORY), in date order; with ``lead_first`` the entry
    ranked first (the day of the article a story was opened on) leads, the others follow by date."""
    out = []
    ordered = summary.sort_values(S.DATE, kind="stable")
    if lead_first and len(ordered):
        lead = ordered[S.RANK] == ordered[S.RANK].min()
        ordered = pd.concat([ordered[lead], ordered[~lead]])
    for row in ordered.to_dict("records"):
        shown = _actors_phrase([str(a) for a in row[S.ACTORS]])
        n = int(row[S.REPORTS])
        meta = _present().reports_phrase(n) + (f" · {shown}" if shown else "")
        headline, sentences = _present().said_once(str(row[S.HEADLINE] or ""), row[S.SUMMARY])
        out.append(StoryEntry(pd.Timestamp(row[S.DATE]).date(), headline, tuple(sentences), meta))
    return out


def entry_period(day: date, pad_days: int = PERIOD_PAD_DAYS) -> tuple[date, date]:
    """The first and last day whose lanes an entry for ``day`` shows."""
    return day - timedelta(days=pad_days), day + timedelta(days=pad_days)


def story_rows(events: pd.DataFrame, stories: pd.DataFrame) -> pd.DataFrame:
    """One events row per story event (schema EVENTS): its representative report, labelled
    '<label> · N reports' when several documents report it, with every report's actors."""
    if len(events) == 0 or len(stories) == 0:
        return S.empty_frame(S.EVENTS)
    rep = stories.set_index(S.STORY_ID)
    rows = events[events[S.EVENT_ID].isin(rep.index)].copy()
    info = rep.loc[rows[S.EVENT_ID]]
    sources = info[S.N_SOURCES].to_numpy()
    labels = rows[S.EVENT].fillna("").to_numpy()
    rows[S.EVENT] = [
        f"{label} · {n} reports" if n > 1 else label for label, n in zip(labels, sources, strict=True)
    ]
    rows[S.ACTORS] = list(info[S.ACTORS])
    rows[S.COUNTRIES] = list(info[S.COUNTRIES])
    return S.conform(rows.reset_index(drop=True), S.EVENTS)


LEAD_SENTENCES = 2
"""Sentences under a latest-day entry made from its articles."""


def _actors_phrase(actors: list[str]) -> str:
    shown = ", ".join(actors[:MAX_ACTORS_SHOWN])
    more = len(actors) - MAX_ACTORS_SHOWN
    return shown + (f" and {more} more" if more > 0 else "")


def latest_entry(documents: pd.DataFrame, events: pd.DataFrame) -> StoryEntry | None:
    """An entry for the newest publication day, made from its articles: the headline is the title
    of its article with the most events, the sentences are the first event sentences of that day's
    articles in text order, the actors those of their events (most events first)."""
    days = pd.Series(pd.to_datetime(documents[S.PUBLISHED]), dtype="datetime64[s]").dt.floor("D")
    if days.notna().sum() == 0:
        return None
    newest = pd.Timestamp(days.max())
    docs = documents[(days == newest).to_numpy()]
    mine = events[events[S.DOC_ID].isin(set(docs[S.DOC_ID]))]
    per_doc = mine[S.DOC_ID].value_counts()
    lead = str(per_doc.index[0]) if len(per_doc) else str(docs[S.DOC_ID].iloc[0])
    titles = dict(zip(docs[S.DOC_ID].astype(str), docs[S.TITLE], strict=True))
    title = titles.get(lead)
    headline = "" if title is None or pd.isna(title) else str(title)  # pasted texts have no title
    ordered = mine.assign(_other=(mine[S.DOC_ID] != lead).to_numpy()).sort_values(
        ["_other", S.DOC_ID, S.CHAR_START], kind="stable"
    )
    sentences = [
        str(x) for x in dict.fromkeys(ordered[S.SENTENCE].dropna()) if str(x).strip() != headline.strip()
    ]
    if not headline and sentences:
        headline, sentences = sentences[0], sentences[1:]
    if not headline:
        return None
    actors = pd.Series([a for xs in mine[S.ACTORS] for a in xs], dtype="string").value_counts()
    names = busiest_names(actors)
    meta = _present().reports_phrase(len(docs)) + (f" · {_actors_phrase(names)}" if names else "")
    return StoryEntry(newest.date(), headline, tuple(sentences[:LEAD_SENTENCES]), meta, latest=True)


def busiest_names(counts: pd.Series) -> list[str]:
    """Names of a value → count series, most first, ties alphabetical."""
    return sorted((str(v) for v in counts.index), key=lambda v: (-int(counts[v]), v))


def latest_first(entries: list[StoryEntry], latest: StoryEntry | None) -> list[StoryEntry]:
    """The entry of the latest publication day on top (the ranked one if it has it), then the rest."""
    if latest is None:
        return entries
    same = [e for e in entries if e.day == latest.day]
    top = replace(same[0], latest=True) if same else latest
    return [top, *(e for e in entries if e.day != latest.day)]
