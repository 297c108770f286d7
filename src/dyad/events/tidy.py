"""What a sentence's raw events become: acts a time phrase only names are kept when told nowhere
else, reciprocal acts gain their mirror, and echoes and target-less halves of an act told in full
are dropped; a one-sided event is kept only when it relates to a territory or an agreement."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from dyad.data import LanguageData, load_kinds, load_language
from dyad.events.dating import phrase_date
from dyad.events.grammar import PUNCT_BREAK, clause_bounds, matches_at, matches_in
from dyad.model import Document, Event, Token, event_id

RECIPROCAL_REACH = 6  # words between a trigger and "each other", "друг против друга"
ECHO_REACH = 12  # characters between two triggers of one act ("помощь по ленд-лизу")

ONE_SIDED_KINDS = {"END_WAR"}  # a surrender is complete without naming to whom
FINER_THAN_YEAR = {"season", "month", "day"}  # precisions narrower than a year


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
    kept = []
    for e in background:
        dated = phrase_date(doc, e.sentence, e.trigger) is not None
        if key(e, dated) not in known and (dated or _party_in_phrase(doc, e)):
            kept.append(e)
    return kept


PHRASE_REACH = 40  # characters between a named act and a party of its own phrase
PHRASE_ENDS = PUNCT_BREAK | {","}  # a phrase does not run past a clause's end or a comma


def _party_in_phrase(doc: Document, e: Event) -> bool:
    """"during Iliescu's visit to Moscow", "în timpul vizitei președintelui Ion Iliescu" name a party
    of their own; "În urma negocierilor, Rusia și Japonia au semnat" takes its parties from the
    clause it dates, whose act is the one told."""
    spans = [(a.start, a.end) for a in doc.actors if a.sentence == e.sentence and a.start >= 0]
    sent = doc.sentences[e.sentence]
    data = load_language(sent.language)
    for start, end in spans:
        between = doc.text[end:e.trigger.start] if end <= e.trigger.start else doc.text[e.trigger.end:start]
        if len(between) <= PHRASE_REACH and not any(c in between for c in PHRASE_ENDS) \
                and not (end <= e.trigger.start and _time_word_between(data, sent.tokens, end, e.trigger.start)):
            return True
    return False


def _time_word_between(data: LanguageData, tokens: Sequence[Token], start: int, end: int) -> bool:
    """"Clinton visited Hanoi for the first time since the war": an actor before the time word
    belongs to the clause the phrase dates, not to the phrase."""
    inside = [k for k, t in enumerate(tokens) if start <= t.start and t.end <= end]
    return bool(inside) and matches_in(data.roles["time_prepositions"], tokens, inside[0], inside[-1] + 1)


def reciprocal(data: LanguageData, tokens: Sequence[Token], near: tuple[int, int], trigger: tuple[int, int]) -> bool:
    """A reciprocal phrase near the trigger ("shelled each other", roles.yaml `reciprocal`), or a
    reciprocal adjective right beside its noun ("mutual accusations", "proteste reciproce",
    `reciprocal_modifiers`)."""
    if matches_in(data.roles["reciprocal"], tokens, *near):
        return True
    modifiers = data.roles["reciprocal_modifiers"]
    start, end = trigger
    return start > 0 and matches_at(modifiers, tokens, start - 1) == start \
        or end < len(tokens) and matches_at(modifiers, tokens, end) is not None


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
        end = next((i for i in range(k, len(sent.tokens)) if sent.tokens[i].start >= e.trigger.end), len(sent.tokens))
        lo, hi = clause_bounds(data, sent.tokens, k, k + 1)
        if not reciprocal(data, sent.tokens, (max(lo, k - RECIPROCAL_REACH), min(hi, k + RECIPROCAL_REACH)), (k, end)):
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


def drop_year_echoes(events: list[Event]) -> list[Event]:
    """A document that tells an act with its day ("signed on 7 February 1855") and names it again by
    its year alone ("the treaty signed in 1855") tells one act: the mention with the year only is
    dropped when the same kind, pair and modality stand elsewhere in the document at a narrower date
    inside that year. A range ("the war of 1904–1905") or a decade is a different act, not an echo."""
    def pair(e: Event) -> tuple[str | None, ...]:
        codes = (e.source.code if e.source else None, e.target.code if e.target else None)
        return tuple(sorted(codes, key=str)) if load_kinds()[e.kind].symmetric else codes
    finer: set[tuple[str, tuple[str | None, ...], str, str]] = {
        (e.kind, pair(e), e.modality, e.date.start[:4]) for e in events
        if e.date is not None and e.date.start[:4] == e.date.end[:4] and e.date.precision in FINER_THAN_YEAR}
    return [e for e in events if not (e.date is not None and e.date.precision == "year" and "/" not in e.date.value
                                      and (e.kind, pair(e), e.modality, e.date.start[:4]) in finer)]


def drop_half_events(events: list[Event]) -> list[Event]:
    """Within a sentence, an event without a target adds nothing beside the same kind and source
    with one (two triggers of one event, one of which lost its target)."""
    full = {(e.kind, e.source.code if e.source else None) for e in events if e.target}
    return [e for e in events if e.target or (e.kind, e.source.code if e.source else None) not in full]


ELLIPSIS_MARKS = {",", ";", "—", "–"}  # "in July six provocations, in August — 20 provocations"


def elided(doc: Document, si: int, told: list[Event]) -> list[Event]:
    """An act's noun said again after a date of its own, with no verb of its own ("в июле японцы
    совершили шесть провокаций, в августе — 20 провокаций"): the same act by the same parties, at
    that date. The repeat must open no new party: a segment naming an actor is left alone."""
    sent = doc.sentences[si]
    tokens = sent.tokens
    times = [t for t in doc.times if t.sentence == si]
    names = [(a.start, a.end) for a in doc.actors if a.sentence == si]
    taken = {(e.trigger.start, e.trigger.end) for e in told}
    out: list[Event] = []
    for e in told:
        last = next((k for k, tok in enumerate(tokens) if tok.end >= e.trigger.end), None)
        if last is None or e.modality != "asserted":
            continue
        for k in range(last + 1, len(tokens)):
            tok = tokens[k]
            if tok.lemma != tokens[last].lemma or (tok.start, tok.end) in taken:
                continue
            marks = [j for j in range(last + 1, k) if tokens[j].text in ELLIPSIS_MARKS]
            if not marks:
                continue
            lo, hi = tokens[_segment_start(tokens, marks)].end, tok.start
            dates = [t for t in times if lo <= t.start and t.end <= hi]
            if not dates or any(lo <= a < hi for a, _ in names):
                continue
            trigger = dataclasses.replace(e.trigger, start=tok.start, end=tok.end)
            out.append(dataclasses.replace(
                e, id=event_id(doc.id, trigger, e.kind, e.source.code if e.source else None,
                               e.target.code if e.target else None),
                trigger=trigger, trigger_text=doc.text[tok.start:tok.end], date=dates[-1].date))
            taken.add((tok.start, tok.end))
    return out


def _segment_start(tokens: Sequence[Token], marks: list[int]) -> int:
    """Of the marks before a repeated noun, the one that opens its segment: the last comma or
    semicolon (a dash inside the segment stands for the verb)."""
    commas = [j for j in marks if tokens[j].text in {",", ";"}]
    return commas[-1] if commas else marks[0]


def at_listed_dates(doc: Document, si: int, told: list[Event]) -> list[Event]:
    """An act dated by one of a list of days ("имевшими место 6 октября, 8 октября и 12 октября
    1935 года", "on 6 and 8 October") happened on each of them: one event per day; so did one dated
    by times the text says it happened again at ("reînnoită în 1926 și din nou în 1931", roles.yaml
    `repeated`), whatever their precision."""
    sent = doc.sentences[si]
    tokens = sent.tokens
    data = load_language(sent.language)
    # "2 октября 1949 года, на следующий день после …": a relative phrase restates, it lists nothing
    times = sorted((t for t in doc.times if t.sentence == si and not t.relative), key=lambda t: t.start)

    def between(a: int, b: int) -> list[int]:
        return [k for k, tok in enumerate(tokens) if a <= tok.start and tok.end <= b]

    again = {k for i, j, _ in data.roles["repeated"].find(tokens) for k in range(i, j)}
    prepositions = {k for i, j, _ in data.roles["locative_prepositions"].find(tokens) for k in range(i, j)}

    def joined(a: int, b: int) -> bool:  # only commas, conjunctions, "again" and "in" between two times
        return all(tokens[k].text == "," or k in again or k in prepositions
                   or matches_in(data.roles["conjunction"], tokens, k, k + 1) for k in between(a, b))

    lists: list[list[int]] = []
    repeated: set[int] = set()  # lists the text says the act happened again at
    for k, t in enumerate(times):
        if lists and lists[-1][-1] == k - 1 and joined(times[k - 1].end, t.start):
            lists[-1].append(k)
            if any(i in again for i in between(times[k - 1].end, t.start)):
                repeated.add(len(lists) - 1)
        else:
            lists.append([k])
    out: list[Event] = []
    # listed days are distinct acts; listed years of an activity ("talks in 2020 and 2021") are its span
    for group in (g for n, g in enumerate(lists) if len(g) > 1 and (
            n in repeated or all(times[k].date.precision == "day" for k in g))):
        values = [times[k].date.value for k in group]
        dated = [e for e in told if e.date is not None and e.date.value in values and e.modality == "asserted"]
        if not dated:
            continue
        # the list dates the act nearest to it ("протест в связи с нарушениями, имевшими место 6, 8 и
        # 12 октября": the violations, not the protest)
        lo, hi = times[group[0]].start, times[group[-1]].end
        distance = [min(abs(e.trigger.end - lo), abs(e.trigger.start - hi)) for e in dated]
        nearest = min(distance)
        for e, d_e in zip(dated, distance, strict=True):
            if d_e != nearest:
                continue
            for k in group:
                d = times[k].date
                if e.date is None or d.value == e.date.value:
                    continue
                out.append(dataclasses.replace(e, date=d, id=event_id(
                    doc.id, e.trigger, e.kind, e.source.code if e.source else None,
                    e.target.code if e.target else None, d.value)))
    return out
