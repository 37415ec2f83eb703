"""News text → typed pandas frames of time cues, actors and events.

Public API (imports are lazy so that ``import extract`` stays cheap and spaCy loads only when
events are asked for):

- :func:`tag_time_cues` — TIMEX3 time cues with anchored intervals (schema ``TIME_CUES``);
- :func:`extract_events` / :func:`extract_document` / :func:`extract_corpus` — events, actors,
  documents frames (schemas ``EVENTS``, ``ACTORS_FRAME``, ``DOCUMENTS``);
- :func:`read_documents` — .txt/.html/.jsonl/.csv/.json files → documents and load errors.
"""

from __future__ import annotations

from extract.lazy import lazy_names

_LAZY = {
    "tag_time_cues": "extract.timecues",
    "extract_events": "extract.pipeline",
    "extract_document": "extract.pipeline",
    "extract_corpus": "extract.pipeline",
    "read_documents": "extract.documents",
    "Document": "extract.model",
    "Extraction": "extract.model",
    "LoadError": "extract.model",
}

__all__ = sorted(_LAZY)

__getattr__ = lazy_names(__name__, _LAZY)
