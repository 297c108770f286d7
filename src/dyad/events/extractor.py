"""EventExtractor: from a sentence's triggers and actors to coded events (DESIGN §3).

A trigger from the language's lexicon gives the kind; roles come from the actors around it
(word order, grammatical case where the language marks it, passive voice, "between X and
Y", compound adjectives, coordination); modality from cue words before the trigger; the
date from the time expression that governs the clause, else the paragraph's or section's
anchor. Everything language-specific is read from the language's data files.
"""

from __future__ import annotations

from collections.abc import Sequence

from dyad.data import (
    KindInfo,
    LanguageData,
    agreement_parties,
    holder_of,
    load_kinds,
    load_language,
    load_persons,
    polity_at,
)
from dyad.events.completion import (
    complete_roles,
    held_object,
    implied_actor,
    named_arguments,
    place_actors,
    territory_object,
)
from dyad.events.dating import governing_date, phrase_date, treaty_date
from dyad.events.focus import answer_replies, complete_one_sided, focus_pair
from dyad.events.grammar import (
    TriggerMatch,
    after_locative,
    around_relative,
    cases_of,
    clause_bounds,
    is_nominal,
    is_passive,
    matches_in,
    named_by_noun,
    passive_inside,
)
from dyad.events.modality import is_condition, modality_of
from dyad.events.parties import (
    document_acts,
    frames,
    in_document_name,
    mediator_actors,
    names_the_pair,
    pronoun_before,
    to_each_other,
)
from dyad.events.roles import Roles, assign_roles
from dyad.events.tidy import (
    RECIPROCAL_REACH,
    at_listed_dates,
    drop_echoes,
    drop_half_events,
    drop_year_echoes,
    elided,
    is_dyadic,
    mirrored,
    reciprocal,
    untold,
)
from dyad.events.triggers import (
    find_triggers,
    held_phrases,
    in_document_title,
    is_background,
    is_description,
    is_proposal_content,
    is_setting,
    is_subject_matter,
    is_topic,
    names_a_document,
    names_a_state,
    refusal_before,
    undated_title,
)
from dyad.model import ActorMention, ActorRef, DateValue, Document, Event, Modality, Sentence, Span, Token, event_id

LOCATIVE_CASES = {"loct", "loc2"}  # the analyser's tags for where ("в Москве", "в лесу")
EXTRACTOR_VERSION = "0.9.0"  # raised when the rules change what is extracted (stored events say which made them)
EventKey = tuple[str, str | None, str | None, str | None, str]
WAR_NOUN_BEFORE = 4  # words before a one-word attack noun where its parties may stand ("trupele române au declanșat o")
WAR_NOUN_AFTER = 4  # … and after it ("war between X and Y", "ofensivă împotriva Republicii")


def _ref(m: ActorMention | None, date: DateValue | None) -> ActorRef | None:
    """The actor at the event's date: a person's role then gives the country and sector."""
    if m is None:
        return None
    when = date.start if date else None
    code, sector, person_id = m.actor.code, m.actor.sector, m.actor.person
    if person_id:
        person = load_persons().get(person_id)
        role = person.role_at(when) if person else None
        if role:
            code, sector = role.country, role.sector
    elif m.title:  # "the Japanese prime minister" in 2022: Fumio Kishida
        holder = holder_of(code, m.title, when)
        if holder:
            person_id, sector = holder.id, "GOV"
    polity = m.actor.polity or polity_at(code, when)
    return ActorRef(code, polity, sector, person_id)


