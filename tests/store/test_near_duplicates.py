"""Near-duplicate links: the store's banded lookup against a brute-force reference."""

from __future__ import annotations

import random

import pytest

from dyad.clean.fingerprint import EMPTY, similarity
from dyad.store.db import BANDS, NEAR_DUPLICATE, ROWS_PER_BAND, PreparedDocument, Store, lookup_bands, min_shared_bands


def _document(doc_id: str, fingerprint: list[int]) -> PreparedDocument:
    row = (doc_id, "synthetic", doc_id, None, None, None, ["en"], True, 1, "x", "{}")
    return PreparedDocument(id=doc_id, row=row, fingerprint=fingerprint, bands=lookup_bands(fingerprint), removed=[],
                            events=[], languages=["en"], stats={}, supported=True)


def _fingerprints(seed: int) -> list[list[int]]:
    """Families of fingerprints around a few bases: copies with k changed bins, the changes spread
    one per band (so a copy at similarity 52/64 shares only 4 bands) or bunched in a few bands, and
    short texts whose last bands are empty. Shuffled, so originals do not always come first."""
    rng = random.Random(seed)
    out = []
    for _ in range(6):
        base = [rng.randrange(1, EMPTY) for _ in range(BANDS * ROWS_PER_BAND)]
        empty_bands = rng.choice([0, 0, 3, 9, 13])
        for b in range(BANDS - empty_bands, BANDS):
            base[b * ROWS_PER_BAND:(b + 1) * ROWS_PER_BAND] = [EMPTY] * ROWS_PER_BAND
        out.append(base)
        for k in (1, 3, 8, 11, 12, 13, 14, 20, 40):
            copy = list(base)
            spread = rng.random() < 0.6
            bins = ([b * ROWS_PER_BAND + rng.randrange(ROWS_PER_BAND) for b in rng.sample(range(BANDS), min(k, BANDS))]
                    if spread else rng.sample(range(BANDS * ROWS_PER_BAND), k))
            for i in bins:
                copy[i] = rng.randrange(1, EMPTY)
            out.append(copy)
    rng.shuffle(out)
    return out


def _reference(fingerprints: list[list[int]]) -> list[str | None]:
    """What the store must answer: the earliest earlier document that shares a looked-up band and is
    at least NEAR_DUPLICATE similar, or that document's original."""
    originals: list[str | None] = []
    for i, fp in enumerate(fingerprints):
        keys = set(lookup_bands(fp))
        original = None
        for j in range(i):
            if keys & set(lookup_bands(fingerprints[j])) and similarity(fp, fingerprints[j]) >= NEAR_DUPLICATE:
                original = originals[j] or f"d{j:03d}"
                break
        originals.append(original)
    return originals


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_links_equal_a_brute_force_search_across_batch_boundaries(tmp_path, seed):
    fingerprints = _fingerprints(seed)
    expected = _reference(fingerprints)
    with Store(tmp_path / "s.duckdb") as store:
        docs = [_document(f"d{i:03d}", fp) for i, fp in enumerate(fingerprints)]
        for start in range(0, len(docs), 7):  # batches of 7: stored and same-batch candidates both occur
            store.add_prepared(docs[start:start + 7])
        got = dict(store.con.execute("SELECT id, duplicate_of FROM documents").fetchall())
    assert [got[f"d{i:03d}"] for i in range(len(fingerprints))] == expected
    assert sum(x is not None for x in expected) >= 10  # the case is not vacuous


def test_a_near_duplicate_can_share_as_few_bands_as_the_bound_allows():
    """12 changed bins, one in each of 12 bands: similarity 52/64 with 4 shared bands, the bound."""
    rng = random.Random(0)
    base = [rng.randrange(1, EMPTY) for _ in range(BANDS * ROWS_PER_BAND)]
    copy = list(base)
    for b in range(12):
        copy[b * ROWS_PER_BAND] = rng.randrange(1, EMPTY)
    shared = len(set(lookup_bands(base)) & set(lookup_bands(copy)))
    assert similarity(base, copy) >= NEAR_DUPLICATE
    assert shared == min_shared_bands(len(lookup_bands(copy))) == 4
