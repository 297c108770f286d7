"""Which of a sentence's actors take part in an act: who only mediates it ("mediated by Roosevelt"),
names the place a document was made ("the Tashkent Declaration"), frames a joint act ("a UN
ceasefire"), or stands for the pair a text is about ("both sides", "each party … the other", a
pronoun for the previous subject)."""

from __future__ import annotations

from collections.abc import Sequence

from dyad.data import LanguageData
from dyad.events.grammar import TriggerMatch, is_nominal, matches_at, matches_in
from dyad.events.memo import last_call
from dyad.events.roles import phrase_actors
from dyad.model import ActorMention, Token


@last_call  # asked for each trigger of a sentence, then once more for the sentence, with its actors
def mediator_actors(data: LanguageData, tokens: Sequence[Token], actors: list[ActorMention]) -> list[ActorMention]:
    """The actors of a mediating phrase ("mediated by President Roosevelt"): no party."""
    return phrase_actors(data, tokens, actors, "mediators")


def in_document_name(data: LanguageData, tokens: Sequence[Token], m: ActorMention) -> bool:
    """A capital inside a document's or meeting's name ("the Tashkent Declaration", "Tratatul de
    la Trianon", "Минские соглашения") names the place it was made, not a party to it."""
    if m.kind != "country" or m.actor.sector != "GOV" or m.token_start < 0:
        return False
    nouns, links = data.roles["document_nouns"], data.roles["name_links"]
    if m.token_end < len(tokens) and matches_at(nouns, tokens, m.token_end) is not None:
        return True
    for k in range(max(0, m.token_start - 3), m.token_start):
        if matches_at(links, tokens, k) == m.token_start and k > 0 and matches_at(nouns, tokens, k - 1) is not None:
            return True
    return False


def frames(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, a: ActorMention) -> bool:
    """An organization as the modifier of an act's noun: after a determiner right before it ("a UN
    ceasefire"), or right after a noun trigger (the genitive "summitului NATO", "саммит ШОС")."""
    if a.kind != "organization":
        return False
    before = a.token_end == trig.start and a.token_start > 0 \
        and matches_at(data.roles["noun_markers"], tokens, a.token_start - 1) is not None
    return before or a.token_start == trig.end and is_nominal(data, tokens[trig.start])


def document_acts(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, clause: tuple[int, int]) -> bool:
    """"The declaration ended the state of war": a document as the subject acts for its parties."""
    return matches_in(data.roles["acting_documents"], tokens, clause[0], trig.start)


def names_the_pair(data: LanguageData, tokens: Sequence[Token], clause: tuple[int, int]) -> bool:
    """"the two countries", "ambele părți", "обе стороны", "each party" (roles.yaml `pair_words`)."""
    return matches_in(data.roles["pair_words"], tokens, *clause)


def to_each_other(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch) -> bool:
    """"обязывает стороны оказать друг другу военную помощь", "să-i vină în ajutor celeilalte": a
    reciprocal phrase (roles.yaml `reciprocal`) inside the trigger or right after it."""
    return matches_in(data.roles["reciprocal"], tokens, trig.start, min(len(tokens), trig.end + 1))


def pronoun_before(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, clause: tuple[int, int]) -> bool:
    """"He stressed", "Ei au raportat": a subject pronoun stands for the previous sentence's subject."""
    return any(matches_at(data.roles["subject_pronouns"], tokens, k) is not None
               for k in range(max(clause[0], trig.start - 3), trig.start))
