"""What the user asked to see: one frozen value shared by the in-memory and DuckDB paths."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


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
