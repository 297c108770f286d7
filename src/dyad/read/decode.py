"""Bytes → text, or a `ReadError` saying why the bytes are not text.

Policy, in the order applied:

1. Empty (or whitespace-only) input is rejected: "empty file".
2. A UTF-8 BOM is dropped; a UTF-16 BOM means UTF-16 (Windows exports), decoded strictly.
3. NUL bytes, or more than 5 % control bytes in the first 64 KiB, mean binary: rejected.
4. Valid UTF-8 is UTF-8. It is tried first because it is by far the commonest encoding and
   because a non-trivial text in any legacy 8-bit encoding is almost never valid UTF-8.
5. An encoding declared by the container (an HTTP header, an HTML `<meta charset>`) is used if
   the bytes decode under it without error.
6. *Mostly* UTF-8 — at most one invalid byte per 20 well-formed non-ASCII characters — is
   decoded as UTF-8 with U+FFFD in place of the bad bytes. A Russian UTF-8 file with one
   corrupted byte stays readable, where charset detection would turn all of it into mojibake.
7. Otherwise (invalid UTF-8 with no sign of being UTF-8: cp1251, Latin-1, Shift-JIS, …) the
   encoding that charset-normalizer detects is used; if it detects none, the input is rejected:
   "text in an encoding that could not be identified".
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from dyad.read.errors import ReadError

BINARY_SHARE = 0.05  # more control bytes than this is no text
MOSTLY_UTF8 = 20  # well-formed non-ASCII characters needed per invalid byte to keep UTF-8


def decode(data: bytes, path: str, record: str = "", declared: str | None = None) -> str:
    if not data.strip():
        raise ReadError(path, "empty file", record)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise ReadError(path, "malformed UTF-16 text", record) from None
    if data.startswith(codecs.BOM_UTF8):
        data = data[3:]
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if b"\x00" in sample or controls > BINARY_SHARE * len(sample):
        raise ReadError(path, "binary content, not text", record)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared and _usable(declared):
        try:
            return data.decode(declared)
        except (UnicodeError, LookupError):
            pass  # a wrong declaration is common on the web; fall through to detection
    text = data.decode("utf-8", "surrogateescape")  # each invalid byte → one lone surrogate
    bad = sum(1 for c in text if "\udc80" <= c <= "\udcff")
    good = sum(1 for c in text if c > "\x7f") - bad
    if good >= MOSTLY_UTF8 * bad:
        return data.decode("utf-8", "replace")
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError(path, "text in an encoding that could not be identified", record)
    return str(best)


def _usable(encoding: str) -> bool:
    # UTF-16/32 declared on bytes without NULs (step 3 passed) is a false claim browsers ignore too.
    try:
        name = codecs.lookup(encoding).name
    except LookupError:
        return False
    return not name.startswith(("utf-16", "utf-32"))
