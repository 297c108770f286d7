"""Which of a sentence's time mentions dates an event (DESIGN §5).

An event's date is the time expression that governs its clause, else the sentence's, else the
enclosing paragraph's or section's anchor — never silently the document's date. A date that
belongs to a noun ("the declaration of 1956", `Time.head`) dates only that noun: the event whose
trigger is that noun, or the signing of the agreement it names, not the other acts around it.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from dyad.data import load_hierarchy, load_language, load_time_words
from dyad.data.time_words import ends_with
from dyad.events.grammar import after_setting, clause_stops, is_nominal, matches_at, matches_in, relative_aside
from dyad.model import DateValue, Document, Span, TimeMention, Token
from dyad.time.values import span

PHRASE_REACH = 40  # characters between a trigger and a date written in its phrase
HEAD_REACH = 3  # a noun's date dates a trigger that starts at most this many tokens before the noun
SIGNING_KINDS = {"SIGN_AGREEMENT"}  # the act that gives an agreement the date it is named by
FRAME_MARKS = ",;:—("  # after a noun's date, these may close the phrase that frames what follows
RUNNING_TEXT = 80  # characters: a shorter line is a title or a caption, not a paragraph that goes on


def _head(t: TimeMention) -> tuple[int, int] | None:
    return getattr(t, "head", None)


def _token_index(tokens: Sequence[Token], pos: int) -> int:
    return next((k for k, tok in enumerate(tokens) if tok.end > pos), len(tokens))


def _clause(doc: Document, sent_index: int, trig_start: int) -> tuple[int, int]:
    """The character span of the trigger's clause: up to ';', ':', a dash, a bracket or a word
    that opens a clause ("care", "which", "который")."""
    sent = doc.sentences[sent_index]
    tokens = sent.tokens
    if not tokens:
        return sent.start, sent.end
    k = min(_token_index(tokens, trig_start), len(tokens) - 1)
    dates = [(t.start, t.end) for t in doc.times if t.sentence == sent_index]
    # the dash of "February — March 2014" opens no clause
    stops = [i for i in clause_stops(load_language(sent.language), tokens)
             if not any(a <= tokens[i].start and tokens[i].end <= b for a, b in dates)]
    before = bisect_left(stops, k)  # the stops before tokens[k]
    lo = stops[before - 1] + 1 if before else 0
    after = bisect_right(stops, k)  # the first stop after tokens[k]
    hi = stops[after] if after < len(stops) else len(tokens)
    return tokens[lo].start, tokens[hi - 1].end


def _dates_trigger(doc: Document, sent_index: int, t: TimeMention, trig_start: int) -> bool:
    """A noun's date dates the trigger when the trigger is that noun or starts just before it."""
    head = _head(t)
    if head is None:
        return False
    tokens = doc.sentences[sent_index].tokens
    k, h = _token_index(tokens, trig_start), _token_index(tokens, head[0])
    return k <= h <= k + HEAD_REACH


def _frames(doc: Document, sent_index: int, t: TimeMention, trig_start: int) -> bool:
    """A noun's date before the trigger frames it when it opens the sentence's matter ("Under the
    Treaty of 1875, Russia ceded…", "The 1860 treaty gave…", "Декларация от 19 октября 1956 года:
    прекращено…"), not when it sits inside an earlier act's object ("annulled the obligations of
    the 1956 declaration and stipulated…", "Finland recognised the border of 1940, ceded Petsamo"):
    no trigger before it, or with a punctuation mark between it and the trigger, none in its own
    segment but the noun it dates ("Московская декларация от 19 октября 1956 года: …")."""
    sent = doc.sentences[sent_index]
    triggers = load_language(sent.language).triggers.find(sent.tokens)
    lo = sent.start
    if any(c in doc.text[t.end:trig_start] for c in FRAME_MARKS):
        before = doc.text[sent.start:t.start]
        lo += max(before.rfind(c) for c in FRAME_MARKS) + 1
    head = _head(t)
    h = _token_index(sent.tokens, head[0]) if head is not None else -1
    data = load_language(sent.language)
    # a gathering as the setting is no earlier act: "La summitul de la Madrid din iulie 1997, …"
    return not any(lo <= sent.tokens[i].start and sent.tokens[j - 1].end <= t.start and not i <= h < j
                   and not after_setting(data, sent.tokens, i) for i, j, _ in triggers)


