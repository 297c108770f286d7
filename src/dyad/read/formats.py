"""Readers, one per format: each turns one file's bytes into (text, meta) records.

A reader raises `ReadError` for a file it cannot read; for container formats (JSONL, WARC) a
bad record is yielded as a `ReadError` so the good records of the same file still go through.

The format is chosen by the file name: `x.html`, and for compressed files the suffix under the
compression suffix (`x.jsonl.gz`, `x.html.zst`, `x.warc.gz`). One level of compression only.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import PurePath

from dyad.model import DocumentMeta
from dyad.read.compress import decompress
from dyad.read.decode import decode
from dyad.read.errors import ReadError, Record
from dyad.read.htmltext import html_to_text
from dyad.read.limits import DEFAULT_LIMITS, Limits
from dyad.read.pdf import read_pdf
from dyad.read.warc import read_warc

Reader = Callable[[bytes, str, Limits], Iterator[Record]]


def read_text(data: bytes, path: str, limits: Limits) -> Iterator[Record]:
    yield decode(data, path), DocumentMeta(source_path=path)


def read_html(data: bytes, path: str, limits: Limits) -> Iterator[Record]:
    yield html_to_text(data, DocumentMeta(source_path=path))


def read_jsonl(data: bytes, path: str, limits: Limits) -> Iterator[Record]:
    text = decode(data, path)
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        record = f"line {n}"
        try:
            obj = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as e:  # RecursionError: [[[[… thousands deep
            msg = e.msg if isinstance(e, json.JSONDecodeError) else "nested too deeply"
            yield ReadError(path, f"malformed JSON ({msg})", record)
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


READERS: dict[str, Reader] = {
    ".txt": read_text, ".md": read_text, ".text": read_text,
    ".html": read_html, ".htm": read_html, ".xhtml": read_html,
    ".jsonl": read_jsonl, ".ndjson": read_jsonl,
    ".pdf": read_pdf,
    ".warc": read_warc,
}
# Containers hold many records: when their compressed data is cut short, the records before the
# cut are still read. A single document (text, HTML, PDF) cut short is refused whole.
CONTAINERS = {read_jsonl, read_warc}
COMPRESSION = {".gz": "gzip", ".gzip": "gzip", ".zst": "zstd", ".zstd": "zstd"}


def compressed(codec: str, inner: Reader) -> Reader:
    """A reader for `inner`'s format compressed with `codec`."""

    def read(data: bytes, path: str, limits: Limits) -> Iterator[Record]:
        plain, damage = decompress(data, codec, path, limits.max_bytes)
        if damage is None:
            yield from inner(plain, path, limits)
            return
        if inner not in CONTAINERS or not plain:
            raise damage
        try:
            yield from inner(plain, path, limits)
        except ReadError:
            raise damage from None  # the damage, not its symptom in the partial data, is the reason
        yield damage

    return read


def resolve(name: str) -> Reader:
    """The reader for a file name, or `ReadError` saying why there is none."""
    suffixes = [s.lower() for s in PurePath(name).suffixes]
    suffix = suffixes[-1] if suffixes else ""
    if suffix in COMPRESSION:
        inner = suffixes[-2] if len(suffixes) >= 2 else ""
        if inner not in READERS:
            raise ReadError(name, f"unsupported compressed file type {inner + suffix!r}: name the inner "
                                  f"format before {suffix}, one of {', '.join(sorted(READERS))}")
        return compressed(COMPRESSION[suffix], READERS[inner])
    if suffix not in READERS:
        raise ReadError(name, f"unsupported file type {suffix or '(none)'!r}")
    return READERS[suffix]


def read_bytes(data: bytes, path: str, limits: Limits = DEFAULT_LIMITS) -> Iterator[Record]:
    """Records of one file's bytes, the format chosen by its name."""
    yield from resolve(path)(data, path, limits)
