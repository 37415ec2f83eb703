"""What the user asked to see: one frozen value shared by the in-memory and DuckDB paths, and the
lane vocabulary (how events are grouped into rows of the timeline) that both paths and the URL use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from extract import schema as S

Lane = Literal["actor", "country", "type"]
LANES: tuple[Lane, ...] = ("actor", "country", "type")
"""Lane names, as written in the URL (``?lane=country``), the dashboard and :meth:`Store.aggregate`."""

LANE_COLUMNS: dict[str, str] = {"actor": S.ACTORS, "country": S.COUNTRIES, "type": S.EVENT_TYPE}
"""The events column each lane groups by (actors and countries are list columns: an event is in each)."""


def check_lane(lane: str) -> Lane:
    """``lane`` if it is a lane name; ValueError naming the choices otherwise."""
    if lane not in LANE_COLUMNS:
        raise ValueError(f"lane must be one of {', '.join(LANES)}, not {lane!r}")
    return lane  # type: ignore[return-value]


@dataclass(frozen=True)
class Filters:
    """A view of the events frame. Empty tuples mean "no restriction"."""

    actors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()  # ISO3 codes
    event_types: tuple[str, ...] = ()
    doc_ids: tuple[str, ...] = ()
    time_kinds: tuple[str, ...] = ()  # kinds to keep (schema.TIME_KINDS)
    date_from: date | None = None  # keep events whose interval ends on/after this day
    date_to: date | None = None  # keep events whose interval starts on/before this day
    hide_hypothetical: bool = False
    hide_future: bool = False
    hide_negated: bool = False
    search: str = ""  # case-insensitive substring of the label or sentence
