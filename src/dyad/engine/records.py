"""Documents and events as Arrow rows: what the Ray engine writes to Parquet and loads back.

A processed document becomes one row holding everything the store keeps of it (text, meta,
languages, statistics, fingerprint, removed spans and its events), so loading a row through
`Store.add_document` stores exactly what the local engine stores for the same input. Events
keep every field of `Event`, so the Parquet files are a complete export too.
"""

from __future__ import annotations

import json
from typing import Any

import pyarrow as pa

from dyad.model import ActorRef, DateValue, Document, DocumentMeta, Event, Paragraph, Sentence, Span
from dyad.store.db import PreparedDocument, lookup_bands

REPEATED_SENTENCE = "repeated sentence"  # the reason `Document.removed_spans` gives a repeated sentence

_ACTOR = ("code", "polity", "sector", "person")
EVENT_FIELDS: list[pa.Field] = [
    pa.field("id", pa.string()), pa.field("doc_id", pa.string()), pa.field("sentence", pa.int64()),
    pa.field("kind", pa.string()), pa.field("plover", pa.string()), pa.field("cameo", pa.string()),
    pa.field("quad_class", pa.int64()), pa.field("intensity", pa.float64()), pa.field("modality", pa.string()),
    pa.field("confidence", pa.float64()),
    *(pa.field(f"{role}_{part}", pa.string()) for role in ("source", "target") for part in _ACTOR),
    pa.field("date_value", pa.string()), pa.field("date_start", pa.string()), pa.field("date_end", pa.string()),
    pa.field("date_precision", pa.string()), pa.field("date_julian", pa.bool_()),
    pa.field("agreement", pa.string()), pa.field("territory", pa.list_(pa.string())),
    pa.field("location", pa.string()), pa.field("language", pa.string()),
    pa.field("trigger_start", pa.int64()), pa.field("trigger_end", pa.int64()), pa.field("trigger_text", pa.string()),
    pa.field("evidence_start", pa.int64()), pa.field("evidence_end", pa.int64()),
    pa.field("evidence_text", pa.string()), pa.field("extractor_version", pa.string()),
    pa.field("arguments", pa.string()),  # JSON: {"source": [start, end], …}
]
SPAN = pa.struct([pa.field("start", pa.int64()), pa.field("end", pa.int64()), pa.field("reason", pa.string())])

# One row per input record, in the order given by (file_index, record_index). `kind` is
# "document" (processed), "rejection" (with `reason`) or "stored" (already in the store: `id`).
RECORD_SCHEMA = pa.schema([
    pa.field("file_index", pa.int64()), pa.field("record_index", pa.int64()), pa.field("kind", pa.string()),
    pa.field("source_path", pa.string()), pa.field("record", pa.string()), pa.field("title", pa.string()),
    pa.field("url", pa.string()), pa.field("published", pa.string()), pa.field("declared_language", pa.string()),
    pa.field("reason", pa.string()), pa.field("id", pa.string()), pa.field("text", pa.string()),
    pa.field("language", pa.string()),  # the main language, "und" if none: the partition key
    pa.field("languages", pa.list_(pa.string())), pa.field("n_chars", pa.int64()),
    pa.field("stats", pa.string()),  # JSON, as the store keeps it
    pa.field("fingerprint", pa.list_(pa.uint64())),
    pa.field("removed", pa.list_(SPAN)),
    pa.field("events", pa.list_(pa.struct(EVENT_FIELDS))),
])
DOCUMENT_COLUMNS = [f.name for f in RECORD_SCHEMA if f.name not in ("kind", "reason", "events")]
EVENT_SCHEMA = pa.schema([pa.field("file_index", pa.int64()), pa.field("record_index", pa.int64()),
                          pa.field("position", pa.int64()), *EVENT_FIELDS])


def table(rows: list[dict[str, Any]], schema: pa.Schema = RECORD_SCHEMA) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=schema)


def event_record(e: Event) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": e.id, "doc_id": e.doc_id, "sentence": e.sentence, "kind": e.kind, "plover": e.plover,
        "cameo": e.cameo, "quad_class": e.quad_class, "intensity": e.intensity, "modality": e.modality,
        "confidence": e.confidence, "agreement": e.agreement, "territory": e.territory, "location": e.location,
        "language": e.language, "trigger_start": e.trigger.start, "trigger_end": e.trigger.end,
        "trigger_text": e.trigger_text, "evidence_start": e.evidence.start, "evidence_end": e.evidence.end,
        "evidence_text": e.evidence_text, "extractor_version": e.extractor_version,
        "arguments": json.dumps(e.argument_spans),
    }
    for role, ref in (("source", e.source), ("target", e.target)):
        for part in _ACTOR:
            row[f"{role}_{part}"] = getattr(ref, part) if ref else None
    d = e.date
    row.update(date_value=d.value if d else None, date_start=d.start if d else None, date_end=d.end if d else None,
               date_precision=d.precision if d else None, date_julian=d.julian if d else None)
    return row


def _actor(row: dict[str, Any], role: str) -> ActorRef | None:
    if row[f"{role}_code"] is None:
        return None
    return ActorRef(*(row[f"{role}_{part}"] for part in _ACTOR))


