"""TimeTagger: find date expressions and normalise them to DESIGN §5 values.

The expressions' shapes (day month year, month year, ranges, decades, …) are shared by all
languages; the words (months, seasons, year suffixes, Julian markers) come from each
language's `time.yaml`, from which the regular expressions are built once per worker.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from dyad.data import LanguageData, load_language
from dyad.model import DateValue, Document, TimeMention
from dyad.time.relative import RelativeMatch, find_relative, resolve
from dyad.time.values import century, day, decade, month, season, span, year

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
YEAR = r"(1[0-9]{3}|20[0-9]{2})"
DASH = r"\s*[-–—]\s*"
DIGIT = re.compile(r"\d")
# The shapes that cannot match without a digit (all but Roman-numeral centuries); a shape not
# listed here is always tried.
NEEDS_DIGIT = frozenset({"iso", "dmy_double", "dmy_numeric", "dmy", "mdy", "dm_range_y", "mm_range_y", "my",
                         "season_y", "dm", "decade_num", "decade_short", "decade_words", "century_ordinal",
                         "year_range", "year"})


def julian_to_gregorian(y: int, m: int, d: int) -> DateValue | None:
    """Old-style dates: the calendars drift apart by one day a century (except every fourth)."""
    try:
        date = dt.date(y, m, d)
    except ValueError:
        return None
    centuries = (y if m > 2 else y - 1) // 100
    shift = centuries - centuries // 4 - 2
    g = date + dt.timedelta(days=shift)
    iso = g.isoformat()
    return DateValue(iso, iso, iso, "day", julian=True)


def roman_to_int(s: str) -> int:
    total, prev = 0, 0
    for ch in reversed(s.upper()):
        v = ROMAN[ch]
        total = total - v if v < prev else total + v
        prev = max(prev, v)
    return total


def _alternation(words: object) -> str:
    forms = sorted({str(w) for w in words if w}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "|".join(re.escape(f) for f in forms) or r"(?!x)x"


@dataclass(frozen=True)
class Grammar:
    """The regular expressions of one language, built from its data."""

    data: LanguageData
    patterns: tuple[tuple[str, re.Pattern[str]], ...]


@cache
def grammar_for(code: str) -> Grammar:
    data = load_language(code)
    mon = rf"(?P<mon>{_alternation(data.months)})\.?"
    mon2 = rf"(?P<mon2>{_alternation(data.months)})\.?"
    sea = rf"(?P<season>{_alternation(data.seasons)})"
    short = _alternation(w for w in data.year_suffix if len(w) <= 2)  # "г.", "гг.": abbreviations keep their dot
    long = _alternation(w for w in data.year_suffix if len(w) > 2)  # "года." ends the sentence instead
    suffix = rf"(?:\s*(?:(?:{short})\b\.?|(?:{long})\b))?"
    jm = _alternation(data.julian_markers)
    julian = rf"(?:\s*\(?\s*(?P<julian>{jm})\s*\)?)?"
    julian2 = rf"(?:\s*\(?\s*(?P<julian2>{jm})\s*\)?)?"
    dec = _alternation(data.decade_words)
    rng = _alternation(data.range_words)
    # counts and numbers that look like years: "1945 soldiers", "Flight 1904", "1850 m"
    not_after = _alternation(data.not_after_year)
    cent = _alternation(data.century_words)
    ordinal = r"(?:st|nd|rd|th|-?го|-?е|-?ого|-?lea|-a)?"
    b = r"(?<![\w.,])"  # not inside a number ("1.754", "3,5")
    e = r"(?![\w]|[.,]\d)"
    dmy_tail = rf"(?P<y>{YEAR}){suffix}{julian2}(?!\d)"
    roman_suffix = r"(?:-?(?:lea|го|ого))?"
    patterns = [
        ("iso", rf"{b}{YEAR}-(?P<m>\d{{2}})-(?P<d>\d{{2}}){e}"),
        ("dmy_double",
         rf"{b}(?P<d>\d{{1,2}}){ordinal}\s+{mon}\s*\(\s*(?P<d2>\d{{1,2}})\s+{mon2}\s*\)\s*(?P<y>{YEAR}){suffix}"),
        ("dmy_numeric", rf"{b}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>{YEAR}){e}"),
        ("dm_range_y", rf"{b}(?P<d>\d{{1,2}}){DASH}(?P<d2>\d{{1,2}})\s+{mon},?\s+(?P<y>{YEAR}){suffix}"),
        ("dmy", rf"{b}(?P<d>\d{{1,2}}){ordinal}(?:\s+of)?\s+{mon}{julian},?\s+{dmy_tail}"),
        ("mdy", rf"\b{mon}\s+(?P<d>\d{{1,2}}){ordinal},?\s+(?P<y>{YEAR}){julian2}{e}"),
        ("mm_words_y", rf"\b{mon}\s+(?:{rng})\s+{mon2},?\s+(?P<y>{YEAR}){suffix}(?!\d)"),
        ("mm_range_y", rf"\b{mon}{DASH}{mon2},?\s+(?P<y>{YEAR}){suffix}(?!\d)"),
        ("my", rf"\b{mon}(?:\s+of|\s+anului|\s+lui)?,?\s+(?P<y>{YEAR}){suffix}(?!\d)"),
        ("season_y", rf"\b{sea}(?:\s+of|\s+anului|\s+lui)?\s+(?P<y>{YEAR}){suffix}(?!\d)"),
        ("dm", rf"{b}(?P<d>\d{{1,2}}){ordinal}(?:\s+of)?\s+{mon}(?!\w)"),
        ("decade_num", rf"{b}(?P<y>1[0-9]{{2}}0|20[0-9]0)(?:-?(?:ые|ых|е|х|x|s)|'s|s)\b(?:\s*(?:{dec})\b)?"),
        ("decade_short", rf"{b}(?P<y>[1-9]0)-?(?:ые|ых|е|х)\s+(?:{dec})\b"),
        ("decade_words", rf"\b(?:{dec})\s+['’]?(?P<y>1[0-9]{{2}}0|20[0-9]0|[1-9]0)(?!\d)(?:-?(?:е|x|lea))?"),
        ("century_roman",
         rf"\b(?:(?:{cent})\s+(?:al\s+)?)?(?P<roman>[IVXLC]{{1,6}}){roman_suffix}\s*(?:{cent})?\b"),
        ("century_ordinal", rf"\b(?P<n>1[0-9]|2[01]|[1-9])(?:st|nd|rd|th)\s+(?:{cent})\b"),
        ("year_range", rf"{b}(?P<y>{YEAR}){DASH}(?P<y2>{YEAR}|\d{{2}}){suffix}(?!\d)"),
        ("year", rf"{b}(?P<y>{YEAR}){suffix}(?![\d%])(?!\s*(?:{not_after})\b)"),
    ]
    compiled = tuple((name, re.compile(p, re.IGNORECASE)) for name, p in patterns)
    return Grammar(data, compiled)


def _normalise(name: str, m: re.Match[str], g: Grammar) -> DateValue | None:
    gd = m.groupdict()
    months = g.data.months

    def mon(key: str = "mon") -> int:
        return months[gd[key].lower().rstrip(".")]

    y = int(gd["y"]) if gd.get("y") and gd["y"].isdigit() else None
    if name == "iso":
        return day(int(m.group(1)), int(gd["m"]), int(gd["d"]))
    if name == "dmy_double" and y:
        return day(y, mon("mon2"), int(gd["d2"]))  # the bracketed date is the new style
    if name == "dmy_numeric" and y:
        return day(y, int(gd["m"]), int(gd["d"]))
    if name == "dmy" and y:
        if gd.get("julian") or gd.get("julian2"):
            return julian_to_gregorian(y, mon(), int(gd["d"]))
        return day(y, mon(), int(gd["d"]))
    if name == "mdy" and y:
        if gd.get("julian2"):
            return julian_to_gregorian(y, mon(), int(gd["d"]))
        return day(y, mon(), int(gd["d"]))
    if name == "dm_range_y" and y:
        a, b = day(y, mon(), int(gd["d"])), day(y, mon(), int(gd["d2"]))
        return span(a, b) if a and b else None
    if name == "my" and y:
        return month(y, mon())
    if name == "season_y" and y:
        return season(y, g.data.seasons[gd["season"].lower()])
    if name == "decade_num" and y:
        return decade(y)
    if name == "decade_short" and y:
        return decade(1900 + y)  # "в 30-е годы" with no century named: the 1900s
    if name in ("mm_range_y", "mm_words_y") and y:
        a, b = month(y, mon()), month(y, mon("mon2"))
        return span(a, b) if a and b else None
    if name == "decade_words" and y:
        return decade(y if y >= 100 else 1900 + y)  # "anii 30" with no century named: the 1900s
    if name == "century_roman":
        words = re.findall(rf"(?<!\w)(?:{_alternation(g.data.century_words)})(?!\w)", m.group(0), re.IGNORECASE)
        if not words:
            return None  # a bare roman numeral ("Petru I") is no century
        if all(len(w.rstrip(".")) <= 2 for w in words) and len(gd["roman"]) < 2:
            return None  # "Петр I в 1705": a one-letter numeral before "в" is a regnal number
        n = roman_to_int(gd["roman"])
        return century(n) if 1 <= n <= 21 else None
    if name == "century_ordinal":
        return century(int(gd["n"]))
    if name == "year_range" and y:
        y2s = gd["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
        return span(year(y), year(y2)) if y2 > y else None
    if name == "year" and y:
        return year(y)
    return None


def find_times(text: str, code: str, anchor_year: int | None = None) -> list[TimeMention]:
    """All date expressions of one text in one language, left to right, without overlaps.

    A day and month with no year ("12 сентября") is resolved last, once every dated expression
    of the sentence is known: it takes the year of the nearest one before it in the sentence,
    else after it, else the anchor year (the document's reading so far)."""
    g = grammar_for(code)
    taken: list[tuple[int, int]] = []
    found: list[TimeMention] = []
    yearless: list[re.Match[str]] = []
    digits = DIGIT.search(text) is not None
    for name, rx in g.patterns:
        if not digits and name in NEEDS_DIGIT:
            continue  # most sentences name no number: skip the shapes that cannot match them
        for m in rx.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if name == "dm":
                yearless.append(m)
                taken.append((s, e))
                continue
            if name == "year" and _word_before(text, s) in g.data.not_before_year:
                continue  # "Flight 1904", "статья 1922": a number, not a year
            value = _normalise(name, m, g)
            if value is None:
                continue
            taken.append((s, e))
            found.append(TimeMention(s, e, m.group(0).strip(), value))
    dated = sorted(found, key=lambda t: t.start)
    for m in yearless:
        value = _day_without_year(m, g, dated, anchor_year)
        if value is not None:
            found.append(TimeMention(m.start(), m.end(), m.group(0).strip(), value))
    found.sort(key=lambda t: t.start)
    return found


def _word_before(text: str, pos: int) -> str:
    words = text[:pos].split()
    return words[-1].lower() if words else ""


def _day_without_year(m: re.Match[str], g: Grammar, dated: list[TimeMention],
                      anchor_year: int | None) -> DateValue | None:
    before = [t for t in dated if t.end <= m.start()]
    after = [t for t in dated if t.start >= m.end()]
    if before:
        y: int | None = int(before[-1].date.start[:4])
    elif after:
        y = int(after[0].date.start[:4])
    else:
        y = anchor_year
    if y is None:
        return None
    return day(y, g.data.months[m.group("mon").lower().rstrip(".")], int(m.group("d")))


def _published(meta_published: str | None) -> DateValue | None:
    if not meta_published:
        return None
    try:
        y, m, d = (int(x) for x in meta_published[:10].split("-"))
    except ValueError:
        return None
    return day(y, m, d)


class TimeTagger:
    """Pipeline stage: absolute and relative times of every kept sentence, in reading order.

    Relative expressions resolve against the nearest preceding date (absolute or resolved),
    starting from the publication date when the document has one."""

    name = "times"

    def __call__(self, doc: Document) -> Document:
        anchor = _published(doc.meta.published)
        for i, sent in enumerate(doc.sentences):
            if not sent.tokens:
                continue
            text = doc.text[sent.start:sent.end]
            absolute = find_times(text, sent.language, int(anchor.start[:4]) if anchor else None)
            relative = [r for r in find_relative(text, sent.language)
                        if not any(r.start < t.end and t.start < r.end for t in absolute)]
            items: list[TimeMention | RelativeMatch] = sorted([*absolute, *relative], key=lambda x: x.start)
            for item in items:
                if isinstance(item, TimeMention):
                    mention = item
                else:
                    value = resolve(item, anchor) if anchor else None
                    if value is None:
                        continue
                    mention = TimeMention(item.start, item.end, item.text, value, relative=True)
                mention.start += sent.start
                mention.end += sent.start
                mention.sentence = i
                doc.times.append(mention)
                anchor = mention.date
        doc.count("times", len(doc.times))
        return doc
