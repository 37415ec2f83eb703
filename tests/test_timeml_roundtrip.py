"""TimeML I/O: plain text and offset map, gold cues, and tagging that changes nothing else."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract import schema as S
from extract.eval.insert import insert_timex
from extract.eval.timeml import TimeMLError, parse_timeml, strip_timex

HEAD = '<?xml version="1.0" ?>\r\n<TimeML>\r\n<DOCID>d1</DOCID>\r\n'
DCT = '<DCT><TIMEX3 tid="t0" type="TIME" value="1998-11-20T19:30" functionInDocument="CREATION_TIME">x</TIMEX3></DCT>\r\n'
BODY = (
    'AT&amp;T <EVENT eid="e1" class="OCCURRENCE">said</EVENT> on '
    '<TIMEX3 tid="t3" type="DATE" value="1998-11-16">Monday</TIMEX3> it <EVENT eid="e2">sold</EVENT> '
    'shares <SIGNAL sid="s1">for</SIGNAL> <TIMEX3 tid="t7" type="DURATION" value="P2W">two weeks</TIMEX3>'
    ' &lt;b&gt; ending <EVENT eid="e3">this week</EVENT>.\r\n'
)
GOLD_FILE = (
    HEAD + DCT + "<TEXT>" + BODY + "</TEXT>\r\n" + '<TLINK lid="l1" relatedToTime="t7"/>\r\n</TimeML>\r\n'
)
PLAIN = "AT&T said on Monday it sold shares for two weeks <b> ending this week.\r\n"


def cues(spans: list[tuple[int, int]], kind: str = "DATE", value: str = "X") -> pd.DataFrame:
    rows = [{S.CHAR_START: a, S.CHAR_END: b, S.TIME_TYPE: kind, S.TIME_VALUE: value} for a, b in spans]
    return S.conform(rows, S.TIME_CUES)


def test_timeml_parse_plain_text_dct_and_gold() -> None:
    doc = parse_timeml(GOLD_FILE, doc_id="d1")
    assert doc.text == PLAIN
    assert doc.dct == date(1998, 11, 20)
    assert doc.max_tid == 7
    got = list(zip(doc.gold[S.TIME_TEXT], doc.gold[S.TIME_TYPE], doc.gold[S.TIME_VALUE], strict=True))
    assert got == [("Monday", "DATE", "1998-11-16"), ("two weeks", "DURATION", "P2W")]
    for _, row in doc.gold.iterrows():
        assert PLAIN[row[S.CHAR_START] : row[S.CHAR_END]] == row[S.TIME_TEXT]


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("<TimeML><TEXT>a <EVENT>b</TEXT></TimeML>", "XML"),
        ("<TimeML><DCT/>no text element</TimeML>", "TEXT"),
        ("not xml at all", "XML"),
    ],
)
def test_timeml_parse_rejects_broken_input(raw: str, message: str) -> None:
    with pytest.raises(TimeMLError, match=message):
        parse_timeml(raw)


def test_timeml_parse_without_dct_or_timex() -> None:
    doc = parse_timeml("<TimeML><TEXT>nothing here</TEXT></TimeML>")
    assert doc.dct is None and doc.gold.empty and doc.text == "nothing here"


# (plain span, expected raw substring after tagging, or None when the cue must be dropped)
PLACEMENTS = [
    ((0, 4), '<TIMEX3 tid="t8" type="DATE" value="X">AT&amp;T</TIMEX3>'),  # entity kept whole
    (
        (5, 9),
        '<TIMEX3 tid="t8" type="DATE" value="X"><EVENT eid="e1" class="OCCURRENCE">said</EVENT></TIMEX3>',
    ),
    ((60, 69), '<TIMEX3 tid="t8" type="DATE" value="X"><EVENT eid="e3">this week</EVENT></TIMEX3>'),
    ((65, 69), '<EVENT eid="e3">this <TIMEX3 tid="t8" type="DATE" value="X">week</TIMEX3></EVENT>'),
    ((53, 65), None),  # "ending this " crosses into the EVENT: dropped
    ((49, 52), '<TIMEX3 tid="t8" type="DATE" value="X">&lt;b&gt;</TIMEX3>'),
]


@pytest.mark.parametrize(("span", "expected"), PLACEMENTS)
def test_timeml_insert_placement(span: tuple[int, int], expected: str | None) -> None:
    doc = parse_timeml(strip_timex(GOLD_FILE))
    out, dropped = insert_timex(doc, cues([span]))
    ET.fromstring(out.encode())
    if expected is None:
        assert dropped == 1 and out == doc.raw
    else:
        assert dropped == 0 and expected in out
        assert parse_timeml(out).gold[S.TIME_TEXT].tolist() == [PLAIN[span[0] : span[1]]]


def test_timeml_insert_overlapping_cues_keeps_longest() -> None:
    doc = parse_timeml(strip_timex(GOLD_FILE))
    out, dropped = insert_timex(doc, cues([(13, 19), (10, 19), (16, 25)]))
    assert dropped == 2
    assert parse_timeml(out).gold[S.TIME_TEXT].tolist() == ["on Monday"]


def test_timeml_roundtrip_gold_cues_back_in_place() -> None:
    gold = parse_timeml(GOLD_FILE)
    base = parse_timeml(strip_timex(GOLD_FILE))
    out, dropped = insert_timex(base, gold.gold)
    assert dropped == 0
    assert strip_timex(out).encode() == strip_timex(GOLD_FILE).encode()
    again = parse_timeml(out).gold
    assert again[[S.CHAR_START, S.CHAR_END, S.TIME_TYPE, S.TIME_VALUE]].equals(
        gold.gold[[S.CHAR_START, S.CHAR_END, S.TIME_TYPE, S.TIME_VALUE]]
    )
    assert 'tid="t8"' in out and 'tid="t9"' in out  # numbered after the highest existing tid


def test_timeml_strip_keeps_dct() -> None:
    stripped = strip_timex(GOLD_FILE)
    assert "<TIMEX3" in stripped.split("<TEXT>")[0]
    assert "TIMEX3" not in stripped.split("<TEXT>")[1].split("</TEXT>")[0]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(PLAIN)), st.integers(1, 12)), max_size=8))
def test_timeml_roundtrip_any_spans(spans: list[tuple[int, int]]) -> None:
    base = parse_timeml(strip_timex(GOLD_FILE))
    frame = cues([(a, min(a + n, len(PLAIN))) for a, n in spans if a < len(PLAIN)])
    out, dropped = insert_timex(base, frame)
    ET.fromstring(out.encode())  # well-formed whatever the spans
    assert strip_timex(out) == base.raw  # nothing else changed
    written = parse_timeml(out).gold
    assert len(written) + dropped == len(frame)
    kept = set(zip(frame[S.CHAR_START], frame[S.CHAR_END], strict=True))
    assert set(zip(written[S.CHAR_START], written[S.CHAR_END], strict=True)) <= kept