def _deadline(doc: Document, sent_index: int, t: TimeMention) -> bool:
    """"соглашение о продлении аренды Байконура до 2050 года": a date after "until" that follows
    the act is a limit of what was agreed, one after "for the" a target (time.yaml `deadline_words`,
    `target_words`)."""
    known = load_time_words(doc.sentences[sent_index].language)
    return ends_with(doc.text[max(doc.sentences[sent_index].start, t.start - 20):t.start],
                     known.deadline_words | known.target_words)


def _in_time_phrase(doc: Document, sent_index: int, t: TimeMention) -> bool:
    """A noun's date after a time preposition ("sent aid after the earthquake of 7 September 1999",
    "după cutremurul din 7 septembrie"): the phrase dates the act it follows, as a plain date would."""
    head = _head(t)
    if head is None:
        return False
    sent = doc.sentences[sent_index]
    tokens = sent.tokens
    h = _token_index(tokens, head[0])
    preps = load_language(sent.language).roles["time_prepositions"]
    return any((end := matches_at(preps, tokens, k)) is not None and h - 2 <= end <= h
               for k in range(max(0, h - 4), h))


def _spanned(doc: Document, sent_index: int, t: TimeMention, trig_start: int) -> DateValue:
    """An act told after the second date of "с 1936 года до начала боев … в июле 1938 года" lasted the
    whole span (time.yaml `span_from`, `span_until`); the act named inside it keeps its own date."""
    if t.end > trig_start:
        return t.date
    earlier = [u for u in doc.times if u.sentence == sent_index and u.end <= t.start]
    if not earlier:
        return t.date
    first = earlier[-1]
    words = load_time_words(doc.sentences[sent_index].language)
    gap = doc.text[first.end:t.start]
    opened = ends_with(doc.text[max(0, first.start - 20):first.start], words.span_from)
    after = gap.split()
    if not opened or not after or after[0].lower() not in words.span_until or any(c in gap for c in ".;:"):
        return t.date
    return span(first.date, t.date) or t.date


def _behind_aside(doc: Document, sent_index: int, t: TimeMention, trig_start: int) -> bool:
    """"Bush, who had headed the liaison office in Beijing in the 1970s, refused to break with
    China": a time inside a relative aside between commas (`grammar.relative_aside`) that closes
    before the trigger tells when the aside happened, not the act after it."""
    sent = doc.sentences[sent_index]
    tokens = sent.tokens
    data = load_language(sent.language)
    for k in range(1, len(tokens)):
        if tokens[k].start >= trig_start:
            break
        aside = relative_aside(data, tokens, k)
        if aside is None:
            continue
        comma, close = aside
        if close is not None and tokens[close].end <= trig_start and tokens[comma].end <= t.start < tokens[close].start:
            return True
    return False


def _in_later_aside(doc: Document, sent_index: int, t: TimeMention, trig_start: int) -> bool:
    """"Astfel a început războiul ruso-japonez, care a determinat relația … de-a lungul secolului al
    XX-lea": a time inside a relative clause opened after a verb's trigger tells when that clause's
    matter happened, not the act before it; so does one inside what is said or demanded ("Perry
    warned the shogunate that he would return the following year", roles.yaml `complementizers`).
    After an act's noun the clause may be the act's own ("встреча …, которая должна была состояться
    13—14 ноября")."""
    sent = doc.sentences[sent_index]
    tokens = sent.tokens
    data = load_language(sent.language)
    k0 = _token_index(tokens, trig_start)
    if k0 >= len(tokens) or is_nominal(data, tokens[k0]):
        return False
    for k in range(k0 + 1, len(tokens)):
        if tokens[k].start >= t.start:
            return False
        aside = relative_aside(data, tokens, k)
        if aside is not None:
            close = aside[1]
            return close is None or t.end <= tokens[close].start
        if matches_at(data.roles["complementizers"], tokens, k) is not None:
            return True
    return False


def _nearest(times: list[TimeMention], trig_start: int) -> TimeMention:
    before = [t for t in times if t.end <= trig_start]
    return before[-1] if before else min(times, key=lambda t: abs(t.start - trig_start))


