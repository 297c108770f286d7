"""The start index (`dyad.starts`) lets a pattern set skip tokens no first item accepts: what the
set finds must be what it found by asking every token, on generated lexicons and sentences."""

import random

import pytest

from dyad.model import Token
from dyad.patterns import Pattern, PatternSet, compile_pattern

WORDS = ["pace", "tratat", "treaty", "of", "the", "war", "peace", "sign", "signed", "semn", "semnat", "и", "договор"]
LONG = [w for w in WORDS if len(w) >= 3]  # a prefix item needs three letters or more


def _item(rng: random.Random) -> str:
    alts = []
    for _ in range(rng.choice([1, 1, 2])):
        word, kind = rng.choice(WORDS), rng.random()
        alts.append(f"={word}" if kind < 0.2 else f"{rng.choice(LONG)[:3]}*" if kind < 0.35 else word)
    return "|".join(alts)


def _lexicon(rng: random.Random) -> PatternSet:
    ps = PatternSet()
    for n in range(rng.randint(1, 12)):
        parts = [_item(rng)]
        for _ in range(rng.choice([0, 0, 1, 2])):
            if rng.random() < 0.3:
                parts.append("...")
            parts.append(_item(rng))
        ps.add(compile_pattern(" ".join(parts), n))
    return ps


def _sentence(rng: random.Random) -> list[Token]:
    tokens = []
    for k in range(rng.randint(0, 14)):
        text = rng.choice(WORDS + ["Treaty", "Pace", "x"])
        lemma = rng.choice([text.lower(), text.lower(), rng.choice(WORDS)])  # a lemma may differ from its form
        tokens.append(Token(k * 8, k * 8 + len(text), text, lemma))
    return tokens


def _every_token_find(ps: PatternSet, tokens: list[Token]) -> list[tuple[int, int, Pattern]]:
    """What `find` answered before the index: every token's candidates, longest first at each start."""
    out = []
    for i, tok in enumerate(tokens):
        found = [(i, end, p) for p in ps.candidates(tok) if (end := p.match_at(tokens, i)) is not None]
        out += sorted(found, key=lambda m: -(m[1] - m[0]))
    return out


def _every_token_end(ps: PatternSet, tokens: list[Token], i: int) -> int | None:
    return next((end for p in ps.candidates(tokens[i]) if (end := p.match_at(tokens, i)) is not None), None)


@pytest.mark.parametrize("seed", range(40))
def test_indexed_sets_find_what_asking_every_token_found(seed: int) -> None:
    rng = random.Random(seed)
    sets = [_lexicon(rng) for _ in range(4)]  # several sets share the index and its sentences
    for _ in range(15):
        tokens = _sentence(rng)
        for ps in sets:
            assert list(ps.find(tokens)) == _every_token_find(ps, tokens)
            assert [ps.end_at(tokens, i) for i in range(len(tokens))] == \
                [_every_token_end(ps, tokens, i) for i in range(len(tokens))]
            for lo in range(len(tokens) + 1):
                for hi in range(lo, len(tokens) + 2):
                    ends = [_every_token_end(ps, tokens, k) for k in range(lo, min(hi, len(tokens)))]
                    assert ps.starts_in(tokens, lo, hi) == any(e is not None for e in ends)
                    window = [(i + lo, j + lo, p) for i, j, p in _every_token_find(ps, tokens[lo:hi])]
                    assert ps.find_within(tokens, lo, hi) == window


def test_a_pattern_added_later_is_found_in_a_sentence_already_indexed() -> None:
    tokens = [Token(0, 5, "Peace", "peace"), Token(6, 12, "treaty", "treaty")]
    first, later = PatternSet(), PatternSet()
    first.add(compile_pattern("peace"))
    assert [(i, j) for i, j, _ in first.find(tokens)] == [(0, 1)]
    assert later.end_at(tokens, 1) is None and first.end_at(tokens, 0) == 1
    later.add(compile_pattern("treaty", "t"))
    assert later.end_at(tokens, 1) == 2 and later.starts_in(tokens, 0, 2)
    assert first.end_at(tokens, 0) == 1 and first.end_at(tokens, 1) is None  # the other set is unchanged
    assert [(i, j, p.payload) for i, j, p in later.find(tokens)] == [(1, 2, "t")]


def test_a_window_of_a_set_with_gaps_is_searched_in_the_window_alone() -> None:
    ps = PatternSet()
    ps.add(compile_pattern("treaty ... peace", "gap"))
    tokens = [Token(k, k + 1, w, w) for k, w in enumerate(["treaty", "of", "peace", "peace"])]
    assert [(i, j) for i, j, _ in ps.find_within(tokens, 0, 3)] == [(0, 3)]
    assert ps.find_within(tokens, 0, 2) == []  # the window ends before "peace"
