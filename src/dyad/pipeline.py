"""The per-document pipeline: one list of stages, in one place, and the pure `process`.

Each stage is a callable that takes the `Document`, adds its annotations and returns it.
`process` is a pure function of its inputs (resources are loaded once per worker and never
change), so the local and cluster engines can map it over documents unchanged.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from dyad.actors.matcher import ActorTagger
from dyad.actors.ner import UnresolvedActorTagger
from dyad.clean.boilerplate import BoilerplateMarker
from dyad.clean.fingerprint import Fingerprinter
from dyad.clean.paragraphs import ParagraphSplitter
from dyad.clean.repeats import RepeatMarker, SentenceRepeatMarker
from dyad.events.extractor import EventExtractor
from dyad.lang.stages import LanguageIdentifier, Segmenter
from dyad.model import Document, DocumentMeta
from dyad.time.tagger import TimeTagger

Stage = Callable[[Document], Document]

STAGES: tuple[Stage, ...] = (
    ParagraphSplitter(),
    BoilerplateMarker(),
    RepeatMarker(),
    Fingerprinter(),
    LanguageIdentifier(),
    Segmenter(),
    SentenceRepeatMarker(),
    TimeTagger(),
    ActorTagger(),
    EventExtractor(),
    UnresolvedActorTagger(),  # after the events: unknown names are shown, never made parties
)


def stage_name(stage: Stage) -> str:
    return str(getattr(stage, "name", type(stage).__name__))


def process(text: str, meta: DocumentMeta, stages: Sequence[Stage] = STAGES) -> Document:
    """Run every stage over one document; per-stage wall time lands in `doc.stats` (ms)."""
    doc = Document(text=text, meta=meta)
    for stage in stages:
        t0 = time.perf_counter()
        doc = stage(doc)
        doc.count(f"ms {stage_name(stage)}", int((time.perf_counter() - t0) * 1000))
    return doc


def annotation(doc: Document) -> dict[str, object]:
    """What `dyad annotate --format json` prints (DESIGN §6): offsets into the text as given."""
    return {
        "id": doc.id,
        "languages": doc.languages,
        "paragraphs": [{"start": p.start, "end": p.end, "language": p.language, "removed": p.removed}
                       for p in doc.paragraphs],
        "sentences": [{"start": s.start, "end": s.end} for s in doc.sentences],
        "times": [t.to_dict() for t in doc.times],
        "actors": [a.to_dict() for a in doc.actors],
        "events": [e.to_dict() for e in doc.events],
    }
