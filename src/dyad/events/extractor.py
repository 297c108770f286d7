"""EventExtractor: from a sentence's triggers and actors to coded events (DESIGN §3).

A trigger from the language's lexicon gives the kind; roles come from the actors around it
(word order, grammatical case where the language marks it, passive voice, "between X and
Y", compound adjectives, coordination); modality from cue words before the trigger; the
date from the time expression that governs the clause, else the paragraph's or section's
anchor. Everything language-specific is read from the language's data files.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from dyad.data import KindInfo, LanguageData, TriggerSpec, load_kinds, load_language, polity_at
from dyad.model import ActorMention, ActorRef, DateValue, Document, Event, Modality, Sentence, Span, Token, event_id
from dyad.patterns import PatternSet

EXTRACTOR_VERSION = "0.1.0"
PUNCT_BREAK = {";", ":", "—", "(", ")"}


@dataclass
class TriggerMatch:
    start: int  # token indices within the sentence
    end: int
    spec: TriggerSpec


@dataclass
class Roles:
    source: ActorMention | None
    target: ActorMention | None
    carried: bool = False  # the source came from an earlier sentence


def _matches_at(ps: PatternSet, tokens: Sequence[Token], i: int) -> int | None:
    for p in ps.candidates(tokens[i]):
        end = p.match_at(tokens, i)
        if end is not None:
            return end
    return None


def find_triggers(data: LanguageData, tokens: Sequence[Token]) -> list[TriggerMatch]:
    """Non-overlapping trigger matches, longest first."""
    taken = [False] * len(tokens)
    out = []
    for i, j, p in sorted(data.triggers.find(tokens), key=lambda m: (-(m[1] - m[0]), m[0])):
        if any(taken[i:j]):
            continue
        taken[i:j] = [True] * (j - i)
        out.append(TriggerMatch(i, j, p.payload))
    return sorted(out, key=lambda t: t.start)


def clause_bounds(data: LanguageData, tokens: Sequence[Token], i: int, j: int) -> tuple[int, int]:
    """The token range of the clause holding tokens[i:j]: up to ';', ':' or a clause-break word."""
    lo = i
    while lo > 0 and tokens[lo - 1].text not in PUNCT_BREAK and _matches_at(data.roles["clause_break"], tokens, lo - 1) is None:
        lo -= 1
    hi = j
    while hi < len(tokens) and tokens[hi].text not in PUNCT_BREAK and _matches_at(data.roles["clause_break"], tokens, hi) is None:
        hi += 1
    return lo, hi


def _cue_before(ps: PatternSet, tokens: Sequence[Token], lo: int, i: int) -> bool:
    return any(_matches_at(ps, tokens, k) is not None for k in range(lo, i))


def modality_of(data: LanguageData, kind: str, tokens: Sequence[Token], trig: TriggerMatch,
                clause: tuple[int, int]) -> Modality:
    lo = max(clause[0], trig.start - data.modality_window)
    cue = data.modality
    if _cue_before(cue["negated"], tokens, lo, trig.start) or _cue_before(cue["negated"], tokens, trig.start, trig.end):
        return "negated"
    if kind == "PROPOSE":
        return "proposed"
    if _cue_before(cue["conditional"], tokens, 0, len(tokens)) and _cue_before(cue["conditional"], tokens, clause[0], clause[1]):
        return "conditional"
    if tokens and tokens[-1].text == "?":
        return "hypothetical"
    if _cue_before(cue["hypothetical"], tokens, lo, trig.start):
        return "hypothetical"
    if _cue_before(cue["proposed"], tokens, lo, trig.start):
        return "proposed"
    if _cue_before(cue["planned"], tokens, lo, trig.start) or "futr" in tokens[trig.start].tags.split(","):
        return "planned"
    return "asserted"


def _between(data: LanguageData, tokens: Sequence[Token], actors: list[ActorMention]) -> tuple[ActorMention, ActorMention] | None:
    """"între X și Y", "между X и Y", "between X and Y"."""
    for a, b in zip(actors, actors[1:]):
        k = a.token_start - 1
        if k >= 0 and _matches_at(data.roles["between"], tokens, k) is not None and b.token_start - a.token_end <= 2:
            return a, b
    return None


def _is_passive(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch) -> bool:
    if trig.spec.passive:
        return True
    k = trig.start - 1
    while k >= 0 and trig.start - k <= 2:
        if _matches_at(data.roles["passive_auxiliary"], tokens, k) is not None:
            return True
        k -= 1
    return False


def _agent_after(data: LanguageData, tokens: Sequence[Token], after: list[ActorMention]) -> ActorMention | None:
    for a in after:
        k = a.token_start - 1
        if k >= 0 and _matches_at(data.roles["passive_agent"], tokens, k) is not None:
            return a
    return None


def assign_roles(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch, actors: list[ActorMention],
                 clause: tuple[int, int], symmetric: bool) -> Roles | None:
    in_clause = [a for a in actors if clause[0] <= a.token_start and a.token_end <= clause[1]] or actors
    pair = _between(data, tokens, in_clause)
    if pair:
        return Roles(pair[0], pair[1])
    before = [a for a in in_clause if a.token_end <= trig.start]
    after = [a for a in in_clause if a.token_start >= trig.start]  # inside a discontinuous trigger counts as after
    compound = next((a for a in sorted(in_clause, key=lambda a: abs(a.token_start - trig.start)) if a.pair), None)
    if compound and abs(compound.token_start - trig.start) <= 4:
        tgt = ActorMention(compound.start, compound.end, compound.text, compound.pair, "country",  # type: ignore[arg-type]
                           compound.sentence, compound.token_start, compound.token_end)
        return Roles(compound, tgt)
    if any(a.case for a in in_clause):  # the language marks case: the nominative acts
        return _roles_by_case(before, after)
    if _is_passive(data, tokens, trig):
        agent = _agent_after(data, tokens, after)
        if agent:
            return Roles(agent, before[-1] if before else None)
        return Roles(None, before[-1] if before else None)
    if symmetric and len(before) >= 2 and not after:
        return Roles(before[-2], before[-1])
    source = before[-1] if before else None
    target = after[0] if after else None
    if source is None and len(after) >= 2:
        source, target = after[0], after[1]
    return Roles(source, target)


def _roles_by_case(before: list[ActorMention], after: list[ActorMention]) -> Roles:
    def nominative(a: ActorMention) -> bool:
        return "nomn" in a.case.split(",")

    ordered = list(reversed(before)) + after  # nearest before first, then after
    source = next((a for a in ordered if nominative(a)), None)
    rest = [a for a in after + list(reversed(before)) if a is not source and a.actor.code != (source.actor.code if source else None)]
    target = next((a for a in rest if not nominative(a)), rest[0] if rest else None)
    return Roles(source, target)


def governing_date(doc: Document, sent_index: int, trig_start: int) -> DateValue | None:
    """The time in the trigger's sentence nearest before it (else after it), else the anchor."""
    in_sentence = [t for t in doc.times if t.sentence == sent_index]
    if in_sentence:
        before = [t for t in in_sentence if t.end <= trig_start]
        chosen = before[-1] if before else min(in_sentence, key=lambda t: t.start - trig_start)
        return chosen.date
    sent = doc.sentences[sent_index]
    earlier = [t for t in doc.times if t.sentence < sent_index and t.sentence >= 0]
    same_paragraph = [t for t in earlier if doc.sentences[t.sentence].paragraph == sent.paragraph]
    if same_paragraph:
        return same_paragraph[-1].date
    headings = [t for t in earlier if doc.paragraphs[doc.sentences[t.sentence].paragraph].heading]
    return headings[-1].date if headings else None


