"""Bytes → text: UTF-8 when it is, else the encoding charset-normalizer detects; binary refused."""

from __future__ import annotations

from charset_normalizer import from_bytes

from dyad.read.errors import ReadError

BINARY_SHARE = 0.05  # more control bytes than this is no text


def decode(data: bytes, path: str) -> str:
    if not data.strip():
        raise ReadError(path, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    sample = data[:65536]
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    if b"\x00" in sample or controls > BINARY_SHARE * len(sample):
        raise ReadError(path, "binary content, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise ReadError(path, "text in an encoding that could not be identified")
    return str(best)
