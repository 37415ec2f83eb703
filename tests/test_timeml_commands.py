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
    (root / "sub" / "b.tml").write_text(
        DOC.format(name="b").replace("Nothing", "Later, nothing"), encoding="utf-8"
    )
    (root / "sub" / "broken.tml").write_text(
        "<TimeML><TEXT>unclosed <EVENT>tag</TEXT></TimeML>", encoding="utf-8"
    )
    return root


def figures(stdout: str) -> dict[str, float]:
    out = {}
    for line in stdout.splitlines():
        parts = line.split()
        if len(parts) == 2:
            out[parts[0]] = float(parts[1])
    return out


def test_timeml_command_eval_reports_figures_and_errors(
    gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
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


def test_timeml_command_tags_copies_and_changes_nothing_else(
    gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
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


INPUT = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{name}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>
The talks ended on December 22, 1997, and resume next week.
</TEXT>
</TimeML>
"""


@pytest.mark.parametrize(
    ("name", "written"),
    [
        ("APW19980808.0022.tml.TE3input", "APW19980808.0022.tml"),  # TempEval-3's own input naming
        ("wsj_0555.TE3input", "wsj_0555.tml"),
        ("ABC19980108.tml.te3input", "ABC19980108.tml"),  # any letter case
        ("a.tml", "a.tml"),
        ("b.xml", "b.xml"),
    ],
)
def test_timeml_command_te3input_written_back_as_tml(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, written: str
) -> None:
    src = tmp_path / "in" / "sub"
    src.mkdir(parents=True)
    (src / name).write_text(INPUT.format(name=name), encoding="utf-8")
    (src / "notes.txt").write_text("not a TimeML file", encoding="utf-8")
    out_dir = tmp_path / "out"
    assert main(["timeml", str(tmp_path / "in"), str(out_dir)]) == 0
    assert "1 files written" in capsys.readouterr().out
    assert sorted(p.relative_to(out_dir).as_posix() for p in out_dir.rglob("*") if p.is_file()) == [
        f"sub/{written}"
    ]
    values = parse_timeml((out_dir / "sub" / written).read_text(encoding="utf-8")).gold[S.TIME_VALUE].tolist()
    assert values == ["1997-12-22", "1998-W03"]


def test_timeml_command_eval_reads_te3input_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.tml.TE3input").write_text(DOC.format(name="x"), encoding="utf-8")
    assert main(["eval", str(tmp_path)]) == 0
    assert figures(capsys.readouterr().out)["gold"] == 3


def test_timeml_command_both_namings_of_one_document_collide(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("d.tml", "d.tml.TE3input"):
        (src / name).write_text(INPUT.format(name=name), encoding="utf-8")
    assert main(["timeml", str(src), str(tmp_path / "out")]) == 1
    captured = capsys.readouterr()
    assert "d.tml.TE3input" in captured.err and "already written" in captured.err
    assert "1 files written" in captured.out


def test_timeml_doc_id_drops_every_timeml_suffix() -> None:
    from extract.eval.timeml import doc_id_of

    assert [doc_id_of(Path(n)) for n in ("a.tml", "a.xml", "a.tml.TE3input", "a.TE3input", "a.b.tml")] == [
        "a", "a", "a", "a", "a.b"]  # fmt: skip
