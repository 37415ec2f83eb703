"""User text → safe HTML: hover labels, highlighted sentences, resolution lines.

Plotly hover labels and ``st.markdown(unsafe_allow_html=True)`` both render HTML, and articles
are untrusted. Every piece of user text goes through :func:`html.escape` here; the only tags in
the output are the ones these functions write themselves.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from extract import schema as S

MAX_HOVER = 160


def _txt(value: Any) -> str:
    """A cell as text: missing values become an empty string."""
    if value is None or (not isinstance(value, (list, tuple)) and pd.isna(value)):
        return ""
    return str(value)


def esc(value: Any, limit: int | None = None) -> str:
    """Escape a text Plotly draws (names, lane labels, hovers), cutting it to ``limit`` characters
    first. Plotly reads a few tags in its text, so ``<``, ``>`` and ``&`` are escaped; quotes are not:
    inert outside a tag, and an axis label drew "Korean People&#x27;s Army" as written."""
    text = _txt(value)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text, quote=False)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~<>$:])")


def md(value: Any) -> str:
    """A cell as literal Markdown text (Streamlit labels, captions and messages render Markdown,
    where ``![x](url)`` would load an image and ``[x](javascript:…)`` make a link)."""
    return _MD_SPECIAL.sub(r"\\\1", _txt(value)).replace("\n", " ")


def day(value: Any) -> str:
    """A timestamp as YYYY-MM-DD (with the time when it is not midnight), or ''."""
    if value is None or pd.isna(value):
        return ""
    ts = pd.Timestamp(value)
    return ts.strftime("%Y-%m-%d %H:%M") if (ts.hour or ts.minute) else ts.strftime("%Y-%m-%d")


KIND_WORDS = {
    "absolute": "date stated in the text",
    "relative": "worked out from the article date",
    "vague": "vague: only roughly this period",
    "duration": "a stretch of time",
    "set": "repeats",
    "publication": "no time in the sentence: the article's date",
}
# how an actor's country was found (schema.COUNTRY_SOURCES), as the Actors tab says it
COUNTRY_FROM_WORDS = {
    "name": "its name",
    "title": "its title (\u201cKenya's president\u201d)",
    "appositive": "a phrase beside the name",
    "affiliation": "the body or place it works for",
    "based": "\u201cX-based\u201d",
    "born": "\u201cX-born\u201d",
    "part": "a place in its name",
    "place": "the place list (gazetteer)",
    "same": "another mention of it",
    "dateline": "the article's dateline (a guess)",
    "modifier": "a word before it (\u201cThai troops\u201d)",
    "origin": "where it is from (\u201cdiplomats from Japan\u201d)",
    "story": "the story's only country",
}
FLAG_WORDS = (
    (S.REPORTED, "reported by a source"),
    (S.FUTURE, "announced for the future"),
    (S.HYPOTHETICAL, "possible or conditional"),
    (S.NEGATED, "denied or did not happen"),
)


def when_text(start: Any, end: Any) -> str:
    """A half-open interval as a reader says it: one day, or first … last day (inclusive)."""
    return _whens(pd.Series([start]), pd.Series([end]))[0]


def resolution_text(row: Any) -> str:
    """Plain words: "'recently' → 2024-08-18 … 2024-11-15 (vague: only roughly this period)".

    End dates are inclusive (the schema's are exclusive); rule names stay out (see :func:`rule_text`).
    One row of :func:`resolution_texts`, so a mark's hover and its details say the same.
    """
    return resolution_texts(pd.DataFrame([{c: row[c] for c in (S.TIME_TEXT, S.START, S.END, S.TIME_KIND)}]))[
        0
    ]


def resolution_texts(events: pd.DataFrame) -> list[str]:
    """:func:`resolution_text` of every row, the dates worded per column rather than per cell
    (per-cell Timestamps cost ~20 µs each: the labels of the 100k-event bench's 'search' view took
    57 ms of its 120 ms figure that way)."""
    out = []
    for cue, when, kind in zip(
        _texts(events[S.TIME_TEXT]),
        _whens(events[S.START], events[S.END]),
        _texts(events[S.TIME_KIND]),
        strict=True,
    ):
        words = KIND_WORDS.get(kind, kind)
        head = f"'{cue}' → {when}" if cue else when
        out.append(f"{head} ({words})" if words else head)
    return out


def _whens(start: pd.Series, end: pd.Series) -> list[str]:
    """:func:`when_text` of two columns."""
    start, end = pd.to_datetime(start), pd.to_datetime(end)
    last = end - pd.Timedelta(days=1)
    ranged = (end.notna() & start.notna() & (last > start)).to_numpy()
    return [
        (f"{first} … {final}" if r else first) if first else "no date"
        for first, final, r in zip(_days(start), _days(last), ranged, strict=True)
    ]


# where an event's time came from, when not from its own words (the events stage's time:* rules)
TIME_SOURCE_WORDS = {
    S.TIME_GOVERNING: "from the clause it depends on",
    S.TIME_CONJUNCT: "from a clause of the same moment",
    S.TIME_REPORTING: "the day it was said: the sentence gives no time for the event itself",
    S.TIME_NARRATIVE: "the story's day: the sentence gives no time for it",
    S.TIME_LEAD: "the day its doer spoke, stated a sentence later",
}


def time_source_text(row: Any) -> str:
    """Plain words for where the time came from when it is not the event's own cue, else ''."""
    rules = _txt(row[S.RULE]).split(";")
    return next((TIME_SOURCE_WORDS[r] for r in rules if r in TIME_SOURCE_WORDS), "")


def rule_text(row: Any) -> str:
    """The internals behind an event, for the details toggle: time value and the rules used."""
    parts = [
        f"{k}={_txt(row[c])}"
        for k, c in (("value", S.TIME_VALUE), ("rules", S.RULE), ("confidence", S.CONFIDENCE))
        if _txt(row[c])
    ]
    return ", ".join(parts)


def who_text(row: Any) -> str:
    """'Yoon Suk Yeol → Xi Jinping', 'Yoon Suk Yeol' or '' from the source and target columns."""
    return _who(_txt(row[S.SOURCE_ACTOR]), _txt(row[S.TARGET_ACTOR]))


def _who(src: str, tgt: str) -> str:
    return f"{src} → {tgt}" if src and tgt else src or (f"→ {tgt}" if tgt else "")


def hover_html(row: Any, titles: Mapping[str, str] | None = None) -> str:
    """The hover label of one event in plain words, every piece of text escaped (one row of
    :func:`hover_texts`: a single wording for the figure and anything else)."""
    return _hover_labels(pd.DataFrame([{c: row[c] for c in HOVER_COLUMNS}]), titles)[0]


HOVER_COLUMNS = (
    S.EVENT,
    S.SOURCE_ACTOR,
    S.TARGET_ACTOR,
    S.EVENT_TYPE,
    S.TIME_TEXT,
    S.START,
    S.END,
    S.TIME_KIND,
    S.DOC_ID,
    S.PUBLISHED,
    *(col for col, _ in FLAG_WORDS),
)


def hover_texts(rows: pd.DataFrame, titles: Mapping[str, str] | None = None) -> list[str]:
    """The figure's hover labels, one per row; ``titles`` (document id → title) names the article
    by its title (an id such as "000_1425ebb94b50a240" says nothing to a reader).

    A label depends on the event only, so an event drawn in several lanes is worded once, from
    the few columns a label reads (records of every column cost more than the labels)."""
    if len(rows) == 0:
        return []
    if S.EVENT_ID not in rows.columns:
        return _hover_labels(rows[list(HOVER_COLUMNS)], titles)
    ids = rows[S.EVENT_ID].astype(str)
    first = ~ids.duplicated().to_numpy()
    labels = dict(zip(ids[first], _hover_labels(rows.loc[first, list(HOVER_COLUMNS)], titles), strict=True))
    return [labels[i] for i in ids]


def _cut(text: str, limit: int | None = None) -> str:
    """:func:`esc` of a value already made text."""
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text, quote=True)


