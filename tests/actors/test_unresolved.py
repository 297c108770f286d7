"""People and organisations the actor table does not know are kept as unresolved mentions, never
as parties to events; only sentences with an event trigger are read."""

import importlib.util

import pytest

from dyad.actors.ner import UNRESOLVED
from dyad.model import DocumentMeta
from dyad.pipeline import process


def unresolved(text: str, lang: str) -> list[tuple[str, str | None]]:
    doc = process(text, DocumentMeta("t.txt", language=lang))
    for e in doc.events:  # an unknown name is shown to users, never made a party
        assert UNRESOLVED not in {e.source and e.source.code, e.target and e.target.code}
    return [(a.text, a.actor.person) for a in doc.actors if a.kind == "unresolved" and a.actor.code == UNRESOLVED]


@pytest.mark.parametrize("lang,text,found", [
    ("ro", "În 2030, ambasadorul Ion Vasilescu a vizitat Japonia.", [("Ion Vasilescu", "Ion Vasilescu")]),
    ("en", "In 2031 the Ministry of Ocean Affairs protested against Japan.", [("Ministry of Ocean Affairs", None)]),
    ("en", "In 2031 Ambassador John Whitcombe visited Japan.", [("John Whitcombe", "John Whitcombe")]),
    ("ru", "В 2030 году посол Японии Кэнтаро Ямада выразил протест России.", [("Кэнтаро Ямада", "Кэнтаро Ямада")]),
    ("ru", "В 2030 году компания «Нордстар» подписала соглашение с Японией.", [("Нордстар", None)]),
])
def test_an_unknown_person_or_organisation_near_a_trigger_is_kept_unresolved(lang, text, found):
    assert unresolved(text, lang) == found


def test_known_actors_times_and_common_words_are_not_unresolved():
    assert unresolved("În 2001, președintele Vladimir Putin a vizitat Japonia.", "ro") == []
    assert unresolved("În 1994 ministrul Afacerilor Externe al Japoniei a vizitat Rusia.", "ro") == []


def test_a_sentence_without_a_trigger_is_not_read():
    assert unresolved("The Ministry of Ocean Affairs is a large building.", "en") == []


def test_the_stage_can_be_switched_off(monkeypatch):
    monkeypatch.setenv("DYAD_NER", "off")
    assert unresolved("În 2030, ambasadorul Ion Vasilescu a vizitat Japonia.", "ro") == []


@pytest.mark.skipif(importlib.util.find_spec("natasha") is None, reason="natasha (Russian NER models) not installed")
def test_russian_recognizer_finds_a_name_with_no_cue(monkeypatch):
    monkeypatch.setenv("DYAD_NER", "natasha")
    assert unresolved("В 2030 году Пётр Смирнов посетил Токио.", "ru") == [("Пётр Смирнов", "Пётр Смирнов")]
