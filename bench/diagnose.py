"""Why does an event miss? Pair each gold event with dyad's events from the same sentence and name the difference.

    python bench/diagnose.py GOLD_DIR DOCS_DIR [--show 30] [--only ro]

Prints a count per error class (no prediction in the sentence, wrong kind, wrong actors, wrong
date, wrong modality; false events in sentences the gold leaves empty) and, with --show, examples
of each. The score itself is `dyad evaluate`'s; this only explains it.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from dyad.evaluate.scoring import actors_strict, date_strict, item, parse_edtf, strict
from dyad.pipeline import annotation, process
from dyad.read.files import read_file


def _same_sentence(gold_evidence: str, sentence: str) -> bool:
    g, s = gold_evidence.strip(), sentence.strip()
    probe = g[:40]
    return probe in s or s[:40] in g


def _pred_item(e: dict[str, Any]) -> Any:
    d = e.get("date") or {}
    return item(e["kind"], (e.get("source") or {}).get("code"), (e.get("target") or {}).get("code"),
                d.get("value"), e["modality"], raw=e)


def diagnose(gold_dir: Path, docs_dir: Path, only: str | None) -> tuple[Counter[str], dict[str, list[str]]]:
    counts: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for gf in sorted(gold_dir.glob("*.jsonl")):
        golds = [json.loads(line) for line in gf.read_text().splitlines() if line.strip()]
        if not golds:
            continue
        path = docs_dir / golds[0]["doc"]
        text, meta = next(r for r in read_file(path) if isinstance(r, tuple))
        ann = annotation(process(text, meta))
        if only and only not in ann["languages"]:  # type: ignore[operator]
            continue
        preds: list[dict[str, Any]] = ann["events"]  # type: ignore[assignment]
        used: set[int] = set()
        for g in golds:
            gi = item(g["kind"], g["source"], g["target"], g["date"], g["modality"], raw=g)
            near = [(j, p) for j, p in enumerate(preds) if _same_sentence(g["evidence"], p["evidence"]["text"])]
            hit = next((j for j, p in near if j not in used and strict(gi, _pred_item(p))), None)
            if hit is not None:
                used.add(hit)
                counts["ok"] += 1
                continue
            if not near:
                label = "no event in sentence"
            else:
                same_kind = [p for _, p in near if p["kind"] == g["kind"]]
                if not same_kind:
                    label = "wrong kind"
                else:
                    p = _pred_item(same_kind[0])
                    if not actors_strict(gi, p):
                        label = "wrong actors"
                    elif not date_strict(parse_edtf(g["date"]), p.date):
                        label = "wrong date"
                    else:
                        label = "wrong modality"
            counts[label] += 1
            got = "; ".join(f"{p['kind']} {(p.get('source') or {}).get('code')}->{(p.get('target') or {}).get('code')} "
                            f"{(p.get('date') or {}).get('value')} {p['modality']}" for _, p in near) or "-"
            examples[label].append(f"{g['kind']} {g['source']}->{g['target']} {g['date']} {g['modality']}"
                                   f"\n      got: {got}\n      {g['evidence'][:160]}")
        gold_texts = [g["evidence"] for g in golds]
        for j, p in enumerate(preds):
            if j in used:
                continue
            if not any(_same_sentence(t, p["evidence"]["text"]) for t in gold_texts):
                counts["false: sentence has no gold"] += 1
                examples["false: sentence has no gold"].append(
                    f"{p['kind']} {(p.get('source') or {}).get('code')}->{(p.get('target') or {}).get('code')} "
                    f"{(p.get('date') or {}).get('value')} {p['modality']} [{p['trigger']['text']}]"
                    f"\n      {p['evidence']['text'][:160]}")
    return counts, examples


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("gold", type=Path)
    ap.add_argument("docs", type=Path)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--only", default=None, help="language code")
    ap.add_argument("--kind", default=None, help="show examples of this error class only")
    a = ap.parse_args()
    counts, examples = diagnose(a.gold, a.docs, a.only)
    for label, n in counts.most_common():
        print(f"{n:5d}  {label}")
    for label, rows in examples.items():
        if a.kind and a.kind != label:
            continue
        if a.show:
            print(f"\n## {label}")
            for r in rows[: a.show]:
                print("  " + r)


if __name__ == "__main__":
    main()
