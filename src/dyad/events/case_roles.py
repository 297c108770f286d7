"""Who acts and who receives, read from grammatical case where the language marks it (Russian):
the nominative acts and the accusative or dative receives; in a passive the instrumental acts; a
genitive right after an act's noun is its agent ("нападение Германии на Польшу"); a form that may be
genitive after another noun belongs to that noun ("границы СССР")."""

from __future__ import annotations

from collections.abc import Sequence

from dyad.data import LanguageData
from dyad.events.grammar import (
    after_preposition,
    cases_of,
    coordinated,
    governed,
    is_nominal,
    is_nominative,
    matches_at,
)
from dyad.model import ActorMention, Token

OWNER_REACH = 5  # words between an act's genitive agent and the phrase naming the other side


def by_case(data: LanguageData, tokens: Sequence[Token], before: list[ActorMention], after: list[ActorMention],
             passive: bool, nominal: bool = False, trig_start: int = 0,
             mutual: bool = False, suffered: bool = False) -> tuple[ActorMention | None, ActorMention | None]:
    nearest = list(reversed(before)) + after

    def bare_instrumental(a: ActorMention) -> bool:  # "атакована Германией", not "с Китаем"
        return "ablt" in cases_of(a) and not is_nominative(a) and not governed(tokens, a)

    if nominal:  # "нарушение японскими силами советской границы": the instrumental after the noun acts
        # "санкциям, введённым США, Канадой и Евросоюзом против России": a participle may stand between
        agent = next((a for a in after if bare_instrumental(a) and (a.token_start - trig_start <= 3 or any(
            t.tags.startswith("PRTF") for t in tokens[trig_start + 1:a.token_start]))), None)
        if agent:
            agents = coordinated(data, tokens, after, agent)
            return agent, next((a for a in after if a not in agents and a.actor.code != agent.actor.code), None)
        # "нападение Германии на Польшу", "визит Путина в Японию": the genitive right after the noun
        # acts on the one its preposition marks
        owner = after[0] if after and "gent" in cases_of(after[0]) and after[0].token_start - trig_start <= 2 \
            and not mutual and not after_preposition(data, tokens, after[0]) \
            and not _of_another_noun(data, tokens, after[0], trig_start) else None
        marked = next((a for a in after[1:] if after_preposition(data, tokens, a)), None) if owner else None
        if owner and marked is None:  # "вторжения японских самолётов в воздушное пространство СССР":
            # the preposition governs the noun the actor belongs to
            marked = next((a for a in after[1:] if a.token_start - owner.token_end <= OWNER_REACH
                           and a.actor.code != owner.actor.code and any(
                               matches_at(data.roles["target_prepositions"], tokens, k) is not None
                               for k in range(owner.token_end, a.token_start))), None)
        if owner and marked and marked.actor.code != owner.actor.code:
            return owner, marked
    if passive:  # "Польша была атакована Германией": the instrumental acts, the nominative suffers
        agent = next((a for a in nearest if bare_instrumental(a)), None)
        patient = next((a for a in nearest if is_nominative(a)), None)
        if agent or suffered and patient and patient.token_end <= trig_start:
            # a pattern that is itself passive ("потерпеть поражение") with no agent named: the
            # subject still suffers the act ("русская армия потерпела поражение под Мукденом");
            # whoever did it is found elsewhere, or not at all
            return agent, patient
    # after the verb, a form that may be nominative or accusative ("посетивший Минск") is its object
    # a form that may be genitive right after a noun belongs to that noun ("границы СССР"): it is
    # a subject only when no other nominative is at hand
    # "Вашингтон распространил на Советский Союз программу ленд-лиза": after a preposition, no subject
    # "Россия уведомила КНДР, что не станет продлевать договор": a form that may be accusative right
    # after another verb is that verb's object, the subject of neither; the object of "accused X of
    # supplying" is the agent of the act named by a noun
    # "Гельмут Коль приехал в Советский Союз": a form right after any preposition is its object,
    # whatever case the analyser also allows it
    verbal = not is_nominal(data, tokens[trig_start])
    source = next((a for a in nearest if is_nominative(a) and not _genitive_of_noun(tokens, a, trig_start)
                   and not after_preposition(data, tokens, a) and not governed(tokens, a)
                   and not (verbal and _object_of_verb(tokens, a, trig_start))), None) \
        or next((a for a in nearest if is_nominative(a) and not _genitive_of_noun(tokens, a, trig_start)
                 and not after_preposition(data, tokens, a) and not governed(tokens, a)), None)
    if source is None and not any(a.token_end <= trig_start and not cases_of(a) for a in before):
        source = next((a for a in nearest if is_nominative(a)), None)
    if source is None:  # an acronym the analyser declines oddly ("РФ готова …") or a name it cannot
        # decline at all ("Абэ … приехал в Россию"): the one before the verb
        source = next((a for a in reversed(before) if (a.text.isupper() and len(a.text) > 1 or not cases_of(a))
                       and not after_preposition(data, tokens, a)), None)
    rest = [a for a in after + list(reversed(before))
            if a is not source and (source is None or a.actor.code != source.actor.code)]
    # "Вашингтон обвинил Пхеньян в поставке России": with the subject before the verb, a form right
    # after the verb that may be accusative is its object, though it may be nominative too
    direct = next((a for a in rest if verbal and source is not None and source.token_end <= trig_start
                   and a.token_start - trig_start <= 2 and a.token_start >= trig_start
                   and "accs" in cases_of(a) and not governed(tokens, a)), None)
    target = direct or next((a for a in rest if not is_nominative(a)), rest[0] if rest else None)
    return source, target


def _object_of_verb(tokens: Sequence[Token], a: ActorMention, trig_start: int) -> bool:
    """An actor before the trigger, right after a verb that is not the trigger, in a form that may be
    accusative or dative: that verb's object ("уведомила КНДР, что …")."""
    k = a.token_start - 1
    return a.token_end <= trig_start and k >= 0 and tokens[k].tags.startswith("VERB") \
        and bool(cases_of(a) & {"accs", "datv"})


def _of_another_noun(data: LanguageData, tokens: Sequence[Token], a: ActorMention, trig_start: int) -> bool:
    """"обстрел территории СССР": a genitive after another noun belongs to that noun, unless the noun
    is an office ("визит премьер-министра Абэ": the office holder is the act's own genitive)."""
    k = a.token_start - 1
    return _genitive_of_noun(tokens, a, trig_start) and not any(
        end == k + 1 for j in range(max(0, k - 2), k + 1) if (end := matches_at(data.titles, tokens, j)) is not None)


def _genitive_of_noun(tokens: Sequence[Token], a: ActorMention, trig_start: int) -> bool:
    """Genitive after a noun other than the trigger (after the trigger it is the act's own
    agent or patient: "визит Горбачёва")."""
    k = a.token_start - 1
    if k >= 1 and tokens[k - 1].text[:1].isdigit():
        return False  # "в 1941 года США предоставили": the noun before is a date's, not a head
    return "gent" in cases_of(a) and k > 0 and k != trig_start and tokens[k].tags.startswith("NOUN")
