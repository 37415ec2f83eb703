"""How a story entry reads: the headline said once, and reports counted in words."""

from __future__ import annotations

import pytest

from extract.story.present import reports_phrase, said_once

LEAD = "Beijing warned the United States Tuesday against interfering in Taiwan."


@pytest.mark.parametrize(
    ("headline", "sentences", "expected"),
    [
        (
            "Beijing warned the United States …",
            [LEAD, "Later, it said more."],
            (LEAD, ["Later, it said more."]),
        ),
        (LEAD, [LEAD], (LEAD, [])),
        # a headline of its own stays, and every sentence stays under it
        (
            "Beijing adds South Korea to its visa-exempt list",
            [LEAD],
            ("Beijing adds South Korea to its visa-exempt list", [LEAD]),
        ),
        ("Beijing warned …", [], ("Beijing warned …", [])),
        # cut from the second sentence (the first was a quote): that one leaves the list
        ("Beijing warned …", ["“We object,” he said.", LEAD], (LEAD, ["“We object,” he said."])),
        ("", ["One sentence."], ("", ["One sentence."])),
    ],
)
def test_story_present_headline_said_once(
    headline: str, sentences: list[str], expected: tuple[str, list[str]]
) -> None:
    assert said_once(headline, sentences) == expected


@pytest.mark.parametrize(("n", "words"), [(0, "0 reports"), (1, "1 report"), (2, "2 reports")])
def test_story_present_reports_phrase(n: int, words: str) -> None:
    assert reports_phrase(n) == words
