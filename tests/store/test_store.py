from dyad.model import DocumentMeta, Rejection
from dyad.pipeline import process
from dyad.store.db import SCHEMA_VERSION, Store


def test_schema_is_versioned(store):
    assert store.schema_version() == SCHEMA_VERSION


def test_document_and_events_stored_once(store):
    doc = process("Russia and Japan signed the Treaty of Shimoda on 7 February 1855.", DocumentMeta("a.txt"))
    assert store.add_document(doc, supported=True)
    assert not store.add_document(doc, supported=True)
    assert store.query("SELECT count(*) AS n FROM documents")[0]["n"] == 1
    rows = store.events()
    assert len(rows) == len(doc.events)


def test_rejection_is_recorded(store):
    store.add_rejection(Rejection("bad.bin", "", "binary content, not text"))
    assert store.query("SELECT reason FROM rejections")[0]["reason"] == "binary content, not text"


def test_reopening_keeps_data(tmp_path):
    path = tmp_path / "x.duckdb"
    with Store(path) as s:
        s.add_rejection(Rejection("a", "", "empty file"))
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert len(s.query("SELECT * FROM rejections")) == 1
