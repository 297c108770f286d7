"""Offices named beside a country resolve, through dated roles, to the person who held them."""

import pytest

from dyad.data import holder_of
from dyad.model import DocumentMeta
from dyad.pipeline import process


def first_source(text: str, lang: str):
    doc = process(text, DocumentMeta("t.txt", language=lang))
    return doc.events[0].source


@pytest.mark.parametrize("lang,text,person", [
    ("ru", "В 2022 году премьер-министр Японии заявил о санкциях против России.", "Fumio Kishida"),
    ("ro", "În 2001, președintele rus a vizitat Japonia.", "Vladimir Putin"),
    ("en", "In 2016 the Japanese prime minister visited Russia.", "Shinzo Abe"),
])
def test_title_beside_a_country_names_the_office_holder_at_the_event_date(lang, text, person):
    source = first_source(text, lang)
    assert (source.person, source.sector) == (person, "GOV")


def test_a_named_person_takes_the_country_and_sector_of_the_role_held_then():
    source = first_source("In 2010 Vladimir Putin visited Japan.", "en")
    assert (source.code, source.person, source.polity) == ("RUS", "Vladimir Putin", "Russian Federation")


def test_acting_office_counts_as_the_office():
    assert holder_of("RUS", "President", "2000-01-01").id == "Vladimir Putin"
    assert holder_of("RUS", "President", "2009-01-01").id == "Dmitry Medvedev"
