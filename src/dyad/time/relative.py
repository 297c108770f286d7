"""Relative time expressions ("a year later", "în același an", "на следующий день").

Each is resolved against the anchor, the nearest preceding date in reading order (or the
publication date), and is never finer than that anchor: "the next day" after "in 1932"
is only known to lie in 1932 or 1933, so it takes the anchor's coarser precision.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from dyad.data import RelativeExpression, load_relative
from dyad.model import PRECISION_RANK, DateValue
from dyad.time.values import day, month, year


@dataclass(frozen=True)
class RelativeMatch:
    start: int
    end: int
    text: str
    years: int
    months: int
    days: int
    precision: str


@cache
def _compiled(code: str) -> tuple[tuple[re.Pattern[str], RelativeExpression], ...]:
    numbers, expressions = load_relative(code)
    number = "|".join(sorted(map(re.escape, numbers), key=len, reverse=True))
    out = []
    for e in expressions:
        body = re.escape(e.text).replace(r"\{n\}", rf"(?P<n>\d{{1,3}}|{number})" if number else r"(?P<n>\d{1,3})")
        out.append((re.compile(rf"(?<!\w){body}(?!\w)", re.IGNORECASE), e))
    out.sort(key=lambda pe: -len(pe[1].text))
    return tuple(out)


def _amount(spec: str, n: int) -> int:
    if spec == "n":
        return n
    if spec.startswith("n*"):
        return n * int(spec[2:])
    return int(spec)


def find_relative(text: str, code: str) -> list[RelativeMatch]:
    numbers, _ = load_relative(code)
    taken: list[tuple[int, int]] = []
    found = []
    for rx, e in _compiled(code):
        for m in rx.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            raw_n = (m.groupdict().get("n") or "1").lower()
            n = int(raw_n) if raw_n.isdigit() else numbers.get(raw_n, 1)
            taken.append(m.span())
            found.append(RelativeMatch(m.start(), m.end(), m.group(0), _amount(e.years, n), _amount(e.months, n),
                                       _amount(e.days, n), e.precision))
    return sorted(found, key=lambda r: r.start)


def resolve(rel: RelativeMatch, anchor: DateValue) -> DateValue | None:
    base = dt.date.fromisoformat(anchor.start)
    total_months = base.year * 12 + (base.month - 1) + rel.years * 12 + rel.months
    y, m = divmod(total_months, 12)
    try:
        shifted = dt.date(y, m + 1, min(base.day, 28)) + dt.timedelta(days=rel.days + max(0, base.day - 28))
    except ValueError:
        return None
    precision = min((rel.precision, anchor.precision), key=lambda p: PRECISION_RANK[p])
    if precision == "day":
        return day(shifted.year, shifted.month, shifted.day)
    if precision in ("month", "season"):
        return month(shifted.year, shifted.month)
    return year(shifted.year)
