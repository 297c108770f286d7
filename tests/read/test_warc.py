"""WARC files: one document per HTML/text response, bad records rejected, good ones kept."""

import gzip
from pathlib import Path

import pytest

from dyad.model import DocumentMeta, Rejection
from dyad.read.files import Limits, read_file
from dyad.read.limits import DEFAULT_LIMITS
from tests.read.samples import ARTICLE, html_page, http_response, sample_warc, warc_record


def read(tmp_path: Path, records: list[bytes], name: str = "crawl.warc",
         limits: Limits = DEFAULT_LIMITS) -> tuple[list[tuple[str, DocumentMeta]], list[Rejection]]:
    p = tmp_path / name
    p.write_bytes(b"".join(records))
    out = list(read_file(p, limits))
    return [r for r in out if not isinstance(r, Rejection)], [r for r in out if isinstance(r, Rejection)]


def test_html_responses_become_documents_and_the_rest_is_skipped(tmp_path):
    docs, bad = read(tmp_path, sample_warc())
    assert not bad
    assert [m.record for _, m in docs] == ["<urn:uuid:one>", "<urn:uuid:two>"]
    assert [m.url for _, m in docs] == ["https://example.org/news/1", "https://example.org/news/2"]
    assert [m.published for _, m in docs] == ["2021-03-04", "2021-03-04"]  # from WARC-Date
    assert [m.title for _, m in docs] == ["Treaty", "Two"]
    assert "Shimoda" in docs[0][0] and "Portsmouth" in docs[1][0] and "Home" not in docs[0][0]


def test_page_date_wins_over_crawl_date(tmp_path):
    page = html_page().replace(b"<head>", b'<head><meta name="date" content="2018-09-12">')
    docs, _ = read(tmp_path, [warc_record("response", http_response(page), date="2023-01-01T00:00:00Z")])
    assert docs[0][1].published == "2018-09-12"


def test_record_without_id_is_named_by_its_index(tmp_path):
    record = warc_record("response", http_response(html_page()), record_id=None)
    docs, _ = read(tmp_path, [warc_record("warcinfo", b"x: y\r\n"), record])
    assert docs[0][1].record == "record 2"


def test_bad_records_are_rejected_and_good_ones_pass(tmp_path):
    good = sample_warc()
    garbage = b"this is not a WARC header at all\r\n\r\n"
    no_length = b"WARC/1.0\r\nWARC-Type: response\r\n\r\nHTTP/1.1 200 OK\r\n\r\n<p>x</p>\r\n\r\n"
    bad_http = warc_record("response", b"HTTP/1.1 banana\r\n\r\n<p>x</p>", record_id="<urn:uuid:badhttp>")
    empty_page = warc_record("response", http_response(b"<html><body><div></div></body></html>"),
                             record_id="<urn:uuid:empty>")
    docs, bad = read(tmp_path, [good[2], garbage, no_length, bad_http, empty_page, good[5]])
    assert [m.record for _, m in docs] == ["<urn:uuid:one>", "<urn:uuid:two>"]
    reasons = {r.record: r.reason for r in bad}
    assert reasons["record 2"].startswith("no WARC record header at byte")
    assert reasons["record 3"].startswith("WARC record without a valid Content-Length")
    assert reasons["<urn:uuid:badhttp>"] == "malformed HTTP response in WARC record"
    assert reasons["<urn:uuid:empty>"] == "HTML page with no main text"


def test_truncated_last_record_keeps_the_earlier_ones(tmp_path):
    records = sample_warc()
    last = records[-1]
    docs, bad = read(tmp_path, records[:-1] + [last[: len(last) // 2]])
    assert [m.record for _, m in docs] == ["<urn:uuid:one>"]
    assert len(bad) == 1 and bad[0].reason.startswith("WARC record truncated")
    assert bad[0].record == "<urn:uuid:two>"


def test_truncated_warc_gz_keeps_the_records_before_the_cut(tmp_path):
    members = [gzip.compress(r) for r in sample_warc()]
    docs, bad = read(tmp_path, members[:-1] + [members[-1][:-30]], name="crawl.warc.gz")
    assert [m.record for _, m in docs] == ["<urn:uuid:one>"]
    assert bad[-1].reason.startswith("truncated or corrupt gzip data")


def test_not_a_warc_file(tmp_path):
    _, [r] = read(tmp_path, [b"<html><body>hello</body></html>"])
    assert r.reason == "not a WARC file (it does not start with a WARC/1.x record)"


def test_warc_without_documents_is_rejected(tmp_path):
    records = sample_warc()
    _, [r] = read(tmp_path, [records[0], records[1], records[3]])
    assert r.reason == "WARC file with no HTML or plain-text response records" and r.record == ""


def test_chunked_and_gzip_encoded_body(tmp_path):
    body = gzip.compress(html_page())
    chunked = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in (body[:100], body[100:])) + b"0\r\n\r\n"
    http = http_response(chunked, headers={"Transfer-Encoding": "chunked", "Content-Encoding": "gzip"})
    docs, bad = read(tmp_path, [warc_record("response", http)])
    assert not bad and "Shimoda" in docs[0][0]


def test_body_decoded_by_the_crawler_despite_its_headers(tmp_path):
    # Crawlers that store the decoded body keep the original headers; the body is read as stored.
    http = http_response(html_page(), headers={"Transfer-Encoding": "chunked", "Content-Encoding": "gzip"})
    docs, bad = read(tmp_path, [warc_record("response", http)])
    assert not bad and "Shimoda" in docs[0][0]


def test_gzip_bomb_in_an_http_body_rejects_that_record_only(tmp_path):
    bomb = http_response(gzip.compress(b"<p>" + b"a" * 5_000_000), headers={"Content-Encoding": "gzip"})
    records = [warc_record("response", bomb, record_id="<urn:uuid:bomb>"), sample_warc()[2]]
    docs, bad = read(tmp_path, records, limits=Limits(max_bytes=1_000_000))
    assert [m.record for _, m in docs] == ["<urn:uuid:one>"]
    assert bad[0].record == "<urn:uuid:bomb>" and "possible decompression bomb" in bad[0].reason


def test_charset_from_http_header_and_plain_text_resource(tmp_path):
    ru = ("<html><body><article><p>" + "Россия и Япония подписали Симодский трактат. " * 8
          + "</p></article></body></html>").encode("cp1251")
    records = [warc_record("response", http_response(ru, "text/html; charset=windows-1251")),
               warc_record("resource", ARTICLE.encode(), uri="file:///notes.txt", content_type="text/plain")]
    docs, bad = read(tmp_path, records)
    assert not bad
    assert "Симодский" in docs[0][0]
    assert docs[1][0] == ARTICLE and docs[1][1].url == "file:///notes.txt"


@pytest.mark.parametrize("separator", [b"\n", b"\r\n\r\n\r\n"])
def test_lenient_about_blank_lines_between_records(tmp_path, separator):
    records = [r.removesuffix(b"\r\n\r\n") + separator for r in sample_warc()]
    docs, bad = read(tmp_path, records)
    assert not bad and len(docs) == 2
