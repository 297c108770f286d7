"""What a sentence's raw events become: acts a time phrase only names are kept when told nowhere
else, reciprocal acts gain their mirror, and echoes and target-less halves of an act told in full
are dropped; a one-sided event is kept only when it relates to a territory or an agreement."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from dyad.data import LanguageData, load_kinds, load_language
from dyad.events.dating import phrase_date
from dyad.events.roles import clause_bounds, matches_in
from dyad.model import Document, Event, Token, event_id

RECIPROCAL_REACH = 6  # words between a trigger and "each other", "друг против друга"
ECHO_REACH = 12  # characters between two triggers of one act ("помощь по ленд-лизу")

ONE_SIDED_KINDS = {"END_WAR"}  # a surrender is complete without naming to whom


def is_dyadic(event: Event) -> bool:
    """dyad codes relations between two parties: an event with no counterpart found anywhere in
    its sentence (after the treaty, territory and sentence fallbacks) is kept only when it concerns
    a territory or a named agreement, which relate it to their holders and parties (a leader's visit
    to disputed islands, an annexation, joining a pact), or is a surrender. Other one-sided
    statements ("Japan mobilised") are dropped: on the development gold they were wrong far more
    often than right."""
    return event.target is not None or bool(event.territory or event.agreement) or event.kind in ONE_SIDED_KINDS


def untold(background: list[Event], told: list[Event], doc: Document) -> list[Event]:
    """"after the Russo-Japanese War" names a war the document tells elsewhere: that mention adds
    only a wrong date. An act named this way and told nowhere else ("during Iliescu's visit to
    Moscow") is still the only evidence of it, so it stays; so does one dated in its own phrase
    ("until the fighting at Lake Khasan in July 1938") unless an act of that date is told."""
    def key(e: Event, dated: bool) -> tuple[str, frozenset[str | None], str | None]:
        pair = frozenset((e.source.code if e.source else None, e.target.code if e.target else None))
        return e.kind, pair, e.date.value if dated and e.date else None
    known = {key(e, False) for e in told} | {key(e, True) for e in told}
    return [e for e in background
            if key(e, phrase_date(doc, e.sentence, e.trigger) is not None) not in known]


def reciprocal(data: LanguageData, tokens: Sequence[Token], clause: tuple[int, int]) -> bool:
    return matches_in(data.roles["reciprocal"], tokens, *clause)


def mirrored(doc: Document, events: list[Event]) -> list[Event]:
    """"стороны держали друг против друга многочисленные армии", "the two armies shelled each other":
    a directed act with a reciprocal phrase in its clause was done by each side to the other."""
    out: list[Event] = []
    have = {(e.sentence, e.trigger.start, e.kind, e.source.code if e.source else None,
             e.target.code if e.target else None) for e in events}
    for e in events:
        if e.source is None or e.target is None or load_kinds()[e.kind].symmetric:
            continue
        sent = doc.sentences[e.sentence]
        data = load_language(sent.language)
        k = next((i for i, t in enumerate(sent.tokens) if t.start >= e.trigger.start), None)
        if k is None:
            continue
        lo, hi = clause_bounds(data, sent.tokens, k, k + 1)
        if not reciprocal(data, sent.tokens, (max(lo, k - RECIPROCAL_REACH), min(hi, k + RECIPROCAL_REACH))):
            continue
        key = (e.sentence, e.trigger.start, e.kind, e.target.code, e.source.code)
        if key not in have:
            have.add(key)
            out.append(dataclasses.replace(e, source=e.target, target=e.source, argument_spans={},
                                           id=event_id(e.doc_id, e.trigger, e.kind, e.target.code, e.source.code)))
    return out


def drop_echoes(events: list[Event]) -> list[Event]:
    """"предоставили СССР помощь по ленд-лизу": a second trigger of the same kind right after the
    first names the same act; read on its own it finds the pair the wrong way round."""
    out: list[Event] = []
    for e in events:
        echo = any(f.kind == e.kind and f.source and f.target and e.source and e.target
                   and (f.source.code, f.target.code) == (e.target.code, e.source.code)
                   and 0 <= e.trigger.start - f.trigger.end <= ECHO_REACH for f in out)
        if not echo:
            out.append(e)
    return out


def drop_half_events(events: list[Event]) -> list[Event]:
    """Within a sentence, an event without a target adds nothing beside the same kind and source
    with one (two triggers of one event, one of which lost its target)."""
    full = {(e.kind, e.source.code if e.source else None) for e in events if e.target}
    return [e for e in events if e.target or (e.kind, e.source.code if e.source else None) not in full]
