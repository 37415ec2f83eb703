"""Synthetic events for tests and benchmarks: a small hand-made frame and a replicator.

The hand-made frame covers every drawing style (exact date, interval, vague interval,
publication date only), several actors per event, flags, and hostile text (HTML in labels).
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from extract import schema as S

XSS = '<img src=x onerror=alert(1)> <script>alert("x")</script>'


def _event(
    n: int,
    doc: str,
    label: str,
    etype: str,
    actors: list[str],
    countries: list[str],
    kind: str,
    start: str,
    end: str,
    cue: str | None,
    **flags: Any,
) -> dict[str, Any]:
    sentence = f"{label} {cue or ''}".strip() + "."
    cue_at = sentence.find(cue) if cue else -1
    return {
        S.EVENT_ID: f"{doc}:{n}",
        S.DOC_ID: doc,
        S.PUBLISHED: "2024-11-16",
        S.SENTENCE: sentence,
        S.SENTENCE_START: 100 * n,
        S.CHAR_START: 100 * n,
        S.CHAR_END: 100 * n + len(sentence),
        S.EVENT: label,
        S.PREDICATE: label.split()[1] if " " in label else label,
        S.EVENT_TYPE: etype,
        S.SOURCE_ACTOR: actors[0] if actors else None,
        S.TARGET_ACTOR: actors[1] if len(actors) > 1 else None,
        S.ACTORS: actors,
        S.COUNTRIES: countries,
        S.REPORTED: flags.get("reported", False),
        S.FUTURE: flags.get("future", False),
        S.HYPOTHETICAL: flags.get("hypothetical", False),
        S.NEGATED: flags.get("negated", False),
        S.TIME_TEXT: cue,
        S.TIME_TYPE: "DATE",
        S.TIME_VALUE: start[:10],
        S.TIME_MOD: None,
        S.TIME_KIND: kind,
        S.START: start,
        S.END: end,
        S.GRANULARITY: "day",
        S.TIME_CHAR_START: 100 * n + cue_at if cue else None,
        S.TIME_CHAR_END: 100 * n + cue_at + len(cue) if cue else None,
        S.CONFIDENCE: 0.9,
        S.RULE: "synthetic",
    }


def sample_events() -> pd.DataFrame:
    """Nine events over two documents, every style and flag, one with HTML in its text."""
    rows = [
        _event(
            0,
            "a",
            "Yoon asked Xi to help",
            "REQUEST",
            ["Yoon Suk Yeol", "Xi Jinping"],
            ["KOR", "CHN"],
            "absolute",
            "2024-11-16",
            "2024-11-17",
            "on Saturday",
        ),
        _event(
            1,
            "a",
            "North Korea sent troops to Russia",
            "MOBILIZE",
            ["North Korea", "Russia"],
            ["PRK", "RUS"],
            "relative",
            "2024-10-01",
            "2024-11-01",
            "last month",
        ),
        _event(
            2,
            "a",
            "Yoon and Xi met",
            "CONSULT",
            ["Yoon Suk Yeol", "Xi Jinping"],
            ["KOR", "CHN"],
            "publication",
            "2024-11-16",
            "2024-11-17",
            None,
        ),
        _event(
            3,
            "a",
            "North Korea fired missiles",
            "FIGHT",
            ["North Korea"],
            ["PRK"],
            "vague",
            "2024-08-16",
            "2024-11-16",
            "recently",
        ),
        _event(
            4,
            "a",
            "Xi will visit Seoul",
            "CONSULT",
            ["Xi Jinping"],
            ["CHN"],
            "relative",
            "2025-01-01",
            "2026-01-01",
            "next year",
            future=True,
        ),
        _event(
            5,
            "b",
            "Russia could attack Ukraine",
            "FIGHT",
            ["Russia", "Ukraine"],
            ["RUS", "UKR"],
            "absolute",
            "2006-03-02",
            "2006-03-03",
            "March 2",
            hypothetical=True,
        ),
        _event(
            6,
            "b",
            "Ukraine did not sign the deal",
            "COOPERATE",
            ["Ukraine"],
            ["UKR"],
            "absolute",
            "2006-03-01",
            "2006-03-02",
            "Wednesday",
            negated=True,
        ),
        _event(
            7,
            "b",
            f"Hacker {XSS} said",
            "STATEMENT",
            [f"Evil {XSS}"],
            ["UKR"],
            "absolute",
            "2006-03-03",
            "2006-03-04",
            "Friday",
        ),
        _event(
            8, "b", "Officials spoke", "STATEMENT", [], [], "absolute", "2006-03-04", "2006-03-05", "Saturday"
        ),
    ]
    return S.conform(rows, S.EVENTS)


def sample_actors() -> pd.DataFrame:
    """The actors frame matching :func:`sample_events`."""
    rows = [
        (a, k, c)
        for a, k, c in (
            ("Yoon Suk Yeol", "person", "KOR"),
            ("Xi Jinping", "person", "CHN"),
            ("North Korea", "country", "PRK"),
            ("Russia", "country", "RUS"),
            ("Ukraine", "country", "UKR"),
            (f"Evil {XSS}", "person", "UKR"),
        )
    ]
    return S.conform(
        [
            {S.ACTOR: a, S.ACTOR_KIND: k, S.COUNTRY: c, S.ALIASES: [], S.MENTIONS: 1, S.DOC_COUNT: 1}
            for a, k, c in rows
        ],
        S.ACTORS_FRAME,
    )


def replicate(events: pd.DataFrame, n: int, step_days: int = 7, seed: int = 0) -> pd.DataFrame:
    """``n`` events made by repeating ``events`` with dates shifted by multiples of ``step_days``."""
    if len(events) == 0:
        raise ValueError("cannot replicate an empty events frame")
    reps = -(-n // len(events))
    idx = np.tile(np.arange(len(events)), reps)[:n]
    out = events.iloc[idx].reset_index(drop=True)
    rng = np.random.default_rng(seed)
    shift = pd.to_timedelta(
        np.repeat(np.arange(reps), len(events))[:n] * step_days + rng.integers(0, step_days, n), unit="D"
    )
    copy = np.repeat(np.arange(reps), len(events))[:n].astype(str)
    out[S.EVENT_ID] = out[S.EVENT_ID].astype(str) + "~" + copy
    for col in (S.START, S.END, S.PUBLISHED):
        out[col] = (out[col] + shift).astype(S.TIME_DTYPE)  # type: ignore[call-overload]
    return out
