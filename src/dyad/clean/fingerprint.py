"""Fingerprinter: a MinHash signature of the document's kept text.

Syndicated copies of one article (other site, other boilerplate, a changed headline) have
nearly the same word shingles; their signatures agree in most bins. The store uses
the signature, banded for lookup, to record which earlier document a new one copies, so
that merging counts independent sources, not copies.
"""

from __future__ import annotations

import hashlib
import re

from dyad.model import Document

BINS = 64
SHINGLE = 5
EMPTY = (1 << 58) - 1  # a bin no shingle fell into
WORD = re.compile(r"\w+")


# An 8-byte blake2b with nothing hashed yet, never updated itself: a copy of it per shingle costs
# about a third less than a new hasher built from its arguments (the same digests).
BLAKE2B_8 = hashlib.blake2b(digest_size=8)


def _shingle_hashes(text: str) -> set[int]:
    words = WORD.findall(text.lower())
    # the n-grams joined at every position (zip builds them in C; the shifted lists differ in length,
    # the shortest ends them); a text of fewer words is one gram
    grams = [" ".join(words)]
    if len(words) >= SHINGLE:
        grams = list(map(" ".join, zip(*(words[k:] for k in range(SHINGLE)), strict=False)))
    hashes = set()
    for gram in grams:
        if gram:
            hasher = BLAKE2B_8.copy()
            hasher.update(gram.encode())
            hashes.add(int.from_bytes(hasher.digest(), "big"))
    return hashes


def minhash(text: str) -> list[int]:
    """One-permutation MinHash: each shingle's hash picks a bin by its low bits, and each bin keeps
    the least of the rest. One pass over the shingles instead of one per permutation."""
    hashes = _shingle_hashes(text)
    if not hashes:
        return []
    sig = [EMPTY] * BINS
    for h in hashes:
        b, v = h % BINS, h // BINS % EMPTY
        if v < sig[b]:
            sig[b] = v
    return sig


def similarity(a: list[int], b: list[int]) -> float:
    """Estimated Jaccard similarity of the two texts' shingle sets (bins empty in both don't count)."""
    if not a or len(a) != len(b):
        return 0.0
    used = [(x, y) for x, y in zip(a, b, strict=True) if x != EMPTY or y != EMPTY]
    return sum(x == y for x, y in used) / len(used) if used else 0.0


class Fingerprinter:
    """Pipeline stage: `doc.fingerprint`, the MinHash of the paragraphs cleaning kept."""

    name = "fingerprint"

    def __call__(self, doc: Document) -> Document:
        kept = "\n".join(doc.text[p.start:p.end] for p in doc.paragraphs if not p.removed)
        doc.fingerprint = minhash(kept)
        return doc
