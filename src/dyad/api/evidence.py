"""Where an event's actors stand in its evidence sentence, for highlighting.

The store keeps the trigger's offsets but not (yet) the arguments'. When a mention has stored
argument offsets (`source_start`/`source_end`, `target_start`/`target_end`) they are used;
otherwise the document is tagged again and the actor mentions inside the evidence sentence
whose code is the event's source or target are marked. Tagging is deterministic and offsets
point into the stored text, so this is the same span ingest saw, whatever lexicon changed since.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import duckdb

Row = dict[str, Any]
MAX_RETAG_CHARS = 2_000_000  # a larger document is not re-tagged on a click; its actors stay unmarked
_CACHE_SIZE = 64
_cache: OrderedDict[str, list[tuple[int, int, tuple[str, ...]]]] = OrderedDict()
_lock = threading.Lock()


def _stored(mention: Row) -> list[Row]:
    out = []
    for role in ("source", "target"):
        start, end = mention.get(f"{role}_start"), mention.get(f"{role}_end")
        if start is not None and end is not None:
            out.append({"role": role, "code": mention.get(f"{role}_code"), "start": start, "end": end})
    return out


def _actor_spans(con: duckdb.DuckDBPyConnection, doc_id: str) -> list[tuple[int, int, tuple[str, ...]]] | None:
    """(start, end, codes) of every actor mention in a document, tagged again (cached per document)."""
    with _lock:
        if doc_id in _cache:
            _cache.move_to_end(doc_id)
            return _cache[doc_id]
    found = con.execute("SELECT text, published, n_chars FROM documents WHERE id = ?", [doc_id]).fetchone()
    if not found or (found[2] or 0) > MAX_RETAG_CHARS:
        return None
    from dyad.model import DocumentMeta
    from dyad.pipeline import process

    doc = process(found[0], DocumentMeta(source_path=doc_id, published=found[1]))
    spans = [(a.start, a.end, tuple(c.code for c in (a.actor, a.pair) if c is not None)) for a in doc.actors]
    with _lock:
        _cache[doc_id] = spans
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return spans


def arguments(con: duckdb.DuckDBPyConnection, mention: Row) -> tuple[list[Row], str | None]:
    """The actor spans to highlight in a mention's evidence (document offsets), and where they came
    from: "stored", "retagged", or None when they could not be found."""
    stored = _stored(mention)
    if stored:
        return stored, "stored"
    spans = _actor_spans(con, mention["doc_id"])
    if spans is None:
        return [], None
    lo, hi = mention["evidence_start"], mention["evidence_end"]
    out = []
    for start, end, codes in spans:
        if start < lo or end > hi or (start < mention["trigger_end"] and end > mention["trigger_start"]):
            continue  # outside the sentence, or inside the trigger ("Russo-Japanese war"), which is marked already
        for role in ("source", "target"):
            if mention.get(f"{role}_code") in codes:
                out.append({"role": role, "code": mention[f"{role}_code"], "start": start, "end": end})
                break
    return out, "retagged"
