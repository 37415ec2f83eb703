"""The pipeline's output on the seeds equals the golden file (regenerate with tests/golden/regenerate.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

GOLDEN_DIR = Path(__file__).parent / "golden"


def _regenerate_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("golden_regenerate", GOLDEN_DIR / "regenerate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_pipeline_golden_demo_events_unchanged() -> None:
    regen = _regenerate_module()
    expected = [json.loads(line) for line in regen.GOLDEN.read_text(encoding="utf-8").splitlines()]
    got = regen.golden_rows()

    def key(row: dict[str, object]) -> tuple[str, int, int, str]:
        doc, span = str(row["id"]).rsplit(":", 1)[0], row["span"]
        assert isinstance(span, list)
        return doc, int(span[0]), int(span[1]), str(row["predicate"])

    def without_id(row: dict[str, object]) -> dict[str, object]:
        return {k: v for k, v in row.items() if k != "id"}

    want = {key(r): without_id(r) for r in expected}
    have = {key(r): without_id(r) for r in got}
    changed = [
        (k, want.get(k), have.get(k)) for k in sorted(set(want) | set(have)) if want.get(k) != have.get(k)
    ]
    assert len(got) == len(have), "two events share a place and predicate"
    assert not changed, (
        f"{len(changed)} events differ from tests/golden/demo_events.jsonl (first 3 shown as "
        f"(place, golden, now)): {changed[:3]}. If the change is intended, run python tests/golden/regenerate.py"
    )
