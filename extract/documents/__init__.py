"""Documents: files, records and uploads → :class:`~extract.model.Document` values (or
:class:`~extract.model.LoadError` for bad input), with their publication date and where it came from.

- :func:`read_documents` / :func:`read_documents_with_lines` — paths (files, folders) → documents and errors;
- :func:`read_upload` — one uploaded file's bytes → documents and errors;
- :func:`demo_documents` — the bundled demo corpus (``seeds/demo.jsonl``);
- :func:`with_publication_date` — fill a document's missing date from its dateline.
"""

from extract.documents.formats import MAX_FILE_BYTES, MAX_TEXT_CHARS
from extract.documents.read import (
    demo_documents,
    iter_paths,
    read_documents,
    read_documents_with_lines,
    read_upload,
    with_publication_date,
)

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_TEXT_CHARS",
    "demo_documents",
    "iter_paths",
    "read_documents",
    "read_documents_with_lines",
    "read_upload",
    "with_publication_date",
]
