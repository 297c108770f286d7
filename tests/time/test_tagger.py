import pytest

from dyad.model import DocumentMeta
from dyad.pipeline import process
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


@pytest.mark.parametrize("lang, text, day", [
    ("en", "In May 1967 troops moved south. Ankara had said since 1957 that it would fight. On 5 June the war began.",
     "1967-06-05"),
    ("ru", "В 1961 году Москва прислала ноту. Договор 1948 года оставался в силе. В ноябре президент вылетел в Москву.",
     "1961-11"),
    ("ro", "În martie 1999 Budapesta a protestat. Acordul din 1947 nu mai conta. La 5 iunie guvernul a cedat.",
     "1999-06-05"),
])
def test_a_duration_start_or_a_noun_date_is_no_anchor_for_a_later_day(lang, text, day):
    doc = process(text, DocumentMeta(source_path="x.txt", language=lang))
    assert doc.times[-1].date.value == day


@pytest.mark.parametrize("lang, text, first", [
    ("ru", "12 октября в Риге было заключено перемирие, а 18 марта 1921 года там же подписан мирный договор.",
     "1920-10-12"),
    ("en", "In October the talks opened, and on 18 March 1921 the treaty was signed.", "1920-10"),
    ("ro", "La 2 martie au început negocierile, iar la 18 martie 1921 a fost semnat tratatul.", "1921-03-02"),
])
def test_a_day_without_year_before_a_dated_one_is_not_later_than_it(lang, text, first):
    assert find_times(text, lang)[0].date.value == first


def test_amounts_and_numbers_are_not_dates():
    assert find_times("1.754 de agenți și 3,5 milioane", "ro") == []
    assert find_times("2000 de soldați", "ro") == []


def test_offsets_cover_the_expression():
    text = "Semnat la 7 februarie 1855."
    t = find_times(text, "ro")[0]
    assert text[t.start:t.end] == "7 februarie 1855"


def test_double_date_without_year_takes_the_context_year_and_the_new_style():
    found = find_times("Tratatul din 1855, semnat la 26 ianuarie (7 februarie) la Shimoda", "ro")
    assert [t.date.value for t in found] == ["1855", "1855-02-07"]


def test_double_date_across_new_year_takes_the_later_day():
    assert find_times("19 декабря (1 января) 1905 года", "ru")[0].date.value == "1905-01-01"


def test_julian_day_without_year_is_converted():
    found = find_times("7 февраля 1855 года (26 января по старому стилю)", "ru")
    assert [t.date.value for t in found] == ["1855-02-07", "1855-02-07"]
    assert found[1].date.julian


def test_month_first_day_without_year_needs_a_capitalised_month():
    assert [t.date.value for t in find_times("between August 18 and September 1, 1945", "en")] == \
        ["1945-08-18", "1945-09-01"]
    assert find_times("they may 7 times", "en") == []


def test_dateline_gives_the_publication_date_and_is_no_event_date():
    doc = process("Опубликовано: 10.03.2022 14:35\n\nЯпония ввела санкции в прошлом месяце.",
                  DocumentMeta("t", language="ru"))
    assert [(t.text, t.date.value) for t in doc.times] == [("в прошлом месяце", "2022-02")]


@pytest.mark.parametrize("lang,text,head", [
    ("ro", "URSS a anulat obligațiile asumate prin declarația din 1956.", "declarația"),
    ("en", "Moscow annulled the obligations of the 1956 declaration.", "declaration"),
    ("en", "Moscow annulled the declaration of 1956.", "declaration"),
    ("ru", "СССР аннулировал обязательства по Декларации 1956 года.", "Декларации"),
    ("ru", "Россия вышла из соглашения от 1991 года.", "соглашения"),
])
def test_a_date_of_a_noun_is_marked_with_its_noun(lang, text, head):
    doc = process(text, DocumentMeta("t", language=lang))
    [t] = doc.times
    assert t.head is not None and text[t.head[0]:t.head[1]] == head