def _own_conjunct(doc: Document, sent_index: int, times: list[TimeMention], trig_start: int) -> TimeMention:
    """The nearest time before the trigger, unless an "and" stands between them and a time follows
    the trigger in its own conjunct: "Argentina attacked on 2 April and Britain declared war on
    5 April" dates the declaration 5 April, "On 21 May the troops landed and closed in" 21 May."""
    nearest = _nearest(times, trig_start)
    after = [t for t in times if t.start > trig_start]
    if nearest.end <= trig_start and after and _joined(doc, sent_index, nearest.end, trig_start) \
            and not _joined(doc, sent_index, trig_start, after[0].start):
        return after[0]
    return nearest


def _opens_conjunct(doc: Document, sent_index: int, trig_start: int, t: TimeMention) -> bool:
    """A conjunction after the trigger stands right before the time, or one word (its preposition)
    before it: "… и в октябре 1827 года взяли", "… and in October took"."""
    tokens = doc.sentences[sent_index].tokens
    k = _token_index(tokens, t.start)
    lo = max(_token_index(tokens, trig_start) + 1, k - 2)
    return lo < k and _joined(doc, sent_index, tokens[lo].start, t.start)


def _joined(doc: Document, sent_index: int, start: int, end: int) -> bool:
    """Does a conjunction ("and", "și", "и") stand between the characters start and end?"""
    sent = doc.sentences[sent_index]
    conjunction = load_language(sent.language).roles.get("conjunction")
    if conjunction is None:
        return False
    return matches_in(conjunction, sent.tokens, _token_index(sent.tokens, start), _token_index(sent.tokens, end))


def governing_date(doc: Document, sent_index: int, trig_start: int, asserted: bool = True,
                   ends_its_object: bool = False) -> DateValue | None:
    """The date of the trigger's own noun phrase; else the time of its clause nearest before it
    (else after it); else the sentence's; else the paragraph's or the section heading's anchor.
    A noun's date after the trigger names what the act is about, not when it happened; so does a
    deadline after an act that happened (`asserted`), while it dates an act promised or planned.
    An act that ends its object (`ends_its_object`: "denounced the treaty of 1956") is not dated
    by the object's date, as a signing is ("the signing of the treaty of 1956")."""
    in_sentence = [t for t in doc.times if t.sentence == sent_index]
    own = [t for t in in_sentence if _dates_trigger(doc, sent_index, t, trig_start)
           and not (ends_its_object and (head := _head(t)) is not None and head[0] > trig_start)]
    if own:
        return _nearest(own, trig_start).date
    # a noun's date before the trigger frames what follows ("Under the Treaty of 1875, Russia ceded…"),
    # though less than a date of the clause's own; after it, it names what the act is about
    # ("annulled the declaration of 1956"), not when
    plain = [t for t in in_sentence if _head(t) is None
             and not (asserted and t.start > trig_start and _deadline(doc, sent_index, t))
             and not (t.end <= trig_start and _behind_aside(doc, sent_index, t, trig_start))
             and not (t.start > trig_start and _in_later_aside(doc, sent_index, t, trig_start))
             and not (t.start > trig_start and "since-phrase" in getattr(t, "flags", ()))]
    framing = [t for t in in_sentence if _head(t) is not None and (
        t.end <= trig_start and _frames(doc, sent_index, t, trig_start)
        or t.start > trig_start and _in_time_phrase(doc, sent_index, t))]
    if plain or framing:
        lo, hi = _clause(doc, sent_index, trig_start)
        for group in (plain, framing):
            # "…перешли в контрнаступление и в октябре 1827 года взяли Эривань": a time opening the
            # next conjunct dates that conjunct's act, not this one
            in_clause = [t for t in group if lo <= t.start and t.end <= hi
                         and not (t.start > trig_start and _opens_conjunct(doc, sent_index, trig_start, t))]
            if in_clause:
                return _spanned(doc, sent_index, _own_conjunct(doc, sent_index, in_clause, trig_start), trig_start)
        return _spanned(doc, sent_index, _nearest(plain or framing, trig_start), trig_start)
    sent = doc.sentences[sent_index]
    # a date no later clause reads by ("since 1957", "for the twenty-first century") dates only its own
    earlier = [t for t in doc.times if 0 <= t.sentence < sent_index
               and not {"deictic-guess", "off-narrative"} & set(getattr(t, "flags", ()))]
    same_paragraph = [t for t in earlier if doc.sentences[t.sentence].paragraph == sent.paragraph]
    if same_paragraph:  # the paragraph's time; a noun's date only when it has no other ("the Treaty of
        # 8 September 1951. Japan signed it…")
        return ([t for t in same_paragraph if _head(t) is None] or same_paragraph)[-1].date
    previous = _previous_paragraph(doc, sent.paragraph)
    here = doc.paragraphs[sent.paragraph]
    timeless = not any(doc.sentences[t.sentence].paragraph == sent.paragraph for t in doc.times)
    if previous is not None and here.end - here.start >= RUNNING_TEXT and timeless:
        # a paragraph with no time of its own goes on from the one before it ("On the night of 7 May
        # 1999 … bombs on the Chinese embassy." / "For four days protesters besieged …")
        told = [t for t in earlier if doc.sentences[t.sentence].paragraph == previous and _head(t) is None]
        if told:
            return told[-1].date
    headings = [t for t in earlier if doc.paragraphs[doc.sentences[t.sentence].paragraph].heading]
    return headings[-1].date if headings and not _section_left(headings[-1], earlier) else None


