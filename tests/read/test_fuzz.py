"""Whatever the bytes, every reader yields documents or `ReadError`s and raises only `ReadError`."""

import gzip
import json

import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dyad.model import DocumentMeta
from dyad.read.errors import ReadError
from dyad.read.formats import COMPRESSION, READERS, read_bytes
from dyad.read.limits import Limits
from tests.read.samples import ARTICLE, gzip_members, html_page, make_pdf, sample_warc

NAMES = sorted(READERS) + [inner + outer for inner in sorted(READERS) for outer in sorted(COMPRESSION)]
LIMITS = Limits(max_bytes=200_000)
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def compress(codec: str, data: bytes) -> bytes:
    return gzip.compress(data) if codec == "gzip" else zstandard.ZstdCompressor().compress(data)


VALID = {
    "x.pdf": make_pdf(["Russia and Japan signed the treaty."], title="T", created="D:20200101"),
    "x.warc": b"".join(sample_warc()),
    "x.warc.gz": gzip_members(sample_warc()),
    "x.jsonl.gz": gzip.compress((json.dumps({"text": ARTICLE}) + "\n").encode() * 3),
    "x.html.zst": compress("zstd", html_page()),
    "x.txt.gz": gzip.compress(ARTICLE.encode()),
}


def only_read_errors(data: bytes, name: str) -> None:
    try:
        for record in read_bytes(data, name, LIMITS):
            if isinstance(record, ReadError):
                assert record.path == name and record.reason
            else:
                text, meta = record
                assert isinstance(text, str) and text.strip() and isinstance(meta, DocumentMeta)
    except ReadError as e:
        assert e.path == name and e.reason


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(NAMES))
def test_arbitrary_bytes(data, name):
    only_read_errors(data, f"f{name}")


@FUZZ
@given(st.binary(max_size=2000), st.sampled_from(sorted(READERS)), st.sampled_from(sorted(set(COMPRESSION.values()))))
def test_arbitrary_bytes_behind_valid_compression(data, inner, codec):
    outer = ".gz" if codec == "gzip" else ".zst"
    only_read_errors(compress(codec, data), f"f{inner}{outer}")


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    name = draw(st.sampled_from(sorted(VALID)))
    data = bytearray(VALID[name])
    for _ in range(draw(st.integers(0, 4))):
        data[draw(st.integers(0, len(data) - 1))] = draw(st.integers(0, 255))
    cut = draw(st.integers(1, len(data)))
    return name, bytes(data[:cut])


@FUZZ
@given(damaged())
def test_damaged_valid_files(case):
    name, data = case
    only_read_errors(data, name)
