"""Compressed files (.gz, .zst): every format inside, damage, and decompression bombs."""

import gzip
import json
import time
from pathlib import Path

import pytest
import zstandard

from dyad.model import DocumentMeta, Rejection
from dyad.read.files import Limits, read_file
from tests.read.samples import ARTICLE, gzip_members, html_page, make_pdf, sample_warc

SAMPLES = {
    ".txt": ARTICLE.encode(),
    ".jsonl": (json.dumps({"text": ARTICLE, "id": "a"}) + "\n" + json.dumps({"text": "Tokyo protested."})).encode(),
    ".html": html_page(),
    ".pdf": make_pdf([ARTICLE[:80]]),
    ".warc": b"".join(sample_warc()),
}
EXPECTED_DOCS = {".txt": 1, ".jsonl": 2, ".html": 1, ".pdf": 1, ".warc": 2}


def gz(data: bytes) -> bytes:
    return gzip.compress(data)


def zst(data: bytes) -> bytes:
    return zstandard.ZstdCompressor(write_checksum=True).compress(data)


def zst_stream(data: bytes) -> bytes:
    # Streaming compression writes no content size: the bomb is caught by counting output.
    c = zstandard.ZstdCompressor().compressobj()
    return c.compress(data) + c.flush()


def split(records: list[tuple[str, DocumentMeta] | Rejection]) -> tuple[list[tuple[str, DocumentMeta]],
                                                                         list[Rejection]]:
    return [r for r in records if not isinstance(r, Rejection)], [r for r in records if isinstance(r, Rejection)]


@pytest.mark.parametrize("inner", sorted(SAMPLES))
@pytest.mark.parametrize(("suffix", "compress"), [(".gz", gz), (".zst", zst)])
def test_every_format_reads_the_same_compressed(tmp_path, inner, suffix, compress):
    plain, packed = tmp_path / f"x{inner}", tmp_path / f"x{inner}{suffix.upper()}"  # suffixes are case-blind
    plain.write_bytes(SAMPLES[inner])
    packed.write_bytes(compress(SAMPLES[inner]))
    docs, bad = split(list(read_file(packed)))
    assert not bad and len(docs) == EXPECTED_DOCS[inner]
    assert [d[0] for d in docs] == [d[0] for d in read_file(plain)]
    assert all(d[1].source_path == str(packed) for d in docs)


