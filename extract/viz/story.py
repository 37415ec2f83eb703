"""The Story tab's logic, without Streamlit: entries from a summary, their period, story-event rows.

- :func:`story_entries` — one plain-text entry per key date (headline, sentences, a meta line);
- :func:`entry_period` — the days whose lanes an entry shows when clicked;
- :func:`story_rows` — the events frame with one row per story event (the representative report,
  its label counting the reports), so the Timeline can draw merged events instead of every report;
- :func:`story_first` — whether the Story tab leads (a corpus of more than a handful of documents).

Every text stays text: the dashboard renders it through ``extract.viz.text.md``, never as HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import pandas as pd

from extract import schema as S
from extract.story.present import reports_phrase, said_once

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
        actors = list(row[S.ACTORS])
        shown = ", ".join(actors[:MAX_ACTORS_SHOWN]) + (
            f" and {len(actors) - MAX_ACTORS_SHOWN} more" if len(actors) > MAX_ACTORS_SHOWN else ""
        )
        n = int(row[S.REPORTS])
        meta = reports_phrase(n) + (f" · {shown}" if shown else "")
        headline, sentences = said_once(str(row[S.HEADLINE] or ""), row[S.SUMMARY])
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
