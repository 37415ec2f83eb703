"""Shared test fixtures and the ``slow`` marker.

A test module is marked ``slow`` (and ``browser`` when it drives Chromium) when it parses with spaCy,
runs the Streamlit AppTest, starts processes or drives a browser: the marks are given here, from what
the module's source uses, so a new module cannot forget them. The quick loop is
``python -m pytest -m "not slow"``; the full test command (``bash tests/run.sh``) runs everything.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_TEXT = SEEDS / "000_1425ebb94b50a240.txt"
DEMO_JSONL = SEEDS / "demo.jsonl"

# what makes a module slow: the spaCy model, the pipeline, AppTest, subprocesses, a browser
_SLOW_SOURCE = re.compile(
    r"\bload_nlp\b|\bextract_(?:events|document|corpus|batch)\b|\brun_corpus\b|\bspacy\b|\bAppTest\b"
    r"|\bsubprocess\b|\bplaywright\b"
)
_BROWSER_SOURCE = re.compile(r"\bplaywright\b")


@cache
def _module_marks(path: Path) -> tuple[str, ...]:
    source = path.read_text(encoding="utf-8")
    marks = ["slow"] if _SLOW_SOURCE.search(source) else []
    if _BROWSER_SOURCE.search(source):
        marks.append("browser")
    return tuple(marks)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        for mark in _module_marks(Path(str(item.fspath))):
            item.add_marker(getattr(pytest.mark, mark))


@pytest.fixture(scope="session")
def nlp() -> Any:
    """The spaCy pipeline the library uses (loaded once per test session)."""
    from extract.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed article (Ukrinform, Yoon–Xi summit, published 2024-11-16), exactly as received."""
    return SEED_TEXT.read_text(encoding="utf-8")
