"""Each language's time words (`time.yaml`: weekdays, decades and centuries in words, attributive
and citation cues, span and month words) and relative expressions (`relative.yaml`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from dyad.data.files import DATA_DIR, DataError, optional_yaml


@dataclass(frozen=True)
class TimeWords:
    """The calendar words of `<lang>/time.yaml` that only the time tagger reads."""

    weekdays: dict[str, int] = field(default_factory=dict)  # surface form → ISO weekday (1 = Monday)
    decade_names: dict[str, int] = field(default_factory=dict)  # "thirties" → 30; "nineteen-thirties" → 1930
    decade_name_before: frozenset[str] = frozenset()  # "the thirties", "anii treizeci": needed before a name
    decade_name_after: frozenset[str] = frozenset()  # "тридцатые годы": or after it
    century_ordinals: dict[str, int] = field(default_factory=dict)  # "twentieth" → 20
    attributive_links: frozenset[str] = frozenset()  # "of", "din", "от": a date after a noun so linked
    attributive_genitive: frozenset[str] = frozenset()  # "года": a year right after a noun in the genitive
    attributive_determiners: frozenset[str] = frozenset()  # "the": "the 1956 declaration"
    not_attributive_heads: frozenset[str] = frozenset()  # "the end of 1938": adverbial after all
    citation_pages: frozenset[str] = frozenset()  # "p", "с": page abbreviations of references
    citation_issues: frozenset[str] = frozenset()  # "№", "vol": issue abbreviations
    published_labels: frozenset[str] = frozenset()  # "Published:", "Опубликовано:" before a dateline
    year_links: frozenset[str] = frozenset()  # "May of 1945", "mai a anului 1940": between a month and its year
    numeric_order: str = "dmy"  # "12/05/1941" when both readings are possible: "dmy" or "mdy"
    seasons_alone: dict[str, str] = field(default_factory=dict)  # "în primăvară" → spring (of the context's year)
    day_suffixes: frozenset[str] = frozenset()  # "7th", "7-го": after a day number
    day_links: frozenset[str] = frozenset()  # "7th of February"
    weekday_links: frozenset[str] = frozenset()  # "Wednesday the 12th"
    century_suffixes: frozenset[str] = frozenset()  # "19th", "XIX-lea", "XX-го", "20-м"
    century_links: frozenset[str] = frozenset()  # "secolul al XIX-lea"
    decade_suffixes: frozenset[str] = frozenset()  # "1930s", "1930-е", "30-х"
    year_prepositions: frozenset[str] = frozenset()  # "în 2010 de președintele": a year before a count word
    span_from: frozenset[str] = frozenset()  # "с 1936 года до … в июле 1938 года": a span's opening word …
    span_until: frozenset[str] = frozenset()  # … and the word right after its first date
    deadline_words: frozenset[str] = frozenset()  # "extended the lease until 2050": a limit, not when
    since_words: frozenset[str] = frozenset()  # "had said since 1957": a duration's start, no anchor for "5 June"
    target_words: frozenset[str] = frozenset()  # "for the twenty-first century": a target, neither date nor anchor
    future_words: frozenset[str] = frozenset()  # "the forum will be held in 2012": a clause yet to come, no anchor
    between_words: frozenset[str] = frozenset()  # "între 1811 și 1813": opens a span of two years
    list_words: frozenset[str] = frozenset()  # "on 6 and 8 October": two days; a span only after a between word
    month_prepositions: frozenset[str] = frozenset()  # "în martie", "в марте": a month alone, of the context's year
    month_alone_capital: bool = False  # English: "in May" only with a capital ("in may be" is no month)
    month_alone_not: frozenset[str] = frozenset()  # "în mai multe țări": month names that are common words


def ends_with(text: str, words: frozenset[str]) -> bool:
    """Are the last word or the last two words of `text` (lower-cased) one of `words`? The words a
    time expression follows: "since 1957", "for the twenty-first century", "until 2050"."""
    before = text.lower().split()
    return any(" ".join(before[-n:]) in words for n in (1, 2) if len(before) >= n)


def holds_phrase(words: Sequence[str], phrases: frozenset[str], longest: int = 2) -> bool:
    """Does one of `phrases` (up to `longest` words) stand anywhere among `words` (lower-case)?"""
    return any(" ".join(words[i:i + n]) in phrases for n in range(1, longest + 1) for i in range(len(words) - n + 1))


def _numbered(path: Path, raw: Any, key: str, lo: int, hi: int) -> dict[str, int]:
    """A `{number: [surface forms]}` table of time.yaml, checked to lie in lo..hi."""
    out: dict[str, int] = {}
    for number, forms in (raw.get(key) or {}).items():
        if not isinstance(number, int) or not lo <= number <= hi or not isinstance(forms, list):
            raise DataError(f"{path}: {key}: {number!r} must be a number {lo}–{hi} with a list of forms")
        for form in forms:
            out[str(form).lower().rstrip(".")] = number
    return out


@cache
def load_time_words(code: str) -> TimeWords:
    """Weekdays, decades and centuries in words, attributive and citation cues of a language."""
    path = DATA_DIR / code / "time.yaml"
    raw = optional_yaml(path) or {}

    def words(key: str) -> frozenset[str]:
        entries = raw.get(key) or []
        if not isinstance(entries, list):
            raise DataError(f"{path}: {key} must be a list")
        return frozenset(str(w).lower().rstrip(".") for w in entries if str(w).strip())

    return TimeWords(
        weekdays=_numbered(path, raw, "weekdays", 1, 7),
        decade_names=_numbered(path, raw, "decade_names", 0, 2090),
        decade_name_before=words("decade_name_before"), decade_name_after=words("decade_name_after"),
        century_ordinals=_numbered(path, raw, "century_ordinals", 1, 21),
        attributive_links=words("attributive_links"),
        attributive_genitive=words("attributive_genitive"), attributive_determiners=words("attributive_determiners"),
        not_attributive_heads=words("not_attributive_heads"), citation_pages=words("citation_pages"),
        citation_issues=words("citation_issues"), published_labels=words("published_labels"),
        year_links=words("year_links"), numeric_order=_order(path, raw.get("numeric_order", "dmy")),
        seasons_alone=_seasons(path, raw.get("seasons_alone") or {}),
        day_suffixes=words("day_suffixes"), day_links=words("day_links"), weekday_links=words("weekday_links"),
        century_suffixes=words("century_suffixes"), century_links=words("century_links"),
        decade_suffixes=words("decade_suffixes"), year_prepositions=words("year_prepositions"),
        span_from=words("span_from"), span_until=words("span_until"), deadline_words=words("deadline_words"),
        since_words=words("since_words"), target_words=words("target_words"), future_words=words("future_words"),
        between_words=words("between_words"),
        list_words=words("list_words"),
        month_prepositions=words("month_prepositions"), month_alone_capital=bool(raw.get("month_alone_capital")),
        month_alone_not=words("month_alone_not"),
    )


def _seasons(path: Path, table: Any) -> dict[str, str]:
    out: dict[str, str] = {}
    for season, forms in table.items():
        if season not in ("spring", "summer", "autumn", "winter") or not isinstance(forms, list):
            raise DataError(f"{path}: seasons_alone: {season!r} must be a season with a list of phrases")
        out.update((str(f).lower(), season) for f in forms)
    return out


def _order(path: Path, value: Any) -> str:
    if value not in ("dmy", "mdy"):
        raise DataError(f"{path}: numeric_order must be dmy or mdy, not {value!r}")
    return str(value)


@dataclass(frozen=True)
class RelativeExpression:
    text: str
    years: str = "0"  # each shift is an integer, "n" (the number in the text), "n*K", or the same negated
    months: str = "0"
    days: str = "0"
    precision: str = "year"
    deictic: bool = False  # counted from the time of writing: the publication date when there is one
    named: str = ""  # "next"/"previous": the named month's first occurrence after/before the anchor
    not_before: tuple[str, ...] = ()  # "ten years later than planned": words after it that make it no time
    alone: bool = False  # "the day after" counts only before a pause: "the day after Israel proclaimed …" is no shift


@cache
def load_relative(code: str) -> tuple[dict[str, int], tuple[RelativeExpression, ...]]:
    """(number words, relative expressions) of a language, from `<lang>/relative.yaml`."""
    path = DATA_DIR / code / "relative.yaml"
    raw = optional_yaml(path) or {}
    numbers = {str(k).lower(): int(v) for k, v in (raw.get("numbers") or {}).items()}
    not_before = tuple(str(w).lower() for w in raw.get("not_before") or [])
    out = []
    for entry in raw.get("expressions") or []:
        shift = entry.get("shift") or {}
        unknown = set(shift) - {"years", "months", "days"}
        if unknown or entry.get("precision") not in ("day", "month", "year") or not entry.get("text") \
                or set(entry) - {"text", "shift", "precision", "deictic", "named", "alone"} \
                or entry.get("named", "") not in ("", "next", "previous"):
            raise DataError(f"{path}: bad relative expression {entry!r}")
        for v in shift.values():
            if not re.fullmatch(r"-?(?:\d+|n|n\*\d+)", str(v)):
                raise DataError(f"{path}: shift {v!r} is not an integer, n or n*K (or their negation)")
        out.append(RelativeExpression(str(entry["text"]).lower(), **{k: str(v) for k, v in shift.items()},
                                      precision=entry["precision"], deictic=bool(entry.get("deictic", False)),
                                      named=str(entry.get("named", "")), not_before=not_before,
                                      alone=bool(entry.get("alone", False))))
    return numbers, tuple(out)
