"""Time-cue tagger: TIMEX3 types/values and anchored intervals for English news and narratives.

- :func:`tag_time_cues` — the frame of schema ``TIME_CUES`` for a text (:func:`time_cue_records`: its rows as dicts);
- :func:`find_dateline` — the dateline of a news story and its date;
- :func:`find_cues` / :func:`resolve_cue` — the two halves: recognise underspecified cues, then
  resolve one against an anchor date and tense (a pure function).

Rules and vocabularies are data: ``extract/rules/time/*.toml`` (see ``docs/timecues.md``).
"""

from extract.timecues.dateline import find_dateline
from extract.timecues.finder import find_cues
from extract.timecues.resolver import resolve_cue
from extract.timecues.tagger import tag_time_cues, time_cue_records
from extract.timecues.tense import tense_at
from extract.timecues.types import Cue, Dateline, Resolution, Tense

__all__ = [
    "Cue",
    "Dateline",
    "Resolution",
    "Tense",
    "find_cues",
    "find_dateline",
    "resolve_cue",
    "tag_time_cues",
    "tense_at",
    "time_cue_records",
]
