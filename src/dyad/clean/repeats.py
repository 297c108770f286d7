"""RepeatMarker: paragraphs and sentences that repeat earlier ones, exactly or nearly.

Web pages repeat teasers, quotes and whole paragraphs (the Russian seed repeats sentences
as often as paragraphs). The first occurrence stays; later copies are marked so that an
event is counted once, while every offset still points into the text as given. Near
repeats are found by the Jaccard similarity of word 3-gram shingles.
"""

from __future__ import annotations

import re

from dyad.model import Document

SHINGLE = 3
NEAR_DUPLICATE = 0.7
MIN_CHARS = 25
WORD = re.compile(r"\w+")


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    return _shingles(WORD.findall(text.lower()))


def _shingles(words: list[str]) -> frozenset[tuple[str, ...]]:
    if len(words) < SHINGLE:
        return frozenset({tuple(words)})
    # zip builds the n-grams in C: the same tuples as slicing `words` at every position (the shifted
    # lists differ in length, the shortest ends them)
    return frozenset(zip(*(words[k:] for k in range(SHINGLE)), strict=False))


def jaccard(a: frozenset[tuple[str, ...]], b: frozenset[tuple[str, ...]]) -> float:
    if not (a and b):
        return 0.0
    common = len(a & b)  # the union's size from it: building the union as well was a fifth of this stage
    return common / (len(a) + len(b) - common)


class RepeatMarker:
    """Pipeline stage: later copies of a paragraph are marked `duplicate` or `near-duplicate`."""

    name = "repeats"

    def __call__(self, doc: Document) -> Document:
        exact: set[str] = set()
        kept: list[frozenset[tuple[str, ...]]] = []
        for p in doc.paragraphs:
            if p.removed:
                continue
            text = doc.text[p.start:p.end]
            words = WORD.findall(text.lower())
            key = " ".join(words)
            if len(text) < MIN_CHARS:
                continue
            if key in exact:
                p.removed = "duplicate"
            else:
                sh = _shingles(words)
                if any(jaccard(sh, other) >= NEAR_DUPLICATE for other in kept):
                    p.removed = "near-duplicate"
                else:
                    kept.append(sh)
            exact.add(key)
            if p.removed:
                doc.count(f"removed: {p.removed}")
        return doc


class SentenceRepeatMarker:
    """Pipeline stage: a sentence already said earlier in the document (in a kept paragraph)
    is marked `repeat` and loses its tokens, so later stages skip it."""

    name = "sentence repeats"

    def __call__(self, doc: Document) -> Document:
        seen: set[str] = set()
        for s in doc.sentences:
            if doc.paragraphs[s.paragraph].removed:
                continue
            key = " ".join(WORD.findall(doc.text[s.start:s.end].lower()))
            if len(key) >= MIN_CHARS and key in seen:
                s.repeat = True
                s.tokens = []
                doc.count("removed: repeated sentence")
            seen.add(key)
        return doc
