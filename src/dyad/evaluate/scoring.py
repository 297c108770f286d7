"""Event scoring by the rules of DESIGN §6 (the same rules as the reference scorer).

Per document: repeated predictions of one event count once (up to as many as the gold has
under that key), then one-to-one maximum matching of predictions to gold, strictly and
relaxed. Figures are micro-averaged over documents.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from dyad.data import load_kinds

Interval = tuple[dt.date, dt.date, int, bool]  # start, end, precision rank, is a range
SEASON_MONTHS = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 14)}


def _part(text: str) -> tuple[dt.date, dt.date, int]:
    text = text.strip()
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text):
        d = dt.date(*map(int, m.groups()))
        return d, d, 4
    if m := re.fullmatch(r"(\d{4})-(2[1-4])", text):
        y, code = int(m.group(1)), int(m.group(2))
        first, last = SEASON_MONTHS[code]
        ly, lm = (y + 1, last - 12) if last > 12 else (y, last)
        return dt.date(y, first, 1), dt.date(ly, lm, calendar.monthrange(ly, lm)[1]), 3
    if m := re.fullmatch(r"(\d{4})-(\d{2})", text):
        y, mo = map(int, m.groups())
        return dt.date(y, mo, 1), dt.date(y, mo, calendar.monthrange(y, mo)[1]), 3
    if re.fullmatch(r"\d{4}", text):
        y = int(text)
        return dt.date(y, 1, 1), dt.date(y, 12, 31), 2
    if m := re.fullmatch(r"(\d{3})[Xx]", text):
        y = int(m.group(1)) * 10
        return dt.date(y, 1, 1), dt.date(y + 9, 12, 31), 1
    if m := re.fullmatch(r"(\d{2})[Xx]{2}", text):
        y = int(m.group(1)) * 100
        return dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), 0
    raise ValueError(f"not an EDTF date: {text!r}")


def parse_edtf(value: str | None) -> Interval | None:
    if not value:
        return None
    if "/" in value:
        a, b = value.split("/", 1)
        s, _, pa = _part(a)
        _, e, pb = _part(b)
        return s, e, min(pa, pb), True
    s, e, p = _part(value)
    return s, e, p, False


def date_strict(gold: Interval | None, pred: Interval | None) -> bool:
    if gold is None:
        return True
    if pred is None:
        return False
    gs, ge, gp, grange = gold
    ps, pe, pp, _ = pred
    return gs <= ps and pe <= ge and (grange or pp >= gp)


def date_relaxed(gold: Interval | None, pred: Interval | None) -> bool:
    if gold is None:
        return True
    if pred is None:
        return False
    gs, ge, _, grange = gold
    ps, pe, _, _ = pred
    if grange:
        return gs <= ps <= ge or gs <= pe <= ge
    return ps.year <= ge.year and pe.year >= gs.year and (pe.year - ps.year) <= max(0, ge.year - gs.year)


@dataclass(frozen=True)
class Item:
    kind: str
    source: str | None
    target: str | None
    date: Interval | None
    asserted: bool
    raw: Any = None


def item(kind: str, source: str | None, target: str | None, date: str | None, modality: str, raw: Any = None) -> Item:
    return Item(kind, source or None, target or None, parse_edtf(date), modality == "asserted", raw)


def _symmetric(kind: str) -> bool:
    info = load_kinds().get(kind)
    return bool(info and info.symmetric)


def _family(kind: str) -> str | None:
    info = load_kinds().get(kind)
    return info.family if info else None


def actors_strict(g: Item, p: Item) -> bool:
    if _symmetric(g.kind):
        return {g.source, g.target} == {p.source, p.target}
    return (g.source, g.target) == (p.source, p.target)


def strict(g: Item, p: Item) -> bool:
    return g.kind == p.kind and actors_strict(g, p) and date_strict(g.date, p.date) and g.asserted == p.asserted


def relaxed(g: Item, p: Item) -> bool:
    fam = _family(g.kind)
    return (fam is not None and fam == _family(p.kind)
            and {a for a in (g.source, g.target) if a} == {a for a in (p.source, p.target) if a}
            and date_relaxed(g.date, p.date))


def max_matching(golds: Sequence[Item], preds: Sequence[Item],
                 ok: Callable[[Item, Item], bool]) -> list[tuple[int, int]]:
    """Maximum one-to-one matching by augmenting paths."""
    adj = [[j for j, p in enumerate(preds) if ok(g, p)] for g in golds]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in adj[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(golds)):
        augment(i, set())
    return [(i, j) for j, i in owner.items()]


def _key(e: Item) -> tuple[Any, ...]:
    pair: tuple[Any, ...] = (e.source, e.target)
    if _symmetric(e.kind):
        pair = tuple(sorted(map(str, pair)))
    return (e.kind, pair, e.date[:3] if e.date else None, e.asserted)


def dedupe(preds: Sequence[Item], golds: Sequence[Item]) -> list[Item]:
    room = Counter(_key(g) for g in golds)
    seen: Counter[tuple[Any, ...]] = Counter()
    out = []
    for p in preds:
        k = _key(p)
        if seen[k] < max(1, room[k]):
            seen[k] += 1
            out.append(p)
    return out


@dataclass
class DocScore:
    gold: int
    predicted: int
    strict_tp: int
    relaxed_tp: int
    date_ok: int
    date_n: int
    actor_ok: int
    actor_n: int
    missed: list[Item]
    false: list[Item]


def score_document(golds: Sequence[Item], predictions: Sequence[Item]) -> DocScore:
    preds = dedupe(predictions, golds)
    strict_pairs = max_matching(golds, preds, strict)
    hit_g, hit_p = {i for i, _ in strict_pairs}, {j for _, j in strict_pairs}
    rest_g = [i for i in range(len(golds)) if i not in hit_g]
    rest_p = [j for j in range(len(preds)) if j not in hit_p]
    more = max_matching([golds[i] for i in rest_g], [preds[j] for j in rest_p], relaxed)
    relaxed_pairs = strict_pairs + [(rest_g[a], rest_p[b]) for a, b in more]
    dated = [(i, j) for i, j in relaxed_pairs if golds[i].date is not None]
    return DocScore(
        gold=len(golds), predicted=len(preds), strict_tp=len(strict_pairs), relaxed_tp=len(relaxed_pairs),
        date_ok=sum(date_strict(golds[i].date, preds[j].date) for i, j in dated), date_n=len(dated),
        actor_ok=sum((golds[i].source, golds[i].target) == (preds[j].source, preds[j].target)
                     or (_symmetric(golds[i].kind) and actors_strict(golds[i], preds[j])) for i, j in relaxed_pairs),
        actor_n=len(relaxed_pairs),
        missed=[golds[i] for i in range(len(golds)) if i not in hit_g],
        false=[preds[j] for j in range(len(preds)) if j not in hit_p],
    )


def _prf(tp: int, npred: int, ngold: int) -> dict[str, float]:
    p = tp / npred if npred else 0.0
    r = tp / ngold if ngold else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0}


def metrics(rows: Sequence[DocScore]) -> dict[str, Any]:
    g, n = sum(r.gold for r in rows), sum(r.predicted for r in rows)
    dn, an = sum(r.date_n for r in rows), sum(r.actor_n for r in rows)
    return {
        "gold": g, "predicted": n,
        "strict": _prf(sum(r.strict_tp for r in rows), n, g),
        "relaxed": _prf(sum(r.relaxed_tp for r in rows), n, g),
        "date_accuracy": round(sum(r.date_ok for r in rows) / dn, 4) if dn else 0.0,
        "actor_accuracy": round(sum(r.actor_ok for r in rows) / an, 4) if an else 0.0,
    }
