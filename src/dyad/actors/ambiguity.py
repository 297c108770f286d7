"""Which actor an ambiguous name stands for ("Georgia", "Korea", "Congo", "Macedonia"), from context and date.

One mechanism for every such name; what differs lives in data (common/ambiguous.yaml: the
candidates and when each existed; `<lang>/actors.yaml`: cue words). Among the candidates that
existed at the sentence's date, each scores its cue words found near the mention (the sentence
weighs most, then its paragraph) and the unambiguous mentions of the codes it goes `with`
(sentence, paragraph, then the whole document). The best score wins; a tie goes to the candidate
listed first, which is the usual meaning ("Korea" after 1948 is South Korea).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from dyad.data import LanguageData
from dyad.data.ambiguity import Candidate, load_ambiguous
from dyad.model import Document, Token

SENTENCE, PARAGRAPH, DOCUMENT = 3.0, 1.0, 0.5


@dataclass
class Context:
    """What surrounds a mention: the tokens of its sentence and of the rest of its paragraph, the
    codes of unambiguous mentions at each distance, and the date the sentence speaks of."""

    sentence: Sequence[Token]
    paragraph: list[Sequence[Token]] = field(default_factory=list)
    codes: tuple[Counter[str], Counter[str], Counter[str]] = field(
        default_factory=lambda: (Counter(), Counter(), Counter()))  # sentence, paragraph, document
    date: str | None = None


def resolve(data: LanguageData, name: str, context: Context) -> Candidate | None:
    """The candidate a mention of `name` stands for; None when none existed at the date."""
    candidates = [c for c in load_ambiguous().get(name, ()) if c.valid_at(context.date)]
    if not candidates:
        return None
    cues = data.ambiguity_cues.get(name, {})
    hits: dict[str, float] = {}
    for code, patterns in cues.items():
        score = SENTENCE * sum(1 for _ in patterns.find(context.sentence))
        score += PARAGRAPH * sum(1 for toks in context.paragraph for _ in patterns.find(toks))
        hits[code] = score
    best, best_score = candidates[0], -1.0
    for c in candidates:
        score = hits.get(c.code or "", 0.0)
        for code in c.with_codes:
            score += sum(w * counts[code] for w, counts in zip((SENTENCE, PARAGRAPH, DOCUMENT), context.codes,
                                                               strict=True))
        if score > best_score:
            best, best_score = c, score
    return best


def sentence_dates(doc: Document) -> list[str | None]:
    """The date each sentence speaks of, for choosing among candidates: its first time expression,
    else the last one before it in the document, else the publication date."""
    first: dict[int, str] = {}
    for t in sorted(doc.times, key=lambda t: t.start):
        first.setdefault(t.sentence, t.date.start)
    out: list[str | None] = []
    last = doc.meta.published
    for i in range(len(doc.sentences)):
        last = first.get(i, last)
        out.append(last)
    return out
