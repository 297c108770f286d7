"""Modality of an event from cue words (DESIGN §3): negated, proposed, conditional,
hypothetical, planned, else asserted. Cues are each language's `modality.yaml`.

A cue counts when it stands before the trigger in the trigger's clause, within the
language's window; a condition may also follow the trigger in a later clause of the same
sentence ("…will transfer the islands, but only after a peace treaty is signed"), though
not across a semicolon or colon. An act named by its noun may be called off or said to be yet to
come after it ("the visit was cancelled", "визит состоится осенью").
"""

from __future__ import annotations

from collections.abc import Sequence

from dyad.data import LanguageData
from dyad.events.grammar import TriggerMatch, matches_at, matches_in, named_by_noun
from dyad.model import Modality, Token

HARD_BREAKS = {";", ":"}  # a condition does not reach across these
CANCEL_REACH = 16  # tokens after a noun trigger in which "was cancelled" still speaks of it
# a threat is made now about what will follow: "Moscow will be forced to take retaliatory steps"
# is a threat asserted, not a planned one
SAYS_THE_FUTURE = {"THREATEN"}
CONDITION_REACH = 10  # tokens from "if", "dacă", "если" to an act of the condition it opens
CANCEL_BEFORE = 3  # tokens before it: "postponed his trip", "отменил свой визит"


def _conditioned(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, lo: int, hi: int) -> bool:
    """A condition in the clause before the act, or after it unless another act, in a conjunct of its
    own, stands between: in "annulled the obligations of 1956 and stipulated the transfer of the
    islands upon fulfilment of conditions" the condition binds the transfer, not the annulment."""
    conditions = data.modality["conditional"].find_within(tokens, lo, hi)
    if any(i < trig.start for i, _, _ in conditions):
        return True
    after = [i for i, _, _ in conditions if i >= trig.end]
    if not after:
        return False
    conjunction = data.roles["conjunction"]
    return not any(matches_in(conjunction, tokens, trig.end, i)
                   for i, _, _ in data.triggers.find_within(tokens, trig.end, after[0]))


def modality_of(data: LanguageData, kind: str, tokens: Sequence[Token], trig: TriggerMatch,
                clause: tuple[int, int]) -> Modality:
    lo = max(clause[0], trig.start - data.modality_window)
    cue = data.modality
    # "the coming anniversary of the attack": the act is remembered, so it happened; what stands
    # before the remembrance word speaks of the remembrance
    remembered = [k for k in range(lo, trig.start) if matches_at(cue["commemorated"], tokens, k) is not None]
    if remembered:
        lo = clause_start = remembered[-1] + 1
    else:
        clause_start = clause[0]
    # inside a trigger with a gap too: "launched no major offensive", "a semnat niciun acord"
    if any(matches_at(cue["negated"], tokens, k) is not None and matches_at(cue["not_negation"], tokens, k) is None
           for k in range(lo, max(trig.start, trig.end - 1))):
        return "negated"
    hard_end = next((k for k in range(trig.end, len(tokens)) if tokens[k].text in HARD_BREAKS), len(tokens))
    # an act named by its noun and then called off: "the visit, planned for June, was cancelled";
    # or called off right before its noun: "Blinken postponed his trip", "a amânat vizita"
    # (not across ", and" into a clause of its own: "… для встречи с Хрущёвым, и консультации были отложены")
    cancel_end = next((k for k in range(trig.end, min(hard_end, trig.end + CANCEL_REACH))
                       if tokens[k].text == "," and matches_at(data.roles["conjunction"], tokens, k + 1) is not None),
                      min(hard_end, trig.end + CANCEL_REACH))
    if named_by_noun(data, tokens, trig) and (
            matches_in(cue["cancelled"], tokens, trig.end, cancel_end)
            or matches_in(cue["cancelled"], tokens, max(lo, trig.start - CANCEL_BEFORE), trig.start)):
        return "negated"
    # … or said to be yet to come: "Визит Кима в Москву, по словам Кремля, состоится"
    scheduled = named_by_noun(data, tokens, trig) and matches_in(cue["scheduled"], tokens, trig.end, cancel_end)
    # an offer bound to a condition ("after a peace treaty is signed, the USSR is ready to transfer
    # the islands") is the conditional act; an offer of a proposal as such stays a proposal
    if kind != "PROPOSE" and _conditioned(data, tokens, trig, clause_start, hard_end):
        return "conditional"
    if kind == "PROPOSE" or matches_in(cue["proposed"], tokens, lo, trig.start):
        return "proposed"
    if (tokens and tokens[-1].text == "?") or matches_in(cue["hypothetical"], tokens, lo, trig.start):
        return "hypothetical"
    if kind in SAYS_THE_FUTURE:
        return "asserted"
    if scheduled or matches_in(cue["planned"], tokens, lo, trig.start) or "futr" in tokens[trig.start].tags.split(","):
        return "planned"
    return "asserted"


def is_condition(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, clause: tuple[int, int]) -> bool:
    """"Russia will cease fire if Ukraine withdraws its troops", "dacă Rusia atacă", "в случае
    нападения": an act in a condition's own words, before the comma that closes it, is the premise
    of the conditional act, not an act told (modality.yaml `condition_openers`)."""
    for k in range(max(clause[0], trig.start - CONDITION_REACH), trig.start):
        if matches_at(data.modality["condition_openers"], tokens, k) is not None \
                and not any(t.text == "," for t in tokens[k:trig.start]):
            return True
    return False
