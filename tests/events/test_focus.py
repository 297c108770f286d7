"""One-sided sentences take their counterpart from the pair the document centres on."""

from dyad.model import DocumentMeta
from dyad.pipeline import process

ABOUT_INDIA_AND_PAKISTAN = (
    "In 1947 India and Pakistan signed an agreement on refugees. "
    "In 1965 Pakistan attacked India in Kashmir. "
    "In 1966 India and Pakistan signed the Tashkent Declaration. "
    "In 1971 India declared war on Pakistan. "
    "In December 1971 Pakistan surrendered at Dhaka. "
)


def _events(text: str, language: str = "en", sentence: int | None = None) -> list[tuple[str, str | None, str | None]]:
    """(kind, source, target) of the document's events, or of one sentence's."""
    doc = process(text, DocumentMeta("t.txt", language=language))
    return [(e.kind, e.source.code if e.source else None, e.target.code if e.target else None) for e in doc.events
            if sentence is None or e.sentence == sentence]


def test_a_surrender_concerns_the_other_side_of_the_documents_pair():
    assert ("END_WAR", "IND", "PAK") in _events(ABOUT_INDIA_AND_PAKISTAN)


def test_without_a_clear_pair_a_one_sided_act_stays_one_sided():
    got = _events("In December 1971 Pakistan surrendered at Dhaka.")
    assert ("END_WAR", "PAK", None) in got
    assert not [e for e in got if e[2] is not None]


def test_the_implied_counterpart_has_no_evidence_span_and_lower_confidence():
    doc = process(ABOUT_INDIA_AND_PAKISTAN, DocumentMeta("t.txt", language="en"))
    surrender = next(e for e in doc.events if e.kind == "END_WAR" and e.sentence == 4)
    # alphabetical pair (END_WAR is symmetric): India, implied, is the source and has no span;
    # Pakistan keeps the span of its name
    assert "source" not in surrender.argument_spans
    start, end = surrender.argument_spans["target"]
    assert ABOUT_INDIA_AND_PAKISTAN[start:end] == "Pakistan"
    assert surrender.confidence < 0.7


def test_an_agentless_passive_in_a_text_about_one_pair_tells_of_that_pair():
    got = _events(ABOUT_INDIA_AND_PAKISTAN + "In 1972 several agreements were signed at Simla.")
    assert got.count(("SIGN_AGREEMENT", "IND", "PAK")) == 3


def test_a_sentence_with_no_actor_and_no_passive_adds_nothing():
    base = _events(ABOUT_INDIA_AND_PAKISTAN)
    assert _events(ABOUT_INDIA_AND_PAKISTAN + "Economic cooperation remains important.") == base


def test_a_one_sided_act_on_a_territory_takes_its_counterpart_from_the_documents_pair():
    # Pakistan alone acts on a named territory: the document is about India and Pakistan, so the
    # occupation is of Indian-claimed ground by Pakistan, not a one-sided statement
    got = _events(ABOUT_INDIA_AND_PAKISTAN + "In 1999 Pakistan occupied heights in Kashmir.")
    assert [e for e in got if e[0] == "OCCUPY"] == [("OCCUPY", "PAK", "IND")]


ABOUT_RUSSIA_AND_JAPAN = (
    "In 1956 the Soviet Union and Japan signed a joint declaration. "
    "In 1993 Russia and Japan signed the Tokyo Declaration. "
    "In 2016 Putin met Abe in Nagasaki. "
)


def test_a_visit_to_islands_the_visitors_country_holds_has_no_counterpart():
    got = _events(ABOUT_RUSSIA_AND_JAPAN + "On 1 November 2010 President Medvedev visited the Kuril Islands.")
    assert [e for e in got if e[0] == "VISIT"] == [("VISIT", "RUS", None)]


def test_taking_a_territory_on_the_day_it_changes_hands_still_has_the_loser_as_counterpart():
    got = _events(ABOUT_RUSSIA_AND_JAPAN + "On 25 August 1945 Soviet forces occupied South Sakhalin.")
    assert [e for e in got if e[0] == "OCCUPY"] == [("OCCUPY", "RUS", "JPN")]


