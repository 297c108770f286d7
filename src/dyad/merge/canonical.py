"""Merge event mentions from all documents into canonical events (DESIGN §1.2).

Mentions merge when they have the same kind, the same actor pair (unordered for symmetric
kinds), the same modality class, no conflicting agreement, and compatible dates: one
date's interval lies inside the other's (`1855` and `1855-02-07` agree; `1904` and `1905`
do not). The most precise date wins. A mention with no date joins its key's only dated
event, if there is exactly one. Each canonical event counts its mentions and its
independent sources (documents).
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from dyad.data import load_kinds

PRECISION_RANK = {"century": 0, "decade": 1, "year": 2, "season": 3, "month": 3, "day": 4}


@dataclass
class Cluster:
    members: list[dict[str, Any]] = field(default_factory=list)

    @property
    def best(self) -> dict[str, Any]:
        dated = [m for m in self.members if m["date_start"] is not None]
        if not dated:
            return self.members[0]
        return max(dated, key=lambda m: (PRECISION_RANK.get(m["date_precision"], -1), -len(m["id"]), m["id"]))

    def accepts(self, m: dict[str, Any]) -> bool:
        b = self.best
        if b["agreement"] and m["agreement"] and b["agreement"] != m["agreement"]:
            return False
        if m["date_start"] is None or b["date_start"] is None:
            return True
        inside = b["date_start"] >= m["date_start"] and b["date_end"] <= m["date_end"]
        contains = m["date_start"] >= b["date_start"] and m["date_end"] <= b["date_end"]
        return inside or contains


def merge_key(e: dict[str, Any], symmetric: bool) -> tuple[Any, ...]:
    pair = (e["source_code"], e["target_code"])
    if symmetric:
        pair = tuple(sorted(pair, key=lambda c: c or ""))  # type: ignore[assignment]
    return (e["kind"], pair, e["modality"] == "asserted")


def merge_events(events: list[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """(canonical rows, (canonical id, event id) members)."""
    kinds = load_kinds()
    groups: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    for e in events:
        groups[merge_key(e, kinds[e["kind"]].symmetric)].append(e)
    canonical, members = [], []
    for key in sorted(groups, key=str):
        mentions = sorted(groups[key], key=lambda m: (-PRECISION_RANK.get(m["date_precision"], -1), m["id"]))
        clusters: list[Cluster] = []
        undated = []
        for m in mentions:
            if m["date_start"] is None:
                undated.append(m)
                continue
            home = next((c for c in clusters if c.accepts(m)), None)
            if home is None:
                home = Cluster()
                clusters.append(home)
            home.members.append(m)
        if len(clusters) == 1:
            clusters[0].members.extend(undated)
        elif undated:
            clusters.append(Cluster(undated))
        for c in clusters:
            row = _canonical_row(c)
            canonical.append(row)
            members.extend((row["id"], m["id"]) for m in c.members)
    return canonical, members


def _canonical_row(c: Cluster) -> dict[str, Any]:
    b = c.best
    ids = sorted(m["id"] for m in c.members)
    cid = hashlib.sha256(",".join(ids).encode()).hexdigest()[:16]
    territory = next((m["territory"] for m in c.members if m["territory"]), None)
    agreement = next((m["agreement"] for m in c.members if m["agreement"]), None)
    return {
        "id": cid, "kind": b["kind"], "source_code": b["source_code"], "target_code": b["target_code"],
        "date_value": b["date_value"], "date_start": b["date_start"], "date_end": b["date_end"],
        "date_precision": b["date_precision"], "agreement": agreement, "territory": territory,
        "modality": b["modality"], "quad_class": b["quad_class"], "intensity": b["intensity"],
        "n_mentions": len(c.members), "n_sources": len({m["doc_id"] for m in c.members}),
    }
