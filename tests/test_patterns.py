import pytest

from dyad.model import Token
from dyad.patterns import PatternError, PatternSet, compile_pattern


def toks(*lemmas: str) -> list[Token]:
    return [Token(i * 10, i * 10 + 5, lem, lem) for i, lem in enumerate(lemmas)]


def test_lemma_sequence_with_gap_matches_discontinuous_phrase():
    p = compile_pattern("declare ... war")
    assert p.match_at(toks("declare", "a", "long", "war"), 0) == 4


def test_gap_is_bounded_to_six_tokens():
    p = compile_pattern("declare ... war")
    assert p.match_at(toks("declare", *["x"] * 7, "war"), 0) is None


def test_prefix_and_alternatives_and_surface_items():
    p = compile_pattern("semn*|sign =fost")
    assert p.match_at([Token(0, 5, "semnat", "semna"), Token(6, 10, "fost", "fi")], 0) == 2
    assert p.match_at([Token(0, 5, "sign", "sign"), Token(6, 10, "was", "be")], 0) is None


def test_pattern_set_finds_longest_match_first():
    ps = PatternSet()
    ps.add(compile_pattern("war", "short"))
    ps.add(compile_pattern("war ... end", "long"))
    found = list(ps.find(toks("war", "and", "end")))
    assert [(i, j, p.payload) for i, j, p in found][0] == (0, 3, "long")


@pytest.mark.parametrize("bad", ["... war", "war ...", "a ... ... b", "x*"])
def test_malformed_patterns_are_refused(bad):
    with pytest.raises(PatternError):
        compile_pattern(bad)


def test_find_is_remembered_per_token_list_and_recomputed_for_another():
    ps = PatternSet()
    ps.add(compile_pattern("peace treaty", "treaty"))
    first = toks("a", "peace", "treaty")
    assert [(i, j) for i, j, _ in ps.find(first)] == [(1, 3)]
    assert [(i, j) for i, j, _ in ps.find(first)] == [(1, 3)]  # the remembered answer
    assert list(ps.find(toks("a", "peace", "talk"))) == []  # an equal-looking list is asked afresh
    ps.add(compile_pattern("peace", "peace"))  # adding a pattern forgets what was found
    assert [(i, j, p.payload) for i, j, p in ps.find(first)] == [(1, 3, "treaty"), (1, 2, "peace")]


def test_end_at_is_the_first_candidate_that_matches():
    ps = PatternSet()
    for source in ("in ... case", "in the event", "in =the", "in* return"):
        ps.add(compile_pattern(source))
    tokens = toks("in", "the", "event", "of", "war", "in", "return")
    for i in range(len(tokens)):
        first = next((end for p in ps.candidates(tokens[i]) if (end := p.match_at(tokens, i)) is not None), None)
        assert ps.end_at(tokens, i) == first
    assert ps.end_at(tokens, 0) == 3 and ps.end_at(tokens, 5) == 7 and ps.end_at(tokens, 4) is None