def test_a_joint_act_with_one_party_named_takes_the_other_from_the_documents_pair():
    text = ("În 1919 România și Ungaria au purtat un război. În 1920 Ungaria a semnat un tratat cu România. "
            "În 1947 România și Ungaria au semnat un tratat. Armistițiul cu Ungaria a fost semnat în 1945.")
    assert ("END_WAR", "HUN", "ROU") in _events(text, "ro", sentence=3)


ABOUT_INDIA_AND_CHINA = (
    "In 1962 China attacked India. In 1988 India and China signed a trade agreement. "
    "In 1993 India and China signed a border agreement. "
)


def test_both_armies_pulling_back_is_a_withdrawal_by_each_side_of_the_documents_pair():
    got = _events(ABOUT_INDIA_AND_CHINA + "The standoff ended in August 2017, when both armies pulled back.")
    assert [e for e in got if e[0] == "WITHDRAW"] == [("WITHDRAW", "CHN", "IND"), ("WITHDRAW", "IND", "CHN")]


def test_talks_held_by_the_two_sides_are_negotiations_of_the_documents_pair():
    got = _events(ABOUT_INDIA_AND_CHINA + "Corps commanders of the two armies held many rounds of talks in 2020.")
    assert ("NEGOTIATE", "CHN", "IND") in got


def test_a_dated_joint_act_in_a_sentence_naming_no_actor_is_of_the_documents_pair():
    got = _events(ABOUT_INDIA_AND_CHINA + "Peace talks opened in Geneva on 9 August 2004.")
    assert ("NEGOTIATE", "CHN", "IND") in got
    # undated, it may be a general remark: nothing is added
    assert _events(ABOUT_INDIA_AND_CHINA + "Peace talks are always difficult.") == _events(ABOUT_INDIA_AND_CHINA)


def test_a_trigger_opening_with_the_acting_noun_holds_its_actor():
    # "Trupele ungare s-au retras": the troops' adjective is the actor, not the one acted upon
    text = ("În 1919 armata română a atacat Ungaria. În 1920 Ungaria și România au semnat un tratat. "
            "În 1947 România și Ungaria au semnat un alt tratat. Trupele ungare s-au retras în 1945.")
    assert _events(text, "ro", sentence=3) == [("WITHDRAW", "HUN", "ROU")]


def test_a_reply_answers_whoever_addressed_the_ones_replying():
    text = ("In October 2023 Washington accused Pyongyang of supplying Russia. "
            "Moscow and Pyongyang rejected the accusations.")
    # Pyongyang was accused; Moscow answers with it, so both answer Washington, not each other
    assert sorted(e for e in _events(text, sentence=1) if e[0] == "REJECT") == [
        ("REJECT", "PRK", "USA"), ("REJECT", "RUS", "USA")]


def test_a_russian_reply_answers_the_accuser_of_the_sentence_before():
    text = "Вашингтон обвинил Пхеньян в поставках боеприпасов. Пхеньян отверг обвинения."
    assert ("REJECT", "PRK", "USA") in _events(text, language="ru", sentence=1)


def test_a_reply_answers_no_one_who_addressed_someone_else():
    text = "In 2023 Washington accused Havana of spying. Pyongyang rejected the accusations."
    assert not [e for e in _events(text, sentence=1) if e[0] == "REJECT" and e[2] is not None]


ABOUT_ROMANIA_AND_POLAND = (
    "În 1919 România și Polonia au stabilit relații diplomatice. "
    "La 3 martie 1921 România și Polonia au semnat la București o convenție de alianță defensivă. "
    "În 1926 România și Polonia au semnat un tratat de garanție. "
    "Fiecare parte se obliga să-i vină în ajutor celeilalte dacă aceasta ar fi fost atacată. "
)


def test_an_obligation_to_each_other_is_between_the_documents_pair():
    got = _events(ABOUT_ROMANIA_AND_POLAND, language="ro", sentence=3)
    assert sorted(got) == [("AID", "POL", "ROU"), ("AID", "ROU", "POL")]


def test_an_undated_summary_of_fighting_each_other_tells_no_act():
    text = ABOUT_ROMANIA_AND_POLAND + "Vecinii s-au luptat unul împotriva celuilalt."
    assert _events(text, language="ro", sentence=4) == []


def test_what_the_pair_says_together_is_said_to_a_third_not_to_each_other():
    text = ABOUT_ROMANIA_AND_POLAND + "În 2015 cei doi președinți au cerut o prezență militară aliată mai puternică."
    assert _events(text, language="ro", sentence=4) == []
