"""Which time mention dates an event (events/dating.py): its clause's, not a noun's after it."""

import pytest

from dyad.model import DocumentMeta
from dyad.pipeline import process


def dates(text: str, lang: str) -> dict[str, str | None]:
    doc = process(text, DocumentMeta("t", language=lang))
    return {e.kind: e.date.value if e.date else None for e in doc.events}


def test_a_clause_takes_its_own_date_over_an_earlier_clauses():
    got = dates("In 1904 Japan attacked Russia; Russia signed a peace treaty with Japan in 1905.", "en")
    assert got == {"ATTACK": "1904", "SIGN_AGREEMENT": "1905"}


@pytest.mark.parametrize("lang,text", [
    ("en", "In 1960 Japan signed a security treaty with the United States. "
           "In response the Soviet Union annulled the obligations of the 1956 declaration with Japan."),
    ("ro", "În 1960 Japonia a semnat un tratat cu SUA. "
           "Ca răspuns, URSS a anulat obligațiile asumate față de Japonia prin declarația din 1956."),
])
def test_a_nouns_date_after_the_trigger_does_not_date_the_act(lang, text):
    assert dates(text, lang)["TERMINATE_AGREEMENT"] == "1960"


def test_a_nouns_date_before_the_trigger_frames_the_clause():
    got = dates("Under the Treaty of Saint Petersburg of 1875, Russia ceded the Kuril Islands to Japan.", "en")
    assert got["CEDE_TERRITORY"] == "1875"


def test_a_treatys_date_dates_the_paragraph_that_has_no_other():
    got = dates("The Soviet Union did not sign the San Francisco Peace Treaty of 8 September 1951. "
                "Japan signed it with the United States.", "en")
    assert got["SIGN_AGREEMENT"] == "1951-09-08"


def test_the_dash_of_a_month_range_opens_no_clause():
    doc = process("В феврале — марте 2014 года Россия установила контроль над Крымом, и 18 марта 2014 года "
                  "Россия объявила о присоединении полуострова.", DocumentMeta("t", language="ru"))
    got = [e.date.value if e.date else None for e in doc.events if e.kind == "OCCUPY"]
    assert got == ["2014-02/2014-03", "2014-03-18"]  # the control taken, then the annexation declared


def test_a_reference_year_dates_no_event():
    got = dates("Japan attacked Russia (Ivanov, 2005, p. 12).", "en")
    assert "ATTACK" in got and got["ATTACK"] is None


def test_a_nouns_date_inside_an_earlier_acts_object_frames_no_later_act():
    got = dates("În 1960 Japonia a semnat un tratat cu SUA. Ca răspuns, URSS a anulat obligațiile asumate prin "
                "declarația din 1956 și a stipulat transferul insulelor Habomai și Shikotan către Japonia.", "ro")
    assert got["TERMINATE_AGREEMENT"] == "1960"
    assert got["CEDE_TERRITORY"] == "1960"


@pytest.mark.parametrize("lang,text", [
    ("ru", "С 1936 года до начала боевых действий у озера Хасан в июле 1938 года японские силы совершили "
           "231 нарушение границы СССР."),
    ("ro", "Din 1936 până la începutul luptelor de la lacul Hasan în iulie 1938, trupele japoneze au încălcat "
           "frontiera URSS de 231 de ori."),
])
def test_an_act_told_after_a_span_with_words_between_its_dates_lasts_the_span(lang, text):
    doc = process(text, DocumentMeta("t", language=lang))
    told = [e for e in doc.events if e.kind == "ATTACK" and e.trigger.start > text.index("1938")]
    assert [e.date.value if e.date else None for e in told] == ["1936/1938-07"]


@pytest.mark.parametrize("lang,text,kind,expected", [
    ("ru", "В январе 2004 года президент России посетил Астану, где было подписано соглашение о продлении аренды "
           "Байконура до 2050 года.", "SIGN_AGREEMENT", "2004-01"),
    ("en", "In January 2004 Russia and Kazakhstan signed an agreement extending the lease until 2050.",
     "SIGN_AGREEMENT", "2004-01"),
    # a promised act takes its deadline when nothing before it in its sentence dates it
    ("ro", "Japonia s-a angajat față de URSS să retragă trupele din Sahalinul de Nord până la 15 mai 1925.",
     "WITHDRAW", "1925-05-15"),
])
def test_a_deadline_after_an_act_that_happened_does_not_date_it(lang, text, kind, expected):
    assert dates(text, lang)[kind] == expected


