"""How wide the dashboard's chart font draws a text, from per-character widths measured in Chromium
(``extract/rules/viz/font.toml``).

The timeline sets its left margin from its lane labels with this. Left to Plotly's automatic margins,
every draw of the chart was laid out twice: once to measure the labels, then again with the margin
they pushed (about a fifth of a draw's time, paid on the first view and again when the Timeline tab
opens). Plotly keeps its automatic margin as a floor, so a label wider than the table thinks still
fits: it only costs that second layout again.
"""

from __future__ import annotations

import html
import math
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

FONT_FILE = Path(__file__).resolve().parents[1] / "rules" / "viz" / "font.toml"


class FontTableError(ValueError):
    """A malformed width table: names the file and the entry."""


@dataclass(frozen=True)
class FontTable:
    widths: dict[str, float]
    default: float
    pad_px: int
    examples: tuple[tuple[str, float], ...]


@lru_cache(maxsize=4)
def load(path: Path = FONT_FILE) -> FontTable:
    """The width table: character → px, the width of an unlisted character, the margin's padding."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise FontTableError(f"{path.name}: {err}") from err
    widths: dict[str, float] = {}
    for k, group in enumerate(data.get("widths", [])):
        px, chars = group.get("px"), group.get("chars")
        if not isinstance(px, int | float) or px <= 0 or not isinstance(chars, str) or not chars:
            raise FontTableError(f"{path.name}: widths[{k}]: expected px > 0 and a non-empty chars string")
        for char in chars:
            if char in widths:
                raise FontTableError(f"{path.name}: widths[{k}]: {char!r} is listed twice")
            widths[char] = float(px)
    default, pad = data.get("default"), data.get("pad_px")
    if not isinstance(default, int | float) or default <= 0 or not isinstance(pad, int) or pad < 0:
        raise FontTableError(f"{path.name}: expected default > 0 and pad_px >= 0")
    examples = tuple((str(e["text"]), float(e["px"])) for e in data.get("examples", []))
    return FontTable(widths, float(default), pad, examples)


def text_px(text: str, table: FontTable | None = None) -> float:
    """Drawn width of ``text`` (plain text; HTML entities such as ``&amp;`` count as their character)."""
    table = table or load()
    return sum(table.widths.get(char, table.default) for char in html.unescape(text))


def label_margin_px(labels: Iterable[str], table: FontTable | None = None) -> int:
    """The left margin that Plotly's automatic margin would give these axis labels (the widest plus
    the padding), rounded up; the padding alone when there are none."""
    table = table or load()
    widest = max((text_px(label, table) for label in labels), default=0.0)
    return math.ceil(widest) + table.pad_px
