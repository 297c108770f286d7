"""The pair a document centres on, and the counterpart it implies for one-sided sentences.

A text about Russia–Japan says "the Japanese committed six provocations on the border" or
"Japan signed the instrument of surrender" without naming Russia in that sentence: the reader
knows whom they concern from the document. DESIGN §3 codes multilateral and implicit events
with "the pair the text centres on"; this module finds that pair from the events whose
sentences name both sides, and gives such one-sided events the other member of the pair.
Only a clear focus counts (enough events, a large share of them), so a digest of many
countries completes nothing.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Sequence
from datetime import date, timedelta

from dyad.data import agreement_parties, holder_at, load_kinds, polity_at
from dyad.model import ActorRef, Event, event_id

MIN_EVENTS = 3  # a focus needs at least this many two-sided events …
MIN_SHARE = 0.3  # … and this share of all of them
IMPLIED_CONFIDENCE = 0.6  # the counterpart is inferred, not read
OWN_GROUND_KINDS = {"VISIT", "OCCUPY"}  # acts that need another state only on its ground
REPLY_REACH = 2  # sentences back in which a reply looks for what it answers


def focus_pair(events: Sequence[Event]) -> frozenset[str] | None:
    pairs = Counter(frozenset((e.source.code, e.target.code)) for e in events
                    if e.source and e.target and e.source.code != e.target.code)
    if not pairs:
        return None
    pair, n = pairs.most_common(1)[0]
    return pair if n >= MIN_EVENTS and n >= MIN_SHARE * sum(pairs.values()) else None


def with_counterpart(event: Event, other: str) -> Event:
    """The one-sided event completed with the focus pair's other member (no span: not named here)."""
    implied = ActorRef(other, polity_at(other, event.date.start if event.date else None))
    source, target = event.source, implied
    spans = dict(event.argument_spans)
    if load_kinds()[event.kind].symmetric and source is not None and other < source.code:
        source, target = implied, source  # no direction: alphabetical, as everywhere
        spans = {"target": spans["source"]} if "source" in spans else {}
    return dataclasses.replace(
        event, source=source, target=target, confidence=event.confidence * IMPLIED_CONFIDENCE, argument_spans=spans,
        id=event_id(event.doc_id, event.trigger, event.kind, source.code if source else None, target.code))


def answer_replies(one_sided: Sequence[Event], told: Sequence[Event]) -> tuple[list[Event], list[Event]]:
    """Replies (kinds.yaml `reply`) with no other side named, completed with whoever last addressed
    the one answering, in its sentence or the `REPLY_REACH` before ("Washington accused Pyongyang of
    supplying shells. Moscow and Pyongyang rejected the accusations": both answer Washington, since
    those who answer together answer the same one). Returns (completed, still one-sided)."""
    kinds = load_kinds()
    by_trigger: dict[tuple[int, int], list[Event]] = {}
    for e in one_sided:
        if kinds[e.kind].reply and e.source is not None:
            by_trigger.setdefault((e.sentence, e.trigger.start), []).append(e)
    completed: list[Event] = []
    answered: set[tuple[int, int]] = set()
    for (sentence, start), replies in by_trigger.items():
        repliers = {e.source.code for e in replies if e.source}
        addressed = [e for e in told if e.source and e.target and e.target.code in repliers
                     and e.source.code not in repliers and not kinds[e.kind].symmetric
                     and (sentence - REPLY_REACH <= e.sentence < sentence
                          or e.sentence == sentence and e.trigger.start < start)]
        asker = max(addressed, key=lambda e: (e.sentence, e.trigger.start)).source if addressed else None
        if asker is not None:
            completed.extend(with_counterpart(e, asker.code) for e in replies)
            answered.add((sentence, start))
    return completed, [e for e in one_sided if e.source is None or not kinds[e.kind].reply
                       or (e.sentence, e.trigger.start) not in answered]


def complete_one_sided(one_sided: Sequence[Event], told: Sequence[Event]) -> list[Event]:
    """One-sided events whose source belongs to the document's focus pair, completed; others dropped.
    An event is not added where its sentence already tells the same kind between the same pair."""
    pair = focus_pair(told)
    if pair is None:
        return []
    known = {(e.sentence, e.kind, frozenset((e.source.code if e.source else None,
                                               e.target.code if e.target else None))) for e in told}
    out = []
    for e in one_sided:
        if e.source is None or _on_own_ground(e):
            continue
        if e.source.code in pair:
            other = next(iter(pair - {e.source.code}))
        else:  # "Italia a aderat la Pactul Anti-Comintern": a third state joins a pact of one of the pair
            members = [p for p in agreement_parties(e.agreement) if p in pair]
            if len(members) != 1:
                continue
            other = members[0]
        if (e.sentence, e.kind, pair) in known:
            continue
        known.add((e.sentence, e.kind, pair))
        out.append(with_counterpart(e, other))
    return out


def _on_own_ground(event: Event) -> bool:
    """A leader's visit to islands their own country holds, an annexation of land already counted
    as one's own: no other state is party to it, whatever the document is about (DESIGN §3: the
    target of such an act is null). The holder is taken the day before the act, so the act that
    changes hands ("Soviet forces took control of South Sakhalin" on the day of the handover)
    still has the loser as its counterpart."""
    if event.kind not in OWN_GROUND_KINDS or not event.territory or event.source is None:
        return False
    before = None
    if event.date:
        try:
            before = (date.fromisoformat(event.date.start) - timedelta(days=1)).isoformat()
        except ValueError:
            before = event.date.start
    return holder_at(event.territory[0], before) == event.source.code
