"""One colour per country and per event type, fixed for every view and session (data in
``extract/rules/viz/colours.toml``).

Colours used to be handed out by frequency in the current view, so North Korea changed colour
when a filter changed the ranking. Now a value's colour depends on the value only: listed
values have their own colour, others a spare colour chosen by a stable hash (CRC-32, not
Python's salted ``hash``), and values without a country share ``none`` grey.
"""

from __future__ import annotations

import re
import tomllib
import zlib
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


def colours_for(values: list[str], kind: str = "country") -> dict[str, str]:
    """:func:`colour_of` for several values."""
    return {v: colour_of(v, kind) for v in values}
