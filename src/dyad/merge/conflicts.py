"""Where sources disagree about an event (issue 7: a finding, not noise).

Two kinds of disagreement between the canonical events of a pair:
- **date**: one canonical event whose mentions give dates neither of which lies inside the
  other (`date_conflict`, set by merging: days a few apart, or one named treaty in two years);
- **outcome**: one source asserts what another denies — an asserted and a negated canonical
  event of the same kind, pair and named agreement (or, for kinds that change who holds a
  territory, the same territory line), with dates that do not exclude each other. Merging keeps
  them apart (asserted and negated never merge), so only here are they put side by side.

Each disagreement is listed as one row per mention: the source's claim (its date, or its
modality), its document and its evidence, so a reader can check each side in one click.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from dyad.merge.canonical import (
    TERRITORIAL_KINDS,
    kind_facts,
    specific_agreements,
    territories_compatible,
    territory_facts,
)
from dyad.store.db import Store

Row = dict[str, Any]
COLUMNS = ["canonical_id", "kind", "agreement", "territory", "disagreement", "claim", "date_value", "modality",
           "source_path", "evidence_text"]


def _dates_compatible(a: Row, b: Row) -> bool:
    if a["date_start"] is None or b["date_start"] is None:
        return True
    return (a["date_start"] <= b["date_start"] and b["date_end"] <= a["date_end"]) or \
        (b["date_start"] <= a["date_start"] and a["date_end"] <= b["date_end"])


def _same_subject(a: Row, b: Row) -> bool:
    """Both name one specific agreement, or (for a change of holder) territories on one part-of line.
    A generic "peace treaty" is no subject: one signed and another not are two treaties."""
    if a["agreement"] and b["agreement"]:
        return bool(a["agreement"] == b["agreement"] and a["agreement"] in specific_agreements())
    if a["kind"] in TERRITORIAL_KINDS and a["territory"] and b["territory"]:
        return territories_compatible(territory_facts(a["territory"]), territory_facts(b["territory"]))
    return False


def outcome_conflicts(events: list[Row]) -> list[list[Row]]:
    """Groups of asserted and negated canonical events of one kind, pair and subject whose dates
    agree (linked pairwise; each event in one group, the asserted first)."""
    groups: dict[tuple[Any, ...], list[Row]] = defaultdict(list)
    facts = kind_facts()
    for e in events:
        if e["modality"] not in ("asserted", "negated"):
            continue
        kind, symmetric = facts[e["kind"]]
        pair = tuple(sorted((e["source_code"] or "", e["target_code"] or ""))) if symmetric else \
            (e["source_code"], e["target_code"])
        groups[(kind, pair)].append(e)
    found: list[list[Row]] = []
    for group in groups.values():
        said = [e for e in group if e["modality"] == "asserted"]
        for n in (e for e in group if e["modality"] == "negated"):
            told = [a for a in said if _same_subject(a, n) and _dates_compatible(a, n)]
            if not told:
                continue
            ids = {e["id"] for e in told}
            joined = next((f for f in found if ids & {e["id"] for e in f}), None)  # one denial of several
            if joined is None:
                found.append([*told, n])
            else:
                joined += [e for e in [*told, n] if e["id"] not in {x["id"] for x in joined}]
    return [sorted(f, key=lambda e: e["modality"] != "asserted") for f in found]


def _rows(store: Store, c: Row, disagreement: str) -> list[Row]:
    out = []
    for m in store.members(c["id"]):
        claim = m["date_value"] if disagreement == "date" else m["modality"]
        out.append({"canonical_id": c["id"], "kind": c["kind"], "agreement": c["agreement"],
                    "territory": c["territory"], "disagreement": disagreement, "claim": claim,
                    "date_value": m["date_value"], "modality": m["modality"], "source_path": m["source_path"],
                    "evidence_text": m["evidence_text"]})
    return out


def conflicts(store: Store, a: str, b: str) -> list[Row]:
    """Every disagreement among the sources of the canonical events between `a` and `b`."""
    events = store.canonical_between(a, b)
    rows: list[Row] = []
    for c in events:
        if c["date_conflict"]:
            rows += _rows(store, c, "date")
    for group in outcome_conflicts(events):
        for c in group:
            rows += _rows(store, c, "outcome")
    return rows
