"""English stop words for the story's word matching, read from ``rules/story/stopwords.toml``.

Data rather than ``sklearn.feature_extraction.text.ENGLISH_STOP_WORDS`` (the same list), so that
drawing the dashboard's Story tab does not import scikit-learn: only merging and sentence choice,
which compute TF-IDF, need it.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path
from typing import Any

STOPWORDS_FILE = Path(__file__).parent.parent / "rules" / "story" / "stopwords.toml"


def parse_stop_words(data: dict[str, Any], where: str = "rules/story/stopwords.toml") -> frozenset[str]:
    """The ``words`` list, checked: lower-case strings, no duplicates; anything else raises naming the file."""
    words = data.get("words")
    if not isinstance(words, list) or not words or not all(isinstance(w, str) for w in words):
        raise ValueError(f"{where}: 'words' must be a non-empty list of strings")
    bad = [w for w in words if w != w.lower() or not w or any(c.isspace() for c in w)]
    if bad:
        raise ValueError(f"{where}: stop words must be lower-case single words: {bad[:5]}")
    if len(set(words)) != len(words):
        raise ValueError(f"{where}: duplicate stop words")
    return frozenset(words)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """The stop-word set, read once per process."""
    with STOPWORDS_FILE.open("rb") as fh:
        return parse_stop_words(tomllib.load(fh))
