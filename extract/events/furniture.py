"""Find page furniture: lines of a page that are not news and must yield no events.

"2 mins read", "Read also: …", photo credits (patterns in ``rules/events/furniture.toml``) and
repeated headlines (a line equal to the title or to an earlier line).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from extract.events.rules import furniture_patterns

_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class FurnitureLine:
    """A skipped line: half-open offsets into the text and why it was skipped."""

    char_start: int
    char_end: int
    rule: str


def _norm(line: str) -> str:
    """Compare lines ignoring case, spacing and quote/apostrophe style."""
    line = unicodedata.normalize("NFKC", line).replace("’", "'").replace("‘", "'")
    return _SPACES.sub(" ", line).strip().lower()


def find_furniture(text: str, title: str | None = None) -> list[FurnitureLine]:
    """Lines of ``text`` that are page furniture, in order."""
    found: list[FurnitureLine] = []
    seen: set[str] = set()
    title_key = _norm(title) if title else None
    pos = 0
    for raw in text.splitlines(keepends=True):
        start, pos = pos, pos + len(raw)
        line = raw.rstrip("\r\n")
        key = _norm(line)
        if not key:
            continue
        end = start + len(line)
        if key == title_key:
            found.append(FurnitureLine(start, end, "furniture:title"))
        elif key in seen and len(key.split()) >= 3:
            found.append(FurnitureLine(start, end, "furniture:repeated_line"))
        else:
            for pattern in furniture_patterns():
                if pattern.matches(line):
                    found.append(FurnitureLine(start, end, f"furniture:{pattern.id}"))
                    break
        seen.add(key)
    return found


def in_furniture(furniture: list[FurnitureLine], char_start: int, char_end: int) -> bool:
    """Whether the span [char_start, char_end) overlaps a furniture line."""
    return any(f.char_start < char_end and char_start < f.char_end for f in furniture)
