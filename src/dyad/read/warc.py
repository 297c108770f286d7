"""WARC (ISO 28500) → one document per HTML or plain-text `response` / `resource` record.

A small parser of its own rather than warcio: it works on bytes already read under the size
limit (a .warc.gz is decompressed by compress.py, member by member, under the same limit),
never raises anything but `ReadError`, and after a damaged record resynchronises on the next
"WARC/" line so the records after it still pass.

Skipped without a rejection, as they are not documents: request, metadata, warcinfo and revisit
records, non-2xx responses (redirects, errors), and payloads that are neither HTML nor plain text
(images, scripts, style sheets). A file with no document record at all is rejected.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from dyad.model import DocumentMeta
from dyad.read.compress import GZIP_MAGIC, ZSTD_MAGIC, decompress
from dyad.read.decode import decode
from dyad.read.errors import ReadError, Record
from dyad.read.htmltext import html_to_text
from dyad.read.limits import Limits

_VERSION = re.compile(rb"WARC/\d+\.\d+\r?\n")
_START = re.compile(rb"[\r\n]*WARC/\d+\.\d+\r?\n")
_BLANK = re.compile(rb"\r?\n\r?\n")
_STATUS = re.compile(rb"HTTP/\d(?:\.\d)?\s+(\d{3})\b")
_CHUNK_SIZE = re.compile(rb"[0-9A-Fa-f]{1,16}")
_MAX_HEADER = 1 << 16  # a longer header block is not a WARC header
_HTML_TYPES = ("text/html", "application/xhtml+xml")
_DOC_RECORDS = ("response", "resource")


@dataclass
class _Raw:
    headers: dict[str, str]  # names lower-cased
    block: bytes
    where: str  # "record N" — the fallback record name when there is no WARC-Record-ID


def read_warc(data: bytes, path: str, limits: Limits) -> Iterator[Record]:
    if not _START.match(data):
        raise ReadError(path, "not a WARC file (it does not start with a WARC/1.x record)")
    documents = 0
    for raw in _records(data, path):
        if isinstance(raw, ReadError):
            yield raw
            continue
        kind = raw.headers.get("warc-type", "").lower()
        if kind not in _DOC_RECORDS:
            continue
        meta = DocumentMeta(source_path=path, record=raw.headers.get("warc-record-id") or raw.where,
                            url=raw.headers.get("warc-target-uri") or None,
                            published=_iso_date(raw.headers.get("warc-date", "")))
        try:
            doc = _document(raw, kind, meta, limits)
        except ReadError as e:
            yield e.at(meta.record)
            continue
        if doc is not None:
            documents += 1
            yield doc
    if not documents:
        raise ReadError(path, "WARC file with no HTML or plain-text response records")


def _records(data: bytes, path: str) -> Iterator[_Raw | ReadError]:
    pos, n, index = 0, len(data), 0
    while True:
        while pos < n and data[pos] in b"\r\n":  # records are separated by CRLF CRLF
            pos += 1
        if pos >= n:
            return
        index += 1
        where = f"record {index}"
        version = _VERSION.match(data, pos)
        blank = _BLANK.search(data, pos, pos + _MAX_HEADER) if version else None
        if version is None or blank is None:
            yield ReadError(path, f"no WARC record header at byte {pos}", where)
            pos = _resync(data, pos)
            continue
        headers = _headers(data[version.end():blank.start()])
        length = headers.get("content-length", "")
        if not length.isdigit():
            yield ReadError(path, f"WARC record without a valid Content-Length ({length[:20]!r})", where)
            pos = _resync(data, pos)
            continue
        start, size = blank.end(), int(length)
        if start + size > n:
            yield ReadError(path, f"WARC record truncated: Content-Length {size}, only {n - start} bytes left",
                            headers.get("warc-record-id") or where)
            return
        yield _Raw(headers, data[start:start + size], where)
        pos = start + size


def _resync(data: bytes, pos: int) -> int:
    """Position of the next line starting "WARC/" after `pos` (or the end): always > pos."""
    found = data.find(b"\nWARC/", pos)
    return found + 1 if found >= 0 else len(data)


def _headers(raw: bytes) -> dict[str, str]:
    headers: dict[str, str] = {}
    last = ""
    for line in raw.decode("utf-8", "replace").splitlines():
        if line[:1] in (" ", "\t") and last:  # folded continuation line
            headers[last] += " " + line.strip()
            continue
        name, sep, value = line.partition(":")
        if sep:
            last = name.strip().lower()
            headers[last] = value.strip()
    return headers


def _document(raw: _Raw, kind: str, meta: DocumentMeta, limits: Limits) -> tuple[str, DocumentMeta] | None:
    """The document in a response/resource record, or None if it holds none; ReadError if bad."""
    ctype, body = raw.headers.get("content-type", ""), raw.block
    if kind == "response":
        if not (ctype.lower().startswith("application/http") or body.startswith(b"HTTP/")):
            return None  # e.g. dns: records
        status, http_headers, body = _http(body, meta)
        if not 200 <= status < 300 or status == 204:
            return None
        ctype = http_headers.get("content-type", "")
        body = _decoded_body(body, http_headers, meta, limits)
    media = ctype.split(";")[0].strip().lower()
    charset = _param(ctype, "charset")
    if media in _HTML_TYPES or (not media and body.lstrip()[:15].lower().startswith((b"<!doctype html", b"<html"))):
        return html_to_text(body, meta, charset)
    if media == "text/plain":
        return decode(body, meta.source_path, meta.record, charset), meta
    return None


def _http(block: bytes, meta: DocumentMeta) -> tuple[int, dict[str, str], bytes]:
    status = _STATUS.match(block)
    blank = _BLANK.search(block, 0, _MAX_HEADER)
    if status is None or blank is None:
        raise ReadError(meta.source_path, "malformed HTTP response in WARC record", meta.record)
    line_end = block.find(b"\n")
    return int(status[1]), _headers(block[line_end + 1:blank.start()]), block[blank.end():]


def _decoded_body(body: bytes, headers: dict[str, str], meta: DocumentMeta, limits: Limits) -> bytes:
    if "chunked" in headers.get("transfer-encoding", "").lower():
        # Crawlers differ: some store the chunked wire form, others the de-chunked body but keep
        # the header. Fall back to the body as stored when it is not valid chunked data.
        dechunked = _dechunk(body)
        body = body if dechunked is None else dechunked
    coding = headers.get("content-encoding", "").strip().lower()
    path = meta.source_path
    if coding in ("", "identity", "none"):
        return body
    if coding in ("gzip", "x-gzip", "zstd") and body.startswith(GZIP_MAGIC if "gzip" in coding else ZSTD_MAGIC):
        plain, damage = decompress(body, "gzip" if "gzip" in coding else "zstd", path, limits.max_bytes)
        if damage is not None:
            raise damage.at(meta.record)
        return plain
    if coding == "deflate":
        try:  # "deflate" is zlib-wrapped by the standard, raw by many servers: try both
            d = zlib.decompressobj(zlib.MAX_WBITS | 32 if body[:1] == b"\x78" else -zlib.MAX_WBITS)
            plain = d.decompress(body, limits.max_bytes + 1)
        except zlib.error:
            raise ReadError(path, "corrupt deflate-encoded HTTP body", meta.record) from None
        if len(plain) > limits.max_bytes:
            raise ReadError(path, f"HTTP body decompresses to more than {limits.max_bytes} bytes", meta.record)
        return plain
    if coding in ("gzip", "x-gzip", "zstd"):
        return body  # declared but already decoded by the crawler (Common Crawl does this)
    raise ReadError(path, f"unsupported HTTP content encoding {coding!r}", meta.record)


def _dechunk(body: bytes) -> bytes | None:
    out: list[bytes] = []
    pos = 0
    while True:
        eol = body.find(b"\n", pos)
        if eol < 0:
            return None
        size_field = body[pos:eol].split(b";")[0].strip()
        if not _CHUNK_SIZE.fullmatch(size_field):
            return None
        size, start = int(size_field, 16), eol + 1
        if size == 0:
            return b"".join(out)
        if start + size > len(body):
            return None
        out.append(body[start:start + size])
        pos = start + size
        pos += 2 if body[pos:pos + 2] == b"\r\n" else 1 if body[pos:pos + 1] == b"\n" else 0


def _param(ctype: str, name: str) -> str | None:
    for part in ctype.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == name:
            return value.strip().strip("\"'") or None
    return None


def _iso_date(raw: str) -> str | None:
    try:
        return date.fromisoformat(raw.strip()[:10]).isoformat()
    except ValueError:
        return None
