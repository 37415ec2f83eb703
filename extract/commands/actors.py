"""``python -m extract actors FILE…``: documents in, the actors frame out (same options as events)."""

from __future__ import annotations

from typing import Any

from extract.commands.events import add_input_options, run


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("actors", help="extract the actors frame from documents")
    add_input_options(parser)
    parser.set_defaults(func=lambda args: run(args, "actors"))