class EventExtractor:
    """Pipeline stage: events of every kept sentence in a language with trigger data."""

    name = "events"

    def __call__(self, doc: Document) -> Document:
        kinds = load_kinds()
        last_subject: ActorMention | None = None
        last_paragraph = -1
        background: list[Event] = []  # acts named only to date something else
        one_sided: list[Event] = []  # no counterpart in their sentence
        unnamed: list[int] = []  # sentences with no actor at all
        title = undated_title(doc)
        for si, sent in enumerate(doc.sentences):
            if not sent.tokens or doc.paragraphs[sent.paragraph].removed or sent.paragraph == title:
                continue
            if sent.paragraph != last_paragraph:
                last_subject, last_paragraph = None, sent.paragraph
            actors = [a for a in doc.actors if a.sentence == si]
            told, mentioned, half = self._sentence_events(doc, si, sent, actors, kinds, last_subject)
            # a sentence naming only a venue ("Talks opened in London in June 1955") names no party;
            # nor does one whose only parties come from a treaty's table
            mediators = mediator_actors(load_language(sent.language), sent.tokens, actors)
            if not any(not a.location and a not in mediators for a in actors):
                unnamed.append(si)
            doc.events.extend(told)
            background.extend(mentioned)
            one_sided.extend(half)
            subjects = [a for a in actors if "nomn" in a.case.split(",")] or actors
            if subjects:
                last_subject = subjects[0]
        # a background act with no counterpart is completed like a told one only when its own phrase
        # names a party ("во время визита Путина в Шанхай"); "În urma negocierilor, …" is the clause's
        kept = untold(background, doc.events, doc)
        doc.events.extend(e for e in kept if e.target is not None)
        one_sided.extend(e for e in kept if e.target is None)
        pair = focus_pair(doc.events)
        if pair is not None:  # "Au fost semnate 17 documente": between the two the text is about
            implied = tuple(sorted(pair))
            have = {(e.sentence, e.trigger, e.kind) for e in doc.events}
            for si in unnamed:
                told, _, _ = self._sentence_events(doc, si, doc.sentences[si], [], kinds, None, implied)
                doc.events.extend(e for e in told if (e.sentence, e.trigger, e.kind) not in have)
        answers, one_sided = answer_replies(one_sided, doc.events)
        doc.events.extend(answers)
        completed = complete_one_sided(one_sided, doc.events)
        done = {(e.sentence, e.trigger, e.kind) for e in completed}
        doc.events.extend(completed)
        doc.events.extend(e for e in one_sided if is_dyadic(e) and (e.sentence, e.trigger, e.kind) not in done)
        by_sentence: dict[int, list[Event]] = {}
        for e in doc.events:
            by_sentence.setdefault(e.sentence, []).append(e)
        for si, events in by_sentence.items():  # "в августе — 20 провокаций": the act again, at its own date
            doc.events.extend(elided(doc, si, events) + at_listed_dates(doc, si, events))
        doc.events.extend(mirrored(doc, doc.events))
        doc.events[:] = drop_year_echoes(doc.events)
        doc.events.sort(key=lambda e: (e.sentence, e.trigger.start))
        doc.count("events", len(doc.events))
        return doc

    def _sentence_events(self, doc: Document, si: int, sent: Sentence, actors: list[ActorMention],
                         kinds: dict[str, KindInfo],
                         last_subject: ActorMention | None,
                         implied: tuple[str, ...] = ()) -> tuple[list[Event], list[Event], list[Event]]:
        """(events the sentence tells, events it only names in a time phrase, events with no counterpart
        in the sentence: the document's pair may complete them, see events/focus.py). `implied`: the pair a sentence
        naming no actor is about."""
        data = load_language(sent.language)
        tokens = sent.tokens
        out: list[Event] = []
        background: list[Event] = []
        # one event per kind, pair and date among the told, and among the background, separately: an
        # act named to date another ("until the fighting at Lake Khasan") hides no act the clause tells
        seen: dict[bool, set[EventKey]] = {True: set(), False: set()}
        done: list[TriggerMatch] = []
        proposals: list[TriggerMatch] = []  # proposal and refusal triggers that gave an event
        references = [(a, b) for a, b in doc.references if a < sent.end and sent.start < b]
        triggers = find_triggers(data, tokens)
        for trig in triggers:
            if any(a <= tokens[trig.start].start < b for a, b in references):
                continue  # "A. P. Derevianko, „Conflict de frontieră … în 1938”, 1998, p. 6": a book's title
            refusal = refusal_before(data, tokens, trig)
            content = refusal is None and is_proposal_content(data, tokens, trig, proposals)
            if content or is_topic(data, tokens, trig, done) or is_subject_matter(data, tokens, trig) \
                    or in_document_title(data, tokens, trig) or names_a_state(data, tokens, trig) \
                    or names_a_document(data, tokens, trig) or is_description(data, tokens, trig) \
                    or kinds[trig.spec.kind].family == "CONSULT" and is_setting(data, tokens, trig, triggers) \
                    or is_condition(data, tokens, trig, clause_bounds(data, tokens, trig.start, trig.end)):
                continue
            done.append(trig)
            framing = is_background(data, tokens, trig)
            into = background if framing else out
            for kind in (trig.spec.kind, *trig.spec.also):
                made = self._trigger_events(doc, si, sent, data, trig, kind, actors, kinds, last_subject,
                                            seen[framing], implied, framing, "negated" if refusal is not None else None)
                if made and refusal is not None:  # the refused act is the event, not the REJECT of the refusal
                    cue = tokens[refusal].start
                    out[:] = [e for e in out if not e.trigger.start <= cue < e.trigger.end]
                    background[:] = [e for e in background if not e.trigger.start <= cue < e.trigger.end]
                into.extend(made)
                # a proposal (not "did not intend to"), a refusal ("Russia refused to pay it") or a threat
                # ("threatened immediate war") frames what follows: its content is no act of its own
                # … and so does an accusation ("accused Britain of militarising the region": alleged)
                if kind == "PROPOSE" and any(e.modality == "proposed" for e in made) \
                        or kind in ("REJECT", "THREATEN") and made or kind == "ACCUSE" and made \
                        and matches_in(data.modality["alleging"], tokens, trig.start, trig.end):
                    proposals.append(trig)
        everything = drop_echoes(drop_half_events(out + background))
        told = [e for e in everything if e not in background]
        mentioned = [e for e in everything if e in background and (e.target is None or is_dyadic(e))]
        return [e for e in told if e.target is not None and is_dyadic(e)], mentioned, \
            [e for e in told if e.target is None]

    def _trigger_events(self, doc: Document, si: int, sent: Sentence, data: LanguageData, trig: TriggerMatch,
                        kind: str, actors: list[ActorMention], kinds: dict[str, KindInfo],
                        last_subject: ActorMention | None, seen: set[EventKey],
                        implied: tuple[str, ...] = (), framing: bool = False,
                        forced: Modality | None = None) -> list[Event]:
        tokens = sent.tokens
        out: list[Event] = []
        clause = clause_bounds(data, tokens, trig.start, trig.end)
        modality = forced or modality_of(data, kind, tokens, trig, clause)
        if modality == "negated" and forced is None and kind == trig.spec.kind and trig.spec.negated_kind:
            kind, modality = trig.spec.negated_kind, "asserted"  # not renewing a pact ends it
        # DESIGN §3: a stated proposal or intent is coded PROPOSE, whatever is proposed
        info = kinds["PROPOSE" if modality == "proposed" else kind]
        mediators = mediator_actors(data, tokens, actors)  # "mediated by Roosevelt": no party
        places = place_actors(data, tokens, actors)
        held = held_phrases(data, tokens)  # "împotriva unui atac sovietic": the feared attack's side
        players = [a for a in actors if (not a.location or info.name == "VISIT")  # "arrived in Moscow" hosts
                   and not in_document_name(data, tokens, a) and a not in mediators and a not in places
                   and not any(i <= a.token_start < j or a.token_start == j and a.text[:1].islower()
                               for i, j in held)]  # a lower-case demonym after the phrase is its adjective
        clause, aside = around_relative(data, tokens, clause, trig, players)
        if aside is not None:
            players = [a for a in players if not aside[0] <= a.token_start < aside[1]]
        if info.name == "ATTACK" and trig.end - trig.start == 1 and _names_by_noun(data, tokens, trig) \
                and territory_object(data, tokens, trig, actors) is None:
            # a bare war noun ("war", "bătălia", "войны") has its parties in its own phrase ("the German
            # invasion of Poland", "trupele române au declanșat o ofensivă împotriva …"): two countries
            # "looking at each other through the prism of the war in Ukraine" are not its sides. With a
            # territory as its object the sentence's actors may be the invaders ("until the invasion of
            # Manchuria, Japanese forces raided …")
            players = [a for a in players if trig.start - WAR_NOUN_BEFORE <= a.token_start <= trig.end + WAR_NOUN_AFTER]
        if info.symmetric:  # "a UN ceasefire", "summitului NATO", "саммит ШОС": an organization naming a
            # joint act's frame, as the noun's modifier, is none of the parties (as the subject before a
            # verb it is one: "большевики заключили мир с Латвией")
            players = [a for a in players if not frames(data, tokens, trig, a)]
        # "Abe and Putin met in Singapore", "польская армия перешла в наступление против Красной армии
        # на Украине": with two parties named, a country after "in" is where the act happened, not a
        # third party. For a directed act only where the case tells "in" from "into" ("a intrat în
        # Bulgaria" enters its target; "вошла в Польшу", "напала на СССР" may be accusative)
        venue = [a for a in players if after_locative(data, tokens, a)
                 and (bool(cases_of(a) & LOCATIVE_CASES) and "accs" not in cases_of(a) if cases_of(a)
                      else info.symmetric)]
        if venue and len(players) - len(venue) >= 2:
            players = [a for a in players if a not in venue]
        if info.relationship and trig.start - clause[0] <= 1 and _names_by_noun(data, tokens, trig) \
                and not any(t.sentence == si for t in doc.times):
            return out  # "Cooperarea economică dintre Rusia și Japonia devine tot mai puternică": a state
        roles = assign_roles(data, tokens, trig, players, clause, info.symmetric)
        near = (max(clause[0], trig.start - RECIPROCAL_REACH), min(clause[1], trig.end + RECIPROCAL_REACH))
        if len(roles.sources) == 2 and not roles.targets and reciprocal(data, tokens, near, (trig.start, trig.end)):
            roles = Roles(roles.sources[:1], roles.sources[1:], roles.carried)  # "shelled each other"
        if trig.spec.reverse and roles.targets:  # "Крепость Порт-Артур сдалась японцам": the Japanese act
            roles = Roles(roles.targets, roles.sources, roles.carried, roles.unordered)
        # the previous subject acts when a pronoun stands for it, or a directed act names only its
        # target; a joint act needs both a pronoun and its other side ("He signed it with Russia")
        pronoun = pronoun_before(data, tokens, trig, clause)
        if not roles.sources and last_subject is not None \
                and last_subject.actor.code not in {a.actor.code for a in roles.targets} and (
                bool(roles.targets) and pronoun if info.symmetric else bool(roles.targets) or pronoun):
            roles = Roles([last_subject], roles.targets, carried=True)
        if implied and not players:
            # an obligation to each other ("each party shall come to the other's aid if …") is between
            # the pair; an undated "these countries fought each other twice" summarises, it tells no act
            pair_named = names_the_pair(data, tokens, clause) or to_each_other(data, tokens, trig) \
                and (modality != "asserted" or any(t.sentence == si for t in doc.times))
            if pair_named and not info.symmetric:
                # "both armies pulled back": each side did it; "Cei doi președinți au cerut o prezență
                # aliată": what the two say together they say to a third party, no event between them
                said = info.quad_class in (1, 3) and not info.each_party and not to_each_other(data, tokens, trig)
                if not said:
                    roles = Roles([implied_actor(implied[0]), implied_actor(implied[1])], [], carried=True)
            elif is_passive(data, tokens, trig) or passive_inside(data, tokens, trig) or pair_named \
                    or document_acts(data, tokens, trig, clause) \
                    or info.symmetric and any(t.sentence == si for t in doc.times):
                # "Au fost semnate 17 documente", "the two sides held talks": an agentless passive,
                # or the two named as a pair, in a text about one pair tells of that pair; no
                # direction is given, so alphabetical order
                roles = Roles([implied_actor(implied[0])], [implied_actor(implied[1])], carried=True, unordered=True)
        agreement, territory = named_arguments(data, tokens, clause, [a for a in actors if a not in places])
        trigger_span = Span(tokens[trig.start].start, tokens[trig.end - 1].end)
        # an act named in a time phrase has the date written in that phrase, not the clause's
        date = (framing and phrase_date(doc, si, trigger_span)) or governing_date(
            doc, si, trigger_span.start, modality == "asserted", info.name in ENDING_KINDS)
        parties = agreement_parties(agreement)
        # a state joining a pact later ("În noiembrie 1937, Italia a aderat la Pactul Anti-Comintern")
        # keeps its own date; the treaty's year dates only its parties' signing
        outsider = bool(parties and roles.sources and not {a.actor.code for a in roles.sources} & set(parties))
        date = treaty_date(doc, si, trigger_span.start, info.name, agreement, date, by_party=not outsider)
        roles = held_object(data, tokens, trig, info, roles, players, date)
        roles = complete_roles(data, tokens, roles, info, players, trig, agreement, territory, date, clause)
        if not roles.sources and roles.targets and info.symmetric:
            # "Armistițiul cu Uniunea Sovietică a fost semnat": a joint act with one party named is
            # that party's, one-sided; the document's pair may name the other (events/focus.py)
            roles = Roles(roles.targets[:1], [], roles.carried, roles.unordered)
        location = next((a.text for a in actors if a.location and clause[0] <= a.token_start < clause[1]), None)
        for source, target in _pairs(roles, info.symmetric, info.each_party):
            src, tgt = source.actor.code, target.actor.code if target else None
            if src == tgt:
                target, tgt = None, None
            if target is not None and tgt is not None and (info.symmetric or roles.unordered) and tgt < src:
                source, target, src, tgt = target, source, tgt, src  # no direction given: alphabetical
            key = (info.name, src, tgt, date.value if date else None, modality)  # two dates: two acts
            if key in seen:
                continue
            seen.add(key)
            confidence = trig.spec.confidence * (0.8 if roles.carried else 1.0) * (1.0 if tgt else 0.85)
            arguments = {role: [m.start, m.end] for role, m in (("source", source), ("target", target))
                         if m is not None and m.start >= 0 and not (role == "source" and roles.carried)}
            out.append(Event(
                id=event_id(doc.id, trigger_span, info.name, src, tgt), doc_id=doc.id, sentence=si,
                kind=info.name, plover=info.plover, cameo=info.cameo, quad_class=info.quad_class,
                intensity=info.intensity, modality=modality, confidence=confidence,
                source=_ref(source, date), target=_ref(target, date), date=date,
                trigger=trigger_span, trigger_text=doc.text[trigger_span.start:trigger_span.end],
                evidence=Span(sent.start, sent.end), evidence_text=doc.text[sent.start:sent.end],
                language=sent.language, agreement=agreement, territory=territory, location=location,
                extractor_version=EXTRACTOR_VERSION, argument_spans=arguments,
            ))
        return out


