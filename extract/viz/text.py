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
    """Escape a cell for HTML, cutting it to ``limit`` characters first."""
    text = _txt(value)
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"
    return html.escape(text, quote=True)


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


def resolution_text(row: Any) -> str:
    """Plain text: "'recently' → 2024-08-16 … 2024-11-16, vague, rule vague.recently"."""
    cue = _txt(row[S.TIME_TEXT]) or "(publication date)"
    start, end = day(row[S.START]), day(row[S.END])
    one_day = bool(start and end) and pd.Timestamp(row[S.END]) - pd.Timestamp(row[S.START]) <= pd.Timedelta(days=1)
    when = start if not end or one_day else f"{start} … {end}"
    parts = [f"'{cue}' → {when or 'unresolved'}"]
    for value in (row[S.TIME_KIND], row[S.TIME_VALUE]):
        if _txt(value):
            parts.append(_txt(value))
    if _txt(row[S.RULE]):
        parts.append(f"rule {_txt(row[S.RULE])}")
    return ", ".join(parts)


def hover_html(row: Any, lane_value: str = "") -> str:
    """The hover label of one event: label, type, time cue and value, document — all escaped."""
    lines = [
        f"<b>{esc(row[S.EVENT], MAX_HOVER)}</b>",
        f"type: {esc(row[S.EVENT_TYPE])}" + (f" · lane: {esc(lane_value)}" if lane_value else ""),
        f"time: {esc(resolution_text(row), MAX_HOVER)}",
        f"document: {esc(row[S.DOC_ID])} (published {esc(day(row[S.PUBLISHED])) or 'unknown'})",
    ]
    flags = [name for name, col in (("future", S.FUTURE), ("hypothetical", S.HYPOTHETICAL),
                                    ("negated", S.NEGATED), ("reported", S.REPORTED)) if bool(row[col])]
    if flags:
        lines.append("flags: " + ", ".join(flags))
    return "<br>".join(lines)


def _days(values: pd.Series) -> list[str]:
    """Timestamps as :func:`day` strings, vectorised."""
    ts = pd.to_datetime(values)
    with_time = (ts.dt.hour.fillna(0) != 0) | (ts.dt.minute.fillna(0) != 0)
    out = ts.dt.strftime("%Y-%m-%d").where(~with_time, ts.dt.strftime("%Y-%m-%d %H:%M"))
    return [v if isinstance(v, str) else "" for v in out.astype(object)]


def _texts(column: pd.Series) -> list[str]:
    """A column as a list of str, missing values as ''."""
    return [str(v) for v in column.astype(object).where(column.notna().to_numpy(), "")]


def hover_texts(rows: pd.DataFrame, lane_column: str | None = None) -> list[str]:
    """:func:`hover_html` for every row at once (the figure's hover labels), same output."""
    if len(rows) == 0:
        return []
    starts, ends, published = _days(rows[S.START]), _days(rows[S.END]), _days(rows[S.PUBLISHED])
    one_day = ((rows[S.END] - rows[S.START]) <= pd.Timedelta(days=1)).fillna(False).to_numpy(dtype=bool)
    cols = [S.EVENT, S.EVENT_TYPE, S.TIME_TEXT, S.TIME_KIND, S.TIME_VALUE, S.RULE, S.DOC_ID]
    values = {c: _texts(rows[c]) for c in cols}
    lanes = _texts(rows[lane_column]) if lane_column else [""] * len(rows)
    flags = [rows[c].to_numpy(dtype=bool) for c in (S.FUTURE, S.HYPOTHETICAL, S.NEGATED, S.REPORTED)]
    names = ("future", "hypothetical", "negated", "reported")
    out = []
    for i in range(len(rows)):
        start, end = starts[i], ends[i]
        when = start if not end or one_day[i] else f"{start} … {end}"
        parts = [f"'{values[S.TIME_TEXT][i] or '(publication date)'}' → {when or 'unresolved'}"]
        parts += [v for v in (values[S.TIME_KIND][i], values[S.TIME_VALUE][i]) if v]
        if values[S.RULE][i]:
            parts.append(f"rule {values[S.RULE][i]}")
        lines = [
            f"<b>{esc(values[S.EVENT][i], MAX_HOVER)}</b>",
            f"type: {esc(values[S.EVENT_TYPE][i])}" + (f" · lane: {esc(lanes[i])}" if lanes[i] else ""),
            f"time: {esc(', '.join(parts), MAX_HOVER)}",
            f"document: {esc(values[S.DOC_ID][i])} (published {esc(published[i]) or 'unknown'})",
        ]
        on = [n for n, f in zip(names, flags, strict=True) if f[i]]
        if on:
            lines.append("flags: " + ", ".join(on))
        out.append("<br>".join(lines))
    return out


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
    hi = min(max(int(row[S.CHAR_END]) - offset, lo), len(sentence)) if _txt(row[S.CHAR_END]) else len(sentence)
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
