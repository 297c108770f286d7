"""Lemma patterns: the one small language in which all lexicons (triggers, cues, aliases) are written.

A pattern is a space-separated sequence of items, each matched against one token:
  `semna`      the token's lemma is `semna` (lemmas are lower-case)
  `semn*`      the lemma starts with `semn`
  `=fost`      the token's lower-cased surface form is `fost` (when the lemmatizer is unhelpful)
  `a|an|the`   any of these alternatives (each alternative may use `*` or `=`)
  `...`        a gap of 0 to 6 tokens
Patterns are compiled once per worker and matched with an index on the first item, so the
cost of a lexicon grows with the number of candidate tokens, not with its size.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from dyad.model import Token

GAP = "..."
MAX_GAP = 6


class PatternError(ValueError):
    pass


@dataclass(frozen=True)
class Item:
    exact: frozenset[str] = frozenset()  # lemmas
    surface: frozenset[str] = frozenset()  # lower-case surface forms
    prefixes: tuple[str, ...] = ()

    def matches(self, tok: Token) -> bool:
        lemma = tok.lemma
        if lemma in self.exact or tok.text.lower() in self.surface:
            return True
        return any(lemma.startswith(p) or tok.text.lower().startswith(p) for p in self.prefixes)


@dataclass(frozen=True)
class Pattern:
    source: str
    items: tuple[Item, ...]
    gaps: tuple[bool, ...]  # gaps[i]: a gap may stand before items[i]
    payload: Any = None

    def match_at(self, tokens: Sequence[Token], i: int) -> int | None:
        """End index (exclusive) of a match whose first token is tokens[i], or None."""
        if not self.items[0].matches(tokens[i]):
            return None
        return self._rest(tokens, 1, i + 1)

    def _rest(self, tokens: Sequence[Token], k: int, j: int) -> int | None:
        if k == len(self.items):
            return j
        limit = j + (MAX_GAP if self.gaps[k] else 0)
        for pos in range(j, min(limit, len(tokens) - 1) + 1):
            if self.items[k].matches(tokens[pos]):
                end = self._rest(tokens, k + 1, pos + 1)
                if end is not None:
                    return end
        return None


def parse_item(text: str, where: str) -> Item:
    exact, surface, prefixes = set(), set(), []
    for alt in text.split("|"):
        alt = alt.strip().lower()
        if not alt or alt == GAP:
            raise PatternError(f"{where}: empty alternative in {text!r}")
        if alt.startswith("="):
            surface.add(alt[1:])
        elif alt.endswith("*"):
            if len(alt) < 3:
                raise PatternError(f"{where}: prefix {alt!r} is too short to be safe")
            prefixes.append(alt[:-1])
        else:
            exact.add(alt)
    return Item(frozenset(exact), frozenset(surface), tuple(prefixes))


def compile_pattern(source: str, payload: Any = None, where: str = "pattern") -> Pattern:
    parts = source.split()
    if not parts or parts[0] == GAP or parts[-1] == GAP:
        raise PatternError(f"{where}: {source!r} must start and end with a word")
    items: list[Item] = []
    gaps: list[bool] = []
    gap = False
    for part in parts:
        if part == GAP:
            if gap:
                raise PatternError(f"{where}: two gaps in a row in {source!r}")
            gap = True
            continue
        items.append(parse_item(part, where))
        gaps.append(gap)
        gap = False
    return Pattern(source, tuple(items), tuple(gaps), payload)


@dataclass
class PatternSet:
    """Many patterns, indexed by what their first item can match."""

    patterns: list[Pattern] = field(default_factory=list)
    _by_key: dict[str, list[Pattern]] = field(default_factory=dict)
    _by_prefix: list[Pattern] = field(default_factory=list)

    def add(self, pattern: Pattern) -> None:
        self.patterns.append(pattern)
        first = pattern.items[0]
        for key in first.exact | first.surface:
            self._by_key.setdefault(key, []).append(pattern)
        if first.prefixes:
            self._by_prefix.append(pattern)

    def candidates(self, tok: Token) -> Iterator[Pattern]:
        seen: set[int] = set()
        for key in (tok.lemma, tok.text.lower()):
            for p in self._by_key.get(key, ()):
                if id(p) not in seen:
                    seen.add(id(p))
                    yield p
        yield from self._by_prefix

    def find(self, tokens: Sequence[Token]) -> Iterator[tuple[int, int, Pattern]]:
        """Every (start, end, pattern) match; longest first at each start."""
        for i, tok in enumerate(tokens):
            found = []
            for p in self.candidates(tok):
                end = p.match_at(tokens, i)
                if end is not None:
                    found.append((i, end, p))
            found.sort(key=lambda m: -(m[1] - m[0]))
            yield from found
