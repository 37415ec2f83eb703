"""summarise (extract/story) on a tiny hand-made corpus whose key dates and sentences are known.

The corpus: a flood in the (invented) town of Brill. Four reports name 1 March 2024 (the flood),
two name 5 March (the dam repaired), one names 3 March in passing; an off-topic report about a
football match names 4 March three times. Answers were decided by reading the texts: with
dates=2 the days are 1 and 5 March; with keywords the football day never appears.
"""

from __future__ import annotations

from datetime import date

import pytest

from extract import schema as S
from extract.model import Document
from extract.story import summarise
from extract.story.sentences import split_sentences

DOCS = [
    Document(
        "a",
        "The river Alder flooded the town of Brill on March 1, 2024, forcing hundreds of families from their homes. "
        "Rescue teams worked through the night.",
        date(2024, 3, 2),
    ),
    Document(
        "b",
        "Floodwater from the Alder covered most of Brill on March 1, 2024, and hundreds of families left their homes. "
        "The mayor asked for army help to rebuild the flood defences.",
        date(2024, 3, 2),
    ),
    Document(
        "c",
        "Brill residents recalled how the Alder flood of March 1 destroyed the old bridge and the market square. "
        "Engineers said on March 5 that the dam at Brill had been repaired after the flood.",
        date(2024, 3, 6),
    ),
    Document(
        "d",
        "The flood in Brill on March 1 was the worst in fifty years, officials of the county said. "
        "On March 3 the county opened two shelters for flood victims in Brill.",
        date(2024, 3, 4),
    ),
    Document(
        "e",
        "Workers finished repairing the Brill dam on March 5, closing the breach that caused the flood. "
        "Insurers estimated the flood damage at ten million euros.",
        date(2024, 3, 6),
    ),
    Document(
        "f",
        "The football match in Oxley on March 4 drew a record crowd of fans. "
        "Fans queued outside the stadium on March 4 since dawn, and on March 4 the club sold every ticket.",
        date(2024, 3, 5),
    ),
]


def test_the_days_said_most_about_come_first() -> None:
    out = summarise(DOCS, dates=2, per_date=1)
    assert [d.date() for d in out[S.DATE]] == [date(2024, 3, 1), date(2024, 3, 5)]
    assert list(out[S.RANK]) == [1, 2]
    assert "flood" in out[S.SUMMARY].iloc[0][0].lower()
    assert "dam" in out[S.SUMMARY].iloc[1][0].lower()
    assert set(out[S.SOURCES].iloc[0]) >= {out[S.SUMMARY_DOCS].iloc[0][0]}


@pytest.mark.parametrize(
    ("focus", "first"),
    [
        (["d"], date(2024, 3, 4)),  # d came out on 4 March, a day nobody else speaks of: it leads
        (["c", "e"], date(2024, 3, 6)),  # both published on 6 March
        (["nobody"], date(2024, 3, 1)),  # an unknown id changes nothing
        ([], date(2024, 3, 1)),
    ],
)
def test_summarise_focus_documents_put_their_day_first(focus: list[str], first: date) -> None:
    out = summarise(DOCS, dates=2, per_date=1, focus=focus)
    by_rank = out.sort_values(S.RANK)
    assert by_rank[S.DATE].iloc[0].date() == first
    assert len(out) == 2 and out[S.DATE].is_monotonic_increasing


def test_summarise_focus_on_a_day_without_a_summary_sentence_is_left_out() -> None:
    # g, out on 9 March, holds no sentence long enough to summarise a day: no entry for its day
    brief = Document("g", "Brill flood: more rain.", date(2024, 3, 9))
    out = summarise([*DOCS, brief], dates=2, per_date=1, focus=["g"])
    assert [d.date() for d in out[S.DATE]] == [date(2024, 3, 1), date(2024, 3, 5)]


def test_keywords_keep_off_topic_days_and_sentences_out() -> None:
    out = summarise(DOCS, dates=5, per_date=3, keywords=["flood", "dam"])
    assert date(2024, 3, 4) not in {d.date() for d in out[S.DATE]}
    for sentences in out[S.SUMMARY]:
        assert all("flood" in s.lower() or "dam" in s.lower() for s in sentences)


