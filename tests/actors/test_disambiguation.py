"""Names that stand for different actors by context and date: Georgia, Korea, Congo, Macedonia;
and "Russia" as the polity of its date."""

import pytest

from dyad.data import polity_at
from dyad.model import DocumentMeta
from dyad.pipeline import process


def actors(text: str, lang: str) -> list[tuple[str, str, str | None]]:
    doc = process(text, DocumentMeta("t.txt", language=lang))
    return [(a.text, a.actor.code, a.actor.polity) for a in doc.actors]


def code_of(text: str, lang: str, name: str) -> str | None:
    return next((code for t, code, _ in actors(text, lang) if t == name), None)


@pytest.mark.parametrize("lang,text,name,code", [
    ("en", "In 2008 Russia attacked Georgia.", "Georgia", "GEO"),
    ("en", "The governor of Georgia met the Japanese ambassador in Atlanta in 2015.", "Georgia", "USA"),
    ("ro", "În 2008 Rusia a atacat Georgia.", "Georgia", "GEO"),
    ("ro", "În 2015 guvernatorul statului Georgia a vizitat Japonia.", "Georgia", "USA"),
    ("ru", "В 2008 году Россия напала на Грузию.", "Грузию", "GEO"),
    ("ru", "В 2015 году губернатор штата Джорджия посетил Японию.", "Джорджия", "USA"),
])
def test_georgia_is_the_country_unless_the_context_speaks_of_the_us_state(lang, text, name, code):
    assert code_of(text, lang, name) == code


def test_georgia_reads_its_paragraph_and_the_document():
    paragraph = "Delta Air Lines is based in Atlanta. In 2016 Georgia signed a memorandum with Japan."
    assert code_of(paragraph, "en", "Georgia") == "USA"
    caucasus = "Tbilisi protested.\n\nIn 2008 Georgia broke off relations with Russia."
    assert code_of(caucasus, "en", "Georgia") == "GEO"


@pytest.mark.parametrize("lang,text,name,code,polity", [
    ("en", "In 1905 Japan occupied Korea.", "Korea", "KOR", "Korean Empire"),
    ("en", "In 1965 Japan signed a treaty with Korea.", "Korea", "KOR", None),
    ("en", "In 2017 Korea fired missiles from near Pyongyang over Japan.", "Korea", "PRK", None),
    ("ro", "În 1910 Japonia a anexat Coreea.", "Coreea", "KOR", None),
    ("ru", "В 2018 году Корея подписала соглашение с Японией.", "Корея", "KOR", None),
    ("ru", "В 2017 году Корея провела ядерное испытание, заявили в Пхеньяне.", "Корея", "PRK", None),
])
def test_korea_is_one_state_before_1948_and_the_south_unless_the_north_is_meant(lang, text, name, code, polity):
    found = [(c, p) for t, c, p in actors(text, lang) if t == name]
    assert found[0][0] == code
    if polity:
        assert polity_at(code, "1905-01-01") == polity


@pytest.mark.parametrize("lang,text,name,code", [
    ("en", "In 1960 Belgium sent troops to Congo.", "Congo", "COD"),
    ("en", "In 1980 Congo signed a friendship treaty with the Soviet Union.", "Congo", "COG"),  # COD was Zaire
    ("en", "In 2009 Congo and France signed an agreement in Brazzaville.", "Congo", "COG"),
    ("ro", "În 2001 Congo a semnat un acord cu Uganda la Kinshasa.", "Congo", "COD"),
    ("ru", "В 1961 году Конго разорвало отношения с Бельгией, сообщили из Леопольдвиля.", "Конго", "COD"),
])
def test_congo_by_capital_and_by_the_years_the_other_was_zaire(lang, text, name, code):
    assert code_of(text, lang, name) == code


@pytest.mark.parametrize("lang,text,name,code", [
    ("en", "In 1995 Greece imposed an embargo on Macedonia.", "Macedonia", "MKD"),
    ("en", "In 1970 Macedonia hosted a delegation from Bulgaria.", "Macedonia", "YUG"),
    ("en", "In 2007 Turkey opened a consulate in Thessaloniki, the capital of Greek Macedonia.", "Macedonia", "GRC"),
    ("ru", "В 1994 году Греция ввела эмбарго против Македонии.", "Македонии", "MKD"),
])
def test_macedonia_by_date_and_context(lang, text, name, code):
    assert code_of(text, lang, name) == code


def test_macedonia_before_any_state_of_that_name_names_no_actor():
    assert code_of("In 1903 Macedonia rose against the Ottoman Empire.", "en", "Macedonia") is None


@pytest.mark.parametrize("text,year,polity", [
    ("In 1916 Russia signed a treaty with Japan.", 1916, "Russian Empire"),
    ("In 1936 Russia signed a treaty with Japan.", 1936, "USSR"),
    ("In 1996 Russia signed a treaty with Japan.", 1996, "Russian Federation"),
])
def test_russia_acts_as_the_polity_of_the_events_date(text, year, polity):
    doc = process(text, DocumentMeta("t.txt", language="en"))
    rus = [side for e in doc.events for side in (e.source, e.target) if side and side.code == "RUS"]
    assert rus and {r.polity for r in rus} == {polity}
