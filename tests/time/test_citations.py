"""The years of bibliographic references date books, not events: they are no time mentions."""

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dyad.model import DocumentMeta
from dyad.pipeline import process
from dyad.time.citations import citation_grammar, citation_spans

SAMPLE = Path(__file__).resolve().parents[2] / "src" / "dyad" / "data" / "sample"


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


def test_a_reference_line_that_opens_with_its_author_is_the_reference_whole():
    text = ("References\nDudden, A. Japan's Colonization of Korea: Discourse and Power. "
            "Honolulu: University of Hawai'i Press, 2005.\nThe war began in 1904.")
    [(a, b)] = citation_spans(text, "en")
    assert text[a:b].startswith("Dudden, A. Japan's Colonization") and text[a:b].endswith("2005")
    assert process(text, DocumentMeta("t", language="en")).events == []  # the title's "Colonization" tells nothing


def test_a_date_in_brackets_with_a_day_is_no_reference():
    assert times("The treaty (signed 8 September 1951) ended the war.", "en") == ["8 September 1951"]


def _same_as_all_shapes(text: str, code: str) -> None:
    g = citation_grammar(code)
    every = re.compile("|".join(f"(?:{a})" for a in g.anchors))
    assert [m.span() for m in g.anchors_in(text).finditer(text)] == [m.span() for m in every.finditer(text)], text


@pytest.mark.parametrize("code", ["en", "ro", "ru"])
def test_anchor_shapes_left_out_for_a_missing_bracket_colon_or_slashes_change_nothing(code):
    for path in sorted(SAMPLE.glob(f"{code}_*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            _same_as_all_shapes(line, code)
    _same_as_all_shapes("Moscow: Nauka, 1999. (Ivanov, 2005, p. 12) 1998, p. 6 // Вестник. 2003. № 4.", code)


REFERENCE_PIECES = ["(", ")", ":", "//", "Ivanov", "I.", "Moscow", "Nauka", ",", ".", " ", "1999", "2005", "p.",
                    "С.", "№", "4", "12", "„Titlu”", "М.", "Наука", "and", "et al."]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["en", "ro", "ru"]), st.lists(st.sampled_from(REFERENCE_PIECES), max_size=16))
def test_anchor_shapes_left_out_change_nothing_in_made_up_text(code, pieces):
    _same_as_all_shapes(" ".join(pieces) + "".join(pieces[:4]), code)


def test_a_paragraph_without_bracket_colon_or_slashes_keeps_its_year_page_references():
    text = "Derevyanko. 1998, p. 6. The war began in 1904."
    assert [text[a:b] for a, b in citation_spans(text, "en")] == ["1998, p. 6"]
    text = "Вестник. 2003. № 4. Война началась в 1904 году."
    assert [text[a:b] for a, b in citation_spans(text, "ru")] == ["2003. № 4"]
