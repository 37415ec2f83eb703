"""Save uploaded articles as a named store, so a copied link (``?store=NAME``) opens the same corpus.

A link cannot carry the articles themselves, so the dashboard writes them (with their
extraction) to the stores folder under a name the user picks. Names follow the ``?store=`` rule
(letters, digits, ``_ - .``); an existing name is never overwritten; a corpus over
``MAX_SAVED_CHARS`` characters of text, or a folder already holding ``MAX_STORES`` stores, is refused
with a message, so a public app cannot be filled up.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from extract import schema as S
from extract.model import Extraction
from extract.viz.inputs import stores_dir
from extract.viz.params import is_store_name

MAX_SAVED_CHARS = 5_000_000
MAX_STORES = 50


def save_store(name: str, result: Extraction, app_dir: Path, env: dict[str, str] | None = None) -> Path:
    """Write ``result`` as the store ``name``; ValueError (a message for the user) when refused."""
    from extract.store.layout import ACTORS_FILE, StoreLayout, part_hash, write_parquet

    if not is_store_name(name):
        raise ValueError(f"{name!r} cannot be a store name: use letters, digits, '_', '-' and '.' (no '..')")
    folder = stores_dir(app_dir, env)
    root = folder / name
    if root.exists():
        raise ValueError(f"a store named {name!r} exists already: pick another name")
    chars = int(result.documents[S.N_CHARS].sum()) if len(result.documents) else 0
    if chars > MAX_SAVED_CHARS:
        raise ValueError(
            f"these articles hold {chars:,} characters, more than the {MAX_SAVED_CHARS:,} a saved store may"
        )
    if len(result.documents) == 0:
        raise ValueError("there are no articles to save")
    if folder.is_dir() and sum(1 for p in folder.iterdir() if p.is_dir()) >= MAX_STORES:
        raise ValueError(f"the stores folder holds {MAX_STORES} stores already: ask the host to remove some")
    layout = StoreLayout(root)
    key = part_hash(str(h) for h in result.documents[S.CONTENT_HASH])
    errors = result.errors if len(result.errors) else S.empty_frame(S.ERRORS)
    layout.write_batch(key, result.documents, result.events, result.actors, errors)
    write_parquet(result.actors if len(result.actors) else pd.DataFrame(), S.ACTORS_FRAME, root / ACTORS_FILE)
    return root
