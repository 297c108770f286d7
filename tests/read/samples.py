"""Builders of small real files (PDF, WARC, HTTP) for the reader tests."""

from __future__ import annotations

import gzip

ARTICLE = "Russia and Japan signed a treaty of peace and friendship in Shimoda in February 1855. " * 4


def make_pdf(pages: list[str], title: str | None = None, created: str | None = None) -> bytes:
    """A valid PDF whose pages show `pages` in Helvetica (ASCII only); '' gives a page with no text."""
    objects: list[bytes] = []
    n_pages = len(pages)
    first_page = 4  # 1 catalog, 2 page tree, 3 font, then (page, content) pairs, then info
    kids = " ".join(f"{first_page + 2 * i} 0 R" for i in range(n_pages))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i, text in enumerate(pages):
        content_ref = first_page + 2 * i + 1
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents {content_ref} 0 R "
                       f"/Resources << /Font << /F1 3 0 R >> >> >>".encode())
        if text:
            escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            stream = f"BT /F1 11 Tf 40 700 Td ({escaped}) Tj ET".encode("latin-1")
        else:
            stream = b"0 0 m 100 100 l S"  # a drawing, no text: like a scanned page
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    info = []
    if title is not None:
        info.append(f"/Title ({title})")
    if created is not None:
        info.append(f"/CreationDate ({created})")
    objects.append(f"<< {' '.join(info)} >>".encode())
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, len(objects), xref)
    return bytes(out)


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8", status: str = "200 OK",
                  headers: dict[str, str] | None = None) -> bytes:
    lines = [f"HTTP/1.1 {status}", f"Content-Type: {content_type}"]
    lines += [f"{k}: {v}" for k, v in (headers or {}).items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


def warc_record(kind: str, block: bytes, uri: str = "https://example.org/a", record_id: str | None = "",
                date: str = "2021-03-04T05:06:07Z", content_type: str | None = None) -> bytes:
    if content_type is None:
        content_type = "application/http; msgtype=response" if kind in ("response", "request") else "text/plain"
    head = ["WARC/1.0", f"WARC-Type: {kind}", f"WARC-Target-URI: {uri}", f"WARC-Date: {date}"]
    if record_id is not None:  # None: a record without an ID
        head.append(f"WARC-Record-ID: {record_id or '<urn:uuid:' + uri.rsplit('/', 1)[-1] + '>'}")
    head += [f"Content-Type: {content_type}", f"Content-Length: {len(block)}"]
    return ("\r\n".join(head) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def html_page(text: str = ARTICLE, title: str = "Treaty") -> bytes:
    return (f"<html><head><title>{title}</title></head><body><nav>Home | News</nav>"
            f"<article><h1>{title}</h1><p>{text}</p></article></body></html>").encode()


def sample_warc() -> list[bytes]:
    """Records of a small crawl: warcinfo, request, two HTML pages, an image, a redirect."""
    return [
        warc_record("warcinfo", b"software: test\r\n", content_type="application/warc-fields"),
        warc_record("request", b"GET /a HTTP/1.1\r\nHost: example.org\r\n\r\n"),
        warc_record("response", http_response(html_page()), uri="https://example.org/news/1",
                    record_id="<urn:uuid:one>"),
        warc_record("response", http_response(b"\x89PNG....", "image/png"), uri="https://example.org/i.png"),
        warc_record("response", http_response(b"", status="301 Moved", headers={"Location": "/b"})),
        warc_record("response", http_response(html_page(ARTICLE.replace("Shimoda", "Portsmouth"), "Two")),
                    uri="https://example.org/news/2", record_id="<urn:uuid:two>"),
    ]


def gzip_members(records: list[bytes]) -> bytes:
    """A .warc.gz as crawlers write it: one gzip member per record."""
    return b"".join(gzip.compress(r) for r in records)