def _previous_paragraph(doc: Document, index: int) -> int | None:
    """The kept paragraph right before paragraph `index`, if it is running text (no heading)."""
    for k in range(index - 1, -1, -1):
        p = doc.paragraphs[k]
        if not p.removed:
            return None if p.heading else k
    return None


def _section_left(heading: TimeMention, earlier: list[TimeMention]) -> bool:
    """A heading's period dates its section, which the text leaves without a new heading once a
    later paragraph tells a time outside that period ("1945-1991", then a paragraph of "October
    1922"): what follows belongs to that other period, not the heading's."""
    span_of = heading.date
    return any(t.sentence > heading.sentence and _head(t) is None
               and (t.date.end < span_of.start or t.date.start > span_of.end) for t in earlier)


def treaty_date(doc: Document, sent_index: int, trig_start: int, kind: str, agreement: str | None,
                date: DateValue | None, by_party: bool = True) -> DateValue | None:
    """For the signing or the peace of a named treaty, the sentence's time that fits the year the
    treaty table knows: a sentence telling a treaty of 1905 beside an attack of 1904 must not date
    the treaty 1904; of several that fit, the narrowest ("din 1895" over "1894-1895"). A signing
    whose sentence dates only nouns takes the noun's date after the trigger ("signed the treaty of
    1951"). Only chooses among the dates the text gives, or leaves the date unknown. The table's
    year binds only the treaty's own parties (`by_party`): a state joining later has its own date."""
    in_sentence = [t for t in doc.times if t.sentence == sent_index]
    if kind in SIGNING_KINDS and not any(_head(t) is None for t in in_sentence):
        _, hi = _clause(doc, sent_index, trig_start)
        named = [t for t in in_sentence if t.start >= trig_start and t.end <= hi]
        if named:
            date = named[0].date
    year = str((load_hierarchy("agreements").get(agreement or "") or {}).get("signed") or "")
    if kind not in ("SIGN_AGREEMENT", "END_WAR") or not year or not by_party:
        return date
    fitting = [t for t in in_sentence if t.date.start[:4] <= year <= t.date.end[:4]]
    if fitting:
        return min(fitting, key=lambda t: (_width(t.date), abs(t.start - trig_start))).date
    return date if date is None or date.start[:4] <= year <= date.end[:4] else None


def _width(d: DateValue) -> int:
    """How many days a date covers, less one: the narrower, the more precise."""
    return (dt.date.fromisoformat(d.end) - dt.date.fromisoformat(d.start)).days


def phrase_date(doc: Document, sent_index: int, trigger: Span) -> DateValue | None:
    """A date written right after a trigger in the same phrase, with no punctuation between ("until
    the fighting at Lake Khasan in July 1938"): the date of an act named in a time phrase."""
    for t in doc.times:
        if t.sentence == sent_index and 0 <= t.start - trigger.end <= PHRASE_REACH \
                and not any(c in doc.text[trigger.end:t.start] for c in ",;:()"):
            return t.date
    return None
