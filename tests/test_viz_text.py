"""Escaping and highlighting of untrusted article text (hover labels, sentences, documents)."""

from __future__ import annotations

import pytest

from extract import schema as S
from extract.viz import text as T
from extract.viz.synthetic import sample_events

ROWS = sample_events().to_dict("records")
HOSTILE = ROWS[7]


@pytest.mark.parametrize(
    ("text", "spans", "expected"),
    [
        (
            "Yoon met Xi",
            [(0, 4, "actor"), (9, 11, "actor")],
            '<mark class="actor">Yoon</mark> met <mark class="actor">Xi</mark>',
        ),
        ("a <b> c", [(2, 5, "time")], 'a <mark class="time">&lt;b&gt;</mark> c'),
        (
            "overlap",
            [(0, 4, "time"), (2, 7, "actor")],
            '<mark class="time">over</mark><mark class="actor">lap</mark>',
        ),
        ("out of range", [(50, 60, "time"), (-5, 0, "time")], "out of range"),  # nothing to mark
        ("line\nbreak", [], "line<br>break"),
        ("", [(0, 3, "time")], ""),
    ],
)
def test_text_highlight_html_marks_spans_and_escapes(text: str, spans: list, expected: str) -> None:
    assert T.highlight_html(text, spans) == expected


def test_text_hover_html_escapes_every_piece_of_user_text() -> None:
    hover = T.hover_html(HOSTILE)
    assert "<img" not in hover and "<script" not in hover
    assert "&lt;img src=x onerror=alert(1)&gt;" in hover
    assert hover.count("<b>") == 1  # the only tags are our own


def test_text_hover_texts_equal_hover_html_row_by_row() -> None:
    frame = sample_events()
    assert T.hover_texts(frame) == [T.hover_html(r) for r in frame.to_dict("records")]
    assert T.hover_texts(frame.drop(columns=[S.EVENT_ID])) == T.hover_texts(frame)
    assert T.hover_texts(frame.iloc[0:0]) == []


def test_text_event_sentence_highlights_time_and_actors_escaped() -> None:
    html = T.event_sentence_html(ROWS[0])
    assert '<mark class="time">on Saturday</mark>' in html
    assert '<mark class="actor">' not in html  # canonical names do not occur verbatim in this label
    hostile = T.event_sentence_html(HOSTILE)
    assert (
        "<img" not in hostile and "<script" not in hostile and '<mark class="time">Friday</mark>' in hostile
    )


def test_text_event_sentence_underlines_the_clause_and_clips_marks_to_it() -> None:
    row = dict(ROWS[1])
    sentence = row[S.SENTENCE]  # "North Korea sent troops to Russia last month."
    row[S.CHAR_START] = row[S.SENTENCE_START] + sentence.index("sent")
    row[S.CHAR_END] = row[S.SENTENCE_START] + sentence.index(" last")
    html = T.event_sentence_html(row)
    assert html.startswith('<mark class="actor">North Korea</mark> <span class="clause">sent troops to ')
    assert '<mark class="actor">Russia</mark></span> <mark class="time">last month</mark>' in html


def test_text_document_html_marks_time_cues_by_offset() -> None:
    text = "x" * 100 + ROWS[1][S.SENTENCE]
    events = sample_events().iloc[[1]]
    assert '<mark class="time">last month</mark>' in T.document_html(text, events)


@pytest.mark.parametrize(
    ("index", "expected"),
    [
        (3, "'recently' → 2024-08-16 … 2024-11-15 (vague: only roughly this period)"),
        (0, "'on Saturday' → 2024-11-16 (date stated in the text)"),
        (1, "'last month' → 2024-10-01 … 2024-10-31 (worked out from the article date)"),  # inclusive end
        (2, "2024-11-16 (no time in the sentence: the article's date)"),
    ],
)
def test_text_resolution_text_says_how_the_time_was_found(index: int, expected: str) -> None:
    assert T.resolution_text(ROWS[index]) == expected