@pytest.mark.parametrize("lang,text", [
    ("ro", "Tensiunile au crescut la sfârșitul anului 1938."),
    ("en", "Tensions rose at the end of 1938."),
    ("ru", "В течение первых семи месяцев 1935 года было 24 случая."),
    ("ru", "В 1956 году была подписана декларация."),
    ("ro", "Între ani din 1936 până în 1937 au fost încălcări."),
    ("ro", "Ministrul a vizitat URSS din 11 octombrie până în 17 octombrie 1991."),
    ("ru", "Министр находился в СССР с 11 по 17 октября 1991 года."),
])
def test_a_date_of_the_clause_has_no_noun(lang, text):
    doc = process(text, DocumentMeta("t", language=lang))
    assert doc.times and all(t.head is None for t in doc.times)


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "The cable, dated 12/25/1941, reached Tokyo", [("12/25/1941", "1941-12-25")]),
    ("en", "dated 05/12/1941", [("05/12/1941", "1941-05-12")]),  # English reads month first when both fit
    ("ro", "Telegrama, datată 05/12/1941, a ajuns", [("05/12/1941", "1941-12-05")]),
    ("ru", "Акт составлен 7.II.1855 в Симоде", [("7.II.1855", "1855-02-07")]),
    ("en", "The ceremonies took place on May 7–9, 1945.", [("May 7–9, 1945", "1945-05-07/1945-05-09")]),
    ("ro", "În luna mai a anului 1940, situația s-a agravat.", [("mai a anului 1940", "1940-05")]),
    ("en", "from Jan. to Mar. 1905 the army", [("Jan. to Mar. 1905", "1905-01/1905-03")]),
    ("en", "Trade grew in the 18th and 19th centuries.", [("18th", "17XX"), ("19th centuries", "18XX")]),
    ("en", "It shaped late-19th-century diplomacy.", [("19th-century", "18XX")]),
    ("ru", "Торговля росла в XVIII–XIX вв.", [("в XVIII–XIX вв", "17XX/18XX")]),
    ("en", "In the '30s, the army acted on its own.", [("'30s", "193X")]),
    ("en", "Peter the Great died on 8 February [O.S. 28 January] 1725.",
     [("8 February [O.S. 28 January] 1725", "1725-02-08")]),
])
def test_further_written_forms(lang, text, expected):
    assert [(t.text, t.date.value) for t in find_times(text, lang)] == expected


@pytest.mark.parametrize("lang,text,expected", [
    ("ro", "În 1939, în primăvară, trupele au atacat.", ("în primăvară", "1939-21")),
    ("ru", "В 1939 году весной начались бои.", ("весной", "1939-21")),
    ("en", "In 1939, in the spring, fighting began.", ("in the spring", "1939-21")),
    ("ro", "În 1940 relațiile s-au răcit, iar în iunie URSS a trimis un ultimatum.", ("în iunie", "1940-06")),
    ("ru", "В 1969 году отношения обострились, а в марте произошёл бой.", ("в марте", "1969-03")),
    ("en", "The talks opened in 1956, and in October a declaration was signed.", ("in October", "1956-10")),
])
def test_a_season_or_month_without_its_year_takes_the_year_of_the_context(lang, text, expected):
    assert expected in [(t.text, t.date.value) for t in find_times(text, lang)]


def test_a_season_without_any_year_around_takes_the_anchor_year():
    assert [(t.text, t.date.value) for t in find_times("Primăvara, armata a atacat.", "ro", anchor_year=1940)] == \
        [("Primăvara", "1940-21")]


@pytest.mark.parametrize("lang,text,expected", [
    ("ro", "Între 1811 și 1813 căpitanul a fost ținut în captivitate.", ("Între 1811 și 1813", "1811/1813")),
    ("ro", "Din 1811 până în 1813 a fost ținut.", ("Din 1811 până în 1813", "1811/1813")),
    ("en", "Between 1811 and 1813 he was held in Japan.", ("Between 1811 and 1813", "1811/1813")),
    ("ru", "С 1811 по 1813 год он был в плену.", ("С 1811 по 1813 год", "1811/1813")),
    ("ro", "Între 16 și 19 aprilie 1991 a avut loc vizita.", ("16 și 19 aprilie 1991", "1991-04-16/1991-04-19")),
    ("ro", "Vizita a avut loc între 16 aprilie și 19 aprilie 1991.",
     ("16 aprilie și 19 aprilie 1991", "1991-04-16/1991-04-19")),
    ("en", "The conference lasted from 17 July to 2 August 1945.",
     ("17 July to 2 August 1945", "1945-07-17/1945-08-02")),
    ("ru", "Конференция шла с 17 июля по 2 августа 1945 года.",
     ("17 июля по 2 августа 1945 года", "1945-07-17/1945-08-02")),
])
def test_two_years_or_days_joined_by_words_are_one_span(lang, text, expected):
    assert [(t.text, t.date.value) for t in find_times(text, lang)] == [expected]


