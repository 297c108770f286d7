"""What every language adapter offers the stages: sentences, tokens, lemmas.

A language is added by writing a small adapter (usually a subclass of `LanguageAdapter`
that names its lemmatizer) and its data files under `dyad/data/<code>/`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from dyad.model import Token

# A dotted abbreviation ("U.S.", "U.K.") is one token; a word keeps inner hyphens, dashes and
# apostrophes ("ruso-japonez", "Soviet–Japanese", "Japan's"); digits stay words so dates and
# numbers are tokens of their own.
WORD = re.compile(r"(?:[^\W\d_]\.){2,}|\w+(?:[-‐–'’]\w+)*|[^\w\s]", re.UNICODE)
DASHES = str.maketrans({"‐": "-", "–": "-"})
# Sentence ends: . ! ? … followed by space and an upper-case letter, a digit or a quote.
SENTENCE_END = re.compile(r"(?<=[.!?…])[\"»”)]*\s+(?=[\"«„“(]?[\w])")
# A single letter with a dot ("S. Hayashi", "V. Putin") is an initial, not a sentence end; so are
# initials written together ("M.S. Gorbaciov", "E.V. Putyatin").
INITIAL_BEFORE = re.compile(r"(?:^|[\s(])(?:[^\W\d_]\.){1,3}$")
ABBREVIATION_BEFORE = re.compile(r"(\w+(?:\.\w+)*)\.$")
ANALYSES_KEPT = 200_000  # word forms whose (lemma, tags) an adapter remembers; cleared when full


class LanguageAdapter:
    code = "und"
    has_lemmas = False
    abbreviations: frozenset[str] = frozenset()  # lower-case, without the final dot

    def __init__(self) -> None:
        self._analyses: dict[str, tuple[str, str, str]] = {}  # form → (`analyse` of it, the form), see `tokenize`

    def split_sentences(self, text: str, offset: int = 0) -> Iterator[tuple[int, int]]:
        """Sentence spans in one paragraph's `text`, shifted by `offset`."""
        yield from self._split_line(text, offset)

    def _split_line(self, line: str, offset: int) -> Iterator[tuple[int, int]]:
        start = 0
        for m in SENTENCE_END.finditer(line):
            before = line[start:m.start()]
            if INITIAL_BEFORE.search(before) or self._ends_with_abbreviation(before):
                continue
            yield from _trimmed(line, start, m.start(), offset)
            start = m.end()
        yield from _trimmed(line, start, len(line), offset)

    def _ends_with_abbreviation(self, text: str) -> bool:
        # A match ends with the text's final dot (`$`: or one before a final newline) and holds no
        # space, so the last space-free chunk holds it, the same one (the pattern has no
        # look-behind); searching the whole text from every position was quadratic.
        if not text.endswith((".", ".\n")):
            return False
        m = ABBREVIATION_BEFORE.search(text.rsplit(None, 1)[-1])
        return bool(m and m.group(1).lower() in self.abbreviations)

    def tokenize(self, text: str, offset: int = 0) -> list[Token]:
        # A word form's analysis is a pure function of it: remembered here per adapter, so that a
        # frequent word costs one dict lookup instead of a call through `analyse` and its caches.
        # The entry also keeps the form's first string, which every later token of that form
        # shares: the lexicons' lookups by (lemma, surface) then compare strings by identity, not
        # character by character, and a document holds each form once.
        known = self._analyses
        tokens = []
        for m in WORD.finditer(text):
            surface = m.group()
            analysis = known.get(surface)
            if analysis is None:
                if len(known) >= ANALYSES_KEPT:
                    known.clear()
                analysis = known[surface] = (*self.analyse(surface), surface)
            start = m.start() + offset
            tokens.append(Token(start, start + len(surface), analysis[2], analysis[0], analysis[1]))
        return tokens

    def analyse(self, word: str) -> tuple[str, str]:
        """(lower-case lemma, morphological tags) of one word."""
        return _cached_lower(word), ""


def _trimmed(line: str, start: int, end: int, offset: int) -> Iterator[tuple[int, int]]:
    while start < end and line[start].isspace():
        start += 1
    while end > start and line[end - 1].isspace():
        end -= 1
    if end > start:
        yield (offset + start, offset + end)


@lru_cache(maxsize=200_000)
def _cached_lower(word: str) -> str:
    return word.lower()
