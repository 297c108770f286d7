"""The years of bibliographic references date books, not events: they are no time mentions."""

import pytest

from dyad.model import DocumentMeta
from dyad.pipeline import process
from dyad.time.citations import citation_spans


def times(text: str, lang: str) -> list[str]:
    return [t.text for t in process(text, DocumentMeta("t", language=lang)).times]


@pytest.mark.parametrize("lang,text,kept", [
    ("en", "As the historian showed (Ivanov, 2005, p. 12), the war began in 1904.", ["1904"]),
    ("en", "The war began in 1904 (Smith and Jones, 1999).", ["1904"]),
    ("ru", "Иванов И. И. Японская политика в 1930-е годы // Вестник МГУ. 2003. № 4. С. 12–20.", []),
    ("ru", "См.: Кошкин А. А. Японский фронт маршала Сталина. М.: Наука, 1999. Война началась в 1904 году.",
     ["1904 году"]),
    ("en", "See Russia and Japan. Moscow: Nauka, 1999. The war began in 1904.", ["1904"]),
    ("ro", "Vezi Istoria relațiilor. București: Editura Politică, 1985. Războiul a început în 1904.", ["1904"]),
])
def test_reference_years_are_not_dates(lang, text, kept):
    assert times(text, lang) == kept


def test_a_reference_title_with_a_year_belongs_to_the_reference():
    text = ("Goto a jucat un rol A. P. Derevyanko „Conflict de frontieră în zona Lacului Khasan în 1938”. "
            "Vladivostok. „Ussuri”. 1998, p. 6. Primarul din Tokyo a vizitat Moscova în 1925.")
    assert times(text, "ro") == ["1925"]


def test_citation_spans_cover_the_reference():
    text = "Text (Ivanov, 2005, p. 12) more."
    [(a, b)] = citation_spans(text, "en")
    assert text[a:b] == "(Ivanov, 2005, p. 12)"


def test_a_date_in_brackets_with_a_day_is_no_reference():
    assert times("The treaty (signed 8 September 1951) ended the war.", "en") == ["8 September 1951"]
