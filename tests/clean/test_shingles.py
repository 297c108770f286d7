"""Shingles and fingerprints are built with zip: the same n-grams as slicing at every position."""

import hashlib

from dyad.clean.fingerprint import _shingle_hashes
from dyad.clean.repeats import shingles


def _blake(gram: str) -> int:
    return int.from_bytes(hashlib.blake2b(gram.encode(), digest_size=8).digest(), "big")


def test_repeat_shingles_are_the_lower_case_word_trigrams_at_every_position() -> None:
    assert shingles("Japan and Russia, signed; a treaty") == frozenset({
        ("japan", "and", "russia"), ("and", "russia", "signed"), ("russia", "signed", "a"),
        ("signed", "a", "treaty")})
    assert shingles("Japan, Russia.") == frozenset({("japan", "russia")})  # fewer words: one shingle
    assert shingles("...") == frozenset({()})


def test_fingerprint_hashes_the_five_word_grams_or_a_short_text_whole() -> None:
    assert _shingle_hashes("ONE two three four five six") == {_blake("one two three four five"),
                                                         _blake("two three four five six")}
    assert _shingle_hashes("Japan and Russia") == {_blake("japan and russia")}
    assert _shingle_hashes("— —") == set()
