"""Unresolved actors: people and organisations a sentence names that dyad's actor table does not know.

They are kept as mentions of kind `unresolved` (code `UNRESOLVED`, the name in `text`; a person's
name also in `person`), so users see what the table misses and can add it (README, "Adding
people"). They never take part in events: the stage runs after the event extractor.

Only candidate sentences are read, those with an event trigger, so documents without one cost
nothing. DYAD_NER chooses what finds the names:
- `cues` (default, every language): a capitalised word sequence counts only with a cue that makes
  it precise: an organisation head word inside it or before it in quotes ("Ministerul Economiei",
  "Bank of Tokyo", "компания «Мицуи»"), a person cue before it ("ambasadorul Ion Popescu",
  "посол Японии Итиро Мотоно"), or the shape of an initial and a surname ("S. Abe"). Cue words
  are in `<lang>/actors.yaml`. Romanian and English have no offline recognizer; this is all they get.
- `natasha`: Russian sentences go through the recognizer that ships inside `natasha` (slovnet's
  news NER with navec embeddings): more names found, but ~230 MB more memory per worker and, on
  the seeds, about as much time as the rest of the Russian pipeline; loaded on first use.
- `off`: the stage does nothing.
"""

from __future__ import annotations

import importlib.util
import os
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from dyad.data import LanguageData, load_language
from dyad.model import ActorMention, ActorRef, Document, Sentence, Token
from dyad.patterns import PatternSet

UNRESOLVED = "UNRESOLVED"
KEPT_TYPES = ("PER", "ORG")
MAX_WORDS = 8  # a longer capitalised run is a title or a heading, not a name
LINKS = frozenset({"of", "for", "and", "de", "al", "a", "ale", "și", "и"})  # inside names: "Bank of Tokyo"
QUOTES = frozenset({'"', "«", "»", "„", "”", "“", "'"})
LEADING = frozenset({"the", "a", "an", "in", "on", "at", "by", "la", "în", "pe", "de", "după", "pentru"})


def ner_mode() -> str:
    """DYAD_NER: `cues` (the default: cue words in every language), `natasha` (Russian by the
    recognizer, other languages by cues) or `off`."""
    mode = os.environ.get("DYAD_NER", "cues").lower()
    return "off" if mode in ("off", "0", "no", "false") else "natasha" if mode in ("natasha", "model") else "cues"


@cache
def _russian_ner() -> Any:
    """slovnet's news NER with its navec embeddings, from the model files natasha ships. natasha
    itself is not imported: its package init loads pymorphy2, which dyad does not need."""
    from navec import Navec
    from slovnet import NER

    spec = importlib.util.find_spec("natasha")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the natasha package (Russian NER models) is not installed; set DYAD_NER=off")
    base = Path(next(iter(spec.submodule_search_locations))) / "data"
    ner = NER.load(str(base / "model" / "slovnet_ner_news_v1.tar"), batch_size=32)
    ner.navec(Navec.load(str(base / "emb" / "navec_news_v1_1B_250K_300d_100q.tar")))
    return ner


def is_candidate(data: LanguageData, tokens: Sequence[Token]) -> bool:
    """A sentence worth reading for unknown actors: one with an event trigger."""
    return any(True for _ in data.triggers.find(tokens))


