"""Keep the canonical events up to date by re-merging only the merge keys that changed.

Mentions of different merge keys (kind, actor pair, modality class; see `canonical.merge_key`)
never merge, so a key's canonical events depend on that key's mentions alone. A new, removed
or re-extracted document therefore changes only the keys of the mentions it adds or takes
away; `update_canonical` finds them and `remerge_keys` re-clusters just those, replacing their
canonical rows and members in one transaction. Every other canonical event keeps its row and
its id.

To find what changed without help from the caller, the store keeps a table
`canonical_inputs` (schema version 5, `store/db.py`): for every mention merged, its key and a
digest of every field merging reads. A mention whose digest is new (ingested, or re-extracted with another date or actor
under the same id) or a recorded one that is gone (removed) marks its key. A checksum of the
canonical table, kept beside it, tells whether anything else rebuilt that table since
(`Store.replace_canonical`), and `MERGE_VERSION` whether the rules changed; either way the first
update rebuilds everything once.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import duckdb

from dyad.merge.canonical import Key, Mention, canonical_row, cluster_mentions, kind_facts
from dyad.store.db import Store

CANONICAL_COLUMNS = ("id", "kind", "source_code", "target_code", "date_value", "date_start", "date_end",
                     "date_precision", "agreement", "territory", "modality", "quad_class", "intensity",
                     "n_mentions", "n_sources", "date_conflict")
CANONICAL_TYPES = ("string", "string", "string", "string", "string", "date32", "date32", "string", "string", "string",
                   "string", "int32", "float64", "int32", "int32", "bool")
MERGE_COLUMNS = ("id", "doc_id", "kind", "source_code", "target_code", "source_person", "target_person",
                 "date_value", "date_start", "date_end", "date_precision", "agreement", "territory", "modality",
                 "quad_class", "intensity")

# Raise when the merge rules change: stores merged by older rules are then rebuilt once, in full.
MERGE_VERSION = 4
MERGE_CHUNK = 50_000  # mentions merged at a time (whole keys): bounds the merge's memory

def key_text(key: Key) -> str:
    kind, (a, b), asserted = key
    return f"{kind}|{a or ''}|{b or ''}|{int(asserted)}"


def _key_sql() -> str:
    """`key_text(merge_key(e))` as a DuckDB expression over events `e`."""
    facts = kind_facts()
    renamed = {k: v for k, (v, _) in facts.items() if v != k}
    symmetric = sorted(k for k, (_, s) in facts.items() if s)
    kind = "CASE e.kind " + " ".join(f"WHEN '{k}' THEN '{v}'" for k, v in sorted(renamed.items())) + \
        " ELSE e.kind END" if renamed else "e.kind"
    a, b = "coalesce(e.source_code, '')", "coalesce(e.target_code, '')"
    listed = ", ".join(f"'{k}'" for k in symmetric) or "''"
    pair = (f"CASE WHEN e.kind IN ({listed}) THEN least({a}, {b}) || '|' || greatest({a}, {b}) "
            f"ELSE {a} || '|' || {b} END")
    return f"({kind}) || '|' || {pair} || '|' || CASE WHEN e.modality = 'asserted' THEN '1' ELSE '0' END"


SOURCE_KEY = "coalesce(d.duplicate_of, d.id)"  # a syndicated copy counts with its original
DIGEST = f"hash({', '.join('e.' + c for c in MERGE_COLUMNS)}, {SOURCE_KEY})"


@dataclass
class MergeUpdate:
    keys: int  # merge keys re-clustered
    removed: int  # canonical rows taken out
    added: int  # canonical rows written
    full: bool  # the whole table was rebuilt


def _checksum(con: duckdb.DuckDBPyConnection) -> tuple[int, int]:
    row = con.execute("SELECT coalesce(bit_xor(hash(id)), 0), count(*) FROM canonical_events").fetchone()
    return (int(row[0]), int(row[1])) if row else (0, 0)


def _in_sync(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute("SELECT checksum, n, version FROM canonical_sync").fetchone()
    return row is not None and (int(row[0]), int(row[1]), row[2]) == (*_checksum(con), MERGE_VERSION)


def changed_keys(store: Store) -> set[str]:
    """Merge keys of mentions added, removed or changed since the canonical events were last merged."""
    current = (f"SELECT e.id, {_key_sql()} AS merge_key, {DIGEST} AS digest "
               "FROM events e JOIN documents d ON d.id = e.doc_id")
    rows = store.con.execute(
        f"""WITH cur AS ({current})
            SELECT merge_key FROM cur
             WHERE NOT EXISTS (SELECT 1 FROM canonical_inputs i WHERE i.event_id = cur.id AND i.digest = cur.digest)
            UNION
            SELECT i.merge_key FROM canonical_inputs i
             WHERE NOT EXISTS (SELECT 1 FROM cur WHERE cur.id = i.event_id AND cur.digest = i.digest)""").fetchall()
    return {r[0] for r in rows}


def _mentions_sql() -> str:
    """Every stored mention with what merging reads, its source, merge key and digest."""
    cols = ", ".join(f"e.{c}" for c in MERGE_COLUMNS)
    return (f"SELECT {cols}, {SOURCE_KEY} AS source_key, {_key_sql()} AS merge_key, {DIGEST} AS digest "
            "FROM events e JOIN documents d ON d.id = e.doc_id")


def _merge(rows: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[tuple[str, str]], list[tuple[Any, ...]]]:
    """Canonical rows, members and `canonical_inputs` rows of the given mentions, key by key."""
    groups: dict[str, list[Mention]] = defaultdict(list)
    for r in rows:
        groups[r["merge_key"]].append(Mention(r))
    canonical: list[dict[str, Any]] = []
    members: list[tuple[str, str]] = []
    inputs: list[tuple[Any, ...]] = []
    for key in sorted(groups):
        for c in cluster_mentions(groups[key]):
            row = canonical_row(c)
            canonical.append(row)
            for m in c.members:
                members.append((row["id"], m.id))
                inputs.append((m.id, key, row["id"], m.row["digest"]))
    return canonical, members, inputs


def _insert(con: duckdb.DuckDBPyConnection, table: str, columns: Sequence[str], types: Sequence[str],
            values: Sequence[list[Any]]) -> None:
    """Bulk insert of column lists through Arrow: one statement, however many rows (multi-row
    INSERTs of Python values take minutes at a million rows)."""
    if not values or not values[0]:
        return
    import pyarrow as pa  # a dependency of ray[data], which dyad requires; loaded only when writing

    data = pa.table([pa.array(v, type=pa.type_for_alias(t)) for v, t in zip(values, types, strict=True)],
                    names=list(columns))
    con.register("_dyad_rows", data)
    try:
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT * FROM _dyad_rows")
    finally:
        con.unregister("_dyad_rows")


def _write(con: duckdb.DuckDBPyConnection, canonical: list[dict[str, Any]], members: list[tuple[str, str]],
           inputs: list[tuple[Any, ...]]) -> None:
    _insert(con, "canonical_events", CANONICAL_COLUMNS, CANONICAL_TYPES,
            [[row[c] for row in canonical] for c in CANONICAL_COLUMNS])
    _insert(con, "canonical_members", ("canonical_id", "event_id"), ("string", "string"),
            [[m[0] for m in members], [m[1] for m in members]])
    _insert(con, "canonical_inputs", ("event_id", "merge_key", "canonical_id", "digest"),
            ("string", "string", "string", "uint64"), [[i[n] for i in inputs] for n in range(4)])


def _sync(con: duckdb.DuckDBPyConnection) -> None:
    con.execute("DELETE FROM canonical_sync")
    con.execute("INSERT INTO canonical_sync VALUES (?, ?, ?)", [*_checksum(con), MERGE_VERSION])


def _merge_in_chunks(con: duckdb.DuckDBPyConnection, keys: Sequence[str] | None) -> tuple[int, int]:
    """Merge and write the mentions of `keys` (None: of every key), `MERGE_CHUNK` mentions or so at
    a time, whole keys to a chunk, in key order; return the number of keys and of canonical rows.

    A key's events depend on its mentions alone, so chunks give what one pass gives, while the
    mentions in Python at once (a dict and a Mention each, ~1 KB) are bounded by the chunk, not
    by the store: the first merge of a 100 MB ingest read all 874,578 mentions at once. The
    mentions are put in a temporary table ordered by chunk, so reading a chunk skips the rest."""
    import pyarrow as pa

    sql, params = _mentions_sql(), []
    if keys is not None:
        sql, params = f"SELECT * FROM ({sql}) WHERE merge_key IN (SELECT unnest(?::VARCHAR[]))", [list(keys)]
    counts = sorted(con.execute(f"SELECT merge_key, count(*) FROM ({sql}) GROUP BY merge_key", params).fetchall())
    chunks, chunk, size = [], 0, 0
    for _, n in counts:
        if size >= MERGE_CHUNK:
            chunk, size = chunk + 1, 0
        chunks.append(chunk)
        size += n
    con.register("_dyad_chunks", pa.table({"merge_key": pa.array([k for k, _ in counts], pa.string()),
                                           "chunk": pa.array(chunks, pa.int32())}))
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE _dyad_mentions AS SELECT m.*, c.chunk FROM ({sql}) m "
                    "JOIN _dyad_chunks c ON c.merge_key = m.merge_key ORDER BY c.chunk", params)
    finally:
        con.unregister("_dyad_chunks")
    added = 0
    for n in range(chunk + 1 if counts else 0):
        cur = con.execute("SELECT * EXCLUDE (chunk) FROM _dyad_mentions WHERE chunk = ?", [n])
        names = [d[0] for d in cur.description]
        canonical, members, inputs = _merge(dict(zip(names, row, strict=True)) for row in cur.fetchall())
        _write(con, canonical, members, inputs)
        added += len(canonical)
    con.execute("DROP TABLE _dyad_mentions")
    return len(counts), added


def _transaction(con: duckdb.DuckDBPyConnection, work: Any) -> Any:
    con.execute("BEGIN TRANSACTION")
    try:
        result = work()
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise
    return result


def rebuild_canonical(store: Store) -> MergeUpdate:
    """Merge every stored mention afresh (a new store, or one whose canonical table was rebuilt elsewhere)."""
    con = store.con

    def work() -> MergeUpdate:
        removed = _checksum(con)[1]
        for table in ("canonical_members", "canonical_events", "canonical_inputs"):
            con.execute(f"DELETE FROM {table}")
        n_keys, added = _merge_in_chunks(con, None)
        _sync(con)
        return MergeUpdate(keys=n_keys, removed=removed, added=added, full=True)

    result: MergeUpdate = _transaction(con, work)
    return result


def remerge_keys(store: Store, keys: Iterable[str | Key]) -> MergeUpdate:
    """Re-cluster the mentions of `keys` (texts or key tuples) and replace only their canonical events."""
    texts = sorted({k if isinstance(k, str) else key_text(k) for k in keys})
    con = store.con
    if not texts:
        return MergeUpdate(keys=0, removed=0, added=0, full=False)

    def work() -> MergeUpdate:
        stale = "SELECT DISTINCT canonical_id FROM canonical_inputs WHERE merge_key IN (SELECT unnest(?::VARCHAR[]))"
        row = con.execute(f"SELECT count(*) FROM ({stale})", [texts]).fetchone()
        con.execute(f"DELETE FROM canonical_members WHERE canonical_id IN ({stale})", [texts])
        con.execute(f"DELETE FROM canonical_events WHERE id IN ({stale})", [texts])
        con.execute("DELETE FROM canonical_inputs WHERE merge_key IN (SELECT unnest(?::VARCHAR[]))", [texts])
        _, added = _merge_in_chunks(con, texts)
        _sync(con)
        return MergeUpdate(keys=len(texts), removed=int(row[0]) if row else 0, added=added, full=False)

    result: MergeUpdate = _transaction(con, work)
    return result


def update_canonical(store: Store) -> MergeUpdate:
    """Bring the canonical events up to date with the stored mentions, re-merging only what changed."""
    if not _in_sync(store.con):
        return rebuild_canonical(store)
    return remerge_keys(store, changed_keys(store))
