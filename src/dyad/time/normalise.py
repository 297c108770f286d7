"""From a matched date expression to its DESIGN §5 value (and the calendar helpers it needs)."""

from __future__ import annotations

import datetime as dt
import re

from dyad.model import DateValue
from dyad.time.grammar import Grammar
from dyad.time.values import century, day, decade, month, season, span, year

ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
WEEKDAY_SEARCH = (0, -1, 1, -2, 2, -3, 3)  # neighbouring years to try, the earlier first (texts tell the past)


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


def month_of(g: Grammar, word: str) -> int:
    return g.data.months[word.lower().rstrip(".")]


def weekday_year(y: int, m: int, d: int, weekday: int) -> int | None:
    """The year nearest y (earlier first) in which d.m falls on the weekday, within three years."""
    for shift in WEEKDAY_SEARCH:
        try:
            if dt.date(y + shift, m, d).isoweekday() == weekday:
                return y + shift
        except ValueError:
            continue
    return None


def decade_in(tens: int, century_start: int) -> int:
    """The first year of a decade named without its century ("anii 30", "the thirties")."""
    return tens if tens >= 100 else century_start + tens


def dated_day(y: int, m: int, d: int, julian: bool) -> DateValue | None:
    return julian_to_gregorian(y, m, d) if julian else day(y, m, d)


def double_day(y2: int, m: int, d: int, m2: int, d2: int) -> DateValue | None:
    """"26 января (7 февраля) 1855", "8 February [O.S. 28 January] 1725": of the two calendars' days
    the later is the Gregorian one (the Julian calendar runs behind), whichever is in brackets. The
    year written is the second day's; the first is a year off only across New Year ("19 декабря
    (1 января) 1905": 1904)."""
    y = y2 - 1 if (m, m2) == (12, 1) else y2 + 1 if (m, m2) == (1, 12) else y2
    a, b = day(y, m, d), day(y2, m2, d2)
    if a is None or b is None:
        return a or b
    return b if b.start >= a.start else a


def normalise(name: str, m: re.Match[str], g: Grammar, century_start: int = 1900) -> DateValue | None:
    """The value of one matched expression; `century_start` places decades named without a century."""
    gd = m.groupdict()
    y = int(gd["y"]) if gd.get("y") and gd["y"].isdigit() else None
    if name == "iso":
        return day(int(m.group(1)), int(gd["m"]), int(gd["d"]))
    if name == "dmy_double" and y:
        return double_day(int(gd["y2"] or y), month_of(g, gd["mon"]), int(gd["d"]), month_of(g, gd["mon2"]),
                          int(gd["d2"]))
    if name == "dmy_numeric" and y:
        return day(y, int(gd["m"]), int(gd["d"]))
    if name == "numeric_slash" and y:
        n1, n2 = int(gd["a"]), int(gd["c"])
        month_first = n1 <= 12 < n2 or (g.words.numeric_order == "mdy" and n2 <= 12)  # "12/25/1941": only m/d
        return day(y, n1, n2) if month_first else day(y, n2, n1)
    if name == "dmy_roman" and y:
        return day(y, roman_to_int(gd["rm"]), int(gd["d"]))
    if name in ("dmy", "mdy") and y:
        return dated_day(y, month_of(g, gd["mon"]), int(gd["d"]), bool(gd.get("julian") or gd.get("julian2")))
    if name == "dmdm_range_y" and y:
        a, b = day(y, month_of(g, gd["mon"]), int(gd["d"])), day(y, month_of(g, gd["mon2"]), int(gd["d2"]))
        return span(a, b) if a and b else None
    if name in ("dm_range_y", "md_range_y") and y:
        a, b = day(y, month_of(g, gd["mon"]), int(gd["d"])), day(y, month_of(g, gd["mon"]), int(gd["d2"]))
        return span(a, b) if a and b else None
    if name == "my" and y:
        return month(y, month_of(g, gd["mon"]))
    if name == "season_y" and y:
        return season(y, g.data.seasons[gd["season"].lower()])
    if name in ("mm_range_y", "mm_words_y") and y:
        a, b = month(y, month_of(g, gd["mon"])), month(y, month_of(g, gd["mon2"]))
        return span(a, b) if a and b else None
    if name == "decade_num" and y:
        return decade(y)
    if name in ("decade_short", "decade_apos") and y:
        return decade(decade_in(y, century_start))
    if name == "decade_words" and y:
        first = decade(decade_in(y, century_start))
        if gd.get("y2"):
            second = decade(decade_in(int(gd["y2"]), century_start if y < 100 else y // 100 * 100))
            return span(first, second)
        return first
    if name == "decade_name":
        if not (gd.get("pre") or gd.get("post")):
            return None  # "in his thirties" is an age; a decade in words needs "the", "anii", "годы"
        return decade(decade_in(g.words.decade_names[gd["dname"].lower()], century_start))
    if name == "century_roman":
        return _roman_century(m, g)
    if name in ("century_ordinal", "century_ordinal_first", "century_number"):
        first = century(int(gd["n"]))
        return span(first, century(int(gd["n2"]))) if gd.get("n2") else first
    if name in ("century_words", "century_words_after"):
        return century(g.words.century_ordinals[gd["cord"].lower()])
    if name == "year_words_range" and y:
        y2 = int(gd["y2"])
        return span(year(y), year(y2)) if y2 > y else None
    if name == "year_range" and y:
        y2s = gd["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y // 100) * 100 + int(y2s)
        return span(year(y), year(y2)) if y2 > y else None
    if name == "year" and y:
        return year(y)
    return None


def _roman_century(m: re.Match[str], g: Grammar) -> DateValue | None:
    words = g.century_word.findall(m.group(0))
    if not words:
        return None  # a bare roman numeral ("Petru I") is no century
    if all(len(w.rstrip(".")) <= 2 for w in words) and len(m.group("roman")) < 2:
        return None  # "Петр I в 1705": a one-letter numeral before "в" is a regnal number
    n = roman_to_int(m.group("roman"))
    n2 = roman_to_int(m.group("roman2")) if m.group("roman2") else n
    if not (1 <= n <= n2 <= 21):
        return None
    return century(n) if n2 == n else span(century(n), century(n2))  # "в XVIII–XIX вв."
