"""Merge event mentions from all documents into canonical events (DESIGN §1.2).

Mentions merge when they share a merge key — the kind (MEET and NEGOTIATE of one summit count
as one), the actor pair (unordered for symmetric kinds) and the modality class (asserted or
not) — and do not conflict with what the event's mentions so far say: no two different
agreements (a part, such as a protocol, goes with its whole), no two different persons for one
actor, no two territories outside each other's part-of line, and dates that agree: one interval
lies inside the other (`1855` and `1855-02-07` agree; `1904` and `1905` do not). Two sources that
name the same specific agreement, or give days at most `NEAR_DAYS` apart, tell one event with a
date conflict — a finding kept for `dyad conflicts`, not noise.

A date wider than a year (a decade, a century, `1941/1945`) narrows which event a mention tells
but does not single it out: "an attack in 1904–1905" holds the attack on Port Arthur and every
other battle of the war. Such a mention is merged as an undated one, among the events its
interval holds. A mention with no date joins an event that names the same treaty (dated ones
first), or the one dated event that names a territory of its own; any other undated mention is
an event of its own, since nothing tells which event it retells.

The most precise mention of a cluster is its `best` and gives the canonical date (ties go to
the smallest id, so the result does not depend on input order). Each canonical event counts its
mentions and its independent sources (documents, a syndicated copy counted with its original).

Speed (a million mentions in seconds, bench/merge_state.py): every mention is prepared once
(key, date ordinals, precision rank, cached kind and territory facts), and a mention is
compared only with the clusters whose best date lies near its own, found through a bucketed
index instead of a scan of every cluster of its key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import cache
from operator import attrgetter
from typing import Any

from dyad.data import load_hierarchy, load_kinds
from dyad.model import PRECISION_RANK

NEAR_DAYS = 3
WIDE_DAYS = 366  # a date interval longer than this (a leap year) does not single out one event
# Kinds that change who holds a territory: a territory sees few of them, so naming it tells which
# one an undated mention retells. Claims, visits, trade recur over the same place and do not.
TERRITORIAL_KINDS = frozenset({"OCCUPY", "CEDE_TERRITORY"})
COMPATIBLE_KINDS = {"MEET": "TALKS", "NEGOTIATE": "TALKS"}  # one summit is told as a meeting or as talks

Row = dict[str, Any]
Key = tuple[str, tuple[Any, ...], bool]


@cache
def kind_facts() -> dict[str, tuple[str, bool]]:
    return {name: (COMPATIBLE_KINDS.get(name, name), info.symmetric) for name, info in load_kinds().items()}


@cache
def specific_agreements() -> frozenset[str]:
    """Named treaties (in the agreements table with a year), not a generic 'peace treaty'."""
    return frozenset(name for name, row in load_hierarchy("agreements").items() if row and row.get("signed"))


@cache
def _parents(table: str) -> dict[str, str | None]:
    """Part-of links of a shared table: a territory within a larger one, a protocol within its treaty."""
    return {name: (row or {}).get("part_of") for name, row in load_hierarchy(table).items()}


@cache
def _agreement_line(name: str) -> frozenset[str]:
    """An agreement with every agreement it is part of."""
    parents, line = _parents("agreements"), {name}
    cur = parents.get(name)
    while cur and cur not in line:
        line.add(cur)
        cur = parents.get(cur)
    return frozenset(line)


def _agreements_compatible(a: str, b: str) -> bool:
    return a == b or a in _agreement_line(b) or b in _agreement_line(a)


@cache
def territory_facts(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """(the names a territory field gives, those names with every whole they are part of)."""
    parents = _parents("territories")
    names = frozenset(t.strip() for t in text.split(";") if t.strip())
    line = set(names)
    for name in names:
        cur = parents.get(name)
        while cur and cur not in line:
            line.add(cur)
            cur = parents.get(cur)
    return names, frozenset(line)


@cache
def _ordinal_of_text(text: str) -> int:
    return dt.date.fromisoformat(text).toordinal()


def merge_key(e: Row) -> Key:
    kind, symmetric = kind_facts()[e["kind"]]
    a, b = e["source_code"], e["target_code"]
    if symmetric and (b or "") < (a or ""):
        a, b = b, a
    return (kind, (a, b), e["modality"] == "asserted")


_NO_PERSONS: dict[str, str] = {}


class Mention:
    """One event mention with what merging compares, computed once."""

    __slots__ = ("row", "id", "start", "end", "rank", "day", "wide", "agreement", "specific", "territory",
                 "persons")

    def __init__(self, row: Row) -> None:
        self.row = row
        self.id: str = row["id"]
        start = row["date_start"]
        if start is None:
            self.start = self.end = self.rank = -2
            self.day = self.wide = False
        else:
            end = row["date_end"]
            self.start = start.toordinal() if type(start) is dt.date else _ordinal_of_text(str(start)[:10])
            self.end = self.start if end is None else end.toordinal() if type(end) is dt.date \
                else _ordinal_of_text(str(end)[:10])
            precision = row["date_precision"]
            self.rank = PRECISION_RANK.get(precision, -1)
            self.day = precision == "day"
            self.wide = self.end - self.start > WIDE_DAYS
        agreement = self.agreement = row.get("agreement") or None
        self.specific = agreement in specific_agreements() if agreement else False
        terr = row.get("territory")
        self.territory = territory_facts(terr) if terr else None
        source_person, target_person = row.get("source_person"), row.get("target_person")
        if source_person or target_person:
            persons = self.persons = {}
            if source_person:
                persons[row["source_code"]] = source_person
            if target_person:
                persons[row["target_code"]] = target_person
        else:
            self.persons = _NO_PERSONS  # shared, never written: a cluster copies before adding

    @property
    def source(self) -> str:
        """The document, or the original a syndicated copy copies."""
        return str(self.row.get("source_key") or self.row["doc_id"])


def dates_agree(a: Row, b: Row) -> bool:
    if a["date_start"] is None or b["date_start"] is None:
        return True
    x, y = Mention(a), Mention(b)
    return _nested(x, y)


def _nested(a: Mention, b: Mention) -> bool:
    return (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end)


def territories_compatible(a: tuple[frozenset[str], frozenset[str]],
                            b: tuple[frozenset[str], frozenset[str]]) -> bool:
    """True when some territory of one is, contains or lies inside some territory of the other."""
    return bool(a[0] & b[1] or b[0] & a[1])


class Cluster:
    """Mentions of one event; `best`, the first and most precise, gives the canonical date.

    What identifies the event — its agreement, each side's person, its territory — is what any
    member named (the most precise first), so a mention that names none of them does not open
    the event to a later one naming another minister or treaty."""

    __slots__ = ("members", "best", "agreement", "persons", "territory", "pos")

    def __init__(self, first: Mention, pos: int = 0) -> None:
        self.pos = pos  # its place in its key's list of clusters
        self.members = [first]
        self.best = first
        self.agreement = first.agreement
        self.persons = first.persons  # shared until a member adds a person (copied then)
        self.territory = first.territory

    def add(self, m: Mention) -> None:
        self.members.append(m)
        if m.agreement and not self.agreement:
            self.agreement = m.agreement
        if m.persons and not m.persons.keys() <= self.persons.keys():
            self.persons = {**m.persons, **self.persons}
        if m.territory and not self.territory:
            self.territory = m.territory

    def accepts(self, m: Mention) -> bool:
        b = self.best
        a = self.agreement
        if a and m.agreement and a != m.agreement and not _agreements_compatible(a, m.agreement):
            return False
        if self.persons and m.persons and any(self.persons.get(k, p) != p for k, p in m.persons.items()):
            return False
        if self.territory and m.territory and not territories_compatible(self.territory, m.territory):
            return False
        if m.specific and self.agreement == m.agreement or m.rank < 0 or b.rank < 0:
            return True
        return _nested(b, m) or (b.day and m.day and abs(b.start - m.start) <= NEAR_DAYS)

    @property
    def date_conflict(self) -> bool:
        """Some two dated members give dates neither of which lies inside the other.

        All pairs are nested exactly when, longest first, each interval holds the next."""
        spans = sorted(((m.start, m.end) for m in self.members if m.rank >= 0), key=lambda s: s[0] - s[1])
        return any(not (a0 <= b0 and b1 <= a1) for (a0, a1), (b0, b1) in zip(spans, spans[1:], strict=False))


# Clusters are indexed by the start of their best date, in tiers of interval length, so that a
# day is looked up among the days around it and a decade-long range never widens that search.
_TIERS = ((31, 32), (366, 366), (1 << 30, 3653))  # (longest interval in the tier, bucket width), in days


class _DateIndex:
    __slots__ = ("tiers",)

    def __init__(self) -> None:
        self.tiers: list[list[Any]] = []  # [longest interval, bucket width, buckets], only tiers in use

    def add(self, i: int, start: int, end: int) -> None:
        length = end - start
        limit, width = next(tier for tier in _TIERS if length <= tier[0])
        tier = next((t for t in self.tiers if t[1] == width), None)
        if tier is None:
            tier = [0, width, {}]
            self.tiers.append(tier)
        tier[2].setdefault(start // width, []).append(i)
        tier[0] = max(tier[0], length)

    def near(self, start: int, end: int) -> list[int]:
        """Every cluster whose best date could hold, lie inside or be a few days from [start, end]."""
        lo, hi = start - NEAR_DAYS, end + NEAR_DAYS
        out: list[int] = []
        for longest, width, buckets in self.tiers:
            for k in range((lo - longest) // width, hi // width + 1):
                found = buckets.get(k)
                if found:
                    out += found
        return out


_by_id, _by_rank = attrgetter("id"), attrgetter("rank")
SCAN_LIMIT = 8  # up to this many clusters a plain scan is cheaper than the index


def cluster_mentions(mentions: list[Mention]) -> list[Cluster]:
    """Cluster the mentions of one merge key, most precise first (so each cluster's first is its best)."""
    if len(mentions) == 1:
        return [Cluster(mentions[0])]
    ordered = sorted(mentions, key=_by_id)
    ordered.sort(key=_by_rank, reverse=True)  # stable: most precise first, then by id
    dated = [m for m in ordered if m.rank >= 0 and not m.wide]
    clusters: list[Cluster] = []
    index: _DateIndex | None = None
    by_agreement: dict[str, list[int]] = {}

    def found(m: Mention) -> None:
        clusters.append(Cluster(m, len(clusters)))
        if m.specific:
            by_agreement.setdefault(m.agreement or "", []).append(len(clusters) - 1)

    def join(c: Cluster, m: Mention) -> None:
        had = c.agreement
        c.add(m)
        if c.agreement != had and m.specific:  # the event now names a treaty: find it by that name too
            by_agreement.setdefault(m.agreement or "", []).append(c.pos)

    for m in dated:
        home = None
        if index is None:
            home = next((c for c in clusters if c.accepts(m)), None)
        else:
            candidates = index.near(m.start, m.end)
            if m.specific and m.agreement in by_agreement:
                candidates = list(set(candidates).union(by_agreement[m.agreement]))  # type: ignore[index]
            for i in sorted(candidates) if len(candidates) > 1 else candidates:
                if clusters[i].accepts(m):
                    home = clusters[i]
                    break
        if home is not None:
            if m.agreement and not home.agreement:
                join(home, m)  # the event gains its treaty's name
            else:
                home.add(m)
            continue
        found(m)
        if index is not None:
            index.add(len(clusters) - 1, m.start, m.end)
        elif len(clusters) > SCAN_LIMIT:
            index = _DateIndex()
            for i, c in enumerate(clusters):
                index.add(i, c.best.start, c.best.end)
    if len(dated) < len(ordered):
        _place_vague([m for m in ordered if m.rank < 0 or m.wide], clusters, by_agreement, found, join)
    return clusters


def _place_vague(vague: list[Mention], clusters: list[Cluster], by_agreement: dict[str, list[int]],
                 found: Callable[[Mention], None], join: Callable[[Cluster, Mention], None]) -> None:
    """Mentions with no date, or one wider than a year: a named treaty, or a territory that only one
    event (within the mention's interval) names, tells which event they retell; two sources giving
    the same wide interval ("1904–1905") tell one event. Else each stands alone."""
    precise = len(clusters)
    territorial = vague[0].row["kind"] in TERRITORIAL_KINDS  # one kind per key (MEET/NEGOTIATE are not)
    wide_founded: dict[tuple[int, int], list[int]] = {}
    for m in vague:
        home = next((clusters[i] for i in by_agreement.get(m.agreement or "", ()) if clusters[i].accepts(m)),
                    None) if m.specific else None
        if home is None and m.territory and territorial:
            same_place = [c for c in clusters[:precise] if c.territory and c.accepts(m)]
            home = same_place[0] if len(same_place) == 1 else None
        if home is None and m.wide:
            # one document repeating a wide date (a section's "1945–1991") tells nothing of identity
            home = next((clusters[i] for i in wide_founded.get((m.start, m.end), ())
                         if all(x.source != m.source for x in clusters[i].members) and clusters[i].accepts(m)),
                        None)
        if home is None:
            found(m)
            if m.wide:
                wide_founded.setdefault((m.start, m.end), []).append(len(clusters) - 1)
        else:
            join(home, m)


def cluster_group(rows: list[Row]) -> list[Cluster]:
    return cluster_mentions([Mention(r) for r in rows])


def group_by_key(events: Iterable[Row]) -> dict[Key, list[Mention]]:
    groups: dict[Key, list[Mention]] = defaultdict(list)
    facts = kind_facts()
    for e in events:
        kind, symmetric = facts[e["kind"]]  # merge_key, inlined: this loop runs once per mention
        a, b = e["source_code"], e["target_code"]
        if symmetric and (b or "") < (a or ""):
            a, b = b, a
        groups[(kind, (a, b), e["modality"] == "asserted")].append(Mention(e))
    return groups


def merge_groups(groups: dict[Key, list[Mention]]) -> tuple[list[Row], list[tuple[str, str]]]:
    canonical: list[Row] = []
    members: list[tuple[str, str]] = []
    for key in sorted(groups, key=str):
        for c in cluster_mentions(groups[key]):
            row = canonical_row(c)
            canonical.append(row)
            members.extend((row["id"], m.id) for m in c.members)
    return canonical, members


def merge_events(events: Iterable[Row]) -> tuple[list[Row], list[tuple[str, str]]]:
    """(canonical rows, (canonical id, event id) members)."""
    return merge_groups(group_by_key(events))


def canonical_row(c: Cluster) -> Row:
    b = c.best.row
    if len(c.members) == 1:
        return _row(b, b["kind"], c.best.id, b.get("agreement") or None, b.get("territory") or None, 1, 1, False)
    rows = [m.row for m in c.members]
    kind = b["kind"]
    if any(r["kind"] != kind for r in rows):  # only a key of compatible kinds (MEET, NEGOTIATE) mixes them
        kinds = Counter(r["kind"] for r in rows).most_common()
        kind = kind if kinds[0][1] == kinds[1][1] else kinds[0][0]
    return _row(b, kind, ",".join(sorted(m.id for m in c.members)), c.agreement,  # the first named, as territory
                next((r["territory"] for r in rows if r.get("territory")), None),
                len(rows), len({r.get("source_key") or r["doc_id"] for r in rows}), c.date_conflict)


def _row(b: Row, kind: str, ids: str, agreement: str | None, territory: str | None, n_mentions: int,
         n_sources: int, date_conflict: bool) -> Row:
    """A canonical event: its id is the hash of its members' ids, so it changes only when they do."""
    return {
        "id": hashlib.sha256(ids.encode()).hexdigest()[:16],
        "kind": kind, "source_code": b["source_code"], "target_code": b["target_code"],
        "date_value": b["date_value"], "date_start": b["date_start"], "date_end": b["date_end"],
        "date_precision": b["date_precision"], "agreement": agreement, "territory": territory,
        "modality": b["modality"], "quad_class": b["quad_class"], "intensity": b["intensity"],
        "n_mentions": n_mentions, "n_sources": n_sources, "date_conflict": date_conflict,
    }
