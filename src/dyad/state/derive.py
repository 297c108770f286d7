"""The state of a relationship at a date, derived from asserted canonical events only.

Each value names the canonical events that set it, so a reader can check it. The rules
(DESIGN §3, "state effect"):
- when: an event changes the state from the start of its date. A decade or a century cannot
  place a change in time, so such events are left out of the state (they stay in the
  timeline and the index). A cession, an end of war or an establishment of relations made
  under a named treaty takes effect when that treaty was signed — the pair's own signing
  event, else the year of the agreements table — even when a later sentence tells of it
  ("in 1925 the USSR recognised the Treaty of Portsmouth of 1905, under which South Sakhalin
  passed to Japan") or gives no date.
- relations: ESTABLISH_RELATIONS → established; SEVER_RELATIONS or DECLARE_WAR → severed; a
  peace that ends the legal state of war restores relations a war or rupture had severed.
- war: DECLARE_WAR starts hostilities and the legal state of war. END_WAR ends hostilities;
  when it names an agreement both sides are party to (a peace treaty, a joint declaration)
  it ends the legal state of war too. A surrender or ceasefire ends the fighting but not the
  legal state of war (USSR–Japan, 1945–1956), and neither does a treaty one side never
  signed (San Francisco, 1951, for the USSR).
- agreements: signed (SIGN_AGREEMENT), ratified (RATIFY), terminated (TERMINATE_AGREEMENT).
- territories: OCCUPY gives control to the source; CEDE_TERRITORY to the target (or to
  nobody named); DEMAND makes the source a claimant. An event about a territory applies
  to its parts (common/territories.yaml), so South Sakhalin follows a cession of Sakhalin.
- sanctions: IMPOSE_SANCTIONS puts them on, EASE_SANCTIONS takes them off.
"""

from __future__ import annotations

import bisect
import datetime as dt
from functools import cache
from operator import itemgetter
from typing import Any

from dyad.data import load_hierarchy

Row = dict[str, Any]
Timed = tuple[str, Row]  # (the date from which the event counts, the canonical event)

UNTIMED_PRECISIONS = frozenset({"decade", "century"})
TREATY_EFFECT_KINDS = frozenset({"CEDE_TERRITORY", "END_WAR", "ESTABLISH_RELATIONS"})
TERRITORIAL_KINDS = frozenset({"OCCUPY", "CEDE_TERRITORY", "DEMAND"})


def _iso(v: Any) -> str | None:
    return None if v is None else str(v)[:10]


@cache
def _territory_table() -> dict[str, dict[str, Any]]:
    return {name: row or {} for name, row in load_hierarchy("territories").items()}


@cache
def _agreement_table() -> dict[str, dict[str, Any]]:
    return {name: row or {} for name, row in load_hierarchy("agreements").items()}


@cache
def ancestors(territory: str) -> tuple[str, ...]:
    table = _territory_table()
    out: list[str] = []
    cur = table.get(territory, {}).get("part_of")
    while cur and cur not in out:
        out.append(cur)
        cur = table.get(cur, {}).get("part_of")
    return tuple(out)


@cache
def _names(territory: str | None) -> frozenset[str]:
    return frozenset(t.strip() for t in (territory or "").split(";") if t.strip())


@cache
def _table_treaty_dates() -> dict[str, tuple[str, bool]]:
    return {name: (f"{row['signed']}-01-01", False) for name, row in _agreement_table().items() if row.get("signed")}


def _treaty_dates(events: list[Row]) -> dict[str, tuple[str, bool]]:
    """When each named treaty was signed, and whether to the day: the pair's earliest asserted
    signing, else the year of the agreements table."""
    dates = _table_treaty_dates()
    signed: dict[str, tuple[str, bool]] = {}
    for e in events:
        if e["kind"] != "SIGN_AGREEMENT" or e.get("agreement") not in dates:
            continue
        name, when = e["agreement"], _iso(e["date_start"])
        if (when and e["modality"] == "asserted" and e.get("date_precision") not in UNTIMED_PRECISIONS
                and when < signed.get(name, ("9999", True))[0]):
            signed[name] = (when, True)
    return {**dates, **signed} if signed else dates


