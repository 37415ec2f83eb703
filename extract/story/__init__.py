"""The story of many reports: merge duplicate events across articles, rank key dates, summarise.

- :func:`summarise` — a corpus (extraction, store or documents) as K dated entries of L sentences (schema STORY);
- :func:`merge_events` / :func:`story_events` — reports of one real-world event as one story event (STORY_EVENTS);
- :func:`key_dates` — days ranked by how much the corpus says about them.

docs/story.md describes the method and its measured quality.
"""

from extract.story.dates import key_dates
from extract.story.merge import merge_events
from extract.story.summary import story_events, summarise

__all__ = ["key_dates", "merge_events", "story_events", "summarise"]
