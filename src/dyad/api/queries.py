"""Read-side queries shared by the HTTP API, the dashboard and the Python API.

Each function takes a DuckDB connection (the HTTP API passes one cursor per request, so
concurrent requests never share a connection) and returns plain dicts. Filter values are
always bound parameters; only fixed fragments written here are formatted into SQL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import duckdb

Row = dict[str, Any]
TIMELINE_CAP = 5000  # one pair's timeline is shown whole; this only bounds a runaway store


@dataclass(frozen=True)
class Filters:
    """What the event listings can be narrowed by. Every listed actor must be a party to the event."""

    actors: tuple[str, ...] = ()
    source: str | None = None
    target: str | None = None
    kinds: tuple[str, ...] = ()
    modalities: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    date_from: dt.date | None = None  # on the start of the event's date interval; undated events drop out
    date_to: dt.date | None = None

    @classmethod
    def of(cls, actors: Iterable[str] = (), source: str | None = None, target: str | None = None,
           kinds: Iterable[str] = (), modalities: Iterable[str] = (), languages: Iterable[str] = (),
           date_from: dt.date | str | None = None, date_to: dt.date | str | None = None) -> Filters:
        """Normalised filters: codes and kinds in capitals, modalities and languages in lower case;
        each value may also be a comma-separated list ("RUS,JPN")."""
        return cls(actors=_split(actors, str.upper), source=source.upper() if source else None,
                   target=target.upper() if target else None, kinds=_split(kinds, str.upper),
                   modalities=_split(modalities, str.lower), languages=_split(languages, str.lower),
                   date_from=_date(date_from), date_to=_date(date_to))


def _split(values: Iterable[str] | str, norm: Any) -> tuple[str, ...]:
    if isinstance(values, str):
        values = [values]
    return tuple(norm(p.strip()) for v in values for p in v.split(",") if p.strip())


def _date(v: dt.date | str | None) -> dt.date | None:
    return dt.date.fromisoformat(v) if isinstance(v, str) else v


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


def _conditions(f: Filters, alias: str, canonical: bool) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for code in f.actors:
        where.append(f"({alias}.source_code = ? OR {alias}.target_code = ?)")
        params += [code, code]
    for column, value in (("source_code", f.source), ("target_code", f.target)):
        if value:
            where.append(f"{alias}.{column} = ?")
            params.append(value)
    for column, values in (("kind", f.kinds), ("modality", f.modalities)):
        if values:
            where.append(f"{alias}.{column} IN ({_marks(values)})")
            params += list(values)
    if f.languages and canonical:  # a canonical event is in every language one of its sources is in
        where.append(f"EXISTS (SELECT 1 FROM canonical_members m JOIN events x ON x.id = m.event_id "
                     f"WHERE m.canonical_id = {alias}.id AND x.language IN ({_marks(f.languages)}))")
        params += list(f.languages)
    elif f.languages:
        where.append(f"{alias}.language IN ({_marks(f.languages)})")
        params += list(f.languages)
    if f.date_from:
        where.append(f"{alias}.date_start >= ?")
        params.append(f.date_from)
    if f.date_to:
        where.append(f"{alias}.date_start <= ?")
        params.append(f.date_to)
    return where, params


def _pair(a: str, b: str, alias: str) -> tuple[str, list[Any]]:
    """Events between a and b in either direction, and territorial acts of either with no named
    counterpart (an occupation of the Kurils involves the pair) — what `dyad timeline` shows."""
    sql = (f"(({alias}.source_code = ? AND {alias}.target_code = ?) OR ({alias}.source_code = ? "
           f"AND {alias}.target_code = ?) OR ({alias}.target_code IS NULL AND {alias}.source_code IN (?, ?) "
           f"AND {alias}.territory IS NOT NULL))")
    return sql, [a, b, b, a, a, b]


def _where(parts: list[str]) -> str:
    return f"WHERE {' AND '.join(parts)}" if parts else ""


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    cur = con.execute(sql, list(params))
    names = [d[0] for d in cur.description]
    return [_tidy(dict(zip(names, r, strict=True))) for r in cur.fetchall()]


def _tidy(row: Row) -> Row:
    # the store keeps territories as one "; "-joined string; records carry them as a list (DESIGN §6)
    if isinstance(row.get("territory"), str):
        row["territory"] = [t for t in row["territory"].split("; ") if t]
    return row


def _count(con: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any]) -> int:
    found = con.execute(sql, list(params)).fetchone()
    return int(found[0]) if found else 0


def page(items: list[Row], total: int, limit: int | None, offset: int) -> Row:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


def _paging(limit: int | None, offset: int) -> tuple[str, list[Any]]:
    return ("LIMIT ? OFFSET ?", [limit, offset]) if limit is not None else ("OFFSET ?", [offset])


MENTION_SELECT = """SELECT e.*, m.canonical_id, d.source_path, d.title AS doc_title, d.url AS doc_url,
    d.published AS doc_published FROM events e JOIN documents d ON d.id = e.doc_id
    LEFT JOIN canonical_members m ON m.event_id = e.id"""


def events(con: duckdb.DuckDBPyConnection, f: Filters, limit: int | None = 100, offset: int = 0) -> Row:
    """Event mentions (one per document that tells an event), each with its evidence and document."""
    where, params = _conditions(f, "e", canonical=False)
    tail, more = _paging(limit, offset)
    items = rows(con, f"{MENTION_SELECT} {_where(where)} ORDER BY e.date_start NULLS LAST, d.source_path, "
                      f"e.trigger_start, e.id {tail}", params + more)
    return page(items, _count(con, f"SELECT count(*) FROM events e {_where(where)}", params), limit, offset)


def event(con: duckdb.DuckDBPyConnection, event_id: str) -> Row | None:
    found = rows(con, f"{MENTION_SELECT} WHERE e.id = ?", [event_id])
    return found[0] if found else None


def canonical(con: duckdb.DuckDBPyConnection, f: Filters, limit: int | None = 100, offset: int = 0) -> Row:
    """Canonical events: mentions of one real-world event merged across documents and languages."""
    where, params = _conditions(f, "c", canonical=True)
    tail, more = _paging(limit, offset)
    items = rows(con, f"SELECT c.* FROM canonical_events c {_where(where)} "
                      f"ORDER BY c.date_start NULLS LAST, c.kind, c.id {tail}", params + more)
    return page(items, _count(con, f"SELECT count(*) FROM canonical_events c {_where(where)}", params),
                limit, offset)


def canonical_event(con: duckdb.DuckDBPyConnection, canonical_id: str) -> Row | None:
    found = rows(con, "SELECT * FROM canonical_events WHERE id = ?", [canonical_id])
    return found[0] if found else None


def members(con: duckdb.DuckDBPyConnection, canonical_id: str) -> list[Row]:
    """Every mention a canonical event merges, with its document: the event's sources."""
    return rows(con, f"{MENTION_SELECT} WHERE m.canonical_id = ? "
                     "ORDER BY e.date_start NULLS LAST, d.source_path, e.trigger_start", [canonical_id])


