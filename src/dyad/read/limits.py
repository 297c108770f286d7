"""The limits every reader obeys, so one hostile file cannot exhaust memory or time."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    # One number bounds both a file on disk and what any decompression inside it may produce
    # (the whole of a .gz/.zst file, a gzip-encoded HTTP body in a WARC), so a 50 KB bomb is
    # held to the same budget as a 50 MB plain file.
    max_bytes: int = DEFAULT_MAX_BYTES


DEFAULT_LIMITS = Limits()
