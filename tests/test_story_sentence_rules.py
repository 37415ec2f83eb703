"""Sentence rules of the story layer (extract/rules/story/sentences.toml, extract/story/sentences.py).

Abbreviations and initials end no sentence; wire datelines and page time stamps in an article's
lead are in no sentence, so their date (the publication day) is no mention of a day and never
reaches a summary. The rule file's own examples are checked here, with cases that must find nothing.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract.story.rules import parse_rules, sentence_rules
from extract.story.sentences import furniture_spans, gather, split_sentences
from extract.story.sources import Article

RULES = sentence_rules()


@pytest.mark.parametrize(("text", "expected"), RULES.split_examples, ids=lambda v: str(v)[:30])
def test_sentences_split_examples_of_the_rule_file(text: str, expected: tuple[str, ...]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == list(expected)


SPLITS = [
    ("Dr. Chan of the W.H.O. spoke . \nShe left .", ["Dr. Chan of the W.H.O. spoke .", "She left ."]),
    ("Sen. John Kerry and Rep. Ed Markey wrote to BP.", ["Sen. John Kerry and Rep. Ed Markey wrote to BP."]),
    ("The vote was on Sept. 12. Turnout was low.", ["The vote was on Sept. 12.", "Turnout was low."]),
    # an ordinary word, a number or a closing quote before the stop: the sentence ends
    ("It ended in 2010. The fund paid out.", ["It ended in 2010.", "The fund paid out."]),
    ("Flights resumed. BP shares rose.", ["Flights resumed.", "BP shares rose."]),
    ('"We are safe," he said. Others fled.', ['"We are safe," he said.', "Others fled."]),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_sentences_split_keeps_abbreviations_and_initials_whole(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


FURNITURE = [(f.id, e) for f in RULES.furniture for e in f.examples]
NOT_FURNITURE = [(f.id, e) for f in RULES.furniture for e in f.non_examples]


@pytest.mark.parametrize(("rule", "text"), FURNITURE)
def test_sentences_furniture_examples_match_whole(rule: str, text: str) -> None:
    pattern = next(f for f in RULES.furniture if f.id == rule)
    assert pattern.regex.fullmatch(text), rule
    assert furniture_spans(text) == [(0, len(text))]


@pytest.mark.parametrize(("rule", "text"), NOT_FURNITURE)
def test_sentences_furniture_non_examples_find_nothing(rule: str, text: str) -> None:
    assert furniture_spans(text) == [], rule


REUTERS = (
    "GALLIANO , Louisiana | Mon May 24 , 2010 7:32 pm EDT GALLIANO , Louisiana -LRB- Reuters -RRB- - "
    "The government piled pressure on BP on Monday to clean up the oil spill in the Gulf . \n"
    "BP said it would make another attempt to plug the leak on Wednesday , May 26 ."
)
BBC = (
    "Fergus Walsh | 09:53 AM , Thursday , 21 May 2009 I 've been reporting on swine flu for weeks and "
    "the virus is still spreading ."
)


@pytest.mark.parametrize(
    ("text", "published", "first", "days"),
    [
        (REUTERS, date(2010, 5, 24), "The government piled pressure on BP on Monday", {date(2010, 5, 24): 1}),
        (BBC, date(2009, 5, 21), "I 've been reporting on swine flu", {}),
    ],
    ids=["wire dateline", "blog stamp"],
)
def test_sentences_furniture_is_no_sentence_and_names_no_day(
    text: str, published: date, first: str, days: dict[date, int]
) -> None:
    found = gather([[Article("a", published, text)]], ["bp", "spill", "swine"])
    sentences = [text[a:b] for a, b in split_sentences(text)]
    assert sentences[0].startswith(first)
    named = {d: len(ms) for d, ms in found.mentions.items() if d == published}
    assert named == days  # Reuters: "on Monday" still names the day; the dateline's date does not


def test_sentences_bad_furniture_regex_is_named() -> None:
    with pytest.raises(ValueError, match=r"sentences.toml: furniture 'broken': regex"):
        parse_rules({"furniture": [{"id": "broken", "regex": "(unclosed"}]})
    with pytest.raises(ValueError, match="abbreviations must be a list of strings"):
        parse_rules({"abbreviations": "Mr"})


@pytest.mark.parametrize(("text", "expected"), RULES.escape_examples, ids=lambda v: str(v)[:30])
def test_sentences_escape_examples_of_the_rule_file(text: str, expected: str) -> None:
    assert RULES.unescape(text) == expected


def test_sentences_candidates_show_brackets_not_escape_tokens() -> None:
    text = "The World Health Organization -LRB- WHO -RRB- raised its swine flu alert on Monday ."
    found = gather([[Article("a", date(2009, 4, 27), text)]], ["swine"])
    [sentence] = found.candidates[date(2009, 4, 27)]
    assert sentence.text == "The World Health Organization ( WHO ) raised its swine flu alert on Monday ."
    assert parse_rules({}).unescape(text) == text  # no escapes in the rules: the text is kept


def test_sentences_bad_escape_is_named() -> None:
    with pytest.raises(ValueError, match=r"sentences.toml: escapes '-LRB-': needs a token and a text"):
        parse_rules({"escapes": [{"token": "-LRB-"}]})


def test_sentences_comment_stamps_are_cut_anywhere_and_name_no_day() -> None:
    body = "Syrian forces shelled Homs again on Monday , activists said . \n" * 40  # past the lead
    text = body + "22nd January 2012 - 18:12 The Syrian government has ignored the Arab League monitors ."
    assert len(body) > RULES.lead_chars
    found = gather([[Article("a", date(2012, 1, 23), text)]], ["syria", "syrian"])
    assert date(2012, 1, 22) not in found.mentions  # the reader's stamp is no day of the story
    last = [text[a:b] for a, b in split_sentences(text)][-1]
    assert last == "The Syrian government has ignored the Arab League monitors ."


@pytest.mark.parametrize(
    ("footer", "printed"),
    [
        (
            "A version appeared on p14 of the Main section section of the Guardian on 01.32 BST on "
            "Wednesday 4 August 2010 Follow the latest environment news",
            date(2010, 8, 4),
        ),
        ("A version appeared in the Guardian on 13.07 BST on Tuesday 3 August 2010 .", date(2010, 8, 3)),
    ],
    ids=["page and section", "web only"],
)
def test_sentences_print_notes_are_cut_anywhere_and_name_no_day(footer: str, printed: date) -> None:
    body = "BP said on Monday it would seal the well with mud , officials said . \n" * 40  # past the lead
    found = gather([[Article("a", date(2010, 8, 3), body + footer)]], ["bp", "oil", "spill"])
    assert len(body) > RULES.lead_chars
    assert date(2010, 8, 2) in found.mentions  # "on Monday" of the story still names its day
    assert printed not in found.mentions  # the day the paper printed the page is no day of the story
    assert date(2010, 7, 28) not in found.mentions  # nor the Wednesday before, read from the weekday alone


@pytest.mark.parametrize(
    ("sentence", "days"),
    [
        ("The bottom kill began on Wednesday 4 August 2010 , BP said .", {date(2010, 8, 4)}),
        ("BP said the cement held on Wednesday , 4 August .", {date(2010, 8, 4)}),
        ("BP said the cement held on Wednesday .", {date(2010, 7, 28)}),  # a weekday alone: the one before
        ("BP said on Friday 13 people were hurt .", {date(2010, 7, 30)}),  # no month: a count, no date
    ],
)
def test_sentences_weekday_before_day_and_month_names_one_day(sentence: str, days: set[date]) -> None:
    found = gather([[Article("a", date(2010, 8, 3), sentence)]], ["bp"])
    assert set(found.mentions) == days
