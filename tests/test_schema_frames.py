"""The schema module: empty frames carry the right dtypes; conform fills, orders and types."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from extract import schema as S

ALL = [S.TIME_CUES, S.EVENTS, S.ACTORS_FRAME, S.DOCUMENTS, S.ERRORS]


@pytest.mark.parametrize("schema", ALL)
def test_schema_empty_frame_has_columns_and_dtypes(schema: tuple[S.Column, ...]) -> None:
    df = S.empty_frame(schema)
    assert list(df.columns) == S.names(schema)
    assert len(df) == 0
    for col in schema:
        assert df[col.name].dtype == pd.Series([], dtype=col.dtype).dtype, col.name


@pytest.mark.parametrize("schema", ALL)
def test_schema_names_are_unique(schema: tuple[S.Column, ...]) -> None:
    assert len(set(S.names(schema))) == len(schema)


def test_schema_conform_fills_orders_and_types() -> None:
    rows = [
        {
            S.CHAR_END: 5,
            S.CHAR_START: 1,
            S.SENTENCE_START: 0,
            S.ACTORS: ("a", "b"),
            S.START: "1066-10-14",
            "not_a_column": 1,
        },
        {S.CHAR_END: 9, S.CHAR_START: 6, S.SENTENCE_START: 0, S.COUNTRIES: np.array(["KOR"])},
    ]
    df = S.conform(rows, S.EVENTS)
    assert list(df.columns) == S.names(S.EVENTS)
    assert df[S.ACTORS].tolist() == [["a", "b"], []]
    assert df[S.COUNTRIES].tolist() == [[], ["KOR"]]
    # second resolution reaches before 1677, where nanosecond timestamps stop
    assert df[S.START].iloc[0] == pd.Timestamp("1066-10-14")
    assert pd.isna(df[S.START].iloc[1])
    assert df[S.REPORTED].tolist() == [False, False]
    assert df[S.TIME_CHAR_START].isna().all()


def test_schema_conform_empty_input_is_empty_frame() -> None:
    assert S.conform([], S.ACTORS_FRAME).dtypes.equals(S.empty_frame(S.ACTORS_FRAME).dtypes)


def test_schema_conform_rejects_missing_required_offsets() -> None:
    with pytest.raises(ValueError, match="char_start"):
        S.conform([{S.CHAR_END: 1}], S.TIME_CUES)
