from dyad.lang import adapter_for
from dyad.lang.identify import identify


def test_romanian_initials_do_not_end_a_sentence():
    text = "Acordul a fost semnat de S. Hayashi și de ambasadorul rus. A doua zi a plecat."
    spans = list(adapter_for("ro").split_sentences(text))
    assert [text[s:e] for s, e in spans] == [
        "Acordul a fost semnat de S. Hayashi și de ambasadorul rus.", "A doua zi a plecat."]


def test_initials_written_together_do_not_end_a_sentence():
    text = "A avut loc o vizită a președintelui URSS, M.S. Gorbaciov, în Japonia. A doua zi a plecat."
    spans = list(adapter_for("ro").split_sentences(text))
    assert len(spans) == 2
    ru = "Об этом заявил В.В. Путин. Встреча прошла в Кремле."
    assert len(list(adapter_for("ru").split_sentences(ru))) == 2


def test_russian_year_abbreviation_does_not_end_a_sentence():
    text = "В 1855 г. Россия и Япония подписали договор. Он действовал долго."
    spans = list(adapter_for("ru").split_sentences(text))
    assert len(spans) == 2


def test_russian_tokens_carry_lemma_and_case():
    toks = adapter_for("ru").tokenize("с Японией")
    assert toks[1].lemma == "япония"
    assert "ablt" in toks[1].tags.split(",")


def test_romanian_genitive_lemmatizes_to_country_name():
    assert adapter_for("ro").tokenize("Japoniei")[0].lemma == "japonia"


def test_offsets_point_into_the_text():
    text = "Russia and Japan signed it."
    for t in adapter_for("en").tokenize(text, 100):
        assert text[t.start - 100:t.end - 100] == t.text


def test_language_identification_of_three_languages():
    assert identify("Rusia și Japonia au semnat un tratat de pace la Moscova.") == "ro"
    assert identify("Россия и Япония подписали мирный договор в Москве.") == "ru"
    assert identify("Russia and Japan signed a peace treaty in Moscow.") == "en"
    assert identify("12") == "und"


def test_unsupported_language_has_no_adapter():
    assert adapter_for("de") is None


PARAGRAPHS = [
    "Russia and Japan signed a peace treaty in Moscow after long talks.",
    "România și Polonia au semnat un tratat de alianță la Varșovia.",
    "Россия и Япония подписали мирный договор в Москве после долгих переговоров.",
    "Україна та Польща підписали договір про добросусідство у Варшаві.",
    "България и Гърция подписаха договор за приятелство в София.",
    "Deutschland und Frankreich unterzeichneten in Paris einen Freundschaftsvertrag.",
    "La France et l'Allemagne ont signé un traité d'amitié à Paris.",
    "Polska i Niemcy podpisały w Warszawie traktat o dobrym sąsiedztwie.",
    "12",
]


def test_identify_remembers_a_paragraph_and_answers_as_lingua_does():
    first = [identify(p) for p in PARAGRAPHS]
    assert first == ["en", "ro", "ru", "uk", "bg", "de", "fr", "pl", "und"]
    assert first == [identify.__wrapped__(p) for p in PARAGRAPHS]  # the uncached call
    hits = identify.cache_info().hits
    assert [identify(p) for p in PARAGRAPHS] == first
    assert identify.cache_info().hits == hits + len(PARAGRAPHS)
