"""The tagger tries number- and month-first shapes only where a number (of the shape's length) or a
month name begins, and no shape on a text without a character it needs: on any text, that finds
exactly what scanning the whole text finds."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.time.grammar import (
    DIGIT_FIRST,
    MONTH_FIRST,
    NEEDS_DIGIT,
    NUMBER,
    NUMBER_START,
    SHORT_NUMBER_FIRST,
    WORD,
    YEAR_FIRST,
    finditer_at,
    grammar_for,
)
from dyad.time.tagger import find_times

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "dyad" / "data" / "sample"


def _same_as_scanning(text: str, code: str) -> None:
    g = grammar_for(code)
    numbers = [m.start() for m in NUMBER_START.finditer(text)]
    months = [m.start() for m in g.month_start.finditer(text)]
    for name, rx in g.patterns:
        if name in DIGIT_FIRST or name in MONTH_FIRST:
            positions = numbers if name in DIGIT_FIRST else months
            assert [m.span() for m in finditer_at(rx, text, positions)] == \
                [m.span() for m in rx.finditer(text)], (name, text)
        if name in DIGIT_FIRST:
            length = g.number_lengths[name]
            of_length = [m.start() for m in NUMBER.finditer(text)
                         if (len(m.group()) <= 2 if length == "short" else len(m.group()) == 4)]
            assert [m.span() for m in finditer_at(rx, text, of_length)] == \
                [m.span() for m in rx.finditer(text)], (name, text)
        if name in g.needs and g.needs[name].search(text) is None:
            assert rx.search(text) is None, (name, text)


@pytest.mark.parametrize("code", ["en", "ro", "ru"])
def test_positions_find_what_scanning_finds_in_the_sample(code: str) -> None:
    for path in sorted(SAMPLE.glob(f"{code}_*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            _same_as_scanning(line, code)


def test_every_number_first_shape_has_a_number_length() -> None:
    assert SHORT_NUMBER_FIRST | YEAR_FIRST == DIGIT_FIRST and not SHORT_NUMBER_FIRST & YEAR_FIRST
    for code in ("en", "ro", "ru"):
        assert set(grammar_for(code).number_lengths) == DIGIT_FIRST


def test_numbers_of_other_lengths_are_not_dates() -> None:
    assert [(t.text, t.date.value) for t in find_times("12 May 1945, 123 May 19450 and 1945-05-12", "en")] == \
        [("12 May 1945", "1945-05-12"), ("1945-05-12", "1945-05-12")]
    assert [(t.text, t.date.value) for t in find_times("the 19th century, then the 190th century", "en")] == \
        [("19th century", "18XX")]


def test_shapes_needing_a_character_find_nothing_without_it() -> None:
    assert [(t.text, t.date.value) for t in find_times("from 1941 to 1945, the '30s", "en")] == \
        [("from 1941 to 1945", "1941/1945"), ("'30s", "193X")]
    assert [(t.text, t.date.value) for t in find_times("the 1930s and the ’40s, 7.II.1855, 12/25/1941", "en")] == \
        [("1930s", "193X"), ("’40s", "194X"), ("7.II.1855", "1855-02-07"), ("12/25/1941", "1941-12-25")]
    assert [(t.text, t.date.value) for t in find_times("в XIX веке и в 1941-1945 годах", "ru")] == \
        [("в XIX веке", "18XX"), ("1941-1945 годах", "1941/1945")]
    assert find_times("в Х веке", "ru") == []  # a Cyrillic Х is no roman numeral


def test_words_given_by_the_caller_find_the_same() -> None:
    for path in sorted(SAMPLE.glob("*.txt")):
        code = path.name[:2]
        for line in path.read_text(encoding="utf-8").splitlines():
            words = set(WORD.findall(line.lower()))
            assert find_times(line, code, 1950, words) == find_times(line, code, 1950), line


PIECES = ["12", "1945", "7-го", "May", "mai", "мая", "Sept.", "сентября", "of", "anul", "года", "-", "–", "/",
          ".", ",", " ", "(", ")", "'", "30s", "XIX", "lea", "1.5", "a2", "г.", "и", "and"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["en", "ro", "ru"]), st.lists(st.sampled_from(PIECES), max_size=14))
def test_positions_find_what_scanning_finds_in_made_up_text(code: str, pieces: list[str]) -> None:
    _same_as_scanning(" ".join(pieces).replace(" - ", "-") + "".join(pieces[:3]), code)


def _shapes_asked_one_by_one(code: str, has_number: bool, words: set[str]) -> list[str]:
    g = grammar_for(code)
    return [name for name, _ in g.patterns if (has_number or name not in NEEDS_DIGIT)
            and (name not in g.cues or not g.cues[name].isdisjoint(words))]


@pytest.mark.parametrize("code", ["en", "ro", "ru"])
def test_the_cue_words_of_a_text_pick_the_shapes_its_words_allow(code: str) -> None:
    g = grammar_for(code)
    texts = [line for path in sorted(SAMPLE.glob(f"{code}_*.txt"))
             for line in path.read_text(encoding="utf-8").splitlines()]
    # and every cue set's words alone, and two at once
    cue_sets = list(dict.fromkeys(g.cues.values()))
    word_sets = [set(WORD.findall(t.lower())) for t in texts] + [set(c) for c in cue_sets] + \
        [{min(a), min(b)} for a in cue_sets for b in cue_sets] + [set()]
    for words in word_sets:
        for has_number in (False, True):
            assert [name for name, _ in g.shapes_for(has_number, words)] == \
                _shapes_asked_one_by_one(code, has_number, words), (has_number, sorted(words)[:5])


def test_a_month_word_opens_the_month_shapes_and_a_number_the_digit_shapes() -> None:
    g = grammar_for("en")
    assert [name for name, _ in g.shapes_for(False, {"talks", "began"})] == []
    assert {"month_alone"} <= {name for name, _ in g.shapes_for(False, {"in", "may"})}
    with_both = {name for name, _ in g.shapes_for(True, {"in", "may"})}
    assert {"dmy", "mdy", "my", "year"} <= with_both and "century_number" not in with_both
