"""Near-duplicate (syndicated copy) lookup: MinHash fingerprints, LSH band keys, and the query
that finds, for a batch of new documents, the earliest stored or earlier-in-batch document each
nearly copies. The store calls `near_duplicates_of` inside the transaction that writes the batch."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import duckdb

from dyad.clean.fingerprint import EMPTY, similarity

BANDS, ROWS_PER_BAND = 16, 4  # LSH over the 64-value MinHash: candidates share one band
NEAR_DUPLICATE = 0.8


def bands(fingerprint: Sequence[int]) -> list[tuple[int, int]]:
    if len(fingerprint) < BANDS * ROWS_PER_BAND:
        return []
    out = []
    for b in range(BANDS):
        chunk = ",".join(map(str, fingerprint[b * ROWS_PER_BAND:(b + 1) * ROWS_PER_BAND]))
        out.append((b, int.from_bytes(hashlib.blake2b(chunk.encode(), digest_size=8).digest(), "big")))
    return out


# A band whose bins are all empty (a short text's MinHash leaves most bins empty) is shared by
# every short document, so it would make each of them a candidate of all the others. It is
# neither stored nor looked up, and that loses no near-duplicate: two documents that share no
# other band differ in at least one used bin of each band with a used bin (at most four), so
# their similarity is at most 3/4, below NEAR_DUPLICATE.
EMPTY_BAND = bands([EMPTY] * BANDS * ROWS_PER_BAND)[0][1]


def lookup_bands(fingerprint: Sequence[int]) -> list[tuple[int, int]]:
    """The (band, hash) keys under which a fingerprint is stored and its near-duplicates are found."""
    return [key for key in bands(fingerprint) if key[1] != EMPTY_BAND]


def min_shared_bands(n_keys: int) -> int:
    """The fewest looked-up bands a near-duplicate shares with a fingerprint that has `n_keys` of them.

    Of two fingerprints at similarity >= NEAR_DUPLICATE (0.8), say s bands are equal and not
    empty, e are empty in both, and d = 16 - s - e differ. Each differing band holds at least one
    differing bin, and at most the 4(s + d) bins outside the both-empty bands count, so
    d <= 0.2 * 4(s + d): d <= 4s, and s >= (s + d) / 5 >= n_keys / 5 (e is at most the 16 - n_keys
    bands empty in the one fingerprint). A band hash shared by chance only adds to s, so a
    document sharing fewer looked-up bands is no near-duplicate: skipping it changes no answer."""
    assert NEAR_DUPLICATE == 0.8 and ROWS_PER_BAND == 4  # the bound's arithmetic
    return -(-n_keys // 5)


def near_duplicates_of(con: duckdb.DuckDBPyConnection, docs: Sequence[tuple[str, Sequence[int] | None]],
                        keys: Sequence[Sequence[tuple[int, int]]]) -> list[str | None]:
    """For each (id, fingerprint) of a batch in order, the earliest document it nearly copies
    (that document's original, if it is a copy itself): a stored one, else one earlier in the batch.
    `keys` are each fingerprint's `lookup_bands`.

    A candidate is a document that shares a band with it, but one that shares fewer than
    `min_shared_bands` cannot be a near-duplicate (see there), so the store is asked, in one
    query for the batch, only for the stored documents that share enough bands with a document
    of the batch: in a corpus whose documents share much text the candidates sharing one or two
    bands grew with the store, and fetching and comparing their fingerprints made a batch's
    cost grow with the store's size."""
    stored: dict[str, tuple[int, list[int], str | None]] = {}  # id -> (ingested µs, fingerprint, original)
    older: list[list[str]] = [[] for _ in docs]  # position in batch -> stored candidates
    lookups = [(i, band, hash_, min_shared_bands(len(ks))) for i, ks in enumerate(keys) for band, hash_ in ks]
    if lookups:
        for i, doc_id, at, fingerprint, duplicate_of in con.execute(
                "WITH k AS (SELECT unnest(?::INTEGER[]) AS i, unnest(?::INTEGER[]) AS band, "
                "unnest(?::UBIGINT[]) AS hash, unnest(?::INTEGER[]) AS need), "
                "c AS (SELECT k.i, b.doc_id FROM k JOIN doc_bands b ON b.band = k.band AND b.hash = k.hash "
                "GROUP BY k.i, b.doc_id, k.need HAVING count(DISTINCT b.band) >= k.need) "
                "SELECT c.i, d.id, epoch_us(d.ingested_at), d.fingerprint, d.duplicate_of "
                "FROM c JOIN documents d ON d.id = c.doc_id",
                [[x[0] for x in lookups], [x[1] for x in lookups], [x[2] for x in lookups],
                 [x[3] for x in lookups]]).fetchall():
            older[i].append(doc_id)
            stored[doc_id] = (at, fingerprint or [], duplicate_of)
    earlier: dict[tuple[int, int], list[int]] = {}  # key -> positions in this batch
    originals: list[str | None] = []
    for i, ((_, fp), ks) in enumerate(zip(docs, keys, strict=True)):
        candidates = [(doc_id, stored[doc_id][1], stored[doc_id][2])
                      for doc_id in sorted(older[i], key=lambda doc_id: (stored[doc_id][0], doc_id))]
        # the batch's documents come after every stored one, and in batch order among themselves
        for j in sorted({j for key in ks for j in earlier.get(key, ())}):
            candidates.append((docs[j][0], list(docs[j][1] or []), originals[j]))
        mine = list(fp or [])
        originals.append(next((original or doc_id for doc_id, other, original in candidates
                               if similarity(mine, other) >= NEAR_DUPLICATE), None))
        for key in ks:
            earlier.setdefault(key, []).append(i)
    return originals