def timeline(con: duckdb.DuckDBPyConnection, a: str, b: str, f: Filters = Filters()) -> list[Row]:
    """Canonical events between two actors in date order (the pair replaces any actor filters)."""
    pair, params = _pair(a.upper(), b.upper(), "c")
    where, more = _conditions(Filters(kinds=f.kinds, modalities=f.modalities, languages=f.languages,
                                      date_from=f.date_from, date_to=f.date_to), "c", canonical=True)
    return rows(con, f"SELECT c.* FROM canonical_events c {_where([pair, *where])} "
                     "ORDER BY c.date_start NULLS LAST, c.kind, c.id LIMIT ?", params + more + [TIMELINE_CAP])


def intensity(con: duckdb.DuckDBPyConnection, f: Filters, pair: tuple[str, str] | None = None) -> list[Row]:
    """Per year: the sum and mean Goldstein intensity and the counts of asserted canonical events —
    the same figures as `dyad index`, computed by the same function."""
    from dyad.state.derive import index

    only_asserted = Filters(f.actors, f.source, f.target, f.kinds, ("asserted",), f.languages, f.date_from,
                            f.date_to)
    found = timeline(con, *pair, only_asserted) if pair else canonical(con, only_asserted, None)["items"]
    return [{"year": int(r["period"]), "sum": r["score"], "mean": r["mean"], "count": r["events"],
             "cooperation": r["cooperation"], "conflict": r["conflict"]} for r in index(found, "year")]


