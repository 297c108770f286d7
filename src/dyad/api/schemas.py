"""Response models of the HTTP API: one declaration gives validation and the OpenAPI schema.

Models allow extra fields, so a column another part of dyad adds to the store reaches clients
without a change here; the fields declared are the ones clients can rely on.
"""

from __future__ import annotations

import datetime as dt
from typing import Generic, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Record(BaseModel):
    model_config = ConfigDict(extra="allow")


class Page(BaseModel, Generic[T]):
    total: int = Field(description="Items matching the filters, across all pages.")
    limit: int | None
    offset: int
    items: list[T]


class Document(Record):
    id: str = Field(description="Content hash of the text.")
    source_path: str
    record: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    languages: list[str] = []
    supported: bool | None = Field(None, description="Whether dyad has data for one of its languages.")
    n_chars: int | None = None
    duplicate_of: str | None = Field(None, description="The document this one nearly copies (syndication).")
    n_events: int = 0


class RemovedSpan(Record):
    start_char: int
    end_char: int
    reason: str


class DocumentText(Document):
    text: str
    removed: list[RemovedSpan] = []


class EventMention(Record):
    """One document's telling of an event. Offsets are code-point indices into the document text."""

    id: str
    doc_id: str
    canonical_id: str | None = None
    sentence: int | None = None
    kind: str
    plover: str | None = None
    cameo: str | None = None
    quad_class: int | None = None
    intensity: float | None = None
    modality: str
    confidence: float | None = None
    source_code: str | None = None
    source_polity: str | None = None
    source_sector: str | None = None
    source_person: str | None = None
    target_code: str | None = None
    target_polity: str | None = None
    target_sector: str | None = None
    target_person: str | None = None
    date_value: str | None = Field(None, description="EDTF, e.g. 1855-02-07, 1904, 1918/1922.")
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = None
    agreement: str | None = None
    territory: list[str] | None = None
    location: str | None = None
    language: str | None = None
    trigger_start: int
    trigger_end: int
    trigger_text: str
    evidence_start: int
    evidence_end: int
    evidence_text: str
    extractor_version: str | None = None
    source_path: str | None = None
    doc_title: str | None = None
    doc_url: str | None = None
    doc_published: str | None = None


class Argument(BaseModel):
    role: Literal["source", "target"]
    code: str | None
    start: int
    end: int


class Source(EventMention):
    arguments: list[Argument] = Field([], description="Actor spans in the evidence (document offsets).")
    arguments_from: Literal["stored", "retagged"] | None = Field(
        None, description="stored: offsets kept at ingest; retagged: the document's actors tagged again.")


class CanonicalEvent(Record):
    id: str
    kind: str
    source_code: str | None = None
    target_code: str | None = None
    date_value: str | None = None
    date_start: dt.date | None = None
    date_end: dt.date | None = None
    date_precision: str | None = None
    agreement: str | None = None
    territory: list[str] | None = None
    modality: str
    quad_class: int | None = None
    intensity: float | None = None
    n_mentions: int
    n_sources: int = Field(description="Independent documents that tell the event.")
    date_conflict: bool | None = Field(None, description="Sources disagree on the date.")


class CanonicalDetail(CanonicalEvent):
    sources: list[Source]


class IndexRow(BaseModel):
    year: int
    sum: float = Field(description="Sum of the Goldstein intensities of the year's asserted canonical events.")
    mean: float
    count: int
    cooperation: int = Field(description="Events in QuadClass 1 or 2.")
    conflict: int = Field(description="Events in QuadClass 3 or 4.")


EventIds = Field(description="Canonical events that set this value (ids for /api/canonical/{id}).")


class Relations(Record):
    status: Literal["none", "established", "severed"]
    since: str | None = Field(description="ISO date of the event that set the status.")
    events: list[str] = EventIds


class War(Record):
    hostilities: bool
    legal_state_of_war: bool = Field(description="Ended only by an agreement (a peace treaty, a joint "
                                                 "declaration), not by a surrender or ceasefire.")
    since: str | None
    events: list[str] = EventIds


class AgreementState(Record):
    name: str
    status: Literal["signed", "in_force", "terminated"]
    signed: str | None
    ratified: str | None
    terminated: str | None
    events: list[str] = EventIds


class TerritoryState(Record):
    name: str
    controller: str | None = Field(description="Actor in control; null when no one named holds it.")
    since: str | None
    claimants: list[str]
    events: list[str] = EventIds


class SanctionState(Record):
    by: str
    on: str | None
    since: str | None
    events: list[str] = EventIds


class YearIndex(Record):
    year: int
    score: float = Field(description="Sum of the Goldstein intensities of the year's asserted events up to the date.")
    events: int


class PairState(Record):
    """The state of a relationship at a date, derived from asserted canonical events on or before it —
    the object `dyad state A B --at DATE --format json` prints."""

    pair: list[str] = Field(description="The two actor codes, as asked (in capitals).")
    at: str = Field(description="The date asked, ISO.")
    relations: Relations
    war: War
    agreements: list[AgreementState]
    territories: list[TerritoryState]
    sanctions: list[SanctionState]
    index: YearIndex


class Actor(BaseModel):
    code: str
    name: str
    events: int


class Kind(BaseModel):
    name: str
    plover: str
    quad_class: int
    family: str


class Info(BaseModel):
    read_only: bool = Field(description="True when no token is configured: POST /api/documents is refused.")
    counts: dict[str, int]
    languages: list[str]
    kinds: list[Kind]
    modalities: list[str]
    quad_classes: dict[int, str]


class IngestItem(BaseModel):
    file: str
    record: str = ""
    status: Literal["accepted", "duplicate", "rejected"]
    document_id: str | None = None
    languages: list[str] = []
    events: int = 0
    reason: str | None = None


class IngestResult(BaseModel):
    accepted: int
    duplicates: int
    rejected: int
    events: int
    items: list[IngestItem]


class Problem(BaseModel):
    """RFC 9457 problem details."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    instance: str | None = None
