"""The records every stage reads and writes.

One `Document` travels through the pipeline (spaCy's `Doc` idea): each stage adds its
annotations to it and never reaches back. Offsets everywhere are Python string indices
(code points) into `Document.text`, the text as the reader produced it, before cleaning.
This module imports nothing of dyad.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Precision = Literal["day", "month", "season", "year", "decade", "century"]
Modality = Literal["asserted", "negated", "planned", "proposed", "conditional", "hypothetical"]
ActorKind = Literal["country", "polity", "person", "organization", "body", "unresolved"]

PRECISION_RANK: dict[str, int] = {
    "century": 0, "decade": 1, "year": 2, "season": 3, "month": 3, "day": 4,
}


def content_hash(text: str) -> str:
    """Document id: the first 16 hex digits of the SHA-256 of the text."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class DateValue:
    """A date as DESIGN §5 defines it: EDTF value, covered interval, precision."""

    value: str
    start: str
    end: str
    precision: Precision
    julian: bool = False  # the text gave it in the Julian calendar; start/end are Gregorian

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value, "start": self.start, "end": self.end, "precision": self.precision}


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass
class Token:
    start: int
    end: int
    text: str
    lemma: str
    tags: str = ""  # morphological tags where the language adapter gives them (e.g. Russian case)


@dataclass
class Sentence:
    start: int
    end: int
    paragraph: int
    language: str
    tokens: list[Token] = field(default_factory=list)
    repeat: bool = False  # an earlier sentence of the document says the same words


@dataclass
class Paragraph:
    start: int
    end: int
    language: str = "und"
    removed: str | None = None  # why cleaning set it aside (duplicate, boilerplate, list), else None
    heading: bool = False  # a short title line: its date dates the section below it


@dataclass
class TimeMention:
    start: int
    end: int
    text: str
    date: DateValue
    sentence: int = -1
    relative: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "value": self.date.value,
                "start_date": self.date.start, "end_date": self.date.end, "precision": self.date.precision}


@dataclass(frozen=True)
class ActorRef:
    """Who acts or is acted upon: a country code plus what is known beyond it."""

    code: str
    polity: str | None = None
    sector: str | None = None
    person: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class ActorMention:
    start: int
    end: int
    text: str
    actor: ActorRef
    kind: ActorKind
    sentence: int = -1
    token_start: int = -1  # index of its first token within the sentence
    token_end: int = -1
    case: str = ""  # grammatical case of its head where the language marks it (nomn, gent, datv, accs, ablt, loct)
    pair: ActorRef | None = None  # compound adjectives name two parties ("ruso-japonez")
    location: bool = False  # a capital after a locative preposition ("in Moscow") is a place, not an actor
    title: str | None = None  # an office named beside the country ("премьер-министр Японии"): its holder acts
    demonym: bool = False  # an adjective ("german", "японская"), not a name: it modifies the noun beside it

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text, "code": self.actor.code,
                "kind": self.kind, "polity": self.actor.polity, "sector": self.actor.sector,
                "person": self.actor.person}


@dataclass
class Event:
    id: str
    doc_id: str
    sentence: int
    kind: str
    plover: str
    cameo: str
    quad_class: int
    intensity: float
    modality: Modality
    confidence: float
    source: ActorRef | None
    target: ActorRef | None
    date: DateValue | None
    trigger: Span
    trigger_text: str
    evidence: Span
    evidence_text: str
    language: str
    agreement: str | None = None
    territory: list[str] | None = None
    location: str | None = None
    extractor_version: str = ""
    argument_spans: dict[str, list[int]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "kind": self.kind, "plover": self.plover, "cameo": self.cameo,
            "quad_class": self.quad_class, "intensity": self.intensity, "modality": self.modality,
            "confidence": round(self.confidence, 3),
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "date": self.date.to_dict() if self.date else None,
            "agreement": self.agreement, "territory": self.territory, "location": self.location,
            "sentence": self.sentence, "language": self.language,
            "trigger": {"start": self.trigger.start, "end": self.trigger.end, "text": self.trigger_text},
            "evidence": {"start": self.evidence.start, "end": self.evidence.end, "text": self.evidence_text},
            "arguments": self.argument_spans, "extractor_version": self.extractor_version,
        }


def event_id(doc_id: str, trigger: Span, kind: str, source: str | None, target: str | None,
             date: str | None = None) -> str:
    """Deterministic: the same document gives the same ids on any engine. `date` tells apart the
    acts one trigger tells at several listed dates ("on 6, 8 and 12 October")."""
    key = f"{doc_id}:{trigger.start}:{trigger.end}:{kind}:{source}:{target}" + (f":{date}" if date else "")
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:16]


@dataclass
class DocumentMeta:
    source_path: str
    record: str = ""  # where in a container file (line number in a JSONL file, …)
    title: str | None = None
    url: str | None = None
    published: str | None = None  # ISO date
    language: str | None = None  # declared by the source; identification still runs


@dataclass
class Document:
    text: str
    meta: DocumentMeta
    id: str = ""
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    times: list[TimeMention] = field(default_factory=list)
    actors: list[ActorMention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    fingerprint: list[int] = field(default_factory=list)  # MinHash of the kept text (near-duplicate lookup)
    references: list[tuple[int, int]] = field(default_factory=list)  # bibliographic references: no event, no date
    stats: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.id:
            self.id = content_hash(self.text)

    def removed_spans(self) -> list[tuple[int, int, str]]:
        """(start, end, reason) of every span cleaning set aside, in text order."""
        spans = [(p.start, p.end, p.removed) for p in self.paragraphs if p.removed]
        spans += [(s.start, s.end, "repeated sentence") for s in self.sentences if s.repeat]
        return sorted(spans)

    def count(self, what: str, n: int = 1) -> None:
        """Stages count what they did, so an ingest can report per-stage figures."""
        self.stats[what] = self.stats.get(what, 0) + n


@dataclass
class Rejection:
    """An input that could not become a document, and why."""

    source_path: str
    record: str
    reason: str