def test_two_sentences_saying_the_same_are_not_both_chosen() -> None:
    out = summarise(DOCS, dates=1, per_date=2)
    first, *rest = out[S.SUMMARY].iloc[0]
    # a's and b's first sentences say the same thing; at most one of them is kept
    same = {
        "The river Alder flooded the town of Brill on March 1, 2024, forcing hundreds of families from their homes.",
        "Floodwater from the Alder covered most of Brill on March 1, 2024, and hundreds of families left their homes.",
    }
    assert len(same & {first, *rest}) <= 1


def test_the_span_leaves_out_articles_published_outside_it() -> None:
    out = summarise(DOCS, dates=3, per_date=2, start=date(2024, 3, 5), end=date(2024, 3, 6))
    assert all(doc in {"c", "e", "f"} for docs in out[S.SUMMARY_DOCS] for doc in docs)
    assert all(d.date() >= date(2024, 3, 5) for d in out[S.DATE])


@pytest.mark.parametrize(("dates", "per_date"), [(1, 1), (3, 2), (10, 4)])
def test_never_more_than_k_dates_or_l_sentences(dates: int, per_date: int) -> None:
    out = summarise(DOCS, dates=dates, per_date=per_date)
    assert len(out) <= dates and all(len(s) <= per_date for s in out[S.SUMMARY])
    assert out[S.DATE].is_monotonic_increasing


@pytest.mark.parametrize(
    "docs",
    [[], [Document("x", "No date is named here at all, nor anywhere else.", None)]],
    ids=["no documents", "nothing dated"],
)
def test_nothing_to_summarise_is_an_empty_typed_frame(docs: list[Document]) -> None:
    out = summarise(docs, dates=3, per_date=2)
    assert len(out) == 0 and list(out.columns) == S.names(S.STORY)


def test_bad_arguments_are_refused_by_name() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        summarise(DOCS, start=date(2024, 3, 5), end=date(2024, 3, 1))
    with pytest.raises(TypeError, match="Extraction, a Store or a list of Documents"):
        summarise("not a corpus")


SPLITS = [
    ("Rain fell. Then it stopped.", ["Rain fell.", "Then it stopped."]),
    ("The U.S. army left. It was 3 p.m. on Monday.", ["The U.S. army left.", "It was 3 p.m. on Monday."]),
    ('"We are safe," he said. A line\nanother line', ['"We are safe," he said.', "A line", "another line"]),
    ("tokenised text , as distributed . \nNext line .", ["tokenised text , as distributed .", "Next line ."]),
    ("", []),
    ("   \n\n  ", []),
]


@pytest.mark.parametrize(("text", "expected"), SPLITS)
def test_sentence_split(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == expected


def test_undated_documents_are_read_and_left_out_of_a_span() -> None:
    from extract.model import Extraction, documents_frame

    undated = Document("u", "On March 1, 2024 the Alder flooded Brill again, residents said.", None)
    result = Extraction(documents=documents_frame([*DOCS, undated]))
    assert summarise(result, dates=1, per_date=1)[S.DATE].iloc[0].date() == date(2024, 3, 1)
    spanned = summarise(result, dates=5, per_date=5, start=date(2024, 3, 1), end=date(2024, 3, 31))
    assert "u" not in {d for docs in spanned[S.SUMMARY_DOCS] for d in docs}


def test_a_sentence_naming_two_days_summarises_only_one() -> None:
    docs = [
        Document(
            "a",
            "The flood reached Brill on March 1, 2024 and the dam broke on March 2, 2024, officials said.",
            date(2024, 3, 3),
        ),
        Document(
            "b",
            "Rescuers reached Brill on March 1, 2024 with boats and blankets for the families.",
            date(2024, 3, 3),
        ),
        Document(
            "c",
            "The dam at Brill broke on March 2, 2024 after a night of heavy rain upstream.",
            date(2024, 3, 3),
        ),
    ]
    out = summarise(docs, dates=2, per_date=2)
    sentences = [s for summary in out[S.SUMMARY] for s in summary]
    assert len(out) == 2 and len(sentences) == len(set(sentences))
