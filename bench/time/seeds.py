"""Speed on the development seeds (they have no gold time expressions): dyad's tagger and
dateparser's `search_dates` over the same sentences, one call per sentence.

The sentences are cut by dyad's own stages up to sentence segmentation, so both tools get the
same strings with the language dyad identified. dyad's side is its tagger proper, per sentence
(`find_times` and `find_relative`); references, attributive dates and relative resolution are
whole-document work the stage does once per document.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from dateparser.search import search_dates

from dyad.model import DocumentMeta
from dyad.pipeline import STAGES, process, stage_name
from dyad.time.relative import find_relative
from dyad.time.tagger import find_times

BEFORE_TIMES = tuple(s for s in STAGES[: [stage_name(s) for s in STAGES].index("times")])
SETTINGS: dict[str, Any] = {"PARSERS": ["timestamp", "custom-formats", "absolute-time"],
                            "PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first",
                            "RETURN_AS_TIMEZONE_AWARE": False}


def seed_sentences(folder: Path) -> list[tuple[str, str]]:
    """(language, sentence) of every kept sentence of every seed document, in order."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        doc = process(path.read_text(encoding="utf-8"), DocumentMeta(path.name), stages=BEFORE_TIMES)
        out += [(s.language, doc.text[s.start:s.end]) for s in doc.sentences if s.tokens]
    return out


def _dyad(lang: str, text: str) -> int:
    return len(find_times(text, lang)) + len(find_relative(text, lang))


def _dateparser(lang: str, text: str) -> int:
    return len(search_dates(text, languages=[lang], settings=SETTINGS) or [])


def _timed(sentences: Sequence[tuple[str, str]], tool: Callable[[str, str], int],
           repeat: int) -> tuple[dict[str, int], dict[str, float]]:
    for lang, text in sentences:  # warm-up
        tool(lang, text)
    found: dict[str, int] = defaultdict(int)
    best = [float("inf")] * len(sentences)
    for round_ in range(max(1, repeat)):
        for k, (lang, text) in enumerate(sentences):
            t0 = time.perf_counter()
            n = tool(lang, text)
            best[k] = min(best[k], time.perf_counter() - t0)
            if round_ == 0:
                found[lang] += n
    seconds: dict[str, float] = defaultdict(float)
    for k, (lang, _) in enumerate(sentences):
        seconds[lang] += best[k]
    return found, seconds


def seed_table(folder: Path, langs: Sequence[str], repeat: int = 3) -> str:
    """A markdown table: sentences, expressions found and sentences/s per tool and language."""
    sentences = [(lang, text) for lang, text in seed_sentences(folder) if lang in langs]
    lines = ["| tool | lang | sentences | expressions found | sentences/s |", "|---|---|---:|---:|---:|"]
    for name, tool in (("dyad (find_times + find_relative)", _dyad), ("dateparser", _dateparser)):
        found, seconds = _timed(sentences, tool, repeat)
        for lang in sorted({lang for lang, _ in sentences}):
            n = sum(1 for sl, _ in sentences if sl == lang)
            lines.append(f"| {name} | {lang} | {n} | {found[lang]} | {n / seconds[lang]:,.1f} |")
    return "\n".join(lines)