def event_from_record(row: dict[str, Any]) -> Event:
    date = None
    if row["date_value"] is not None:
        date = DateValue(row["date_value"], row["date_start"], row["date_end"], row["date_precision"],
                         bool(row["date_julian"]))
    return Event(
        id=row["id"], doc_id=row["doc_id"], sentence=row["sentence"], kind=row["kind"], plover=row["plover"],
        cameo=row["cameo"], quad_class=row["quad_class"], intensity=row["intensity"], modality=row["modality"],
        confidence=row["confidence"], source=_actor(row, "source"), target=_actor(row, "target"), date=date,
        trigger=Span(row["trigger_start"], row["trigger_end"]), trigger_text=row["trigger_text"],
        evidence=Span(row["evidence_start"], row["evidence_end"]), evidence_text=row["evidence_text"],
        language=row["language"], agreement=row["agreement"], territory=row["territory"], location=row["location"],
        extractor_version=row["extractor_version"], argument_spans=json.loads(row["arguments"] or "{}"),
    )


def meta_record(meta: DocumentMeta) -> dict[str, Any]:
    return {"source_path": meta.source_path, "record": meta.record, "title": meta.title, "url": meta.url,
            "published": meta.published, "declared_language": meta.language}


def meta_from_record(row: dict[str, Any]) -> DocumentMeta:
    return DocumentMeta(source_path=row["source_path"], record=row["record"], title=row["title"], url=row["url"],
                        published=row["published"], language=row["declared_language"])


def document_record(doc: Document, row: dict[str, Any]) -> dict[str, Any]:
    """The read stage's `row` of a document, completed with what `process` found."""
    return {
        **row, "kind": "document", "id": doc.id, "text": doc.text,
        "language": doc.languages[0] if doc.languages else "und", "languages": doc.languages,
        "n_chars": len(doc.text), "stats": json.dumps(doc.stats), "fingerprint": doc.fingerprint,
        "removed": [{"start": s, "end": e, "reason": r} for s, e, r in doc.removed_spans()],
        "events": [event_record(e) for e in doc.events],
    }


def document_from_record(row: dict[str, Any]) -> Document:
    """The document as the store sees it: what `Store.add_document` reads is restored, nothing else."""
    doc = Document(text=row["text"], meta=meta_from_record(row), id=row["id"])
    doc.languages = list(row["languages"] or [])
    doc.stats = json.loads(row["stats"] or "{}")
    doc.fingerprint = list(row["fingerprint"] or [])
    for span in row["removed"] or []:
        if span["reason"] == REPEATED_SENTENCE:
            doc.sentences.append(Sentence(span["start"], span["end"], -1, "", repeat=True))
        else:
            doc.paragraphs.append(Paragraph(span["start"], span["end"], removed=span["reason"]))
    doc.events = [event_from_record(e) for e in row["events"] or []]
    return doc


def _store_event_row(e: dict[str, Any]) -> tuple[Any, ...]:
    """`store.db._event_row(event_from_record(e))`, straight from the record (`EVENT_COLUMNS` order)."""
    def actor(role: str) -> tuple[Any, ...]:
        return tuple(e[f"{role}_{part}"] for part in _ACTOR) if e[f"{role}_code"] is not None else (None,) * 4

    def span(offsets: list[int] | None) -> tuple[int | None, int | None]:
        return (offsets[0], offsets[1]) if offsets else (None, None)

    dated = e["date_value"] is not None
    arguments = json.loads(e["arguments"] or "{}")
    return (
        e["id"], e["doc_id"], e["sentence"], e["kind"], e["plover"], e["cameo"], e["quad_class"], e["intensity"],
        e["modality"], e["confidence"], *actor("source"), *actor("target"),
        *((e["date_value"], e["date_start"], e["date_end"], e["date_precision"]) if dated else (None,) * 4),
        e["agreement"], "; ".join(e["territory"]) if e["territory"] else None, e["location"], e["language"],
        e["trigger_start"], e["trigger_end"], e["trigger_text"], e["evidence_start"], e["evidence_end"],
        e["evidence_text"], e["extractor_version"], *span(arguments.get("source")), *span(arguments.get("target")),
    )


def prepared_from_record(row: dict[str, Any], supported: bool) -> PreparedDocument:
    """`store.db.prepare_document(document_from_record(row), supported)` without building the
    Document and its Events first: the store's rows straight from the record. The driver loads
    every record of a Ray ingest alone, so what it spends per document bounds the scaling."""
    doc_id, text = row["id"], row["text"]
    languages = list(row["languages"] or [])
    stats = json.loads(row["stats"] or "{}")
    fingerprint = list(row["fingerprint"] or [])
    return PreparedDocument(
        id=doc_id,
        row=(doc_id, row["source_path"], row["record"], row["title"], row["url"], row["published"], languages,
             supported, len(text), text, json.dumps(stats)),
        fingerprint=fingerprint, bands=lookup_bands(fingerprint),
        removed=[(doc_id, start, end, reason) for start, end, reason in
                 sorted((s["start"], s["end"], s["reason"]) for s in row["removed"] or [])],
        events=[_store_event_row(e) for e in row["events"] or []], languages=languages, stats=stats,
        supported=supported)


def event_rows(records: pa.Table) -> pa.Table:
    """The events of a table of records, one row each, with their document's place in the input."""
    rows = []
    for file_index, record_index, events in zip(records.column("file_index").to_pylist(),
                                                records.column("record_index").to_pylist(),
                                                records.column("events").to_pylist(), strict=True):
        for position, e in enumerate(events or []):
            rows.append({"file_index": file_index, "record_index": record_index, "position": position, **e})
    return table(rows, EVENT_SCHEMA)
