"""The house rules of the package layout, read from the code's own imports (ast, nothing imported).

- one subpackage per stage: no family of prefixed modules (``events_*.py``) at the top of ``extract/``;
- nothing imports upward: each stage imports only stages of a lower rank (the table below);
- no module over 400 lines.
"""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

EXTRACT = Path(__file__).resolve().parent.parent / "extract"
MAX_LINES = 400

# stage → rank: a module may import stages of a lower rank, and its own stage
RANKS = {
    "schema": 0,
    "dates": 0,
    "nlp": 0,
    "lazy": 0,
    "tables": 1,
    "filters": 1,
    "model": 1,
    "timecues": 2,
    "actors": 2,
    "documents": 3,
    "events": 3,
    "eval": 3,
    "store": 3,
    "pipeline": 4,
    "corpus": 5,
    "story": 5,
    "viz": 6,
    "commands": 7,
    "__main__": 8,
}
# the package face only hands names on, lazily
FREE = {"__init__"}


def _stage(module: str) -> str | None:
    """``extract.store.query`` → ``store``; None for a module outside the package."""
    parts = module.split(".")
    if parts[0] != "extract":
        return None
    return parts[1] if len(parts) > 1 else "__init__"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            if node.module == "extract":  # from extract import schema
                found.update(f"extract.{alias.name}" for alias in node.names)
    return found


def _modules() -> list[Path]:
    return sorted(p for p in EXTRACT.rglob("*.py") if "__pycache__" not in p.parts)


def test_layout_every_stage_has_a_rank() -> None:
    stages = {p.relative_to(EXTRACT).parts[0].removesuffix(".py") for p in _modules()}
    assert stages - RANKS.keys() - FREE == set(), "a new stage needs a rank in this test's table"


def test_layout_no_prefixed_module_families_at_the_top() -> None:
    families: dict[str, list[str]] = defaultdict(list)
    for path in EXTRACT.glob("*.py"):
        if not path.stem.startswith("_"):
            families[path.stem.split("_")[0]].append(path.name)
    crowded = {k: v for k, v in families.items() if len(v) > 1}
    assert crowded == {}, "prefixed modules belong in a subpackage"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(EXTRACT)))
def test_layout_nothing_imports_upward(path: Path) -> None:
    own = path.relative_to(EXTRACT).parts[0].removesuffix(".py")
    if own in FREE:
        return
    upward = sorted(
        module
        for module in _imports(path)
        if (stage := _stage(module)) not in (None, own, *FREE) and RANKS.get(stage, 99) >= RANKS[own]
    )
    assert upward == [], f"{own} (rank {RANKS[own]}) imports a stage of the same or a higher rank"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(EXTRACT)))
def test_layout_modules_stay_short(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{lines} lines: split the module by what its parts do"


@pytest.mark.parametrize(
    ("module", "stage"),
    [
        ("extract.store.query", "store"),
        ("extract", "__init__"),
        ("pandas", None),
        ("extract.schema", "schema"),
    ],
)
def test_layout_stage_of_a_module(module: str, stage: str | None) -> None:
    assert _stage(module) == stage
