"""People with dated roles (DESIGN §4): dyad's own table (`common/persons.yaml`) plus the users'.

Users add people from CSV or TSV files with one row per role (README, "Adding people"):

    id,names_en,names_ru,country,sector,title,from,to
    Ion Popescu,Ion Popescu; I. Popescu,Ион Попеску,ROU,GOV,Minister of Foreign Affairs,2030-01-15,

Files are found through two environment variables, read when the table is first loaded:
`DYAD_PERSONS` (files or folders, separated like PATH) and `DYAD_DATA_DIR` (a folder of user data:
its `persons.csv`, `persons.tsv` and every CSV/TSV file in `persons/`). Names in user files are
written as in text, not as lemma patterns: each word matches by its lemma or its own spelling.
Rows naming an id already known add roles and names to that person.
"""

from __future__ import annotations

import csv
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

DATA_DIR = Path(__file__).parent
SECTORS = frozenset({"GOV", "MIL", "LEG", "BUS", "MED", "CVL", "SPY", "COP", "OPP", "JUD"})  # CAMEO (DESIGN §4)
COLUMNS = frozenset({"id", "country", "sector", "title", "from", "to"})
DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")


class PersonsError(ValueError):
    """A malformed person row; `dyad.data.DataError` is raised in its place by the loader's callers."""


@dataclass(frozen=True)
class Role:
    country: str
    sector: str
    title: str
    start: str | None  # ISO date; None = since before anything dyad dates
    end: str | None  # None = still holds it


@dataclass(frozen=True)
class Person:
    id: str
    roles: tuple[Role, ...]
    names: dict[str, tuple[str, ...]]  # language → lemma patterns

    @property
    def country(self) -> str:
        """The country the person acted for most often (by number of roles)."""
        counts: dict[str, int] = {}
        for r in self.roles:
            counts[r.country] = counts.get(r.country, 0) + 1
        return max(counts, key=lambda c: counts[c])

    def role_at(self, iso_date: str | None) -> Role | None:
        if iso_date:
            for r in self.roles:
                if (r.start is None or r.start <= iso_date) and (r.end is None or iso_date < r.end):
                    return r
        return self.roles[0] if len(self.roles) == 1 else None


def _date_or_none(v: Any) -> str | None:
    return None if v is None else str(v)[:10]


def _builtin(path: Path) -> dict[str, Person]:
    from dyad.data import DataError  # the package imports this module: import at call time

    try:
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else []
    except yaml.YAMLError as e:
        raise DataError(f"{path}: not valid YAML: {e}") from e
    out: dict[str, Person] = {}
    for row in rows or []:
        try:
            roles = tuple(Role(str(r["country"]), str(r.get("sector") or "GOV"), str(r.get("title") or ""),
                               _date_or_none(r.get("from")), _date_or_none(r.get("to"))) for r in row["roles"])
            names = {str(lang): tuple(str(n) for n in forms) for lang, forms in (row.get("names") or {}).items()}
            person = Person(str(row["id"]), roles, names)
        except (KeyError, TypeError) as e:
            raise DataError(f"{path}: person {row.get('id') if isinstance(row, dict) else row!r}: {e}") from e
        if person.id in out:
            raise DataError(f"{path}: person {person.id!r} is listed twice")
        if not roles:
            raise DataError(f"{path}: person {person.id!r} has no role")
        out[person.id] = person
    return out


def user_files(environ: dict[str, str] | None = None) -> list[Path]:
    """The users' person files named by DYAD_PERSONS and DYAD_DATA_DIR, in that order."""
    env = os.environ if environ is None else environ
    found: list[Path] = []
    for entry in (env.get("DYAD_PERSONS") or "").split(os.pathsep):
        if entry.strip():
            found.extend(_expand(Path(entry.strip()).expanduser(), must_exist=True))
    if env.get("DYAD_DATA_DIR"):
        root = Path(env["DYAD_DATA_DIR"]).expanduser()
        for name in ("persons.csv", "persons.tsv", "persons"):
            found.extend(_expand(root / name, must_exist=False))
    return list(dict.fromkeys(found))


def _expand(path: Path, must_exist: bool) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.iterdir() if p.suffix.lower() in (".csv", ".tsv"))
    if path.is_file():
        return [path]
    if must_exist:
        raise PersonsError(f"{path}: no such person file or folder (DYAD_PERSONS)")
    return []


