"""Decades and centuries in digits and in words, with the century given or taken from context."""

import pytest

from dyad.time.tagger import find_times


def values(text: str, lang: str, anchor_year: int | None = None) -> list[str]:
    return [t.date.value for t in find_times(text, lang, anchor_year=anchor_year)]


@pytest.mark.parametrize("lang,text,value", [
    ("en", "In the thirties Japan expanded", "193X"),
    ("en", "in the nineteen-thirties", "193X"),
    ("en", "in the late eighties", "198X"),
    ("ro", "În anii treizeci Japonia s-a extins", "193X"),
    ("ru", "В тридцатые годы Япония расширялась", "193X"),
    ("ru", "в тридцатых годах", "193X"),
    ("ru", "в 1930-е годы", "193X"),
    ("ro", "în anii 30", "193X"),
    ("en", "in the 1930s", "193X"),
])
def test_decades_in_words_and_digits(lang, text, value):
    assert values(text, lang) == [value]


def test_a_decade_in_words_needs_its_context_word():
    assert values("In his thirties he moved to Tokyo", "en") == []


def test_decades_without_a_century_take_the_following_century():
    assert values("în anii 40 și 50 ai secolului al XIX-lea", "ro") == ["184X/185X"]
    assert values("в 30-е годы XIX века", "ru") == ["183X"]
    assert values("in the thirties of the nineteenth century", "en") == ["183X"]


def test_decades_without_a_century_in_a_nineteenth_century_narrative():
    assert values("în anii 30", "ro", anchor_year=1855) == ["183X"]
    assert values("în anii 30", "ro", anchor_year=2022) == ["193X"]


@pytest.mark.parametrize("lang,text,value", [
    ("en", "By the early twentieth century Vladivostok grew", "19XX"),
    ("en", "throughout the eighteenth century", "17XX"),
    ("en", "the late 19th century", "18XX"),
    ("ru", "в начале XX века", "19XX"),
    ("ru", "в двадцатом веке", "19XX"),
    ("ru", "в начале двадцать первого века", "20XX"),
    ("ru", "в середине XIX века", "18XX"),
    ("ro", "secolul al XIX-lea", "18XX"),
    ("ro", "la începutul secolului 20", "19XX"),
    ("ro", "în secolul al douăzecilea", "19XX"),
])
def test_centuries_in_numerals_and_words(lang, text, value):
    assert values(text, lang) == [value]


def test_a_regnal_number_is_no_century():
    assert values("Petru I a ordonat", "ro") == []
