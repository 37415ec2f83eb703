"""The chart font's width table: close to what Chromium drew, checked at load, and the timeline's
left margin set from it (one layout per draw instead of two)."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.viz import fontwidth as W
from extract.viz.figure import timeline_figure
from extract.viz.frames import lane_rows
from extract.viz.plotbase import LABEL_CHARS
from extract.viz.synthetic import sample_events
from extract.viz.text import esc


@pytest.mark.parametrize(("text", "measured"), W.load().examples)
def test_fontwidth_examples_match_the_widths_chromium_drew(text: str, measured: float) -> None:
    assert abs(W.text_px(text) - measured) <= 1.5


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", 0.0),  # nothing drawn: no width
        ("il", 2.95 + 3.06),
        ("Korea &amp; Japan", W.text_px("Korea & Japan")),  # an entity counts as its character
        ("金正恩", 3 * W.load().default),  # unlisted: an em each, never less than drawn
    ],
)
def test_fontwidth_text_px_sums_the_characters(text: str, expected: float) -> None:
    assert W.text_px(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("labels", "expected"),
    [
        ([], W.load().pad_px),  # no labels: the padding alone
        (["Human Rights Comm…", "Xi Jinping"], 136),  # Plotly's automatic margin gave 135 in the app
    ],
)
def test_fontwidth_label_margin_covers_the_widest_label(labels: list[str], expected: int) -> None:
    assert W.label_margin_px(labels) == expected


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ('default = 12.0\npad_px = 18\n[[widths]]\npx = 0\nchars = "a"\n', r"widths\[0\]"),
        (
            'default = 12.0\npad_px = 18\n[[widths]]\npx = 5\nchars = "ab"\n[[widths]]\npx = 6\nchars = "b"\n',
            "listed twice",
        ),
        ('pad_px = 18\n[[widths]]\npx = 5\nchars = "a"\n', "default"),
        ("default = [", "font.toml"),
    ],
)
def test_fontwidth_malformed_tables_are_refused(tmp_path: Path, text: str, where: str) -> None:
    path = tmp_path / "font.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(W.FontTableError, match=where):
        W.load(path)


def test_fontwidth_timeline_margin_is_set_from_its_lane_labels() -> None:
    rows = lane_rows(sample_events(), "actor")
    fig = timeline_figure(rows)
    labels = list(fig.layout.yaxis.ticktext)
    assert labels and all(label == esc(label) or "&" in label for label in labels)
    assert fig.layout.margin.l == W.label_margin_px(labels)
    assert fig.layout.yaxis.automargin is True  # a label wider than the table thinks still fits
    assert max(len(label) for label in labels) <= LABEL_CHARS + 4  # cut labels, escaped
