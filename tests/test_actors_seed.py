"""The seed article's must-holds (seeds/000_1425ebb94b50a240.txt)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import schema as S
from extract.actors import ActorMention, build_actors_frame, find_actor_mentions
from extract.nlp import load_nlp

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_1425ebb94b50a240.txt"


@pytest.fixture(scope="module")
def mentions() -> list[ActorMention]:
    return find_actor_mentions(load_nlp()(SEED.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("surface", "actor", "kind", "country"),
    [
        ("Yoon Suk Yeol", "Yoon Suk Yeol", "person", "KOR"),
        ("Yoon", "Yoon Suk Yeol", "person", "KOR"),
        ("Xi Jinping", "Xi Jinping", "person", "CHN"),
        ("Xi", "Xi Jinping", "person", "CHN"),
        ("Kim Tae-hyo", "Kim Tae-hyo", "person", "KOR"),
        ("Pyongyang", "North Korea", "country", "PRK"),
        ("North Korea", "North Korea", "country", "PRK"),
        ("North Korean", "North Korea", "country", "PRK"),
        ("Moscow", "Russia", "country", "RUS"),
        ("Russia", "Russia", "country", "RUS"),
        ("Ukraine", "Ukraine", "country", "UKR"),
        ("Beijing", "China", "country", "CHN"),
        ("China", "China", "country", "CHN"),
        ("Seoul", "South Korea", "country", "KOR"),
        ("South Korea", "South Korea", "country", "KOR"),
        ("Korea", "South Korea", "country", "KOR"),
        ("Lima", "Lima", "place", "PER"),
        ("Yonhap", "Yonhap", "media", "KOR"),
        ("Ukrinform", "Ukrinform", "media", "UKR"),
        ("Asia- Pacific Economic Cooperation", "Asia-Pacific Economic Cooperation", "international", None),
        ("EU", "European Union", "international", None),
        ("Korean Peninsula", "Korean Peninsula", "region", None),
    ],
)
def test_actors_seed_must_hold(
    mentions: list[ActorMention], surface: str, actor: str, kind: str, country: str | None
) -> None:
    got = {(m.actor, m.kind, m.country) for m in mentions if m.text == surface}
    assert got == {(actor, kind, country)}


def test_actors_seed_offsets_point_at_the_text(mentions: list[ActorMention]) -> None:
    text = SEED.read_text(encoding="utf-8")
    assert mentions == sorted(mentions, key=lambda m: m.char_start)
    for m in mentions:
        assert text[m.char_start : m.char_end] == m.text


def test_actors_seed_demonyms_folded_into_names(mentions: list[ActorMention]) -> None:
    # "Korean President Yoon", "Chinese President Xi": the demonym gives the country, no extra actor
    assert not [m for m in mentions if m.text in ("Korean", "Chinese")]


def test_actors_seed_frame(mentions: list[ActorMention]) -> None:
    frame, renames = build_actors_frame({"seed": mentions})
    assert list(frame.columns) == S.names(S.ACTORS_FRAME)
    assert frame[S.ACTOR].is_unique
    row = frame.set_index(S.ACTOR).loc["North Korea"]
    assert row[S.COUNTRY] == "PRK" and "Pyongyang" in row[S.ALIASES]
    assert renames == {}
    assert "Yonhap" not in set(frame.loc[frame[S.ACTOR_KIND] == "person", S.ACTOR])
