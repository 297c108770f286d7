"""How well merging turns the seeds' mentions into one timeline (issue 7, "Measured").

    python bench/merge_quality.py [--gold ../shared/gold] [--docs ../shared/seeds] [--db STORE] [--show]

Ingests the gold's documents together (or reads --db), then:
- matches each gold event to one stored mention of its document (strict rules of DESIGN §6,
  one-to-one, as `dyad evaluate` does) and so to that mention's canonical event;
- groups gold lines of different documents that tell one real event (same kind, actors and
  modality class; nested dates, or the same named agreement when a date is missing);
- for each real `core` event counts its canonical events in the RUS–JPN timeline: the
  canonical events of its matched mentions, plus any other timeline event that strictly
  matches it and is no other gold event's — a duplicate;
- counts the core events told by both documents whose mentions became one canonical event;
- and, over all gold events, the pairwise merge precision and recall: of matched mentions in
  one canonical event, the share that tell one real event, and the other way round.
"""

from __future__ import annotations

import argparse
import tempfile
from collections import defaultdict
from itertools import combinations
from pathlib import Path
from typing import Any

from dyad.engine.local import ingest_documents
from dyad.evaluate.run import load_gold
from dyad.evaluate.scoring import Item, actors_strict, item, max_matching, strict
from dyad.merge.incremental import rebuild_canonical
from dyad.store.db import Store


def _nested(a: Item, b: Item) -> bool:
    if a.date is None or b.date is None:
        return False
    return (a.date[0] <= b.date[0] and b.date[1] <= a.date[1]) or (b.date[0] <= a.date[0] and a.date[1] <= b.date[1])


def twins(a: Item, b: Item) -> bool:
    """Two documents' gold lines for one real event."""
    if a.kind != b.kind or a.asserted != b.asserted or not actors_strict(a, b):
        return False
    if a.date is not None and b.date is not None:
        return _nested(a, b)
    return bool(a.raw.get("agreement")) and a.raw.get("agreement") == b.raw.get("agreement")


def real_events(gold: dict[str, list[Item]]) -> list[list[tuple[str, int]]]:
    """Gold lines grouped by real event, as (document, line index) lists (two documents at most pair up)."""
    docs = sorted(gold)
    events = [[(d, i)] for d in docs for i in range(len(gold[d]))]
    if len(docs) == 2:
        a, b = docs
        for i, j in max_matching(gold[a], gold[b], twins):
            first = next(e for e in events if e == [(a, i)])
            second = next(e for e in events if e == [(b, j)])
            first.append(second.pop())
    return [e for e in events if e]


def measure(store: Store, gold: dict[str, list[Item]]) -> dict[str, Any]:
    docs = {Path(d["source_path"]).name: d["id"] for d in store.documents()}
    canonical_of: dict[tuple[str, int], str] = {}  # gold line → canonical event of its matched mention
    for name, golds in gold.items():
        mentions = store.events(doc_id=docs.get(name, ""), in_text_order=True)
        preds = [item(m["kind"], m["source_code"], m["target_code"], m["date_value"], m["modality"], m)
                 for m in mentions]
        for i, j in max_matching(golds, preds, strict):
            canonical_of[(name, i)] = preds[j].raw["canonical_id"]
    timeline = store.canonical_between("RUS", "JPN")
    in_timeline = {c["id"] for c in timeline}
    items = [item(c["kind"], c["source_code"], c["target_code"], c["date_value"], c["modality"], c) for c in timeline]
    groups = real_events(gold)
    taken = set(canonical_of.values())
    out: dict[str, Any] = {"core": 0, "once": 0, "twice_or_more": 0, "missing": 0, "both_documents": 0,
                           "both_merged": 0, "examples": defaultdict(list)}
    for group in groups:
        lines = [gold[d][i] for d, i in group]
        if not any(g.raw.get("core") for g in lines):
            continue
        out["core"] += 1
        own = {canonical_of[k] for k in group if k in canonical_of} & in_timeline
        # a line with no date would match every date: only dated lines can show a duplicate
        extra = {c.raw["id"] for c in items for g in lines
                 if g.date is not None and strict(g, c) and c.raw["id"] not in taken}
        found = own | extra
        label = "missing" if not found else "once" if len(found) == 1 else "twice_or_more"
        out[label] += 1
        out["examples"][label].append((lines[0].raw, len(found)))
        if len({d for d, _ in group}) == 2:
            out["both_documents"] += 1
            ids = [canonical_of.get(k) for k in group]
            if ids[0] is not None and ids[0] == ids[1]:
                out["both_merged"] += 1
            else:
                out["examples"]["told_twice_not_merged"].append((lines[0].raw, ids.count(None)))
    real = {k: n for n, group in enumerate(groups) for k in group}
    matched = sorted(canonical_of)
    same_c = same_r = both = 0
    for x, y in combinations(matched, 2):
        c, r = canonical_of[x] == canonical_of[y], real[x] == real[y]
        same_c += c
        same_r += r
        both += c and r
        if c and not r:
            out["examples"]["merged_but_different"].append((gold[x[0]][x[1]].raw, gold[y[0]][y[1]].raw))
    out["pairwise"] = {"precision": round(both / same_c, 3) if same_c else None,
                       "recall": round(both / same_r, 3) if same_r else None,
                       "pairs_merged": same_c, "pairs_same_event": same_r,
                       "gold_lines": sum(len(g) for g in gold.values()), "matched_lines": len(matched)}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", type=Path, default=Path("../shared/gold"))
    ap.add_argument("--docs", type=Path, default=Path("../shared/seeds"))
    ap.add_argument("--db", type=Path, help="an existing store holding the documents (default: ingest afresh)")
    ap.add_argument("--show", action="store_true", help="list the core events missing, duplicated or not merged")
    args = ap.parse_args()
    gold = load_gold(args.gold)
    with tempfile.TemporaryDirectory() as tmp, Store(args.db or Path(tmp) / "q.duckdb") as store:
        if args.db is None:
            ingest_documents([args.docs / name for name in sorted(gold)], store, progress=False)
        rebuild_canonical(store)  # by the current rules, whatever merged the store before
        r = measure(store, gold)
    print(f"core real events: {r['core']}; in the RUS–JPN timeline once {r['once']}, twice or more "
          f"{r['twice_or_more']}, missing {r['missing']}")
    print(f"core events told by both documents: {r['both_documents']}; became one canonical event: {r['both_merged']}")
    p = r["pairwise"]
    print(f"pairwise merge over all gold ({p['matched_lines']}/{p['gold_lines']} lines matched to a mention): "
          f"precision {p['precision']} ({p['pairs_merged']} pairs merged), recall {p['recall']} "
          f"({p['pairs_same_event']} pairs of one event)")
    if args.show:
        for label in ("missing", "twice_or_more", "told_twice_not_merged"):
            for g, n in r["examples"][label]:
                print(f"  {label} ({n}): {g['date']} {g['kind']} {g['source']}->{g['target']} {g['modality']} "
                      f"{g['agreement'] or ''} :: {g['evidence'][:80]}")
        for a, b in r["examples"]["merged_but_different"]:
            print(f"  merged_but_different: {a['date']} {a['kind']} {a['evidence'][:50]} || {b['date']} {b['kind']} "
                  f"{b['evidence'][:50]}")


if __name__ == "__main__":
    main()
