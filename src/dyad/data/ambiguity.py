"""Ambiguous actor names (`common/ambiguous.yaml` plus each language's `ambiguous:` section of actors.yaml).

The common file says what a name may stand for and when; a language's section gives the words
(names, adjectives) and the cue words that point to each candidate. The matcher adds the words to
the language's aliases with `AliasSpec.ambiguous` set; `dyad.actors.ambiguity` picks the candidate.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

if TYPE_CHECKING:
    from dyad.data import LanguageData

PATH = Path(__file__).parent / "common" / "ambiguous.yaml"


@dataclass(frozen=True)
class Candidate:
    code: str | None  # None: the name names no actor then (a region)
    polity: str | None = None
    start: str | None = None
    end: str | None = None
    with_codes: frozenset[str] = frozenset()

    def valid_at(self, iso_date: str | None) -> bool:
        if not iso_date:
            return True
        return (self.start is None or self.start <= iso_date) and (self.end is None or iso_date < self.end)


@cache
def load_ambiguous() -> dict[str, tuple[Candidate, ...]]:
    """Name → its candidates, the default first."""
    from dyad.data import DataError, known_codes

    try:
        raw = yaml.safe_load(PATH.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as e:
        raise DataError(f"{PATH}: not valid YAML: {e}") from e
    codes = known_codes()
    out: dict[str, tuple[Candidate, ...]] = {}
    for name, rows in raw.items():
        cands = []
        for row in rows or []:
            if not isinstance(row, dict) or set(row) - {"code", "polity", "from", "until", "with"} or "code" not in row:
                raise DataError(f"{PATH}: {name}: bad candidate {row!r}")
            code = None if row["code"] is None else str(row["code"])
            with_codes = frozenset(str(c) for c in row.get("with") or ())
            if (code is not None and code not in codes) or with_codes - codes:
                raise DataError(f"{PATH}: {name}: unknown code in {row!r}")
            dates = _date(row.get("from")), _date(row.get("until"))
            cands.append(Candidate(code, row.get("polity"), *dates, with_codes))
        if not any(c.code for c in cands):
            raise DataError(f"{PATH}: {name}: no candidate names an actor")
        out[str(name)] = tuple(cands)
    return out


def _date(v: Any) -> str | None:
    return None if v is None else str(v)[:10]


def add_ambiguous(section: Any, path: Path, data: LanguageData) -> None:
    """A language's `ambiguous:` section: its words become aliases marked ambiguous, its cues pattern sets."""
    from dyad.data import AliasSpec, DataError, _compile_all, _pattern_set

    table = load_ambiguous()
    for name, entry in (section or {}).items():
        if name not in table:
            raise DataError(f"{path}: ambiguous: {name!r} is not in common/ambiguous.yaml")
        if not isinstance(entry, dict) or set(entry) - {"names", "cues"}:
            raise DataError(f"{path}: ambiguous: {name}: expected `names` and `cues`")
        default = next(c.code for c in table[name] if c.code)
        for item in entry.get("names") or []:
            kind, source = (item.get("kind", "name"), item.get("pattern")) if isinstance(item, dict) else ("name", item)
            if kind not in ("name", "adjective"):
                raise DataError(f"{path}: ambiguous: {name}: kind {kind!r} is not name or adjective")
            spec = AliasSpec(default, kind, cased=kind == "name", ambiguous=str(name))
            for p in _compile_all(source, f"{path}: ambiguous: {name}", spec):
                data.aliases.add(p)
        cues = {}
        for code, patterns in (entry.get("cues") or {}).items():
            if not any(c.code == code for c in table[name]):
                raise DataError(f"{path}: ambiguous: {name}: cues for {code!r}, which is no candidate")
            cues[str(code)] = _pattern_set(patterns, f"{path}: ambiguous: {name}: cues: {code}")
        data.ambiguity_cues[str(name)] = cues
