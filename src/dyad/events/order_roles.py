"""Who acts and who receives, read from word order and agent phrases where the language marks no
case (Romanian, English): the actor before the trigger acts and the one after receives, unless a
passive or an agent phrase ("by the USSR", "de către Rusia") names the agent."""

from __future__ import annotations

from collections.abc import Sequence

from dyad.data import LanguageData
from dyad.events.grammar import (
    PUNCT_STOP,
    TriggerMatch,
    after_preposition,
    coordinated,
    is_nominal,
    is_passive,
    matches_at,
    named_by_noun,
    prepositional,
)
from dyad.events.triggers import find_triggers
from dyad.model import ActorMention, Token

AGENT_REACH = 4  # words between an act's noun and its agent phrase ("anexarea Crimeei de către Rusia")


def _agent_after(data: LanguageData, tokens: Sequence[Token], after: list[ActorMention],
                 trig_end: int) -> ActorMention | None:
    """The actor of an agent phrase: "by the USSR", "de către guvernul japonez". The trigger's own
    words are no agent phrase: "o notă de protest Uniunii Sovietice" is sent to the Soviet Union.
    Nor is the agent of a later act's participle: in "cereri asupra teritoriilor … ocupate de URSS"
    the USSR occupied, it did not demand."""
    later = [t.start for t in find_triggers(data, tokens) if t.start >= trig_end]
    for a in after:
        for k in range(a.token_start - 1, max(a.token_start - 4, trig_end - 1), -1):
            if matches_at(data.roles["passive_agent"], tokens, k) is not None:
                if any(trig_end <= i < k for i in later):
                    break
                return a
            if tokens[k].text in PUNCT_STOP or matches_at(data.roles["target_prepositions"], tokens, k) is not None:
                break  # "planurile de război împotriva URSS": a nearer preposition governs it
    return None


def _participle_agent(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, agent: ActorMention) -> bool:
    """"teritoriile ocupate de URSS", "the islands occupied by the Soviet Union": an agent marker right
    after the trigger (roles.yaml `participle_agent`; an article may stand before the name) makes
    the trigger a passive participle, so the agent acts even with no auxiliary before it."""
    end = matches_at(data.roles["participle_agent"], tokens, trig.end) if trig.end < len(tokens) else None
    return end is not None and 0 <= agent.token_start - end <= 1


def by_order(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, before: list[ActorMention],
              after: list[ActorMention], symmetric: bool) -> tuple[ActorMention | None, ActorMention | None]:
    noun = named_by_noun(data, tokens, trig)  # an act's noun ("the invasion of"), not a verb
    agent = _agent_after(data, tokens, after, trig.end)
    # the other side stands outside the agent's list ("imposed by the US, Canada and the EU against Russia")
    agents = coordinated(data, tokens, after, agent) if agent is not None else []
    # nor is an actor of the agent's own country ("de împăratul Alexandru al II-lea al Rusiei")
    other = next((a for a in after if a not in agents and (agent is None or a.actor.code != agent.actor.code)), None)
    if is_passive(data, tokens, trig) or agent is not None and _participle_agent(data, tokens, trig, agent):
        return agent, before[-1] if before else other
    if agent is not None and (not before or noun
                              and agent.token_start - trig.end <= AGENT_REACH):
        # a nominalised act with its agent phrase: "the annexation of Crimea by Russia",
        # "încălcarea spațiului aerian al URSS de către armata japoneză"; an actor before the noun
        # belongs to another phrase ("destabilizarea situației din Ucraina și anexarea Crimeei de către Rusia")
        return agent, other
    in_phrase = prepositional(data, tokens, before)
    if before and before[-1] in in_phrase and before[-1].token_end == trig.start and after \
            and is_nominal(data, tokens[trig.start]):
        # "for the anniversary of the German invasion of Poland": the adjective before the noun acts
        return before[-1], after[0]
    subjects = [a for a in before if a not in in_phrase]
    if subjects and subjects[-1] is not before[-1] and not after:
        # "URSS, cu Germania și Turcia, a parafat un pact": the subject acts on the prepositional actor
        return subjects[-1], before[-1]
    if not subjects and len(after) >= 2 and noun:
        before = []  # "din relația dintre URSS și Japonia, a avut loc o vizită a președintelui URSS în Japonia"
    before = subjects or before
    if symmetric and len(before) >= 2 and not after:
        return before[-2], before[-1]
    if before or len(after) < 2:
        return (before[-1] if before else None), (after[0] if after else None)
    if not noun and any(
            matches_at(data.roles["complementizers"], tokens, k) is not None
            for k in range(max(trig.end, after[0].token_start - 2), after[0].token_start)):
        # "Kogălniceanu ceruse ca Înalta Poartă să recunoască …": the subject of the clause a verb
        # opens is whom the verb reaches, not who acts
        return None, after[0]
    if not noun and not trig.spec.reverse and after_preposition(data, tokens, after[0]):
        # "Park flew to Tokyo … for talks with Ikeda": a verb's object after its preposition is no
        # agent; a subject may follow it ("a venit la București delegația japoneză"). A pattern that
        # says the host comes first (`reverse`: "a sosit în Bulgaria misiunea militară germană") is
        # read as it says
        return next((a for a in after[1:] if not after_preposition(data, tokens, a)
                     and a.actor.code != after[0].actor.code), None), after[0]
    # the act's noun, then its agent and the other side; an apposition may name the agent again
    # ("vizita președintelui URSS, M.S. Gorbaciov, în Japonia"): the target is the first other country
    return after[0], next((a for a in after[1:] if a.actor.code != after[0].actor.code), after[1])
