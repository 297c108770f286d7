"""Export event mentions or canonical events to Parquet, CSV or JSON Lines with DuckDB's COPY.

Parquet and JSON Lines keep dyad's own field names (those of the store, `dyad events --format
json` and the Python API), with territories and member lists as lists. CSV takes the names
analysts' code already reads — ICEWS ("Event ID", "Source Country", "CAMEO Code",
"Intensity"), POLECAT ("Event Type", "Event Mode", "Contexts"), GDELT ("QuadClass",
"NumSources") — where such a name exists, and lists joined by "; ". docs/export.md is the
table of both; each entry below is one row of it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from dyad.data import load_kinds
from dyad.store.db import Store

Format = Literal["parquet", "csv", "jsonl"]
FORMATS: dict[str, Format] = {".parquet": "parquet", ".pq": "parquet", ".csv": "csv", ".jsonl": "jsonl",
                              ".ndjson": "jsonl"}
COPY_OPTIONS = {"parquet": "(FORMAT parquet, COMPRESSION zstd)", "csv": "(FORMAT csv, HEADER true)",
                "jsonl": "(FORMAT json)"}

# (dyad name, CSV name, SQL over e = events, d = documents, m = canonical_members, k = kinds)
MENTION_COLUMNS: list[tuple[str, str, str]] = [
    ("id", "Event ID", "e.id"),
    ("canonical_id", "Canonical ID", "m.canonical_id"),
    ("date_start", "Event Date", "e.date_start"),
    ("date_end", "Event End Date", "e.date_end"),
    ("date_value", "Date EDTF", "e.date_value"),
    ("date_precision", "Date Precision", "e.date_precision"),
    ("kind", "Kind", "e.kind"),
    ("plover", "Event Type", "e.plover"),
    ("plover_mode", "Event Mode", "nullif(k.plover_mode, '')"),
    ("context", "Contexts", "k.context"),
    ("cameo", "CAMEO Code", "e.cameo"),
    ("quad_class", "QuadClass", "e.quad_class"),
    ("intensity", "Intensity", "e.intensity"),
    ("source_code", "Source Country", "e.source_code"),
    ("source_name", "Source Name", "coalesce(e.source_person, e.source_polity, e.source_code)"),
    ("source_polity", "Source Polity", "e.source_polity"),
    ("source_sector", "Source Sectors", "e.source_sector"),
    ("source_person", "Source Person", "e.source_person"),
    ("target_code", "Target Country", "e.target_code"),
    ("target_name", "Target Name", "coalesce(e.target_person, e.target_polity, e.target_code)"),
    ("target_polity", "Target Polity", "e.target_polity"),
    ("target_sector", "Target Sectors", "e.target_sector"),
    ("target_person", "Target Person", "e.target_person"),
    ("modality", "Modality", "e.modality"),
    ("confidence", "Confidence", "e.confidence"),
    ("agreement", "Agreement", "e.agreement"),
    ("territory", "Territory", "str_split(e.territory, '; ')"),
    ("location", "Placename", "e.location"),
    ("language", "Language", "e.language"),
    ("doc_id", "Story ID", "e.doc_id"),
    ("sentence", "Sentence Number", "e.sentence + 1"),
    ("source_path", "Document", "d.source_path"),
    ("title", "Title", "d.title"),
    ("url", "URL", "d.url"),
    ("published", "Publication Date", "d.published"),
    ("trigger_text", "Trigger Text", "e.trigger_text"),
    ("trigger_start", "Trigger Start", "e.trigger_start"),
    ("trigger_end", "Trigger End", "e.trigger_end"),
    ("evidence_text", "Evidence Text", "e.evidence_text"),
    ("evidence_start", "Evidence Start", "e.evidence_start"),
    ("evidence_end", "Evidence End", "e.evidence_end"),
    ("extractor_version", "Version", "e.extractor_version"),
]
MENTION_FROM = """events e JOIN documents d ON d.id = e.doc_id LEFT JOIN canonical_members m ON m.event_id = e.id
    LEFT JOIN k ON k.kind = e.kind ORDER BY e.date_start NULLS LAST, d.source_path, e.trigger_start, e.id"""

# (dyad name, CSV name, SQL over c = canonical_events, s = its sources aggregated, k = kinds)
CANONICAL_COLUMNS: list[tuple[str, str, str]] = [
    ("id", "Event ID", "c.id"),
    ("date_start", "Event Date", "c.date_start"),
    ("date_end", "Event End Date", "c.date_end"),
    ("date_value", "Date EDTF", "c.date_value"),
    ("date_precision", "Date Precision", "c.date_precision"),
    ("date_conflict", "Date Conflict", "c.date_conflict"),
    ("kind", "Kind", "c.kind"),
    ("plover", "Event Type", "k.plover"),
    ("plover_mode", "Event Mode", "nullif(k.plover_mode, '')"),
    ("context", "Contexts", "k.context"),
    ("cameo", "CAMEO Code", "k.cameo"),
    ("quad_class", "QuadClass", "c.quad_class"),
    ("intensity", "Intensity", "c.intensity"),
    ("source_code", "Source Country", "c.source_code"),
    ("target_code", "Target Country", "c.target_code"),
    ("modality", "Modality", "c.modality"),
    ("agreement", "Agreement", "c.agreement"),
    ("territory", "Territory", "str_split(c.territory, '; ')"),
    ("n_mentions", "NumMentions", "c.n_mentions"),
    ("n_sources", "NumSources", "c.n_sources"),
    ("languages", "Languages", "s.languages"),
    ("doc_ids", "Story IDs", "s.doc_ids"),
    ("event_ids", "Mention IDs", "s.event_ids"),
]
CANONICAL_FROM = """canonical_events c LEFT JOIN (
        SELECT m.canonical_id, list_sort(list_distinct(list(e.language))) AS languages,
               list_sort(list_distinct(list(e.doc_id))) AS doc_ids, list_sort(list(e.id)) AS event_ids
        FROM canonical_members m JOIN events e ON e.id = m.event_id GROUP BY m.canonical_id
    ) s ON s.canonical_id = c.id LEFT JOIN k ON k.kind = c.kind ORDER BY c.date_start NULLS LAST, c.kind, c.id"""


def columns(canonical: bool, format: Format) -> list[str]:
    """The column names a file of this kind and format has, in order."""
    spec = CANONICAL_COLUMNS if canonical else MENTION_COLUMNS
    return [csv if format == "csv" else name for name, csv, _ in spec]


def _format_of(path: Path, format: str | None) -> Format:
    if format is None:
        if path.suffix.lower() not in FORMATS:
            raise ValueError(f"{path}: cannot tell the format from the suffix; give one of parquet, csv, jsonl")
        return FORMATS[path.suffix.lower()]
    if format not in COPY_OPTIONS:
        raise ValueError(f"unknown export format {format!r}; use parquet, csv or jsonl")
    return format  # type: ignore[return-value]  # checked against COPY_OPTIONS just above


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def export(store: Store, path: str | Path, format: str | None = None, canonical: bool = False) -> Path:
    """Write every event mention (or, with `canonical`, every canonical event) to `path`, replacing it.
    `format` is parquet, csv or jsonl; without it the suffix of `path` decides."""
    path = Path(path)
    fmt = _format_of(path, format)
    spec, source = (CANONICAL_COLUMNS, CANONICAL_FROM) if canonical else (MENTION_COLUMNS, MENTION_FROM)
    select = []
    for (_, _, sql), name in zip(spec, columns(canonical, fmt), strict=True):
        if fmt == "csv" and sql.startswith(("str_split", "s.")):
            sql = f"array_to_string({sql}, '; ')"  # CSV cells are flat: lists become "a; b"
        select.append(f"{sql} AS {_quote(name)}")
    kinds = list(load_kinds().values())
    table = ", ".join("(?, ?, ?, ?, ?)" for _ in kinds)
    params: list[object] = [x for k in kinds for x in (k.name, k.plover, k.plover_mode, k.context, k.cameo)]
    sql = (f"COPY (WITH k(kind, plover, plover_mode, context, cameo) AS (VALUES {table}) "
           f"SELECT {', '.join(select)} FROM {source}) TO ? {COPY_OPTIONS[fmt]}")
    store.con.execute(sql, params + [str(path)])
    return path
