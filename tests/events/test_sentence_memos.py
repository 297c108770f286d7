"""Shortcuts of the event stage (round 10 of issue 9) answer what the long way answered: a gap
set's windowed search without a slice, the clause's stops found once per sentence, the count of
words between two actors stopped at the fourth, and the last-call memo."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

import pytest

from dyad.data import LanguageData, load_language
from dyad.events import memo
from dyad.events.dating import _clause
from dyad.events.grammar import PUNCT_BREAK, clause_bounds, clause_stops, few_words, in_office, matches_at
from dyad.model import Document, DocumentMeta, Token
from dyad.patterns import Pattern, PatternSet, compile_pattern
from dyad.pipeline import process

from ..conftest import SAMPLE


@cache
def _sample_documents() -> tuple[Document, ...]:
    """The bundled sample texts, processed: a few hundred real sentences in three languages."""
    paths = sorted(SAMPLE.glob("*.txt"))
    return tuple(process(p.read_text(encoding="utf-8"), DocumentMeta(str(p))) for p in paths)


def _sentences() -> list[tuple[LanguageData, Sequence[Token]]]:
    return [(load_language(s.language), s.tokens) for d in _sample_documents() for s in d.sentences
            if s.tokens and load_language(s.language).triggers.patterns]


def _sliced(ps: PatternSet, tokens: Sequence[Token], lo: int, hi: int) -> list[tuple[int, int, Pattern]]:
    """What `find_within` answered before: a search of the slice, positions shifted back."""
    return [(i + lo, j + lo, p) for i, j, p in ps.find(list(tokens[lo:hi]))]


def _subordinate_edges(data: LanguageData, tokens: Sequence[Token]) -> set[int]:
    """Where a subordinator ("când", "when", "когда") opens a clause, and the comma that closes it."""
    edges: set[int] = set()
    brk = data.roles["clause_break"]
    for k in range(len(tokens)):
        if matches_at(data.roles["subordinators"], tokens, k) is None:
            continue
        for m in range(k + 1, len(tokens)):
            if tokens[m].text == ",":
                edges.update((k, m))
            if tokens[m].text in PUNCT_BREAK or tokens[m].text == "," or matches_at(brk, tokens, m) is not None \
                    or m in edges:
                break
    return edges


def _walked_bounds(data: LanguageData, tokens: Sequence[Token], i: int, j: int) -> tuple[int, int]:
    """`clause_bounds` as it walked token by token before the stops were found once."""
    brk = data.roles["clause_break"]
    edges = _subordinate_edges(data, tokens)

    def stops(k: int) -> bool:
        return tokens[k].text in PUNCT_BREAK or matches_at(brk, tokens, k) is not None or k in edges

    lo = i
    while lo > 0 and not stops(lo - 1):
        lo -= 1
    hi = j
    while hi < len(tokens) and not stops(hi):
        hi += 1
    return lo, hi


def test_sample_sentences_are_enough_to_test_on() -> None:
    sentences = _sentences()
    assert len(sentences) > 200
    assert {d.code for d, _ in sentences} == {"en", "ro", "ru"}


@pytest.mark.parametrize("key", ["conditional", "triggers"])
def test_gap_sets_find_in_every_clause_window_what_the_slice_held(key: str) -> None:
    windows = found = 0
    for data, tokens in _sentences():
        ps = data.triggers if key == "triggers" else data.modality[key]
        assert ps._gapped  # both sets have gap patterns: the path under test
        n = len(tokens)
        for lo in range(0, n, 3):
            for hi in (lo, lo + 1, lo + 4, lo + 9, n, n + 2):
                got = ps.find_within(tokens, lo, hi)
                assert got == _sliced(ps, tokens, lo, hi)
                windows, found = windows + 1, found + len(got)
    assert windows > 5_000 and found > 100


def test_a_gap_match_running_past_the_window_is_searched_again_inside_it() -> None:
    ps = PatternSet()
    ps.add(compile_pattern("d ... c"))
    tokens = [Token(k * 2, k * 2 + 1, w, w) for k, w in enumerate(["a", "d", "c", "b", "d", "a", "x", "b", "a", "c"])]
    assert [(i, j) for i, j, _ in ps.find(tokens)] == [(1, 3), (4, 10)]
    # the match from 4 runs past the window's end at 5: the window is searched as a slice
    assert [(i, j) for i, j, _ in ps.find_within(tokens, 0, 5)] == [(1, 3)]
    assert ps.find_within(tokens, 0, 5) == _sliced(ps, tokens, 0, 5)
    assert ps.find_within(tokens, 4, 9) == _sliced(ps, tokens, 4, 9) == []
    assert [(i, j) for i, j, _ in ps.find_within(tokens, 2, 10)] == [(4, 10)]


def test_clause_bounds_from_the_sentence_stops_are_the_walked_bounds() -> None:
    asked = 0
    for data, tokens in _sentences():
        n = len(tokens)
        for i in range(n):
            for j in (i, i + 1, min(i + 3, n)):
                assert clause_bounds(data, tokens, i, j) == _walked_bounds(data, tokens, i, j)
                asked += 1
        stops = clause_stops(data, tokens)
        assert stops == sorted(stops)
    assert asked > 5_000


def test_a_dash_inside_a_date_stops_no_clause_of_the_dating_rules() -> None:
    doc = process("In February — March 2014 Russia annexed Crimea; Ukraine protested.", DocumentMeta("t.txt"))
    tokens = doc.sentences[0].tokens
    start = next(t.start for t in tokens if t.text == "annexed")
    assert doc.text[slice(*_clause(doc, 0, start))] == "In February — March 2014 Russia annexed Crimea"


def test_the_dating_clause_is_the_walked_clause_on_the_sample() -> None:
    for doc in _sample_documents():
        for si, sent in enumerate(doc.sentences):
            if not sent.tokens or not load_language(sent.language).triggers.patterns:
                continue
            data, tokens = load_language(sent.language), sent.tokens
            dates = [(t.start, t.end) for t in doc.times if t.sentence == si]

            def breaks(i: int, tokens: Sequence[Token] = tokens, data: LanguageData = data,
                       dates: list[tuple[int, int]] = dates) -> bool:
                tok = tokens[i]
                if any(a <= tok.start and tok.end <= b for a, b in dates):
                    return False
                return tok.text in PUNCT_BREAK or matches_at(data.roles["clause_break"], tokens, i) is not None \
                    or i in _subordinate_edges(data, tokens)

            for k, tok in enumerate(tokens):
                lo = k
                while lo > 0 and not breaks(lo - 1):
                    lo -= 1
                hi = k + 1
                while hi < len(tokens) and not breaks(hi):
                    hi += 1
                assert _clause(doc, si, tok.start) == (tokens[lo].start, tokens[hi - 1].end)


def test_few_words_stops_counting_with_the_same_answer() -> None:
    gaps = 0
    for data, tokens in _sentences():
        def bridge(k: int, tokens: Sequence[Token] = tokens) -> bool:
            return k > 0 and tokens[k].text[:1].isupper() and tokens[k].text.isalpha()

        n = len(tokens)
        for a in range(n):
            for b in range(a, min(n, a + 12)):
                gap = range(a, b)
                words = [k for k in gap if not bridge(k) and not in_office(data, tokens, k)]
                assert few_words(data, tokens, gap, bridge) == (len(words) <= 3)
                gaps += 1
    assert gaps > 10_000


def test_last_call_answers_again_only_for_the_very_same_arguments() -> None:
    calls: list[tuple[object, ...]] = []

    @memo.last_call
    def length(xs: list[int], ys: list[int]) -> int:
        calls.append((xs, ys))
        return len(xs) + len(ys)

    xs, ys = [1, 2], [3]
    assert length(xs, ys) == 3 and length(xs, ys) == 3
    assert len(calls) == 1  # the same objects: answered from the memo
    assert length([1, 2], ys) == 3 and len(calls) == 2  # equal but another list: computed again
    assert length(ys, xs) == 3 and len(calls) == 3  # other order
    assert length(ys, xs) == 3 and len(calls) == 3
    with pytest.raises(TypeError):
        length(xs, ys=ys)
