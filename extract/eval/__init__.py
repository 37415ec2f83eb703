"""Evaluation: TimeML files in and out, and the TempEval-3 Task A scorer.

- :func:`timeml_files` / :func:`tag_timeml_files` / :func:`insert_timex` — read TimeML (``*.tml``, ``*.xml``),
  tag it with our time cues, write it back;
- :mod:`extract.eval.scorer` — strict/relaxed P/R/F1 and value/type F1 against gold TIMEX3.
"""

from extract.eval.timeml import insert_timex, tag_timeml_files, timeml_files

__all__ = ["insert_timex", "tag_timeml_files", "timeml_files"]
