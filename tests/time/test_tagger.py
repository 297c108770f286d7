import pytest

from dyad.time.tagger import find_times, julian_to_gregorian


@pytest.mark.parametrize("lang,text,value,precision", [
    ("ro", "La 7 februarie 1855 a fost semnat", "1855-02-07", "day"),
    ("ru", "7 февраля 1855 г. был подписан", "1855-02-07", "day"),
    ("en", "On February 7, 1855 they signed", "1855-02-07", "day"),
    ("en", "On the 7th of February 1855 they signed", "1855-02-07", "day"),
    ("en", "dated 07.02.1855 in Shimoda", "1855-02-07", "day"),
    ("en", "dated 1855-02-07 in Shimoda", "1855-02-07", "day"),
    ("ro", "în noiembrie 1994 părțile", "1994-11", "month"),
    ("ru", "в мае 1945 года", "1945-05", "month"),
    ("ru", "в 1904 году", "1904", "year"),
    ("ro", "în 1904 Japonia", "1904", "year"),
    ("en", "the war of 1904-1905", "1904/1905", "year"),
    ("en", "in the 1930s", "193X", "decade"),
])
def test_absolute_dates_in_three_languages(lang, text, value, precision):
    found = find_times(text, lang)
    assert [(t.date.value, t.date.precision) for t in found] == [(value, precision)]


def test_julian_date_is_converted_and_flagged():
    found = find_times("27 ianuarie (stil vechi) 1904 a avut loc atacul", "ro")
    assert found[0].date.value == "1904-02-09"
    assert found[0].date.julian


def test_double_dated_russian_takes_new_style():
    assert find_times("26 января (7 февраля) 1855 года", "ru")[0].date.value == "1855-02-07"


def test_julian_shift_by_century():
    assert julian_to_gregorian(1855, 1, 26).value == "1855-02-07"
    assert julian_to_gregorian(1904, 1, 27).value == "1904-02-09"


def test_day_and_month_take_the_anchor_year():
    found = find_times("В среду, 12 сентября, Путин предложил", "ru", anchor_year=2018)
    assert found[0].date.value == "2018-09-12"


def test_amounts_and_numbers_are_not_dates():
    assert find_times("1.754 de agenți și 3,5 milioane", "ro") == []
    assert find_times("2000 de soldați", "ro") == []


def test_offsets_cover_the_expression():
    text = "Semnat la 7 februarie 1855."
    t = find_times(text, "ro")[0]
    assert text[t.start:t.end] == "7 februarie 1855"
