"""How a story entry reads: the headline said once, and reports counted in words."""

from __future__ import annotations

import pytest

from extract.story.present import reports_phrase, said_once

LEAD = "Beijing warned the United States Tuesday against interfering in Taiwan."


@pytest.mark.parametrize(
    ("headline", "sentences", "expected"),
    [
        # the headline is the sentence, or its main clause: the sentence is not said again
        (LEAD, [LEAD], (LEAD, [])),
        (
            "Beijing warned the United States against interfering in Taiwan",
            [LEAD, "Later, Gingrich toned his words down."],
            (
                "Beijing warned the United States against interfering in Taiwan",
                ["Later, Gingrich toned his words down."],
            ),
        ),
        (
            "Three Israelis were killed by a Palestinian suicide bomber in Tel Aviv",
            ["Three Israelis were killed by a Palestinian suicide bomber in Tel Aviv on March 21."],
            ("Three Israelis were killed by a Palestinian suicide bomber in Tel Aviv", []),
        ),
        # a main clause cut from a longer sentence: the sentence stays with its details
        (
            "At least three Palestinians were wounded by rubber bullets",
            [
                "At least three Palestinians, including a policeman, were wounded by rubber bullets fired by soldiers."
            ],
            (
                "At least three Palestinians were wounded by rubber bullets",
                [
                    "At least three Palestinians, including a policeman, were wounded by rubber bullets fired by soldiers."
                ],
            ),
        ),
        # a title or a main clause cut from a longer sentence stays, and the sentence with its details
        (
            "Beijing adds South Korea to its visa-exempt list",
            [LEAD],
            ("Beijing adds South Korea to its visa-exempt list", [LEAD]),
        ),
        (
            "China warns US after Gingrich comments on Taiwan",
            [LEAD],
            ("China warns US after Gingrich comments on Taiwan", [LEAD]),
        ),
        ("Beijing warned …", [], ("Beijing warned …", [])),
        ("", ["One sentence."], ("", ["One sentence."])),
        ("Beijing warned", ["“.”"], ("Beijing warned", ["“.”"])),  # a sentence of no words stays
    ],
)
def test_story_present_headline_said_once(
    headline: str, sentences: list[str], expected: tuple[str, list[str]]
) -> None:
    assert said_once(headline, sentences) == expected


@pytest.mark.parametrize(("n", "words"), [(0, "0 reports"), (1, "1 report"), (2, "2 reports")])
def test_story_present_reports_phrase(n: int, words: str) -> None:
    assert reports_phrase(n) == words
