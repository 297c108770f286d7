"""The store alone as it grows: ms per document of `Store.add_prepared`, window by window.

    python bench/store_growth.py bench/out/corpus-100MB --documents 30000

Processing is what an ingest spends most on, so measuring how the store's cost grows with its
size through whole ingests takes hours. Here `--templates` documents of the corpus are processed
once (cached in bench/out/), and every document of the corpus is then stored as if processed:
its own id (the hash of its text), its own fingerprint and band keys (MinHash of its text, so
near-duplicate candidates are those of the real corpus), and the rows of template i mod
`--templates` with that id (so the event and removed-span volumes are real). Batches of 64, as
the engines write them. Prints ms per document for every window of `--window` documents.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import shutil
import time
from collections.abc import Iterator
from dataclasses import replace
from itertools import islice
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
BATCH = 64


def records(corpus: Path) -> Iterator[dict[str, str]]:
    for shard in sorted(corpus.glob("*.jsonl")):
        with shard.open(encoding="utf-8") as f:
            for line in f:
                yield json.loads(line)


def templates(corpus: Path, n: int, cache: Path) -> list:  # type: ignore[type-arg]
    from dyad.engine.common import prepared
    from dyad.model import DocumentMeta
    from dyad.pipeline import process

    if cache.exists():
        return pickle.loads(cache.read_bytes())  # type: ignore[no-any-return]
    out = [prepared(process(r["text"], DocumentMeta(source_path="bench", record=r["id"], title=r.get("title"),
                                                    published=r.get("published"), language=r.get("language"))))
           for r in islice(records(corpus), n)]
    cache.write_bytes(pickle.dumps(out))
    return out


def duckdb_memory(store: object) -> dict[str, float]:
    """DuckDB's memory by kind (MB, kinds above 0.1 MB) and the store file's blocks in use."""
    con = store.con  # type: ignore[attr-defined]
    out = {tag.lower(): round(b / 2**20, 1) for tag, b in con.execute(
        "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes >= 2**20 / 10").fetchall()}
    row = con.execute("SELECT used_blocks, block_size FROM pragma_database_size()").fetchone()
    if row:
        out["file_used"] = round(row[0] * row[1] / 2**20, 1)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--documents", type=int, default=20000)
    ap.add_argument("--templates", type=int, default=300)
    ap.add_argument("--window", type=int, default=2560)
    ap.add_argument("--store", type=Path, default=HERE / "out" / "scratch-growth")
    ap.add_argument("--links", type=Path, help="write every document's id and near-duplicate link here (TSV)")
    args = ap.parse_args()

    from dyad.clean.fingerprint import minhash
    from dyad.model import content_hash
    from dyad.store.db import Store, lookup_bands

    rows = templates(args.corpus, args.templates, HERE / "out" / f"templates-{args.templates}.pickle")
    shutil.rmtree(args.store, ignore_errors=True)
    args.store.mkdir(parents=True)
    n = 0
    spent = 0.0
    window_start = 0
    with Store(args.store / "growth.duckdb") as store, store.ingesting():
        if os.environ.get("LIMIT"):  # another cap than the ingest's
            store.con.execute(f"SET memory_limit = '{os.environ['LIMIT']}'")
        batch = []
        for i, r in enumerate(islice(records(args.corpus), args.documents)):
            t = rows[i % len(rows)]
            doc_id = content_hash(r["text"])
            fingerprint = minhash(r["text"])
            batch.append(replace(
                t, id=doc_id, row=(doc_id, *t.row[1:]), fingerprint=fingerprint, bands=lookup_bands(fingerprint),
                removed=[(doc_id, *x[1:]) for x in t.removed],
                events=[(f"{doc_id}-{k}", doc_id, *e[2:]) for k, e in enumerate(t.events)]))
            if len(batch) == BATCH:
                t0 = time.perf_counter()
                store.add_prepared(batch)
                spent += time.perf_counter() - t0
                n += len(batch)
                batch = []
                if n - window_start >= args.window:
                    print(json.dumps({"stored": n, "ms_per_doc": round(spent * 1000 / (n - window_start), 2),
                                      "rss_mb": psutil.Process().memory_info().rss // 2**20,
                                      "duckdb_mb": duckdb_memory(store)}), flush=True)
                    window_start, spent = n, 0.0
        dup = store.con.execute("SELECT count(*) FILTER (duplicate_of IS NOT NULL), count(*) FROM documents").fetchone()
        print(json.dumps({"documents": dup[1] if dup else 0, "near_duplicates": dup[0] if dup else 0}))
        memory = store.con.execute("SELECT tag, memory_usage_bytes // 2**20 FROM duckdb_memory() "
                                   "WHERE memory_usage_bytes >= 2**20 ORDER BY 2 DESC").fetchall()
        print(json.dumps({"duckdb_memory_mb": dict(memory)}))
        if args.links:
            links = store.con.execute("SELECT id, coalesce(duplicate_of, '') FROM documents ORDER BY id").fetchall()
            args.links.write_text("".join(f"{a}\t{b}\n" for a, b in links))
    shutil.rmtree(args.store, ignore_errors=True)


if __name__ == "__main__":
    main()
