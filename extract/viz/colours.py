"""One colour per country and per event type, fixed for every view and session (data in
``extract/rules/viz/colours.toml``).

Colours used to be handed out by frequency in the current view, so North Korea changed colour
when a filter changed the ranking. Now a value's colour depends on the value only: listed
values have their own colour, others a spare colour chosen by a stable hash (CRC-32, not
Python's salted ``hash``), and values without a country share ``none`` grey.

Values drawn together get distinct colours (:func:`colours_for`): with 16 spare colours, two
unlisted countries share a hash slot often enough (Italy and Greece in the demo did); the first of
them by code keeps its colour and the other takes the free spare colour least like those drawn.
Listed values never move, and a spare-coloured value moves only when drawn beside such a partner.
"""

from __future__ import annotations

import re
import tomllib
import zlib
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

COLOURS_FILE = Path(__file__).resolve().parents[1] / "rules" / "viz" / "colours.toml"
_HEX = re.compile(r"^#[0-9A-Fa-f]{6}$")


class ColourError(ValueError):
    """A malformed colour table: names the file and the key."""


def _check(value: Any, where: str) -> str:
    if not isinstance(value, str) or not _HEX.match(value):
        raise ColourError(f"{COLOURS_FILE.name}: {where}: expected a '#RRGGBB' colour, got {value!r}")
    return value.upper()


@lru_cache(maxsize=4)
def load(path: Path = COLOURS_FILE) -> tuple[dict[str, str], dict[str, str], tuple[str, ...], str]:
    """(country → colour, event type → colour, spare colours, the no-value colour)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as err:
        raise ColourError(f"{path.name}: {err}") from err
    countries = {str(k): _check(v, f"countries.{k}") for k, v in dict(data.get("countries", {})).items()}
    types = {str(k): _check(v, f"event_types.{k}") for k, v in dict(data.get("event_types", {})).items()}
    spare_list = dict(data.get("spare", {})).get("colours")
    if not isinstance(spare_list, list) or not spare_list:
        raise ColourError(f"{path.name}: spare.colours: expected a non-empty list of colours")
    spare = tuple(_check(v, f"spare.colours[{i}]") for i, v in enumerate(spare_list))
    return countries, types, spare, _check(data.get("none"), "none")


def colour_of(value: str, kind: str = "country") -> str:
    """The fixed colour of a country code (``kind="country"``) or an event type (``"type"``)."""
    countries, types, spare, none = load()
    if not value or value == "(none)":
        return none
    table = types if kind == "type" else countries
    if value in table:
        return table[value]
    return spare[zlib.crc32(f"{kind}:{value}".encode()) % len(spare)]


TWIN = 60.0
"""Colours nearer than this ("redmean" distance) read as one: the spare list holds pairs such as
#FF9896 / #FB9A99 (9 apart: Iceland and Denmark drew alike in country lanes) and #A6CEE3 / #88CCEE (51: a
spare blue beside France's). The listed South Korea and France blues are 92 apart."""


def _distance(a: str, b: str) -> float:
    """How unlike two '#RRGGBB' colours look: the "redmean" weighted RGB distance (a cheap stand-in for
    a perceptual one, good enough to tell a blue from a near twin of it)."""
    r1, g1, b1 = (int(a[k : k + 2], 16) for k in (1, 3, 5))
    r2, g2, b2 = (int(b[k : k + 2], 16) for k in (1, 3, 5))
    mean = (r1 + r2) / 2
    dr, dg, db = r1 - r2, g1 - g2, b1 - b2
    return float(((2 + mean / 256) * dr * dr + 4 * dg * dg + (2 + (255 - mean) / 256) * db * db) ** 0.5)


def colours_for(values: Iterable[str], kind: str = "country") -> dict[str, str]:
    """The colours of values drawn together, distinct where the spare colours allow.

    Listed values and the no-value grey keep theirs; unlisted ones, in code order, keep their hash
    colour unless a value already took it or a near twin of it (``TWIN``), and then take the spare colour no value drawn uses that is
    least like every colour drawn (their hash colour again once all are used: more unlisted values
    than spare colours)."""
    countries, types, spare, _ = load()
    table = types if kind == "type" else countries
    chosen = {v: colour_of(v, kind) for v in dict.fromkeys(values)}
    used = {c for v, c in chosen.items() if v in table or c not in spare}
    unlisted = sorted(v for v, c in chosen.items() if v not in table and c in spare)
    moved = []
    for value in unlisted:  # first the first of each hash colour keeps it, so a move never cascades
        if any(_distance(chosen[value], u) < TWIN for u in used):
            moved.append(value)
        used.add(chosen[value])
    for value in moved:
        free = [c for c in spare if c not in used]
        if free:  # the free one least like any colour drawn (a near twin of France's blue read as France)
            chosen[value] = max(free, key=lambda c: (min(_distance(c, u) for u in used), -spare.index(c)))
        used.add(chosen[value])
    return chosen
