"""`dyad evaluate`: ingest the documents into a temporary store and score its events against gold."""

from __future__ import annotations

import json
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

from dyad.engine.local import ingest
from dyad.evaluate.scoring import DocScore, Item, item, metrics, score_document
from dyad.store.db import Store


def load_gold(path: Path) -> dict[str, list[Item]]:
    """Gold events by document file name, from one .jsonl file or a directory of them."""
    files = sorted(path.glob("*.jsonl")) if path.is_dir() else [path]
    gold: dict[str, list[Item]] = defaultdict(list)
    for f in files:
        for n, line in enumerate(f.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                e = json.loads(line)
                gold[e["doc"]].append(item(e["kind"], e["source"], e["target"], e["date"], e["modality"], e))
            except (json.JSONDecodeError, KeyError, ValueError) as ex:
                raise ValueError(f"{f}:{n}: not a gold event ({ex})") from ex
    return dict(gold)


def evaluate(gold_path: Path, docs_dir: Path, workers: int = 1) -> tuple[dict[str, Any], dict[str, DocScore]]:
    gold = load_gold(gold_path)
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "eval.duckdb") as store:
        ingest([docs_dir / name for name in sorted(gold)], store, workers=workers, progress=False)
        docs = {Path(d["source_path"]).name: d for d in store.documents()}
        scores: dict[str, DocScore] = {}
        languages: dict[str, list[str]] = defaultdict(list)
        for name, golds in sorted(gold.items()):
            doc = docs.get(name)
            events = store.events(doc_id=doc["id"], in_text_order=True) if doc else []
            preds = [item(e["kind"], e["source_code"], e["target_code"], e["date_value"], e["modality"], e)
                     for e in events]
            scores[name] = score_document(golds, preds)
            lang = (doc["languages"] or ["und"])[0] if doc else "und"
            languages[lang].append(name)
    result = {
        "overall": metrics(list(scores.values())),
        "by_language": {lang: metrics([scores[n] for n in names]) for lang, names in sorted(languages.items())},
        "by_document": {name: metrics([s]) for name, s in scores.items()},
    }
    return result, scores
