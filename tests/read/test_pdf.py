"""PDF: the text layer, title and date from the metadata, and the ways a PDF cannot be read."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from dyad.model import DocumentMeta, Rejection
from dyad.read.files import read_file
from tests.read.samples import make_pdf

Document = tuple[str, DocumentMeta]


def write(tmp_path: Path, data: bytes, name: str = "doc.pdf") -> list[Document | Rejection]:
    p = tmp_path / name
    p.write_bytes(data)
    return list(read_file(p))


def encrypted(pdf: bytes, user_password: str, algorithm: str) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password, owner_password="owner", algorithm=algorithm)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_text_title_and_creation_date(tmp_path):
    pdf = make_pdf(["Russia and Japan signed the treaty.", "", "Talks resumed in 1956."],
                   title="Shimoda (1855)", created="D:18550207120000+09'00'")
    [(text, meta)] = write(tmp_path, pdf)
    assert text == "Russia and Japan signed the treaty.\n\nTalks resumed in 1956."
    assert meta.title == "Shimoda (1855)" and meta.published == "1855-02-07"


@pytest.mark.parametrize("created", ["garbage", "D:2020", "D:20201399", ""])
def test_malformed_metadata_costs_only_the_metadata(tmp_path, created):
    [(text, meta)] = write(tmp_path, make_pdf(["Tokyo protested."], title="", created=created))
    assert text == "Tokyo protested." and meta.title is None and meta.published is None


def test_no_text_layer(tmp_path):
    [r] = write(tmp_path, make_pdf(["", ""]))
    assert isinstance(r, Rejection) and r.reason.startswith("PDF has no text layer")


def test_password_protected(tmp_path):
    [r] = write(tmp_path, encrypted(make_pdf(["Secret talks."]), "secret", "RC4-128"))
    assert isinstance(r, Rejection) and r.reason == "encrypted PDF that needs a password to open"


def test_encrypted_with_empty_password_is_read(tmp_path):
    # Permission-only encryption: readers open it without asking for a password, so do we.
    [(text, _)] = write(tmp_path, encrypted(make_pdf(["Open talks."]), "", "RC4-128"))
    assert text == "Open talks."


def test_aes_encrypted_with_empty_password_is_read(tmp_path):
    pytest.importorskip("cryptography", reason="AES needs pypdf's crypto extra")
    [(text, _)] = write(tmp_path, encrypted(make_pdf(["Open talks."]), "", "AES-256"))
    assert text == "Open talks."


def test_not_a_pdf(tmp_path):
    [r] = write(tmp_path, b"Russia and Japan, plain text in a .pdf name")
    assert isinstance(r, Rejection) and r.reason == "not a PDF file (no %PDF- header)"


@pytest.mark.parametrize("keep", [20, 200, -10])
def test_truncated_pdf(tmp_path, keep):
    [r] = write(tmp_path, make_pdf(["Russia and Japan signed the treaty."])[:keep])
    assert isinstance(r, Rejection)
    assert r.reason.startswith("corrupt or unreadable PDF")


def test_garbage_after_the_header(tmp_path):
    [r] = write(tmp_path, b"%PDF-1.7\n" + bytes(range(256)) * 40)
    assert isinstance(r, Rejection) and r.reason.startswith("corrupt or unreadable PDF")
