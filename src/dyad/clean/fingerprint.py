"""Fingerprinter: a MinHash signature of the document's kept text.

Syndicated copies of one article (other site, other boilerplate, a changed headline) have
nearly the same word shingles; their signatures agree in most positions. The store uses
the signature, banded for lookup, to record which earlier document a new one copies, so
that merging counts independent sources, not copies.
"""

from __future__ import annotations

import hashlib
import re

from dyad.model import Document

PERMUTATIONS = 64
SHINGLE = 5
PRIME = (1 << 61) - 1
WORD = re.compile(r"\w+")
# Fixed coefficients (not random per run) so every engine and every run gives the same signature.
_COEFFS = [(int.from_bytes(hashlib.blake2b(f"a{i}".encode(), digest_size=8).digest(), "big") % PRIME | 1,
            int.from_bytes(hashlib.blake2b(f"b{i}".encode(), digest_size=8).digest(), "big") % PRIME)
           for i in range(PERMUTATIONS)]


def _shingle_hashes(text: str) -> set[int]:
    words = WORD.findall(text.lower())
    grams = [" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))]
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "big") for g in grams if g}


def minhash(text: str) -> list[int]:
    hashes = _shingle_hashes(text)
    if not hashes:
        return []
    return [min((a * h + b) % PRIME for h in hashes) for a, b in _COEFFS]


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets."""
    if not a or len(a) != len(b):
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=False)) / len(a)


class Fingerprinter:
    """Pipeline stage: `doc.fingerprint`, the MinHash of the paragraphs cleaning kept."""

    name = "fingerprint"

    def __call__(self, doc: Document) -> Document:
        kept = "\n".join(doc.text[p.start:p.end] for p in doc.paragraphs if not p.removed)
        doc.fingerprint = minhash(kept)
        return doc
