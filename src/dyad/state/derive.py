"""The state of a relationship at a date, derived from asserted canonical events only.

Each value names the canonical events that set it, so a reader can check it. The rules
(DESIGN §3, "state effect"):
- relations: ESTABLISH_RELATIONS → established; SEVER_RELATIONS or DECLARE_WAR → severed.
- war: DECLARE_WAR starts hostilities and the legal state of war; ATTACK between the two
  starts hostilities only when it is told as a war (its agreement-free mention of a war is
  left to DECLARE_WAR). END_WAR ends hostilities; when it names an agreement (a peace
  treaty, a joint declaration) it ends the legal state of war too. A surrender or
  ceasefire ends the fighting but not the legal state of war (USSR–Japan, 1945–1956).
- agreements: signed (SIGN_AGREEMENT), ratified (RATIFY), terminated (TERMINATE_AGREEMENT).
- territories: OCCUPY gives control to the source; CEDE_TERRITORY to the target (or to
  nobody named); DEMAND makes the source a claimant. An event about a territory applies
  to its parts (common/territories.yaml), so South Sakhalin follows a cession of Sakhalin.
- sanctions: IMPOSE_SANCTIONS puts them on, EASE_SANCTIONS takes them off.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from dyad.data import load_hierarchy

Row = dict[str, Any]


def _iso(v: Any) -> str | None:
    return None if v is None else str(v)[:10]


def ancestors(territory: str) -> list[str]:
    table = load_hierarchy("territories")
    out, cur = [], table.get(territory, {}).get("part_of")
    while cur and cur not in out:
        out.append(cur)
        cur = table.get(cur, {}).get("part_of")
    return out


def _territories(row: Row) -> list[str]:
    return [t.strip() for t in (row.get("territory") or "").split(";") if t.strip()]


def effective(events: list[Row], at: str) -> list[Row]:
    """Asserted, dated canonical events on or before `at`, in date order."""
    rows = [e for e in events if e["modality"] == "asserted" and e["date_start"] is not None
            and _iso(e["date_start"]) <= at]  # type: ignore[operator]
    return sorted(rows, key=lambda e: (_iso(e["date_start"]), e["id"]))


def relations(events: list[Row]) -> dict[str, Any]:
    state: dict[str, Any] = {"status": "none", "since": None, "events": []}
    for e in events:
        if e["kind"] == "ESTABLISH_RELATIONS":
            state = {"status": "established", "since": _iso(e["date_start"]), "events": [e["id"]]}
        elif e["kind"] in ("SEVER_RELATIONS", "DECLARE_WAR") and state["status"] != "severed":
            state = {"status": "severed", "since": _iso(e["date_start"]), "events": [e["id"]]}
    return state


def war(events: list[Row]) -> dict[str, Any]:
    state: dict[str, Any] = {"hostilities": False, "legal_state_of_war": False, "since": None, "events": []}
    for e in events:
        if e["kind"] == "DECLARE_WAR":
            started = state["since"] if state["hostilities"] else _iso(e["date_start"])
            state = {"hostilities": True, "legal_state_of_war": True, "since": started,
                     "events": state["events"] + [e["id"]] if state["hostilities"] else [e["id"]]}
        elif e["kind"] == "END_WAR":
            legal_end = bool(e.get("agreement"))
            state = {"hostilities": False, "legal_state_of_war": state["legal_state_of_war"] and not legal_end,
                     "since": _iso(e["date_start"]), "events": state["events"] + [e["id"]]}
    return state


def agreements(events: list[Row]) -> list[dict[str, Any]]:
    table: dict[str, dict[str, Any]] = {}
    for e in events:
        name = e.get("agreement")
        if not name or e["kind"] not in ("SIGN_AGREEMENT", "RATIFY", "TERMINATE_AGREEMENT"):
            continue
        a = table.setdefault(name, {"name": name, "status": "signed", "signed": None, "ratified": None,
                                    "terminated": None, "events": []})
        a["events"].append(e["id"])
        if e["kind"] == "SIGN_AGREEMENT":
            a["signed"] = a["signed"] or _iso(e["date_start"])
            a["status"] = "signed" if a["status"] != "terminated" else a["status"]
        elif e["kind"] == "RATIFY":
            a["ratified"], a["status"] = _iso(e["date_start"]), "in_force"
        else:
            a["terminated"], a["status"] = _iso(e["date_start"]), "terminated"
    return sorted(table.values(), key=lambda a: (a["signed"] or a["ratified"] or a["terminated"] or "", a["name"]))


def territories(events: list[Row], names: set[str] | None = None) -> list[dict[str, Any]]:
    """Control and claims of each territory in `names` (default: those the events name).

    Pass the names of every event of the pair, so that a part named only later (South
    Sakhalin, 1905) still has a state earlier, set by an event about its whole (Sakhalin, 1875)."""
    named = names if names is not None else {t for e in events for t in _territories(e)}
    state: dict[str, dict[str, Any]] = {}
    for name in sorted(named):
        covering = {name, *ancestors(name)}
        s: dict[str, Any] = {"name": name, "controller": None, "since": None, "claimants": [], "events": []}
        for e in events:
            if not covering & set(_territories(e)):
                continue
            if e["kind"] == "OCCUPY":
                s.update(controller=e["source_code"], since=_iso(e["date_start"]))
                s["events"].append(e["id"])
            elif e["kind"] == "CEDE_TERRITORY":
                # a renunciation with no recipient named ends only the renouncer's own control
                if e["target_code"] or s["controller"] == e["source_code"]:
                    s.update(controller=e["target_code"], since=_iso(e["date_start"]))
                if e["source_code"] in s["claimants"]:
                    s["claimants"].remove(e["source_code"])
                s["events"].append(e["id"])
            elif e["kind"] == "DEMAND" and e["source_code"] not in s["claimants"]:
                s["claimants"].append(e["source_code"])
                s["events"].append(e["id"])
        if s["events"]:
            state[name] = s
    return list(state.values())


def sanctions(events: list[Row]) -> list[dict[str, Any]]:
    on: dict[tuple[str, str | None], dict[str, Any]] = {}
    for e in events:
        key = (e["source_code"], e["target_code"])
        if e["kind"] == "IMPOSE_SANCTIONS":
            entry = on.setdefault(key, {"by": key[0], "on": key[1], "since": _iso(e["date_start"]), "events": []})
            entry["events"].append(e["id"])
        elif e["kind"] == "EASE_SANCTIONS":
            on.pop(key, None)
    return list(on.values())


def index(events: list[Row], by: str = "year") -> list[dict[str, Any]]:
    """Cooperation–conflict index: per period, the sum and mean Goldstein intensity and the count."""
    width = 4 if by == "year" else 7
    buckets: dict[str, list[Row]] = defaultdict(list)
    for e in events:
        if e["modality"] == "asserted" and e["date_start"] is not None:
            buckets[_iso(e["date_start"])[:width]].append(e)  # type: ignore[index]
    return [{"period": p, "score": round(sum(e["intensity"] for e in rows), 2),
             "mean": round(sum(e["intensity"] for e in rows) / len(rows), 2), "events": len(rows),
             "cooperation": sum(e["quad_class"] in (1, 2) for e in rows),
             "conflict": sum(e["quad_class"] in (3, 4) for e in rows)}
            for p, rows in sorted(buckets.items())]


def state_at(events: list[Row], a: str, b: str, at: str) -> dict[str, Any]:
    """The object `dyad state A B --at DATE --format json` prints."""
    dt.date.fromisoformat(at)  # a malformed date is the caller's error, raised here
    now = effective(events, at)
    year = [r for r in index(now) if r["period"] == at[:4]]
    return {
        "pair": [a, b], "at": at, "relations": relations(now), "war": war(now), "agreements": agreements(now),
        "territories": territories(now, {t for e in events for t in _territories(e)}), "sanctions": sanctions(now),
        "index": {"year": int(at[:4]), "score": year[0]["score"] if year else 0.0,
                  "events": year[0]["events"] if year else 0},
    }
