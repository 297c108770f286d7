"""Bounded gzip and zstd decompression.

A size claimed in a header is never trusted to let data through: output is counted as it is
produced and decompression stops one byte past the limit, so a small bomb costs at most about
the limit in memory. (A zstd frame that *declares* more than the limit is refused at once.)

When the compressed data is cut short or damaged, the caller still gets the part that can be
trusted, so a container (JSONL, WARC) keeps the records before the damage:
- input that simply *ends* early: everything decompressed so far (deflate and zstd output is
  exact up to the cut, it is only incomplete);
- input that is *corrupt* (bad code, bad checksum, garbage between members): only the output of
  the members/frames that finished and passed their checksum, because the bytes emitted just
  before a corruption is detected may already be wrong.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable

import zstandard

from dyad.read.errors import ReadError

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_CHUNK = 1 << 16  # compressed bytes fed to zlib at a time; keeps `unused_data` copies small
_ZSTD_MAX_EXPANSION = 1 << 15  # a 4-byte zstd RLE block can expand to 128 KiB


class _Cut(Exception):
    """Raised inside a decompressor: `truncated` says whether input ran out (vs was corrupt)."""

    def __init__(self, detail: str, truncated: bool) -> None:
        super().__init__(detail)
        self.detail, self.truncated = detail, truncated


class _Sink:
    """Collects output, enforcing the byte limit, and remembers the last trusted length."""

    def __init__(self, codec: str, path: str, limit: int) -> None:
        self.codec, self.path, self.limit = codec, path, limit
        self.parts: list[bytes] = []
        self.size = 0
        self.verified = 0  # bytes of output belonging to completed, checksummed members

    def add(self, piece: bytes) -> None:
        if not piece:
            return
        self.size += len(piece)
        if self.size > self.limit:
            raise self.overflow()
        self.parts.append(piece)

    def overflow(self) -> ReadError:
        return ReadError(self.path, f"{self.codec} data decompresses to more than the limit of "
                                    f"{self.limit} bytes (possible decompression bomb)")

    def room(self) -> int:
        return self.limit - self.size + 1  # one byte more than allowed, to detect the overrun


def decompress(data: bytes, codec: str, path: str, max_bytes: int) -> tuple[bytes, ReadError | None]:
    """Decompress `data` ("gzip" or "zstd") → (trusted output, error or None).

    Raises `ReadError` when the output exceeds `max_bytes`: an over-size archive is refused
    whole, like an over-size plain file, rather than cut at an arbitrary point.
    """
    sink = _Sink(codec, path, max_bytes)
    run: Callable[[memoryview, _Sink], None] = _gunzip if codec == "gzip" else _unzstd
    try:
        run(memoryview(data), sink)
    except _Cut as cut:
        out = b"".join(sink.parts)
        kept = out if cut.truncated else out[:sink.verified]
        return kept, ReadError(path, f"truncated or corrupt {codec} data ({cut.detail})")
    return b"".join(sink.parts), None


def _gunzip(view: memoryview, sink: _Sink) -> None:
    pos, n = 0, len(view)
    while pos < n:
        if view[pos:pos + 2] != GZIP_MAGIC:
            if pos and not bytes(view[pos:]).strip(b"\x00"):
                return  # zero padding after the last member, as gzip(1) accepts
            raise _Cut("not gzip data" if pos == 0 else f"garbage after byte {pos}", truncated=False)
        d = zlib.decompressobj(wbits=31)  # 31: gzip header and trailer, CRC-32 and size checked
        while not d.eof:
            tail = d.unconsumed_tail
            buf = tail if tail else view[pos:pos + _CHUNK]
            if not tail:
                pos += len(buf)
            try:
                piece = d.decompress(buf, sink.room())
            except zlib.error as e:
                raise _Cut(str(e), truncated=False) from None
            if not piece and not buf:
                raise _Cut("the data ends before the end of the compressed stream", truncated=True)
            sink.add(piece)
        pos -= len(d.unused_data)
        sink.verified = sink.size


def _unzstd(view: memoryview, sink: _Sink) -> None:
    pos, n = 0, len(view)
    if view[:4] != ZSTD_MAGIC:
        raise _Cut("not zstd data", truncated=False)
    try:
        declared = zstandard.frame_content_size(bytes(view[:18]))  # -1 when the frame does not say
    except zstandard.ZstdError:
        declared = -1  # a damaged header is reported by the decompressor below
    if declared > sink.limit:
        raise sink.overflow()  # refused on the frame's declared size, before any work
    while pos < n:
        # zstd's default window cap (128 MiB) bounds the decoder's own memory.
        d = zstandard.ZstdDecompressor().decompressobj()
        while not d.eof:
            # python-zstandard has no output cap per call, so feed input in slices small enough
            # that one slice cannot expand far past the remaining budget.
            step = max(64, min(_CHUNK, sink.room() // _ZSTD_MAX_EXPANSION))
            buf = view[pos:pos + step]
            if not buf:
                raise _Cut("the data ends before the end of the compressed stream", truncated=True)
            pos += len(buf)
            try:
                sink.add(d.decompress(buf))
            except zstandard.ZstdError as e:
                raise _Cut(str(e), truncated=False) from None
        pos -= len(d.unused_data)
        sink.verified = sink.size
