"""TimeTagger: find date expressions and normalise them to DESIGN §5 values.

`find_times` finds the absolute expressions of one sentence (the shapes are in `grammar`, their
values in `normalise`); the `TimeTagger` stage adds relative expressions, resolves them in
reading order, sets aside the years of bibliographic references, takes a publication date from
a dateline when the metadata has none, and marks the dates that belong to a noun ("the
declaration of 1956") rather than to their clause, so that event dating can tell them apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dyad.data import load_time_words
from dyad.data.time_words import ends_with, holds_phrase
from dyad.model import PRECISION_RANK, DateValue, Document, TimeMention
from dyad.time.attributive import attributive_head
from dyad.time.citations import citation_spans
from dyad.time.grammar import (
    DAY_SHAPES,
    DIGIT_FIRST,
    MONTH_FIRST,
    NUMBER,
    WORD,
    YEARLESS,
    Grammar,
    finditer_at,
    grammar_for,
)
from dyad.time.normalise import (
    decade_in,
    double_day,
    julian_to_gregorian,
    month_of,
    normalise,
    weekday_year,
)
from dyad.time.relative import RelativeMatch, find_relative, resolve
from dyad.time.values import day, decade, month, season, span

__all__ = ["Time", "TimeTagger", "find_times", "julian_to_gregorian"]

CLOCK = re.compile(r"\b\d{1,2}:\d{2}\b")
CENTURY_SHAPES = ("century_roman", "century_ordinal", "century_number", "century_words", "century_words_after")
# between a decade named without its century and that century: "anii 30 ai secolului XIX", "the
# thirties of the nineteenth century", "30-е годы XIX века"
CENTURY_GAP = re.compile(r"[\s,]*(?:\w{1,4}\s+){0,2}")


@dataclass
class Time(TimeMention):
    """A time mention and what the tagger knows beyond its DESIGN §5 value."""

    head: tuple[int, int] | None = None  # the noun it dates ("the declaration of 1956"), not its clause
    # "yearless", "weekday-year" (year moved to fit the weekday), "weekday-mismatch", "deictic-guess"
    # ("last year" in a text with no publication date, counted from the nearest date before it)
    flags: tuple[str, ...] = ()


def find_times(text: str, code: str, anchor_year: int | None = None,
               words: set[str] | frozenset[str] | None = None) -> list[Time]:
    """All date expressions of one text in one language, left to right, without overlaps.

    A day and month with no year ("12 сентября") is resolved last, once every dated expression
    of the sentence is known: it takes the year of the nearest one before it in the sentence,
    else after it (the year before, where it would fall after that date), else the anchor year (the
    document's reading so far); a weekday beside it ("в среду, 12 сентября") must fit that year,
    else the nearest year it fits is taken.
    `words` are the text's lower-case words (`WORD`), when the caller has them already."""
    g = grammar_for(code)
    century_start = 1900 if anchor_year is None or anchor_year >= 1900 else anchor_year // 100 * 100
    taken: list[tuple[int, int]] = []
    found: list[Time] = []
    yearless: list[tuple[str, re.Match[str], int | None, int]] = []  # shape, match, weekday, start
    tens: dict[int, list[int]] = {}  # id of a decade named without its century → its tens
    runs = [(m.start(), m.end() - m.start()) for m in NUMBER.finditer(text)]
    if words is None:
        words = set(WORD.findall(text.lower()))
    # where numbers begin, by the length of the number ("short": one or two digits, "year": four),
    # and where month names begin: found once, if a shape needs them
    numbers: dict[str, list[int]] | None = None
    months: list[int] | None = None
    # most sentences name no number, no month, no season and no century word: only the shapes
    # that can match them without one are tried
    for name, rx in g.shapes_for(bool(runs), words):
        needs = g.needs.get(name)
        if needs is not None and needs.search(text) is None:
            continue  # nor a dash, an apostrophe or a roman numeral
        if name in DIGIT_FIRST:  # tried where a number of its length begins, not at every position
            if numbers is None:
                numbers = {"short": [s for s, n in runs if n <= 2], "year": [s for s, n in runs if n == 4],
                           "any": [s for s, _ in runs]}
            positions = numbers[g.number_lengths.get(name, "any")]
            if not positions:
                continue
            matches = finditer_at(rx, text, positions)
        elif name in MONTH_FIRST:
            months = [m.start() for m in g.month_start.finditer(text)] if months is None else months
            matches = finditer_at(rx, text, months)
        else:
            matches = rx.finditer(text)
        for m in matches:
            s, e = m.span()
            wd = None
            if name in DAY_SHAPES:
                wd, s = _weekday_before(text, s, g)
            if any(s < te and ts < e for ts, te in taken):
                continue
            if name in DAY_RANGES and m.group("join").strip().lower() in g.words.list_words \
                    and _word_before(text, s) not in g.words.between_words:
                continue  # "6 октября, 8 октября и 12 октября": a list of days; "между 8 и 12 октября": a span
            if name == "md" and not m.group("mon")[:1].isupper():
                continue  # "may 7", "march 3": a month first, with no year, only when written as a name
            if name == "month_alone" and (m.group("mon").lower() in g.words.month_alone_not
                                          or g.words.month_alone_capital and not m.group("mon")[:1].isupper()):
                continue  # "în mai multe țări", "in may be"
            if name in YEARLESS and not m.groupdict().get("y"):
                yearless.append((name, m, wd, s))
                taken.append((s, e))
                continue
            bare = name == "year" and m.group(0).strip() == m.group("y")  # "указ 1992 года" is a year
            if bare and _word_before(text, s) in g.data.not_before_year:
                continue  # "Flight 1904", "статья 1922", "Resolution 1325": a number, not a year
            if bare and g.count_after.match(text, e) and _word_before(text, s) not in g.words.year_prepositions:
                continue  # "1945 soldiers", "2000 de soldați"; but "în 2010 de președintele" is a year
            value = normalise(name, m, g, century_start)
            if value is None:
                continue
            taken.append((s, e))
            t = Time(s, e, text[s:e].strip(), value, flags=_weekday_flags(wd, value))
            found.append(t)
            if (decade_tens := _centuryless(name, m, g)) is not None:
                tens[id(t)] = decade_tens
    found = _join_decades_to_centuries(found, tens, text)
    dated = sorted(found, key=lambda t: t.start)
    for name, m, wd, s in yearless:
        if (t_ := _without_year(name, m, g, dated, anchor_year, wd, s)) is not None:
            found.append(t_)
    found.sort(key=lambda t: t.start)
    return found


DAY_RANGES = frozenset({"dmdm_range_y", "dm_range_y"})  # two days joined: a span, or a list after "and"


def _word_before(text: str, pos: int) -> str:
    words = text[:pos].split()
    return words[-1].lower() if words else ""


def _weekday_before(text: str, pos: int, g: Grammar) -> tuple[int | None, int]:
    """(ISO weekday, its start) of a weekday written right before `pos`, else (None, pos)."""
    m = g.weekday.search(text, max(0, pos - 24), pos)
    return (g.words.weekdays[m.group("wd").lower().rstrip(".")], m.start()) if m else (None, pos)


def _weekday_flags(wd: int | None, value: DateValue) -> tuple[str, ...]:
    if wd is None or value.precision != "day":
        return ()
    y, mo, d = (int(x) for x in value.start.split("-"))
    return () if weekday_year(y, mo, d, wd) == y else ("weekday-mismatch",)


def _centuryless(name: str, m: re.Match[str], g: Grammar) -> list[int] | None:
    """The tens of a decade written without its century ("anii 30 și 40" → [30, 40]), else None."""
    gd = m.groupdict()
    if name in ("decade_short", "decade_apos"):
        return [int(gd["y"])]
    if name == "decade_words" and int(gd["y"]) < 100:
        return [int(gd["y"])] + ([int(gd["y2"])] if gd.get("y2") and int(gd["y2"]) < 100 else [])
    if name == "decade_name" and g.words.decade_names.get(gd["dname"].lower(), 100) < 100:
        return [g.words.decade_names[gd["dname"].lower()]]
    return None


def _join_decades_to_centuries(found: list[Time], tens: dict[int, list[int]], text: str) -> list[Time]:
    """"în anii 40 și 50 ai secolului al XIX-lea": a decade named without its century, followed
    by one, is a decade of that century; the two become one expression."""
    if not tens:
        return found
    ordered = sorted(found, key=lambda t: t.start)
    dropped: set[int] = set()
    for i, t in enumerate(ordered[:-1]):
        nxt = ordered[i + 1]
        if id(t) not in tens or nxt.date.precision != "century":
            continue
        gap = CENTURY_GAP.fullmatch(text, t.end, nxt.start)
        if gap is None:
            continue
        first = int(nxt.date.start[:4]) // 100 * 100
        values = [decade(decade_in(x, first)) for x in tens[id(t)]]
        joined = span(values[0], values[-1]) if len(values) > 1 else values[0]
        if joined is None:
            continue
        t.end, t.text, t.date = nxt.end, text[t.start:nxt.end], joined
        dropped.add(id(nxt))
    return [t for t in ordered if id(t) not in dropped]


def _without_year(name: str, m: re.Match[str], g: Grammar, dated: list[Time], anchor_year: int | None,
                  wd: int | None, start: int) -> Time | None:
    before = [t for t in dated if t.end <= m.start() and PRECISION_RANK[t.date.precision] >= PRECISION_RANK["year"]]
    after = [t for t in dated if t.start >= m.end() and PRECISION_RANK[t.date.precision] >= PRECISION_RANK["year"]]
    gd = m.groupdict()
    if before:
        y: int | None = int(before[-1].date.start[:4])
    elif after:
        y = int(after[0].date.start[:4])
        # "12 октября … перемирие, а 18 марта 1921 года … договор": told in the order it happened, a
        # day that would fall after the dated one in its year is of the year before
        own = (month_of(g, gd["mon"]), int(gd.get("d") or 1)) if gd.get("mon") else None
        later = after[0].date.start[5:10].split("-")
        if own is not None and PRECISION_RANK[after[0].date.precision] >= PRECISION_RANK["month"] \
                and own > (int(later[0]), int(later[1])):
            y -= 1
    else:
        y = anchor_year
    if y is None:
        return None
    flags: tuple[str, ...] = ("yearless",)
    if name == "season_alone":  # "în primăvară" after 1939: spring 1939
        text = m.string[start:m.end()].strip()
        return Time(start, m.end(), text, season(y, g.words.seasons_alone[gd["salone"].lower()]), flags=flags)
    if name == "month_alone":  # "в марте" after 1939: March 1939
        value = month(y, month_of(g, gd["mon"]))
        return Time(start, m.end(), m.string[start:m.end()].strip(), value, flags=flags) if value else None
    mo, d = month_of(g, gd["mon"]), int(gd["d"])
    if wd is not None:
        fit = weekday_year(y, mo, d, wd)
        if fit is None:
            flags += ("weekday-mismatch",)
        elif fit != y:
            y, flags = fit, flags + ("weekday-year",)
    if name == "dmy_double":
        value = double_day(int(gd["y2"]) if gd.get("y2") else y, mo, d, month_of(g, gd["mon2"]), int(gd["d2"]))
    elif gd.get("julian"):
        value = julian_to_gregorian(y, mo, d)
    else:
        value = day(y, mo, d)
    return Time(start, m.end(), m.string[start:m.end()].strip(), value, flags=flags) if value else None


def _published(meta_published: str | None) -> DateValue | None:
    if not meta_published:
        return None
    try:
        y, m, d = (int(x) for x in meta_published[:10].split("-"))
    except ValueError:
        return None
    return day(y, m, d)


def _dateline(doc: Document) -> tuple[DateValue, int, int] | None:
    """A publication date stated at the top of the text ("Опубликовано: 10.03.2022 14:35",
    "Published 12 September 2018, 10:05"): a short line among the first three with a full date
    and a publication label or a clock time. (value, start, end) in the document."""
    for p in doc.paragraphs[:3]:
        line = doc.text[p.start:p.end]
        if len(line.strip()) > 100 or p.language in ("und", ""):
            continue
        first = line.strip().split(":")[0].strip().lower()
        if first not in load_time_words(p.language).published_labels and not CLOCK.search(line):
            continue
        days = [t for t in find_times(line, p.language) if t.date.precision == "day"]
        if days:
            return days[0].date, p.start + days[0].start, p.start + days[0].end
    return None


class TimeTagger:
    """Pipeline stage: absolute and relative times of every kept sentence, in reading order.

    Relative expressions resolve against the nearest preceding date (absolute or resolved),
    starting from the publication date when the document has one; deictic ones ("last year")
    against the publication date itself when there is one."""

    name = "times"

    def __call__(self, doc: Document) -> Document:
        published = _published(doc.meta.published)
        skip: list[tuple[int, int]] = []  # references and the dateline: no event's date
        if published is None and (line := _dateline(doc)) is not None:
            published, skip = line[0], [(line[1], line[2])]
        for p in doc.paragraphs:
            if not p.removed and p.language not in ("und", ""):
                doc.references += [(p.start + a, p.start + b)
                                   for a, b in citation_spans(doc.text[p.start:p.end], p.language)]
        skip += doc.references
        anchor = published
        for i, sent in enumerate(doc.sentences):
            if not sent.tokens:
                continue
            text = doc.text[sent.start:sent.end]
            inside = [(a - sent.start, b - sent.start) for a, b in skip if a < sent.end and sent.start < b]
            words = set(WORD.findall(text.lower()))  # both finders skip what needs words the sentence lacks
            absolute = [t for t in find_times(text, sent.language, _one_year(anchor), words)
                        if not _overlaps(t.start, t.end, inside)]
            relative = [r for r in find_relative(text, sent.language, words)
                        if not _overlaps(r.start, r.end, inside)]
            # "12 septembrie același an": the relative expression names the day; the bare day is part of it
            # ("в сентябре прошлого года": the month's preposition stands outside the relative expression)
            absolute = [t for t in absolute if "yearless" not in t.flags
                        or not any(r.month and r.start < t.end and t.start < r.end for r in relative)]
            relative = [r for r in relative if not _overlaps(r.start, r.end, [(t.start, t.end) for t in absolute])]
            for t in absolute:
                t.head = attributive_head(t, sent.tokens, sent.start, text, sent.language)
            items: list[Time | RelativeMatch] = sorted([*absolute, *relative], key=lambda x: x.start)
            for item in items:
                if isinstance(item, Time):
                    mention = item
                else:
                    # "last year" counts from the time of writing: the publication date when known,
                    # else (like the others) the nearest date before it, a guess that dates its own
                    # clause but is not passed on (to later sentences or relative expressions)
                    base = (published or anchor) if item.deictic else anchor
                    value = resolve(item, base) if base else None
                    if value is None:
                        continue
                    guess = ("deictic-guess",) if item.deictic and published is None else ()
                    mention = Time(item.start, item.end, item.text, value, relative=True, flags=guess)
                mention.start += sent.start
                mention.end += sent.start
                mention.sentence = i
                if _off_the_narrative(doc, mention):
                    mention.flags = (*mention.flags, "off-narrative")
                if _in_since_phrase(doc, mention):
                    mention.flags = (*mention.flags, "off-narrative", "since-phrase")
                doc.times.append(mention)
                # a noun's date ("the summit of July 1997") anchors what follows only when the text
                # has reached no single year ("The 1990s" heading, or nothing)
                if "deictic-guess" not in mention.flags and "off-narrative" not in mention.flags \
                        and (getattr(mention, "head", None) is None or _one_year(anchor) is None):
                    anchor = mention.date
        doc.count("times", len(doc.times))
        return doc


def _one_year(anchor: DateValue | None) -> int | None:
    """The year a day or month without one takes from the anchor: none from a decade, a century or
    a span of years ("Anii '90" gives "la 11 iulie" no year, not 1990)."""
    if anchor is None or anchor.start[:4] != anchor.end[:4]:
        return None
    return int(anchor.start[:4])


def _off_the_narrative(doc: Document, t: TimeMention) -> bool:
    """"had said since 1957", "a partnership for the twenty-first century", "where the APEC forum will
    be held in 2012": the date a state of affairs started, a target, or a time yet to come (time.yaml
    `future_words` in the date's clause), not the time the text has reached."""
    sent = doc.sentences[t.sentence]
    known = load_time_words(sent.language)
    if ends_with(doc.text[max(sent.start, t.start - 20):t.start], known.since_words | known.target_words):
        return True
    # "…, unde va avea loc forumul APEC în 2012": a date of a clause about the future
    before = re.split(r"[,;:—]", doc.text[sent.start:t.start])[-1]  # a bracket may stand inside: "(APEC) în 2012"
    after = re.split(r"[,;:—.!?]", doc.text[t.end:sent.end])[0]
    return holds_phrase((before + " " + after).lower().split(), known.future_words, longest=3)


SINCE_REACH = 60  # characters before a date searched for a "since" opening its phrase
SINCE_WORDS_BEFORE = 5  # "since Calvin Coolidge in 1928": words between "since" and the date, at most


def _in_since_phrase(doc: Document, t: TimeMention) -> bool:
    """"the first sitting US president to visit Cuba since Calvin Coolidge in 1928": the date closes
    a phrase that "since" opens within its clause, with words between ("since 1957" right after the
    word is `_off_the_narrative`'s). It dates the act the phrase compares with, not the clause's."""
    sent = doc.sentences[t.sentence]
    since_words = load_time_words(sent.language).since_words
    before = doc.text[max(sent.start, t.start - SINCE_REACH):t.start]
    clause = re.split(r"[,;:—()\[\]]", before)[-1].lower().split()[-(SINCE_WORDS_BEFORE + 2):]
    return not ends_with(before[-20:], since_words) and holds_phrase(clause, since_words)


def _overlaps(s: int, e: int, spans: list[tuple[int, int]]) -> bool:
    return any(s < b and a < e for a, b in spans)

