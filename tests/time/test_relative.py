import pytest

from dyad.model import DocumentMeta
from dyad.pipeline import process


def times(text: str, lang: str, published: str | None = None) -> list[tuple[str, str, bool]]:
    doc = process(text, DocumentMeta("t.txt", language=lang, published=published))
    return [(t.text, t.date.value, t.relative) for t in doc.times]


@pytest.mark.parametrize("lang,text,expected", [
    ("ru", "В 1904 году началась война. В том же году пал Порт-Артур.", ("В том же году", "1904")),
    ("en", "They signed a treaty in 1855. Two years later they met again.", ("Two years later", "1857")),
    ("en", "On 8 August 1945 the USSR declared war. The next day it attacked.", ("The next day", "1945-08-09")),
    ("ro", "În 1956 au semnat declarația. În anul următor au reluat comerțul.", ("În anul următor", "1957")),
])
def test_relative_expression_resolves_against_the_preceding_date(lang, text, expected):
    assert (*expected, True) in times(text, lang)


def test_relative_is_never_finer_than_its_anchor():
    got = times("In 1932 talks began. The next day they ended.", "en")
    assert ("The next day", "1932", True) in got


def test_publication_date_anchors_relative_expressions_in_news():
    got = times("Japan imposed new sanctions. The following month Russia answered.", "en", published="2022-03-15")
    assert ("The following month", "2022-04", True) in got


def test_without_any_anchor_a_relative_expression_is_no_date():
    assert times("The next day they met.", "en") == []


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "Japan imposed sanctions last year. Three years ago talks failed.", [("last year", "2021"),
                                                                            ("Three years ago", "2019")]),
    ("ro", "Japonia a impus sancțiuni anul trecut. Acum trei ani negocierile au eșuat.",
     [("anul trecut", "2021"), ("Acum trei ani", "2019")]),
    ("ru", "Япония ввела санкции в прошлом году. Три года назад переговоры провалились.",
     [("в прошлом году", "2021"), ("Три года назад", "2019")]),
])
def test_deictic_expressions_count_from_the_publication_date(lang, text, expected):
    got = times(text, lang, published="2022-03-15")
    assert [(t, v) for t, v, _ in got] == expected


def test_deictic_expression_counts_from_publication_even_after_another_date():
    got = times("In 1956 the declaration was signed. Last year talks resumed.", "en", published="2022-03-15")
    assert ("Last year", "2021", True) in got


def test_without_publication_date_a_deictic_expression_takes_the_preceding_date():
    got = times("Negocierile au avut loc în 2010. Anul trecut s-a semnat un acord.", "ro")
    assert ("Anul trecut", "2009", True) in got


@pytest.mark.parametrize("lang,text,expected", [
    ("en", "On 8 August 1945 the USSR declared war. The previous day Japan was warned.",
     ("The previous day", "1945-08-07")),
    ("en", "In 1956 they signed a declaration. A year earlier talks had begun.", ("A year earlier", "1955")),
    ("en", "In March 1956 talks stalled. The following month they resumed.", ("The following month", "1956-04")),
    ("ru", "В 1956 году была подписана декларация. Годом ранее начались переговоры.", ("Годом ранее", "1955")),
    ("ru", "8 августа 1945 года СССР объявил войну. За день до этого Япония была предупреждена.",
     ("За день до этого", "1945-08-07")),
    ("ro", "În 1956 s-a semnat declarația. Cu un an înainte începuseră negocierile.", ("Cu un an înainte", "1955")),
])
def test_backward_and_forward_shifts(lang, text, expected):
    assert (*expected, True) in times(text, lang)


@pytest.mark.parametrize("lang,text,expected", [
    ("ro", "În mai 1943 a început procesul. În septembrie același an a fost condamnat.",
     ("septembrie același an", "1943-09")),
    ("en", "The trial began in May 1943. In September of the same year he was sentenced.",
     ("September of the same year", "1943-09")),
    ("ru", "Процесс начался в мае 1943 года. В сентябре того же года он был осуждён.",
     ("сентябре того же года", "1943-09")),
    ("ro", "În 1943 a început procesul. Pe 12 septembrie același an a fost condamnat.",
     ("12 septembrie același an", "1943-09-12")),
])
def test_a_month_of_a_relative_year_takes_the_year_from_the_anchor(lang, text, expected):
    assert (*expected, True) in times(text, lang)


def test_a_relative_year_after_a_decade_names_no_year():
    assert [t for t in times("In the 1930s tensions grew. The next year war broke out.", "en") if t[2]] == []


def test_the_following_named_month_is_the_next_one_after_the_anchor():
    got = times("The fleet left on 15 October 1904 and reached Tsushima the following May.", "en")
    assert ("the following May", "1905-05", True) in got


@pytest.mark.parametrize("lang,text", [
    ("en", "The railway opened in 1916, ten years later than planned."),
    ("ro", "Conferința a avut loc în 1907, după doi ani de tratative."),
])
def test_a_comparison_or_a_duration_is_no_relative_date(lang, text):
    assert [t for t in times(text, lang) if t[2]] == []


def test_a_deictic_guess_dates_its_clause_but_anchors_nothing_after_it():
    doc = process("Negocierile au avut loc în 2010. Anul trecut s-a semnat un acord. Un an mai târziu, miniștrii s-au "
                  "întâlnit.", DocumentMeta("t", language="ro"))
    got = [(t.text, t.date.value, getattr(t, "flags", ())) for t in doc.times]
    assert ("Anul trecut", "2009", ("deictic-guess",)) in got
    assert ("Un an mai târziu", "2011", ()) in got  # counted from 2010, not from the guess


def test_the_day_after_an_act_is_no_shift_of_the_date_before_it():
    from dyad.model import DocumentMeta
    from dyad.pipeline import process
    doc = process("On 15 May 1948, the day after Israel proclaimed its independence, Egyptian troops crossed "
                  "the border. The day after, Cairo protested.", DocumentMeta("t.txt", language="en"))
    got = [(t.text, t.date.value) for t in doc.times]
    assert got == [("15 May 1948", "1948-05-15"), ("The day after", "1948-05-16")]
