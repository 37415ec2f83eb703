"""Never raise on user text: arbitrary strings give a well-typed frame with offsets inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extract import schema as S
from extract.pipeline import extract_events

WORDS = st.sampled_from(
    [
        "Russia",
        "attacked",
        "Ukraine",
        "said",
        "Xi",
        "Jinping",
        "will",
        "not",
        "meet",
        "Biden",
        "on",
        "Monday",
        "recently",
        "\n",
        "\n\n",
        ".",
        ",",
        "“",
        "”",
        "2 mins read",
        "Photo:",
        "the",
        "in",
        "1997",
    ]
)
TEXTS = st.one_of(st.text(max_size=300), st.lists(WORDS, max_size=60).map(" ".join))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=TEXTS, published=st.sampled_from([None, "2024-11-16", "1997-04-01"]))
@example(text="\n attacked Monday", published=None)  # a row once began on the blank before its sentence
def test_pipeline_robust_any_text(text: str, published: str | None) -> None:
    events = extract_events(text, published)
    assert list(events.columns) == S.names(S.EVENTS)
    assert {k: str(v) for k, v in events.dtypes.items()} == {c.name: c.dtype for c in S.EVENTS}
    for start, end, sent_start in zip(
        events[S.CHAR_START], events[S.CHAR_END], events[S.SENTENCE_START], strict=True
    ):
        assert 0 <= sent_start <= start < end <= len(text)
    assert ((events[S.START] < events[S.END]) | events[S.START].isna() | events[S.END].isna()).all()
