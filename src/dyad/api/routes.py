"""Read endpoints of the HTTP API. Each request reads through its own DuckDB cursor."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Annotated

import duckdb
from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import StringConstraints

from dyad.api import queries
from dyad.api.evidence import arguments
from dyad.api.schemas import (
    Actor,
    CanonicalDetail,
    CanonicalEvent,
    Document,
    DocumentText,
    EventMention,
    IndexRow,
    Info,
    Kind,
    Page,
    PairState,
    Source,
)

router = APIRouter(prefix="/api")

CODE = r"^[A-Za-z0-9_,]{1,200}$"  # actor codes (RUS, MANCHUKUO, G7), comma lists allowed
WORD = r"^[A-Za-z_,]{1,400}$"  # kinds, modalities, languages
ID = r"^[0-9a-f]{1,64}$"  # document, event and canonical ids are hex hashes
ONE_CODE = r"^[A-Za-z0-9_]{1,64}$"  # a single actor code
ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
CodeStr = Annotated[str, StringConstraints(pattern=CODE)]
WordStr = Annotated[str, StringConstraints(pattern=WORD)]
QUAD_CLASSES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    cursor = request.app.state.store.con.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]
Limit = Annotated[int, Query(ge=1, le=1000, description="Page size.")]
Offset = Annotated[int, Query(ge=0, le=10**9, description="Items to skip.")]
Languages = Annotated[list[WordStr] | None, Query(description="Documents in any of these languages.")]


def filters(actor: Annotated[list[CodeStr] | None, Query(description="A party to the event "
                                                      "(repeatable: every one must be a party).")] = None,
            source: Annotated[str | None, Query(pattern=CODE)] = None,
            target: Annotated[str | None, Query(pattern=CODE)] = None,
            kind: Annotated[list[WordStr] | None, Query(description="Event kind, e.g. SIGN_AGREEMENT.")] = None,
            modality: Annotated[list[WordStr] | None, Query(description="asserted, negated, planned, …")] = None,
            language: Annotated[list[WordStr] | None, Query(description="Language of the evidence.")] = None,
            date_from: Annotated[dt.date | None, Query(description="Events starting on or after.")] = None,
            date_to: Annotated[dt.date | None, Query(description="Events starting on or before.")] = None,
            ) -> queries.Filters:
    return queries.Filters.of(actor or (), source, target, kind or (), modality or (), language or (), date_from,
                              date_to)


Filtered = Annotated[queries.Filters, Depends(filters)]


def _found(row: dict | None, what: str, key: str) -> dict:
    if row is None:
        raise HTTPException(404, f"no {what} with id {key!r}")
    return row


@router.get("/info", response_model=Info, summary="What the store holds and whether it accepts uploads")
def info(request: Request, con: Con) -> dict:
    from typing import get_args

    from dyad.data import load_kinds
    from dyad.model import Modality

    kinds = [Kind(name=k.name, plover=k.plover, quad_class=k.quad_class, family=k.family)
             for k in load_kinds().values()]
    return {"read_only": request.app.state.settings.token is None, "counts": queries.counts(con),
            "languages": queries.languages(con), "kinds": kinds, "modalities": list(get_args(Modality)),
            "quad_classes": QUAD_CLASSES}


@router.get("/actors", response_model=list[Actor], summary="Actors of the canonical events, most active first")
def actors(con: Con) -> list[dict]:
    return queries.actors(con)


@router.get("/documents", response_model=Page[Document], summary="Stored documents (without text)")
def documents(con: Con, language: Languages = None, limit: Limit = 100, offset: Offset = 0) -> dict:
    return queries.documents(con, language or (), limit, offset)


@router.get("/documents/{doc_id}", response_model=DocumentText, summary="One document with its text",
            responses={404: {"description": "No such document"}})
def document(con: Con, doc_id: Annotated[str, Path(pattern=ID)]) -> dict:
    return _found(queries.document(con, doc_id), "document", doc_id)


@router.get("/events", response_model=Page[EventMention], summary="Event mentions, each with its evidence")
def events(con: Con, f: Filtered, limit: Limit = 100, offset: Offset = 0) -> dict:
    return queries.events(con, f, limit, offset)


@router.get("/events/{event_id}", response_model=Source, summary="One event mention, with its actors' spans",
            responses={404: {"description": "No such event"}})
def event(con: Con, event_id: Annotated[str, Path(pattern=ID)]) -> dict:
    row = _found(queries.event(con, event_id), "event", event_id)
    row["arguments"], row["arguments_from"] = arguments(con, row)
    return row


@router.get("/canonical", response_model=Page[CanonicalEvent], summary="Canonical events (merged across sources)")
def canonical(con: Con, f: Filtered, limit: Limit = 100, offset: Offset = 0) -> dict:
    return queries.canonical(con, f, limit, offset)


@router.get("/canonical/{canonical_id}", response_model=CanonicalDetail,
            summary="One canonical event with every source that tells it",
            responses={404: {"description": "No such canonical event"}})
def canonical_event(con: Con, canonical_id: Annotated[str, Path(pattern=ID)]) -> dict:
    row = _found(queries.canonical_event(con, canonical_id), "canonical event", canonical_id)
    row["sources"] = []
    for m in queries.members(con, canonical_id):
        m["arguments"], m["arguments_from"] = arguments(con, m)
        row["sources"].append(m)
    return row


@router.get("/timeline", response_model=list[CanonicalEvent],
            summary="Canonical events between two actors, in date order (actor filters are replaced by the pair)")
def timeline(con: Con, f: Filtered, a: Annotated[str, Query(pattern=CODE)],
             b: Annotated[str, Query(pattern=CODE)]) -> list[dict]:
    return queries.timeline(con, a, b, f)


@router.get("/intensity", response_model=list[IndexRow],
            summary="Cooperation–conflict index by year, from asserted canonical events",
            description="Give `a` and `b` for a pair's index (as the timeline), or the usual filters. "
                        "Only asserted events count, so a modality filter is ignored.")
def intensity(con: Con, f: Filtered, a: Annotated[str | None, Query(pattern=CODE)] = None,
              b: Annotated[str | None, Query(pattern=CODE)] = None) -> list[dict]:
    if (a is None) != (b is None):
        raise HTTPException(422, "give both a and b, or neither")
    return queries.intensity(con, f, (a, b) if a and b else None)


@router.get("/state", response_model=PairState,
            summary="The state of a pair's relationship at a date, each value with the events that set it",
            description="Relations, war, agreements, territories, sanctions and the year's index, derived "
                        "from the pair's asserted canonical events on or before `at` (as `dyad state`).")
def pair_state(con: Con, a: Annotated[str, Query(pattern=ONE_CODE, description="Actor code, e.g. RUS.")],
               b: Annotated[str, Query(pattern=ONE_CODE, description="Actor code, e.g. JPN.")],
               at: Annotated[str, Query(pattern=ISO_DATE, description="ISO date, e.g. 1946-01-01.")]) -> dict:
    try:
        dt.date.fromisoformat(at)
    except ValueError as e:
        raise HTTPException(422, f"at: not an ISO date ({e})") from e
    return queries.state(con, a, b, at)
