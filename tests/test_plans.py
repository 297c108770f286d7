"""A token's plan walks the tries of its gapless patterns only when the next token is a word one of
their second items accepts (as lemma or as lower-case form), or always when one is a prefix."""

from dyad.model import Token
from dyad.patterns import PatternSet, compile_pattern


def _tokens(*pairs: tuple[str, str]) -> list[Token]:
    return [Token(k * 10, k * 10 + len(text), text, lemma) for k, (text, lemma) in enumerate(pairs)]


def test_the_plan_knows_the_second_words_of_its_tries() -> None:
    ps = PatternSet()
    for source in ("treaty of peace", "treaty =between", "treaty", "pact of"):
        ps.add(compile_pattern(source, source))
    treaty = Token(0, 6, "Treaty", "treaty")
    assert ps._plan(treaty).after == {"of", "between"}  # "pact of" starts with another word
    ps.add(compile_pattern("treaty sign*", "prefix"))
    assert ps._plan(treaty).after is None  # a prefix item: any next word may be its start


def test_a_second_word_matched_by_its_form_or_its_lemma_is_walked() -> None:
    ps = PatternSet()
    for source in ("treaty of peace", "treaty =between", "treaty"):
        ps.add(compile_pattern(source, source))
    by_form = _tokens(("treaty", "treaty"), ("Between", "betwixt"))
    assert [p.payload for _, _, p in ps.find(by_form)] == ["treaty =between", "treaty"]
    by_lemma = _tokens(("treaty", "treaty"), ("OF", "of"), ("peace", "peace"))
    assert [(i, j, p.payload) for i, j, p in ps.find(by_lemma)] == [(0, 3, "treaty of peace"), (0, 1, "treaty")]
    other = _tokens(("treaty", "treaty"), ("with", "with"), ("peace", "peace"))
    assert [p.payload for _, _, p in ps.find(other)] == ["treaty"]
    assert [p.payload for _, _, p in ps.find(_tokens(("treaty", "treaty")))] == ["treaty"]  # nothing follows
