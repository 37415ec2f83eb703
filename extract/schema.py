"""The one place that names and types every column of every frame the library returns.

Other modules import the constants below instead of spelling column names as strings, and
build frames with :func:`empty_frame` / :func:`conform` so that "nothing found" is an empty
frame with the right dtypes, never ``None``.

Times are naive ``datetime64[s]`` (second resolution) so that narrative history (the 1066
Battle of Hastings, year 9 Teutoburg) fits; the nanosecond default only spans 1677–2262.
Intervals are half-open ``[start, end)``. Character offsets are half-open ``[char_start,
char_end)`` into the document text exactly as given (no normalisation).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, cast

import numpy as np
import pandas as pd

TIME_DTYPE = "datetime64[s]"


@dataclass(frozen=True)
class Column:
    """A column: its name, its pandas dtype and what it means."""

    name: str
    dtype: str
    meaning: str


# --- shared column names -------------------------------------------------------------------
DOC_ID = "doc_id"
PUBLISHED = "published"
CHAR_START = "char_start"
CHAR_END = "char_end"
RULE = "rule"
CONFIDENCE = "confidence"

# time cue columns (also carried by the events frame)
TIME_TEXT = "time_text"
TIME_TYPE = "time_type"
TIME_VALUE = "time_value"
TIME_MOD = "time_mod"
TIME_KIND = "time_kind"
START = "start"
END = "end"
GRANULARITY = "granularity"
ANCHOR = "anchor"

# events
EVENT_ID = "event_id"
SENTENCE = "sentence"
SENTENCE_START = "sentence_start"
EVENT = "event"
PREDICATE = "predicate"
EVENT_TYPE = "event_type"
SOURCE_ACTOR = "source_actor"
TARGET_ACTOR = "target_actor"
ACTORS = "actors"
COUNTRIES = "countries"
# not a column (``conform`` drops it): the event row records' actor mentions, for the actors frame
ROW_MENTIONS = "_actor_mentions"
REPORTED = "reported"
FUTURE = "future"
HYPOTHETICAL = "hypothetical"
NEGATED = "negated"
TIME_CHAR_START = "time_char_start"
TIME_CHAR_END = "time_char_end"

# actors
ACTOR = "actor"
ACTOR_KIND = "kind"
COUNTRY = "country"
ALIASES = "aliases"
MENTIONS = "mentions"
DOC_COUNT = "documents"
COUNTRY_SOURCE = "country_source"
# how an actor's country was found (docs/actors.md; rules in extract/rules/actors/context.toml):
# the name itself, its title phrase, an appositive, an office at a body, "X-based"/"X-born", a
# place inside the name, the place gazetteer, another mention of it, the dateline (weak); for groups the
# events stage names: a modifier or possessor ("Thai troops"), an origin ("diplomats from Japan", "his
# government"), the story's one country (a bare "parliament")
_FROM_TEXT = ("name", "title", "appositive", "affiliation", "based", "born", "part", "place", "same")
COUNTRY_SOURCES = (*_FROM_TEXT, "dateline", "modifier", "origin", "story")

# documents
TITLE = "title"
TEXT = "text"
PUBLISHED_FROM = "published_from"
SOURCE = "source"
URL = "url"
PATH = "path"
CONTENT_HASH = "content_hash"
N_CHARS = "n_chars"

# timeline rows and aggregates (the figure's input: extract/viz/frames.py, Store.aggregate)
LANE = "lane"
COLOR = "color"
STYLE = "style"
ROW_END = "row_end"
PERIOD = "period"
COUNT = "count"

# the Actors tab: how many events of the current view involve the actor (a display column)
IN_VIEW = "events in view"

# TempEval-3 scorer: one row per disagreement between gold and system time cues (extract/eval/scorer.py)
MISMATCH_KIND = "kind"
GOLD_TEXT, GOLD_TYPE, GOLD_VALUE = "gold_text", "gold_type", "gold_value"
SYS_TEXT, SYS_TYPE, SYS_VALUE = "sys_text", "sys_type", "sys_value"
CONTEXT = "context"

# errors
LOCATION = "location"
LINE = "line"
REASON = "reason"

# --- vocabularies --------------------------------------------------------------------------
TIME_TYPES = ("DATE", "TIME", "DURATION", "SET")
TIME_KINDS = ("absolute", "relative", "vague", "duration", "set", "publication")
GRANULARITIES = (
    "second",
    "minute",
    "hour",
    "part_of_day",
    "day",
    "week",
    "month",
    "quarter",
    "season",
    "half_year",
    "year",
    "decade",
    "century",
    "millennium",
)
_FOUND_KINDS = ("person", "organisation", "country", "place", "media", "international", "region")
ACTOR_KINDS = (*_FOUND_KINDS, "group", "name")  # the last two: actors the events stage names
PUBLISHED_FROM_VALUES = ("metadata", "html", "dateline", "user", "unknown")

_TIME_COLUMNS = (
    Column(TIME_TEXT, "string", "the time cue's surface text"),
    Column(TIME_TYPE, "string", "TIMEX3 type: DATE, TIME, DURATION or SET"),
    Column(TIME_VALUE, "string", "TIMEX3 value (2024-11-16, 2024-W45, P2Y, PAST_REF, XXXX-WXX-2…)"),
    Column(TIME_MOD, "string", "TIMEX3 mod (START, MID, END, APPROX, …) or <NA>"),
    Column(TIME_KIND, "string", "absolute | relative | vague | duration | set | publication"),
    Column(START, TIME_DTYPE, "anchored interval start (inclusive) or NaT"),
    Column(END, TIME_DTYPE, "anchored interval end (exclusive) or NaT"),
    Column(GRANULARITY, "string", "day, week, month, quarter, season, year, decade, century…"),
)

TIME_CUES: tuple[Column, ...] = (
    Column(CHAR_START, "int64", "offset of the cue's first character in the text"),
    Column(CHAR_END, "int64", "offset one past the cue's last character"),
    *_TIME_COLUMNS,
    Column(ANCHOR, TIME_DTYPE, "the date the cue was resolved against (DCT or narrative anchor)"),
    Column(RULE, "string", "id of the rule that found the cue"),
    Column(CONFIDENCE, "float64", "0–1: how sure the resolution is (vague cues are lower)"),
)

# --- events: who reported it, how long it lasted, why it has no date (issue 10) -------------
REPORTED_BY = "reported_by"
DURATION = "duration"
UNDATED_REASON = "undated_reason"
UNDATED_REASONS = ("no publication date", "time cue not anchored")
# where an event's time came from: the last part of its RULE cell (extract/events/timing.py and rows.py)
TIME_IN_CLAUSE = "time:in_clause"  # a cue of its own clause
TIME_GOVERNING = "time:governing_clause"  # the cue of the clause it depends on
TIME_CONJUNCT = "time:conjunct"  # the cue of a clause of the same moment
TIME_REPORTING = "time:reporting_clause"  # the day it was said
TIME_NARRATIVE = "time:narrative"  # the story's day
TIME_LEAD = "time:lead_said"  # a lead's day, told when its doer is said to have spoken
TIME_PUBLICATION = "time:publication"  # none: the publication day
TIME_VAGUE = "time:vague"  # a present or past reference only ("now", "currently")
TIME_RULES = (
    TIME_IN_CLAUSE,
    TIME_GOVERNING,
    TIME_CONJUNCT,
    TIME_REPORTING,
    TIME_NARRATIVE,
    TIME_LEAD,
    TIME_PUBLICATION,
    TIME_VAGUE,
)
_EVENT_ATTRIBUTION_COLUMNS = (
    Column(REPORTED_BY, "string", "who stated it (the speaker of 'X said …', 'according to X'), or <NA>"),
    Column(DURATION, "string", "how long it lasted or will last, as written ('for three days'), or <NA>"),
    Column(UNDATED_REASON, "string", "why a row has no start (UNDATED_REASONS), <NA> when it is dated"),
)

EVENTS: tuple[Column, ...] = (
    Column(EVENT_ID, "string", "unique id: '<doc_id>:<n>'"),
    Column(DOC_ID, "string", "the document the event comes from"),
    Column(PUBLISHED, TIME_DTYPE, "the document's publication date (DCT) or NaT"),
    Column(SENTENCE, "string", "the sentence the event is stated in"),
    Column(SENTENCE_START, "int64", "offset of the sentence in the document text"),
    Column(CHAR_START, "int64", "offset of the event clause's first character in the document"),
    Column(CHAR_END, "int64", "offset one past the event clause's last character"),
    Column(EVENT, "string", "short readable label: 'Yoon asked Xi to help stop …'"),
    Column(PREDICATE, "string", "lemma of the event's predicate (verb or event noun)"),
    Column(EVENT_TYPE, "string", "PLOVER-like type (docs/event_types.md): REQUEST, CONSULT, …"),
    Column(SOURCE_ACTOR, "string", "canonical name of who acted, or <NA>"),
    Column(TARGET_ACTOR, "string", "canonical name of whom it was done to, or <NA>"),
    Column(ACTORS, "object", "list[str]: canonical names of all actors in the clause"),
    Column(COUNTRIES, "object", "list[str]: ISO 3166-1 alpha-3 codes of those actors"),
    Column(REPORTED, "bool", "stated through a source (said, told, according to)"),
    Column(FUTURE, "bool", "announced for the future (will, plans to)"),
    Column(HYPOTHETICAL, "bool", "conditional or possible (would, could, if)"),
    Column(NEGATED, "bool", "negated (does not want, denied)"),
    *_TIME_COLUMNS,
    Column(TIME_CHAR_START, "Int64", "offset of the governing time cue in the document, or <NA>"),
    Column(TIME_CHAR_END, "Int64", "end offset of the governing time cue, or <NA>"),
    Column(CONFIDENCE, "float64", "0–1: how sure the extraction is"),
    Column(RULE, "string", "which rules produced the event and its time"),
    *_EVENT_ATTRIBUTION_COLUMNS,
)

ACTORS_FRAME: tuple[Column, ...] = (
    Column(ACTOR, "string", "canonical name ('Yoon Suk Yeol')"),
    Column(ACTOR_KIND, "string", "one of ACTOR_KINDS ('group': named as written, 'name': taken as written)"),
    Column(COUNTRY, "string", "ISO 3166-1 alpha-3 code or <NA>"),
    Column(COUNTRY_SOURCE, "string", "how the country was found: one of COUNTRY_SOURCES, or <NA>"),
    Column(ALIASES, "object", "list[str]: other surface forms merged into this actor"),
    Column(MENTIONS, "int64", "number of mentions"),
    Column(DOC_COUNT, "int64", "number of documents mentioning the actor"),
)

DOCUMENTS: tuple[Column, ...] = (
    Column(DOC_ID, "string", "document id (record id, file name, or content hash)"),
    Column(TITLE, "string", "headline or <NA>"),
    Column(PUBLISHED, TIME_DTYPE, "publication date or NaT"),
    Column(PUBLISHED_FROM, "string", "where the date came from: metadata | html | dateline | user | unknown"),
    Column(SOURCE, "string", "outlet or <NA>"),
    Column(URL, "string", "URL or <NA>"),
    Column(PATH, "string", "file the document was read from, or <NA>"),
    Column(CONTENT_HASH, "string", "sha256 of the text: the key for idempotent corpus runs"),
    Column(N_CHARS, "int64", "length of the text"),
    Column(TEXT, "string", "the full text"),
)

AGGREGATE: tuple[Column, ...] = (
    Column(LANE, "string", "lane value: an actor, an ISO3 country or an event type"),
    Column(PERIOD, TIME_DTYPE, "start of the day, week (Monday), month, quarter or year"),
    Column(COUNT, "int64", "events in that lane and period"),
)

TE3_MISMATCHES: tuple[Column, ...] = (
    Column(DOC_ID, "string", "TimeML document id"),
    Column(MISMATCH_KIND, "string", "missed | spurious | span | value | type"),
    Column(GOLD_TEXT, "string", "the gold cue's text, or '' when spurious"),
    Column(GOLD_TYPE, "string", "the gold TIMEX3 type, or ''"),
    Column(GOLD_VALUE, "string", "the gold TIMEX3 value, or ''"),
    Column(SYS_TEXT, "string", "our cue's text, or '' when missed"),
    Column(SYS_TYPE, "string", "our TIMEX3 type, or ''"),
    Column(SYS_VALUE, "string", "our TIMEX3 value, or ''"),
    Column(CHAR_START, "int64", "where the cue starts in the document text"),
    Column(CONTEXT, "string", "the text around the cue"),
)

ERRORS: tuple[Column, ...] = (
    Column(DOC_ID, "string", "document id when known, or <NA>"),
    Column(PATH, "string", "file name"),
    Column(LINE, "Int64", "line number in the file (1-based) or <NA>"),
    Column(REASON, "string", "what went wrong, in words a user can act on"),
)


def _as_list(value: Any) -> list[Any]:
    """Lists stay lists; tuples and arrays (Parquet round trips) become lists; missing is []."""
    if isinstance(value, (list, tuple, np.ndarray)):
        return list(value)
    return []


def names(schema: tuple[Column, ...]) -> list[str]:
    """Column names of a schema, in order."""
    return [c.name for c in schema]


def empty_frame(schema: tuple[Column, ...]) -> pd.DataFrame:
    """An empty frame with the schema's columns and dtypes."""
    return _empty(schema).copy()


