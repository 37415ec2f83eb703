"""Widget values ⇄ view, and chart selection → event ids: the dashboard's glue as pure functions.

Widget keys are constants here so the app, AppTest and the browser test agree on them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from extract import schema as S
from extract.filters import LANES, Filters
from extract.viz.params import HIDE_FLAGS, View

K_ACTOR, K_COUNTRY, K_TYPE, K_DOC = "f_actor", "f_country", "f_type", "f_doc"
K_FROM, K_TO, K_KIND, K_HIDE, K_QUERY, K_LANE = "f_from", "f_to", "f_kind", "f_hide", "f_q", "f_lane"
K_STORE = "store"
FILTER_KEYS = (K_ACTOR, K_COUNTRY, K_TYPE, K_DOC, K_FROM, K_TO, K_KIND, K_HIDE, K_QUERY, K_LANE)

MIN_DAY, MAX_DAY = date(1, 1, 1), date(9999, 12, 31)  # date widgets' range; links are clamped to it

LANE_LABELS = {"actor": "actors", "country": "countries", "type": "event types"}
COLOR_LABELS = {"actor": "country", "country": "country", "type": "event type"}


def widget_values(view: View) -> dict[str, Any]:
    """Initial widget values showing ``view`` (the time-kind widget lists the kinds shown)."""
    f = view.filters
    hide = [
        n
        for n, on in zip(HIDE_FLAGS, (f.hide_hypothetical, f.hide_future, f.hide_negated), strict=True)
        if on
    ]
    return {
        K_ACTOR: list(f.actors),
        K_COUNTRY: list(f.countries),
        K_TYPE: list(f.event_types),
        K_DOC: list(f.doc_ids),
        K_FROM: _clamp(f.date_from),
        K_TO: _clamp(f.date_to),
        K_KIND: list(f.time_kinds) if f.time_kinds else list(S.TIME_KINDS),
        K_HIDE: hide,
        K_QUERY: f.search,
        K_LANE: view.lane if view.lane in LANES else "actor",
    }


def _clamp(value: date | None) -> date | None:
    return None if value is None else min(max(value, MIN_DAY), MAX_DAY)


def _dates(value: Any) -> date | None:
    return value if isinstance(value, date) else None


def view_from_widgets(values: Mapping[Any, Any], store: str | None = None) -> View:
    """The view the widgets show; all time kinds ticked (or none) means no restriction."""
    kinds = [k for k in S.TIME_KINDS if k in (values.get(K_KIND) or [])]
    hide = set(values.get(K_HIDE) or [])
    filters = Filters(
        actors=tuple(values.get(K_ACTOR) or ()),
        countries=tuple(values.get(K_COUNTRY) or ()),
        event_types=tuple(values.get(K_TYPE) or ()),
        doc_ids=tuple(values.get(K_DOC) or ()),
        time_kinds=() if len(kinds) in (0, len(S.TIME_KINDS)) else tuple(kinds),
        date_from=_dates(values.get(K_FROM)),
        date_to=_dates(values.get(K_TO)),
        hide_hypothetical="hypothetical" in hide,
        hide_future="future" in hide,
        hide_negated="negated" in hide,
        search=str(values.get(K_QUERY) or "").strip(),
    )
    lane = values.get(K_LANE)
    return View(filters=filters, lane=lane if lane in LANES else "actor", store=store)


def options(known: Sequence[Any], chosen: Sequence[Any]) -> list[str]:
    """Multiselect options: the known values plus any chosen ones (from a link) not in the data."""
    out = sorted({str(v) for v in known if v is not None and str(v) != "<NA>"})
    return out + [str(c) for c in chosen if str(c) not in out]


def selected_event_ids(
    points: Sequence[Mapping[str, Any]], customdata: Sequence[Sequence[Any] | None]
) -> list[str]:
    """Event ids of selected chart points: their ``customdata``, else looked up by trace and index."""
    out: list[str] = []
    for p in points:
        value = p.get("customdata")
        if value is None:
            curve, index = p.get("curve_number"), p.get("point_index", p.get("point_number"))
            if isinstance(curve, int) and isinstance(index, int) and 0 <= curve < len(customdata):
                data = customdata[curve]
                value = data[index] if data is not None and 0 <= index < len(data) else None
        if isinstance(value, (list, tuple)):
            value = value[0] if value else None
        if value is not None and str(value) not in out:
            out.append(str(value))
    return out


def export_titles(filters_text: str, n_events: int, n_sources: int, lanes_note: str) -> tuple[str, str]:
    """The heading and note of the timeline's exports: which filters made it and from how many sources
    ("News timeline — actor Xi Jinping", "51 events from 3 articles · 40 of 90 lanes · made with …")."""
    heading = f"News timeline{' — ' + filters_text if filters_text else ''}"
    note = (
        f"{n_events:,} events from {n_sources} articles{' · ' + lanes_note if lanes_note else ''}"
        " · made with the News → timeline dashboard"
    )
    return heading, note


def describe_filters(f: Filters) -> str:
    """The filters in words for export headings: 'actor Xi Jinping · from 1997-04-01' ('' for none)."""
    from extract.viz.names import country_label

    parts = []
    for name, values in (
        ("actor", f.actors),
        ("country", tuple(country_label(c) for c in f.countries)),
        ("type", f.event_types),
        ("article", f.doc_ids),
        ("time kinds", f.time_kinds),
    ):
        if values:
            parts.append(f"{name} {', '.join(values)}")
    if f.date_from:
        parts.append(f"from {f.date_from.isoformat()}")
    if f.date_to:
        parts.append(f"to {f.date_to.isoformat()}")
    hidden = [
        n
        for n, on in zip(HIDE_FLAGS, (f.hide_hypothetical, f.hide_future, f.hide_negated), strict=True)
        if on
    ]
    if hidden:
        parts.append("hiding " + ", ".join(hidden))
    if f.search:
        parts.append(f"search '{f.search}'")
    return " · ".join(parts)


def timeline_caption(
    events: Any,
    n_view: int,
    n_total: int,
    n_sources: int,
    axis: Any,
    filters: Filters,
    lanes_note: str = "",
    aggregated: bool = False,
) -> str:
    """The Markdown line above the timeline: the lanes note (the figure's title) in bold, how many
    events and articles are in view, what is not drawn (undated, or beyond the rows a store sent)
    and how many background mentions lie off the figure's ``axis`` (:func:`extract.viz.axis.axis_of`),
    which nothing on the plot reaches."""
    from extract.viz.axis import off_axis
    from extract.viz.exports import describe
    from extract.viz.text import md

    undrawn = int(len(events) - events[S.START].notna().sum())
    hidden = (
        off_axis(
            events[S.START], events[S.END], axis, filters.date_from is not None or filters.date_to is not None
        )
        if not aggregated and len(events)
        else 0
    )
    parts = [f"**{md(lanes_note)}**"] if lanes_note else []
    # the dates the events span, unless From/To say it (a vague "recently" seen on one day would
    # give that day's caption a date months earlier)
    span = "" if filters.date_from or filters.date_to else describe(events)
    articles = f"{n_sources} article{'' if n_sources == 1 else 's'}"
    parts.append(f"{n_view:,} of {n_total:,} events from {articles}{', ' + span if span else ''}")
    if aggregated:
        parts.append("counted per period (too many to draw one by one)")
    if n_view > len(events):
        parts.append(f"tables and downloads hold the first {len(events):,}")
    elif undrawn:
        parts.append(f"{undrawn} without a date not drawn")
    if hidden:
        parts.append(f"{hidden} from other times off the axis (set From/To, or see the Events tab)")
    parts.append("same-day events sit side by side within their day (a number: 5 or more)")
    return " · ".join(parts)
