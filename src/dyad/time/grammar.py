"""The regular expressions of one language's dates, built once per worker from its data.

The shapes (day month year, month year, ranges, decades, centuries, …) are shared by all
languages; the words (months, weekdays, seasons, year suffixes, Julian markers, decades and
centuries in words) come from the language's `time.yaml`. Patterns are tried in order and an
earlier match wins any overlap, so longer, more specific shapes come first.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

from dyad.data import LanguageData, TimeWords, load_language, load_time_words

YEAR = r"(1[0-9]{3}|20[0-9]{2})"
DASH = r"\s*[-–—]\s*"
# the dot of an abbreviated month ("Feb. 7"), not a full stop before the next sentence ("in May. The")
ABBREV_DOT = r"(?:\.(?!\s*$|\s+(?-i:[A-ZА-ЯЁĂÂÎȘȚ])))?"
# The shapes that cannot match without a digit; a shape not listed here is always tried.
NEEDS_DIGIT = frozenset({"iso", "dmy_double", "dmdm_range_y", "dmy_numeric", "numeric_slash", "dmy_roman", "dmy", "mdy",
                         "dm_range_y", "md_range_y", "mm_range_y", "my", "mm_words_y", "season_y", "dm", "md",
                         "decade_num", "decade_short", "decade_apos", "decade_words", "century_ordinal",
                         "century_ordinal_first", "century_number", "year_range", "year_words_range", "year"})
# Shapes whose match can only begin at a month name, or at the first digit of a number (every
# one of the latter opens with a digit after a non-word boundary): such a shape is tried only
# at those positions of a sentence (`finditer_at`), not scanned for along all of it.
MONTH_FIRST = frozenset({"md_range_y", "mdy", "mm_words_y", "mm_range_y", "my", "md"})
DIGIT_FIRST = frozenset({"iso", "dmy_double", "dmdm_range_y", "dmy_numeric", "numeric_slash", "dmy_roman",
                         "dm_range_y", "dmy", "dm",
                         "decade_num", "decade_short", "century_ordinal_first", "century_ordinal", "year_range",
                         "year"})
NUMBER_START = re.compile(r"(?<!\d)\d")
NUMBER = re.compile(r"\d+")  # a whole run of digits: where it begins (a NUMBER_START) and how long it is
# The DIGIT_FIRST shapes by the length of the number they open with: a day, a month, a century or
# a decade's tens has one or two digits ("12 May", "7.II.1855", "19th century", "30-е годы"), a
# year four; what follows that number is never a digit (unless a suffix in the language's data
# began with one: then `Grammar.number_lengths` is empty and every number is tried).
SHORT_NUMBER_FIRST = frozenset({"dmy_double", "dmdm_range_y", "dmy_numeric", "numeric_slash", "dmy_roman",
                                "dm_range_y", "dmy", "dm", "decade_short", "century_ordinal_first",
                                "century_ordinal"})
YEAR_FIRST = frozenset({"iso", "decade_num", "year_range", "year"})
# A character some shapes cannot match without (one of those listed), looked for with the shape's
# own flags: the dashes of ranges, the apostrophe of "the '30s", a roman numeral's letters.
NEEDS_ONE_OF = {"iso": "-", "dmy_double": "([", "numeric_slash": "/", "md_range_y": "-–—", "mm_range_y": "-–—",
                "year_range": "-–—", "decade_apos": "'’", "century_roman": "IVXLC"}
# Shapes naming a day, which a weekday may precede.
DAY_SHAPES = frozenset({"dmy_double", "dmy", "mdy", "dm", "md"})
# Shapes without a year of their own: resolved once the sentence's dated expressions are known.
YEARLESS = frozenset({"dm", "md", "dmy_double", "season_alone", "month_alone"})


def alternation(words: Iterable[object]) -> str:
    """A regex alternation of literal words, longest first (so "iunie" is not cut to "iun")."""
    forms = sorted({str(w) for w in words if w}, key=len, reverse=True)
    return "|".join(re.escape(f) for f in forms) or r"(?!x)x"


@dataclass(frozen=True)
class Grammar:
    """The regular expressions of one language, built from its data."""

    data: LanguageData
    words: TimeWords
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    century_word: re.Pattern[str]  # one century word ("secolul", "века", "c.") inside a match
    weekday: re.Pattern[str]  # a weekday right before a day ("Wednesday, 12 September"), at the end of a text
    count_after: re.Pattern[str]  # "1945 soldiers", "2000 de soldați": a count, unless a year preposition precedes
    cues: dict[str, frozenset[str]]  # a shape cannot match a sentence without one of its words
    month_start: re.Pattern[str]  # (empty) where a month name begins: where a MONTH_FIRST shape may
    number_lengths: dict[str, str]  # DIGIT_FIRST shape → "short" or "year": the numbers it may open with
    needs: dict[str, re.Pattern[str]]  # shape → the characters of NEEDS_ONE_OF, one of which it cannot lack
    # cue word → the bits of the distinct cue sets (of `cues`) holding it, and per shape its cue set's
    # bit (none: no cue); with them, a sentence's cue words pick its shapes in one dict lookup (`shapes_for`)
    cue_bits: dict[str, int] = field(default_factory=dict)
    shape_bits: dict[str, int] = field(default_factory=dict)
    cue_words: frozenset[str] = frozenset()  # the keys of `cue_bits`
    # (a number in the text?, bits of the cue sets it meets) → the shapes worth trying: at most
    # 2 × 2⁸ entries (eight distinct cue sets), and only a few dozen combinations occur in text
    _shapes: dict[tuple[bool, int], tuple[tuple[str, re.Pattern[str]], ...]] = field(
        default_factory=dict, repr=False, compare=False)

    def shapes_for(self, has_number: bool, words: set[str] | frozenset[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
        """The shapes (in order) that may match a text with these lower-case words (`WORD`): those that
        need a digit only if it has a number, those with cue words (`cues`) only if it holds one of them."""
        met = 0
        for word in self.cue_words & words:  # usually none or one: a month, a century word
            met |= self.cue_bits[word]
        shapes = self._shapes.get((has_number, met))
        if shapes is None:
            shapes = self._shapes[(has_number, met)] = tuple(
                (name, rx) for name, rx in self.patterns if self._may_match(name, has_number, met))
        return shapes

    def _may_match(self, name: str, has_number: bool, met: int) -> bool:
        if name in NEEDS_DIGIT and not has_number:
            return False
        return name not in self.shape_bits or bool(met & self.shape_bits[name])


WORD = re.compile(r"\w+")


def finditer_at(rx: re.Pattern[str], text: str, positions: Iterable[int]) -> Iterator[re.Match[str]]:
    """What `rx.finditer(text)` yields when no match can begin elsewhere than at `positions`
    (ascending): the leftmost match from each, the next one looked for after its end. `match`
    with a position still sees the text before it, so look-behinds and `\\b` behave the same."""
    end = 0
    for pos in positions:
        if pos < end:
            continue
        m = rx.match(text, pos)
        if m is not None:
            yield m
            end = m.end()


def _words(entries: Iterable[str]) -> frozenset[str]:
    return frozenset(w for e in entries for w in WORD.findall(e.lower()))


@cache
def grammar_for(code: str) -> Grammar:
    data, words = load_language(code), load_time_words(code)
    months = alternation(data.months)
    mon = rf"(?P<mon>{months}){ABBREV_DOT}"
    mon2 = rf"(?P<mon2>{months}){ABBREV_DOT}"
    sea = rf"(?P<season>{alternation(data.seasons)})"
    short = alternation(w for w in data.year_suffix if len(w) <= 2)  # "г.", "гг.": abbreviations keep their dot
    long = alternation(w for w in data.year_suffix if len(w) > 2)  # "года." ends the sentence instead
    suffix = rf"(?:\s*(?:(?:{short})\b\.?|(?:{long})\b))?"
    jm = alternation(data.julian_markers)
    julian = rf"(?:\s*\(?\s*(?P<julian>{jm})\s*\)?)?"
    julian2 = rf"(?:\s*\(?\s*(?P<julian2>{jm})\s*\)?)?"
    dec = alternation(data.decade_words)
    rng = alternation(data.range_words)
    not_after = alternation(data.not_after_year)  # "1945 soldiers", "1850 m": counts, not years
    cent = alternation(data.century_words)
    cent_long = alternation(w for w in data.century_words if len(w.rstrip(".")) > 2)
    ordinal = rf"(?:{alternation(words.day_suffixes)})?"  # "7th", "7-го"
    day_link = rf"(?:\s+(?:{alternation(words.day_links)}))?"  # "7th of February"
    csuf = rf"(?:{alternation(words.century_suffixes)})?"  # "19th", "XIX-lea", "20-м"
    clink = rf"(?:(?:{alternation(words.century_links)})\s+)?"  # "secolul al XIX-lea"
    dsuf = alternation(words.decade_suffixes)  # "1930s", "1930-е"
    b = r"(?<![\w.,])"  # not inside a number ("1.754", "3,5")
    e = r"(?![\w]|[.,]\d)"
    dmy_tail = rf"(?P<y>{YEAR}){suffix}{julian2}(?!\d)"
    decade2 = r"(?P<y>1[0-9]{2}0|20[0-9]0|[1-9]0)"
    names = alternation(words.decade_names)
    before, after = alternation(words.decade_name_before), alternation(words.decade_name_after)
    cord = alternation(words.century_ordinals)
    links = rf"(?:\s+(?:{alternation(words.year_links)}))?"  # "May of 1945", "mai a anului 1940"
    nth = rf"(?:1[0-9]|2[01]|[1-9]){csuf}"  # "19th", "20-м"
    opening = alternation(words.span_from | words.between_words)
    patterns = [
        ("iso", rf"{b}{YEAR}-(?P<m>\d{{2}})-(?P<d>\d{{2}}){e}"),
        # "26 января (7 февраля) 1855": two calendars; the year may be left to the context
        ("dmy_double", rf"{b}(?P<d>\d{{1,2}}){ordinal}\s+{mon}\s*[(\[]\s*(?:(?:{jm})\s*)?"
                       rf"(?P<d2>\d{{1,2}})\s+{mon2}(?:\s+(?P<y2>{YEAR}))?\s*[)\]](?:\s*(?P<y>{YEAR}){suffix})?(?!\d)"),
        ("dmy_numeric", rf"{b}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{YEAR}){e}"),
        ("numeric_slash", rf"{b}(?P<a>\d{{1,2}})/(?P<c>\d{{1,2}})/(?P<y>{YEAR}){e}"),  # 12/25/1941, 25/12/1941
        ("dmy_roman", rf"{b}(?P<d>\d{{1,2}})\.\s?(?P<rm>[IVX]{{1,4}})\.\s?(?P<y>{YEAR}){e}"),  # 7.II.1855
        # "16 aprilie și 19 aprilie 1991", "from 28 July to 3 August 1945"
        ("dmdm_range_y", rf"{b}(?P<d>\d{{1,2}}){ordinal}\s+{mon}(?P<join>{DASH}|\s+(?:{rng})\s+)"
                         rf"(?P<d2>\d{{1,2}}){ordinal}\s+{mon2},?\s+(?P<y>{YEAR}){suffix}"),
        # "16–19 aprilie 1991", "între 16 și 19 aprilie 1991"
        ("dm_range_y", rf"{b}(?P<d>\d{{1,2}})(?P<join>{DASH}|\s+(?:{rng})\s+)(?P<d2>\d{{1,2}})\s+{mon},?\s+"
                       rf"(?P<y>{YEAR}){suffix}"),
        ("dmy", rf"{b}(?P<d>\d{{1,2}}){ordinal}{day_link}\s+{mon}{julian},?\s+{dmy_tail}"),
        ("md_range_y", rf"\b{mon}\s+(?P<d>\d{{1,2}}){DASH}(?P<d2>\d{{1,2}}),?\s+(?P<y>{YEAR}){e}"),
        ("mdy", rf"\b{mon}\s+(?P<d>\d{{1,2}}){ordinal},?\s+(?P<y>{YEAR}){julian2}{e}"),
        ("mm_words_y", rf"\b{mon}\s+(?:{rng})\s+{mon2},?\s+(?P<y>{YEAR}){suffix}(?!\d)"),
        ("mm_range_y", rf"\b{mon}{DASH}{mon2},?\s+(?P<y>{YEAR}){suffix}(?!\d)"),
        ("my", rf"\b{mon}{links},?\s+(?P<y>{YEAR}){suffix}(?!\d)"),
        ("season_y", rf"\b{sea}{links}\s+(?P<y>{YEAR}){suffix}(?!\d)"),
        ("season_alone", rf"(?<!\w)(?P<salone>{alternation(words.seasons_alone)})(?!\w)"),
        ("dm", rf"{b}(?P<d>\d{{1,2}}){ordinal}{day_link}\s+{mon}(?!\w){julian}"),
        ("md", rf"\b{mon}\s+(?P<d>\d{{1,2}}){ordinal}(?![\d:])(?!,?\s*\d)"),
        # "în martie", "в марте": a month with neither day nor year, after a preposition
        ("month_alone", rf"(?<!\w)(?:{alternation(words.month_prepositions)})\s+{mon}(?!\w)(?!\.?,?\s*\d)"),
        ("decade_num", rf"{b}(?P<y>1[0-9]{{2}}0|20[0-9]0)(?:{dsuf})\b(?:\s*(?:{dec})\b)?"),
        ("decade_short", rf"{b}(?P<y>[1-9]0)(?:{dsuf})\s+(?:{dec})\b"),
        ("decade_apos", r"(?<![\w'’])['’](?P<y>[1-9]0)['’]?s\b"),  # "the '30s"
        # "anii 30", "în anii 40 și 50": a second decade joined by a range word makes a span
        ("decade_words", rf"\b(?:{dec})\s+['’]?{decade2}(?!\d)(?:{dsuf})?"
                         rf"(?:\s+(?:{rng})\s+['’]?(?P<y2>1[0-9]{{2}}0|20[0-9]0|[1-9]0)(?!\d))?"),
        ("decade_name", rf"\b(?:(?P<pre>{before})[\s-]+)?(?P<dname>{names})\b"
                        rf"(?:\s+(?P<post>{after})\b)?"),
        ("century_roman",
         rf"\b(?:(?:{cent})\s+{clink})?(?P<roman>[IVXLC]{{1,6}}){csuf}"
         rf"(?:{DASH}(?P<roman2>[IVXLC]{{1,6}}){csuf})?\s*(?:{cent})?\b"),
        # "the 18th and 19th centuries": the first of a list, whose century word comes after the last
        ("century_ordinal_first", rf"\b(?P<n>1[0-9]|2[01]|[1-9]){csuf}"
                                  rf"(?=\s*(?:,|{rng})\s*{nth}[\s-]+(?:{cent_long})\b)"),
        ("century_ordinal", rf"\b(?P<n>1[0-9]|2[01]|[1-9]){csuf}"
                            rf"(?:{DASH}(?P<n2>1[0-9]|2[01]|[1-9]){csuf})?[\s-]+(?:{cent_long})\b"),
        ("century_number", rf"\b(?:{cent_long})\s+{clink}(?P<n>1[0-9]|2[01]){csuf}(?!\d|[.,]\d)"),
        ("century_words", rf"\b(?P<cord>{cord})\s+(?:{cent_long})\b"),
        ("century_words_after", rf"\b(?:{cent_long})\s+{clink}(?P<cord>{cord})\b"),
        # "între 1811 și 1813", "from 1811 to 1813", "с 1811 по 1813 год": an opening word makes it one span
        ("year_words_range", rf"(?<!\w)(?:{opening})\s+(?P<y>{YEAR}){suffix}\s+(?:{rng})\s+"
                             rf"(?P<y2>{YEAR}){suffix}(?!\d)"),
        ("year_range", rf"{b}(?P<y>{YEAR}){DASH}(?P<y2>{YEAR}|\d{{2}}){suffix}(?!\d)"),
        ("year", rf"{b}(?P<y>{YEAR}){suffix}(?![\d%])"),
    ]
    compiled = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in patterns)
    century_word = re.compile(rf"(?<!\w)(?:{cent})(?!\w)", re.IGNORECASE)
    month_words, cent_words = _words(data.months), _words(data.century_words)
    cues = {name: month_words for name in ("dmy_double", "dmdm_range_y", "dm_range_y", "md_range_y", "dmy", "mdy",
                                           "mm_words_y", "mm_range_y", "my", "dm", "md", "month_alone")}
    cues |= {"season_y": _words(data.seasons), "season_alone": _words(p.split()[-1] for p in words.seasons_alone),
             "decade_name": _words(words.decade_names),
             "decade_words": _words(data.decade_words), "century_words": _words(words.century_ordinals),
             "century_words_after": _words(words.century_ordinals), "century_roman": cent_words,
             "century_ordinal": cent_words, "century_ordinal_first": cent_words, "century_number": cent_words,
             "year_words_range": _words(words.span_from | words.between_words)}
    # "Wednesday, 12 September", "в среду, 12 сентября": looked for only before a day (a pattern
    # opening with an optional weekday would be tried at every position of every sentence)
    wlink = rf"(?:(?:{alternation(words.weekday_links)})\s+)?"  # "Wednesday the 12th"
    weekday = re.compile(rf"(?<!\w)(?P<wd>{alternation(words.weekdays)})\.?,?\s+{wlink}$", re.IGNORECASE)
    count_after = re.compile(rf"\s*(?:{not_after})\b", re.IGNORECASE)
    # as `mon` opens those shapes; the class of first letters first, which rejects most words cheaply
    firsts = "".join(sorted({re.escape(m[0]) for m in data.months if m}))
    month_start = re.compile(rf"\b(?=[{firsts}])(?=(?:{months}))", re.IGNORECASE)
    after_number = (*words.day_suffixes, *words.day_links, *words.century_suffixes, *words.decade_suffixes,
                    *data.year_suffix, *data.range_words)
    number_lengths = {} if any(str(w)[:1].isdigit() for w in after_number) else \
        {name: "short" for name in SHORT_NUMBER_FIRST} | {name: "year" for name in YEAR_FIRST}
    needs = {name: re.compile(f"[{re.escape(chars)}]", rx.flags) for name, rx in compiled
             if (chars := NEEDS_ONE_OF.get(name))}
    distinct = {cue: 1 << k for k, cue in enumerate(dict.fromkeys(cues.values()))}
    cue_bits: dict[str, int] = {}
    for cue, bit in distinct.items():
        for word in cue:
            cue_bits[word] = cue_bits.get(word, 0) | bit
    return Grammar(data, words, compiled, century_word, weekday, count_after, cues, month_start, number_lengths,
                   needs, cue_bits, {name: distinct[cue] for name, cue in cues.items()}, frozenset(cue_bits))
