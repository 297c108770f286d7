"""Relative time expressions ("a year later", "în același an", "на следующий день", "last year").

Each is resolved against the anchor, the nearest preceding date in reading order (or the
publication date), and is never finer than that anchor: "the next day" after "in 1932"
is only known to lie in 1932 or 1933, so it takes the anchor's coarser precision. Deictic
expressions ("last year", "acum trei ani", "в прошлом году") count from the time of writing:
the publication date when the document has one, else the same nearest date. An expression that
names a month ("in September of the same year", "12 septembrie același an") takes only the
year from the anchor, and the month (and day) from the text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from dyad.data import RelativeExpression, load_language, load_relative
from dyad.model import PRECISION_RANK, DateValue
from dyad.time.grammar import ABBREV_DOT, alternation
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
    deictic: bool = False
    month: int | None = None  # named in the text ("în septembrie același an")
    day: int | None = None
    named: str = ""  # "next"/"previous": that month's first occurrence after/before the anchor


WORD = re.compile(r"\w+")


@cache
def _compiled(code: str) -> tuple[tuple[re.Pattern[str], RelativeExpression, frozenset[str]], ...]:
    """Each expression's pattern, with the words it cannot match without (to skip it cheaply)."""
    numbers, expressions = load_relative(code)
    number = alternation(numbers)
    months = alternation(load_language(code).months)
    out = []
    for e in expressions:
        body = re.escape(e.text).replace(r"\{n\}", rf"(?P<n>\d{{1,3}}|{number})")
        body = body.replace(r"\{month\}", rf"(?:(?P<d>\d{{1,2}})\s+)?(?P<mon>{months}){ABBREV_DOT}")
        # "ten years later than planned", "după doi ani de tratative": a comparison or a duration
        tail = rf"(?!\s*,?\s*(?:{alternation(e.not_before)})\b)" if e.not_before else ""
        if e.alone:  # "the day after, Cairo …" shifts; "the day after Israel proclaimed …" is relative to that act
            tail += r"(?=\s*(?:[,.;:!?)\]—–]|$))"
        needs = frozenset(WORD.findall(re.sub(r"\{\w+\}", " ", e.text)))
        out.append((re.compile(rf"(?<![\w.,]){body}(?!\w){tail}", re.IGNORECASE), e, needs))
    out.sort(key=lambda pe: -len(pe[1].text))
    return tuple(out)


@cache
def _by_word(code: str) -> dict[str, tuple[int, ...]]:
    """Word → positions in `_compiled(code)` of the expressions that need it (each is listed under
    one of its words, the longest: likely the rarest), so a sentence looks up its own words
    instead of testing every expression of the language. An expression of no word at all (none
    so far) is listed under "", which every sentence looks up."""
    index: dict[str, list[int]] = {}
    for position, (_, _, needs) in enumerate(_compiled(code)):
        index.setdefault(max(sorted(needs), key=len) if needs else "", []).append(position)
    return {word: tuple(positions) for word, positions in index.items()}


def _amount(spec: str, n: int) -> int:
    sign = -1 if spec.startswith("-") else 1
    spec = spec.lstrip("-")
    if spec == "n":
        return sign * n
    if spec.startswith("n*"):
        return sign * n * int(spec[2:])
    return sign * int(spec)


def find_relative(text: str, code: str, words: set[str] | frozenset[str] | None = None) -> list[RelativeMatch]:
    """The relative expressions of one text, left to right; `words` are its lower-case words (`WORD`),
    when the caller has them already."""
    if words is None:
        words = set(WORD.findall(text.lower()))
    numbers, _ = load_relative(code)
    months = load_language(code).months
    taken: list[tuple[int, int]] = []
    found = []
    compiled, index = _compiled(code), _by_word(code)
    # most sentences lack a word of most expressions: no need to scan for those; the others are
    # tried in their usual order (longest expression first)
    for position in sorted(p for w in (*words, "") if w in index for p in index[w]):
        rx, e, needs = compiled[position]
        if not needs <= words:
            continue
        for m in rx.finditer(text):
            if any(m.start() < b and a < m.end() for a, b in taken):
                continue
            gd = m.groupdict()
            raw_n = (gd.get("n") or "1").lower()
            n = int(raw_n) if raw_n.isdigit() else numbers.get(raw_n, 1)
            mon = months.get(gd["mon"].lower().rstrip(".")) if gd.get("mon") else None
            d = int(gd["d"]) if gd.get("d") else None
            taken.append(m.span())
            found.append(RelativeMatch(m.start(), m.end(), m.group(0), _amount(e.years, n), _amount(e.months, n),
                                       _amount(e.days, n), "day" if d else e.precision, e.deictic, mon, d,
                                       e.named))
    return sorted(found, key=lambda r: r.start)


def resolve(rel: RelativeMatch, anchor: DateValue) -> DateValue | None:
    base = dt.date.fromisoformat(anchor.start)
    if rel.month is not None:
        if PRECISION_RANK[anchor.precision] < PRECISION_RANK["year"]:
            return None  # "in September of the same year" after "the 1930s": which year is unknown
        y = base.year + rel.years
        if rel.named == "next" and (rel.month, rel.day or 1) <= (base.month, base.day) \
                and PRECISION_RANK[anchor.precision] >= PRECISION_RANK["month"]:
            y += 1  # "the following May" after October 1904: May 1905
        elif rel.named == "previous" and (rel.month, rel.day or 31) >= (base.month, base.day) \
                and PRECISION_RANK[anchor.precision] >= PRECISION_RANK["month"]:
            y -= 1
        elif rel.named and PRECISION_RANK[anchor.precision] < PRECISION_RANK["month"]:
            return None  # "the following May" after "1904": 1904 or 1905
        return day(y, rel.month, rel.day) if rel.day else month(y, rel.month)
    total_months = base.year * 12 + (base.month - 1) + rel.years * 12 + rel.months
    y, m = divmod(total_months, 12)
    try:
        shifted = dt.date(y, m + 1, min(base.day, 28)) + dt.timedelta(days=rel.days + max(0, base.day - 28))
    except (ValueError, OverflowError):
        return None
    precision = min((rel.precision, anchor.precision), key=lambda p: PRECISION_RANK[p])
    if precision == "day":
        return day(shifted.year, shifted.month, shifted.day)
    if precision in ("month", "season"):
        return month(shifted.year, shifted.month)
    if precision == "year":
        return year(shifted.year)
    return None  # "the next year" after "the 1930s" or "the 19th century" names no year