def timeline(events: list[Row]) -> list[Timed]:
    """The asserted events that can change the state, each with the date it counts from, in order."""
    treaties = _treaty_dates(events)
    out: list[Timed] = []
    for e in events:
        if e["modality"] != "asserted":
            continue
        when = _iso(e["date_start"])
        if when is not None and e.get("date_precision") in UNTIMED_PRECISIONS:
            continue
        signed, exact = treaties.get(e.get("agreement") or "", (None, False))
        # a year from the table says nothing within that year: there the event's own date is better
        if signed and e["kind"] in TREATY_EFFECT_KINDS and (when is None or signed[:4] < when[:4]
                                                             or exact and signed < when):
            when = signed
        if when is not None:
            out.append((when, e))
    out.sort(key=lambda t: (t[0], t[1]["id"]))
    return out


def effective(events: list[Row], at: str) -> list[Timed]:
    """`timeline(events)` up to and including `at`."""
    timed = timeline(events)
    return timed[:bisect.bisect_right([w for w, _ in timed], at)]


def _ends_legal_war(e: Row) -> bool:
    """A named agreement ends the state of war unless the table shows one side was no party to it."""
    name = e.get("agreement")
    if not name:
        return False
    parties = set(_agreement_table().get(name, {}).get("parties") or [])
    return not parties or {e["source_code"], e["target_code"]} <= parties


def relations(timed: list[Timed]) -> dict[str, Any]:
    state: dict[str, Any] = {"status": "none", "since": None, "events": []}
    for when, e in timed:
        if e["kind"] == "ESTABLISH_RELATIONS":
            state = {"status": "established", "since": when, "events": [e["id"]]}
        elif e["kind"] in ("SEVER_RELATIONS", "DECLARE_WAR") and state["status"] != "severed":
            state = {"status": "severed", "since": when, "events": [e["id"]]}
        elif e["kind"] == "END_WAR" and state["status"] == "severed" and _ends_legal_war(e):
            state = {"status": "established", "since": when, "events": [e["id"]]}
    return state


def war(timed: list[Timed]) -> dict[str, Any]:
    state: dict[str, Any] = {"hostilities": False, "legal_state_of_war": False, "since": None, "events": []}
    for when, e in timed:
        if e["kind"] == "DECLARE_WAR":
            started = state["since"] if state["hostilities"] else when
            state = {"hostilities": True, "legal_state_of_war": True, "since": started,
                     "events": state["events"] + [e["id"]] if state["hostilities"] else [e["id"]]}
        elif e["kind"] == "END_WAR":
            legal = state["legal_state_of_war"] and not _ends_legal_war(e)
            state = {"hostilities": False, "legal_state_of_war": legal, "since": when,
                     "events": state["events"] + [e["id"]]}
    return state


