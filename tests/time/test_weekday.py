"""A weekday beside a day of month ("в среду, 12 сентября") must fit the year it is given."""

from dyad.model import DocumentMeta
from dyad.pipeline import process
from dyad.time.tagger import find_times


def only(text: str, lang: str, anchor_year: int | None = None):
    found = find_times(text, lang, anchor_year=anchor_year)
    assert len(found) == 1, found
    return found[0]


def test_weekday_and_day_take_the_anchor_year_when_it_fits_in_three_languages():
    # 12 September 2018 was a Wednesday
    for lang, text in (("ru", "В среду, 12 сентября, Путин предложил"), ("en", "On Wednesday, 12 September, Putin"),
                       ("ro", "Miercuri, 12 septembrie, Putin a propus"), ("en", "On Wednesday, September 12, Putin")):
        t = only(text, lang, anchor_year=2018)
        assert t.date.value == "2018-09-12", lang
        assert "weekday-year" not in t.flags and "weekday-mismatch" not in t.flags


def test_weekday_that_does_not_fit_the_anchor_year_moves_to_the_nearest_year_it_fits_and_says_so():
    t = only("On Wednesday, 12 September, Putin proposed", "en", anchor_year=2019)  # a Thursday in 2019
    assert t.date.value == "2018-09-12"
    assert "weekday-year" in t.flags


def test_weekday_search_prefers_the_earlier_year():
    # 12 September was a Monday in 2016 and in 2022; from 2019 the earlier, 2016, is three years back
    # and 2022 three ahead: the past wins
    assert only("Monday, 12 September", "en", anchor_year=2019).date.value == "2016-09-12"


def test_weekday_that_contradicts_an_explicit_year_keeps_the_year_and_is_flagged():
    t = only("Luni, 12 septembrie 2018, Putin a propus", "ro")  # 12.09.2018 was a Wednesday
    assert t.date.value == "2018-09-12"
    assert "weekday-mismatch" in t.flags


def test_weekday_and_day_in_the_pipeline_take_the_publication_year():
    doc = process("В среду, 12 сентября, Путин предложил Абэ заключить мирный договор.",
                  DocumentMeta("t", language="ru", published="2018-09-13"))
    assert [t.date.value for t in doc.times] == ["2018-09-12"]