def _days(times: pd.Series) -> list[str]:
    """:func:`day` of a whole column at once."""
    t = pd.to_datetime(times)
    timed = (t.dt.hour.fillna(0) != 0) | (t.dt.minute.fillna(0) != 0)
    out = t.dt.strftime("%Y-%m-%d").where(~timed, t.dt.strftime("%Y-%m-%d %H:%M"))
    return _texts(out)


def _hover_labels(events: pd.DataFrame, titles: Mapping[str, str] | None = None) -> list[str]:
    """The label of every row: what, who → whom and the kind, when (:func:`resolution_texts`),
    the article and its date, and flags in words."""
    published = _days(events[S.PUBLISHED])
    flags = [events[col].fillna(False).astype(bool).to_numpy() for col, _ in FLAG_WORDS]
    out = []
    for k, (label, src, tgt, kind, resolution, doc) in enumerate(
        zip(
            _texts(events[S.EVENT]),
            _texts(events[S.SOURCE_ACTOR]),
            _texts(events[S.TARGET_ACTOR]),
            _texts(events[S.EVENT_TYPE]),
            resolution_texts(events),
            _texts(events[S.DOC_ID]),
            strict=True,
        )
    ):
        lines = [
            f"<b>{_cut(label, MAX_HOVER)}</b>",
            _cut(" · ".join(p for p in (_who(src, tgt), kind.lower()) if p), MAX_HOVER),
            f"when: {_cut(resolution, MAX_HOVER)}",
            f"article: {_cut((titles or {}).get(doc) or doc, MAX_HOVER)} (published {_cut(published[k]) or 'unknown'})",
        ]
        said = [words for (_, words), on in zip(FLAG_WORDS, flags, strict=True) if on[k]]
        if said:
            lines.append(_cut(", ".join(said)))
        out.append("<br>".join(line for line in lines if line))
    return out


