"""Exports: every format, mentions and canonical events, read back with DuckDB."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dyad.cli import app
from dyad.store.db import Store
from dyad.store.export import CANONICAL_COLUMNS, MENTION_COLUMNS, columns, export

DOC = Path(__file__).resolve().parents[2] / "docs" / "export.md"


@pytest.mark.parametrize("canonical", [False, True])
@pytest.mark.parametrize("fmt", ["parquet", "csv", "jsonl"])
def test_export_writes_every_row_with_the_documented_columns(sample_store: Path, tmp_path: Path, fmt: str,
                                                             canonical: bool) -> None:
    out = tmp_path / f"events.{fmt}"
    with Store(sample_store, read_only=True) as store:
        export(store, out, fmt, canonical)
        table = "canonical_events" if canonical else "events"
        expected = store.con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
    reader = {"parquet": "read_parquet", "csv": "read_csv", "jsonl": "read_json"}[fmt]
    con = duckdb.connect()
    relation = con.sql(f"SELECT * FROM {reader}('{out}')")
    assert relation.columns == columns(canonical, fmt)  # type: ignore[arg-type]
    assert len(relation.fetchall()) == expected > 0


def test_csv_uses_the_names_analysts_code_reads(sample_store: Path, tmp_path: Path) -> None:
    with Store(sample_store, read_only=True) as store:
        export(store, tmp_path / "e.csv")
    header = (tmp_path / "e.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    for name in ("Event ID", "Event Date", "Source Country", "Target Country", "CAMEO Code", "Intensity",
                 "QuadClass", "Event Type", "Event Mode", "Story ID"):
        assert name in header


def test_jsonl_keeps_lists_as_lists(sample_store: Path, tmp_path: Path) -> None:
    with Store(sample_store, read_only=True) as store:
        export(store, tmp_path / "c.jsonl", canonical=True)
    rows = [json.loads(line) for line in (tmp_path / "c.jsonl").read_text(encoding="utf-8").splitlines()]
    assert all(isinstance(r["doc_ids"], list) and r["n_sources"] <= len(r["doc_ids"]) for r in rows)
    assert any(isinstance(r["territory"], list) for r in rows)


def test_every_column_is_documented() -> None:
    doc = DOC.read_text(encoding="utf-8")
    for name, csv_name, _ in MENTION_COLUMNS + CANONICAL_COLUMNS:
        assert f"`{name}`" in doc and f"`{csv_name}`" in doc, name


def test_an_unknown_format_is_refused(sample_store: Path, tmp_path: Path) -> None:
    with Store(sample_store, read_only=True) as store, pytest.raises(ValueError, match="parquet, csv"):
        export(store, tmp_path / "events.xlsx")


def test_the_export_command(sample_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "canonical.parquet"
    result = CliRunner().invoke(app, ["export", str(out), "--db", str(sample_store), "--canonical"])
    assert result.exit_code == 0, result.output
    assert duckdb.connect().execute(f"SELECT count(*) FROM '{out}'").fetchone()[0] > 0  # type: ignore[index]
