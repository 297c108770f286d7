from dyad.actors.matcher import find_actors
from dyad.lang import adapter_for


def actors(lang: str, text: str) -> list[tuple[str, str]]:
    toks = adapter_for(lang).tokenize(text)
    return [(m.text, m.actor.code) for m in find_actors(text, toks, lang, 0)]


def test_russian_country_in_every_case():
    for form in ("Япония", "Японии", "Японию", "Японией"):
        assert actors("ru", f"Договор с {form} подписан") == [(form, "JPN")]


def test_romanian_articled_and_genitive_forms():
    assert [c for _, c in actors("ro", "Rusia a declarat război Japoniei")] == ["RUS", "JPN"]


def test_multiword_cldr_name():
    assert actors("en", "the United States and Japan") == [("United States", "USA"), ("Japan", "JPN")]


def test_lower_case_homograph_is_not_a_country():
    # "того" is a pronoun form, not Togo; only a capitalised name counts
    assert actors("ru", "после того как") == []


def test_russian_case_is_recorded_for_role_assignment():
    toks = adapter_for("ru").tokenize("Россия объявила войну Японии")
    found = find_actors("Россия объявила войну Японии", toks, "ru", 0)
    assert "nomn" in found[0].case and "nomn" not in found[1].case


def test_a_soviet_republic_of_another_country_is_that_country():
    # the Hungarian Soviet Republic of 1919: "Soviet" inside its name does not make it the USSR
    assert actors("ro", "ofensiva împotriva Republicii Sovietice Ungare") == [("Republicii Sovietice Ungare", "HUN")]
    assert actors("ru", "против Венгерской советской республики") == [("Венгерской советской республики", "HUN")]
    assert actors("en", "against the Hungarian Soviet Republic") == [("Hungarian Soviet Republic", "HUN")]


def test_bolshevik_authorities_are_soviet_russia():
    assert actors("ro", "autoritățile bolșevice l-au arestat") == [("bolșevice", "RUS")]
    assert actors("ru", "большевистское правительство заявило") == [("большевистское", "RUS")]


def test_a_ships_prefix_names_its_navys_country():
    assert actors("en", "the submarine HMS Conqueror sank the cruiser ARA General Belgrano") == [
        ("HMS", "GBR"), ("ARA", "ARG")]
    assert actors("en", "the hms of the story") == []  # the prefix is written in capitals


def test_a_demonym_before_a_warship_noun_names_the_country():
    assert actors("en", "the British sloop reached Port Louis") == [("British", "GBR")]
