"""The ``timeml`` and ``eval`` commands end to end on small TimeML folders (real tagger)."""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from extract import schema as S
from extract.__main__ import main
from extract.eval.scorer import FIGURES
from extract.eval.timeml import parse_timeml, strip_timex

DOC = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{name}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
Shares of AT&amp;T <EVENT eid="e1" class="OCCURRENCE">fell</EVENT> on <TIMEX3 tid="t1" type="DATE" value="1998-01-07">Wednesday</TIMEX3>
after a <TIMEX3 tid="t2" type="DURATION" value="P2W">two-week</TIMEX3> rally that began on <TIMEX3 tid="t3" type="DATE" value="1997-12-22">December 22, 1997</TIMEX3>.
Nothing else happened.
</TEXT>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToTime="t3"/>
</TimeML>
"""


@pytest.fixture()
def gold_dir(tmp_path: Path) -> Path:
    root = tmp_path / "gold"
    (root / "sub").mkdir(parents=True)
    (root / "a.tml").write_text(DOC.format(name="a"), encoding="utf-8")
    (root / "sub" / "b.tml").write_text(DOC.format(name="b").replace("Nothing", "Later, nothing"), encoding="utf-8")
    (root / "sub" / "broken.tml").write_text("<TimeML><TEXT>unclosed <EVENT>tag</TEXT></TimeML>", encoding="utf-8")
    return root


def figures(stdout: str) -> dict[str, float]:
    out = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) == 2:
            out[parts[0]] = float(parts[1])
    return out


def test_timeml_command_eval_reports_figures_and_errors(gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    errors = tmp_path / "errors.tsv"
    code = main(["eval", str(gold_dir), "--mode", "news", "--errors", str(errors)])
    out, err = capsys.readouterr()
    assert code == 1  # the broken file fails the run …
    assert "broken.tml" in err  # … by name
    got = figures(out)
    assert got["documents"] == 2 and got["gold"] == 6  # … and the other two are still scored
    for name in FIGURES:
        assert 0 <= got[name] <= 100
    with errors.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    kinds = [r["kind"] for r in rows]
    assert kinds.count("missed") == got["gold"] - got["relaxed"]
    assert kinds.count("spurious") == got["system"] - got["relaxed"]
    assert kinds.count("value") == got["relaxed"] - got["value_ok"]


def test_timeml_command_tags_copies_and_changes_nothing_else(gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_dir = tmp_path / "out"
    code = main(["timeml", str(gold_dir), str(out_dir)])
    _, err = capsys.readouterr()
    assert code == 1 and "broken.tml" in err
    assert not (out_dir / "sub" / "broken.tml").exists()
    for rel in ("a.tml", "sub/b.tml"):
        src = (gold_dir / rel).read_text(encoding="utf-8")
        tagged = (out_dir / rel).read_text(encoding="utf-8")
        ET.fromstring(tagged.encode())
        assert strip_timex(tagged) == strip_timex(src)
        cues = parse_timeml(tagged).gold
        assert len(cues) >= 1  # at least "December 22, 1997" is a time cue
        tids = [int(t) for t in re.findall(r'<TIMEX3 tid="t(\d+)"', tagged.split("<TEXT>")[1])]
        assert min(tids) > 3  # after the gold tids the TLINK still refers to
        assert cues[S.TIME_VALUE].notna().all()


def test_timeml_command_empty_folder_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", str(tmp_path)]) == 1
    assert "no .tml" in capsys.readouterr().err
