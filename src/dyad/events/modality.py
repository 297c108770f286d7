"""Modality of an event from cue words (DESIGN §3): negated, proposed, conditional,
hypothetical, planned, else asserted. Cues are each language's `modality.yaml`.

A cue counts when it stands before the trigger in the trigger's clause, within the
language's window; a condition may also follow the trigger in a later clause of the same
sentence ("…will transfer the islands, but only after a peace treaty is signed"), though
not across a semicolon or colon.
"""

from __future__ import annotations

from collections.abc import Sequence

from dyad.data import LanguageData
from dyad.events.roles import TriggerMatch, matches_at
from dyad.model import Modality, Token
from dyad.patterns import PatternSet

HARD_BREAKS = {";", ":"}  # a condition does not reach across these

def _cue_in(ps: PatternSet, tokens: Sequence[Token], lo: int, hi: int) -> bool:
    return any(matches_at(ps, tokens, k) is not None for k in range(max(lo, 0), min(hi, len(tokens))))


def modality_of(data: LanguageData, kind: str, tokens: Sequence[Token], trig: TriggerMatch,
                clause: tuple[int, int]) -> Modality:
    lo = max(clause[0], trig.start - data.modality_window)
    cue = data.modality
    if _cue_in(cue["negated"], tokens, lo, trig.start):
        return "negated"
    hard_end = next((k for k in range(trig.end, len(tokens)) if tokens[k].text in HARD_BREAKS), len(tokens))
    # an offer bound to a condition ("after a peace treaty is signed, the USSR is ready to transfer
    # the islands") is the conditional act; an offer of a proposal as such stays a proposal
    if kind != "PROPOSE" and _cue_in(cue["conditional"], tokens, clause[0], hard_end):
        return "conditional"
    if kind == "PROPOSE" or _cue_in(cue["proposed"], tokens, lo, trig.start):
        return "proposed"
    if (tokens and tokens[-1].text == "?") or _cue_in(cue["hypothetical"], tokens, lo, trig.start):
        return "hypothetical"
    if _cue_in(cue["planned"], tokens, lo, trig.start) or "futr" in tokens[trig.start].tags.split(","):
        return "planned"
    return "asserted"
