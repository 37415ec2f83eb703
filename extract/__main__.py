"""``python -m extract COMMAND …``: a thin shell over library calls.

Each command lives in ``extract/commands/<name>.py`` with ``register(subparsers)``; its
module imports heavy libraries only inside the function that runs it, so ``--help`` is fast.
"""

from __future__ import annotations

import argparse
import sys
from importlib import import_module

COMMANDS = ("timeml", "eval", "events", "actors", "corpus", "timeline")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m extract", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    for name in COMMANDS:
        try:
            module = import_module(f"extract.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"extract.commands.{name}":
                raise
            continue  # command not built in this checkout
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return int(args.func(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
