"""Merge event mentions from all documents into canonical events (DESIGN §1.2).

Mentions merge when they have compatible kinds (the same kind; MEET and NEGOTIATE of one
summit), the same actor pair (unordered for symmetric kinds), the same modality class,
no conflicting agreement, and dates that agree: one interval lies inside the other
(`1855` and `1855-02-07` agree; `1904` and `1905` do not). Two sources that name the same
specific agreement, or give days at most `NEAR_DAYS` apart, tell one event with a date
conflict — a finding kept for `dyad conflicts`, not noise. The most precise date wins. A
mention with no date joins its key's only dated event, if there is exactly one. Each
canonical event counts its mentions and its independent sources (documents, a syndicated copy
counted with its original).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from dyad.data import load_hierarchy, load_kinds
from dyad.model import PRECISION_RANK

NEAR_DAYS = 3
COMPATIBLE_KINDS = {"MEET": "TALKS", "NEGOTIATE": "TALKS"}  # one summit is told as a meeting or as talks

Row = dict[str, Any]


def _specific_agreement(name: str | None) -> bool:
    """A named treaty (in the agreements table with a year), not a generic 'peace treaty'."""
    row = load_hierarchy("agreements").get(name or "")
    return bool(row and row.get("signed"))


def _as_date(v: Any) -> dt.date:
    return v if isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def dates_agree(a: Row, b: Row) -> bool:
    if a["date_start"] is None or b["date_start"] is None:
        return True
    a0, a1, b0, b1 = (_as_date(x) for x in (a["date_start"], a["date_end"], b["date_start"], b["date_end"]))
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)


def _near_days(a: Row, b: Row) -> bool:
    if a["date_precision"] != "day" or b["date_precision"] != "day":
        return False
    return abs((_as_date(a["date_start"]) - _as_date(b["date_start"])).days) <= NEAR_DAYS


def _rank(m: Row) -> tuple[int, str]:
    return (PRECISION_RANK.get(m["date_precision"], -1) if m["date_start"] is not None else -2, m["id"])


@dataclass
class Cluster:
    """Mentions of one event; `best` (the most precise dated mention) is kept as they arrive."""

    members: list[Row] = field(default_factory=list)
    best: Row = field(default_factory=dict)

    def add(self, m: Row) -> None:
        self.members.append(m)
        if not self.best or _rank(m) > _rank(self.best):
            self.best = m

    def accepts(self, m: Row) -> bool:
        b = self.best
        if b["agreement"] and m["agreement"] and b["agreement"] != m["agreement"]:
            return False
        if b["agreement"] and b["agreement"] == m["agreement"] and _specific_agreement(m["agreement"]):
            return True
        return dates_agree(b, m) or _near_days(b, m)

    @property
    def date_conflict(self) -> bool:
        dated = [m for m in self.members if m["date_start"] is not None]
        return any(not dates_agree(x, y) for i, x in enumerate(dated) for y in dated[i + 1:])


def merge_key(e: Row) -> tuple[Any, ...]:
    kind = COMPATIBLE_KINDS.get(e["kind"], e["kind"])
    symmetric = load_kinds()[e["kind"]].symmetric
    pair: tuple[Any, ...] = (e["source_code"], e["target_code"])
    if symmetric:
        pair = tuple(sorted(pair, key=lambda c: c or ""))
    return (kind, pair, e["modality"] == "asserted")


def merge_events(events: Iterable[Row]) -> tuple[list[Row], list[tuple[str, str]]]:
    """(canonical rows, (canonical id, event id) members)."""
    groups: dict[tuple[Any, ...], list[Row]] = defaultdict(list)
    for e in events:
        groups[merge_key(e)].append(e)
    canonical: list[Row] = []
    members: list[tuple[str, str]] = []
    for key in sorted(groups, key=str):
        for c in cluster_group(groups[key]):
            row = canonical_row(c)
            canonical.append(row)
            members.extend((row["id"], m["id"]) for m in c.members)
    return canonical, members


def cluster_group(mentions: list[Row]) -> list[Cluster]:
    ordered = sorted(mentions, key=lambda m: (-PRECISION_RANK.get(m["date_precision"], -1), m["id"]))
    clusters: list[Cluster] = []
    undated = []
    for m in ordered:
        if m["date_start"] is None:
            undated.append(m)
            continue
        home = next((c for c in clusters if c.accepts(m)), None)
        if home is None:
            home = Cluster()
            clusters.append(home)
        home.add(m)
    if len(clusters) == 1:
        for m in undated:
            clusters[0].add(m)
    elif undated:
        rest = Cluster()
        for m in undated:
            rest.add(m)
        clusters.append(rest)
    return clusters


def canonical_row(c: Cluster) -> Row:
    b = c.best
    ids = sorted(m["id"] for m in c.members)
    kinds = Counter(m["kind"] for m in c.members).most_common()
    kind = b["kind"] if len(kinds) > 1 and kinds[0][1] == kinds[1][1] else kinds[0][0]
    return {
        "id": hashlib.sha256(",".join(ids).encode()).hexdigest()[:16],
        "kind": kind, "source_code": b["source_code"], "target_code": b["target_code"],
        "date_value": b["date_value"], "date_start": b["date_start"], "date_end": b["date_end"],
        "date_precision": b["date_precision"],
        "agreement": next((m["agreement"] for m in c.members if m["agreement"]), None),
        "territory": next((m["territory"] for m in c.members if m["territory"]), None),
        "modality": b["modality"], "quad_class": b["quad_class"], "intensity": b["intensity"],
        "n_mentions": len(c.members), "n_sources": len({m.get("source_key") or m["doc_id"] for m in c.members}),
        "date_conflict": c.date_conflict,
    }
