"""The Ray engine: the same `process`, mapped with Ray Data over a local Ray or a cluster.

Workers read the files (with the same readers and limits as the local engine) and run `process`,
one row per input record. The driver receives the processed blocks in reading order as they
finish, keeps each as a Parquet file of `<output>/_records/` and stores its documents at once, a
batch per transaction through `Store.add_documents` (DuckDB has one writer): the store's writes
run beside the processing, and the store ends up exactly as the local engine leaves it for the
same input — ids, near-duplicate links, rejections — and an interrupted ingest resumes like a
local one. One light task per records file then writes the data products, partitioned by
language: `<output>/documents/language=xx/` and `<output>/events/language=xx/` (every record
read: a file given twice is there twice, with the same ids; the store keeps it once).

On a cluster, the input paths and the output directory must be visible to every node (a
shared file system), and dyad must be installed where the workers run.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from dyad.engine.common import IngestSummary, remerge, slim
from dyad.engine.load import load_blocks, stored_ids
from dyad.engine.records import DOCUMENT_COLUMNS, document_record, event_rows, meta_from_record, meta_record, table
from dyad.model import Rejection, content_hash
from dyad.pipeline import process
from dyad.read.files import Limits, iter_files, read_file
from dyad.store.db import Store

__all__ = ["IngestSummary", "ingest_ray", "ingest_ray_documents", "ray_session"]

# Documents per process task: a file's records are cut into blocks of this many, so even one big
# file spreads over every worker. Each task costs Ray ~0.1-0.3 s of scheduling and a Parquet write
# on this 2-vCPU machine: 16 documents (~0.35 s of work) left the workers idle half the time.
PROCESS_BATCH = 64
MAX_READ_BLOCKS = 1000  # files are spread over at most this many read tasks


def _read_files(batch: pa.Table, limits: Limits, known: np.ndarray) -> pa.Table:
    """Read stage: every record of the batch's files, as a document, a rejection or a stored id."""
    rows: list[dict[str, Any]] = []
    for file_index, path in zip(batch.column("file_index").to_pylist(), batch.column("path").to_pylist(),
                                strict=True):
        for record_index, record in enumerate(read_file(Path(path), limits)):
            place = {"file_index": file_index, "record_index": record_index}
            if isinstance(record, Rejection):
                rows.append({**place, "kind": "rejection", "source_path": record.source_path,
                             "record": record.record, "reason": record.reason})
                continue
            text, meta = record
            doc_id = content_hash(text)
            if _is_stored(known, doc_id):  # an earlier ingest stored it: not worth processing again
                rows.append({**place, "kind": "stored", "id": doc_id, **meta_record(meta)})
            else:
                rows.append({**place, "kind": "document", "id": doc_id, "text": text, **meta_record(meta)})
    return table(rows)


def _is_stored(known: np.ndarray, doc_id: str) -> bool:
    key = np.uint64(int(doc_id, 16))
    i = int(np.searchsorted(known, key))
    return i < len(known) and bool(known[i] == key)


def _process_records(batch: pa.Table) -> pa.Table:
    """Process stage: `process` each document row; other rows pass through unchanged."""
    rows = batch.to_pylist()
    for i, row in enumerate(rows):
        if row["kind"] == "document":
            rows[i] = document_record(slim(process(row["text"], meta_from_record(row))), row)
    return table(rows)


def _split(records_file: str, out: str) -> None:
    """Write one `_records` file's documents and events as language-partitioned Parquet.

    File names derive from the records file, so a retried task overwrites its own output."""
    records = pq.read_table(records_file)
    documents = records.filter(pc.equal(records.column("kind"), "document")).select(DOCUMENT_COLUMNS)
    stem = Path(records_file).stem
    for name, part in (("documents", documents), ("events", event_rows(records))):
        if part.num_rows:
            pq.write_to_dataset(part, str(Path(out) / name), partition_cols=["language"],
                                basename_template=f"{stem}-{{i}}.parquet", existing_data_behavior="overwrite_or_ignore")


