"""dyad: political events between countries, from text in many languages, with evidence.

    import dyad
    db = dyad.open("dyad.duckdb")
    db.events(source="RUS", target="JPN").to_pandas()

Nothing heavy is imported here: `import dyad` stays fast, and the store opens on `dyad.open`.
"""

from __future__ import annotations

TYPE_CHECKING = False  # not `from typing import …`: even that import would slow `import dyad`
if TYPE_CHECKING:
    from pathlib import Path

    from dyad.api.python import Database

__all__ = ["open"]


def open(path: str | Path = "dyad.duckdb", read_only: bool = True) -> Database:  # noqa: A001 - the API's name
    """Open a dyad store for reading; see `dyad.api.python.Database` for its queries."""
    from dyad.api.python import open as open_store

    return open_store(path, read_only=read_only)
