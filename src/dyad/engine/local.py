"""The local engine: read files, map `process` over a process pool, store each result.

Documents are stored one transaction each, as they arrive, so an interrupted ingest keeps
everything committed before the interruption and a re-run skips what is stored (document
id = content hash). Per-file problems become rejections; the batch always goes on.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from tqdm import tqdm

from dyad.lang import SUPPORTED
from dyad.merge.canonical import merge_events
from dyad.model import Document, DocumentMeta, Rejection
from dyad.pipeline import process
from dyad.read.files import Limits, read_paths
from dyad.store.db import Store


@dataclass
class IngestSummary:
    accepted: int = 0
    duplicates: int = 0
    rejected: int = 0
    unsupported: int = 0
    events: int = 0
    languages: Counter[str] = field(default_factory=Counter)
    rejections: list[Rejection] = field(default_factory=list)
    stage_stats: Counter[str] = field(default_factory=Counter)


def _slim(doc: Document) -> Document:
    """What the store needs: drop tokens before a document crosses a process boundary."""
    for s in doc.sentences:
        s.tokens = []
    return doc


def _process_one(item: tuple[str, DocumentMeta]) -> Document:
    return _slim(process(*item))


def _map(items: Iterable[tuple[str, DocumentMeta]], workers: int) -> Iterator[Document]:
    if workers <= 1:
        yield from map(_process_one, items)
        return
    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(_process_one, items, chunksize=4)


def ingest(paths: Iterable[str | Path], store: Store, workers: int = 1, limits: Limits = Limits(),
           progress: bool | None = None) -> IngestSummary:
    summary = IngestSummary()
    seen: set[str] = set()

    def documents() -> Iterator[tuple[str, DocumentMeta]]:
        for record in read_paths(paths, limits):
            if isinstance(record, Rejection):
                store.add_rejection(record)
                summary.rejected += 1
                summary.rejections.append(record)
                continue
            text, meta = record
            doc_id = Document(text=text, meta=meta).id
            if doc_id in seen or store.has_document(doc_id):
                summary.duplicates += 1
                continue
            seen.add(doc_id)
            yield record

    show = sys.stderr.isatty() if progress is None else progress
    for doc in tqdm(_map(documents(), workers), desc="ingest", unit="doc", disable=not show):
        supported = bool(set(doc.languages) & SUPPORTED)
        if store.add_document(doc, supported):
            summary.accepted += 1
            summary.events += len(doc.events)
            summary.unsupported += not supported
            summary.languages.update(doc.languages[:1])
            summary.stage_stats.update(doc.stats)
    remerge(store)
    return summary


def remerge(store: Store) -> None:
    canonical, members = merge_events(list(store.iter_events()))
    store.replace_canonical(canonical, members)
