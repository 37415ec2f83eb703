"""Query parameters ⇄ view: round trips, canonical encoding, malformed input ignored."""

from __future__ import annotations

from datetime import date
from urllib.parse import parse_qs, urlencode

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract import schema as S
from extract.filters import Filters
from extract.viz.params import filters_to_params, params_to_filters, params_to_view, query_updates

VIEWS = [
    (Filters(), "actor", None),
    (Filters(countries=("PRK",)), "actor", None),
    (Filters(actors=("Xi Jinping", "Kim, Jong-un"), event_types=("REQUEST",)), "country", None),
    (Filters(doc_ids=("a", "b~2"), date_from=date(2024, 1, 1), date_to=date(2024, 12, 31)), "type", "news"),
    (
        Filters(time_kinds=("absolute", "relative", "duration", "set")),
        "actor",
        None,
    ),  # hide=vague,publication
    (Filters(time_kinds=("absolute",)), "actor", None),
    (
        Filters(
            hide_hypothetical=True, hide_future=True, hide_negated=True, search="troops, 'missiles' & <b>"
        ),
        "actor",
        None,
    ),
    (Filters(date_from=date(1066, 10, 14)), "actor", None),
]


@pytest.mark.parametrize(("filters", "lane", "store"), VIEWS)
def test_params_round_trip_through_a_url(filters: Filters, lane: str, store: str | None) -> None:
    query = urlencode(filters_to_params(filters, lane=lane, store=store), doseq=True)
    view = params_to_view(parse_qs(query))
    assert (view.filters, view.lane, view.store) == (filters, lane, store)


def test_params_default_view_is_an_empty_query() -> None:
    assert filters_to_params(Filters()) == {}
    assert params_to_filters({}) == Filters()


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "prk,kor"}, Filters(countries=("PRK", "KOR"))),
        ({"hide": ["vague"]}, Filters(time_kinds=tuple(k for k in S.TIME_KINDS if k != "vague"))),
        ({"kind": ["relative", "absolute"]}, Filters(time_kinds=("absolute", "relative"))),
        ({"hide": "future,negated"}, Filters(hide_future=True, hide_negated=True)),
        ({"from": "not-a-date", "to": "2024-13-40"}, Filters()),
        ({"kind": "sometimes", "lane": "planet", "zzz": "1"}, Filters()),
        ({"actor": ["", "  "], "q": ""}, Filters()),
    ],
)
def test_params_decoding_normalises_and_ignores_garbage(params: dict, expected: Filters) -> None:
    assert params_to_filters(params) == expected
    assert params_to_view(params).lane in ("actor", "country", "type")


_names = (
    st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20)
    .map(str.strip)
    .filter(bool)
)
_codes = st.sampled_from(["PRK", "KOR", "CHN", "RUS", "UKR", "USA"])


@given(
    actors=st.lists(_names, max_size=3, unique=True),
    countries=st.lists(_codes, max_size=3, unique=True),
    search=st.one_of(st.just(""), _names),
    day=st.one_of(st.none(), st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))),
    flags=st.tuples(st.booleans(), st.booleans(), st.booleans()),
)
def test_params_round_trip_any_filters(
    actors: list[str], countries: list[str], search: str, day: date | None, flags: tuple[bool, bool, bool]
) -> None:
    f = Filters(
        actors=tuple(actors),
        countries=tuple(countries),
        search=search,
        date_to=day,
        hide_hypothetical=flags[0],
        hide_future=flags[1],
        hide_negated=flags[2],
    )
    assert params_to_filters(parse_qs(urlencode(filters_to_params(f), doseq=True))) == f


@pytest.mark.parametrize("store", ["/etc", "../secrets", "a/b", "C:\\x", "..", ".hidden"])
def test_params_store_in_a_link_is_a_name_never_a_path(store: str) -> None:
    assert params_to_view({"store": store}).store is None
    assert "store" not in filters_to_params(Filters(), store=store)


@pytest.mark.parametrize(
    ("current", "wanted", "stale", "changed"),
    [
        ({}, {}, [], {}),  # nothing to do
        ({"country": ["PRK"]}, {"country": ["PRK"]}, [], {}),  # already there: nothing
        ({"tab": ["Timeline"]}, {}, [], {}),  # the open tab is bound: never deleted
        ({}, {"tab": ["Map"]}, [], {}),  # ...nor set through the query
        ({"tab": ["Map"], "lane": ["type"]}, {"country": ["PRK"]}, ["lane"], {"country": ["PRK"]}),
        ({"country": ["PRK"]}, {"country": ["PRK", "KOR"]}, [], {"country": ["PRK", "KOR"]}),
        ({"q": ["x"], "dates": ["3"]}, {}, ["dates", "q"], {}),
    ],
)
def test_params_query_updates_leave_the_bound_tab_alone(
    current: dict[str, list[str]],
    wanted: dict[str, list[str]],
    stale: list[str],
    changed: dict[str, list[str]],
) -> None:
    assert query_updates(current, wanted) == (stale, changed)
