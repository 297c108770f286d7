"""The Python API: `dyad.open(path)` and its records, on the sample corpus."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import dyad
from dyad.api.python import Database


@pytest.fixture
def db(sample_store: Path) -> Iterator[Database]:
    with dyad.open(sample_store) as opened:
        yield opened


def test_events_between_two_actors_are_plain_dicts(db: Database) -> None:
    events = db.events(source="RUS", target="JPN")
    assert len(events) >= 1
    for e in events:
        assert type(e) is dict
        assert (e["source_code"], e["target_code"]) == ("RUS", "JPN")
        assert e["evidence_text"] and e["trigger_text"] in e["evidence_text"]
    assert events[0] == next(iter(events)) and len(events[:1]) == 1


def test_records_become_dataframes(db: Database) -> None:
    events = db.events(actor=["RUS", "JPN"])
    frame = events.to_pandas()
    assert len(frame) == len(events) and {"kind", "date_start", "evidence_text"} <= set(frame.columns)
    polars = events.to_polars()
    assert polars.height == len(events) and "evidence_text" in polars.columns


def test_a_missing_dataframe_library_is_named(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "polars", None)  # import polars now raises ImportError
    with pytest.raises(ImportError, match="pip install polars"):
        db.events().to_polars()


def test_timeline_documents_sources_and_intensity(db: Database) -> None:
    timeline = db.timeline("rus", "jpn")
    assert len(timeline) >= 1 and all(e["n_sources"] >= 1 for e in timeline)
    sources = db.sources(timeline[0]["id"])
    assert len(sources) == timeline[0]["n_mentions"]
    documents = db.documents()
    assert len(documents) >= 1 and "text" not in documents.columns
    assert db.document(documents[0]["id"])["text"]  # type: ignore[index]
    assert all(r["count"] >= 1 for r in db.intensity("RUS", "JPN"))


def test_opening_a_missing_store_says_so(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no dyad store"):
        dyad.open(tmp_path / "absent.duckdb")


def test_importing_dyad_stays_light() -> None:
    heavy = ("duckdb", "fastapi", "pandas", "polars", "pyarrow", "dyad.api.python")
    code = f"import sys, dyad; print([m for m in {heavy!r} if m in sys.modules])"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
