"""Events frame → the rows a timeline draws: filtering, one row per (event, lane value), styles.

Pure pandas, no Streamlit: the same functions back the dashboard, its tests and the benchmark.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from extract import schema as S
from extract.viz.filters import Filters

# extra columns of the lane rows (figure input); not part of the public schema
LANE = "lane"
COLOR = "color"
STYLE = "style"
ROW_END = "row_end"

INSTANT, INTERVAL, VAGUE, PUBLICATION = "instant", "interval", "vague", "publication"
STYLES = (INSTANT, INTERVAL, VAGUE, PUBLICATION)
NO_VALUE = "(none)"
ONE_DAY = pd.Timedelta(days=1)


def _any_in(lists: pd.Series, wanted: tuple[str, ...]) -> pd.Series:
    keep = set(wanted)
    return lists.map(lambda xs: bool(keep.intersection(xs)) if isinstance(xs, (list, tuple, np.ndarray)) else False)


def apply_filters(events: pd.DataFrame, f: Filters) -> pd.DataFrame:
    """The events (schema ``EVENTS``) matching ``f``; an empty frame with the schema if none."""
    if len(events) == 0:
        return S.empty_frame(S.EVENTS)
    mask = pd.Series(True, index=events.index)
    if f.actors:
        mask &= _any_in(events[S.ACTORS], f.actors)
    if f.countries:
        mask &= _any_in(events[S.COUNTRIES], f.countries)
    if f.event_types:
        mask &= events[S.EVENT_TYPE].isin(f.event_types).fillna(False).astype(bool)
    if f.doc_ids:
        mask &= events[S.DOC_ID].isin(f.doc_ids).fillna(False).astype(bool)
    if f.time_kinds:
        mask &= events[S.TIME_KIND].isin(f.time_kinds).fillna(False).astype(bool)
    if f.date_from is not None:
        ends = events[S.END].fillna(events[S.START] + ONE_DAY)
        mask &= (ends > pd.Timestamp(f.date_from)).fillna(False).astype(bool)
    if f.date_to is not None:
        mask &= (events[S.START] < pd.Timestamp(f.date_to) + ONE_DAY).fillna(False).astype(bool)
    for on, col in ((f.hide_hypothetical, S.HYPOTHETICAL), (f.hide_future, S.FUTURE), (f.hide_negated, S.NEGATED)):
        if on:
            mask &= ~events[col].astype(bool)
    if f.search.strip():
        needle = f.search.strip().lower()
        label = events[S.EVENT].fillna("").str.lower().str.contains(needle, regex=False)
        sentence = events[S.SENTENCE].fillna("").str.lower().str.contains(needle, regex=False)
        mask &= (label | sentence).astype(bool)
    return events.loc[mask.to_numpy()].reset_index(drop=True)


def time_style(events: pd.DataFrame) -> pd.Series:
    """How each event's time is drawn: instant marker, interval bar, vague bar, publication date."""
    span = events[S.END] - events[S.START]
    style = np.where(span > ONE_DAY, INTERVAL, INSTANT)
    style = np.where(events[S.TIME_KIND].fillna("") == "vague", VAGUE, style)
    style = np.where(events[S.TIME_KIND].fillna("") == PUBLICATION, PUBLICATION, style)
    return pd.Series(style, index=events.index, dtype="string")


def actor_countries(actors: pd.DataFrame) -> dict[str, str]:
    """Canonical actor name → ISO3 country, from the actors frame (``ACTORS_FRAME``)."""
    if len(actors) == 0:
        return {}
    known = actors.dropna(subset=[S.COUNTRY])
    return dict(zip(known[S.ACTOR].astype(str), known[S.COUNTRY].astype(str), strict=True))


def lane_rows(
    events: pd.DataFrame,
    lane: str,
    f: Filters | None = None,
    countries_of: Mapping[str, str] | None = None,
) -> pd.DataFrame:
    """One row per (event, lane value) with ``lane``, ``color`` and ``style`` columns.

    ``lane`` is ``actor``, ``country`` or ``type``. Colour is the country for actor and country
    lanes and the event type for type lanes. Lane values that the filters exclude are dropped, so
    ``country=PRK`` draws only North Korean lanes even when an event also involves others.
    Events with no start time cannot be placed and are left out.
    """
    f = f or Filters()
    countries_of = countries_of or {}
    placed = events[events[S.START].notna()]
    if len(placed) == 0:
        return _empty_rows()
    base = placed.assign(**{STYLE: time_style(placed)})
    if lane == "type":
        rows = base.assign(**{LANE: base[S.EVENT_TYPE].fillna(NO_VALUE), COLOR: base[S.EVENT_TYPE].fillna(NO_VALUE)})
    elif lane == "country":
        rows = base.assign(**{LANE: base[S.COUNTRIES].map(_or_none)}).explode(LANE)
        if f.countries:
            rows = rows[rows[LANE].isin(f.countries)]
        rows = rows.assign(**{COLOR: rows[LANE]})
    elif lane == "actor":
        rows = base.assign(**{LANE: base[S.ACTORS].map(_or_none)}).explode(LANE)
        if f.actors:
            rows = rows[rows[LANE].isin(f.actors)]
        color = rows[LANE].map(lambda a: countries_of.get(a, NO_VALUE))
        if f.countries:
            keep = color.isin(f.countries).to_numpy()
            rows, color = rows[keep], color[keep]
        rows = rows.assign(**{COLOR: color})
    else:
        raise ValueError(f"unknown lane {lane!r}: expected actor, country or type")
    rows = rows.assign(**{LANE: rows[LANE].astype("string"), COLOR: rows[COLOR].astype("string")})
    end = rows[S.END].where(rows[S.END].notna() & (rows[STYLE] != INSTANT), rows[S.START])
    return rows.assign(**{ROW_END: end}).reset_index(drop=True)


def _or_none(xs: Any) -> list[str]:
    return list(xs) if isinstance(xs, (list, tuple, np.ndarray)) and len(xs) else [NO_VALUE]


def _empty_rows() -> pd.DataFrame:
    empty = S.empty_frame(S.EVENTS)
    return empty.assign(
        **{
            LANE: pd.Series([], dtype="string"),
            COLOR: pd.Series([], dtype="string"),
            STYLE: pd.Series([], dtype="string"),
            ROW_END: pd.Series([], dtype=S.TIME_DTYPE),
        }
    )


def lane_order(rows: pd.DataFrame, column: str = LANE) -> list[str]:
    """Lane values, busiest first (ties alphabetical) so the eye lands on the main actors."""
    if len(rows) == 0:
        return []
    counts = rows[column].value_counts()
    return sorted(counts.index.astype(str), key=lambda v: (-int(counts[v]), v))
