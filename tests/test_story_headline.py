"""Story headlines (extract/story/headline.py): a fitting report title, else the main clause.

Titles and sentences are real wire copy (AFP 1997 in seeds/demo.jsonl, TempEval-3 silver titles)
or written like it; what a reader should see was decided by reading them.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.model import Document
from extract.story import summarise
from extract.story.headline import (
    Rule,
    Said,
    best_title,
    clean_title,
    compress,
    headline,
    headline_rules,
    main_clause,
    parse_rules,
)


def _rules() -> list[Rule]:
    rules = headline_rules()
    return [*rules.title_rules, *rules.clause_rules]


@pytest.mark.parametrize(
    ("rule", "text", "expected"),
    [(r, text, want) for r in _rules() for text, want in r.examples],
    ids=lambda v: v.id if isinstance(v, Rule) else None,
)
def test_story_headline_rule_examples(rule: Rule, text: str, expected: str) -> None:
    assert rule.apply(text).strip() == expected


@pytest.mark.parametrize(
    ("rule", "text"),
    [(r, text) for r in _rules() for text in r.non_examples],
    ids=lambda v: v.id if isinstance(v, Rule) else None,
)
def test_story_headline_rule_non_examples_unchanged(rule: Rule, text: str) -> None:
    assert rule.apply(text) == text


def test_story_headline_junk_titles_examples() -> None:
    junk = headline_rules().junk
    assert all(junk.regex.fullmatch(t) for t, _ in junk.examples)
    assert not any(junk.regex.fullmatch(t) for t in junk.non_examples)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "China warns US after Gingrich comments on Taiwan",
            "China warns US after Gingrich comments on Taiwan",
        ),
        (
            "Deadly violence flares after disappointing Israeli-US peace summit by Samih Chahin",
            "Deadly violence flares after disappointing Israeli-US peace summit",
        ),
        (
            "China, Vietnam start talks on sea dispute in Beijing (repetition, correcting date)",
            "China, Vietnam start talks on sea dispute in Beijing",
        ),
        (
            "UPDATE-2: Russia's Chechnya votes amid tight security",
            "Russia's Chechnya votes amid tight security",
        ),
        ("  Georgian FM   visits Moscow to mend ties ", "Georgian FM visits Moscow to mend ties"),
        # no headline: a slug, a test message, a picture note, nothing
        ("China", None),
        ("flu", None),
        ("this is a test", None),
        ("=(PICTURE)=", None),
        ("", None),
        (None, None),
    ],
)
def test_story_headline_clean_title(title: str | None, expected: str | None) -> None:
    assert clean_title(title) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Beijing warned the United States Tuesday against interfering in Taiwan after US House of "
            "Representative speaker Newt Gingrich said Washington would defend the island against attacks "
            "from Beijing.",
            "Beijing warned the United States against interfering in Taiwan",
        ),
        (
            "The IMF is to continue providing financial support to Russia despite disappointment with the "
            "country's economic performance in 1996, IMF director general Michel Camdessus said here on Wednesday.",
            "The IMF is to continue providing financial support to Russia",
        ),
        (
            "Denmark, backed by the United States and 13 other countries, filed a resolution Thursday denouncing "
            "Chinese human rights abuses, despite threats from Beijing and deep European divisions over the issue.",
            "Denmark filed a resolution denouncing Chinese human rights abuses",
        ),
        (
            "However, Gingrich then toned down his statements Tuesday when speaking to journalists in Tokyo.",
            "Gingrich then toned down his statements",
        ),
        (
            "The World Health Organisation said on Monday that the virus had reached 20 countries.",
            "The virus had reached 20 countries",
        ),
        # a cut bares an attribution, which goes in a second pass
        (
            "Syrian security forces killed almost 90 protesters , rights activists said , in the bloodiest day of the uprising .",
            "Syrian security forces killed almost 90 protesters",
        ),
        # nothing to cut: the sentence without its stop
        ("BP capped the well.", "BP capped the well"),
        # a cut that would leave too few words is not made
        ("Talks failed after the summit in Geneva.", "Talks failed after the summit in Geneva"),
        # still too long: cut at the last comma or conjunction before the limit
        (
            "The hurricane destroyed more than two thousand homes along the coast, and flooded the lower "
            "districts of the city for more than a week",
            "The hurricane destroyed more than two thousand homes along the coast",
        ),
        # … or at the limit, marked
        (
            "The hurricane destroyed more than two thousand homes along the coast of the gulf near the city "
            "and flooded the lower districts for a week",
            "The hurricane destroyed more than two thousand homes along the coast of the gulf near the …",
        ),
        ("", ""),
    ],
)
def test_story_headline_compress(sentence: str, expected: str) -> None:
    assert compress(sentence) == expected


APRIL_1 = date(1997, 4, 1)
WARNED = Said(
    "Beijing warned the United States Tuesday against interfering in Taiwan after Newt Gingrich said "
    "Washington would defend the island.",
    "a",
    APRIL_1,
    True,
)
TITLES = {
    "a": ("China warns US after Gingrich comments on Taiwan", APRIL_1),
    "b": ("IMF pledges support for Russia", date(1997, 4, 2)),
    "late": ("China warns US after Gingrich comments on Taiwan, again", date(1997, 4, 9)),
}


@pytest.mark.parametrize(
    ("said", "titles", "expected"),
    [
        # the report's own title says what the sentence says
        ([WARNED], TITLES, "China warns US after Gingrich comments on Taiwan"),
        # a title of another report of the day (or the next) fits too
        (
            [WARNED],
            {"b": ("Beijing warns Washington over Gingrich Taiwan remarks", APRIL_1)},
            "Beijing warns Washington over Gingrich Taiwan remarks",
        ),
        (
            [WARNED],
            {"b": ("Beijing warns Washington over Gingrich Taiwan remarks", date(1997, 4, 2))},
            "Beijing warns Washington over Gingrich Taiwan remarks",
        ),
        # the first sentence a title fits decides, before a better fit with a later sentence
        (
            [
                Said("The IMF will keep supporting Russia, its director said.", "b", date(1997, 4, 2), False),
                WARNED,
            ],
            TITLES,
            "IMF pledges support for Russia",
        ),
        # no title of the day's reports fits: none
        ([WARNED], {"b": TITLES["b"]}, None),
        # a fitting title published a week later looks back: it titles a later story
        ([WARNED], {"late": TITLES["late"]}, None),
        ([WARNED], {}, None),
        ([], TITLES, None),
    ],
)
def test_story_headline_best_title(
    said: list[Said], titles: dict[str, tuple[str, date | None]], expected: str | None
) -> None:
    day = APRIL_1 if not said or said[0] is WARNED else date(1997, 4, 2)
    assert best_title(day, said, titles) == expected


MARCH_21 = date(1997, 3, 21)


@pytest.mark.parametrize(
    ("said", "expected"),
    [
        # a later report's sentence whose main clause is about another day: the next sentence heads
        (
            [
                Said(
                    "The army sent in the bulldozers again on Thursday to tear down the home of Abdel Rahman "
                    "Ghanimat, who has been linked to the suicide bomber who killed three Israeli women in "
                    "Tel Aviv on March 21.",
                    "x",
                    date(1997, 4, 17),
                    True,
                ),
                Said(
                    "Three Israelis were killed by a Palestinian suicide bomber in Tel Aviv on March 21.",
                    "y",
                    date(1997, 4, 17),
                    True,
                ),
            ],
            "Three Israelis were killed by a Palestinian suicide bomber in Tel Aviv",
        ),
        # a quotation is someone's words, not what happened
        (
            [
                Said(
                    "“We will not give in,” the mayor of Tel Aviv said after the bombing.",
                    "x",
                    MARCH_21,
                    False,
                ),
                Said("A suicide bomber killed three people in a Tel Aviv cafe.", "y", MARCH_21, False),
            ],
            "A suicide bomber killed three people in a Tel Aviv cafe",
        ),
        # a main clause opening with a pronoun points back to an unseen sentence: the next one heads
        (
            [
                Said(
                    "He was the first defector since Hwang arrived in Seoul on March 21.", "x", MARCH_21, True
                ),
                Said("Hwang Jang-Yop, the North's top ideologue, arrived in Seoul.", "y", MARCH_21, False),
            ],
            "Hwang Jang-Yop, the North's top ideologue, arrived in Seoul",
        ),
        (
            [Said("It was the first such attack since March 21.", "x", MARCH_21, True)],
            "It was the first such attack since March 21",
        ),
        # no main clause can head: a subordinate clause that names the day does
        (
            [
                Said(
                    "He was the first defector since the North's top ideologue Hwang Jang-Yop arrived in"
                    " Seoul on March 21, 67 days after he sought asylum.",
                    "x",
                    MARCH_21,
                    True,
                ),
                Said("The North put forth the “three-plus-one” formula on March 21.", "y", MARCH_21, True),
            ],
            "The North's top ideologue Hwang Jang-Yop arrived in Seoul",
        ),
        # ... but not one about another day
        (
            [
                Said(
                    "He was the first defector since Hwang Jang-Yop arrived in Seoul in 1996.",
                    "x",
                    MARCH_21,
                    True,
                )
            ],
            "He was the first defector since Hwang Jang-Yop arrived in Seoul in 1996",
        ),
        # a question, a broken split (lower-case start), a clause with a cut quotation: not readable
        (
            [
                Said("Where are they in Haiti ?", "x", MARCH_21, False),
                Said("gov last month , as people visited the website .", "x", MARCH_21, False),
                Said(
                    "She said the US would be `` here today , tomorrow '' , he added .", "x", MARCH_21, False
                ),
                Said("Rescuers pulled a girl from the rubble of a school .", "y", MARCH_21, False),
            ],
            "Rescuers pulled a girl from the rubble of a school",
        ),
        # no sentence names the day in its main clause: the first one all the same
        (
            [
                Said(
                    "The army tore down the home of a man, who was linked to the March 21 bomber.",
                    "x",
                    None,
                    True,
                )
            ],
            "The army tore down the home of a man",
        ),
        ([], ""),
    ],
)
def test_story_headline_main_clause(said: list[Said], expected: str) -> None:
    assert main_clause(MARCH_21, said) == expected


def test_story_headline_prefers_a_title_then_the_main_clause() -> None:
    assert headline(APRIL_1, [WARNED], TITLES) == "China warns US after Gingrich comments on Taiwan"
    assert headline(APRIL_1, [WARNED], {}) == "Beijing warned the United States against interfering in Taiwan"


def test_story_headline_in_summarise_uses_titles_when_documents_have_them() -> None:
    text = (
        "Floodwater from the river Alder covered most of Brill on March 1, 2024, after three days of rain, "
        "officials said. Hundreds of families left their homes in Brill."
    )
    titled = [Document("a", text, date(2024, 3, 1), title="Floods force hundreds from their homes in Brill")]
    plain = [Document("a", text, date(2024, 3, 1))]
    (with_title,) = summarise(titled, dates=1, per_date=2)["headline"]
    (without,) = summarise(plain, dates=1, per_date=2)["headline"]
    assert with_title == "Floods force hundreds from their homes in Brill"
    assert without == "Floodwater from the river Alder covered most of Brill"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"junk_titles": [{"regex": "x"}], "clause_rules": [{"id": "bad", "regex": "("}]}, "bad: regex"),
        ({"junk_titles": []}, "one [[junk_titles]]"),
        ({"junk_titles": [{"regex": "x", "examples": [["a", "b", "c"]]}]}, "[text, expected]"),
        ({"junk_titles": [{"regex": "x"}], "day_clause_openers": ["since|"]}, "day_clause_openers"),
    ],
)
def test_story_headline_bad_rules_are_named(data: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_rules(data)
