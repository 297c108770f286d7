"""The local engine streams: it reads only a bounded window ahead of what it has stored."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import count, islice

from dyad.engine import local
from dyad.model import DocumentMeta, content_hash


def test_pool_reads_a_bounded_window_ahead_of_its_results() -> None:
    pulled = 0

    def endless() -> Iterator[tuple[str, DocumentMeta]]:
        nonlocal pulled
        for n in count():
            pulled += 1
            yield f"{n} ..", DocumentMeta(source_path=f"doc{n}")  # no language: the pipeline stays cheap

    docs = list(islice(local._map(endless(), workers=2), 10))
    assert [d.id for d in docs] == [content_hash(f"{n} ..") for n in range(10)]  # in input order
    window = 2 * local.CHUNKS_PER_WORKER * local.CHUNK
    assert pulled <= 10 + window + local.CHUNK
