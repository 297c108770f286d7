"""PDF → the text of its text layer (no OCR), with title and creation date from its metadata."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator
from datetime import date
from typing import TYPE_CHECKING

from dyad.model import DocumentMeta
from dyad.read.errors import ReadError, Record
from dyad.read.limits import Limits

if TYPE_CHECKING:  # pypdf itself is imported only when a PDF is read
    from pypdf import PdfReader

_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")
# pypdf logs a warning for every repaired defect; a batch of scanned archives would drown the log
# in them, and the outcome (text or a rejection with its reason) is what the user needs.
logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(data: bytes, path: str, limits: Limits) -> Iterator[Record]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    if b"%PDF-" not in data[:1024]:  # the spec lets the header start anywhere in the first KiB
        raise ReadError(path, "not a PDF file (no %PDF- header)")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            # Many PDFs are encrypted only to set permissions, with an empty password to open;
            # those decrypt above. The rest cannot be read without the password.
            raise ReadError(path, "encrypted PDF that needs a password to open")
        pages = [(page.extract_text() or "").strip() for page in reader.pages]
    except ReadError:
        raise
    except (DependencyError, NotImplementedError) as e:  # AES without a crypto backend, odd filters
        raise ReadError(path, f"PDF uses a feature that cannot be read here ({e})") from None
    except FileNotDecryptedError:
        raise ReadError(path, "encrypted PDF that needs a password to open") from None
    except Exception as e:  # pypdf raises any type on hostile input; all mean "corrupt"
        raise ReadError(path, f"corrupt or unreadable PDF ({type(e).__name__}: {_short(e)})") from None
    text = "\n\n".join(p for p in pages if p)
    if not text:
        raise ReadError(path, "PDF has no text layer (scanned pages need OCR)")
    title, published = _info(reader)
    yield text, DocumentMeta(source_path=path, title=title, published=published)


def _info(reader: PdfReader) -> tuple[str | None, str | None]:
    """Title and creation date (ISO) from the document information dictionary, when sound."""
    try:
        info = reader.metadata
        if info is None:
            return None, None
        title = info.get("/Title")
        created = info.get("/CreationDate")
    except Exception:  # broken metadata must not cost the text
        return None, None
    title = (str(title).strip() or None) if title is not None else None
    return title, _iso_date(str(created)) if created is not None else None


def _iso_date(raw: str) -> str | None:
    # Parsed here rather than by pypdf: real files carry malformed dates ("D:2020-01-02",
    # missing apostrophes) and only the day is wanted.
    m = _PDF_DATE.match(raw.strip())
    if not m:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


def _short(e: Exception) -> str:
    msg = str(e).replace("\n", " ")
    return msg[:120] + "…" if len(msg) > 120 else msg
