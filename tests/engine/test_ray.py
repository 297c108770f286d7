"""The Ray engine stores exactly what the local engine stores for the same input.

One local Ray serves the whole module (starting Ray takes seconds). If Ray cannot start,
the tests fail: a skipped engine test would hide a broken engine.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyarrow.dataset as pds
import pytest

from dyad.engine.local import ingest
from dyad.engine.ray_engine import ingest_ray, ray_session
from dyad.store.db import Store

from ..conftest import SAMPLE

TABLES = {
    "documents": "SELECT id, source_path, record, title, url, published, languages, supported, n_chars, text, "
                 "fingerprint, duplicate_of, stats FROM documents ORDER BY id",
    "events": "SELECT * FROM events ORDER BY id",
    "removed_spans": "SELECT * FROM removed_spans ORDER BY ALL",
    "doc_bands": "SELECT * FROM doc_bands ORDER BY ALL",
    "rejections": "SELECT source_path, record, reason FROM rejections ORDER BY ALL",
    "canonical_events": "SELECT * FROM canonical_events ORDER BY id",
    "canonical_members": "SELECT * FROM canonical_members ORDER BY ALL",
}


@pytest.fixture(scope="module")
def ray() -> Iterator[object]:
    with ray_session(address=None, workers=2, progress=False) as session:
        yield session


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample, plus what a real batch holds: a copy, broken records, a file no reader takes."""
    root = tmp_path_factory.mktemp("corpus")
    shutil.copytree(SAMPLE, root / "sample")
    shutil.copy(SAMPLE / "en_01_first_contacts_to_1875.txt", root / "copy_of_en_01.txt")
    (root / "empty.txt").write_text("")
    (root / "feed.jsonl").write_text(
        json.dumps({"id": "a1", "title": "Kurils", "published": "2019-01-22", "language": "en",
                    "text": "On 22 January 2019 Shinzo Abe met Vladimir Putin in Moscow."}) + "\n{not json\n")
    (root / "picture.png").write_bytes(b"\x89PNG")
    return root


def snapshot(store: Store) -> dict[str, list[dict[str, object]]]:
    """Every stored table, without what differs between any two runs (timings, ingest times)."""
    out = {name: store.query(sql) for name, sql in TABLES.items()}
    for row in out["documents"]:
        row["stats"] = {k: v for k, v in json.loads(str(row["stats"])).items() if not k.startswith("ms ")}
    return out


def test_ray_and_local_engines_store_the_same(ray: object, corpus: Path, tmp_path: Path) -> None:
    with Store(tmp_path / "local.duckdb") as local, Store(tmp_path / "ray.duckdb") as clustered:
        by_local = ingest([corpus], local, workers=1)
        by_ray = ingest_ray([corpus], clustered, output=tmp_path / "parquet", progress=False)
        expected, got = snapshot(local), snapshot(clustered)
        assert [d["id"] for d in got["documents"]] == [d["id"] for d in expected["documents"]]
        assert [e["id"] for e in got["events"]] == [e["id"] for e in expected["events"]]
        assert got == expected
        assert len(expected["rejections"]) == 3 and len(expected["events"]) > 100
        for s in (by_local, by_ray):
            s.stage_stats.clear()  # timings
        assert by_ray == by_local
        assert (by_ray.accepted, by_ray.duplicates, by_ray.rejected) == (16, 1, 3)

        again = ingest_ray([corpus], clustered, progress=False)  # stored documents are not processed again
        assert (again.accepted, again.duplicates, again.rejected) == (0, 17, 3)

    documents = pds.dataset(tmp_path / "parquet" / "documents", partitioning="hive").to_table()
    events = pds.dataset(tmp_path / "parquet" / "events", partitioning="hive").to_table()
    assert sorted(documents.column("language").unique().to_pylist()) == ["en", "ro", "ru"]
    # Parquet keeps every record read, so the copy of en_01 is there twice; the store keeps it once.
    assert set(events.column("id").to_pylist()) == {e["id"] for e in expected["events"]}
    assert documents.num_rows == 17
    assert not (tmp_path / "parquet" / "_records").exists()


def test_output_directory_must_be_empty(ray: object, tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "old.parquet").write_bytes(b"")
    with Store(tmp_path / "s.duckdb") as store, pytest.raises(FileExistsError, match="must be empty"):
        ingest_ray([SAMPLE], store, output=tmp_path / "out")


def test_one_big_file_is_processed_in_blocks_that_spread_over_the_workers(
        ray: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A corpus of one JSONL file must not be one task: its records are cut into blocks of
    PROCESS_BATCH, each processed (and written to `_records`) by a task of its own."""
    from dyad.engine import ray_engine

    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps({"text": f"Document {n}: Japan protested to Russia.", "language": "en"}) + "\n"
                            for n in range(12)))
    monkeypatch.setattr(ray_engine, "PROCESS_BATCH", 4)
    seen: list[int] = []
    load = ray_engine.load_blocks

    def counting_load(blocks: Iterable[object], directory: Path, store: Store) -> object:
        summary = load(blocks, directory, store)
        seen.append(len(list(directory.glob("*.parquet"))))
        return summary

    monkeypatch.setattr(ray_engine, "load_blocks", counting_load)
    with Store(tmp_path / "s.duckdb") as store:
        summary = ray_engine.ingest_ray_documents([feed], store, progress=False)
        assert summary.accepted == 12
        stored = [r["record"] for r in store.query("SELECT record FROM documents ORDER BY ingested_at")]
        assert stored == [f"line {n}" for n in range(1, 13)]  # stored in reading order all the same
    assert seen == [3]  # 12 records in blocks of 4: three process tasks, three blocks stored and kept
