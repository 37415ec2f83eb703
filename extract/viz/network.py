"""The actor network: who acts on whom in the events in view.

Nodes are actors (size = events they take part in, colour = their country); an edge joins an
event's source to its target, its width the number of such events and its colour the most
frequent event type between them. Layout: a few hundred steps of a plain force layout in numpy,
seeded, so the same events always give the same picture. A click on a node filters the timeline
to that actor (``customdata`` is the actor name).
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from extract import schema as S
from extract.viz.colours import colour_of, colours_for
from extract.viz.names import country_label, type_label
from extract.viz.text import esc

MAX_NODES = 40


def edges(events: pd.DataFrame) -> pd.DataFrame:
    """Source → target pairs: columns source_actor, target_actor, count, event_type (most frequent)."""
    pairs = events.dropna(subset=[S.SOURCE_ACTOR, S.TARGET_ACTOR])
    pairs = pairs[pairs[S.SOURCE_ACTOR] != pairs[S.TARGET_ACTOR]]
    if len(pairs) == 0:
        return pd.DataFrame({S.SOURCE_ACTOR: [], S.TARGET_ACTOR: [], S.COUNT: [], S.EVENT_TYPE: []})
    keys = [S.SOURCE_ACTOR, S.TARGET_ACTOR]
    grouped = pairs.groupby(keys, sort=False)
    out = grouped.size().rename(S.COUNT).to_frame()
    out[S.EVENT_TYPE] = grouped[S.EVENT_TYPE].agg(lambda s: s.fillna("OTHER").value_counts().index[0])
    out = out.reset_index().sort_values([S.COUNT, S.SOURCE_ACTOR], ascending=[False, True], kind="stable")
    return out.reset_index(drop=True)


EDGE_X = 0.5
"""Beyond this |x| (positions span about [-1, 1]) a node's name runs inward from it instead of centred on
it: centred, the names of the outermost nodes were cut by the plot's edge ("oon Suk Yeol" at 400 px)."""


def label_positions(xs: list[float]) -> list[str]:
    """Plotly text positions of the node names: above the node, centred in the middle band, running
    right from nodes on the left and left from nodes on the right."""
    return ["top right" if x < -EDGE_X else "top left" if x > EDGE_X else "top center" for x in xs]


