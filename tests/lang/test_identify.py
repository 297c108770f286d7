"""The language stage: what a declared language decides, and what is identified paragraph by paragraph."""

from dyad.lang.identify import script
from dyad.model import Document, DocumentMeta
from dyad.pipeline import STAGES

RU_QUOTE = "Советский Союз объявил войну Японии 8 августа 1945 года, и уже на следующий день начал наступление."


def _languages(text: str, declared: str | None) -> list[str | None]:
    doc = Document(text=text, meta=DocumentMeta("t.txt", language=declared))
    for stage in STAGES:
        doc = stage(doc)
        if stage.name == "languages":  # type: ignore[attr-defined]
            break
    return [p.language for p in doc.paragraphs]


def test_a_russian_quotation_in_a_declared_english_article_is_russian():
    text = f"The Soviet Union and Japan were at war in August 1945.\n\n{RU_QUOTE}\n\nThe war ended weeks later."
    assert _languages(text, "en") == ["en", "ru", "en"]


def test_a_declared_language_wins_over_identification_in_its_own_script():
    # Romanian text declared as English stays English: the source's word is taken in its script
    text = "Rusia și Japonia au semnat un tratat de pace la Moscova în anul 1956, după lungi negocieri."
    assert _languages(text, "en") == ["en"]
    assert _languages(text, None) == ["ro"]


def test_a_paragraph_too_short_to_identify_takes_the_declared_language():
    assert _languages("Ok.\n\n12", "ro") == ["ro", "ro"]


def test_script_counts_letters_only_and_breaks_ties_towards_latin():
    assert script("Россия и Japan") == "cyrillic"
    assert script("123 — ½") == "latin"
    assert script("ab где") == "cyrillic"
    assert script("abc где") == "latin"
    assert script("東京 and") == "latin"
    assert script("東京都 an") == "cjk"


def test_a_short_title_line_takes_the_documents_language_of_its_script():
    text = ("Relations in 1945-1991\n\n"
            "After the war the Soviet Union and Japan had no diplomatic relations for eleven years, "
            "until the joint declaration of 1956 restored them and ended the state of war.")
    assert _languages(text, None) == ["en", "en"]
    # a long paragraph in another language of the same script keeps its own language
    ro = "Rusia și Japonia au semnat un tratat de pace la Moscova în anul 1956, după lungi negocieri."
    assert _languages(text + "\n\n" + ro, None) == ["en", "en", "ro"]
