"""``python -m extract eval`` on a folder where every file fails: an error and exit 1, no scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.__main__ import main


@pytest.mark.parametrize("broken", [1, 3])
def test_eval_command_all_failed_prints_no_scores(
    tmp_path: Path, broken: int, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(broken):
        (tmp_path / f"broken{i}.tml").write_text(
            "<TimeML><TEXT>unclosed <EVENT>tag</TEXT></TimeML>", encoding="utf-8"
        )
    assert main(["eval", str(tmp_path)]) == 1
    out, err = capsys.readouterr()
    assert "100.00" not in out and "value_f1" not in out
    assert f"all {broken} files" in err and "broken0.tml" in err


def test_eval_command_all_failed_not_when_one_file_scores(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "broken.tml").write_text("<TimeML><TEXT>unclosed</TimeML>", encoding="utf-8")
    (tmp_path / "ok.tml").write_text(
        '<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">'
        '19980108</TIMEX3></DCT><TEXT>It fell on <TIMEX3 tid="t1" type="DATE" value="1998-01-07">'
        "Wednesday</TIMEX3>.</TEXT></TimeML>",
        encoding="utf-8",
    )
    assert main(["eval", str(tmp_path)]) == 1  # a failed file still fails the run …
    out, err = capsys.readouterr()
    assert "value_f1" in out and "no scores" not in err  # … but the good one is scored