@pytest.mark.parametrize(
    ("text", "must_not_contain"),
    [
        ("![x](http://evil.example/t.png)", "!["),
        ("[click](javascript:alert(1))", "]("),
        ("**bold** _it_ `code`", "**"),
        ("<b>tag</b>", "<b>"),
    ],
)
def test_text_md_makes_markdown_literal(text: str, must_not_contain: str) -> None:
    out = T.md(text)
    assert must_not_contain not in out
    assert out.replace("\\", "") == text  # only backslashes were added


def test_text_md_plain_text_is_unchanged_apart_from_escapes() -> None:
    assert T.md("Yoon Suk Yeol") == "Yoon Suk Yeol" and T.md(None) == ""


def test_text_event_sentence_finds_actors_by_their_aliases_too() -> None:
    row = dict(ROWS[1])
    row[S.SENTENCE] = "Pyongyang sent troops to Moscow last month."
    row[S.CHAR_START], row[S.CHAR_END] = row[S.SENTENCE_START], row[S.SENTENCE_START] + len(row[S.SENTENCE])
    row[S.TIME_CHAR_START] = row[S.TIME_CHAR_END] = None
    row[S.TIME_TEXT] = "last month"
    aliases = {"North Korea": ["Pyongyang"], "Russia": ["Moscow"]}
    html = T.event_sentence_html(row, aliases)
    assert '<mark class="actor">Pyongyang</mark>' in html and '<mark class="actor">Moscow</mark>' in html
    assert '<mark class="actor">' not in T.event_sentence_html(row)  # canonical names alone: nothing


def test_frames_actor_aliases_from_the_actors_frame() -> None:
    from extract.viz.frames import actor_aliases

    actors = S.conform(
        [
            {S.ACTOR: "North Korea", S.ALIASES: ["Pyongyang"], S.MENTIONS: 2, S.DOC_COUNT: 1},
            {S.ACTOR: "Lima", S.ALIASES: [], S.MENTIONS: 1, S.DOC_COUNT: 1},
        ],
        S.ACTORS_FRAME,
    )
    assert actor_aliases(actors) == {"North Korea": ["Pyongyang"]}
    assert actor_aliases(S.empty_frame(S.ACTORS_FRAME)) == {}


def test_text_hover_texts_equal_hover_html_on_the_demo_events() -> None:
    from extract.viz.demo import shipped_extraction

    events = shipped_extraction().events  # real rows: periods, times of day, missing ends and actors
    assert T.hover_texts(events) == [T.hover_html(r) for r in events.to_dict("records")]


@pytest.mark.parametrize(
    ("rule", "expected"),
    [
        ("lexicon:verb;time:narrative", "the story's day: the sentence gives no time for it"),
        (
            "lexicon:verb;source:pronoun;time:reporting_clause",
            "the day it was said: the sentence gives no time for the event itself",
        ),
        ("lexicon:verb;time:governing_clause", "from the clause it depends on"),
        # its own cue, or the article's date (said by the kind): nothing to add
        ("lexicon:verb;time:in_clause", ""),
        ("lexicon:verb;time:publication", ""),
        ("", ""),
    ],
)
def test_text_time_source_says_where_a_borrowed_time_came_from(rule: str, expected: str) -> None:
    assert T.time_source_text({S.RULE: rule}) == expected


@pytest.mark.parametrize(
    ("titles", "shown", "absent"),
    [
        # the article by its title, escaped like every other piece of user text
        ({"a": "Summit <b>news</b>"}, "article: Summit &lt;b&gt;news&lt;/b&gt; (published", "article: a ("),
        # no title known: the id, as before
        ({}, "article: a (published", "Summit"),
        (None, "article: a (published", "Summit"),
    ],
)
def test_text_hover_names_the_article_by_its_title(
    titles: dict[str, str] | None, shown: str, absent: str
) -> None:
    frame = sample_events()
    first = frame[frame[S.DOC_ID] == "a"].head(1)
    label = T.hover_texts(first, titles)[0]
    assert shown in label and absent not in label
    assert T.hover_html(first.to_dict("records")[0], titles) == label