def canonical_between(con: duckdb.DuckDBPyConnection, a: str, b: str) -> list[Row]:
    """The pair's canonical events as `Store.canonical_between` reads them (same WHERE, same order),
    with the territory kept as the stored "; "-joined string that `dyad.state.derive` expects."""
    pair, params = _pair(a, b, "canonical_events")
    cur = con.execute(f"SELECT * FROM canonical_events WHERE {pair} ORDER BY date_start NULLS LAST, kind, id",
                      params)
    names = [d[0] for d in cur.description]
    return [dict(zip(names, r, strict=True)) for r in cur.fetchall()]


def state(con: duckdb.DuckDBPyConnection, a: str, b: str, at: str) -> Row:
    """The state of the pair at `at` (ISO date): the object `dyad state A B --at DATE --format json` prints.
    Raises ValueError on a malformed date."""
    from dyad.state.derive import state_at

    a, b = a.upper(), b.upper()
    return state_at(canonical_between(con, a, b), a, b, at)


DOCUMENT_COLUMNS = """d.id, d.source_path, d.record, d.title, d.url, d.published, d.languages, d.supported,
    d.n_chars, d.duplicate_of, d.ingested_at, (SELECT count(*) FROM events e WHERE e.doc_id = d.id) AS n_events"""


def documents(con: duckdb.DuckDBPyConnection, languages: Sequence[str] = (), limit: int | None = 100,
              offset: int = 0) -> Row:
    """Stored documents without their text, in file order; `languages` keeps those in any of them."""
    langs = _split(languages, str.lower)
    where = [f"list_has_any(d.languages, [{_marks(langs)}]::VARCHAR[])"] if langs else []
    tail, more = _paging(limit, offset)
    items = rows(con, f"SELECT {DOCUMENT_COLUMNS} FROM documents d {_where(where)} "
                      f"ORDER BY d.source_path, d.record, d.id {tail}", list(langs) + more)
    return page(items, _count(con, f"SELECT count(*) FROM documents d {_where(where)}", list(langs)), limit, offset)


def document(con: duckdb.DuckDBPyConnection, doc_id: str) -> Row | None:
    """One document with its text and the spans cleaning set aside."""
    found = rows(con, f"SELECT {DOCUMENT_COLUMNS}, d.text FROM documents d WHERE d.id = ?", [doc_id])
    if not found:
        return None
    found[0]["removed"] = rows(con, "SELECT start_char, end_char, reason FROM removed_spans WHERE doc_id = ? "
                                    "ORDER BY start_char", [doc_id])
    return found[0]


def actors(con: duckdb.DuckDBPyConnection) -> list[Row]:
    """Every actor code in the canonical events, most active first, with a readable name."""
    found = rows(con, """SELECT code, count(*) AS events FROM (
        SELECT source_code AS code FROM canonical_events UNION ALL SELECT target_code FROM canonical_events)
        WHERE code IS NOT NULL GROUP BY code ORDER BY events DESC, code""")
    names = actor_names()
    return [{"code": r["code"], "name": names.get(r["code"], r["code"]), "events": r["events"]} for r in found]


@cache
def actor_names() -> dict[str, str]:
    from dyad.data import load_iso3166, load_polities

    names = {alpha3: name for alpha3, name in load_iso3166().values()}
    names.update({code: row.get("name", code) for code, row in load_polities()[1].items()})
    return names


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = {"documents": "documents", "mentions": "events", "canonical_events": "canonical_events",
              "rejections": "rejections"}
    return {name: _count(con, f"SELECT count(*) FROM {table}", ()) for name, table in tables.items()}


def languages(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r["language"] for r in rows(con, "SELECT DISTINCT language FROM events WHERE language IS NOT NULL "
                                             "ORDER BY language")]
