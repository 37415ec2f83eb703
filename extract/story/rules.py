"""The story layer's sentence rules, kept as data in ``extract/rules/story/sentences.toml``.

Abbreviations whose dot ends no sentence, and the page furniture (wire datelines, page time
stamps) cut out of an article's lead. This module only reads and checks them, once per process.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

RULES_FILE = Path(__file__).parent.parent / "rules" / "story" / "sentences.toml"


@dataclass(frozen=True)
class Furniture:
    """A pattern of page furniture found inside an article's lead (or anywhere, for ``anywhere``)."""

    id: str
    regex: re.Pattern[str]
    examples: tuple[str, ...]
    non_examples: tuple[str, ...]
    anywhere: bool = False


@dataclass(frozen=True)
class SentenceRules:
    """Everything sentences.toml says."""

    abbreviations: frozenset[str]
    furniture: tuple[Furniture, ...]
    lead_chars: int
    split_examples: tuple[tuple[str, tuple[str, ...]], ...]
    escapes: re.Pattern[str] | None = None
    """Matches a bracket escape token ("-LRB-") with the space it takes."""
    unescaped: tuple[tuple[str, str], ...] = ()
    """Per escape token: the bracket it stands for."""
    escape_examples: tuple[tuple[str, str], ...] = ()

    def unescape(self, text: str) -> str:
        """``text`` with its bracket escape tokens as brackets ("-LRB- WHO -RRB-" -> "(WHO)")."""
        if self.escapes is None or "-" not in text:
            return text
        table = dict(self.unescaped)
        return self.escapes.sub(lambda m: table[m.group(0)], text)


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"rules/story/sentences.toml: {where} must be a list of strings")
    return tuple(value)


def parse_rules(data: dict[str, Any]) -> SentenceRules:
    """Check and compile the parsed TOML; a bad field raises naming the file, the entry and the field."""
    furniture = []
    for entry in data.get("furniture", []):
        name = entry.get("id", "?")
        try:
            regex = re.compile(entry["regex"])
        except (KeyError, re.error) as exc:
            raise ValueError(f"rules/story/sentences.toml: furniture {name!r}: regex: {exc}") from exc
        furniture.append(
            Furniture(
                name,
                regex,
                _strings(entry.get("examples", []), f"furniture {name!r}: examples"),
                _strings(entry.get("non_examples", []), f"furniture {name!r}: non_examples"),
                bool(entry.get("anywhere", False)),
            )
        )
    escapes, table = _escapes(data.get("escapes", []))
    splits = tuple(
        (str(e["text"]), _strings(e["sentences"], "split_examples: sentences"))
        for e in data.get("split_examples", [])
    )
    return SentenceRules(
        frozenset(_strings(data.get("abbreviations", []), "abbreviations")),
        tuple(furniture),
        int(data.get("lead_chars", 1000)),
        splits,
        escapes,
        table,
        tuple(
            (str(a), str(b))
            for a, b in (_strings(e, "escape_examples") for e in data.get("escape_examples", []))
        ),
    )


def _escapes(entries: list[dict[str, Any]]) -> tuple[re.Pattern[str] | None, tuple[tuple[str, str], ...]]:
    """One pattern for every escape token (a whole token: "-LRB-see" is none), and the bracket of each."""
    table = []
    for entry in entries:
        token, text = entry.get("token"), entry.get("text")
        if not isinstance(token, str) or not isinstance(text, str):
            raise ValueError(f"rules/story/sentences.toml: escapes {token!r}: needs a token and a text")
        table.append((token, text))
    if not table:
        return None, ()
    words = "|".join(re.escape(token) for token, _ in table)
    return re.compile(rf"(?<!\S)(?:{words})(?!\S)"), tuple(table)


@lru_cache(maxsize=1)
def sentence_rules() -> SentenceRules:
    """The rules of sentences.toml (read once)."""
    with RULES_FILE.open("rb") as fh:
        return parse_rules(tomllib.load(fh))
