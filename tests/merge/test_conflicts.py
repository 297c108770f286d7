"""`dyad conflicts A B`: where sources disagree, each source's claim with its evidence."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from dyad.cli import app

TEXTS = {
    "infobox.txt": "On 8 February 1904 Japan attacked the Russian fleet at Port Arthur.",
    "history.txt": "On 9 February 1904 Japan attacked the Russian fleet at Port Arthur.",
    "pact.txt": "On 13 April 1941 the Soviet Union and Japan signed the Soviet–Japanese Neutrality Pact.",
    "denial.txt": "In 1941 Japan did not sign the Soviet–Japanese Neutrality Pact with the Soviet Union.",
    "other.txt": "On 19 October 1956 the Soviet Union and Japan signed a joint declaration in Moscow.",
}


def conflicts_of(tmp_path: Path) -> list[dict[str, str]]:
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, text in TEXTS.items():
        (docs / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "c.duckdb")
    run = CliRunner()
    assert run.invoke(app, ["ingest", str(docs), "--db", db]).exit_code == 0
    result = run.invoke(app, ["conflicts", "JPN", "RUS", "--db", db, "--format", "json"])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, str]] = json.loads(result.stdout)
    return rows


def test_two_sources_giving_different_days_are_listed_with_each_claim_and_its_evidence(tmp_path):
    rows = [r for r in conflicts_of(tmp_path) if r["disagreement"] == "date"]
    assert sorted((Path(r["source_path"]).name, r["claim"], r["evidence_text"]) for r in rows) == [
        ("history.txt", "1904-02-09", TEXTS["history.txt"]), ("infobox.txt", "1904-02-08", TEXTS["infobox.txt"])]
    assert {r["kind"] for r in rows} == {"ATTACK"} and len({r["canonical_id"] for r in rows}) == 1


def test_a_source_denying_what_another_asserts_is_an_outcome_conflict(tmp_path):
    rows = [r for r in conflicts_of(tmp_path) if r["disagreement"] == "outcome"]
    assert [(Path(r["source_path"]).name, r["claim"], r["date_value"], r["agreement"]) for r in rows] == [
        ("pact.txt", "asserted", "1941-04-13", "Soviet–Japanese Neutrality Pact"),
        ("denial.txt", "negated", "1941", "Soviet–Japanese Neutrality Pact")]
    assert rows[1]["evidence_text"] == TEXTS["denial.txt"]