def russian_spans(texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
    """(start, end, PER|ORG) character spans of each text, from the offline NER."""
    if not texts:
        return []
    return [[(s.start, s.stop, s.type) for s in markup.spans if s.type in KEPT_TYPES]
            for markup in _russian_ner().map(list(texts))]


def cue_spans(code: str, tokens: Sequence[Token], known: frozenset[int] = frozenset()) -> list[tuple[int, int, str]]:
    """(first token, end token, PER|ORG) of the capitalised runs that a cue makes a name; `known`:
    tokens already tagged, which no run takes ("посол Японии Итиро Мотоно": the name after them)."""
    data = load_language(code)
    heads, person_cues = data.unknown_org_heads, data.unknown_person_cues
    # only the tokens where a cue may begin (the sentence's index), not every token's candidates:
    # 0.09 -> 0.03 s over 10,164 corpus sentences
    cue_at = {k: end for k in person_cues.first_positions(tokens) for p in person_cues.candidates(tokens[k])
              if (end := p.match_at(tokens, k)) is not None}
    cue_ends = set()
    for end in cue_at.values():
        while end in known:
            end += 1
        cue_ends.add(end)
    out = _quoted(heads, tokens, known)
    i = 0
    while i < len(tokens):
        j = i
        while j < len(tokens) and j - i < MAX_WORDS and j not in known and _name_word(tokens, j):
            j += 1
        if j == i:
            i += 1
            continue
        stop = j
        while i < j:  # "The Bank of …", "Prime Minister John Smith": the name starts after them
            if tokens[i].text.lower() in LEADING:
                i += 1
            elif cue_at.get(i, j) < j:
                i = cue_at[i]
            else:
                break
        while j > i and tokens[j - 1].text in LINKS:
            j -= 1  # "Ministerul Afacerilor Externe al [Japoniei]": the run stopped at a known name
        beside_known = i - 1 in known or j in known or (j + 1 in known and tokens[j].text in LINKS)
        if heads.starts_in(tokens, i, j) and j - i >= 2:
            if not beside_known:  # "the Russian Foreign Ministry", "Ministerul Energiei al Japoniei": known whose
                out.append((i, j, "ORG"))
        elif j - i >= 2 and (i in cue_ends or _initial_and_surname(tokens, i, j)) and _person_like(code, tokens[i:j]):
            out.append((i, j, "PER"))
        i = stop
    return out


def _quoted(heads: PatternSet, tokens: Sequence[Token], known: frozenset[int]) -> list[tuple[int, int, str]]:
    """An organisation head word before a quoted name: "компания «Мицуи»", "agenția „Interfax”"."""
    out = []
    for k in range(len(tokens) - 2):
        if tokens[k + 1].text in QUOTES and tokens[k + 2].text[:1].isupper() and \
                any(p.match_at(tokens, k) == k + 1 for p in heads.candidates(tokens[k])):
            end = next((e for e in range(k + 2, min(len(tokens), k + 2 + MAX_WORDS)) if tokens[e].text in QUOTES), None)
            if end is not None and not known & set(range(k + 2, end)):
                out.append((k + 2, end, "ORG"))
    return out


def _name_word(tokens: Sequence[Token], k: int) -> bool:
    """A word of a name: capitalised ("Popescu", "MIT"), an initial ("S", "."), or a linking word
    between two capitalised ones ("Bank of Tokyo", "Ministerul Afacerilor Externe")."""
    text = tokens[k].text
    if text[:1].isupper() and (text.replace("-", "").replace("'", "").isalpha() or len(text) == 1):
        return True
    if text == "." and k > 0 and len(tokens[k - 1].text) == 1 and tokens[k - 1].text.isupper():
        return True
    return text in LINKS and 0 < k < len(tokens) - 1 \
        and tokens[k - 1].text[:1].isupper() and tokens[k + 1].text[:1].isupper()


def _person_like(code: str, words: Sequence[Token]) -> bool:
    """A name ends in a word, not an initial; where the lemmatizer leaves unknown words alone (ro, en),
    a word it changes is a common word ("ministrul Afacerilor Externe"), not part of a name."""
    if not (words[-1].text.isalpha() and len(words[-1].text) >= 2):
        return False
    return code == "ru" or all(w.lemma == w.text.lower() for w in words if len(w.text) > 1 and w.text.isalpha())


def _initial_and_surname(tokens: Sequence[Token], i: int, j: int) -> bool:
    """"S. Abe", "E. A. Shevardnadze": initials, then a capitalised word of two letters or more."""
    words = [t.text for t in tokens[i:j]]
    return len(words) >= 3 and len(words[0]) == 1 and words[1] == "." and len(words[-1]) >= 2 \
        and words[-1].isalpha()


def _overlapping(tokens: Sequence[Token], spans: Sequence[tuple[int, int]]) -> frozenset[int]:
    """Positions of the tokens that overlap one of `spans` (character offsets). Tokens come in text
    order, so each span's tokens are one run found by bisection, not a test of every token against
    every span (which was a third of this stage); in any other order, that test."""
    starts, ends = [t.start for t in tokens], [t.end for t in tokens]
    if starts != sorted(starts) or ends != sorted(ends):
        return frozenset(k for k, t in enumerate(tokens) if any(t.start < e and s < t.end for s, e in spans))
    out: set[int] = set()
    for s, e in spans:
        out.update(range(bisect_right(ends, s), bisect_left(starts, e)))
    return frozenset(out)


def unresolved_mentions(doc_text: str, sentence: Sentence, index: int, known: Iterable[tuple[int, int]],
                        spans: list[tuple[int, int, str]] | None = None) -> list[ActorMention]:
    """Unknown people and organisations of one sentence; `known` are the character spans already
    tagged (actors, times). For Russian, `spans` may carry the NER's output computed in a batch."""
    tokens = sentence.tokens
    taken = list(known)
    if sentence.language == "ru" and ner_mode() == "natasha":
        chars = spans if spans is not None else russian_spans([doc_text[sentence.start:sentence.end]])[0]
        found = [(sentence.start + a, sentence.start + b, t) for a, b, t in chars]
    else:
        tagged = _overlapping(tokens, taken)
        found = [(tokens[i].start, tokens[j - 1].end, t) for i, j, t in cue_spans(sentence.language, tokens, tagged)]
    if found:  # a named treaty or place ("Lake Khasan") is no unknown actor either
        data = load_language(sentence.language)
        for table in (data.agreements, data.territories):
            taken.extend((tokens[a].start, tokens[b - 1].end) for a, b, _ in table.find(tokens))
    out = []
    for start, end, label in found:
        text = doc_text[start:end]
        if any(start < e and s < end for s, e in taken) or len(text) < 2 or not text[:1].isupper():
            continue
        first = next((k for k, t in enumerate(tokens) if t.end > start), 0)
        last = next((k for k, t in enumerate(tokens) if t.end >= end), len(tokens) - 1) + 1
        ref = ActorRef(UNRESOLVED, person=text if label == "PER" else None)
        out.append(ActorMention(start, end, text, ref, "unresolved", index, first, last))
        taken.append((start, end))
    return out


class UnresolvedActorTagger:
    """Pipeline stage, after the events: unknown people and organisations in sentences with a
    trigger, as `unresolved` actor mentions."""

    name = "unresolved"

    def __call__(self, doc: Document) -> Document:
        mode = ner_mode()
        if mode == "off":
            return doc
        kept = [i for i, s in enumerate(doc.sentences)
                if s.tokens and not doc.paragraphs[s.paragraph].removed and s.language in ("ru", "ro", "en")]
        known: dict[int, list[tuple[int, int]]] = {i: [] for i in kept}
        for m in doc.actors:
            if m.sentence in known:
                known[m.sentence].append((m.start, m.end))
        for t in doc.times:
            if t.sentence in known:
                known[t.sentence].append((t.start, t.end))
        # the recognizer is the costly part: only sentences with a trigger go to it; cue words are
        # cheap, so there the trigger is checked only for sentences where they found a name
        russian = [i for i in kept if doc.sentences[i].language == "ru"
                   and is_candidate(load_language("ru"), doc.sentences[i].tokens)] if mode == "natasha" else []
        batch = dict(zip(russian, russian_spans([doc.text[doc.sentences[i].start:doc.sentences[i].end]
                                                  for i in russian]), strict=True))
        added = []
        for i in kept:
            sent = doc.sentences[i]
            if mode == "natasha" and sent.language == "ru" and i not in batch:
                continue
            found = unresolved_mentions(doc.text, sent, i, known[i], batch.get(i))
            if found and (i in batch or is_candidate(load_language(sent.language), sent.tokens)):
                added.extend(found)
        if added:
            doc.actors.extend(added)
            doc.actors.sort(key=lambda m: (m.sentence, m.token_start))
        doc.count("unresolved actors", len(added))
        return doc
