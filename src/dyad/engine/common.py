"""What every engine shares: the ingest summary, and how each outcome of a record is stored.

An engine decides where `process` runs; what happens to a rejection, a duplicate or a
processed document is decided here once, so the local and the Ray engine record the same
things in the same way.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from dyad.lang import SUPPORTED
from dyad.merge.incremental import MergeUpdate, update_canonical
from dyad.model import Document, DocumentMeta, Rejection, content_hash
from dyad.read.files import Limits, read_paths
from dyad.store.db import PreparedDocument, Store, prepare_document

BATCH_DOCUMENTS = 64  # documents per store transaction at most
BATCH_SECONDS = 1.0  # and no document waits longer than this for its batch to be written
READ_AHEAD = 64  # records read before asking the store which of them it holds (one query)

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


def prepared(doc: Document) -> PreparedDocument:
    """`doc` as the store's rows, with whether dyad has data for one of its languages: what a worker
    hands the writing process (a fifteenth of a Document's unpickling cost)."""
    return prepare_document(doc, bool(set(doc.languages) & SUPPORTED))


def record_rejection(store: Store, summary: IngestSummary, rejection: Rejection) -> None:
    store.add_rejection(rejection)
    summary.rejected += 1
    if len(summary.rejections) < MAX_LISTED_REJECTIONS:
        summary.rejections.append(rejection)


def store_documents(store: Store, summary: IngestSummary, docs: Sequence[PreparedDocument]) -> None:
    """Store processed documents in one transaction; one already stored counts as a duplicate."""
    if not docs:
        return
    t0 = time.perf_counter()
    added = store.add_prepared(docs)
    summary.stage_stats["ms store"] += int((time.perf_counter() - t0) * 1000)  # the one serial stage
    for doc, new in zip(docs, added, strict=True):
        if not new:
            summary.duplicates += 1
            continue
        summary.accepted += 1
        summary.events += doc.n_events
        summary.unsupported += not doc.supported
        summary.languages.update(doc.languages[:1])
        summary.stage_stats.update(doc.stats)


class Batcher:
    """Collects processed documents and stores them a batch at a time: `BATCH_DOCUMENTS`, or what
    arrived within `BATCH_SECONDS` of the batch's first document, whichever comes first.

    A DuckDB commit costs milliseconds however little it holds, so one per document was most of
    an ingest; a batch is all or nothing, so a crash loses at most the batch being written (a
    re-run reprocesses it: ids are content hashes and stored ids are skipped)."""

    def __init__(self, store: Store, summary: IngestSummary, in_flight: set[str],
                 size: int = BATCH_DOCUMENTS, seconds: float = BATCH_SECONDS) -> None:
        self.store, self.summary, self.in_flight = store, summary, in_flight
        self.size, self.seconds = size, seconds
        self.pending: list[PreparedDocument] = []
        self.started = 0.0

    def add(self, doc: PreparedDocument) -> None:
        if not self.pending:
            self.started = time.monotonic()
        self.pending.append(doc)
        if len(self.pending) >= self.size or time.monotonic() - self.started >= self.seconds:
            self.flush()

    def flush(self) -> None:
        store_documents(self.store, self.summary, self.pending)
        self.in_flight.difference_update(doc.id for doc in self.pending)  # the store answers for them now
        self.pending = []


def new_documents(paths: Iterable[str | Path], store: Store, limits: Limits, summary: IngestSummary,
                  in_flight: set[str]) -> Iterator[tuple[str, DocumentMeta]]:
    """Records of `paths` that are neither rejected nor already stored, in reading order.

    `in_flight` holds the ids handed out but not yet stored; the caller removes an id once its
    document is stored, after which the store itself answers. So duplicates within a batch are
    caught while memory stays bounded by the engine's window, not by the corpus. The store is
    asked about `READ_AHEAD` records at a time (a query per record cost more than storing it)."""
    records = read_paths(paths, limits)
    while chunk := list(islice(records, READ_AHEAD)):
        documents = []
        for record in chunk:
            if isinstance(record, Rejection):
                record_rejection(store, summary, record)
            else:
                documents.append((content_hash(record[0]), record))
        stored = store.stored_ids([doc_id for doc_id, _ in documents])
        for doc_id, record in documents:
            if doc_id in in_flight or doc_id in stored:
                summary.duplicates += 1
                continue
            in_flight.add(doc_id)
            yield record


def remerge(store: Store) -> MergeUpdate:
    """Bring the canonical events up to date with the stored mentions (a corpus stage, after the
    documents): only the merge keys of mentions added, removed or changed since the last merge are
    re-clustered, so an ingest into a large store costs what it touches, not the whole store."""
    return update_canonical(store)