@cache
def _empty(schema: tuple[Column, ...]) -> pd.DataFrame:
    # built once per schema: constructing ~30 typed empty columns costs milliseconds, copying them little
    return pd.DataFrame({c.name: pd.Series([], dtype=cast(Any, c.dtype)) for c in schema})


@cache
def _target(dtype: str) -> tuple[Any, str]:
    """The pandas dtype of a schema dtype name, and its repr (which tells string storages and NA kinds apart)."""
    target = pd.api.types.pandas_dtype(dtype)
    return target, repr(target)


def _already(df: pd.DataFrame, dtype: Any, c: Column) -> bool:
    """True when column ``c`` of ``df`` (of dtype ``dtype``) already has the schema's dtype, exactly."""
    if c.dtype == "object":
        return pd.api.types.is_object_dtype(dtype) and all(type(v) is list for v in df[c.name])
    target, shown = _target(c.dtype)
    return bool(dtype == target) and repr(dtype) == shown


def conform(frame: pd.DataFrame | list[dict[str, Any]], schema: tuple[Column, ...]) -> pd.DataFrame:
    """Return ``frame`` (or records) with exactly the schema's columns, in order, with its dtypes.

    Missing columns are filled with missing values; extra columns are dropped. Columns that
    already have their dtype pass through untouched: frames are conformed at every library
    boundary, so most calls meet a frame that is conformed already and should cost little.
    """
    df = pd.DataFrame(frame) if not isinstance(frame, pd.DataFrame) else frame
    if len(df) == 0:
        return empty_frame(schema)
    dtypes = dict(zip(df.columns, df.dtypes, strict=True))
    for c in schema:
        if c.name not in dtypes and c.dtype == "int64":
            raise ValueError(f"column {c.name!r} is required and has no missing value")
    ready = {c.name for c in schema if c.name in dtypes and _already(df, dtypes[c.name], c)}
    plain_index = isinstance(df.index, pd.RangeIndex) and df.index.start == 0 and df.index.step == 1
    if len(ready) == len(schema) and plain_index and list(df.columns) == names(schema):
        return df.copy(deep=False)  # copy-on-write: the caller may set columns without touching ``frame``
    out: dict[str, pd.Series] = {}
    for c in schema:
        s = df[c.name] if c.name in dtypes else pd.Series([None] * len(df), index=df.index)
        if c.name in ready:
            pass
        elif c.dtype == TIME_DTYPE:
            s = pd.to_datetime(s, errors="coerce").astype(cast(Any, TIME_DTYPE))
        elif c.dtype == "object":
            s = s.map(_as_list)
        elif c.dtype == "bool":
            s = s.fillna(False).astype(bool)
        else:
            s = s.astype(cast(Any, c.dtype))
        out[c.name] = s
    return pd.DataFrame(out).reset_index(drop=True)


