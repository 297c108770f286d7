"""The DuckDB store: documents, rejections, removed spans, event mentions and canonical events.

One file (default `./dyad.duckdb`). Documents are written in batches, each batch in one
transaction with its events, so a crash mid-ingest leaves the store as it was after the last
committed batch (a re-run stores the rest: document ids are content hashes). The schema is
versioned: `migrate` brings an older file up to `SCHEMA_VERSION`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

from dyad.clean.fingerprint import EMPTY, similarity
from dyad.model import Document, Event, Rejection
from dyad.store.insert import insert_rows

SCHEMA_VERSION = 5
BANDS, ROWS_PER_BAND = 16, 4  # LSH over the 64-value MinHash: candidates share one band
NEAR_DUPLICATE = 0.8

DOCUMENT_COLUMNS = ("id", "source_path", "record", "title", "url", "published", "languages", "supported", "n_chars",
                    "text", "stats", "ingested_at", "fingerprint", "duplicate_of")
REMOVED_COLUMNS = ("doc_id", "start_char", "end_char", "reason")
EVENT_COLUMNS = (
    "id", "doc_id", "sentence", "kind", "plover", "cameo", "quad_class", "intensity", "modality", "confidence",
    "source_code", "source_polity", "source_sector", "source_person",
    "target_code", "target_polity", "target_sector", "target_person",
    "date_value", "date_start", "date_end", "date_precision", "agreement", "territory", "location", "language",
    "trigger_start", "trigger_end", "trigger_text", "evidence_start", "evidence_end", "evidence_text",
    "extractor_version", "source_start", "source_end", "target_start", "target_end",
)


MIGRATIONS: dict[int, list[str]] = {
    1: [
        """CREATE TABLE documents (
            id VARCHAR PRIMARY KEY, source_path VARCHAR, record VARCHAR, title VARCHAR, url VARCHAR,
            published VARCHAR, languages VARCHAR[], supported BOOLEAN, n_chars INTEGER, text VARCHAR,
            stats JSON, ingested_at TIMESTAMP)""",
        """CREATE TABLE rejections (
            source_path VARCHAR, record VARCHAR, reason VARCHAR, rejected_at TIMESTAMP)""",
        """CREATE TABLE removed_spans (doc_id VARCHAR, start_char INTEGER, end_char INTEGER, reason VARCHAR)""",
        """CREATE TABLE events (
            id VARCHAR PRIMARY KEY, doc_id VARCHAR, sentence INTEGER, kind VARCHAR, plover VARCHAR, cameo VARCHAR,
            quad_class INTEGER, intensity DOUBLE, modality VARCHAR, confidence DOUBLE,
            source_code VARCHAR, source_polity VARCHAR, source_sector VARCHAR, source_person VARCHAR,
            target_code VARCHAR, target_polity VARCHAR, target_sector VARCHAR, target_person VARCHAR,
            date_value VARCHAR, date_start DATE, date_end DATE, date_precision VARCHAR,
            agreement VARCHAR, territory VARCHAR, location VARCHAR, language VARCHAR,
            trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
            evidence_start INTEGER, evidence_end INTEGER, evidence_text VARCHAR, extractor_version VARCHAR)""",
        "CREATE INDEX events_doc ON events (doc_id)",
        """CREATE TABLE canonical_events (
            id VARCHAR PRIMARY KEY, kind VARCHAR, source_code VARCHAR, target_code VARCHAR,
            date_value VARCHAR, date_start DATE, date_end DATE, date_precision VARCHAR,
            agreement VARCHAR, territory VARCHAR, modality VARCHAR, quad_class INTEGER, intensity DOUBLE,
            n_mentions INTEGER, n_sources INTEGER)""",
        "CREATE TABLE canonical_members (canonical_id VARCHAR, event_id VARCHAR)",
    ],
    2: [
        # sources that tell one event with different dates: a finding for `dyad conflicts`
        "ALTER TABLE canonical_events ADD COLUMN date_conflict BOOLEAN DEFAULT false",
    ],
    3: [
        # syndicated copies: a document whose text nearly equals an earlier one's points at it
        "ALTER TABLE documents ADD COLUMN fingerprint UBIGINT[]",
        "ALTER TABLE documents ADD COLUMN duplicate_of VARCHAR",
        "CREATE TABLE doc_bands (doc_id VARCHAR, band INTEGER, hash UBIGINT)",
        "CREATE INDEX doc_bands_lookup ON doc_bands (band, hash)",
    ],
    4: [
        # evidence for each argument: where the source and target are named (null when implied)
        "ALTER TABLE events ADD COLUMN source_start INTEGER",
        "ALTER TABLE events ADD COLUMN source_end INTEGER",
        "ALTER TABLE events ADD COLUMN target_start INTEGER",
        "ALTER TABLE events ADD COLUMN target_end INTEGER",
    ],
    5: [
        # incremental merge (merge/incremental.py): each merged mention with its merge key, its
        # canonical event and a digest of the fields merging reads, so that a new, removed or
        # re-extracted document re-merges only the keys it touches; and a checksum of the canonical
        # table as last merged, to notice a rebuild by other code or by older merge rules.
        # IF NOT EXISTS: stores of the development versions created these tables outside migrations.
        "CREATE TABLE IF NOT EXISTS canonical_inputs (event_id VARCHAR, merge_key VARCHAR, canonical_id VARCHAR, "
        "digest UBIGINT)",
        "CREATE TABLE IF NOT EXISTS canonical_sync (checksum UBIGINT, n BIGINT, version INTEGER)",
    ],
}


def bands(fingerprint: Sequence[int]) -> list[tuple[int, int]]:
    if len(fingerprint) < BANDS * ROWS_PER_BAND:
        return []
    out = []
    for b in range(BANDS):
        chunk = ",".join(map(str, fingerprint[b * ROWS_PER_BAND:(b + 1) * ROWS_PER_BAND]))
        out.append((b, int.from_bytes(hashlib.blake2b(chunk.encode(), digest_size=8).digest(), "big")))
    return out


# A band whose bins are all empty (a short text's MinHash leaves most bins empty) is shared by
# every short document, so it would make each of them a candidate of all the others. It is
# neither stored nor looked up, and that loses no near-duplicate: two documents that share no
# other band differ in at least one used bin of each band with a used bin (at most four), so
# their similarity is at most 3/4, below NEAR_DUPLICATE.
EMPTY_BAND = bands([EMPTY] * BANDS * ROWS_PER_BAND)[0][1]


def lookup_bands(fingerprint: Sequence[int]) -> list[tuple[int, int]]:
    """The (band, hash) keys under which a fingerprint is stored and its near-duplicates are found."""
    return [key for key in bands(fingerprint) if key[1] != EMPTY_BAND]


def min_shared_bands(n_keys: int) -> int:
    """The fewest looked-up bands a near-duplicate shares with a fingerprint that has `n_keys` of them.

    Of two fingerprints at similarity >= NEAR_DUPLICATE (0.8), say s bands are equal and not
    empty, e are empty in both, and d = 16 - s - e differ. Each differing band holds at least one
    differing bin, and at most the 4(s + d) bins outside the both-empty bands count, so
    d <= 0.2 * 4(s + d): d <= 4s, and s >= (s + d) / 5 >= n_keys / 5 (e is at most the 16 - n_keys
    bands empty in the one fingerprint). A band hash shared by chance only adds to s, so a
    document sharing fewer looked-up bands is no near-duplicate: skipping it changes no answer."""
    assert NEAR_DUPLICATE == 0.8 and ROWS_PER_BAND == 4  # the bound's arithmetic
    return -(-n_keys // 5)


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


class Store:
    def __init__(self, path: str | Path = "dyad.duckdb", read_only: bool = False,
                 memory_limit: str = MEMORY_LIMIT) -> None:
        self.path = str(path)
        self.con = duckdb.connect(self.path, read_only=read_only, config={"memory_limit": memory_limit})
        if not read_only:
            self.migrate()

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
        stored = self.stored_ids([doc.id for doc in docs])
        added, fresh = [], []
        for doc in docs:
            added.append(doc.id not in stored)
            if doc.id not in stored:
                stored.add(doc.id)
                fresh.append(doc)
        if not fresh:
            return added
        self.con.execute("BEGIN TRANSACTION")
        try:
            originals = self._near_duplicates_of([(doc.id, doc.fingerprint) for doc in fresh],
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

    def _near_duplicates_of(self, docs: Sequence[tuple[str, Sequence[int] | None]],
                            keys: Sequence[Sequence[tuple[int, int]]]) -> list[str | None]:
        """For each (id, fingerprint) of a batch in order, the earliest document it nearly copies
        (that document's original, if it is a copy itself): a stored one, else one earlier in the batch.
        `keys` are each fingerprint's `lookup_bands`.

        A candidate is a document that shares a band with it, but one that shares fewer than
        `min_shared_bands` cannot be a near-duplicate (see there), so the store is asked, in one
        query for the batch, only for the stored documents that share enough bands with a document
        of the batch: in a corpus whose documents share much text the candidates sharing one or two
        bands grew with the store, and fetching and comparing their fingerprints made a batch's
        cost grow with the store's size."""
        stored: dict[str, tuple[int, list[int], str | None]] = {}  # id -> (ingested µs, fingerprint, original)
        older: list[list[str]] = [[] for _ in docs]  # position in batch -> stored candidates
        lookups = [(i, band, hash_, min_shared_bands(len(ks))) for i, ks in enumerate(keys) for band, hash_ in ks]
        if lookups:
            for i, doc_id, at, fingerprint, duplicate_of in self.con.execute(
                    "WITH k AS (SELECT unnest(?::INTEGER[]) AS i, unnest(?::INTEGER[]) AS band, "
                    "unnest(?::UBIGINT[]) AS hash, unnest(?::INTEGER[]) AS need), "
                    "c AS (SELECT k.i, b.doc_id FROM k JOIN doc_bands b ON b.band = k.band AND b.hash = k.hash "
                    "GROUP BY k.i, b.doc_id, k.need HAVING count(DISTINCT b.band) >= k.need) "
                    "SELECT c.i, d.id, epoch_us(d.ingested_at), d.fingerprint, d.duplicate_of "
                    "FROM c JOIN documents d ON d.id = c.doc_id",
                    [[x[0] for x in lookups], [x[1] for x in lookups], [x[2] for x in lookups],
                     [x[3] for x in lookups]]).fetchall():
                older[i].append(doc_id)
                stored[doc_id] = (at, fingerprint or [], duplicate_of)
        earlier: dict[tuple[int, int], list[int]] = {}  # key -> positions in this batch
        originals: list[str | None] = []
        for i, ((_, fp), ks) in enumerate(zip(docs, keys, strict=True)):
            candidates = [(doc_id, stored[doc_id][1], stored[doc_id][2])
                          for doc_id in sorted(older[i], key=lambda doc_id: (stored[doc_id][0], doc_id))]
            # the batch's documents come after every stored one, and in batch order among themselves
            for j in sorted({j for key in ks for j in earlier.get(key, ())}):
                candidates.append((docs[j][0], list(docs[j][1] or []), originals[j]))
            mine = list(fp or [])
            originals.append(next((original or doc_id for doc_id, other, original in candidates
                                   if similarity(mine, other) >= NEAR_DUPLICATE), None))
            for key in ks:
                earlier.setdefault(key, []).append(i)
        return originals

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
