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
