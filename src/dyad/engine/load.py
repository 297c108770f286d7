"""Loading the Ray engine's Parquet records into the DuckDB store, in reading order.

DuckDB (a separate in-memory connection, so the store's own transactions are untouched)
sorts the records by their place in the input, spilling to disk when they outgrow its memory
limit, and hands them over in small Arrow batches: the driver holds one batch at a time.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
from tqdm import tqdm

from dyad.engine.common import Batcher, IngestSummary, record_rejection
from dyad.engine.records import prepared_from_record
from dyad.lang import SUPPORTED
from dyad.model import Rejection
from dyad.store.db import Store

LOAD_BATCH = 256  # records per Arrow batch handed from the sorting connection to the store
SORT_MEMORY = "1GB"  # the sort spills beyond this


def stored_ids(store: Store) -> np.ndarray:
    """The ids of stored documents as sorted 64-bit keys (8 bytes each), for the workers to skip."""
    cur = store.con.execute("SELECT id FROM documents")
    parts = []
    while rows := cur.fetchmany(100_000):
        parts.append(np.fromiter((int(doc_id, 16) for (doc_id,) in rows), dtype=np.uint64, count=len(rows)))
    return np.unique(np.concatenate(parts)) if parts else np.empty(0, dtype=np.uint64)


def load_records(directory: Path, store: Store, progress: bool | None = None) -> IngestSummary:
    """Store every record of `directory` (Parquet, `records.RECORD_SCHEMA`) as the local engine would."""
    summary = IngestSummary()
    files = sorted(directory.rglob("*.parquet")) if directory.is_dir() else []
    if not files:
        return summary
    show = sys.stderr.isatty() if progress is None else progress
    with tempfile.TemporaryDirectory(prefix="dyad-sort-") as spill, duckdb.connect() as con, store.ingesting():
        con.execute(f"SET memory_limit = '{SORT_MEMORY}'")
        con.execute("SET temp_directory = ?", [spill])
        con.execute("SET preserve_insertion_order = false")
        reader = con.sql("SELECT * FROM read_parquet(?) ORDER BY file_index, record_index",
                         params=[[str(f) for f in files]]).to_arrow_reader(LOAD_BATCH)
        # Batches of documents per transaction, as the local engine stores them; time plays no
        # part here (the documents are ready), so batches are full and the result deterministic.
        batcher = Batcher(store, summary, set(), seconds=float("inf"))
        with tqdm(desc="load", unit="doc", disable=not show) as bar:
            for batch in reader:
                for row in batch.to_pylist():
                    _load_one(row, store, summary, batcher)
                bar.update(batch.num_rows)
        batcher.flush()
    return summary


def _load_one(row: dict[str, Any], store: Store, summary: IngestSummary, batcher: Batcher) -> None:
    if row["kind"] == "rejection":
        record_rejection(store, summary, Rejection(str(row["source_path"]), str(row["record"] or ""),
                                                   str(row["reason"])))
    elif row["kind"] == "stored":
        summary.duplicates += 1
    else:
        batcher.add(prepared_from_record(row, bool(set(row["languages"] or []) & SUPPORTED)))
