"""The tagger tries number- and month-first shapes only where a number or a month name begins:
on any text, that finds exactly what scanning the whole text finds."""

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.time.grammar import DIGIT_FIRST, MONTH_FIRST, NUMBER_START, finditer_at, grammar_for

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


@pytest.mark.parametrize("code", ["en", "ro", "ru"])
def test_positions_find_what_scanning_finds_in_the_sample(code: str) -> None:
    for path in sorted(SAMPLE.glob(f"{code}_*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            _same_as_scanning(line, code)


PIECES = ["12", "1945", "7-го", "May", "mai", "мая", "Sept.", "сентября", "of", "anul", "года", "-", "–", "/",
          ".", ",", " ", "(", ")", "'", "30s", "XIX", "lea", "1.5", "a2", "г.", "и", "and"]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["en", "ro", "ru"]), st.lists(st.sampled_from(PIECES), max_size=14))
def test_positions_find_what_scanning_finds_in_made_up_text(code: str, pieces: list[str]) -> None:
    _same_as_scanning(" ".join(pieces).replace(" - ", "-") + "".join(pieces[:3]), code)
