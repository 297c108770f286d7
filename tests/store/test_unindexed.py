"""The tables an ingest grows carry no ART index (schema 6), and the store still refuses what
their keys refused: a stored document again, and two events with one id."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest

from dyad.model import DocumentMeta
from dyad.pipeline import process
from dyad.store.db import MIGRATIONS, SCHEMA_VERSION, UNINDEXED, PreparedDocument, Store, prepare_document

TEXT = ("On 19 October 1956 the Soviet Union and Japan signed a joint declaration in Moscow. "
        "In 1904 Japan attacked the Russian fleet at Port Arthur and the war began.")


def _copies(template: PreparedDocument, n: int, start: int = 0) -> list[PreparedDocument]:
    """`n` documents with the template's rows under their own ids (and so their own event ids)."""
    out = []
    for k in range(start, start + n):
        doc_id = f"{k:016x}"
        out.append(replace(template, id=doc_id, row=(doc_id, *template.row[1:]), fingerprint=[], bands=[],
                           removed=[(doc_id, *r[1:]) for r in template.removed],
                           events=[(f"{doc_id}-{j}", doc_id, *e[2:]) for j, e in enumerate(template.events)]))
    return out


@pytest.fixture(scope="module")
def template() -> PreparedDocument:
    doc = prepare_document(process(TEXT, DocumentMeta("a.txt")), supported=True)
    assert len(doc.events) >= 2
    return doc


def test_an_ingest_holds_no_index_in_memory(store, template):
    """With the primary keys and indexes of schema 5, these 3,000 documents left ~1 MB of ART
    index in the writing process, and it grew ~1.6 KB a document with the store."""
    for start in range(0, 3000, 64):
        store.add_prepared(_copies(template, 64, start))
    assert store.query("SELECT count(*) AS n FROM documents") == [{"n": 3008}]
    art = store.query("SELECT coalesce(sum(memory_usage_bytes), 0) AS b FROM duckdb_memory() WHERE tag = 'ART_INDEX'")
    assert art == [{"b": 0}]
    indexed = store.query("SELECT DISTINCT table_name FROM duckdb_indexes() UNION "
                          "SELECT DISTINCT table_name FROM duckdb_constraints() "
                          "WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE')")
    assert not {r["table_name"] for r in indexed} & set(UNINDEXED)


def test_a_stored_document_is_refused_in_a_later_batch_and_twice_in_one(store, template):
    first = _copies(template, 3)
    assert store.add_prepared(first) == [True, True, True]
    again = _copies(template, 2, start=2)
    assert store.add_prepared([again[0], again[1], again[1]]) == [False, True, False]
    assert store.query("SELECT count(*) AS n, count(DISTINCT id) AS ids FROM documents") == [{"n": 4, "ids": 4}]
    events = store.query("SELECT count(*) AS n, count(DISTINCT id) AS ids FROM events")
    assert events == [{"n": 4 * len(template.events), "ids": 4 * len(template.events)}]


def test_two_events_with_one_id_abort_the_batch_and_leave_the_store_as_it_was(store, template):
    store.add_prepared(_copies(template, 1))
    before = store.query("SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM events) AS e")
    bad = _copies(template, 2, start=1)
    bad[1] = replace(bad[1], events=[bad[1].events[0], bad[1].events[0]])
    with pytest.raises(duckdb.ConstraintException, match="duplicate event id"):
        store.add_prepared(bad)
    assert store.query("SELECT (SELECT count(*) FROM documents) AS d, (SELECT count(*) FROM events) AS e") == before
    assert store.add_prepared(bad[:1]) == [True]  # the store still writes


def test_a_version_5_store_keeps_its_rows_and_loses_its_indexes(tmp_path, template):
    tables = ("documents", "events", "doc_bands", "removed_spans")
    with Store(tmp_path / "new.duckdb") as new:
        new.add_prepared([prepare_document(process(text, DocumentMeta(f"{i}.txt")), supported=True)
                          for i, text in enumerate((TEXT, "Japan and Russia signed a treaty in 1855 at Shimoda."))])
        new.add_prepared(_copies(template, 5))
    path = tmp_path / "v5.duckdb"
    with duckdb.connect(str(path)) as con:  # a store as dyad's schema 5 wrote it, keys and indexes included
        con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
        for version in range(1, 6):
            for statement in MIGRATIONS[version]:
                con.execute(statement)
            con.execute("INSERT INTO schema_version VALUES (?, now())", [version])
        con.execute(f"ATTACH '{tmp_path / 'new.duckdb'}' AS new (READ_ONLY)")
        for table in tables:
            con.execute(f"INSERT INTO {table} SELECT * FROM new.{table}")
        assert con.execute("SELECT count(*) FROM duckdb_indexes() WHERE database_name = 'v5'").fetchone() == (2,)
    with Store(path) as old, Store(tmp_path / "new.duckdb", read_only=True) as new:
        assert old.schema_version() == SCHEMA_VERSION
        for table in tables:
            assert old.query(f"DESCRIBE {table}") == new.query(f"DESCRIBE {table}")
            assert old.query(f"SELECT * FROM {table} ORDER BY ALL") == new.query(f"SELECT * FROM {table} ORDER BY ALL")
        assert not old.query("SELECT * FROM duckdb_indexes()")
        assert not old.query("SELECT * FROM duckdb_constraints() WHERE table_name IN ('documents', 'events') "
                             "AND constraint_type = 'PRIMARY KEY'")


def test_batches_are_written_under_the_ingest_cap_and_the_merge_gets_the_stores_limit(tmp_path):
    from dyad.store.db import INGEST_MEMORY_LIMIT, MEMORY_LIMIT

    def limit(store: Store) -> str:
        return str(store.query("SELECT current_setting('memory_limit') AS m")[0]["m"])

    with Store(tmp_path / "a.duckdb") as store:
        assert MEMORY_LIMIT == "1GB" and INGEST_MEMORY_LIMIT == "128MB"
        whole = limit(store)
        with store.ingesting():
            assert limit(store) == "122.0 MiB"  # DuckDB's 128 MB
        assert limit(store) == whole == "953.6 MiB"
    with Store(tmp_path / "b.duckdb", memory_limit="64MB") as store, store.ingesting():
        assert limit(store) == "61.0 MiB"  # never above the store's own limit