def layout(
    nodes: list[str], links: pd.DataFrame, steps: int = 300, seed: int = 7
) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]² from a force layout (Fruchterman–Reingold: springs on links, repulsion
    between all, and a pull to the centre so unlinked parts do not drift off)."""
    n = len(nodes)
    if n == 0:
        return {}
    angle = np.linspace(0, 2 * np.pi, n, endpoint=False)
    pos = np.c_[np.cos(angle), np.sin(angle)] + np.random.default_rng(seed).normal(0, 0.05, (n, 2))
    index = {v: i for i, v in enumerate(nodes)}
    pairs = [
        (index[a], index[b], w)
        for a, b, w in zip(links[S.SOURCE_ACTOR], links[S.TARGET_ACTOR], links[S.COUNT], strict=True)
        if a in index and b in index
    ]
    k = 1.0 / np.sqrt(n)
    for step in range(steps):
        delta = pos[:, None, :] - pos[None, :, :]
        dist = np.maximum(np.linalg.norm(delta, axis=2), 1e-3)
        move = (delta / dist[..., None] * (k * k / dist)[..., None]).sum(axis=1)
        for i, j, w in pairs:
            d = pos[i] - pos[j]
            pull = d * np.linalg.norm(d) / k * min(1.0 + np.log(w), 3.0) / 3
            move[i] -= pull
            move[j] += pull
        move -= pos * np.linalg.norm(pos, axis=1, keepdims=True) * 0.5 / k  # gravity: parts stay close
        length = np.maximum(np.linalg.norm(move, axis=1), 1e-9)
        temp = 0.1 * (1 - step / steps) + 0.005
        pos += move / length[:, None] * np.minimum(length, temp)[:, None]
        pos -= pos.mean(axis=0)
    pos /= max(float(np.abs(pos).max()), 1e-9)
    return {v: (float(pos[i, 0]), float(pos[i, 1])) for v, i in index.items()}


BACK = 0.45
"""Where along an edge (0: source, 1: target) the point an arrow turns towards sits (the arrow: 0.5)."""


def network_figure(events: pd.DataFrame, countries_of: Mapping[str, str], height: int = 560) -> go.Figure:
    """The network of the events in view (see the module docstring); at most ``MAX_NODES`` actors."""
    links = edges(events)
    weight = pd.concat(
        [links.groupby(S.SOURCE_ACTOR)[S.COUNT].sum(), links.groupby(S.TARGET_ACTOR)[S.COUNT].sum()]
    )
    weight = weight.groupby(level=0).sum().sort_values(ascending=False, kind="stable")
    nodes = [str(v) for v in weight.index[:MAX_NODES]]
    keep = set(nodes)
    links = links[links[S.SOURCE_ACTOR].isin(keep) & links[S.TARGET_ACTOR].isin(keep)]
    pos = layout(nodes, links)
    traces: list[go.Scatter] = []
    top = max(int(links[S.COUNT].max()) if len(links) else 1, 1)
    for etype, group in links.groupby(S.EVENT_TYPE, sort=True):
        xs: list[float | None] = []
        ys: list[float | None] = []
        for a, b in zip(group[S.SOURCE_ACTOR], group[S.TARGET_ACTOR], strict=True):
            xs += [pos[a][0], pos[b][0], None]
            ys += [pos[a][1], pos[b][1], None]
        width = 1 + 5 * float(group[S.COUNT].mean()) / top
        traces.append(
            go.Scatter(
                x=xs,
                y=ys,
                mode="lines",
                name=esc(type_label(str(etype))),
                hoverinfo="skip",
                line={"color": colour_of(str(etype), "type"), "width": width},
                opacity=0.7,
                legendgroup="types",
                legendgrouptitle={"text": "edge colour: event type"},
            )
        )
        # an arrow at each edge's middle (its hover: who → whom and the count), turned along the edge:
        # Plotly turns a marker towards the point before it (angleref "previous", measured on screen),
        # so each arrow follows an invisible point a little back towards the source. A fixed
        # "triangle-right" pointed right whatever the direction: Yoon → Xi read as Xi → Yoon.
        xs_arrow: list[float | None] = []
        ys_arrow: list[float | None] = []
        labels: list[str] = []
        for a, b, n in zip(group[S.SOURCE_ACTOR], group[S.TARGET_ACTOR], group[S.COUNT], strict=True):
            (ax, ay), (bx, by) = pos[a], pos[b]
            xs_arrow += [ax + BACK * (bx - ax), (ax + bx) / 2, None]
            ys_arrow += [ay + BACK * (by - ay), (ay + by) / 2, None]
            labels += [f"{esc(a)} → {esc(b)}: {n} × {esc(str(etype).lower())}"] * 2 + [""]
        traces.append(
            go.Scatter(
                x=xs_arrow,
                y=ys_arrow,
                mode="markers",
                showlegend=False,
                marker={
                    "size": [0, 9, 0] * len(group),
                    "color": colour_of(str(etype), "type"),
                    "symbol": "triangle-up",
                    "angleref": "previous",
                },
                text=labels,
                hovertemplate="%{text}<extra></extra>",
            )
        )
    sizes = [10 + 20 * np.sqrt(float(weight[v]) / float(weight.iloc[0])) for v in nodes] if nodes else []
    node_colours = colours_for((countries_of.get(v, "") for v in nodes), "country")
    traces.append(
        go.Scatter(
            x=[pos[v][0] for v in nodes],
            y=[pos[v][1] for v in nodes],
            mode="markers+text",
            showlegend=False,
            text=[esc(v, 24) for v in nodes],
            textposition=label_positions([pos[v][0] for v in nodes]),
            customdata=nodes,
            hovertext=[
                f"<b>{esc(v)}</b><br>{esc(country_label(countries_of.get(v, '')))}<br>{int(weight[v])} "
                "linked events · click to filter the timeline"
                for v in nodes
            ],
            hovertemplate="%{hovertext}<extra></extra>",
            marker={
                "size": sizes,
                "color": [node_colours[countries_of.get(v, "")] for v in nodes],
                "line": {"color": "#FFFFFF", "width": 1},
            },
        )
    )
    fig = go.Figure(traces)
    n_links = int(links[S.COUNT].sum()) if len(links) else 0
    title = (
        f"{len(nodes)} actors, {n_links} events with a source and a target (wider: more events)"
        if nodes
        else "No event in view names both who acted and on whom"
    )
    fig.update_layout(
        height=height,
        title={"text": title, "font": {"size": 14}},
        hovermode="closest",
        clickmode="event+select",
        margin={"l": 8, "r": 8, "t": 40, "b": 8},
        xaxis={"visible": False},
        yaxis={"visible": False},
        plot_bgcolor="#FFFFFF",
        legend={"orientation": "h", "yanchor": "top", "y": -0.02},
    )
    return fig