def agreements(timed: list[Timed]) -> list[dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    for when, e in timed:
        name = e.get("agreement")
        if not name or e["kind"] not in ("SIGN_AGREEMENT", "RATIFY", "TERMINATE_AGREEMENT"):
            continue
        a = table.setdefault(name, {"name": name, "status": "signed", "signed": None, "ratified": None,
                                    "terminated": None, "events": []})
        a["events"].append(e["id"])
        if e["kind"] == "SIGN_AGREEMENT":
            a["signed"] = a["signed"] or when
        elif e["kind"] == "RATIFY":
            a["ratified"], a["status"] = when, "in_force"
        else:
            a["terminated"], a["status"] = when, "terminated"
    return sorted(table.values(), key=lambda a: (a["signed"] or a["ratified"] or a["terminated"] or "", a["name"]))


def territories(timed: list[Timed], names: set[str] | None = None) -> list[dict[str, Any]]:
    """Control and claims of each territory in `names` (default: those the events name).

    Pass the names of every event of the pair, so that a part named only later (South
    Sakhalin, 1905) still has a state earlier, set by an event about its whole (Sakhalin, 1875).
    Control flows down only (a part changing hands does not move the whole), claims flow up as
    well: who claims the South Kurils claims part of the Kuril Islands, a claimant of the whole."""
    relevant = [(when, e, _names(e.get("territory"))) for when, e in timed
                if e["kind"] in TERRITORIAL_KINDS and e.get("territory")]
    named = names if names is not None else {t for _, _, ts in relevant for t in ts}
    out = []
    for name in sorted(named):
        covering = {name, *ancestors(name)}
        s: dict[str, Any] = {"name": name, "controller": None, "since": None, "claimants": [], "events": []}
        for when, e, told in relevant:
            if covering.isdisjoint(told) and not (e["kind"] == "DEMAND" and any(name in ancestors(t) for t in told)):
                continue
            if e["kind"] == "OCCUPY":
                s.update(controller=e["source_code"], since=when)
                s["events"].append(e["id"])
            elif e["kind"] == "CEDE_TERRITORY":
                # a renunciation with no recipient named ends only the renouncer's own control
                if e["target_code"] or s["controller"] == e["source_code"]:
                    s.update(controller=e["target_code"], since=when)
                if e["source_code"] in s["claimants"]:
                    s["claimants"].remove(e["source_code"])
                s["events"].append(e["id"])
            elif e["kind"] == "DEMAND" and e["source_code"] not in s["claimants"]:
                s["claimants"].append(e["source_code"])
                s["events"].append(e["id"])
            if s["controller"] in s["claimants"] and e["kind"] != "DEMAND":
                s["claimants"].remove(s["controller"])  # a claim the claimant now holds is fulfilled
        if s["events"]:
            out.append(s)
    return out


def sanctions(timed: list[Timed]) -> list[dict[str, Any]]:
    on: dict[tuple[str, str | None], dict[str, Any]] = {}
    for when, e in timed:
        key = (e["source_code"], e["target_code"])
        if e["kind"] == "IMPOSE_SANCTIONS":
            entry = on.setdefault(key, {"by": key[0], "on": key[1], "since": when, "events": []})
            entry["events"].append(e["id"])
        elif e["kind"] == "EASE_SANCTIONS":
            on.pop(key, None)
    return list(on.values())


def index(events: list[Row], by: str = "year") -> list[dict[str, Any]]:
    """Cooperation–conflict index: per period, the sum and mean Goldstein intensity and the count."""
    monthly = by != "year"
    buckets: dict[int, list[float]] = {}  # period as YYYYMM (MM 0 by year) → [score, events, coop, conflict]
    for e in events:
        start = e["date_start"]
        if e["modality"] == "asserted" and start is not None:
            if type(start) is dt.date:  # a number, not a string per event: this runs for every event twice
                period = start.year * 100 + start.month * monthly
            else:
                text = str(start)
                period = int(text[:4]) * 100 + (int(text[5:7]) if monthly else 0)
            b = buckets.get(period)
            if b is None:
                b = buckets[period] = [0.0, 0, 0, 0]
            b[0] += e["intensity"]
            b[1] += 1
            quad = e["quad_class"]
            b[2] += quad in (1, 2)
            b[3] += quad in (3, 4)
    return [{"period": f"{p // 100:04d}-{p % 100:02d}" if monthly else f"{p // 100:04d}", "score": round(score, 2),
             "mean": round(score / n, 2), "events": int(n), "cooperation": int(coop), "conflict": int(conflict)}
            for p, (score, n, coop, conflict) in sorted(buckets.items())]


def state_at(events: list[Row], a: str, b: str, at: str) -> dict[str, Any]:
    """The object `dyad state A B --at DATE --format json` prints."""
    return states_at(events, a, b, [at])[0]


def states_at(events: list[Row], a: str, b: str, dates: list[str]) -> list[dict[str, Any]]:
    """`state_at` for several dates, ordering the pair's events once."""
    for at in dates:
        dt.date.fromisoformat(at)  # a malformed date is the caller's error, raised here
    timed = timeline(events)
    starts = [w for w, _ in timed]
    names = {t for e in events if e.get("territory") for t in _names(e["territory"])}
    dated = sorted(((str(e["date_start"])[:10], e["intensity"]) for e in events
                    if e["modality"] == "asserted" and e["date_start"] is not None), key=itemgetter(0))
    days = [day for day, _ in dated]
    out = []
    for at in dates:
        now = timed[:bisect.bisect_right(starts, at)]
        # this year up to `at`: "YYYY" sorts before every day of the year
        year = [w for _, w in dated[bisect.bisect_left(days, at[:4]):bisect.bisect_right(days, at)]]
        out.append({
            "pair": [a, b], "at": at, "relations": relations(now), "war": war(now), "agreements": agreements(now),
            "territories": territories(now, names), "sanctions": sanctions(now),
            "index": {"year": int(at[:4]), "score": round(sum(year), 2), "events": len(year)},
        })
    return out
