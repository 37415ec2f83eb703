"""The Events tab as a reader wants it: date, who, what, to whom, type and article first.

End dates are shown inclusive ("until 2024-11-15": the last day inside the event's interval;
the schema's ``end`` is exclusive), countries by name, the time cue in plain words. The
internal columns (offsets, rules, confidence, raw TIMEX values) stay available behind the
dashboard's "details" toggle: :func:`events_table` with ``details=True`` appends them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from extract import schema as S
from extract.viz.frames import IN_VIEW, actors_in_view
from extract.viz.names import country_label
from extract.viz.text import COUNTRY_FROM_WORDS, KIND_WORDS

DATE, UNTIL, WHO, WHAT, WHOM, TYPE, ARTICLE, PUBLISHED_ON, TIME_CUE, HOW, WITH, COUNTRIES = (
    "date",
    "until",
    "who",
    "what happened",
    "to whom",
    "type",
    "article",
    "article date",
    "time in the text",
    "how the date was found",
    "involved",
    "countries involved",
)
READER_COLUMNS = (DATE, UNTIL, WHO, WHAT, WHOM, TYPE, ARTICLE, PUBLISHED_ON, TIME_CUE, HOW, WITH, COUNTRIES)
INTERNAL = tuple(S.names(S.EVENTS))  # the details toggle adds every schema column as it is


def inclusive_end(start: pd.Series, end: pd.Series) -> pd.Series:
    """The last day of each half-open interval, or NaT when the event lasts a single day."""
    last = (end - pd.Timedelta(days=1)).dt.floor("D")
    return last.where(last > start.dt.floor("D"))


def events_table(
    events: pd.DataFrame,
    titles: dict[str, str] | None = None,
    details: bool = False,
    shown: np.ndarray | None = None,
) -> pd.DataFrame:
    """The reader's table of ``events`` (columns :data:`READER_COLUMNS`, plus internals if ``details``).

    ``shown`` marks the events on the timeline's axis (:func:`extract.viz.axis.shown_on_axis`):
    those come first, by date, and the background (a 1949 split recalled in a 1997 report)
    after them, by date too; without it, every event by date."""
    titles = titles or {}
    out = pd.DataFrame(
        {
            DATE: events[S.START].dt.floor("D"),
            UNTIL: inclusive_end(events[S.START], events[S.END]),
            WHO: events[S.SOURCE_ACTOR].fillna(""),  # a blank cell, not "None"
            WHAT: events[S.EVENT],
            WHOM: events[S.TARGET_ACTOR].fillna(""),
            TYPE: events[S.EVENT_TYPE].str.lower(),
            ARTICLE: [titles.get(str(d)) or str(d) for d in events[S.DOC_ID]],
            PUBLISHED_ON: events[S.PUBLISHED].dt.floor("D"),
            TIME_CUE: events[S.TIME_TEXT].fillna(""),
            HOW: events[S.TIME_KIND].map(lambda k: KIND_WORDS.get(str(k), str(k))),
            WITH: ["; ".join(map(str, xs)) for xs in events[S.ACTORS]],
            COUNTRIES: ["; ".join(country_label(str(c)) for c in xs) for xs in events[S.COUNTRIES]],
        }
    )
    if details:
        for col in INTERNAL:
            out[col] = events[col].to_numpy()
    background = np.zeros(len(out), dtype=bool) if shown is None else ~np.asarray(shown, dtype=bool)
    keyed = out.assign(_background=background)
    keyed = keyed.sort_values(["_background", DATE, ARTICLE], kind="stable", na_position="last")
    return keyed.drop(columns="_background").reset_index(drop=True)


ACTOR, KIND, COUNTRY, COUNTRY_FROM, MENTIONS, ARTICLES, ALSO_WRITTEN = (
    "actor",
    "kind",
    "country",
    "country from",
    "mentions",
    "articles",
    "also written",
)
# the long list of other spellings last, so the counts stay on screen
ACTOR_COLUMNS = (ACTOR, KIND, COUNTRY, COUNTRY_FROM, IN_VIEW, MENTIONS, ARTICLES, ALSO_WRITTEN)


def actors_table(actors: pd.DataFrame, events: pd.DataFrame) -> pd.DataFrame:
    """The Actors tab as a reader wants it (:data:`ACTOR_COLUMNS`): countries by name, how each was
    found in plain words, the other spellings merged in; the actors of most events in view first."""
    view = actors_in_view(actors, events)
    return pd.DataFrame(
        {
            ACTOR: view[S.ACTOR],
            KIND: view[S.ACTOR_KIND],
            COUNTRY: [country_label(c) if isinstance(c, str) else "" for c in view[S.COUNTRY]],
            COUNTRY_FROM: [
                COUNTRY_FROM_WORDS.get(s, s) if isinstance(s, str) else "" for s in view[S.COUNTRY_SOURCE]
            ],
            IN_VIEW: view[IN_VIEW],
            MENTIONS: view[S.MENTIONS],
            ARTICLES: view[S.DOC_COUNT],
            ALSO_WRITTEN: ["; ".join(map(str, xs)) for xs in view[S.ALIASES]],
        }
    ).reset_index(drop=True)