@contextmanager
def ray_session(address: str | None, workers: int, progress: bool) -> Iterator[Any]:
    """A Ray session for the ingest: the running one if any, else a local Ray on loopback or `address`."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # Ray would otherwise report usage over the network
    if address is None:
        # On Linux Ray advertises the machine's routable address and listens on every interface;
        # with clustering off it uses 127.0.0.1 only. Read when ray is imported, so set before.
        os.environ.setdefault("RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER", "0")
    try:
        import ray
        import ray.data
    except ImportError as e:  # an optional dependency: say how to get it
        raise RuntimeError('the Ray engine needs Ray Data: pip install "ray[data]"') from e
    started = not ray.is_initialized()
    if started:
        if address is None:
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False, configure_logging=False)
        else:
            ray.init(address=address, log_to_driver=False, configure_logging=False)
    ctx = ray.data.DataContext.get_current()
    ctx.execution_options.preserve_order = True  # the store takes documents in reading order
    ctx.enable_progress_bars = progress
    ctx.print_on_execution_start = progress
    if not progress:  # Ray Data logs each dataset's start and end at INFO
        logging.getLogger("ray.data").setLevel(logging.ERROR)
    try:
        yield ray
    finally:
        if started:
            ray.shutdown()


def _run(ray: Any, files: list[str], limits: Limits, known: np.ndarray, out: Path, store: Store) -> IngestSummary:
    paths = [{"file_index": i, "path": p} for i, p in enumerate(files)]
    records = ray.data.from_items(paths, override_num_blocks=max(1, min(len(paths), MAX_READ_BLOCKS)))
    records = records.map_batches(partial(_read_files, limits=limits, known=known), batch_size=1,
                                  batch_format="pyarrow")
    # Reading is cheap and processing is not: a read task's records (a whole file) are cut into
    # blocks of PROCESS_BATCH rows, each processed by a task of its own. Without this cut Ray fuses
    # reading and processing into one task per file, so a corpus of few files used few workers.
    records = records.repartition(target_num_rows_per_block=PROCESS_BATCH)
    records = records.map_batches(_process_records, batch_size=PROCESS_BATCH, batch_format="pyarrow")
    # blocks reach the driver in reading order as they finish: it stores them while Ray works on
    summary = load_blocks(records.iter_batches(batch_size=None, batch_format="pyarrow"), out / "_records", store)
    # Splitting is plain file work: one task per records file is lighter than two more datasets.
    split = ray.remote(_split)
    ray.get([split.remote(str(f), str(out)) for f in sorted((out / "_records").glob("*.parquet"))])
    return summary


def ingest_ray(paths: Iterable[str | Path], store: Store, address: str | None = None, workers: int = 2,
               limits: Limits = Limits(), output: str | Path | None = None,
               progress: bool | None = None) -> IngestSummary:
    """Ingest `paths` with Ray Data, then merge; the store ends as `engine.local.ingest` leaves it.

    `workers` is the number of CPUs of the local Ray (a cluster at `address` uses all of its own).
    Parquet goes to `output` (which must be empty or absent) and stays there; without it, to
    a temporary directory removed afterwards."""
    summary = ingest_ray_documents(paths, store, address, workers, limits, output, progress)
    remerge(store)
    return summary


def ingest_ray_documents(paths: Iterable[str | Path], store: Store, address: str | None = None, workers: int = 2,
                         limits: Limits = Limits(), output: str | Path | None = None,
                         progress: bool | None = None) -> IngestSummary:
    """`ingest_ray` without the corpus stage (merge)."""
    show = sys.stderr.isatty() if progress is None else progress
    out = Path(output) if output is not None else Path(tempfile.mkdtemp(prefix="dyad-ray-"))
    if output is not None and out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out}: the Parquet output directory must be empty")
    files = [str(p) for p in iter_files(paths)]  # names only: contents are read by the workers
    try:
        summary = IngestSummary()
        if files:
            with ray_session(address, workers, show) as ray:
                summary = _run(ray, files, limits, stored_ids(store), out, store)
        shutil.rmtree(out / "_records", ignore_errors=True)
        return summary
    finally:
        if output is None:
            shutil.rmtree(out, ignore_errors=True)