def _ref(m: ActorMention | None, date: DateValue | None) -> ActorRef | None:
    if m is None:
        return None
    polity = m.actor.polity or polity_at(m.actor.code, date.start if date else None)
    return ActorRef(m.actor.code, polity, m.actor.sector, m.actor.person)


def _arguments(data: LanguageData, tokens: Sequence[Token],
               clause: tuple[int, int]) -> tuple[str | None, list[str] | None]:
    """The agreement and territories named in the trigger's clause, else in its sentence."""
    def names(ps: PatternSet) -> list[str]:
        found = [(i, p.payload) for i, _, p in ps.find(tokens)]
        inside = [name for i, name in found if clause[0] <= i < clause[1]]
        out: list[str] = []
        for name in inside or [name for _, name in found]:
            if name not in out:
                out.append(name)
        return out

    agreements = names(data.agreements)
    return (agreements[0] if agreements else None), (names(data.territories) or None)


class EventExtractor:
    """Pipeline stage: events of every kept sentence in a language with trigger data."""

    name = "events"

    def __call__(self, doc: Document) -> Document:
        kinds = load_kinds()
        last_subject: ActorMention | None = None
        last_paragraph = -1
        for si, sent in enumerate(doc.sentences):
            if not sent.tokens or doc.paragraphs[sent.paragraph].removed:
                continue
            if sent.paragraph != last_paragraph:
                last_subject, last_paragraph = None, sent.paragraph
            actors = [a for a in doc.actors if a.sentence == si]
            events = self._sentence_events(doc, si, sent, actors, kinds, last_subject)
            doc.events.extend(events)
            subjects = [a for a in actors if "nomn" in a.case.split(",")] or actors
            if subjects:
                last_subject = subjects[0]
        doc.count("events", len(doc.events))
        return doc

    def _sentence_events(self, doc: Document, si: int, sent: Sentence, actors: list[ActorMention],
                         kinds: dict[str, KindInfo], last_subject: ActorMention | None) -> list[Event]:
        data = load_language(sent.language)
        tokens = sent.tokens
        out: list[Event] = []
        seen: set[tuple[str, str | None, str | None]] = set()
        for trig in find_triggers(data, tokens):
            info = kinds[trig.spec.kind]
            clause = clause_bounds(data, tokens, trig.start, trig.end)
            agreement, territory = _arguments(data, tokens, clause)
            roles = assign_roles(data, tokens, trig, actors, clause, info.symmetric)
            if roles is None:
                continue
            if roles.source is None and last_subject is not None and roles.target is not None \
                    and last_subject.actor.code != roles.target.actor.code:
                roles = Roles(last_subject, roles.target, carried=True)
            if roles.source is None and roles.target is not None and info.symmetric:
                continue
            if roles.source is None:
                continue
            src, tgt = roles.source.actor.code, roles.target.actor.code if roles.target else None
            if src == tgt:
                tgt = None
            trigger_span = Span(tokens[trig.start].start, tokens[trig.end - 1].end)
            date = governing_date(doc, si, trigger_span.start)
            if info.symmetric and tgt is not None and tgt < src:
                roles = Roles(roles.target, roles.source, roles.carried)
                src, tgt = tgt, src
            key = (info.name, src, tgt)
            if key in seen:
                continue
            seen.add(key)
            confidence = trig.spec.confidence * (0.8 if roles.carried else 1.0) * (1.0 if tgt else 0.85)
            out.append(Event(
                id=event_id(doc.id, trigger_span, info.name, src, tgt), doc_id=doc.id, sentence=si, kind=info.name,
                plover=info.plover, cameo=info.cameo, quad_class=info.quad_class, intensity=info.intensity,
                modality=modality_of(data, info.name, tokens, trig, clause), confidence=confidence,
                source=_ref(roles.source, date), target=_ref(roles.target, date) if tgt else None, date=date,
                trigger=trigger_span, trigger_text=doc.text[trigger_span.start:trigger_span.end],
                evidence=Span(sent.start, sent.end), evidence_text=doc.text[sent.start:sent.end],
                language=sent.language, agreement=agreement, territory=territory,
                extractor_version=EXTRACTOR_VERSION,
                argument_spans={k: [m.start, m.end] for k, m in (("source", roles.source), ("target", roles.target))
                                if m is not None and not roles.carried or (k == "target" and m is not None)},
            ))
        return out
