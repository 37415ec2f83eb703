"""Evaluation: TimeML files in and out, and the TempEval-3 Task A scorer.

- :func:`timeml_files` / :func:`read_timeml` / :func:`tag_timeml_files` — find TimeML files (``*.tml``,
  ``*.xml``, TempEval-3's ``*.tml.TE3input``), read them (one pass) and tag them with our time cues;
- :func:`insert_timex` / :func:`output_name` — write the cues back as TIMEX3 tags, under the name the
  TempEval-3 scorer expects (``NAME.tml.TE3input`` → ``NAME.tml``);
- :mod:`extract.eval.scorer` — strict/relaxed P/R/F1 and value/type F1 against gold TIMEX3.
"""

from extract.eval.insert import insert_timex
from extract.eval.timeml import output_name, read_timeml, tag_timeml_files, tag_timeml_records, timeml_files

__all__ = [
    "insert_timex",
    "output_name",
    "read_timeml",
    "tag_timeml_files",
    "tag_timeml_records",
    "timeml_files",
]
