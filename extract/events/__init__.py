"""Events: clauses of a parsed document -> typed, flagged, timed rows of schema ``S.EVENTS``.

- :func:`event_rows` / :func:`find_events` — the events of one parsed document (records / frame);
- :func:`set_line_starts` — sentence starts at line breaks, set before parsing;
- :func:`strip_dateline` — the text with its dateline blanked (same length, so offsets hold), to parse;
- :func:`find_furniture` — page lines that are not news (titles, bylines, captions).

The modules: ``clauses`` (predicate, type, source/target from the parse), ``agents``, ``groups``,
``names``, ``definite``, ``doers`` and ``pairs`` (who: mentions, pronouns, groups, definite descriptions,
doers the parse loses, "the two leaders"), ``flags``
(reported/future/hypothetical/negated), ``timing`` (the clause's own time cue or the publication date),
``labels`` (readable label), ``furniture`` (lines that are not news), ``rules`` (the TOML rules in
``extract/rules/events/``), ``rows`` (putting a row together).
"""

from extract.events.furniture import FurnitureLine, find_furniture
from extract.events.rows import event_rows, find_events, set_line_starts, strip_dateline

__all__ = [
    "FurnitureLine",
    "event_rows",
    "find_events",
    "find_furniture",
    "set_line_starts",
    "strip_dateline",
]
