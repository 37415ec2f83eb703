"""URL query parameters ⇄ dashboard view: pure functions so a copied link shows the same view.

Multi-valued filters are repeated keys (``?actor=Xi+Jinping&actor=Yoon+Suk+Yeol``); a
comma-separated single value is accepted too. Unknown keys and malformed values are ignored,
never raised on: a hand-edited link must still open.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from extract import schema as S
from extract.filters import LANES, Filters

HIDE_FLAGS = ("hypothetical", "future", "negated")
# `hide=vague` / `hide=publication` are shorthands for "keep every other time kind".
HIDE_KINDS = ("vague", "publication")

P_ACTOR, P_COUNTRY, P_TYPE, P_DOC = "actor", "country", "type", "doc"
P_FROM, P_TO, P_KIND, P_HIDE, P_QUERY = "from", "to", "kind", "hide", "q"
P_LANE, P_STORE = "lane", "store"
P_DATES = "dates"  # the Story tab's number of key dates
P_TAB = "tab"  # the open tab (Streamlit keeps it: the tabs are bound to it), e.g. ``tab=Timeline``
PARAM_NAMES = (
    P_ACTOR,
    P_COUNTRY,
    P_TYPE,
    P_DOC,
    P_FROM,
    P_TO,
    P_KIND,
    P_HIDE,
    P_QUERY,
    P_LANE,
    P_STORE,
    P_DATES,
    P_TAB,
)
DEFAULT_DATES, MAX_DATES = 10, 50

Params = Mapping[str, str | Sequence[str]]
# a store in a link is a name looked up in the stores folder, never a path
STORE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def is_store_name(value: str) -> bool:
    """True for a name a link may carry in ``store=`` (letters, digits, '_', '-', '.'; no '..')."""
    return bool(STORE_NAME.match(value)) and ".." not in value


@dataclass(frozen=True)
class View:
    """Everything a link restores: the filters, the lane dimension and the corpus store name."""

    filters: Filters = field(default_factory=Filters)
    lane: str = "actor"
    store: str | None = None


def _values(params: Params, key: str, split: bool = True) -> list[str]:
    """The distinct non-empty values of ``key``; codes may also be comma-separated."""
    raw = params.get(key)
    if raw is None:
        return []
    items = [raw] if isinstance(raw, str) else list(raw)
    out: list[str] = []
    for item in items:
        for part in str(item).split(",") if split else [str(item)]:
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return out


def _date(params: Params, key: str) -> date | None:
    for value in _values(params, key):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def params_to_view(params: Params) -> View:
    """Decode query parameters (as ``st.query_params`` or ``parse_qs`` gives them) into a view."""
    hide = [h.lower() for h in _values(params, P_HIDE)]
    asked = {k.lower() for k in _values(params, P_KIND)}
    kinds = [k for k in S.TIME_KINDS if k in asked]  # canonical order
    hidden_kinds = [k for k in hide if k in HIDE_KINDS]
    if hidden_kinds:
        kinds = [k for k in (kinds or list(S.TIME_KINDS)) if k not in hidden_kinds]
    filters = Filters(
        actors=tuple(_values(params, P_ACTOR, split=False)),
        countries=tuple(c.upper() for c in _values(params, P_COUNTRY)),
        event_types=tuple(t.upper() for t in _values(params, P_TYPE)),
        doc_ids=tuple(_values(params, P_DOC, split=False)),
        time_kinds=tuple(kinds),
        date_from=_date(params, P_FROM),
        date_to=_date(params, P_TO),
        hide_hypothetical="hypothetical" in hide,
        hide_future="future" in hide,
        hide_negated="negated" in hide,
        search=(_values(params, P_QUERY, split=False) or [""])[0],
    )
    lanes = [v for v in _values(params, P_LANE) if v in LANES]
    stores = [v for v in _values(params, P_STORE, split=False) if is_store_name(v)]
    return View(filters=filters, lane=lanes[0] if lanes else "actor", store=stores[0] if stores else None)


def params_to_filters(params: Params) -> Filters:
    """Decode query parameters into :class:`Filters` (lane and store are in :func:`params_to_view`)."""
    return params_to_view(params).filters


def filters_to_params(
    filters: Filters, *, lane: str = "actor", store: str | None = None
) -> dict[str, list[str]]:
    """Encode a view as query parameters: only what differs from the default, lists for repeats."""
    out: dict[str, list[str]] = {}
    for key, values in (
        (P_ACTOR, filters.actors),
        (P_COUNTRY, filters.countries),
        (P_TYPE, filters.event_types),
        (P_DOC, filters.doc_ids),
    ):
        if values:
            out[key] = list(values)
    if filters.date_from:
        out[P_FROM] = [filters.date_from.isoformat()]
    if filters.date_to:
        out[P_TO] = [filters.date_to.isoformat()]
    hidden_kinds = [k for k in S.TIME_KINDS if k not in filters.time_kinds]
    short = bool(filters.time_kinds) and set(hidden_kinds) <= set(HIDE_KINDS)
    if filters.time_kinds and not short:
        out[P_KIND] = list(filters.time_kinds)
    hide = [
        name
        for name, on in zip(
            HIDE_FLAGS, (filters.hide_hypothetical, filters.hide_future, filters.hide_negated), strict=True
        )
        if on
    ]
    if short:
        hide += hidden_kinds
    if hide:
        out[P_HIDE] = hide
    if filters.search:
        out[P_QUERY] = [filters.search]
    if lane != "actor":
        out[P_LANE] = [lane]
    if store and is_store_name(store):  # a path typed in the app stays out of links
        out[P_STORE] = [store]
    return out


def dates_from_params(params: Params) -> int:
    """The Story tab's number of key dates: ``dates=N`` clamped to 1..MAX_DATES, else the default."""
    for value in _values(params, P_DATES):
        try:
            return min(max(int(value), 1), MAX_DATES)
        except ValueError:
            return DEFAULT_DATES
    return DEFAULT_DATES


def dates_to_params(n_dates: int) -> dict[str, list[str]]:
    """``{"dates": [N]}``, or nothing for the default."""
    return {} if n_dates == DEFAULT_DATES else {P_DATES: [str(int(n_dates))]}


def query_updates(
    current: Mapping[str, Sequence[str]], wanted: Mapping[str, Sequence[str]], kept: Sequence[str] = (P_TAB,)
) -> tuple[list[str], dict[str, list[str]]]:
    """What turns the address bar's query ``current`` into ``wanted``: the keys to delete and the
    keys to set. Keys in ``kept`` are left alone: the open tab is bound to ``tab=`` and Streamlit
    refuses a bound key being set or deleted (replacing the whole query would drop it)."""
    stale = sorted(k for k in current if k not in wanted and k not in kept)
    changed = {k: list(v) for k, v in wanted.items() if k not in kept and list(current.get(k, [])) != list(v)}
    return stale, changed
