"""Readers, one per format: each turns one file's bytes into (text, meta) records.

A reader raises `ReadError` for a file it cannot read; for container formats (JSONL) a bad
record is yielded as a `ReadError` so the good records of the same file still go through.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from dyad.model import DocumentMeta
from dyad.read.decode import decode
from dyad.read.errors import ReadError

Record = tuple[str, DocumentMeta] | ReadError


def read_text(data: bytes, path: str) -> Iterator[Record]:
    yield decode(data, path), DocumentMeta(source_path=path)


def read_html(data: bytes, path: str) -> Iterator[Record]:
    import trafilatura  # heavy import; only HTML needs it

    html = decode(data, path)
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise ReadError(path, "HTML page with no main text")
    meta = DocumentMeta(source_path=path)
    md = trafilatura.extract_metadata(html)
    if md is not None:
        meta.title, meta.url, meta.published = md.title, md.url, md.date
    yield text, meta


def read_jsonl(data: bytes, path: str) -> Iterator[Record]:
    text = decode(data, path)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        record = f"line {n}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadError(path, f"malformed JSON ({e.msg})", record)
            continue
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) or not obj["text"].strip():
            yield ReadError(path, "JSON line without a non-empty 'text' string", record)
            continue
        meta = DocumentMeta(source_path=path, record=str(obj.get("id") or record),
                            title=_str(obj.get("title")), url=_str(obj.get("url")),
                            published=_str(obj.get("published")), language=_str(obj.get("language")))
        yield obj["text"], meta


def _str(v: object) -> str | None:
    return str(v) if v is not None else None


READERS = {".txt": read_text, ".md": read_text, ".text": read_text, ".html": read_html, ".htm": read_html,
           ".jsonl": read_jsonl, ".ndjson": read_jsonl}
