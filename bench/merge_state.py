"""Merge and state over a million synthetic event mentions (issue 7: under a minute).

    python bench/merge_state.py [--events 1000000] [--seed 7] [--store PATH] [--profile]

Generates mentions the way many documents tell few events: pairs of countries drawn from a
Zipf law (a few pairs dominate, as in the news), kinds weighted like real coverage, events
told by 1 to 60 documents (Pareto), each mention with its own date precision (day, month,
season, year, decade, a range, or none), days a source gets one or two off, agreements and
territories from dyad's own tables (some mentions naming a part, some the whole), persons
for visits and meetings, syndicated copies, and non-asserted modalities. Then it times
`merge_events` over all of them, `state_at` for every pair at five dates and the index by
year and by month, and prints events/s and the total.

With --store it also writes the mentions into a DuckDB store and times a full rebuild of
the canonical table, then the incremental update after one more document (merge/incremental.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from itertools import accumulate
from pathlib import Path
from typing import Any

from dyad.data import load_hierarchy, load_kinds
from dyad.merge.canonical import merge_events
from dyad.state.derive import index, states_at

Row = dict[str, Any]

COUNTRIES = ["USA", "CHN", "RUS", "JPN", "GBR", "FRA", "DEU", "IND", "PAK", "IRN", "ISR", "SAU", "TUR", "UKR", "KOR",
             "PRK", "BRA", "MEX", "CAN", "AUS", "IDN", "EGY", "NGA", "ZAF", "ITA", "ESP", "POL", "ROU", "SYR", "IRQ",
             "AFG", "VNM", "THA", "PHL", "MYS", "SGP", "ARG", "CHL", "COL", "VEN", "CUB", "ETH", "KEN", "SDN", "LBY",
             "DZA", "MAR", "QAT", "ARE", "KAZ", "UZB", "GEO", "ARM", "AZE", "BLR", "MDA", "SRB", "GRC", "NLD"]
KIND_WEIGHTS = {"MEET": 12, "VISIT": 8, "NEGOTIATE": 6, "PROPOSE": 6, "SIGN_AGREEMENT": 5, "RATIFY": 1,
                "TERMINATE_AGREEMENT": 1, "ESTABLISH_RELATIONS": 0.5, "SEVER_RELATIONS": 0.3, "SUPPORT": 6,
                "ACCUSE": 10, "DEMAND": 4, "REJECT": 4, "THREATEN": 4, "PROTEST": 5, "ECONOMIC_COOPERATION": 6,
                "AID": 3, "IMPOSE_SANCTIONS": 2, "EASE_SANCTIONS": 1, "MOBILIZE": 2, "DECLARE_WAR": 0.1,
                "ATTACK": 6, "OCCUPY": 0.5, "CEDE_TERRITORY": 0.2, "WITHDRAW": 1, "END_WAR": 0.2, "ARREST_EXPEL": 2}
PRECISIONS = (("day", 0.55), ("month", 0.15), ("year", 0.18), ("season", 0.02), ("decade", 0.03),
              ("range", 0.02), (None, 0.05))
PRECISION_NAMES = [p for p, _ in PRECISIONS]
PRECISION_WEIGHTS = list(accumulate(w for _, w in PRECISIONS))
OTHER_MODALITIES = ("negated", "planned", "conditional", "hypothetical")
AGREEMENT_KINDS = {"SIGN_AGREEMENT", "RATIFY", "TERMINATE_AGREEMENT"}
TERRITORY_KINDS = {"OCCUPY", "CEDE_TERRITORY", "DEMAND"}
STATE_DATES = ("1900-01-01", "1946-01-01", "1990-01-01", "2010-01-01", "2024-01-01")


def _month_end(y: int, m: int) -> dt.date:
    return (dt.date(y + m // 12, m % 12 + 1, 1) - dt.timedelta(days=1))


def _date(rng: random.Random, day: dt.date) -> tuple[str | None, dt.date | None, dt.date | None, str | None]:
    """One source's account of the date of an event that happened on `day`."""
    precision = rng.choices(PRECISION_NAMES, cum_weights=PRECISION_WEIGHTS)[0]
    y = day.year
    if precision == "day":
        if rng.random() < 0.06:  # a source a day or two off: a date conflict to record
            day += dt.timedelta(days=rng.choice((-2, -1, 1, 2)))
        return day.isoformat(), day, day, "day"
    if precision == "month":
        return f"{y}-{day.month:02d}", day.replace(day=1), _month_end(y, day.month), "month"
    if precision == "season":
        first = (day.month - 1) // 3 * 3 + 1
        return f"{y}-{21 + (first - 1) // 3}", dt.date(y, first, 1), _month_end(y, first + 2), "season"
    if precision == "year":
        return str(y), dt.date(y, 1, 1), dt.date(y, 12, 31), "year"
    if precision == "decade":
        d = y // 10 * 10
        return f"{d // 10}X", dt.date(d, 1, 1), dt.date(d + 9, 12, 31), "decade"
    if precision == "range":
        a, b = y - rng.randint(0, 3), y + rng.randint(1, 5)
        return f"{a}/{b}", dt.date(a, 1, 1), dt.date(b, 12, 31), "year"
    return None, None, None, None