def _texts(column: pd.Series) -> list[str]:
    """A column as a list of str, missing values as ''."""
    return [str(v) for v in column.astype(object).where(column.notna().to_numpy(), "")]


def highlight_html(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """``text`` escaped, with each ``(start, end, css_class)`` span wrapped in ``<mark>``.

    Offsets are into ``text`` (half-open). Overlapping or out-of-range spans are clipped: the
    earlier span wins, so a span can never split another's tag.
    """
    out: list[str] = []
    pos = 0
    for start, end, cls in sorted(spans, key=lambda s: (s[0], -s[1])):
        start, end = max(start, pos), min(end, len(text))
        if end <= start:
            continue
        out.append(html.escape(text[pos:start]))
        out.append(f'<mark class="{html.escape(cls)}">{html.escape(text[start:end])}</mark>')
        pos = end
    out.append(html.escape(text[pos:]))
    return "".join(out).replace("\n", "<br>")


def _find_all(text: str, needle: str) -> list[tuple[int, int]]:
    out, start = [], 0
    while needle and (i := text.find(needle, start)) >= 0:
        out.append((i, i + len(needle)))
        start = i + len(needle)
    return out


def event_sentence_html(row: Any, aliases: Mapping[str, Sequence[str]] | None = None) -> str:
    """The event's sentence, its clause underlined, actors and time cue highlighted, all escaped.

    An actor is found by its canonical name and by its ``aliases`` ("Pyongyang" for North Korea).
    """
    sentence = _txt(row[S.SENTENCE])
    offset = int(row[S.SENTENCE_START]) if _txt(row[S.SENTENCE_START]) else 0
    spans: list[tuple[int, int, str]] = []
    if _txt(row[S.TIME_CHAR_START]) and _txt(row[S.TIME_CHAR_END]):
        spans.append((int(row[S.TIME_CHAR_START]) - offset, int(row[S.TIME_CHAR_END]) - offset, "time"))
    elif _txt(row[S.TIME_TEXT]):
        spans += [(a, b, "time") for a, b in _find_all(sentence, _txt(row[S.TIME_TEXT]))[:1]]
    actors = row[S.ACTORS] if isinstance(row[S.ACTORS], (list, tuple)) else list(row[S.ACTORS] or [])
    for actor in actors:
        for name in (str(actor), *(aliases or {}).get(str(actor), ())):
            spans += [(a, b, "actor") for a, b in _find_all(sentence, str(name))]
    lo = min(max(int(row[S.CHAR_START]) - offset, 0), len(sentence)) if _txt(row[S.CHAR_START]) else 0
    hi = (
        min(max(int(row[S.CHAR_END]) - offset, lo), len(sentence)) if _txt(row[S.CHAR_END]) else len(sentence)
    )
    if (lo, hi) == (0, len(sentence)):
        return highlight_html(sentence, spans)
    parts = []
    for a, b in ((0, lo), (lo, hi), (hi, len(sentence))):
        inner = highlight_html(sentence[a:b], [(x - a, y - a, c) for x, y, c in spans])
        parts.append(f'<span class="clause">{inner}</span>' if (a, b) == (lo, hi) else inner)
    return "".join(parts)


def document_html(text: str, events: pd.DataFrame) -> str:
    """A document's text with its events' time cues highlighted (offsets from the events frame)."""
    spans: list[tuple[int, int, str]] = []
    cues = events.dropna(subset=[S.TIME_CHAR_START, S.TIME_CHAR_END])
    for start, end in zip(cues[S.TIME_CHAR_START], cues[S.TIME_CHAR_END], strict=True):
        spans.append((int(start), int(end), "time"))
    return highlight_html(text, sorted(set(spans)))


MARK_CSS = (
    "<style>mark.time{background:#F0E442;color:#000}"
    "mark.actor{background:#56B4E9;color:#000}"
    "span.clause{text-decoration:underline;text-decoration-thickness:2px}</style>"
)
HIGHLIGHT_KEY = (
    MARK_CSS + '<small>Key: <mark class="actor">actor</mark> <mark class="time">time</mark> '
    '<span class="clause">the event</span></small>'
)
