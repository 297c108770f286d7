"""The NER gate's token overlap: bisection over tokens in text order equals testing every pair."""

from __future__ import annotations

import random

from dyad.actors.ner import _overlapping
from dyad.model import Token


def _brute(tokens: list[Token], spans: list[tuple[int, int]]) -> frozenset[int]:
    return frozenset(k for k, t in enumerate(tokens) if any(t.start < e and s < t.end for s, e in spans))


def test_bisection_equals_the_pairwise_test_on_random_tokens_and_spans():
    rng = random.Random(5)
    for _ in range(300):
        tokens, pos = [], 0
        for _ in range(rng.randrange(0, 25)):
            pos += rng.randrange(0, 3)  # spaces between tokens, or none
            length = rng.randrange(0, 6)  # a zero-length token too
            tokens.append(Token(pos, pos + length, "x" * length, "x"))
            pos += length
        spans = [(a, a + rng.randrange(0, 8)) for a in (rng.randrange(0, pos + 3) for _ in range(rng.randrange(0, 5)))]
        assert _overlapping(tokens, spans) == _brute(tokens, spans)


def test_tokens_out_of_order_are_tested_pairwise():
    tokens = [Token(10, 14, "Abcd", "abcd"), Token(0, 3, "Efg", "efg"), Token(5, 8, "Hij", "hij")]
    assert _overlapping(tokens, [(1, 2), (12, 20)]) == _brute(tokens, [(1, 2), (12, 20)]) == frozenset({0, 1})
