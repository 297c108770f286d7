"""What a clause leaves open, from what the text names elsewhere: the agreement and territories an act
is about, and the side they imply (a named treaty's other party, a territory's holder at the date,
a territory that is a place and not a party).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from dyad.data import KindInfo, LanguageData, agreement_parties, held_by_others, holder_at, taken_from
from dyad.events.grammar import PUNCT_STOP, TriggerMatch, after_preposition, is_nominative
from dyad.events.memo import last_call
from dyad.events.roles import Roles
from dyad.model import ActorMention, ActorRef, DateValue, Token
from dyad.patterns import PatternSet

PARTY_KINDS = {"SIGN_AGREEMENT", "RATIFY", "TERMINATE_AGREEMENT", "END_WAR"}
HOLDER_KINDS = {"OCCUPY", "ATTACK", "CEDE_TERRITORY"}  # a claim renounced goes to the holder
OBJECT_KINDS = {"OCCUPY", "ATTACK", "WITHDRAW"}  # "invaded Sinai", "left Sinai": done to the place's holder
WITHDRAWAL_GAP = 4  # words between a withdrawal and the territory it leaves ("from the whole of Sinai")
OBJECT_REACH = 4  # words from a territory object to a party that is its holder ("seized Crimea from Ukraine")


def named_arguments(data: LanguageData, tokens: Sequence[Token], clause: tuple[int, int],
                    actors: Sequence[ActorMention] = ()) -> tuple[str | None, list[str] | None]:
    """The agreement and territories named in the trigger's clause, else in its sentence."""
    def names(found: list[tuple[int, str]]) -> list[str]:
        inside = [name for i, name in found if clause[0] <= i < clause[1]]
        out: list[str] = []
        for name in inside or [name for _, name in found]:
            if name not in out:
                out.append(name)
        return out

    agreements, territories = named_in_sentence(data, tokens, actors)
    agreement_names = names(agreements)
    return (agreement_names[0] if agreement_names else None), (names(territories) or None)


@last_call  # the same for every trigger of a sentence: asked once per trigger, computed once
def named_in_sentence(data: LanguageData, tokens: Sequence[Token],
                      actors: Sequence[ActorMention]) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """(position, name) of the agreements and of the territories the sentence names, in order;
    the longer of two overlapping names wins. A territory inside a longer actor's name is that
    actor ("Coreea de Sud" names no "Korea")."""
    def inside_name(i: int, j: int) -> bool:
        return any(a.token_start <= i and j <= a.token_end and a.token_end - a.token_start > j - i for a in actors)

    def named(ps: PatternSet) -> list[tuple[int, str]]:
        taken = [False] * len(tokens)
        found = []
        for i, j, p in sorted(ps.find(tokens), key=lambda m: (-(m[1] - m[0]), m[0])):
            if ps is data.territories and inside_name(i, j):
                continue
            if not any(taken[i:j]):  # "Kurilele de Sud" is South Kuril Islands, not also Kuril Islands
                taken[i:j] = [True] * (j - i)
                found.append((i, p.payload))
        found.sort()
        return found

    return named(data.agreements), named(data.territories)


def implied_actor(code: str) -> ActorMention:
    """An actor the text implies without naming it here: no span of its own."""
    return ActorMention(-1, -1, "", ActorRef(code), "country")


def complete_roles(data: LanguageData, tokens: Sequence[Token], roles: Roles, info: KindInfo,
                   actors: list[ActorMention], trig: TriggerMatch, agreement: str | None,
                   territory: list[str] | None, date: DateValue | None, clause: tuple[int, int]) -> Roles:
    """Fill a missing side from what the text names elsewhere: the parties of a named treaty
    ("Moscow denounced the neutrality pact" → against Japan), the holder of a territory at the
    date ("occupied Manchuria" in 1900 → China), else another actor of the same sentence: the
    nearest, or when all of them stand in clauses before the trigger's, the subject of those
    ("Finland joined NATO; the Kremlin called this an encroachment": the act referred to is
    Finland's, and NATO is only its object): a nominative, else one outside a prepositional
    phrase ("In June 1940, after the fall of France, London offered …; de Valera turned it down")."""
    sources, targets = list(roles.sources), list(roles.targets)
    parties = agreement_parties(agreement) if info.name in PARTY_KINDS or trig.spec.recipient else ()
    if trig.spec.recipient and not sources and len(targets) == 1 and len(parties) == 2 \
            and targets[0].actor.code in parties:  # "подписали Айгунский договор, и левый берег Амура отошёл к
        # России": what one party received under a named treaty, its other party gave
        return Roles([implied_actor(next(p for p in parties if p != targets[0].actor.code))], targets,
                     roles.carried, roles.unordered)
    if len(parties) == 2 and info.name in PARTY_KINDS:
        # a side of the source's own country is no other side: "războiul chino-japonez …, care s-a
        # încheiat cu înfrângerea armatei chineze și semnarea Tratatului … Shimonoseki" names China twice
        targets = [a for a in targets if a.actor.code not in {s.actor.code for s in sources}]
        named = {a.actor.code for a in sources + targets}
        if not sources:  # a joint act's party the text leaves out ("armistițiul cu Uniunea Sovietică a fost semnat")
            left_out = [p for p in parties if p not in named] if info.symmetric else []
            sources = [implied_actor((left_out or parties)[0])]
        if not targets and sources[0].actor.code in parties and not named - set(parties):
            targets = [implied_actor(p) for p in parties if p != sources[0].actor.code][:1]
    if not targets and sources and territory and info.name in HOLDER_KINDS:
        holder = holder_before(territory[0], date, sources[0].actor.code)
        if holder and holder != sources[0].actor.code:
            targets = [implied_actor(holder)]
    if not targets and sources and not info.symmetric:
        codes = {a.actor.code for a in sources}
        # not from a later clause: "a British task force began to sail …, and the European Community
        # banned imports" mobilised against no one in that clause
        others = [a for a in actors if a.actor.code not in codes and a.token_start < clause[1]]
        if others and all(a.token_start < clause[0] for a in others):
            targets = [next((a for a in others if is_nominative(a)), None)
                       or next((a for a in others if not after_preposition(data, tokens, a)), others[0])]
        elif others:
            targets = [min(others, key=lambda a: abs(a.token_start - trig.start))]
    if (sources, targets) == (roles.sources, roles.targets):
        return roles
    return Roles(sources, targets, roles.carried, roles.unordered)