@pytest.mark.parametrize("lang,text", [
    ("en", "In October 1998 Poland and Lithuania signed a declaration on a partnership for the twenty-first "
           "century. In return Vilnius lifted its ban on imports from Poland."),
])
def test_a_target_date_dates_neither_its_act_nor_the_next_sentence(lang, text):
    assert dates(text, lang) == {"SIGN_AGREEMENT": "1998-10", "EASE_SANCTIONS": "1998-10"}


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "On 9 May 2005 the Chinese president visited Russia, the first such trip since Jiang Zemin in 1997. "
           "The next day China signed a border agreement with Russia.", ("2005-05-09", "2005-05-10")),
    ("ro", "La 3 iunie 2010 premierul ungar a vizitat România, prima vizită de acest fel încă din vremea lui "
           "Horn în 1996. A doua zi Ungaria a semnat un acord cu România.", ("2010-06-03", "2010-06-04")),
])
def test_a_date_closing_a_since_phrase_dates_neither_the_act_nor_what_follows(lang, text, expected):
    got = dates(text, lang)
    assert (got["VISIT"], got["SIGN_AGREEMENT"]) == expected


def test_a_paragraph_with_no_time_of_its_own_goes_on_from_the_one_before():
    got = dates("On 7 May 1999 an American bomber struck the Chinese embassy in Belgrade.\n\n"
                "For four days crowds besieged the American embassy in Beijing, and China accused the United States "
                "of a gross violation of its sovereignty.", "en")
    assert got["ACCUSE"] == "1999-05-07"


def test_a_short_line_does_not_take_the_date_of_the_paragraph_before():
    got = dates("In 1739 Russian ships reached the coast of Japan.\n\nJapan attacked Russia.", "en")
    assert got == {"VISIT": "1739", "ATTACK": None}


@pytest.mark.parametrize("lang,text", [
    ("en", "In 1989 Bush suspended arms sales to China. "
           "Yet Bush, who had headed the American office in Beijing in the 1970s, refused to break with China."),
    ("ro", "În 1989 Bush a suspendat vânzările de arme către China. "
           "Totuși Bush, care condusese biroul american de la Beijing în anii 1970, "
           "a refuzat să rupă relațiile cu China."),
])
def test_a_time_inside_an_aside_before_the_trigger_does_not_date_the_act(lang, text):
    assert dates(text, lang)["SEVER_RELATIONS"] == "1989"


def test_a_time_inside_a_relative_clause_after_a_verb_does_not_date_the_act():
    got = dates("În 1904 flota japoneză a atacat Port Arthur. Astfel a început războiul ruso-japonez, care a "
                "determinat relațiile dintre cele două țări de-a lungul secolului al XX-lea.", "ro")
    assert got["ATTACK"] == "1904"


def test_a_relative_clause_after_an_acts_noun_may_date_it():
    got = dates("В 2010 году стороны готовились к переговорам. Запланированная встреча президента России и "
                "премьер-министра Японии, которая должна была состояться 13 ноября, не была отменена.", "ru")
    assert got["MEET"] == "2010-11-13"


@pytest.mark.parametrize("lang,text,kind,day", [
    ("ro", "La summitul de la Madrid din iulie 1997 Statele Unite nu au susținut invitarea României în NATO.",
     "SUPPORT", "1997-07"),
    ("en", "At the summit in Madrid of July 1997 the United States did not support inviting Romania into NATO.",
     "SUPPORT", "1997-07"),
])
def test_a_gathering_that_sets_the_scene_lends_its_date_to_the_act(lang, text, kind, day):
    assert dates(text, lang)[kind] == day


def test_a_time_inside_what_is_said_does_not_date_the_saying():
    got = dates("On 8 July 1853 Commodore Perry anchored his squadron in Edo Bay. Perry warned the shogunate that he "
                "would return the following year with a larger fleet.", "en")
    assert got["THREATEN"] == "1853-07-08"


def test_a_time_opening_the_next_conjunct_does_not_date_the_act_before_it():
    doc = process("В июле 1826 года персидская армия вторглась в Карабах, однако русские войска перешли в "
                  "контрнаступление против Персии и в октябре 1827 года взяли Эривань.",
                  DocumentMeta("t", language="ru"))
    got = {e.trigger_text: e.date.value if e.date else None for e in doc.events}
    assert got["контрнаступление"] == "1826-07"
