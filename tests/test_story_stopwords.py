"""The story's stop words are data; reading a Story entry does not import scikit-learn."""

from __future__ import annotations

import subprocess
import sys

import pytest

from extract.story.headline import content_words
from extract.story.stopwords import parse_stop_words, stop_words


def test_story_stopwords_drop_function_words() -> None:
    assert {"the", "which", "would", "after"} <= stop_words()
    assert content_words("The talks, which resumed after a pause") == {"talk", "resum", "pause"}


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"words": []},
        {"words": ["the", "The"]},
        {"words": ["a", "a"]},
        {"words": ["two words"]},
        {"words": [1]},
    ],
)
def test_story_stopwords_malformed_file_fails_loudly(data: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="stopwords.toml"):
        parse_stop_words(data)


def test_story_stopwords_presenting_an_entry_needs_no_scikit_learn() -> None:
    code = (
        "import sys; from extract.story.present import said_once; "
        "said_once('Beijing warns Washington', ['Beijing warned Washington on Tuesday.', 'Talks resume.']); "
        "print('sklearn' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr
