"""The `dyad` command line (Typer). Exit codes: 0 ok, 1 usage or input error, 3 some inputs rejected."""

from __future__ import annotations

import csv
import json
import sys
import tempfile
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import Annotated, Any

import typer

from dyad.engine.local import IngestSummary, ingest, ingest_documents
from dyad.merge.conflicts import COLUMNS as CONFLICT_COLUMNS
from dyad.merge.conflicts import conflicts
from dyad.merge.incremental import update_canonical
from dyad.model import DocumentMeta
from dyad.pipeline import annotation, process
from dyad.read.errors import ReadError
from dyad.read.files import DEFAULT_MAX_BYTES, Limits, read_file
from dyad.store.db import Store
from dyad.store.records import event_object

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="dyad: political events between countries, from text, with evidence.")

EXIT_REJECTED = 3
DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.")]


class Format(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


class TextFormat(StrEnum):
    json = "json"
    text = "text"


def _print_rows(rows: list[dict[str, Any]], columns: list[str], fmt: Format) -> None:
    if fmt is Format.json:
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))
    elif fmt is Format.csv:
        writer = csv.DictWriter(sys.stdout, fieldnames=columns, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    else:
        widths = {c: max([len(c)] + [len(_cell(r.get(c))) for r in rows]) for c in columns}
        widths = {c: min(w, 40) for c, w in widths.items()}
        typer.echo("  ".join(c.ljust(widths[c]) for c in columns))
        for r in rows:
            typer.echo("  ".join(_cell(r.get(c))[: widths[c]].ljust(widths[c]) for c in columns))


def _cell(v: Any) -> str:
    return "" if v is None else str(v).replace("\n", " ")


def _print_summary(s: IngestSummary) -> None:
    typer.echo(f"accepted {s.accepted}, duplicates {s.duplicates}, rejected {s.rejected}, "
               f"in languages without data {s.unsupported}; events {s.events}", err=True)
    if s.languages:
        typer.echo("languages: " + ", ".join(f"{k} {v}" for k, v in s.languages.most_common()), err=True)
    for r in s.rejections:
        where = f"{r.source_path}:{r.record}" if r.record else r.source_path
        typer.echo(f"rejected {where}: {r.reason}", err=True)


def _print_stage_stats(s: IngestSummary) -> None:
    """Per stage: what it counted and the time it took (the stages count into doc.stats)."""
    times = {k[3:]: v for k, v in s.stage_stats.items() if k.startswith("ms ")}
    counts = {k: v for k, v in s.stage_stats.items() if not k.startswith("ms ")}
    if times:
        typer.echo("stage time (ms): " + ", ".join(f"{k} {v}" for k, v in times.items()), err=True)
    if counts:
        typer.echo("stage counts: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())), err=True)


class Engine(StrEnum):
    local = "local"
    ray = "ray"


@app.command("ingest")
def ingest_cmd(paths: Annotated[list[Path], typer.Argument(help="Files or directories (recursive).")],
               db: DbOption = Path("dyad.duckdb"),
               workers: Annotated[int, typer.Option(help="Worker processes (local) or CPUs of a local Ray.")] = 1,
               max_bytes: Annotated[int, typer.Option(help="Largest file accepted.")] = DEFAULT_MAX_BYTES,
               engine: Annotated[Engine, typer.Option(help="local: a process pool; ray: Ray Data.")] = Engine.local,
               address: Annotated[str | None, typer.Option(help="Ray cluster address (default: a local Ray).")] = None,
               parquet: Annotated[Path | None, typer.Option(
                   help="Ray only: keep the partitioned Parquet output in this (empty) directory.")] = None) -> None:
    """Read documents, extract events, store them, and merge events across documents."""
    limits = Limits(max_bytes=max_bytes)
    with Store(db) as store:
        if engine is Engine.ray:
            from dyad.engine.ray_engine import ingest_ray_documents  # Ray loads only when asked for

            summary = ingest_ray_documents(paths, store, address=address, workers=max(workers, 1), limits=limits,
                                           output=parquet)
        else:
            summary = ingest_documents(paths, store, workers=workers, limits=limits)
        update_canonical(store)  # re-merges only the events the new documents touch
    _print_summary(summary)
    _print_stage_stats(summary)
    if summary.rejected:
        raise typer.Exit(EXIT_REJECTED)


EVENT_COLUMNS = ["date_value", "kind", "source_code", "target_code", "modality", "agreement", "territory",
                 "trigger_text", "source_path"]


@app.command("events")
def events_cmd(db: DbOption = Path("dyad.duckdb"),
               actor: Annotated[str | None, typer.Option(help="Only events with this actor code.")] = None,
               kind: Annotated[str | None, typer.Option(help="Only events of this kind.")] = None,
               format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """List stored event mentions, each with its evidence."""
    with Store(db, read_only=True) as store:
        rows = store.events(actor=actor, kind=kind)
    if format is Format.json:  # DESIGN §6: the annotate event objects, each with doc and canonical_id
        typer.echo(json.dumps([event_object(r) for r in rows], ensure_ascii=False, indent=1, default=str))
        return
    _print_rows(rows, EVENT_COLUMNS + (["evidence_text"] if format is not Format.table else []), format)


TIMELINE_COLUMNS = ["date_value", "kind", "source_code", "target_code", "modality", "agreement", "territory",
                    "n_sources", "n_mentions"]


@app.command("timeline")
def timeline_cmd(a: str, b: str, db: DbOption = Path("dyad.duckdb"),
                 format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """Canonical events between two actors, in date order, with how many sources tell each."""
    with Store(db, read_only=True) as store:
        rows = store.canonical_between(a.upper(), b.upper())
    _print_rows(rows, TIMELINE_COLUMNS, format)


@app.command("show")
def show_cmd(doc: Annotated[str, typer.Argument(help="Document id, a unique prefix of it, or its file name.")],
             db: DbOption = Path("dyad.duckdb")) -> None:
    """Print a stored document with the spans cleaning set aside marked, and the reason beside each."""
    with Store(db, read_only=True) as store:
        row = store.document(doc)
    if row is None:
        typer.echo(f"no single stored document has an id starting with {doc!r}", err=True)
        raise typer.Exit(1)
    typer.echo(f"# {row['id']}  {row['source_path']} {row['record'] or ''}  languages: {', '.join(row['languages'])}")
    text, pos = row["text"], 0
    for span in row["removed"]:
        start, end = max(span["start_char"], pos), span["end_char"]
        if start >= end:
            continue
        typer.echo(text[pos:start], nl=False)
        typer.echo(f"⟦removed: {span['reason']}⟧{text[start:end]}⟦/⟧", nl=False)
        pos = end
    typer.echo(text[pos:])


@app.command("state")
def state_cmd(a: str, b: str, at: Annotated[str, typer.Option(help="ISO date, e.g. 1946-01-01.")],
              db: DbOption = Path("dyad.duckdb"),
              format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """The state of the relationship between A and B at a date, each value with the events that set it."""
    from dyad.state.derive import state_at

    with Store(db, read_only=True) as store:
        events = store.canonical_between(a.upper(), b.upper())
    try:
        state = state_at(events, a.upper(), b.upper(), at)
    except ValueError as e:
        typer.echo(f"--at {at!r}: not an ISO date ({e})", err=True)
        raise typer.Exit(1) from e
    if format is Format.json:
        typer.echo(json.dumps(state, ensure_ascii=False, indent=1))
        return
    rel, war = state["relations"], state["war"]
    rows = [{"aspect": "relations", "value": rel["status"], "since": rel["since"], "events": len(rel["events"])},
            {"aspect": "hostilities", "value": war["hostilities"], "since": war["since"], "events": len(war["events"])},
            {"aspect": "legal state of war", "value": war["legal_state_of_war"], "since": war["since"],
             "events": len(war["events"])}]
    rows += [{"aspect": f"agreement: {g['name']}", "value": g["status"],
              "since": g["terminated"] or g["ratified"] or g["signed"], "events": len(g["events"])}
             for g in state["agreements"]]
    rows += [{"aspect": f"territory: {t['name']}", "value": f"held by {t['controller'] or '?'}; claimed by "
              f"{', '.join(t['claimants']) or 'nobody'}", "since": t["since"], "events": len(t["events"])}
             for t in state["territories"]]
    rows += [{"aspect": "sanctions", "value": f"{s['by']} on {s['on']}", "since": s["since"],
              "events": len(s["events"])} for s in state["sanctions"]]
    _print_rows(rows, ["aspect", "value", "since", "events"], format)


@app.command("index")
def index_cmd(a: str, b: str, db: DbOption = Path("dyad.duckdb"),
              by: Annotated[str, typer.Option(help="year or month")] = "year",
              format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """The cooperation–conflict index between A and B (Goldstein intensities of asserted canonical events)."""
    from dyad.state.derive import index

    if by not in ("year", "month"):
        typer.echo("--by must be year or month", err=True)
        raise typer.Exit(1)
    with Store(db, read_only=True) as store:
        rows = index(store.canonical_between(a.upper(), b.upper()), by)
    _print_rows(rows, ["period", "score", "mean", "events", "cooperation", "conflict"], format)


@app.command("conflicts")
def conflicts_cmd(a: str, b: str, db: DbOption = Path("dyad.duckdb"),
                  format: Annotated[Format, typer.Option("--format")] = Format.table) -> None:
    """Canonical events whose sources disagree (on the date, or one asserting what another denies),
    with each source's claim and evidence."""
    with Store(db, read_only=True) as store:
        rows = conflicts(store, a.upper(), b.upper())
    _print_rows(rows, CONFLICT_COLUMNS, format)


@app.command("remove")
def remove_cmd(doc: Annotated[str, typer.Argument(help="Document id, a unique prefix of it, or its file name.")],
               db: DbOption = Path("dyad.duckdb")) -> None:
    """Remove a document and its events; the canonical events and state they fed are updated."""
    with Store(db) as store:
        row = store.document(doc)
        if row is None:
            typer.echo(f"no single stored document matches {doc!r}", err=True)
            raise typer.Exit(1)
        store.remove_document(row["id"])
        update_canonical(store)
    typer.echo(f"removed {row['id']} ({row['source_path']})", err=True)


@app.command("reprocess")
def reprocess_cmd(db: DbOption = Path("dyad.duckdb")) -> None:
    """Re-extract every stored document with the current lexicons, then merge again."""
    n = 0
    with Store(db) as store:
        for row in list(store.iter_documents()):
            meta = DocumentMeta(source_path=row["source_path"], record=row["record"] or "", title=row["title"],
                                url=row["url"], published=row["published"])
            store.replace_events(process(row["text"], meta))
            n += 1
        update_canonical(store)
    typer.echo(f"reprocessed {n} documents", err=True)


@app.command("annotate")
def annotate_cmd(path: Annotated[str, typer.Argument(help="A file, or - for standard input.")],
                 published: Annotated[str | None,
                                      typer.Option(help="Publication date (ISO), anchors relative dates.")] = None,
                 format: Annotated[TextFormat, typer.Option("--format")] = TextFormat.json) -> None:
    """Show what dyad sees in one text, without storing anything."""
    if path == "-":
        text, meta = sys.stdin.read(), DocumentMeta(source_path="-")
    else:
        records = list(read_file(Path(path)))
        if not records or not isinstance(records[0], tuple):
            reason = getattr(records[0], "reason", "no document") if records else "no document"
            typer.echo(f"{path}: {reason}", err=True)
            raise typer.Exit(1)
        text, meta = records[0]
    meta.published = published or meta.published
    doc = process(text, meta)
    if format is TextFormat.json:
        typer.echo(json.dumps(annotation(doc), ensure_ascii=False))
        return
    for e in doc.events:
        typer.echo(f"{e.date.value if e.date else '????'}  {e.kind:<20} {e.source.code if e.source else '-'} → "
                   f"{e.target.code if e.target else '-'}  [{e.modality}]  «{e.trigger_text}»  {e.evidence_text[:100]}")


@app.command("evaluate")
def evaluate_cmd(gold: Annotated[Path, typer.Option(help="Gold .jsonl file or directory.")],
                 docs: Annotated[Path, typer.Option(help="Directory holding the gold's documents.")],
                 format: Annotated[TextFormat, typer.Option("--format")] = TextFormat.text,
                 errors: Annotated[int, typer.Option(help="Show N missed and N false events per document.")] = 0,
                 workers: int = 1) -> None:
    """Score dyad's events against gold events (DESIGN §6 rules)."""
    from dyad.evaluate.run import evaluate

    try:
        result, scores = evaluate(gold, docs, workers)
    except (ValueError, ReadError) as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(1) from e
    if format is TextFormat.json:
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        rows = [{"set": name, **_flat(m)} for name, m in
                [("overall", result["overall"]), *result["by_language"].items(), *result["by_document"].items()]]
        _print_rows(rows, list(rows[0]), Format.table)
    for name, s in scores.items():
        if not errors:
            break
        typer.echo(f"== {name}: missed {len(s.missed)}, false {len(s.false)}", err=True)
        for g in s.missed[:errors]:
            typer.echo(f"  MISS {g.kind} {g.source}->{g.target} {g.raw['date']} {g.raw['modality']}: "
                       f"{g.raw['evidence'][:90]}", err=True)
        for p in s.false[:errors]:
            typer.echo(f"  FALSE {p.kind} {p.source}->{p.target} {p.raw['date_value']} {p.raw['modality']}: "
                       f"{p.raw['evidence_text'][:90]}", err=True)


def _flat(m: dict[str, Any]) -> dict[str, Any]:
    return {"gold": m["gold"], "predicted": m["predicted"],
            "strict_p": m["strict"]["precision"], "strict_r": m["strict"]["recall"], "strict_f1": m["strict"]["f1"],
            "relaxed_f1": m["relaxed"]["f1"], "dates": m["date_accuracy"], "actors": m["actor_accuracy"]}


@app.command("demo")
def demo_cmd(db: Annotated[Path | None,
                           typer.Option("--db", help="Store file (default: a fresh temporary one).")] = None) -> None:
    """Ingest the bundled sample corpus into a fresh store and print the RUS–JPN timeline."""
    sample = Path(str(resources.files("dyad") / "data" / "sample"))
    with tempfile.TemporaryDirectory() as tmp:
        path = db or Path(tmp) / "demo.duckdb"
        with Store(path) as store:
            summary = ingest([sample], store)
        _print_summary(summary)
        typer.echo("RUS–JPN timeline (canonical events; n_sources = documents that tell it):\n")
        timeline_cmd("RUS", "JPN", db=path, format=Format.table)


class ExportFormat(StrEnum):
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


@app.command("serve")
def serve_cmd(db: DbOption = Path("dyad.duckdb"),
              host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
              port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
              token: Annotated[str | None, typer.Option(
                  envvar="DYAD_TOKEN", show_default=False,
                  help="Token that allows uploads (POST /api/documents); prefer the DYAD_TOKEN environment "
                       "variable. Without one the server is read-only.")] = None,
              max_upload_mb: Annotated[int, typer.Option(min=1, max=4096, help="Largest request body, in MB.")] = 20,
              ) -> None:
    """Serve the HTTP API (OpenAPI schema at /openapi.json) and the dashboard at http://HOST:PORT/."""
    import duckdb

    from dyad.api.app import Settings
    from dyad.api.server import serve

    try:
        settings = Settings.resolve(db, token, max_body=max_upload_mb * 1024 * 1024,
                                    max_file=max_upload_mb * 1024 * 1024)
        serve(settings, host, port)
    except (ValueError, FileNotFoundError, RuntimeError, duckdb.Error) as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(1) from e


@app.command("export")
def export_cmd(path: Annotated[Path, typer.Argument(help="Output file; replaced if it exists.")],
               db: DbOption = Path("dyad.duckdb"),
               format: Annotated[ExportFormat | None, typer.Option(
                   "--format", help="Default: from the file's suffix.")] = None,
               canonical: Annotated[bool, typer.Option(
                   "--canonical", help="Canonical events instead of event mentions.")] = False) -> None:
    """Write event mentions (or canonical events) to Parquet, CSV or JSON Lines (columns: docs/export.md)."""
    import duckdb

    from dyad.store.export import export

    if not db.exists():
        typer.echo(f"{db}: no store there", err=True)
        raise typer.Exit(1)
    try:
        with Store(db, read_only=True) as store:
            out = export(store, path, format.value if format else None, canonical)
    except (ValueError, OSError, duckdb.Error) as e:
        typer.echo(str(e), err=True)
        raise typer.Exit(1) from e
    typer.echo(f"wrote {out}", err=True)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
