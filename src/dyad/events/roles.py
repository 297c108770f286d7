"""Who acts and who is acted upon, around one trigger (DESIGN §3 coding conventions).

Signals, most specific first: "between X and Y"; a compound adjective naming both parties
("ruso-japonez", no direction: alphabetical); grammatical case where the language marks it
(the nominative acts; in a passive the instrumental acts); passive voice with an agent
phrase ("by", "de către"); then word order (the actor before the trigger acts, the one
after receives). Actors joined by a conjunction share their role, and each named pair
gives its own event. The grammar words are each language's `roles.yaml`. Case and word order,
the last two signals, are read in case_roles.py and order_roles.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dyad.data import LanguageData, government_noun_before
from dyad.events.case_roles import by_case
from dyad.events.grammar import (
    PUNCT_STOP,
    TriggerMatch,
    after_locative,
    after_preposition,
    cases_of,
    coordinated,
    is_nominal,
    is_nominative,
    is_passive,
    matches_at,
    named_by_noun,
)
from dyad.events.order_roles import by_order
from dyad.model import ActorMention, Token

COMPOUND_DISTANCE = 4
HANDED_REACH = 4  # words between a light verb's recipient and the act's noun ("României un ultimatum")
SUBJECT_REACH = 3  # words from a clause's comma to the subject it shares (", guvernul sovietic")
BETWEEN_REACH = 6  # words from an act to a 'between' phrase that may name its parties, when its own phrase names one


@dataclass
class Roles:
    sources: list[ActorMention]
    targets: list[ActorMention]
    carried: bool = False  # the source came from an earlier sentence
    unordered: bool = False  # the text gives no direction: the pair is put in alphabetical order

    @property
    def source(self) -> ActorMention | None:
        return self.sources[0] if self.sources else None


def _between(data: LanguageData, tokens: Sequence[Token],
             actors: list[ActorMention]) -> tuple[ActorMention, ActorMention] | None:
    """"între X și Y", "между X и Y", "between X and Y"."""
    for a, b in zip(actors, actors[1:], strict=False):
        k = a.token_start - 1
        if k >= 0 and matches_at(data.roles["between"], tokens, k) is not None and b.token_start - a.token_end <= 2:
            return a, b
    return None


def _compound_pair(compound: ActorMention) -> tuple[ActorMention, ActorMention]:
    other = ActorMention(compound.start, compound.end, compound.text, compound.pair,  # type: ignore[arg-type]
                         "country", compound.sentence, compound.token_start, compound.token_end)
    return compound, other


def _has_subject(data: LanguageData, tokens: Sequence[Token], actors: list[ActorMention], trig: TriggerMatch) -> bool:
    before = [a for a in actors if a.token_end <= trig.start]
    if any(a.case for a in actors):
        return any(is_nominative(a) for a in before)
    return any(not after_preposition(data, tokens, a) for a in before)


def _main_subject(data: LanguageData, tokens: Sequence[Token], earlier: list[ActorMention],
                  target: ActorMention) -> ActorMention | None:
    """The subject of the clause before ("Судзуки — первый из политиков, посетивший Россию",
    "Japonia, care a semnat …"): an embedded clause with no subject of its own shares it."""
    if any(a.case for a in earlier):
        candidates = [a for a in earlier if is_nominative(a)]
    else:
        candidates = [a for a in earlier if not after_preposition(data, tokens, a)]
    return next((a for a in reversed(candidates) if a.actor.code != target.actor.code), None)


def phrase_actors(data: LanguageData, tokens: Sequence[Token], actors: list[ActorMention],
                  key: str) -> list[ActorMention]:
    """Actors of a phrase that roles.yaml `key` opens, lists included: "alongside" ("alături de cea
    rusă", "вместе с Германией"), "mediators" ("mediated by President Roosevelt")."""
    found: list[ActorMention] = []
    for a in actors:
        if a in found:
            continue
        for k in range(a.token_start - 1, max(a.token_start - 5, -1), -1):
            end = matches_at(data.roles[key], tokens, k)
            if end is not None and 0 <= a.token_start - end <= 2:
                found.extend(m for m in coordinated(data, tokens, actors, a) if m.token_start >= a.token_start)
                break
            if tokens[k].text in PUNCT_STOP:
                break
    return found


def _a_place(data: LanguageData, tokens: Sequence[Token], a: ActorMention) -> bool:
    """"din Coreea", "in Korea": an actor after a locative preposition, unless a government noun
    stands before it ("guvernul de la București" acts)."""
    return after_locative(data, tokens, a) and government_noun_before(data, tokens, a.token_start) is None


def _handed_over(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, clause: tuple[int, int],
                 before: list[ActorMention]) -> Roles | None:
    """"Guvernul sovietic a trimis României un ultimatum": an act handed over by a light verb goes
    from the verb's subject to the one named between the verb and the act's noun."""
    verb = next((k for k in range(trig.start - 1, clause[0] - 1, -1)
                 if matches_at(data.roles["light_verbs"], tokens, k) is not None), None)
    if verb is None:
        return None
    subject = [a for a in before if a.token_end <= verb and not after_preposition(data, tokens, a)]
    recipient = [a for a in before if a.token_start > verb]
    if not subject or not recipient or subject[-1].actor.code == recipient[0].actor.code \
            or trig.start - recipient[-1].token_end > HANDED_REACH:  # the handed noun follows its recipient
        return None
    return Roles([subject[-1]], [recipient[0]])


def _demonym_agent(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch,
                   before: list[ActorMention], after: list[ActorMention]) -> Roles | None:
    """"atacul german asupra URSS", "германское нападение на СССР", "the German attack on the USSR":
    a demonym beside an act's noun, on the side where the language puts its adjectives (roles.yaml
    `adjective_order`), names who acts, and the act reaches the other side named after it. A suffered
    act ("înfrângerea japoneză") is the demonym's own. A word that a demonym may modify (actors.yaml
    `act_nouns`: "atac") is a noun there, where the language gives no parts of speech; a noun for those
    who act ("ocupanții japonezi", `acting_nouns`) names an actor, not an act."""
    if matches_at(data.acting_nouns, tokens, trig.start) is not None or not (
            is_nominal(data, tokens[trig.start]) or matches_at(data.act_nouns, tokens, trig.start) is not None):
        return None
    if data.adjectives_follow:
        noun_end = trig.start + 1
        demonym = next((a for a in after if a.demonym and 0 <= a.token_start - noun_end <= 1), None)
        gap = range(noun_end, demonym.token_start) if demonym else range(0)
    else:
        demonym = before[-1] if before and before[-1].demonym and trig.start - before[-1].token_end <= 1 else None
        gap = range(demonym.token_end, trig.start) if demonym else range(0)
    if demonym is None or any(tokens[k].text in PUNCT_STOP for k in gap):
        return None
    other = next((a for a in after if a.token_start >= max(trig.start + 1, demonym.token_end)
                  and a.actor.code != demonym.actor.code), None)
    agents = [a for a in coordinated(data, tokens, before + after, demonym) if a.demonym]
    if other is None:  # "intervenția japoneză în Orientul Îndepărtat": the other side is left open
        return None if trig.spec.passive else Roles(agents, [])
    others = [a for a in coordinated(data, tokens, after, other) if a not in agents]
    return Roles(others, agents) if trig.spec.passive else Roles(agents, others)


def _shared_subject(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, clause: tuple[int, int],
                    actors: list[ActorMention]) -> ActorMention | None:
    """"În timp ce condamna aspru agresiunea japoneză împotriva Chinei, guvernul sovietic a încercat …":
    a clause a subordinator opens (roles.yaml `subordinators`), with no actor before its verb, shares
    the subject the main clause names right after its comma."""
    opener, comma = clause[0] - 1, clause[1]
    if opener < 0 or comma >= len(tokens) or tokens[comma].text != "," \
            or matches_at(data.roles["subordinators"], tokens, opener) is None \
            or any(clause[0] <= a.token_start < trig.start for a in actors):
        return None
    return next((a for a in actors if comma < a.token_start <= comma + SUBJECT_REACH
                 and not after_preposition(data, tokens, a) and (not a.case or is_nominative(a))), None)


def _second_verb(data: LanguageData, tokens: Sequence[Token], lo: int, trig: TriggerMatch) -> bool:
    """A conjunction in tokens[lo:trig.start] that opens a new verb: the trigger itself when a verb,
    an auxiliary (roles.yaml `auxiliaries`: "și au început") or a word the analyser tags as a verb."""
    for k in range(lo, trig.start):
        if matches_at(data.roles["conjunction"], tokens, k) is None or k + 1 >= len(tokens):
            continue
        nxt = tokens[k + 1]
        if k + 1 == trig.start and not named_by_noun(data, tokens, trig) or nxt.tags.startswith("VERB") \
                or matches_at(data.roles["auxiliaries"], tokens, k + 1) is not None:
            return True
    return False


def _joined(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, clause: tuple[int, int],
            in_clause: list[ActorMention], symmetric: bool) -> Roles | None:
    """"Japan joined the sanctions imposed by the US and the EU against Russia" (roles.yaml
    `joining`): the act is the others', named after the trigger, and the one who joins does it too."""
    cue = next((k for k in range(clause[0], trig.start) if matches_at(data.roles["joining"], tokens, k) is not None),
               None)
    if cue is None:
        return None
    joiners = [a for a in in_clause if a.token_end <= cue
               and (cue - a.token_end <= 2 or not after_preposition(data, tokens, a))]
    own = [a for a in in_clause if a.token_start >= trig.start]
    if not joiners or not own:
        return None
    roles = assign_roles(data, tokens, trig, own, clause, symmetric)
    joiner = joiners[-1]
    if not roles.targets or joiner.actor.code in {a.actor.code for a in roles.targets}:
        return None
    return Roles([joiner] + [a for a in roles.sources if a.actor.code != joiner.actor.code], roles.targets)


def assign_roles(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, actors: list[ActorMention],
                 clause: tuple[int, int], symmetric: bool) -> Roles:
    if trig.spec.recipient:  # "… отошёл к России": only the one after the preposition is named, and receives
        receiver = next((a for a in actors if trig.start <= a.token_start <= trig.end
                         and after_preposition(data, tokens, a)), None)
        return Roles([], [receiver] if receiver else [])
    in_clause = [a for a in actors if clause[0] <= a.token_start and a.token_end <= clause[1]] or actors
    joining = _joined(data, tokens, trig, clause, in_clause, symmetric)
    if joining is not None:
        return joining
    allies = phrase_actors(data, tokens, in_clause, "alongside")
    others = [a for a in actors if a not in allies]
    if allies and others:  # the allies act with the subject: roles from the rest, then they join the sources
        roles = assign_roles(data, tokens, trig, others, clause, symmetric)
        if roles.sources:
            codes = {a.actor.code for a in roles.sources + roles.targets}
            joined = roles.sources + [a for a in allies if a.actor.code not in codes]
            return Roles(joined, roles.targets, roles.carried, roles.unordered)
        return roles
    pair = _between(data, tokens, in_clause)
    if pair and pair[0].token_start - 1 > trig.end and not is_passive(data, tokens, trig) \
            and not is_nominal(data, tokens[trig.start]) and _has_subject(data, tokens, in_clause, trig):
        pair = None  # "Putin proposed to Abe a treaty between the two countries": the treaty's parties
    if pair and pair[0].token_start - trig.end > BETWEEN_REACH and any(
            0 <= a.token_start - trig.end <= 1 and after_preposition(data, tokens, a)
            and a.actor.code not in (pair[0].actor.code, pair[1].actor.code) for a in in_clause):
        pair = None  # "condamna agresiunea japoneză împotriva Chinei, guvernul sovietic a încercat … să
        # agraveze relațiile dintre URSS și Japonia": a later verb's pair, with the act's own parties nearer
    compound = next((a for a in sorted(in_clause, key=lambda a: abs(a.token_start - trig.start)) if a.pair), None)
    if pair and compound and abs(compound.token_start - trig.start) < abs(pair[0].token_start - trig.start) \
            and abs(compound.token_start - trig.start) <= COMPOUND_DISTANCE:
        pair = None  # "подписания японо-американского договора …, отношения между СССР и Японией": the nearer names it
    if pair and pair[1].token_end < trig.start and any(t.text == "," for t in tokens[pair[1].token_end:trig.start]) \
            and len({a.actor.code for a in in_clause if a.token_start >= trig.end}) >= 2:
        pair = None  # "Pentru … relația dintre URSS și Japonia, a avut loc o vizită a președintelui URSS în
        # Japonia": an earlier phrase's pair gives way to the two the act names after it
    if pair:
        return Roles([pair[0]], [pair[1]], unordered=True)
    if compound and abs(compound.token_start - trig.start) <= COMPOUND_DISTANCE:
        first, second = _compound_pair(compound)
        subject = next((a for a in reversed(in_clause) if a.token_end <= trig.start and a is not compound
                        and a.actor.code in (first.actor.code, second.actor.code)
                        and not after_preposition(data, tokens, a)), None)
        if subject is not None:  # "the Soviet government proposed a Soviet-Japanese pact": it acts
            return Roles([subject], [second if subject.actor.code == first.actor.code else first])
        # not a place ("Disputa din Coreea a dus la războiul chino-japonez": Korea did not fight)
        outsider = next((a for a in reversed(in_clause) if a.token_end <= trig.start and a is not compound
                         and not after_preposition(data, tokens, a) and (not a.case or is_nominative(a))
                         and not _a_place(data, tokens, a)), None)
        if outsider is not None and not symmetric:
            # "guvernul de la București a renunțat la garanțiile franco-britanice": a third party
            # acts towards both the compound names
            return Roles([outsider], [first, second])
        return Roles([first], [second], unordered=True)
    before = [a for a in in_clause if a.token_end <= trig.start]
    after = [a for a in in_clause if a.token_start >= trig.start]  # inside a discontinuous trigger counts as after
    inside = [a for a in after if a.token_end < trig.end]
    opens_with_actor = matches_at(data.acting_nouns, tokens, trig.start) is not None or named_by_noun(
        data, tokens, trig) and matches_at(data.act_nouns, tokens, trig.start) is not None
    if inside and trig.end - trig.start > 2 and opens_with_actor \
            and (not before or inside[0].token_start == trig.start + 1):
        # "Trupele americane s-au retras", "agresiunea Rusiei împotriva Ucrainei": a trigger that opens
        # with an acting noun or an act's noun holds its actor (not "demanded", whose lemma is the noun's);
        # the actor right after that noun is its subject even after another clause's actor ("După ce
        # România …, misiunea franceză a părăsit"), one further in may be the object's ("the
        # withdrawal of the Indian soldiers")
        before, after = inside, [a for a in after if a not in inside]
    demonym = _demonym_agent(data, tokens, trig, before, after)
    if demonym is not None:
        return demonym
    shared = None if is_passive(data, tokens, trig) or named_by_noun(data, tokens, trig) \
        else _shared_subject(data, tokens, trig, clause, actors)
    if shared is not None and after:
        return Roles([shared], [a for a in coordinated(data, tokens, in_clause, after[0])
                                if a.actor.code != shared.actor.code])
    if len(before) >= 2 and not symmetric and _second_verb(data, tokens, before[-1].token_end, trig) \
            and (not before[-1].case or "accs" in cases_of(before[-1])):
        # "trupele japoneze au atacat China și au început ocuparea …": a second verb shares the first's
        # subject; the actor between them is the first verb's object
        before = before[:-1]
    handed = _handed_over(data, tokens, trig, clause, before)
    if handed is not None:
        return handed
    if any(a.case for a in in_clause):  # the language marks case
        source, target = by_case(data, tokens, before, after, is_passive(data, tokens, trig),
                                  is_nominal(data, tokens[trig.start]), trig.start, symmetric or trig.spec.mutual,
                                  trig.spec.passive)
    else:
        source, target = by_order(data, tokens, trig, before, after, symmetric)
    pool = in_clause
    if source is None and target is not None and not symmetric and not is_passive(data, tokens, trig):
        source = _main_subject(data, tokens, [a for a in actors if a.token_end <= clause[0]], target)
        pool = actors
    sources = coordinated(data, tokens, pool, source) if source else []
    targets = [t for t in coordinated(data, tokens, in_clause, target) if t not in sources] if target else []
    if targets and targets[0].pair is not None and targets[0].actor.code in {a.actor.code for a in sources}:
        targets = [_compound_pair(targets[0])[1]]  # "NKID a propus un pact sovieto-japonez": its other side
    if (symmetric or trig.spec.mutual) and not sources and targets:
        # "столкновение советских пограничников с китайскими военнослужащими": a joint act named by
        # its noun, with one party as its genitive and the other as its partner
        if len(targets) >= 2:  # "переговоры России и Японии"
            return Roles(targets[:1], targets[1:2], unordered=True)
        partner = next((a for a in in_clause if a not in targets and a.actor.code != targets[0].actor.code
                        and after_preposition(data, tokens, a)), None)
        if partner is not None:
            return Roles([targets[0]], [partner], unordered=True)
    if symmetric and targets and len({a.actor.code for a in sources}) >= 2 and targets[0].token_start > trig.start \
            and not any(after_preposition(data, tokens, a) for a in targets):
        targets = []  # "лидеры двух стран обсудили ядерную программу КНДР": two who meet; the object is a topic
    if (symmetric or trig.spec.mutual) and not targets and len(sources) >= 2:
        # "Russia and Japan signed", "Russia and Japan fought a war": the pair acts together
        if len(sources) >= 3:  # "Yeltsin, Kravchuk and Shushkevich signed": every named pair (DESIGN §3)
            return Roles(sources, [], unordered=True)
        return Roles(sources[:1], sources[1:2], unordered=True)
    return Roles(sources, targets)


