"""Loading the Ray engine's records into the DuckDB store, in reading order, while Ray works.

The driver receives the processed blocks in input order (Ray Data's `preserve_order`) as they
finish, keeps each as a Parquet file of `_records` (the data products are written from them)
and stores its documents at once: the store's writes run beside the workers' processing
instead of after it, and the driver holds one block at a time.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from dyad.engine.common import Batcher, IngestSummary, record_rejection
from dyad.engine.records import prepared_from_record
from dyad.lang import SUPPORTED
from dyad.model import Rejection
from dyad.store.db import Store


def stored_ids(store: Store) -> np.ndarray:
    """The ids of stored documents as sorted 64-bit keys (8 bytes each), for the workers to skip."""
    cur = store.con.execute("SELECT id FROM documents")
    parts = []
    while rows := cur.fetchmany(100_000):
        parts.append(np.fromiter((int(doc_id, 16) for (doc_id,) in rows), dtype=np.uint64, count=len(rows)))
    return np.unique(np.concatenate(parts)) if parts else np.empty(0, dtype=np.uint64)


def load_blocks(blocks: Iterable[pa.Table], directory: Path, store: Store) -> IngestSummary:
    """Store every record of `blocks` (`records.RECORD_SCHEMA`, in reading order) as the local
    engine would, keeping each block as `directory/NNNNNN.parquet`."""
    summary = IngestSummary()
    directory.mkdir(parents=True, exist_ok=True)
    with store.ingesting():
        # Batches of documents per transaction, as the local engine stores them; time plays no
        # part here (the documents are ready), so batches are full and the result deterministic.
        batcher = Batcher(store, summary, set(), seconds=float("inf"))
        for n, block in enumerate(blocks):
            pq.write_table(block, directory / f"{n:06d}.parquet")
            for row in block.to_pylist():
                _load_one(row, store, summary, batcher)
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
