"""Stored event rows as the event objects of DESIGN §6 (the shape `dyad annotate` prints)."""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]


def _actor(row: Row, role: str) -> dict[str, Any] | None:
    if row.get(f"{role}_code") is None:
        return None
    return {k: row.get(f"{role}_{k}") for k in ("code", "polity", "sector", "person")}


def _span(row: Row, name: str, text: str | None = None) -> dict[str, Any] | None:
    if row.get(f"{name}_start") is None:
        return None
    out: dict[str, Any] = {"start": row[f"{name}_start"], "end": row[f"{name}_end"]}
    if text is not None:
        out["text"] = text
    return out


def event_object(row: Row) -> dict[str, Any]:
    """One stored mention in the annotate shape, with `doc` (document id and path) and `canonical_id`."""
    date = None
    if row.get("date_value"):
        date = {"value": row["date_value"], "start": str(row["date_start"]), "end": str(row["date_end"]),
                "precision": row["date_precision"]}
    territory = [t.strip() for t in (row.get("territory") or "").split(";") if t.strip()] or None
    return {
        "id": row["id"], "doc": row["doc_id"], "source_path": row.get("source_path"),
        "canonical_id": row.get("canonical_id"), "kind": row["kind"], "plover": row["plover"],
        "cameo": row["cameo"], "quad_class": row["quad_class"], "intensity": row["intensity"],
        "modality": row["modality"], "confidence": row["confidence"],
        "source": _actor(row, "source"), "target": _actor(row, "target"), "date": date,
        "agreement": row["agreement"], "territory": territory, "location": row["location"],
        "sentence": row["sentence"], "language": row["language"],
        "trigger": _span(row, "trigger", row["trigger_text"]), "evidence": _span(row, "evidence", row["evidence_text"]),
        "arguments": {role: [s["start"], s["end"]] for role in ("source", "target")
                      if (s := _span(row, role)) is not None},
        "extractor_version": row["extractor_version"],
    }