ENDING_KINDS = {"TERMINATE_AGREEMENT"}  # "denounced the pact of 1941": the pact's date is not the act's


def _names_by_noun(data: LanguageData, tokens: Sequence[Token], trig: TriggerMatch) -> bool:
    return named_by_noun(data, tokens, trig) or any(is_nominal(data, t) for t in tokens[trig.start:trig.end])


def _pairs(roles: Roles, joint: bool = False,
           each_party: bool = False) -> list[tuple[ActorMention, ActorMention | None]]:
    """One (source, target) per named pair (DESIGN §3: Soviet and Mongolian troops → two events).
    "Both sides ratified it" names two actors on the same words acting on each other: both ways;
    so do two parties of a kind each party does for itself (`each_party`: "Russia and Japan
    ratified the treaty"). A joint act (`joint`: a symmetric kind) pairs every party: "Aliyev and
    Pashinyan met Putin" is also a meeting of Aliyev and Pashinyan."""
    s = roles.sources
    if each_party and not roles.targets:  # one per country: "Alexandru al II-lea al Rusiei"
        s = list({a.actor.code: a for a in reversed(s)}.values())[::-1]
    if not roles.targets and len(s) == 2 and ((s[0].start, s[0].end) == (s[1].start, s[1].end)
                                              or each_party and s[0].actor.code != s[1].actor.code):
        return [(s[0], s[1]), (s[1], s[0])]
    if roles.unordered and not roles.targets and len(s) >= 3:  # several parties acting together
        return _every_pair(s)
    targets: list[ActorMention | None] = list(roles.targets) or [None]
    among = _every_pair(s) if joint and roles.targets else []
    return [(src, t) for src in s for t in targets] + among


def _every_pair(parties: list[ActorMention]) -> list[tuple[ActorMention, ActorMention | None]]:
    return [(a, b) for k, a in enumerate(parties) for b in parties[k + 1:] if a.actor.code != b.actor.code]
