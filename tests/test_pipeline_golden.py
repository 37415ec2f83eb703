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
    by_id_expected = {r["id"]: r for r in expected}
    by_id_got = {r["id"]: r for r in got}
    changed = [(by_id_expected.get(i), by_id_got.get(i)) for i in sorted(set(by_id_expected) | set(by_id_got))
               if by_id_expected.get(i) != by_id_got.get(i)]
    assert not changed, (
        f"{len(changed)} events differ from tests/golden/demo_events.jsonl (first 3 shown as "
        f"(golden, now)): {changed[:3]}. If the change is intended, run python tests/golden/regenerate.py"
    )