def test_warc_gz_with_one_member_per_record(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    p.write_bytes(gzip_members(sample_warc()))
    docs, bad = split(list(read_file(p)))
    assert not bad
    assert [d[1].url for d in docs] == ["https://example.org/news/1", "https://example.org/news/2"]


def test_multi_member_gzip_with_zero_padding(tmp_path):
    p = tmp_path / "two.txt.gz"
    p.write_bytes(gz(b"Japan and ") + gz(b"Russia met.") + b"\x00" * 512)  # as tape-blocked gzip leaves it
    [(text, _)] = list(read_file(p))
    assert text == "Japan and Russia met."


@pytest.mark.parametrize(("suffix", "compress", "codec"), [(".gz", gz, "gzip"), (".zst", zst, "zstd")])
def test_truncated_single_document_is_rejected(tmp_path, suffix, compress, codec):
    p = tmp_path / f"a.txt{suffix}"
    data = compress(ARTICLE.encode() * 20)
    p.write_bytes(data[: len(data) // 2])
    [r] = list(read_file(p))
    assert isinstance(r, Rejection) and r.reason.startswith(f"truncated or corrupt {codec} data")


@pytest.mark.parametrize(("suffix", "compress", "codec"), [(".gz", gz, "gzip"), (".zst", zst, "zstd")])
def test_corrupt_data_is_rejected(tmp_path, suffix, compress, codec):
    p = tmp_path / f"a.html{suffix}"
    data = bytearray(compress(html_page()))
    data[len(data) // 2] ^= 0xFF
    p.write_bytes(bytes(data))
    [r] = list(read_file(p))
    assert isinstance(r, Rejection) and r.reason.startswith(f"truncated or corrupt {codec} data")


def test_not_compressed_at_all(tmp_path):
    p = tmp_path / "a.txt.gz"
    p.write_text("plain text in a .gz name")
    [r] = list(read_file(p))
    assert isinstance(r, Rejection) and r.reason == "truncated or corrupt gzip data (not gzip data)"


def test_truncated_jsonl_keeps_the_lines_before_the_cut(tmp_path):
    p = tmp_path / "a.jsonl.gz"
    lines = [json.dumps({"text": f"Japan and Russia met, meeting number {i}.", "id": str(i)}) for i in range(2000)]
    data = gz("\n".join(lines).encode())
    p.write_bytes(data[: len(data) * 3 // 4])
    docs, bad = split(list(read_file(p)))
    assert len(docs) > 100 and [d[1].record for d in docs] == [str(i) for i in range(len(docs))]
    assert bad[-1].reason.startswith("truncated or corrupt gzip data") and bad[-1].record == ""
    assert len(bad) <= 2  # the cut line itself, and the truncation


def test_corrupt_member_keeps_only_the_verified_members(tmp_path):
    p = tmp_path / "crawl.warc.gz"
    members = [gz(r) for r in sample_warc()]
    broken = bytearray(members[-1])
    broken[len(broken) // 2] ^= 0xFF  # damage inside the last page's member
    p.write_bytes(b"".join(members[:-1]) + bytes(broken))
    docs, bad = split(list(read_file(p)))
    assert [d[1].record for d in docs] == ["<urn:uuid:one>"]
    assert bad[-1].reason.startswith("truncated or corrupt gzip data")


@pytest.mark.parametrize(("suffix", "compress", "codec"),
                         [(".gz", gz, "gzip"), (".zst", zst, "zstd"), (".zstd", zst_stream, "zstd")])
def test_decompression_bomb_is_stopped_at_the_limit(tmp_path, suffix, compress, codec):
    p = tmp_path / f"bomb.txt{suffix}"
    p.write_bytes(compress(b"a" * 50_000_000))  # 50 MB of text from about 50 KB
    start = time.monotonic()
    [r] = list(read_file(p, Limits(max_bytes=1_000_000)))
    assert time.monotonic() - start < 5
    assert isinstance(r, Rejection)
    assert r.reason == (f"{codec} data decompresses to more than the limit of 1000000 bytes "
                        "(possible decompression bomb)")


def test_container_over_the_limit_is_refused_whole(tmp_path):
    p = tmp_path / "many.jsonl.zst"
    p.write_bytes(zst((json.dumps({"text": ARTICLE}) + "\n").encode() * 100))
    [r] = list(read_file(p, Limits(max_bytes=5_000)))
    assert isinstance(r, Rejection) and "more than the limit of 5000 bytes" in r.reason


def test_compressed_file_itself_over_the_limit(tmp_path):
    p = tmp_path / "big.txt.gz"
    p.write_bytes(gz(bytes(range(256)) * 100))
    [r] = list(read_file(p, Limits(max_bytes=100)))
    assert isinstance(r, Rejection) and "exceeds the limit of 100" in r.reason


def test_binary_inside_gzip_is_still_binary(tmp_path):
    p = tmp_path / "bin.txt.gz"
    p.write_bytes(gz(bytes(range(256))))
    [r] = list(read_file(p))
    assert isinstance(r, Rejection) and r.reason == "binary content, not text"


@pytest.mark.parametrize("name", ["x.gz", "x.tar.gz", "x.txt.gz.gz", "x.png.zst"])
def test_unknown_inner_format(tmp_path, name):
    p = tmp_path / name
    p.write_bytes(gz(b"hello"))
    [r] = list(read_file(p))
    assert isinstance(r, Rejection) and r.reason.startswith("unsupported compressed file type")
    assert Path(r.source_path).name == name
