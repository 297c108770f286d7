"""Plain formats (text, JSONL, HTML) and the file-system cases, through `read_file`/`read_paths`."""

import gzip
import json
import os
import random
import time
from pathlib import Path

import pytest

from dyad.model import Rejection
from dyad.read.decode import decode
from dyad.read.errors import ReadError
from dyad.read.files import Limits, read_file, read_paths
from dyad.read.limits import DEFAULT_LIMITS
from tests.read.samples import ARTICLE


def only_rejection(path: Path, limits: Limits = DEFAULT_LIMITS) -> Rejection:
    [r] = list(read_file(path, limits))
    assert isinstance(r, Rejection), r
    assert r.source_path == str(path)
    return r


def test_text_file_is_read_as_given(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes("Rusia și Japonia\r\nau semnat.".encode())
    [(text, meta)] = list(read_file(p))
    assert text == "Rusia și Japonia\r\nau semnat."
    assert meta.source_path == str(p)


def test_non_utf8_text_is_decoded_by_detection(tmp_path):
    p = tmp_path / "cp1251.txt"
    p.write_bytes("Россия и Япония подписали договор о мире и дружбе.".encode("cp1251"))
    [(text, _)] = list(read_file(p))
    assert "Япония" in text


def test_mostly_utf8_text_keeps_its_letters_and_marks_the_bad_byte(tmp_path):
    p = tmp_path / "damaged.txt"
    good = "Россия и Япония подписали договор о мире и дружбе в Симоде.".encode()
    cut = len("Россия ".encode())
    p.write_bytes(good[:cut] + b"\xff" + good[cut:])
    [(text, _)] = list(read_file(p))
    assert text == "Россия \ufffdи Япония подписали договор о мире и дружбе в Симоде."


def test_invalid_utf8_in_no_recognisable_encoding_is_rejected(tmp_path):
    p = tmp_path / "noise.txt"
    rng = random.Random(3)
    p.write_bytes(bytes(rng.randrange(128, 256) for _ in range(3000)))
    assert only_rejection(p).reason == "text in an encoding that could not be identified"


def test_utf16_with_bom_is_text_not_binary(tmp_path):
    p = tmp_path / "win.txt"
    p.write_bytes("Япония и Россия".encode("utf-16"))
    [(text, _)] = list(read_file(p))
    assert text == "Япония и Россия"


def test_jsonl_good_lines_pass_and_bad_lines_are_rejected(tmp_path):
    p = tmp_path / "a.jsonl"
    lines = [json.dumps({"text": "Japan and Russia met.", "id": "x1", "published": "2020-01-02"}),
             "{broken", json.dumps({"title": "no text"}), "[" * 100_000,
             json.dumps({"text": "Tokyo protested.", "url": "https://e.org/2"})]
    p.write_text("\n".join(lines) + "\n")
    records = list(read_file(p))
    docs = [r for r in records if not isinstance(r, Rejection)]
    bad = {r.record: r.reason for r in records if isinstance(r, Rejection)}
    assert [d[0] for d in docs] == ["Japan and Russia met.", "Tokyo protested."]
    assert docs[0][1].record == "x1" and docs[0][1].published == "2020-01-02"
    assert docs[1][1].record == "line 5" and docs[1][1].url == "https://e.org/2"
    assert bad["line 2"].startswith("malformed JSON")
    assert "non-empty 'text'" in bad["line 3"]
    assert bad["line 4"] == "malformed JSON (nested too deeply)"


def test_html_main_text_is_extracted(tmp_path):
    p = tmp_path / "a.html"
    body = "<p>" + "Russia and Japan signed a treaty of peace and friendship in Shimoda. " * 5 + "</p>"
    p.write_text(f"<html><head><title>T</title></head><body><nav>Home</nav><article>{body}</article></body></html>")
    [(text, meta)] = list(read_file(p))
    assert "Shimoda" in text and "Home" not in text
    assert meta.title == "T"


def test_html_date_and_declared_charset_are_used(tmp_path):
    p = tmp_path / "ru.htm"
    body = "<p>" + "Россия и Япония подписали Симодский трактат о мире и дружбе. " * 5 + "</p>"
    page = (f'<html><head><meta charset="windows-1251"><title>Трактат</title>'
            f'<meta property="article:published_time" content="2019-05-06"></head>'
            f"<body><article>{body}</article></body></html>")
    p.write_bytes(page.encode("cp1251"))
    [(text, meta)] = list(read_file(p))
    assert "Симодский" in text
    assert meta.title == "Трактат" and meta.published == "2019-05-06"


def test_html_with_no_text_is_rejected(tmp_path):
    p = tmp_path / "blank.html"
    p.write_text("<html><head><title>x</title><script>var a = 1;</script></head><body><div></div></body></html>")
    assert only_rejection(p).reason == "HTML page with no main text"


def test_deeply_nested_html_is_rejected_quickly(tmp_path):
    p = tmp_path / "deep.html"
    n = 100_000
    p.write_text("<html><body>" + "<div>" * n + f"<p>{ARTICLE}</p>" + "</div>" * n + "</body></html>")
    start = time.monotonic()
    r = only_rejection(p)
    assert time.monotonic() - start < 5
    assert "nested" in r.reason and "deep" in r.reason


def test_moderately_nested_html_is_still_read(tmp_path):
    p = tmp_path / "nested.html"
    n = 100
    p.write_text("<html><body>" + "<div>" * n + f"<p>{ARTICLE}</p>" + "</div>" * n + "</body></html>")
    [(text, _)] = list(read_file(p))
    assert "Shimoda" in text


def test_bad_inputs_are_rejected_with_reason(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.jsonl").write_bytes(b"  \n\n")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 2)
    (tmp_path / "big.txt").write_text("x" * 2000)
    (tmp_path / "img.png").write_bytes(b"\x89PNG")
    (tmp_path / "noext").write_text("hello")
    (tmp_path / "ok.txt").write_text("Japan and Russia met.")
    records = list(read_paths([tmp_path], Limits(max_bytes=1000)))
    reasons = {Path(r.source_path).name: r.reason for r in records if isinstance(r, Rejection)}
    assert reasons == {
        "empty.txt": "empty file", "blank.jsonl": "empty file", "bin.txt": "binary content, not text",
        "big.txt": "file of 2000 bytes exceeds the limit of 1000", "img.png": "unsupported file type '.png'",
        "noext": "unsupported file type '(none)'",
    }
    assert [r[0] for r in records if not isinstance(r, Rejection)] == ["Japan and Russia met."]


def test_missing_file_is_rejected_not_raised(tmp_path):
    assert "not found" in only_rejection(tmp_path / "gone.txt").reason


def test_file_removed_between_listing_and_reading(tmp_path):
    (tmp_path / "a.txt").write_text("Japan and Russia met.")
    (tmp_path / "b.txt").write_text("Tokyo protested.")
    batch = read_paths([tmp_path])
    first = next(batch)  # the directory has been listed; b.txt is still to be read
    (tmp_path / "b.txt").unlink()
    [second] = list(batch)
    assert first[0] == "Japan and Russia met."
    assert isinstance(second, Rejection) and second.source_path.endswith("b.txt")
    assert "removed during the batch" in second.reason


def test_directory_where_a_file_is_expected(tmp_path):
    d = tmp_path / "looks_like.txt"
    d.mkdir()
    assert only_rejection(d).reason == "is a directory, not a file"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any file whatever its mode; see the simulated test")
def test_unreadable_file_is_rejected(tmp_path):
    p = tmp_path / "secret.txt"
    p.write_text("Japan and Russia met.")
    p.chmod(0)
    try:
        assert only_rejection(p).reason == "permission denied"
    finally:
        p.chmod(0o644)


def test_unreadable_file_is_rejected_simulated(tmp_path, monkeypatch):
    # Runs as root too: the OS refusal is simulated where the reader opens the file.
    p = tmp_path / "secret.txt"
    p.write_text("Japan and Russia met.")

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert only_rejection(p).reason == "permission denied"


def test_fifo_is_refused_without_blocking(tmp_path):
    p = tmp_path / "pipe.txt"
    os.mkfifo(p)
    assert "not a regular file" in only_rejection(p).reason


def test_gzip_is_not_silently_read_as_text(tmp_path):
    p = tmp_path / "a.txt"
    p.write_bytes(gzip.compress(b"hello"))
    only_rejection(p)


def test_decode_refuses_empty():
    with pytest.raises(ReadError) as e:
        decode(b"  \n", "x")
    assert e.value.reason == "empty file"


def test_read_error_survives_pickling():
    # Engines may move errors between worker processes.
    import pickle

    e = pickle.loads(pickle.dumps(ReadError("a.warc", "bad record", "record 3")))
    assert (e.path, e.reason, e.record) == ("a.warc", "bad record", "record 3")