def read_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of a CSV or TSV file; the delimiter follows the extension, else is sniffed."""
    text = path.read_text(encoding="utf-8-sig")  # a spreadsheet's byte-order mark is no part of the header
    if path.suffix.lower() == ".tsv":
        delimiter = "\t"
    elif path.suffix.lower() == ".csv":
        delimiter = ","
    else:
        delimiter = "\t" if text.split("\n", 1)[0].count("\t") > text.split("\n", 1)[0].count(",") else ","
    reader = csv.DictReader(text.splitlines(), delimiter=delimiter)
    header = {(h or "").strip().lower() for h in reader.fieldnames or []}
    missing = {"country", "title"} - header
    if missing:
        have = ", ".join(sorted(header))
        raise PersonsError(f"{path}:1: missing column(s) {', '.join(sorted(missing))} (have: {have})")
    unknown = {h for h in header if h not in COLUMNS and not re.fullmatch(r"names?_[a-z]{2,3}", h)}
    if unknown:
        raise PersonsError(f"{path}:1: unknown column(s) {', '.join(sorted(unknown))}; names go in names_<language>")
    if not any(h.startswith("name") for h in header):
        raise PersonsError(f"{path}:1: no names_<language> column")
    for row in reader:
        clean = {(k or "").strip().lower(): (v or "").strip() for k, v in row.items() if k is not None}
        if any(clean.values()):
            yield reader.line_num, clean


def _iso(value: str, where: str, column: str) -> str | None:
    """'2030', '2030-05' or '2030-05-14' as a full ISO date (a bare year ends at the year's start)."""
    if not value:
        return None
    if not DATE.fullmatch(value):
        raise PersonsError(f"{where}: column {column!r}: {value!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    parts = value.split("-") + ["01", "01"][len(value.split("-")) - 1:]
    return "-".join(parts[:3])


def parse_rows(path: Path, rows: Iterable[tuple[int, dict[str, str]]], codes: frozenset[str],
               name_pattern: Any) -> dict[str, Person]:
    """People of one user file. `codes`: the actor codes a country may be; `name_pattern(lang, text)`
    turns a name as written into a lemma pattern."""
    roles: dict[str, list[Role]] = {}
    names: dict[str, dict[str, list[str]]] = {}
    for line, row in rows:
        where = f"{path}:{line}"
        given = {k.split("_", 1)[1]: [n.strip() for n in v.split(";") if n.strip()]
                 for k, v in row.items() if k.startswith("name") and v}
        pid = row.get("id") or next(iter(given.get("en", [])), "") or next((v[0] for v in given.values() if v), "")
        if not pid:
            raise PersonsError(f"{where}: a row needs an id or at least one name")
        country, sector = row.get("country", "").upper(), (row.get("sector") or "GOV").upper()
        if country not in codes:
            raise PersonsError(f"{where}: country {row.get('country')!r} is not an ISO 3166 alpha-3 or dyad code")
        if sector not in SECTORS:
            raise PersonsError(f"{where}: sector {sector!r} is not a CAMEO agent code ({', '.join(sorted(SECTORS))})")
        if not row.get("title"):
            raise PersonsError(f"{where}: the title is empty")
        start, end = _iso(row.get("from", ""), where, "from"), _iso(row.get("to", ""), where, "to")
        if start and end and end <= start:
            raise PersonsError(f"{where}: 'to' ({end}) is not after 'from' ({start})")
        roles.setdefault(pid, []).append(Role(country, sector, row["title"], start, end))
        for lang, forms in given.items():
            patterns = names.setdefault(pid, {}).setdefault(lang, [])
            for form in forms:
                pattern = name_pattern(lang, form)
                if not pattern:
                    raise PersonsError(f"{where}: name {form!r} has no word to match")
                if pattern not in patterns:
                    patterns.append(pattern)
    return {pid: Person(pid, tuple(_ordered(r)), {lang: tuple(p) for lang, p in names.get(pid, {}).items()})
            for pid, r in roles.items()}


def _ordered(roles: list[Role]) -> list[Role]:
    return sorted(roles, key=lambda r: r.start or "")


def merge(base: dict[str, Person], extra: dict[str, Person]) -> dict[str, Person]:
    """A user's row for a known person adds roles and names; the earliest role still comes first."""
    out = dict(base)
    for pid, p in extra.items():
        old = out.get(pid)
        if old is None:
            out[pid] = p
            continue
        names = {lang: tuple(dict.fromkeys(old.names.get(lang, ()) + p.names.get(lang, ())))
                 for lang in {*old.names, *p.names}}
        out[pid] = Person(pid, tuple(_ordered([*old.roles, *p.roles])), names)
    return out


@cache
def load_persons() -> dict[str, Person]:
    """Every person by id: `common/persons.yaml`, then the users' CSV/TSV files."""
    from dyad.data import DataError, known_codes, name_pattern

    people = _builtin(DATA_DIR / "common" / "persons.yaml")
    try:
        for path in user_files():
            people = merge(people, parse_rows(path, read_rows(path), known_codes(), name_pattern))
    except (PersonsError, OSError, UnicodeDecodeError, csv.Error) as e:
        raise DataError(str(e)) from e
    return people


@cache
def _offices() -> dict[str, tuple[tuple[Role, Person], ...]]:
    """Roles by country, so a title lookup scans one country's office holders, not everyone."""
    by_country: dict[str, list[tuple[Role, Person]]] = {}
    for person in load_persons().values():
        for r in person.roles:
            by_country.setdefault(r.country, []).append((r, person))
    return {c: tuple(v) for c, v in by_country.items()}


def holder_of(code: str, title: str, iso_date: str | None) -> Person | None:
    """Who held an office of a country at a date ("the Japanese prime minister" in 2022 → Kishida)."""
    if not iso_date:
        return None
    best: tuple[str, Person] | None = None
    for r, person in _offices().get(code, ()):
        holds = r.title == title or (r.title.startswith("Acting ") and title in r.title)
        current = (r.start is None or r.start <= iso_date) and (r.end is None or iso_date < r.end)
        # an open end means "still in office as far as the table knows": a later appointment (a
        # user's newer row) supersedes it
        if holds and current and (best is None or (r.start or "") > best[0]):
            best = (r.start or "", person)
    return best[1] if best else None


def reload_persons() -> None:
    """Forget the loaded table (after DYAD_PERSONS or a user file changed): the next lookup reads it again,
    and so do the languages' actor aliases."""
    from dyad.data import load_language

    load_persons.cache_clear()
    _offices.cache_clear()
    load_language.cache_clear()