@last_call  # the same for every trigger of a sentence
def place_actors(data: LanguageData, tokens: Sequence[Token], actors: list[ActorMention]) -> list[ActorMention]:
    """Actors whose words name a territory of the table held by others ("invaded the Falkland
    Islands": the place; its holder is the party, see complete_roles)."""
    starts = [(i, p.payload) for i, _, p in data.territories.find(tokens)]  # searched once, not per actor
    return [a for a in actors if a.kind == "country"
            and any(i == a.token_start and held_by_others(name, a.actor.code) for i, name in starts)]


def territory_object(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch,
                     actors: Sequence[ActorMention], gap: int = 1) -> tuple[int, str] | None:
    """(position, name) of a territory right after the trigger, at most `gap` words on ("invaded Sinai",
    "the invasion of Manchuria", "withdraw from the whole of Sinai"): what a force or withdrawal act
    is done to."""
    _, territories = named_in_sentence(data, tokens, actors)
    return next(((i, name) for i, name in territories if trig.start < i <= trig.end + gap
                 and not any(t.text in PUNCT_STOP for t in tokens[trig.end:i])
                 and not any(trig.end <= a.token_start < i for a in actors)), None)


def held_object(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, info: KindInfo, roles: Roles,
                actors: list[ActorMention], date: DateValue | None) -> Roles:
    """"Israel invaded Sinai under a plan drawn up with Britain and France", "Israeli troops left Sinai":
    a territory right after a force or withdrawal verb is what the act is done to, so its holder at
    the date is the target, not a party named further on in another phrase or elsewhere in the
    sentence ("occupied Crimea from Ukraine" keeps Ukraine)."""
    if info.name not in OBJECT_KINDS or not roles.sources:
        return roles
    # one leaves a place "from the whole of" it; a battle "de la Lacul Khasan" is fought at one
    found = territory_object(data, tokens, trig, actors, WITHDRAWAL_GAP if info.name == "WITHDRAW" else 1)
    if found is None or any(a.token_start <= found[0] + OBJECT_REACH for a in roles.targets):
        return roles
    name = found[1]
    # a withdrawal hands the place back: its holder after the act ("left Sinai in 1982": Egypt)
    source = roles.sources[0].actor.code
    holder = holder_at(name, date.end if date else None) if info.name == "WITHDRAW" \
        else holder_before(name, date, source)
    if info.name == "WITHDRAW" and holder == source:  # a withdrawal promised while still there: back to
        holder = taken_from(name, source, date.end if date else None)  # whom it was taken from
    if holder is None or holder in {a.actor.code for a in roles.sources}:
        return roles
    return Roles(roles.sources, [implied_actor(holder)], roles.carried, roles.unordered)


def holder_before(territory: str, date: DateValue | None, actor: str) -> str | None:
    """The holder of a territory when an act by `actor` began: on the day an occupation starts the
    table already names the occupier ("Argentina invaded the Falklands on 2 April 1982"), so the
    one it was taken from is the holder the day before."""
    if date is None:
        return None
    holder = holder_at(territory, date.start)
    if holder == actor:
        try:
            day_before = (dt.date.fromisoformat(date.start) - dt.timedelta(days=1)).isoformat()
        except ValueError:  # a date Python's calendar does not hold (before year 1)
            return holder
        return holder_at(territory, day_before)
    return holder
