"""Constructors of DESIGN §5 date values: a day, month, season, year, decade, century or span."""

from __future__ import annotations

import calendar
import datetime as dt

from dyad.model import PRECISION_RANK, DateValue

SEASON_CODE = {"spring": 21, "summer": 22, "autumn": 23, "winter": 24}
SEASON_MONTHS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "winter": (12, 14)}


def day(y: int, m: int, d: int) -> DateValue | None:
    try:
        iso = dt.date(y, m, d).isoformat()
    except ValueError:
        return None
    return DateValue(iso, iso, iso, "day")


def month(y: int, m: int) -> DateValue | None:
    if not 1 <= m <= 12:
        return None
    last = calendar.monthrange(y, m)[1]
    return DateValue(f"{y:04d}-{m:02d}", f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{last:02d}", "month")


def year(y: int) -> DateValue:
    return DateValue(f"{y:04d}", f"{y:04d}-01-01", f"{y:04d}-12-31", "year")


def season(y: int, name: str) -> DateValue:
    first, last = SEASON_MONTHS[name]
    end_y, end_m = (y + 1, last - 12) if last > 12 else (y, last)
    end_day = calendar.monthrange(end_y, end_m)[1]
    return DateValue(f"{y:04d}-{SEASON_CODE[name]}", f"{y:04d}-{first:02d}-01",
                     f"{end_y:04d}-{end_m:02d}-{end_day:02d}", "season")


def decade(first_year: int) -> DateValue:
    return DateValue(f"{first_year // 10:03d}X", f"{first_year:04d}-01-01", f"{first_year + 9:04d}-12-31", "decade")


def century(n: int) -> DateValue:
    first = (n - 1) * 100
    return DateValue(f"{n - 1:02d}XX", f"{max(first, 1):04d}-01-01", f"{first + 99:04d}-12-31", "century")


def span(a: DateValue, b: DateValue) -> DateValue | None:
    if b.end < a.start:
        return None
    coarser = min((a, b), key=lambda v: PRECISION_RANK[v.precision]).precision
    return DateValue(f"{a.value}/{b.value}", a.start, b.end, coarser)
