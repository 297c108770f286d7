"""Gold of the time benchmark: bench/time/dated_sentences.yaml read into items, and the interval
each DESIGN §5 EDTF value covers (see run.py for how hits are scored against them)."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

RANK = {"century": 0, "decade": 1, "year": 2, "season": 3, "month": 3, "day": 4}
SEASONS = {21: (3, 5), 22: (6, 8), 23: (9, 11)}


@dataclass(frozen=True)
class Interval:
    start: dt.date
    end: dt.date
    precision: str

    def contains(self, other: Interval) -> bool:
        return self.start <= other.start and other.end <= self.end


def _month_end(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def edtf_interval(value: str) -> Interval:
    """The interval an EDTF value of DESIGN §5 covers. Winter Y (Y-24) is read generously as
    1 January Y to the end of February Y+1: texts mean both the winter opening and closing Y."""
    if "/" in value:
        a, b = (edtf_interval(v) for v in value.split("/", 1))
        coarser = min((a.precision, b.precision), key=RANK.__getitem__)
        return Interval(a.start, b.end, coarser)
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value):
        d = dt.date(int(m[1]), int(m[2]), int(m[3]))
        return Interval(d, d, "day")
    if m := re.fullmatch(r"(\d{4})-(\d{2})", value):
        y, mm = int(m[1]), int(m[2])
        if 1 <= mm <= 12:
            return Interval(dt.date(y, mm, 1), _month_end(y, mm), "month")
        if mm == 24:
            return Interval(dt.date(y, 1, 1), _month_end(y + 1, 2), "season")
        first, last = SEASONS[mm]
        return Interval(dt.date(y, first, 1), _month_end(y, last), "season")
    if re.fullmatch(r"\d{4}", value):
        y = int(value)
        return Interval(dt.date(y, 1, 1), dt.date(y, 12, 31), "year")
    if re.fullmatch(r"\d{3}X", value):
        y = int(value[:3]) * 10
        return Interval(dt.date(y, 1, 1), dt.date(y + 9, 12, 31), "decade")
    if re.fullmatch(r"\d{2}XX", value):
        y = int(value[:2]) * 100
        return Interval(dt.date(max(y, 1), 1, 1), dt.date(y + 99, 12, 31), "century")
    raise ValueError(f"not an EDTF value of DESIGN §5: {value!r}")


@dataclass
class Gold:
    start: int
    end: int
    text: str
    value: str
    kind: str
    interval: Interval


@dataclass
class Item:
    index: int
    lang: str
    text: str
    published: str | None
    gold: list[Gold]
    set: str | None = None  # "gaps": written together with the features it tests (reported apart too)


def _locate(text: str, needle: str, cursor: int) -> tuple[int, int] | None:
    at = text.find(needle, cursor)
    if at < 0:
        at = text.find(needle)
    return (at, at + len(needle)) if at >= 0 else None


def load_items(path: Path) -> list[Item]:
    items = []
    for i, raw in enumerate(yaml.safe_load(path.read_text(encoding="utf-8"))):
        text, cursor, gold = raw["text"], 0, []
        for t in raw["times"]:
            where = _locate(text, t["text"], cursor)
            if where is None:
                raise ValueError(f"item {i}: gold {t['text']!r} is not in {text!r}")
            cursor = where[0] + 1
            gold.append(Gold(where[0], where[1], t["text"], str(t["value"]), t.get("type", "?"),
                             edtf_interval(str(t["value"]))))
        items.append(Item(i, raw["lang"], text, raw.get("published"), gold, raw.get("set")))
    return items