@pytest.mark.parametrize("lang,text,expected", [
    ("ru", "Нарушения имели место 6 октября, 8 октября и 12 октября 1935 года.",
     ["1935-10-06", "1935-10-08", "1935-10-12"]),
    ("ro", "Incidentele au avut loc pe 16 aprilie și 19 aprilie 1991.", ["1991-04-16", "1991-04-19"]),
    ("en", "The incidents took place on 6 October and 8 October 1935.", ["1935-10-06", "1935-10-08"]),
])
def test_two_days_joined_by_and_without_a_between_word_stay_two_days(lang, text, expected):
    assert [t.date.value for t in find_times(text, lang)] == expected


def test_two_years_joined_without_an_opening_word_stay_two_dates():
    assert [t.date.value for t in find_times("În 1811 și 1813 au avut loc două vizite.", "ro")] == ["1811", "1813"]


@pytest.mark.parametrize("lang,text", [
    ("ro", "Acordul a fost semnat în mai multe țări."),  # "mai" is also "more"
    ("ro", "Revoluția din octombrie a schimbat totul."),  # a name, not a date
    ("en", "Tokyo said it may decide in may be weeks."),  # "may" in lower case is no month
])
def test_a_month_word_that_is_no_month_gives_no_date(lang, text):
    assert find_times(text, lang, anchor_year=1950) == []


def test_a_month_inside_a_relative_expression_is_not_dated_twice():
    doc = process("В 2022 году был саммит. В сентябре прошлого года я был назначен.",
                  DocumentMeta("t.txt", language="ru"))
    assert [(t.text, t.date.value) for t in doc.times] == [("2022 году", "2022"), ("сентябре прошлого года", "2021-09")]


@pytest.mark.parametrize("lang,text,value", [
    ("ro", "din mai până la începutul lunii august 1945", "1945-05/1945-08"),
    ("ru", "с мая до конца августа 1945 года", "1945-05/1945-08"),
    ("en", "from May until the end of August 1945", "1945-05/1945-08"),
    ("ru", "с мая по сентябрь 1939 года", "1939-05/1939-09"),
])
def test_month_ranges_with_words_between(lang, text, value):
    assert [t.date.value for t in find_times(text, lang)] == [value]


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Flight 370 and Resolution 1325 are unrelated.", []),
    ("ro", "Rezoluția 2758 a fost adoptată.", []),
    ("ru", "Резолюция 2758 была принята, статья 1922 тоже.", []),
    ("ru", "Указ 1992 года был отменён.", ["1992 года"]),
])
def test_numbers_after_document_words_are_no_years_unless_marked_as_years(lang, text, expected):
    assert [t.text for t in find_times(text, lang)] == expected


def test_a_year_after_a_year_preposition_is_a_year_even_before_a_count_word():
    assert [t.text for t in find_times("prezentată în 2010 de președintele rus", "ro")] == ["2010"]
    assert find_times("au trimis 2000 de soldați", "ro") == []


@pytest.mark.parametrize("lang, text, day", [
    ("ro", "Anii '90\n\nLa summitul de la Madrid din iulie 1997 SUA au refuzat. Câteva zile mai târziu, la 11 iulie, "
           "Clinton a venit la București.", "1997-07-11"),
    ("en", "The 1990s\n\nAt the Madrid summit of July 1997 the US said no. A few days later, on 11 July, Clinton came "
           "to Bucharest.", "1997-07-11"),
])
def test_a_day_takes_its_year_from_a_nouns_date_when_the_text_has_reached_only_a_decade(lang, text, day):
    doc = process(text, DocumentMeta(source_path="x.txt", language=lang))
    assert doc.times[-1].date.value == day


@pytest.mark.parametrize("lang, text, last", [
    ("ro", "În iunie 2010 a avut loc o masă rotundă. Companiile japoneze construiesc un pod la Vladivostok, unde va "
           "avea loc forumul APEC în 2012. În septembrie a acestui an părțile au semnat un memorandum.", "2010-09"),
    ("en", "In June 2010 a round table was held. Japanese firms are building a bridge in Vladivostok, where the "
           "APEC forum will be held in 2012. In September the two sides signed a memorandum.", "2010-09"),
])
def test_a_date_of_a_clause_about_the_future_is_no_anchor(lang, text, last):
    doc = process(text, DocumentMeta(source_path="x.txt", language=lang))
    assert doc.times[-1].date.value == last


@pytest.mark.parametrize("lang, text", [
    ("ru", "К началу апреля российские войска отошли от Киева."),
    ("en", "By early April Russian troops had pulled back from Kyiv."),
])
def test_a_month_by_which_something_happened_takes_the_context_year(lang, text):
    assert [(t.text, t.date.value) for t in find_times(text, lang, anchor_year=2022)][0][1] == "2022-04"
