"""Incremental merge: a changed document re-merges only its merge keys, and the result equals a full rebuild."""

from __future__ import annotations

from typing import Any

from dyad.data import load_kinds
from dyad.merge.canonical import merge_events
from dyad.merge.incremental import changed_keys, rebuild_canonical, update_canonical
from dyad.model import ActorRef, DateValue, Document, DocumentMeta, Event, Span, event_id
from dyad.store.db import Store

Spec = tuple[Any, ...]  # (kind, source, target, date value, start, end, precision, agreement)


def document(name: str, specs: list[Spec]) -> Document:
    doc = Document(f"The text of {name}.", DocumentMeta(f"{name}.txt"))
    for n, (kind, src, tgt, value, start, end, precision, agreement) in enumerate(specs):
        info, trigger = load_kinds()[kind], Span(n, n + 1)
        doc.events.append(Event(
            id=event_id(doc.id, trigger, kind, src, tgt), doc_id=doc.id, sentence=0, kind=kind, plover=info.plover,
            cameo=info.cameo, quad_class=info.quad_class, intensity=info.intensity, modality="asserted",
            confidence=0.9, source=ActorRef(src), target=ActorRef(tgt) if tgt else None,
            date=DateValue(value, start, end, precision), trigger=trigger, trigger_text="x", evidence=Span(0, 1),
            evidence_text="x", language="en", agreement=agreement))
    return doc


SHIMODA = ("SIGN_AGREEMENT", "RUS", "JPN", "1855-02-07", "1855-02-07", "1855-02-07", "day", "Treaty of Shimoda")
PORT_ARTHUR = ("ATTACK", "JPN", "RUS", "1904-02-08", "1904-02-08", "1904-02-08", "day", None)
SUMMIT = ("MEET", "JPN", "RUS", "1991-04-18", "1991-04-18", "1991-04-18", "day", None)
NANJING = ("ATTACK", "JPN", "CHN", "1937-12", "1937-12-01", "1937-12-31", "month", None)
SHIMODA_YEAR = ("SIGN_AGREEMENT", "JPN", "RUS", "1855", "1855-01-01", "1855-12-31", "year", "Treaty of Shimoda")
PORT_ARTHUR_NEXT_DAY = ("ATTACK", "JPN", "RUS", "1904-02-09", "1904-02-09", "1904-02-09", "day", None)


def canonical_rows(store: Store) -> dict[str, tuple[int, str]]:
    """Canonical id → (DuckDB rowid, the row's values): a row rewritten with equal values gets a new rowid."""
    rows = store.query("SELECT rowid AS r, * FROM canonical_events")
    return {r["id"]: (r.pop("r"), str(sorted(r.items()))) for r in rows}


def full_rebuild(store: Store) -> tuple[dict[str, str], set[tuple[str, str]]]:
    canonical, members = merge_events(store.iter_events())
    return {r["id"]: str(sorted(r.items())) for r in canonical}, set(members)


def assert_equals_full_rebuild(store: Store) -> None:
    expected, expected_members = full_rebuild(store)
    got = {k: v for k, (_, v) in canonical_rows(store).items()}
    assert got == expected
    members = {(r["canonical_id"], r["event_id"]) for r in store.query("SELECT * FROM canonical_members")}
    assert members == expected_members


def seeded(store: Store) -> None:
    store.add_document(document("a", [SHIMODA, PORT_ARTHUR, SUMMIT]), supported=True)
    store.add_document(document("b", [NANJING, SHIMODA_YEAR]), supported=True)
    first = update_canonical(store)
    assert first.full  # nothing was merged before: everything is
    assert_equals_full_rebuild(store)


def test_a_new_document_re_merges_only_its_keys_and_the_other_rows_stay_untouched(store):
    seeded(store)
    before = canonical_rows(store)
    store.add_document(document("c", [PORT_ARTHUR_NEXT_DAY]), supported=True)
    assert changed_keys(store) == {"ATTACK|JPN|RUS|1"}
    update = update_canonical(store)
    assert (update.full, update.keys, update.removed, update.added) == (False, 1, 1, 1)
    assert_equals_full_rebuild(store)
    after = canonical_rows(store)
    attack = next(i for i in before if i not in after)  # the attack gained a mention, hence a new id
    assert {i: v for i, v in before.items() if i != attack} == {i: v for i, v in after.items() if i in before}
    merged = store.query("SELECT * FROM canonical_events WHERE kind = 'ATTACK' AND target_code = 'RUS'")
    assert [(r["n_sources"], r["date_conflict"]) for r in merged] == [(2, True)]


def test_removing_a_document_re_merges_the_keys_it_fed(store):
    seeded(store)
    before = canonical_rows(store)
    untouched = [r["id"] for r in store.query("SELECT id FROM canonical_events WHERE kind IN ('ATTACK', 'MEET') "
                                              "AND target_code = 'RUS'")]
    b = store.query("SELECT id FROM documents WHERE source_path = 'b.txt'")[0]["id"]
    store.remove_document(b)
    assert changed_keys(store) == {"ATTACK|JPN|CHN|1", "SIGN_AGREEMENT|JPN|RUS|1"}
    update = update_canonical(store)
    assert (update.full, update.keys, update.removed, update.added) == (False, 2, 2, 1)
    assert_equals_full_rebuild(store)
    after = canonical_rows(store)
    assert len(untouched) == 2 and all(after[i] == before[i] for i in untouched)


