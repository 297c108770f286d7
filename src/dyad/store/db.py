"""The DuckDB store: documents, rejections, removed spans, event mentions and canonical events.

One file (default `./dyad.duckdb`). Documents are written in batches, each batch in one
transaction with its events, so a crash mid-ingest leaves the store as it was after the last
committed batch (a re-run stores the rest: document ids are content hashes). The schema is
versioned: `migrate` brings an older file up to `SCHEMA_VERSION`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from dyad.model import Document, Event, Rejection
from dyad.store.insert import insert_rows
from dyad.store.near_duplicates import (
    BANDS,
    EMPTY_BAND,
    NEAR_DUPLICATE,
    ROWS_PER_BAND,
    bands,
    lookup_bands,
    min_shared_bands,
    near_duplicates_of,
)
from dyad.store.schema import (
    DOCUMENT_COLUMNS,
    EVENT_COLUMNS,
    MIGRATIONS,
    REMOVED_COLUMNS,
    SCHEMA_VERSION,
    UNINDEXED,
)

__all__ = ["DOCUMENT_COLUMNS", "EVENT_COLUMNS", "MIGRATIONS", "REMOVED_COLUMNS", "SCHEMA_VERSION", "UNINDEXED",
           "BANDS", "EMPTY_BAND", "NEAR_DUPLICATE", "ROWS_PER_BAND", "bands", "lookup_bands", "min_shared_bands",
           "near_duplicates_of", "PreparedDocument", "Store", "prepare_document"]


def _event_row(e: Event) -> tuple[Any, ...]:
    def actor(a: Any) -> tuple[Any, ...]:
        return (a.code, a.polity, a.sector, a.person) if a else (None, None, None, None)

    d = e.date
    return (
        e.id, e.doc_id, e.sentence, e.kind, e.plover, e.cameo, e.quad_class, e.intensity, e.modality, e.confidence,
        *actor(e.source), *actor(e.target),
        d.value if d else None, d.start if d else None, d.end if d else None, d.precision if d else None,
        e.agreement, "; ".join(e.territory) if e.territory else None, e.location, e.language,
        e.trigger.start, e.trigger.end, e.trigger_text, e.evidence.start, e.evidence.end, e.evidence_text,
        e.extractor_version, *_span(e.argument_spans.get("source")), *_span(e.argument_spans.get("target")),
    )


def _bytes(size: str) -> float:
    """A DuckDB memory size ('128MB', '1GB', '2 GiB') in bytes."""
    number = size.rstrip("BbIiKkMmGgTt ")
    unit = size[len(number):].strip().upper().replace("I", "").rstrip("B") or "B"
    return float(number) * 1024 ** "BKMGT".index(unit[0] if unit != "B" else "B")


def _check_unique_events(ids: Sequence[str]) -> None:
    """Raise, as the events' primary key did, if two of these new events share an id. An
    event id hashes its document's id (`model.event_id`), and a document's events are written only
    with the document itself, when its id is not yet stored: so ids unique within the batch are
    unique in the store (but for a 64-bit hash collision, which the key would have refused)."""
    if len(set(ids)) != len(ids):
        seen: set[str] = set()
        duplicate = next(i for i in ids if i in seen or seen.add(i))  # type: ignore[func-returns-value]
        raise duckdb.ConstraintException(f"duplicate event id {duplicate!r}: a document's events must differ")


def _span(offsets: list[int] | None) -> tuple[int | None, int | None]:
    return (offsets[0], offsets[1]) if offsets else (None, None)


@dataclass(frozen=True)
class PreparedDocument:
    """What the store writes of one processed document, as plain rows: built where the document was
    processed (a pool worker), it crosses to the writing process at a fraction of the Document's
    pickling cost, and the writer only adds what needs the store (ingest time, near-duplicate link).

    `row` holds `DOCUMENT_COLUMNS` but the last two and `ingested_at`; `events` and `removed` are
    rows of `EVENT_COLUMNS` and `REMOVED_COLUMNS`. `languages`, `stats` and `n_events` are there
    for the ingest summary."""

    id: str
    row: tuple[Any, ...]
    fingerprint: list[int]
    bands: list[tuple[int, int]]
    removed: list[tuple[Any, ...]]
    events: list[tuple[Any, ...]]
    languages: list[str]
    stats: dict[str, int]
    supported: bool

    @property
    def n_events(self) -> int:
        return len(self.events)


def prepare_document(doc: Document, supported: bool) -> PreparedDocument:
    """`doc` as the store writes it (a pure function of the document: run it in any process)."""
    m = doc.meta
    fingerprint = list(doc.fingerprint or [])
    return PreparedDocument(
        id=doc.id,
        row=(doc.id, m.source_path, m.record, m.title, m.url, m.published, doc.languages, supported, len(doc.text),
             doc.text, json.dumps(doc.stats)),
        fingerprint=fingerprint, bands=lookup_bands(fingerprint),
        removed=[(doc.id, start, end, reason) for start, end, reason in doc.removed_spans()],
        events=[_event_row(e) for e in doc.events], languages=list(doc.languages), stats=dict(doc.stats),
        supported=supported)


# DuckDB's buffer cache may otherwise take 80 % of the machine's memory: it kept the blocks of a
# growing store, so an ingest's memory grew with the store. Above this, DuckDB evicts cached
# blocks and spills large intermediates to `<store>.tmp`. (Its indexes, ~2 KB a document, and
# the transaction being written are not cached blocks.)
MEMORY_LIMIT = "1GB"
# While an ingest writes batches (`Store.ingesting`), a smaller cap: the batches need little (a
# near-duplicate lookup, 64 documents' rows), but under 1 GB DuckDB kept every block it wrote or
# read cached, ~2.7 KB a document, so the writing process grew with the store until the cap. At
# 128 MB it evicts cold blocks (text, events) and keeps what the lookups scan: 32,768 documents
# stored at 1.1-1.7 ms each as under 1 GB, cache ~25 MB at the end (bench/RESULTS.md, round 6).
INGEST_MEMORY_LIMIT = "128MB"


class Store:
    def __init__(self, path: str | Path = "dyad.duckdb", read_only: bool = False,
                 memory_limit: str = MEMORY_LIMIT) -> None:
        self.path = str(path)
        self.memory_limit = memory_limit
        self.con = duckdb.connect(self.path, read_only=read_only, config={"memory_limit": memory_limit})
        if not read_only:
            self.migrate()

    @contextmanager
    def ingesting(self) -> Iterator[Store]:
        """Write batches under `INGEST_MEMORY_LIMIT` (at most this store's own limit), then go
        back to the store's limit (a merge sorts and joins millions of rows, and wants it)."""
        limit = min(self.memory_limit, INGEST_MEMORY_LIMIT, key=_bytes)
        self.con.execute(f"SET memory_limit = '{limit}'")
        try:
            yield self
        finally:
            self.con.execute(f"SET memory_limit = '{self.memory_limit}'")

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def schema_version(self) -> int:
        exists = self.con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'").fetchone()
        if not exists or not exists[0]:
            return 0
        row = self.con.execute("SELECT max(version) FROM schema_version").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def migrate(self) -> None:
        current = self.schema_version()
        if current > SCHEMA_VERSION:
            raise RuntimeError(f"{self.path}: schema version {current} is newer than this dyad ({SCHEMA_VERSION})")
        self.con.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER, applied_at TIMESTAMP)")
        for version in range(current + 1, SCHEMA_VERSION + 1):
            self.con.execute("BEGIN TRANSACTION")
            for statement in MIGRATIONS[version]:
                self.con.execute(statement)
            self.con.execute("INSERT INTO schema_version VALUES (?, ?)", [version, dt.datetime.now()])
            self.con.execute("COMMIT")

    # -- writing ---------------------------------------------------------------------------

    def has_document(self, doc_id: str) -> bool:
        return bool(self.con.execute("SELECT 1 FROM documents WHERE id = ?", [doc_id]).fetchone())

    def add_document(self, doc: Document, supported: bool) -> bool:
        """Store one processed document with its events; False if it was already stored."""
        return self.add_documents([(doc, supported)])[0]

    def add_documents(self, docs: Sequence[tuple[Document, bool]]) -> list[bool]:
        """Store processed documents (each with whether dyad has data for its language) and their
        events in one transaction: after a crash, all of them are stored or none. Per document,
        False if it was already stored (or came earlier in `docs`)."""
        return self.add_prepared([prepare_document(doc, supported) for doc, supported in docs])

    def add_prepared(self, docs: Sequence[PreparedDocument]) -> list[bool]:
        """`add_documents` for documents already turned into rows (`prepare_document`).

        Ingest is a transaction per batch, not per document: a DuckDB commit costs milliseconds
        whatever it holds, and one set-based near-duplicate lookup serves the whole batch."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            # The tables have no primary keys (migration 6): a document is added only if its id
            # is not stored, checked inside the transaction that writes it (one writer at a time).
            stored = self.stored_ids([doc.id for doc in docs])
            added, fresh = [], []
            for doc in docs:
                added.append(doc.id not in stored)
                if doc.id not in stored:
                    stored.add(doc.id)
                    fresh.append(doc)
            if not fresh:
                self.con.execute("COMMIT")
                return added
            _check_unique_events([event[0] for doc in fresh for event in doc.events])
            originals = near_duplicates_of(self.con, [(doc.id, doc.fingerprint) for doc in fresh],
                                                 [doc.bands for doc in fresh])
            doc_rows, band_rows, removed, events = [], [], [], []
            now = dt.datetime.now()
            for doc, original in zip(fresh, originals, strict=True):
                # strictly increasing: the earliest of near-duplicates (by ingested_at) is the original
                now = max(dt.datetime.now(), now + dt.timedelta(microseconds=1))
                doc_rows.append((*doc.row, now, doc.fingerprint or None, original))
                band_rows += [(doc.id, b, h) for b, h in doc.bands]
                removed += doc.removed
                events += doc.events
            insert_rows(self.con, "documents", DOCUMENT_COLUMNS, doc_rows)
            insert_rows(self.con, "doc_bands", ("doc_id", "band", "hash"), band_rows)
            insert_rows(self.con, "removed_spans", REMOVED_COLUMNS, removed)
            insert_rows(self.con, "events", EVENT_COLUMNS, events)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return added

    def stored_ids(self, ids: Sequence[str]) -> set[str]:
        """Which of `ids` are stored documents (one query for a batch)."""
        if not ids:
            return set()
        rows = self.con.execute("SELECT id FROM documents WHERE id IN (SELECT unnest(?::VARCHAR[]))",
                                [list(ids)]).fetchall()
        return {doc_id for (doc_id,) in rows}

    def remove_document(self, doc_id: str) -> bool:
        """Delete a document with its events and removed spans; False if it was not stored."""
        if not self.has_document(doc_id):
            return False
        self._in_transaction([("DELETE FROM events WHERE doc_id = ?", [doc_id]),
                              ("DELETE FROM removed_spans WHERE doc_id = ?", [doc_id]),
                              ("DELETE FROM doc_bands WHERE doc_id = ?", [doc_id]),
                              ("DELETE FROM documents WHERE id = ?", [doc_id])])
        return True

    def replace_events(self, doc: Document) -> None:
        """Swap a stored document's events for freshly extracted ones, in one transaction."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM events WHERE doc_id = ?", [doc.id])
            self.con.execute("DELETE FROM removed_spans WHERE doc_id = ?", [doc.id])
            if doc.events:
                _check_unique_events([e.id for e in doc.events])
                insert_rows(self.con, "events", EVENT_COLUMNS, [_event_row(e) for e in doc.events])
            removed = [(doc.id, start, end, reason) for start, end, reason in doc.removed_spans()]
            if removed:
                insert_rows(self.con, "removed_spans", REMOVED_COLUMNS, removed)
            self.con.execute("UPDATE documents SET languages = ?, stats = ? WHERE id = ?",
                             [doc.languages, json.dumps(doc.stats), doc.id])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _in_transaction(self, statements: list[tuple[str, list[Any]]]) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            for sql, params in statements:
                self.con.execute(sql, params)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def add_rejection(self, rejection: Rejection) -> None:
        self.con.execute("INSERT INTO rejections VALUES (?, ?, ?, ?)",
                         [rejection.source_path, rejection.record, rejection.reason, dt.datetime.now()])

    def replace_canonical(self, canonical: Sequence[dict[str, Any]], members: Iterable[tuple[str, str]]) -> None:
        self.con.execute("BEGIN TRANSACTION")
        try:
            self.con.execute("DELETE FROM canonical_members")
            self.con.execute("DELETE FROM canonical_events")
            if canonical:
                cols = list(canonical[0])
                insert_rows(self.con, "canonical_events", cols, [[row[c] for c in cols] for row in canonical])
            member_rows = list(members)
            if member_rows:
                insert_rows(self.con, "canonical_members", ("canonical_id", "event_id"), member_rows)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    # -- reading ---------------------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cur = self.con.execute(sql, list(params))
        names = [d[0] for d in cur.description]
        return [dict(zip(names, row, strict=False)) for row in cur.fetchall()]

    def events(self, actor: str | None = None, kind: str | None = None, doc_id: str | None = None,
               in_text_order: bool = False) -> list[dict[str, Any]]:
        where, params = [], []
        if actor:
            where.append("(source_code = ? OR target_code = ?)")
            params += [actor, actor]
        if kind:
            where.append("kind = ?")
            params.append(kind)
        if doc_id:
            where.append("doc_id = ?")
            params.append(doc_id)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        order = "doc_id, trigger_start" if in_text_order else "date_start NULLS LAST, doc_id, trigger_start"
        return self.query(
            f"SELECT e.*, d.source_path, m.canonical_id FROM events e JOIN documents d ON d.id = e.doc_id "
            f"LEFT JOIN canonical_members m ON m.event_id = e.id {clause} ORDER BY {order}", params)

    def iter_events(self) -> Iterator[dict[str, Any]]:
        """Every event mention, with `source_key`: its document, or the original a syndicated copy copies."""
        yield from self.query("SELECT e.*, coalesce(d.duplicate_of, d.id) AS source_key FROM events e "
                              "JOIN documents d ON d.id = e.doc_id ORDER BY e.id")

    def iter_documents(self) -> Iterator[dict[str, Any]]:
        """Stored documents with their text, one at a time (for reprocessing)."""
        for (doc_id,) in self.con.execute("SELECT id FROM documents ORDER BY id").fetchall():
            yield self.query("SELECT * FROM documents WHERE id = ?", [doc_id])[0]

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """One stored document (by id, a unique id prefix, or its file name) with its removed spans."""
        rows = self.query("SELECT * FROM documents WHERE id LIKE ? || '%' OR source_path = ? "
                          "OR source_path LIKE '%/' || ?", [doc_id, doc_id, doc_id])
        if len(rows) != 1:
            return None
        doc = rows[0]
        doc["removed"] = self.query("SELECT start_char, end_char, reason FROM removed_spans WHERE doc_id = ? "
                                    "ORDER BY start_char", [doc["id"]])
        return doc

    def documents(self) -> list[dict[str, Any]]:
        return self.query("SELECT id, source_path, record, languages, supported, n_chars FROM documents "
                          "ORDER BY source_path, record")

    def members(self, canonical_id: str) -> list[dict[str, Any]]:
        """The mentions a canonical event merges, each with its document."""
        return self.query(
            """SELECT e.*, d.source_path FROM canonical_members m JOIN events e ON e.id = m.event_id
               JOIN documents d ON d.id = e.doc_id WHERE m.canonical_id = ? ORDER BY e.date_start, e.id""",
            [canonical_id])

    def canonical_between(self, a: str, b: str) -> list[dict[str, Any]]:
        return self.query(
            """SELECT * FROM canonical_events
               WHERE (source_code = ? AND target_code = ?) OR (source_code = ? AND target_code = ?)
                  OR (target_code IS NULL AND source_code IN (?, ?) AND territory IS NOT NULL)
               ORDER BY date_start NULLS LAST, kind, id""", [a, b, b, a, a, b])