# --- story (extract/story): merged events and the dated summary of a corpus --------------------
STORY_ID = "story_id"
REPORTS = "reports"
N_SOURCES = "n_sources"
DOC_IDS = "doc_ids"
EVENT_IDS = "event_ids"
SENTENCES = "sentences"
FIRST_REPORTED = "first_reported"
LAST_REPORTED = "last_reported"
DATE = "date"
RANK = "rank"
SCORE = "score"
HEADLINE = "headline"
SUMMARY = "summary"
SUMMARY_DOCS = "summary_docs"
STORY_EVENTS_COLUMN = "events"
SOURCES = "sources"

STORY_EVENTS: tuple[Column, ...] = (
    Column(STORY_ID, "string", "id of the story event: the event_id of its representative report"),
    Column(EVENT, "string", "label of the representative report (the most typical wording)"),
    Column(EVENT_TYPE, "string", "PLOVER-like type shared by every report"),
    Column(SOURCE_ACTOR, "string", "who acted (the reports agree or do not say), or <NA>"),
    Column(TARGET_ACTOR, "string", "whom it was done to, or <NA>"),
    Column(ACTORS, "object", "list[str]: every actor named by any report"),
    Column(COUNTRIES, "object", "list[str]: ISO3 codes of those actors"),
    *_TIME_COLUMNS,
    Column(REPORTS, "int64", "number of event rows (clauses) merged into this story event"),
    Column(N_SOURCES, "int64", "number of distinct documents reporting it (independent sources)"),
    Column(DOC_IDS, "object", "list[str]: those documents, in order of publication"),
    Column(EVENT_IDS, "object", "list[str]: every merged event row: the evidence"),
    Column(SENTENCES, "object", "list[str]: the distinct sentences stating it"),
    Column(FIRST_REPORTED, TIME_DTYPE, "earliest publication date among the reports, or NaT"),
    Column(LAST_REPORTED, TIME_DTYPE, "latest publication date among the reports, or NaT"),
)

STORY: tuple[Column, ...] = (
    Column(DATE, TIME_DTYPE, "the key date (a day)"),
    Column(RANK, "int64", "1 for the date the corpus says most about"),
    Column(SCORE, "float64", "how much the corpus says about the date (extract/story/dates.py)"),
    Column(
        HEADLINE,
        "string",
        "one line: the best-sourced story event of the day, else the first summary sentence",
    ),
    Column(SUMMARY, "object", "list[str]: the summary sentences, best first, none repeating another"),
    Column(SUMMARY_DOCS, "object", "list[str]: the document of each summary sentence"),
    Column(STORY_EVENTS_COLUMN, "object", "list[str]: labels of the day's story events, best-sourced first"),
    Column(SOURCES, "object", "list[str]: documents saying something about the date"),
    Column(REPORTS, "int64", "number of those documents"),
    Column(ACTORS, "object", "list[str]: actors of the day's story events, most reported first"),
)
