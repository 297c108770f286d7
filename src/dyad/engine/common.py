"""What every engine shares: the ingest summary, and how each outcome of a record is stored.

An engine decides where `process` runs; what happens to a rejection, a duplicate or a
processed document is decided here once, so the local and the Ray engine record the same
things in the same way.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dyad.lang import SUPPORTED
from dyad.merge.canonical import merge_events
from dyad.model import Document, DocumentMeta, Rejection, content_hash
from dyad.read.files import Limits, read_paths
from dyad.store.db import Store

# The summary lists rejections for the user to read; beyond this many it only counts them (the
# store keeps every one), so a corpus of broken records cannot grow the summary without bound.
MAX_LISTED_REJECTIONS = 1000


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


def slim(doc: Document) -> Document:
    """What the store needs: drop tokens before a document crosses a process boundary."""
    for s in doc.sentences:
        s.tokens = []
    return doc


def record_rejection(store: Store, summary: IngestSummary, rejection: Rejection) -> None:
    store.add_rejection(rejection)
    summary.rejected += 1
    if len(summary.rejections) < MAX_LISTED_REJECTIONS:
        summary.rejections.append(rejection)


def store_document(store: Store, summary: IngestSummary, doc: Document) -> bool:
    """Store one processed document (one transaction); a document already stored counts as a duplicate."""
    supported = bool(set(doc.languages) & SUPPORTED)
    t0 = time.perf_counter()
    added = store.add_document(doc, supported)
    summary.stage_stats["ms store"] += int((time.perf_counter() - t0) * 1000)  # the one serial stage
    if not added:
        summary.duplicates += 1
        return False
    summary.accepted += 1
    summary.events += len(doc.events)
    summary.unsupported += not supported
    summary.languages.update(doc.languages[:1])
    summary.stage_stats.update(doc.stats)
    return True


def new_documents(paths: Iterable[str | Path], store: Store, limits: Limits, summary: IngestSummary,
                  in_flight: set[str]) -> Iterator[tuple[str, DocumentMeta]]:
    """Records of `paths` that are neither rejected nor already stored, in reading order.

    `in_flight` holds the ids handed out but not yet stored; the caller removes an id once its
    document is stored, after which the store itself answers. So duplicates within a batch are
    caught while memory stays bounded by the engine's window, not by the corpus."""
    for record in read_paths(paths, limits):
        if isinstance(record, Rejection):
            record_rejection(store, summary, record)
            continue
        text, meta = record
        doc_id = content_hash(text)
        if doc_id in in_flight or store.has_document(doc_id):
            summary.duplicates += 1
            continue
        in_flight.add(doc_id)
        yield record


def remerge(store: Store) -> None:
    """Rebuild the canonical events from every stored mention (a corpus stage, after the documents)."""
    canonical, members = merge_events(list(store.iter_events()))
    store.replace_canonical(canonical, members)