def test_re_extraction_that_changes_an_events_date_but_not_its_id_is_noticed(store):
    seeded(store)
    a = document("a", [SHIMODA, PORT_ARTHUR, SUMMIT])
    a.events[2].date = DateValue("1991-04-19", "1991-04-19", "1991-04-19", "day")  # same trigger, kind, actors
    store.replace_events(a)
    assert changed_keys(store) == {"TALKS|JPN|RUS|1"}
    update_canonical(store)
    assert_equals_full_rebuild(store)
    assert store.query("SELECT date_value FROM canonical_events WHERE kind = 'MEET'")[0]["date_value"] == "1991-04-19"


def test_nothing_changed_means_nothing_is_rewritten(store):
    seeded(store)
    before = canonical_rows(store)
    update = update_canonical(store)
    assert (update.full, update.keys, update.added) == (False, 0, 0)
    assert canonical_rows(store) == before


def test_a_canonical_table_rebuilt_by_other_code_is_rebuilt_in_full_once(store):
    seeded(store)
    store.add_document(document("c", [PORT_ARTHUR_NEXT_DAY]), supported=True)
    store.replace_canonical(*merge_events(store.iter_events()))  # a rebuild that records nothing it merged
    assert update_canonical(store).full
    assert_equals_full_rebuild(store)
    assert not update_canonical(store).full


def test_rebuild_equals_the_in_memory_merge(store):
    seeded(store)
    store.add_document(document("c", [PORT_ARTHUR_NEXT_DAY, SUMMIT]), supported=True)
    assert rebuild_canonical(store).full
    assert_equals_full_rebuild(store)


def test_the_cli_keeps_the_canonical_events_equal_to_a_full_rebuild_through_ingest_remove_and_reprocess(tmp_path):
    from typer.testing import CliRunner

    from dyad.cli import app

    texts = {"a.txt": "Russia and Japan signed the Treaty of Shimoda on 7 February 1855.",
             "b.txt": "On 8 February 1904 Japan attacked the Russian fleet at Port Arthur.",
             "c.txt": "In 1855 Japan and Russia signed the Treaty of Shimoda. In 1904 Japan attacked Russia."}
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = str(tmp_path / "cli.duckdb")
    run = CliRunner()
    steps = [["ingest", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], ["ingest", str(tmp_path / "c.txt")],
             ["remove", "b.txt"], ["reprocess"]]
    for step in steps:
        result = run.invoke(app, [*step, "--db", db])
        assert result.exit_code == 0, result.output
        with Store(db) as store:
            assert store.query("SELECT count(*) AS n FROM canonical_events")[0]["n"] > 0
            assert_equals_full_rebuild(store)


def test_a_store_merged_by_older_rules_is_rebuilt_in_full_once(store):
    seeded(store)
    store.con.execute("UPDATE canonical_sync SET version = version - 1")  # as an older dyad left it
    assert update_canonical(store).full
    assert not update_canonical(store).full


def test_the_engines_merge_step_re_merges_only_what_a_second_ingested_document_touches(tmp_path):
    from dyad.engine.common import remerge
    from dyad.engine.local import ingest, ingest_documents

    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("On 7 February 1855 Russia and Japan signed the Treaty of Shimoda. "
                     "On 8 February 1904 Japan attacked the Russian fleet at Port Arthur.", encoding="utf-8")
    second.write_text("On 9 February 1904 Japan attacked the Russian fleet at Port Arthur.", encoding="utf-8")
    with Store(tmp_path / "engine.duckdb") as store:
        ingest([first], store, progress=False)  # the local engine's ingest, merge included
        before = canonical_rows(store)
        shimoda = store.query("SELECT id FROM canonical_events WHERE kind = 'SIGN_AGREEMENT'")[0]["id"]
        attack = store.query("SELECT id FROM canonical_events WHERE kind = 'ATTACK'")[0]["id"]
        assert len(before) == 2
        inputs_before = store.query("SELECT event_id, merge_key, canonical_id FROM canonical_inputs "
                                    "WHERE merge_key LIKE 'SIGN_AGREEMENT%'")

        ingest_documents([second], store, progress=False)
        update = remerge(store)
        assert (update.full, update.keys, update.removed, update.added) == (False, 1, 1, 1)
        after = canonical_rows(store)
        assert after[shimoda] == before[shimoda]  # same id, same row (same rowid: not rewritten)
        assert attack not in after  # the attack gained a mention, so its id changed
        attacks = store.query("SELECT * FROM canonical_events WHERE kind = 'ATTACK'")
        assert [(r["date_value"], r["n_mentions"], r["n_sources"], r["date_conflict"]) for r in attacks] == \
            [("1904-02-08", 2, 2, True)]
        assert store.query("SELECT event_id, merge_key, canonical_id FROM canonical_inputs "
                           "WHERE merge_key LIKE 'SIGN_AGREEMENT%'") == inputs_before
        assert {r["merge_key"] for r in store.query("SELECT merge_key FROM canonical_inputs")} == \
            {"SIGN_AGREEMENT|JPN|RUS|1", "ATTACK|JPN|RUS|1"}
        assert_equals_full_rebuild(store)


def test_merging_a_key_or_two_at_a_time_gives_what_one_pass_gives(store, monkeypatch):
    from dyad.merge import incremental

    seeded(store)
    store.add_document(document("c", [PORT_ARTHUR_NEXT_DAY, SUMMIT, NANJING]), supported=True)
    monkeypatch.setattr(incremental, "MERGE_CHUNK", 2)  # chunks of one or two keys
    update = rebuild_canonical(store)
    assert update.full and update.keys == 4 and update.added == len(canonical_rows(store))
    assert_equals_full_rebuild(store)
    store.add_document(document("d", [SHIMODA_YEAR, PORT_ARTHUR]), supported=True)
    assert not update_canonical(store).full
    assert_equals_full_rebuild(store)
