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


def test_syndicated_copy_points_at_its_original_and_counts_once(store):
    from dyad.engine.local import remerge

    body = ("On 19 October 1956 the Soviet Union and Japan signed a joint declaration in Moscow. "
            "The declaration ended the state of war and restored diplomatic relations between the two countries. "
            "Both governments agreed to continue negotiations on a peace treaty.")
    a = process(body, DocumentMeta("site-a.txt"))
    b = process("Share this article\n\n" + body + "\n\nRead more: our Asia coverage", DocumentMeta("site-b.txt"))
    other = process("In 1904 Japan attacked the Russian fleet at Port Arthur and the war began.", DocumentMeta("c.txt"))
    for doc in (a, b, other):
        store.add_document(doc, supported=True)
    dups = {r["source_path"]: r["duplicate_of"] for r in store.query("SELECT source_path, duplicate_of FROM documents")}
    assert dups == {"site-a.txt": None, "site-b.txt": a.id, "c.txt": None}
    remerge(store)
    signed = [r for r in store.canonical_between("RUS", "JPN") if r["kind"] == "SIGN_AGREEMENT"]
    assert signed and signed[0]["n_mentions"] == 2 and signed[0]["n_sources"] == 1


SYNDICATED = ("On 19 October 1956 the Soviet Union and Japan signed a joint declaration in Moscow. "
              "The declaration ended the state of war and restored diplomatic relations between the two countries. "
              "Both governments agreed to continue negotiations on a peace treaty.")


def test_a_copy_in_the_same_batch_points_at_the_earlier_document(store):
    a = process(SYNDICATED, DocumentMeta("site-a.txt"))
    b = process("Share this article\n\n" + SYNDICATED, DocumentMeta("site-b.txt"))
    c = process("Read more\n\n" + SYNDICATED + "\n\nSubscribe", DocumentMeta("site-c.txt"))
    assert store.add_documents([(a, True), (b, True), (c, True), (a, True)]) == [True, True, True, False]
    dups = {r["source_path"]: r["duplicate_of"] for r in store.query("SELECT source_path, duplicate_of FROM documents")}
    assert dups == {"site-a.txt": None, "site-b.txt": a.id, "site-c.txt": a.id}


def test_a_batch_stores_what_one_document_at_a_time_stores(tmp_path):
    from dyad.store.db import Store

    docs = [process(SYNDICATED, DocumentMeta("a.txt")),
            process("In 1904 Japan attacked the Russian fleet at Port Arthur.", DocumentMeta("b.txt")),
            process("Breaking\n\n" + SYNDICATED, DocumentMeta("c.txt"))]
    sql = ("SELECT d.id, d.duplicate_of, d.fingerprint, count(e.id) AS events FROM documents d "
           "LEFT JOIN events e ON e.doc_id = d.id GROUP BY ALL ORDER BY d.id")
    with Store(tmp_path / "one.duckdb") as one, Store(tmp_path / "batch.duckdb") as batch:
        for doc in docs:
            one.add_document(doc, supported=True)
        batch.add_documents([(doc, True) for doc in docs])
        assert one.query(sql) == batch.query(sql)
        assert one.query("SELECT * FROM doc_bands ORDER BY ALL") == batch.query("SELECT * FROM doc_bands ORDER BY ALL")
        assert sum(r["events"] for r in batch.query(sql)) == sum(len(d.events) for d in docs) > 0


def test_bands_of_empty_bins_are_not_stored(store):
    from dyad.store.db import EMPTY_BAND

    short = process("Japan and Russia met.", DocumentMeta("short.txt"))  # a few shingles: most bins empty
    store.add_document(short, supported=True)
    hashes = [r["hash"] for r in store.query("SELECT hash FROM doc_bands")]
    assert 0 < len(hashes) < 16 and EMPTY_BAND not in hashes


def test_a_version_4_store_gains_the_incremental_merge_tables_by_migration(tmp_path):
    import duckdb

    from dyad.store.db import MIGRATIONS

    path = tmp_path / "v4.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_version (version INTEGER, applied_at TIMESTAMP)")
    for version in range(1, 5):
        for statement in MIGRATIONS[version]:
            con.execute(statement)
        con.execute("INSERT INTO schema_version VALUES (?, now())", [version])
    # a development build created this table outside the migrations, with one row in it
    con.execute("CREATE TABLE canonical_sync (checksum UBIGINT, n BIGINT, version INTEGER)")
    con.execute("INSERT INTO canonical_sync VALUES (7, 1, 3)")
    con.close()
    with Store(path) as s:
        assert s.schema_version() == SCHEMA_VERSION
        assert s.query("SELECT * FROM canonical_sync") == [{"checksum": 7, "n": 1, "version": 3}]
        assert s.query("SELECT count(*) AS n FROM canonical_inputs") == [{"n": 0}]
