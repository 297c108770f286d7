"""The store's schema: the columns written, and the migrations from an empty file to
`SCHEMA_VERSION` (`Store.migrate` applies those a file lacks, each in one transaction)."""

from __future__ import annotations

SCHEMA_VERSION = 6

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
    6: [
        # No index on the tables an ingest grows (see `UNINDEXED`): DuckDB keeps an ART index in
        # memory once an insert touches it, and random hash keys touch all of it, so the primary
        # keys of documents and events, `events_doc` and `doc_bands_lookup` held ~1.6 KB a document
        # in the writing process, growing without bound. None served the ingest's queries (the
        # near-duplicate lookup and `stored_ids` are hash joins and scans, as fast without them);
        # `add_prepared` checks what the keys enforced. DuckDB cannot drop a primary key, so the
        # two tables are copied (same columns, types and rows, in the same order).
        "DROP INDEX IF EXISTS events_doc",
        "DROP INDEX IF EXISTS doc_bands_lookup",
        *(statement for table in ("documents", "events") for statement in (
            f"CREATE TABLE _{table}_v6 AS SELECT * FROM {table}",
            f"DROP TABLE {table}",
            f"ALTER TABLE _{table}_v6 RENAME TO {table}"))
    ],
}
UNINDEXED = ("documents", "events", "doc_bands", "removed_spans")  # written by every ingest: no ART index
