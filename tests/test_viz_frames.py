"""Filtering the events frame and turning it into lane rows (one per event and lane value)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from extract import schema as S
from extract.filters import Filters
from extract.viz import frames as F
from extract.viz.synthetic import XSS, replicate, sample_actors, sample_events

EVENTS = sample_events()
ALL = set(EVENTS[S.EVENT_ID])


def ids(frame: pd.DataFrame) -> set[str]:
    return set(frame[S.EVENT_ID])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (Filters(actors=("Xi Jinping",)), {"a:0", "a:2", "a:4"}),
        (Filters(countries=("PRK",)), {"a:1", "a:3"}),
        (Filters(countries=("PRK", "UKR")), {"a:1", "a:3", "b:5", "b:6", "b:7"}),
        (Filters(event_types=("FIGHT",)), {"a:3", "b:5"}),
        (Filters(doc_ids=("b",)), {"b:5", "b:6", "b:7", "b:8"}),
        (
            Filters(time_kinds=tuple(k for k in S.TIME_KINDS if k not in ("vague", "publication"))),
            ALL - {"a:2", "a:3"},
        ),
        (Filters(date_from=date(2024, 1, 1)), {"a:0", "a:1", "a:2", "a:3", "a:4"}),
        (Filters(date_from=date(2024, 11, 16), date_to=date(2024, 11, 16)), {"a:0", "a:2"}),  # half-open
        (Filters(date_from=date(2024, 11, 15), date_to=date(2024, 11, 15)), {"a:3"}),
        (Filters(date_to=date(2006, 3, 2)), {"b:5", "b:6"}),
        (Filters(hide_hypothetical=True, hide_future=True, hide_negated=True), ALL - {"a:4", "b:5", "b:6"}),
        (Filters(search="NORTH korea"), {"a:1", "a:3"}),
        (Filters(search="<script>"), {"b:7"}),
        # filters that must find nothing
        (Filters(actors=("Nobody",)), set()),
        (Filters(countries=("FRA",)), set()),
        (Filters(date_from=date(2030, 1, 1)), set()),
        (Filters(event_types=("FIGHT",), doc_ids=("a",), countries=("RUS",)), set()),
        (Filters(search="zzzz"), set()),
    ],
)
def test_frames_apply_filters_keeps_exactly_the_matching_events(filters: Filters, expected: set[str]) -> None:
    out = F.apply_filters(EVENTS, filters)
    assert ids(out) == expected
    assert list(out.columns) == S.names(S.EVENTS)


def test_frames_apply_filters_on_empty_frame_is_empty_with_schema() -> None:
    out = F.apply_filters(S.empty_frame(S.EVENTS), Filters(countries=("PRK",)))
    assert len(out) == 0 and list(out.dtypes.astype(str)) == [c.dtype for c in S.EVENTS]


def test_frames_time_style_tells_instants_intervals_vague_and_publication_apart() -> None:
    styles = dict(zip(EVENTS[S.EVENT_ID], F.time_style(EVENTS), strict=True))
    assert styles["a:0"] == F.INSTANT and styles["a:1"] == F.INTERVAL
    assert styles["a:3"] == F.VAGUE and styles["a:2"] == F.PUBLICATION


@pytest.mark.parametrize(
    ("lane", "filters", "lanes"),
    [
        (
            "actor",
            Filters(),
            {"Yoon Suk Yeol", "Xi Jinping", "North Korea", "Russia", "Ukraine", f"Evil {XSS}", F.NO_VALUE},
        ),
        ("actor", Filters(countries=("PRK",)), {"North Korea", "Russia"}),  # counterparts stay
        ("actor", Filters(actors=("Xi Jinping",)), {"Xi Jinping", "Yoon Suk Yeol"}),
        ("country", Filters(countries=("PRK",)), {"PRK", "RUS"}),
        ("country", Filters(), {"KOR", "CHN", "PRK", "RUS", "UKR", F.NO_VALUE}),
        ("type", Filters(event_types=("FIGHT",)), {"FIGHT"}),
        ("actor", Filters(countries=("FRA",)), set()),
    ],
)
def test_frames_lane_rows_draw_matching_events_with_their_counterparts(
    lane: str, filters: Filters, lanes: set[str]
) -> None:
    rows = F.lane_rows(F.apply_filters(EVENTS, filters), lane, filters, F.actor_countries(sample_actors()))
    assert set(rows[F.LANE]) == lanes


def test_frames_lane_rows_one_row_per_event_and_actor_coloured_by_country() -> None:
    rows = F.lane_rows(EVENTS, "actor", Filters(), F.actor_countries(sample_actors()))
    first = rows[rows[S.EVENT_ID] == "a:0"]
    assert sorted(zip(first[F.LANE], first[F.COLOR], strict=True)) == [
        ("Xi Jinping", "CHN"),
        ("Yoon Suk Yeol", "KOR"),
    ]
    interval = rows[rows[S.EVENT_ID] == "a:1"].iloc[0]
    assert interval[F.ROW_END] == pd.Timestamp("2024-11-01")  # bars end at the interval end
    instant = rows[rows[S.EVENT_ID] == "a:0"].iloc[0]
    assert instant[F.ROW_END] == instant[S.START]


def test_frames_lane_rows_leave_out_events_without_a_time() -> None:
    events = EVENTS.copy()
    events.loc[0, S.START] = pd.NaT
    rows = F.lane_rows(events, "type")
    assert "a:0" not in set(rows[S.EVENT_ID]) and len(rows) == len(events) - 1


def test_frames_lane_rows_reject_unknown_lane() -> None:
    with pytest.raises(ValueError, match="unknown lane"):
        F.lane_rows(EVENTS, "planet")


def test_frames_lane_order_puts_the_busiest_first() -> None:
    rows = F.lane_rows(replicate(EVENTS, 90), "actor", Filters(), {})
    order = F.lane_order(rows)
    counts = rows[F.LANE].value_counts()
    named = [v for v in order if v != F.NO_VALUE]
    assert [int(counts[v]) for v in named] == sorted((int(counts[v]) for v in named), reverse=True)
    assert F.lane_order(rows.iloc[0:0]) == []


def test_frames_lane_order_puts_the_none_lane_last_even_when_busiest() -> None:
    counts = pd.Series({F.NO_VALUE: 50, "Xi Jinping": 3, "Yoon Suk Yeol": 3, "China": 9})
    assert F.busiest_first(counts) == ["China", "Xi Jinping", "Yoon Suk Yeol", F.NO_VALUE]


def test_frames_actors_in_view_counts_filtered_events_busiest_first() -> None:
    actors = S.conform(
        [{S.ACTOR: a, S.MENTIONS: 1, S.DOC_COUNT: 1} for a in ("Lima", "Xi Jinping", "Yoon Suk Yeol")],
        S.ACTORS_FRAME,
    )
    events = S.conform(
        [
            {S.CHAR_START: 0, S.CHAR_END: 1, S.SENTENCE_START: 0, S.ACTORS: xs}
            for xs in (["Xi Jinping", "Yoon Suk Yeol"], ["Xi Jinping"])
        ],
        S.EVENTS,
    )
    got = F.actors_in_view(actors, events)
    assert got[S.ACTOR].tolist() == ["Xi Jinping", "Yoon Suk Yeol", "Lima"]
    assert got[F.IN_VIEW].tolist() == [2, 1, 0]


PLACES = frozenset({"Korean Peninsula", "South China Sea"})


@pytest.mark.parametrize(
    ("actors", "chosen", "lane", "expected"),
    [
        # a place beside an actor: the event is drawn in the actor's lane only
        (["China", "Korean Peninsula"], (), "actor", ["China"]),
        (["China", "Vietnam", "South China Sea"], (), "actor", ["China", "Vietnam"]),
        # only places: the place is the event's lane (better than no lane at all)
        (["South China Sea"], (), "actor", ["South China Sea"]),
        # a place the reader chose in the Actor filter keeps its lane
        (["China", "Korean Peninsula"], ("Korean Peninsula",), "actor", ["China", "Korean Peninsula"]),
        # no place at all: nothing changes
        (["China", "Japan"], (), "actor", ["China", "Japan"]),
        # no actor: the "(none)" lane
        ([], (), "actor", [F.NO_VALUE]),
    ],
)
def test_frames_lane_rows_draw_a_place_only_when_no_actor_acts(
    actors: list[str], chosen: tuple[str, ...], lane: str, expected: list[str]
) -> None:
    events = EVENTS.head(1).copy()
    events[S.ACTORS] = [actors]
    rows = F.lane_rows(events, lane, Filters(actors=chosen), {}, places=PLACES)
    assert sorted(rows[F.LANE].astype(str)) == sorted(expected)
    assert F.lane_values(events, lane, PLACES, chosen)[1].tolist() == rows[F.LANE].astype(str).tolist()


def test_frames_places_are_the_place_and_region_actors() -> None:
    actors = S.conform(
        pd.DataFrame(
            {
                S.ACTOR: ["Korean Peninsula", "Beijing", "China", "Yoon Suk Yeol"],
                S.ACTOR_KIND: ["region", "place", "country", "person"],
                S.MENTIONS: [1, 1, 1, 1],
                S.DOC_COUNT: [1, 1, 1, 1],
            }
        ),
        S.ACTORS_FRAME,
    )
    assert F.places(actors) == {"Korean Peninsula", "Beijing"}
    assert F.places(S.empty_frame(S.ACTORS_FRAME)) == frozenset()
