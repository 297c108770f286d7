import json

import pytest

from dyad.clean.boilerplate import is_navigation_list, is_tag_line
from dyad.model import DocumentMeta
from dyad.pipeline import process

from ..conftest import SHARED


def reasons(text: str) -> list[tuple[str, str | None]]:
    doc = process(text, DocumentMeta("t.txt"))
    return [(doc.text[p.start:p.end][:20], p.removed) for p in doc.paragraphs]


def test_country_list_is_a_navigation_list():
    assert is_navigation_list("Austria Albania Andorra Belgia Bulgaria Bosnia și Herțegovina Vatican Marea Britanie "
                              "Ungaria Germania Grecia Danemarca St. Lucia Irlanda")


def test_prose_naming_countries_is_not_a_navigation_list():
    assert not is_navigation_list("Rusia și Japonia au semnat un tratat la Shimoda, iar Marea Britanie și Franța "
                                  "au urmărit negocierile cu mare atenție în anii următori.")


@pytest.mark.parametrize("line", [
    "Related topics: Cuba · Embargo · Migration · Guantánamo",
    "Теги: Россия | Япония | Южные Курилы",
    "Etichete: România • Turcia • NATO • Marea Neagră",
])
def test_a_short_line_of_tags_is_a_navigation_list(line):
    assert is_tag_line(line)


@pytest.mark.parametrize("line", [
    "Russia · Japan",  # two items: a title's pair
    "Putin | Kishida | Kuril Islands dispute deepens as talks stall",  # a headline after the names
    "In 1956 Moscow and Tokyo restored relations | Archive | Today.",
])
def test_a_headline_or_sentence_with_bars_is_no_tag_line(line):
    assert not is_tag_line(line)


def test_a_tag_line_gives_no_event():
    doc = process("Washington imposed an embargo on Cuba in 1962.\n\nRelated topics: Cuba · Embargo · Migration",
                  DocumentMeta("t.txt", language="en"))
    assert doc.paragraphs[1].removed == "navigation list"
    assert [e.sentence for e in doc.events] == [0]


def test_boilerplate_line_is_marked_with_its_reason():
    got = reasons("Japan and Russia signed a treaty in 1855 at Shimoda, a port town.\n\nPosted on 3 May 2020\n")
    assert got[1] == ("Posted on 3 May 2020", "boilerplate")
    assert got[0][1] is None


def test_teasers_after_a_similar_documents_header_are_set_aside():
    text = ("Rusia și Japonia au semnat tratatul în 1855.\n\nDocumente similare\n\n    Relațiile ruso-chineze, "
            "cooperare.\n\n    rezumat, adăugat 20.10.2010\n\nRusia a declarat război Japoniei în 1904.")
    got = [r for _, r in reasons(text)]
    assert got == [None, "boilerplate", "related-content block", "related-content block", None]


def test_repeated_paragraph_and_sentence_are_marked_not_deleted():
    para = "Россия и Япония провели переговоры в Москве в 2016 году."
    other = "В следующем году стороны продолжили обсуждать мирный договор и экономические проекты."
    text = f"{para}\n{para}\n{other} {para}"
    doc = process(text, DocumentMeta("t.txt"))
    assert [p.removed for p in doc.paragraphs] == [None, "duplicate", None]
    assert [s.repeat for s in doc.sentences if doc.paragraphs[s.paragraph].removed is None] == [False, False, True]
    assert doc.text == text


def test_near_duplicate_paragraph_is_marked():
    a = ("The two governments agreed in Tokyo to expand trade, investment and joint energy projects in the Far East, "
         "and their foreign ministers said that talks on a peace treaty would continue in the spring of next year.")
    b = a.replace("in Tokyo", "in Tokyo on Monday")
    doc = process(f"{a}\n{b}", DocumentMeta("t.txt"))
    assert [p.removed for p in doc.paragraphs] == [None, "near-duplicate"]


@pytest.mark.skipif(not (SHARED / "gold").exists(), reason="shared/ not beside the repo")
@pytest.mark.parametrize("name", ["000_16f22b32561df968", "001_101105612cd1d51b"])
def test_cleaning_never_drops_a_gold_event(name):
    """Every gold evidence string of the seeds still lies (somewhere) in kept text."""
    text = (SHARED / "seeds" / f"{name}.txt").read_text(encoding="utf-8")
    doc = process(text, DocumentMeta(f"{name}.txt"))
    removed = doc.removed_spans()
    golds = [json.loads(line) for line in (SHARED / "gold" / f"{name}.jsonl").read_text().splitlines() if line]
    for g in golds:
        starts = [i for i in range(len(text)) if text.startswith(g["evidence"], i)]
        assert starts, g["evidence"]
        assert any(not any(s <= i < e for s, e, _ in removed) for i in starts), g["evidence"]


def test_a_sentence_that_uses_a_furniture_word_is_content():
    from dyad.clean.boilerplate import is_boilerplate
    assert not is_boilerplate("10 октября 1973 года было опубликовано советско-японское совместное заявление.")
    assert not is_boilerplate("Compania distribuie gaz în Republica Moldova din 2014 prin noul gazoduct.")
    assert is_boilerplate("Опубликовано: 10.03.2022 14:35")
    assert is_boilerplate("Postat pe http://www.allbest.ru/")
    assert is_boilerplate("© 2020 Example News. All rights reserved.")