def generate(n: int, seed: int = 7) -> list[Row]:
    rng = random.Random(seed)
    kinds = load_kinds()
    names = sorted(kinds)
    kind_weights = list(accumulate(KIND_WEIGHTS.get(k, 1.0) for k in names))
    pairs = [(a, b) for i, a in enumerate(COUNTRIES) for b in COUNTRIES[i + 1:]]
    rng.shuffle(pairs)
    pair_weights = list(accumulate(1 / (r + 1) for r in range(len(pairs))))  # Zipf
    agreements = sorted(load_hierarchy("agreements"))
    territories = load_hierarchy("territories")
    parts = sorted(territories)
    docs = [f"{rng.getrandbits(64):016x}" for _ in range(max(1, n // 5))]
    rows: list[Row] = []
    while len(rows) < n:
        kind = rng.choices(names, cum_weights=kind_weights)[0]
        info = kinds[kind]
        a, b = rng.choices(pairs, cum_weights=pair_weights)[0]
        if rng.random() < 0.5:
            a, b = b, a
        day = dt.date(max(1700, 2024 - int(rng.expovariate(1 / 30))), 1, 1) + dt.timedelta(days=rng.randrange(365))
        asserted = rng.random() < 0.85
        modality = "asserted" if asserted else ("proposed" if kind == "PROPOSE" else rng.choice(OTHER_MODALITIES))
        agreement = (rng.choice(agreements) if rng.random() < 0.5 else f"Agreement {a}-{b} {day.year}") \
            if kind in AGREEMENT_KINDS or (kind in ("PROPOSE", "END_WAR") and rng.random() < 0.3) else None
        territory = rng.choice(parts) if kind in TERRITORY_KINDS or (kind == "ATTACK" and rng.random() < 0.1) \
            else None
        person = f"{a}-minister-{rng.randrange(5)}" if kind in ("VISIT", "MEET") and rng.random() < 0.25 else None
        for _ in range(min(60, int(rng.paretovariate(1.7)))):
            value, start, end, precision = _date(rng, day)
            src, tgt = (b, a) if info.symmetric and rng.random() < 0.5 else (a, b)
            doc = rng.choice(docs)
            told_territory = territory
            if territory and rng.random() < 0.2:
                told_territory = (territories[territory] or {}).get("part_of") or territory
            rows.append({
                "id": f"{rng.getrandbits(64):016x}", "doc_id": doc,
                "source_key": rng.choice(docs) if rng.random() < 0.05 else doc,
                "kind": ("NEGOTIATE" if kind == "MEET" else "MEET") if kind in ("MEET", "NEGOTIATE")
                and rng.random() < 0.1 else kind,
                "source_code": src, "target_code": tgt,
                "source_person": person if person and rng.random() < 0.5 and src == a else None,
                "target_person": None, "date_value": value, "date_start": start, "date_end": end,
                "date_precision": precision, "agreement": agreement if rng.random() < 0.75 else None,
                "territory": told_territory, "modality": modality, "quad_class": info.quad_class,
                "intensity": info.intensity})
    return rows[:n]


def derive_all(canonical: list[Row]) -> tuple[int, int]:
    """State at five dates and the index by year and month, for every pair; (pairs, state objects)."""
    by_pair: dict[tuple[str, str], list[Row]] = defaultdict(list)
    for r in canonical:
        if r["source_code"] and r["target_code"]:
            by_pair[tuple(sorted((r["source_code"], r["target_code"])))].append(r)  # type: ignore[arg-type]
    states = 0
    for (a, b), rows in by_pair.items():
        states += len(states_at(rows, a, b, list(STATE_DATES)))
        index(rows, "year")
        index(rows, "month")
    return len(by_pair), states


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def timed(label: str, fn: Callable[[], Any]) -> tuple[Any, float]:
    """Run `fn`, print its wall and CPU time: on a shared machine the CPU time is the steadier figure."""
    t0, c0 = time.perf_counter(), time.process_time()
    out = fn()
    seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"{label}: {seconds:.2f} s wall, {cpu:.2f} s CPU (load {load_average()})", flush=True)
    return out, seconds


def store_run(path: Path, rows: list[Row], seed: int) -> None:
    """Full rebuild of the canonical table from a store of `rows`, then an incremental update after one document."""
    import pyarrow as pa

    from dyad.merge.incremental import rebuild_canonical, update_canonical
    from dyad.store.db import EVENT_COLUMNS, Store

    if path.exists():
        path.unlink()
    with Store(path) as store:
        docs = sorted({r["doc_id"] for r in rows})
        store.con.register("_docs", pa.table({"id": docs}))
        store.con.execute("INSERT INTO documents (id, source_path, supported) SELECT id, id, true FROM _docs")
        columns = [c for c in EVENT_COLUMNS if c in rows[0]]
        store.con.register("_events", pa.Table.from_pylist([{c: r[c] for c in columns} for r in rows]))
        store.con.execute(f"INSERT INTO events ({', '.join(columns)}) SELECT {', '.join(columns)} FROM _events")
        update, _ = timed("store: full rebuild of the canonical table", lambda: rebuild_canonical(store))
        print(f"  {update}")
        extra = generate(20, seed + 1)
        for r in extra:
            r["doc_id"] = r["source_key"] = "new-document"
        store.con.execute("INSERT INTO documents (id, source_path, supported) VALUES ('new-document', 'new', true)")
        store.con.register("_extra", pa.Table.from_pylist([{c: r[c] for c in columns} for r in extra]))
        store.con.execute(f"INSERT INTO events ({', '.join(columns)}) SELECT {', '.join(columns)} FROM _extra")
        update, _ = timed("store: incremental update after one new document of 20 mentions",
                          lambda: update_canonical(store))
        print(f"  {update}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--store", type=Path, help="also time the store's full rebuild and an incremental update")
    ap.add_argument("--profile", action="store_true", help="profile merge and state with pyinstrument")
    args = ap.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load {load_average()}", flush=True)
    rows, _ = timed(f"generate {args.events:,} mentions", lambda: generate(args.events, args.seed))
    profiler = None
    if args.profile:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    (canonical, members), merge_s = timed("merge_events", lambda: merge_events(rows))
    (pairs, states), state_s = timed("state and index for every pair", lambda: derive_all(canonical))
    if profiler is not None:
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False))
    total = merge_s + state_s
    print(f"{len(rows):,} mentions → {len(canonical):,} canonical events ({len(members):,} members); "
          f"{pairs:,} pairs, {states:,} states at a date, index by year and month per pair")
    print(f"merge {len(rows) / merge_s:,.0f} events/s; merge + state {total:.1f} s "
          f"({len(rows) / total:,.0f} events/s); load {load_average()}")
    if args.store:
        store_run(args.store, rows, args.seed)


if __name__ == "__main__":
    main()
