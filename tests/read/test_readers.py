import gzip
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.model import Rejection
from dyad.read.decode import decode
from dyad.read.errors import ReadError
from dyad.read.files import Limits, read_file, read_paths
from dyad.read.formats import READERS


def test_text_file_is_read_as_given(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Rusia și Japonia\r\nau semnat.".encode())
    [(text, meta)] = list(read_file(p))
    assert text == "Rusia și Japonia\r\nau semnat."
    assert meta.source_path == str(p)


def test_non_utf8_text_is_decoded(tmp_path):
    p = tmp_path / "cp1251.txt"
    p.write_bytes("Россия и Япония подписали договор о мире и дружбе.".encode("cp1251"))
    [(text, _)] = list(read_file(p))
    assert "Япония" in text


def test_jsonl_good_lines_pass_and_bad_lines_are_rejected(tmp_path):
    p = tmp_path / "a.jsonl"
    p.write_text(json.dumps({"text": "Japan and Russia met.", "id": "x1", "published": "2020-01-02"}) + "\n{broken\n")
    records = list(read_file(p))
    assert records[0][1].record == "x1" and records[0][1].published == "2020-01-02"
    assert isinstance(records[1], Rejection) and "line 2" in records[1].record


def test_html_main_text_is_extracted(tmp_path):
    p = tmp_path / "a.html"
    body = "<p>" + "Russia and Japan signed a treaty of peace and friendship in Shimoda. " * 5 + "</p>"
    p.write_text(f"<html><head><title>T</title></head><body><nav>Home</nav><article>{body}</article></body></html>")
    [(text, _)] = list(read_file(p))
    assert "Shimoda" in text and "Home" not in text


def test_bad_inputs_are_rejected_with_reason(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 2)
    (tmp_path / "big.txt").write_text("x" * 2000)
    (tmp_path / "img.png").write_bytes(b"\x89PNG")
    reasons = {r.source_path.rsplit("/", 1)[1]: r.reason for r in read_paths([tmp_path], Limits(max_bytes=1000))
               if isinstance(r, Rejection)}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["bin.txt"] == "binary content, not text"
    assert "exceeds the limit" in reasons["big.txt"]
    assert "unsupported file type" in reasons["img.png"]


def test_missing_file_is_rejected_not_raised(tmp_path):
    [r] = list(read_file(tmp_path / "gone.txt"))
    assert isinstance(r, Rejection) and "not found" in r.reason


def test_gzip_is_not_silently_read_as_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(gzip.compress(b"hello"))
    [r] = list(read_file(p))
    assert isinstance(r, Rejection)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000), st.sampled_from(sorted(READERS)))
def test_arbitrary_bytes_raise_only_read_error(data, suffix):
    reader = READERS[suffix]
    try:
        for record in reader(data, f"f{suffix}"):
            assert isinstance(record, (tuple, ReadError))
    except ReadError:
        pass


def test_decode_refuses_empty():
    try:
        decode(b"  \n", "x")
    except ReadError as e:
        assert e.reason == "empty file"
    else:
        raise AssertionError("empty input was accepted")
