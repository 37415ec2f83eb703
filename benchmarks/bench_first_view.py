"""What a reader's first Timeline view of the demo gives the news: the share of the axis width the
busiest weeks get, where the seed story's lanes sit, the date labels. Run it on any checkout
(``PYTHONPATH=DIR python benchmarks/bench_first_view.py``) to compare trees; no browser needed."""

from __future__ import annotations

import pandas as pd

from extract import schema as S
from extract.viz import axis as A
from extract.viz import demo as D
from extract.viz import frames as F
from extract.viz.figure import view_figure

BUSIEST = ("1997-03-27", "1997-04-28")  # the five weeks holding most of the demo's marks
SEED_LANES = ("Yoon Suk Yeol", "Xi Jinping")


def main() -> None:
    result = D.restrict(D.shipped_extraction(), D.story_doc_ids())
    fig, _ = view_figure(
        result.events,
        "actor",
        None,
        F.actor_countries(result.actors),
        published=result.documents[S.PUBLISHED],
        places=F.places(result.actors),
    )
    view = A.axis_of(fig)
    assert view.start is not None and view.end is not None

    def shown(t: str | pd.Timestamp) -> pd.Timedelta:
        t = pd.Timestamp(t)
        return (t - view.start) - sum((min(b, t) - a for a, b in view.breaks if a < t), pd.Timedelta(0))

    share = (shown(BUSIEST[1]) - shown(BUSIEST[0])) / shown(view.end)
    lanes = list(fig.layout.yaxis.categoryarray)[::-1]
    marks = sum(
        1
        for t in fig.data
        if t.customdata is not None and t.x is not None
        for x in t.x
        if x is not None and pd.Timestamp(BUSIEST[0]) <= pd.Timestamp(x) <= pd.Timestamp(BUSIEST[1])
    )
    total = sum(
        1 for t in fig.data if t.customdata is not None and t.x is not None for x in t.x if x is not None
    )
    print(f"cuts in the axis: {len(view.breaks)}")
    print(
        f"{BUSIEST[0]} … {BUSIEST[1]}: {marks} of {total} drawn points (marks and bar ends), {share:.0%} of the axis width"
    )
    print(
        "seed lanes at (1 = top):",
        {name: lanes.index(name) + 1 for name in SEED_LANES if name in lanes},
        f"of {len(lanes)}",
    )
    print("date labels:", list(fig.layout.xaxis.ticktext or ()))


if __name__ == "__main__":
    main()
