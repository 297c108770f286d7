import json
import subprocess

from dyad.engine.local import ingest

from ..conftest import REPO, SAMPLE


def test_ingest_sample_is_idempotent_and_builds_a_timeline(store):
    first = ingest([SAMPLE], store)
    assert first.accepted == len(list(SAMPLE.glob("*.txt"))) >= 12
    assert first.rejected == 0 and first.events > 0
    again = ingest([SAMPLE], store)
    assert (again.accepted, again.duplicates) == (0, first.accepted)
    rows = store.canonical_between("RUS", "JPN")
    assert rows, "the RUS–JPN timeline is empty"
    assert any(r["kind"] == "SIGN_AGREEMENT" and r["date_value"] and r["date_value"].startswith("1855") for r in rows)
    assert max(r["n_sources"] for r in rows) >= 2  # some event is told by more than one document


def test_parallel_engine_gives_the_same_events(tmp_path):
    from dyad.store.db import Store

    with Store(tmp_path / "one.duckdb") as a, Store(tmp_path / "two.duckdb") as b:
        ingest([SAMPLE], a, workers=1)
        ingest([SAMPLE], b, workers=2)
        assert [r["id"] for r in a.iter_events()] == [r["id"] for r in b.iter_events()]


def test_unsupported_language_is_stored_and_counted(store, tmp_path):
    (tmp_path / "de.txt").write_text("Russland und Japan haben im Jahr 1855 einen Vertrag unterzeichnet. "
                                     "Die beiden Staaten pflegen seitdem diplomatische Beziehungen.")
    s = ingest([tmp_path], store)
    assert (s.accepted, s.unsupported) == (1, 1)
    assert store.documents()[0]["languages"] == ["de"]


def test_cli_ingest_reports_rejections_with_exit_code_3(tmp_path):
    (tmp_path / "ok.txt").write_text("In 1904 Japan attacked Russia at Port Arthur.")
    (tmp_path / "empty.txt").write_text("")
    out = subprocess.run([str(REPO / ".venv" / "bin" / "dyad"), "ingest", str(tmp_path), "--db",
                          str(tmp_path / "s.duckdb")], capture_output=True, text=True)
    assert out.returncode == 3
    assert "accepted 1" in out.stderr and "empty.txt: empty file" in out.stderr
    events = subprocess.run([str(REPO / ".venv" / "bin" / "dyad"), "events", "--db", str(tmp_path / "s.duckdb"),
                             "--format", "json"], capture_output=True, text=True, check=True)
    ev = json.loads(events.stdout)[0]
    assert ev["kind"] == "ATTACK" and ev["source"]["code"] == "JPN" and ev["target"]["code"] == "RUS"
    assert ev["evidence"]["text"] == "In 1904 Japan attacked Russia at Port Arthur."
    assert ev["doc"] and ev["canonical_id"] and ev["arguments"]["source"] == [8, 13]


def test_annotate_json_has_the_design_shape():
    out = subprocess.run([str(REPO / ".venv" / "bin" / "dyad"), "annotate", "-", "--format", "json"],
                         input="On 8 August 1945 the Soviet Union declared war on Japan.",
                         capture_output=True, text=True, check=True)
    obj = json.loads(out.stdout)
    assert obj["languages"] == ["en"]
    assert {"sentences", "times", "actors", "events"} <= set(obj)
    e = obj["events"][0]
    assert e["source"]["code"] == "RUS" and e["date"]["value"] == "1945-08-08"
