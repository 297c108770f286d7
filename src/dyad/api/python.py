"""The Python API: `db = dyad.open("dyad.duckdb"); db.events(source="RUS", target="JPN").to_pandas()`.

Results are `Records`: a sequence of plain dicts (iterate, index, `len`) that turns into a
pandas or polars DataFrame on request. pandas and polars are imported only then, so neither
is needed to use dyad, and a missing one is reported by name with the command that installs it.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, overload

from dyad.api import queries
from dyad.store.db import Store

Row = dict[str, Any]
Values = str | Iterable[str] | None


class Records(Sequence[Row]):
    """Query results: plain dicts, in order, with `.to_pandas()` and `.to_polars()`."""

    def __init__(self, rows: list[Row]) -> None:
        self._rows = rows

    @overload
    def __getitem__(self, i: int) -> Row: ...
    @overload
    def __getitem__(self, i: slice) -> Records: ...
    def __getitem__(self, i: int | slice) -> Row | Records:
        return Records(self._rows[i]) if isinstance(i, slice) else self._rows[i]

    def __len__(self) -> int:
        return len(self._rows)

    def __iter__(self) -> Iterator[Row]:
        return iter(self._rows)

    def __repr__(self) -> str:
        return f"<Records: {len(self._rows)} rows>"

    @property
    def columns(self) -> list[str]:
        seen: dict[str, None] = {}
        for r in self._rows:
            seen.update(dict.fromkeys(r))
        return list(seen)

    def to_pandas(self) -> Any:
        """A pandas DataFrame (pandas must be installed)."""
        pd = _optional("pandas")
        return pd.DataFrame.from_records(self._rows, columns=self.columns)

    def to_polars(self) -> Any:
        """A polars DataFrame (polars must be installed)."""
        pl = _optional("polars")
        # scan every row for types: a column that is null in the first rows is still typed right
        return pl.from_dicts(self._rows, infer_schema_length=None) if self._rows else pl.DataFrame()


def _optional(module: str) -> Any:
    try:
        return importlib.import_module(module)
    except ImportError as e:
        raise ImportError(f"{module} is needed for this conversion but is not installed; "
                          f"install it with `pip install {module}`") from e


class Database:
    """A dyad store opened for reading. Use `dyad.open(path)`; close it, or use it in a `with` block."""

    def __init__(self, path: str | Path = "dyad.duckdb", read_only: bool = True) -> None:
        if read_only and not Path(path).exists():
            raise FileNotFoundError(f"{path}: no dyad store there (create one with `dyad ingest`)")
        self.path = Path(path)
        self.store = Store(path, read_only=read_only)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<dyad.Database {str(self.path)!r}>"

    def events(self, source: str | None = None, target: str | None = None, actor: Values = None,
               kind: Values = None, modality: Values = None, language: Values = None,
               date_from: dt.date | str | None = None, date_to: dt.date | str | None = None,
               limit: int | None = None, offset: int = 0) -> Records:
        """Event mentions, each with its evidence. `source`/`target` are directed; symmetric kinds (MEET,
        SIGN_AGREEMENT, …) store their pair alphabetically, so use `actor=["RUS", "JPN"]` for both ways."""
        f = _filters(source, target, actor, kind, modality, language, date_from, date_to)
        return Records(queries.events(self.store.con, f, limit, offset)["items"])

    def canonical(self, source: str | None = None, target: str | None = None, actor: Values = None,
                  kind: Values = None, modality: Values = None, language: Values = None,
                  date_from: dt.date | str | None = None, date_to: dt.date | str | None = None,
                  limit: int | None = None, offset: int = 0) -> Records:
        """Canonical events (one per real-world event, merged across documents), with source counts."""
        f = _filters(source, target, actor, kind, modality, language, date_from, date_to)
        return Records(queries.canonical(self.store.con, f, limit, offset)["items"])

    def timeline(self, a: str, b: str, kind: Values = None, modality: Values = None, language: Values = None,
                 date_from: dt.date | str | None = None, date_to: dt.date | str | None = None) -> Records:
        """Canonical events between a and b (either direction), in date order — as `dyad timeline A B`."""
        f = _filters(None, None, None, kind, modality, language, date_from, date_to)
        return Records(queries.timeline(self.store.con, a, b, f))

    def sources(self, canonical_id: str) -> Records:
        """The mentions a canonical event merges, each with its document and evidence."""
        return Records(queries.members(self.store.con, canonical_id))

    def intensity(self, a: str | None = None, b: str | None = None, kind: Values = None,
                  language: Values = None) -> Records:
        """Per year: sum and mean Goldstein intensity and counts of asserted canonical events."""
        f = _filters(None, None, None, kind, None, language, None, None)
        return Records(queries.intensity(self.store.con, f, (a, b) if a and b else None))

    def documents(self, language: Values = None) -> Records:
        """Stored documents (without their text)."""
        return Records(queries.documents(self.store.con, _values(language), None)["items"])

    def document(self, doc_id: str) -> Row | None:
        """One document with its text and the spans cleaning set aside."""
        return queries.document(self.store.con, doc_id)

    def export(self, path: str | Path, format: str | None = None, canonical: bool = False) -> Path:
        """Write the mentions (or canonical events) to Parquet, CSV or JSON Lines; see docs/export.md."""
        from dyad.store.export import export

        return export(self.store, path, format, canonical)


def _values(v: Values) -> tuple[str, ...]:
    return () if v is None else (v,) if isinstance(v, str) else tuple(v)


def _filters(source: str | None, target: str | None, actor: Values, kind: Values, modality: Values,
             language: Values, date_from: dt.date | str | None, date_to: dt.date | str | None) -> queries.Filters:
    return queries.Filters.of(_values(actor), source, target, _values(kind), _values(modality), _values(language),
                              date_from, date_to)


def open(path: str | Path = "dyad.duckdb", read_only: bool = True) -> Database:  # noqa: A001 - dyad.open
    """Open a dyad store. Read-only by default, so it can be read while nothing writes to it."""
    return Database(path, read_only=read_only)
