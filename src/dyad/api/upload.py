"""Ingest of uploaded documents.

No name from the request ever becomes a path: the bytes are written into a fresh temporary
directory under a generated name, whose suffix is taken from dyad's own table of readable
formats (the uploaded name only chooses which entry). The uploaded name is kept, cleaned,
as the document's `source_path` ("upload:<name>"), so the store and its rejections say which
file a person sent, not where the server kept it for a moment.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
import unicodedata
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import IO, Any

from dyad.engine.local import remerge
from dyad.lang import SUPPORTED
from dyad.model import Document, Rejection
from dyad.pipeline import process
from dyad.read.files import Limits, read_file
from dyad.read.formats import COMPRESSION, READERS
from dyad.store.db import Store

Item = dict[str, Any]


def display_name(filename: str | None) -> str:
    """The last component of an uploaded name, without control characters, at most 200 characters."""
    base = PurePosixPath((filename or "").replace("\\", "/")).name
    clean = "".join(c for c in base if unicodedata.category(c)[0] != "C").strip()
    return clean[:200] or "unnamed"


def safe_suffix(filename: str) -> str | None:
    """The suffix to store an upload under, from dyad's reader table; None when no reader fits."""
    parts = [s.lower() for s in PurePosixPath(filename).suffixes]
    readers, codecs = {k: k for k in READERS}, {k: k for k in COMPRESSION}
    if len(parts) >= 2 and parts[-1] in codecs and parts[-2] in readers:
        return readers[parts[-2]] + codecs[parts[-1]]
    if parts and parts[-1] in readers:
        return readers[parts[-1]]
    return None


def ingest_uploads(store: Store, files: Iterable[tuple[str | None, IO[bytes]]], max_bytes: int,
                   published: str | None = None) -> dict[str, Any]:
    """Read, extract and store each uploaded file; merge once at the end. Never raises for one bad file:
    it becomes a rejection, stored and reported, and the rest goes on (DESIGN §9)."""
    items: list[Item] = []
    with tempfile.TemporaryDirectory(prefix="dyad-upload-") as tmp:
        for n, (filename, stream) in enumerate(files):
            name = display_name(filename)
            suffix = safe_suffix(name)
            if suffix is None:
                reason = f"unsupported file type; dyad reads {', '.join(sorted(READERS))} (optionally compressed)"
                items.append(_reject(store, name, "", reason))
                continue
            path = Path(tmp) / f"{n:04d}-{secrets.token_hex(8)}{suffix}"
            with path.open("wb") as out:
                shutil.copyfileobj(stream, out)
            items += _ingest_file(store, path, name, max_bytes, published)
            path.unlink()
    if any(i["status"] == "accepted" for i in items):
        remerge(store)
    return {"accepted": sum(i["status"] == "accepted" for i in items),
            "duplicates": sum(i["status"] == "duplicate" for i in items),
            "rejected": sum(i["status"] == "rejected" for i in items),
            "events": sum(i["events"] for i in items), "items": items}


def _ingest_file(store: Store, path: Path, name: str, max_bytes: int, published: str | None) -> list[Item]:
    shown = f"upload:{name}"
    items: list[Item] = []
    for record in read_file(path, Limits(max_bytes=max_bytes)):
        if isinstance(record, Rejection):
            items.append(_reject(store, name, record.record, record.reason.replace(str(path), shown)))
            continue
        text, meta = record
        meta.source_path, meta.published = shown, published or meta.published
        if store.has_document(Document(text=text, meta=meta).id):
            items.append({"file": name, "record": meta.record, "status": "duplicate", "events": 0,
                          "document_id": Document(text=text, meta=meta).id})
            continue
        try:
            doc = process(text, meta)
        except Exception as e:  # one document the pipeline cannot handle must not stop the batch
            items.append(_reject(store, name, meta.record, f"could not be processed ({type(e).__name__})"))
            continue
        supported = bool(set(doc.languages) & SUPPORTED)
        stored = store.add_document(doc, supported)
        items.append({"file": name, "record": meta.record, "status": "accepted" if stored else "duplicate",
                      "document_id": doc.id, "languages": doc.languages, "events": len(doc.events) if stored else 0})
    return items


def _reject(store: Store, name: str, record: str, reason: str) -> Item:
    store.add_rejection(Rejection(f"upload:{name}", record, reason))
    return {"file": name, "record": record, "status": "rejected", "events": 0, "reason": reason}
