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

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from dyad.model import Token
from dyad.plans import Plan, Tail, by_key_words, next_words
from dyad.starts import INDEX

GAP = "..."
MAX_GAP = 6
MEMO_SIZE = 50_000  # distinct token forms remembered per pattern set
# Sentences whose matches a pattern set remembers: the stages ask the same set about the same
# sentence again and again (the event stage asks for the agreements and territories once per
# trigger, the actor and event stages both ask for the agreements), so a document's sentences
# fit; a long document's first ones are simply computed again.
FOUND_SIZE = 256


class PatternError(ValueError):
    pass


@dataclass(frozen=True)
class Item:
    exact: frozenset[str] = frozenset()  # lemmas
    surface: frozenset[str] = frozenset()  # lower-case surface forms
    prefixes: tuple[str, ...] = ()

    def matches(self, tok: Token) -> bool:
        lemma, low = tok.lemma, tok.text.lower()
        if lemma in self.exact or low in self.surface:
            return True
        # str.startswith takes a tuple: one C call instead of a generator over the prefixes
        return bool(self.prefixes) and (lemma.startswith(self.prefixes) or low.startswith(self.prefixes))


@dataclass(frozen=True)
class Pattern:
    source: str
    items: tuple[Item, ...]
    gaps: tuple[bool, ...]  # gaps[i]: a gap may stand before items[i]
    payload: Any = None

    @cached_property
    def plain(self) -> bool:
        """No gap: the items match consecutive tokens, so a match needs no search (most patterns)."""
        return not any(self.gaps)

    @cached_property
    def needs(self) -> tuple[frozenset[str], ...]:
        """Per later item without a prefix, its words: a sentence holding none of them (as a lemma
        or a lower-case form) cannot match. Most gap patterns name a place or a year after their
        first word ("tratat ... shimoda"), and 97 Romanian ones open with "tratat": searching the
        gaps of each is the costly part of `find`, ruling them out takes a set test."""
        return tuple(item.exact | item.surface for item in self.items[1:] if not item.prefixes)

    def match_at(self, tokens: Sequence[Token], i: int) -> int | None:
        """End index (exclusive) of a match whose first token is tokens[i], or None."""
        if not self.items[0].matches(tokens[i]):
            return None
        if self.plain:
            return self._consecutive(tokens, i)
        return self._rest(tokens, 1, i + 1)

    def _consecutive(self, tokens: Sequence[Token], i: int) -> int | None:
        """`_rest(tokens, 1, i + 1)` of a plain pattern, without the recursion: items 1… on the
        tokens right after tokens[i]."""
        end = i + len(self.items)
        if end > len(tokens):
            return None
        for item, tok in zip(self.items[1:], tokens[i + 1:end], strict=True):
            if not item.matches(tok):
                return None
        return end

    def _rest(self, tokens: Sequence[Token], k: int, j: int) -> int | None:
        if k == len(self.items):
            return j
        item = self.items[k]
        exact, surface, prefixes = item.exact, item.surface, item.prefixes
        limit = j + (MAX_GAP if self.gaps[k] else 0)
        for pos in range(j, min(limit, len(tokens) - 1) + 1):
            tok = tokens[pos]
            lemma = tok.lemma
            # `item.matches(tok)`, inlined: this loop runs up to seven times per item of a gap pattern
            if lemma in exact or (low := tok.text.lower()) in surface or \
                    (bool(prefixes) and (lemma.startswith(prefixes) or low.startswith(prefixes))):
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
    # Patterns whose first item has a prefix, found by their prefixes (and by their other keys):
    # positions in `_by_prefix`, so that lookups keep the order in which patterns were added.
    _prefix_index: dict[str, list[int]] = field(default_factory=dict, repr=False)
    _prefix_lengths: set[int] = field(default_factory=set, repr=False)
    # (lemma, surface) → the patterns whose first item matches such a token. A token's first
    # match depends on nothing else, and most tokens start no pattern, so this memo makes the
    # common case one dict lookup. Bounded: cleared when full, so memory stays flat on any corpus.
    _memo: dict[tuple[str, str], tuple[Pattern, ...]] = field(default_factory=dict, repr=False, compare=False)
    # id(tokens) → (the token list itself, its matches). The list is kept so that its id cannot
    # be reused by another list while the entry lives; token lists are never changed once the
    # segmenter made them (a stage that drops a sentence's tokens assigns a new list).
    _found: dict[int, tuple[Sequence[Token], tuple[tuple[int, int, Pattern], ...]]] = field(
        default_factory=dict, repr=False, compare=False)
    # first item → the trie of the rest of the gapless patterns of two items or more that open with it
    _tails: dict[Item, Tail] = field(default_factory=dict, repr=False, compare=False)
    # (lemma, surface) → how `_find` matches from such a token (`Plan`), bounded as `_memo`
    _plans: dict[tuple[str, str], Plan] = field(
        default_factory=dict, repr=False, compare=False)
    # This set's number in `starts.INDEX`, which looks each sentence's tokens up once for all sets
    # and tells each set the positions where one of its first items may match.
    _slot: int = field(default_factory=INDEX.new_slot, repr=False, compare=False)
    _gapped: int = field(default=0, repr=False, compare=False)  # patterns with a gap
    # The token list `end_at` last asked about and its entries: the event stage asks about one
    # sentence token after token. Another set's patterns never change this set's slot in them.
    _last: tuple[Sequence[Token] | None, list[frozenset[int]]] = field(
        default=(None, []), repr=False, compare=False)

    def add(self, pattern: Pattern) -> None:
        self.patterns.append(pattern)
        self._memo.clear()
        self._found.clear()
        self._plans.clear()
        self._last = (None, [])
        first = pattern.items[0]
        INDEX.add_first(self._slot, first)
        self._gapped += not pattern.plain
        if pattern.plain and len(pattern.items) > 1:
            node = self._tails.setdefault(first, Tail())
            for item in pattern.items[1:]:
                node = node.child(item)
            node.ends.append(pattern)
        for key in first.exact | first.surface:
            self._by_key.setdefault(key, []).append(pattern)
        if first.prefixes:
            position = len(self._by_prefix)
            self._by_prefix.append(pattern)
            for key in (*first.prefixes, *first.exact, *first.surface):
                self._prefix_index.setdefault(key, []).append(position)
            self._prefix_lengths.update(len(p) for p in first.prefixes)

    def candidates(self, tok: Token) -> tuple[Pattern, ...]:
        """Patterns whose first item matches `tok`, in the order they were added (callers may still
        check with `match_at`). A pattern with both a prefix and a plain key comes twice, as it
        always has. A tuple, not a generator: most tokens start nothing, and an empty tuple is free."""
        key = (tok.lemma, tok.text)
        found = self._memo.get(key)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self._memo[key] = tuple(p for p in self._indexed(tok) if p.items[0].matches(tok))
        return found

    def _indexed(self, tok: Token) -> Iterator[Pattern]:
        # Prefix patterns used to be tried on every token, which made a lexicon with a few dozen
        # `word*` items the costliest part of the pipeline; the index yields only those the token
        # may start, in their original order, so results (and their tie order) do not change.
        lemma, low = tok.lemma, tok.text.lower()
        seen: set[int] = set()
        for key in (lemma, low):
            for p in self._by_key.get(key, ()):
                if id(p) not in seen:
                    seen.add(id(p))
                    yield p
        if not self._by_prefix:
            return
        index = self._prefix_index
        hits: set[int] = set()
        for word in (lemma, low):
            hits.update(index.get(word, ()))
            for n in self._prefix_lengths:
                if n < len(word):
                    hits.update(index.get(word[:n], ()))
        for position in sorted(hits):
            yield self._by_prefix[position]

    def find(self, tokens: Sequence[Token]) -> Iterator[tuple[int, int, Pattern]]:
        """Every (start, end, pattern) match; longest first at each start. Remembered per token
        list (see `_found`), so asking again about the same sentence costs one dict lookup."""
        entry = self._found.get(id(tokens))
        if entry is not None and entry[0] is tokens:
            return iter(entry[1])
        found = tuple(self._find(tokens))
        if len(self._found) >= FOUND_SIZE:
            del self._found[next(iter(self._found))]  # the oldest: dicts keep insertion order
        self._found[id(tokens)] = (tokens, found)
        return iter(found)

    def find_within(self, tokens: Sequence[Token], lo: int, hi: int) -> list[tuple[int, int, Pattern]]:
        """`find(tokens[lo:hi])` (0 <= lo), with positions into `tokens`. A pattern without a gap
        matches a window exactly where it matches the whole sentence inside that window, so a set
        without gap patterns filters the sentence's matches, found once, instead of walking a new
        slice on every call (the actor stage asks about a window around each country).

        A set with gap patterns filters them too, unless a gap match starting in the window runs
        past its end (then the slice is searched, as before). A gap search inside the window tries
        the sentence's own search tree with the positions at or after `hi` cut off, in the same
        order: a match found in the sentence that ends inside the window is found first in the
        window too, and a pattern that does not match in the sentence cannot match in the window.
        The event stage asks about a clause around each trigger; a new slice would cost its own
        index entries and a full search each time, and push the sentence out of the memos."""
        if self._gapped:
            starting = [m for m in self.find(tokens) if lo <= m[0] < hi]
            if any(j > hi and not p.plain for _, j, p in starting):
                return [(i + lo, j + lo, p) for i, j, p in self.find(tokens[lo:hi])]
            return [m for m in starting if m[1] <= hi]
        return [m for m in self.find(tokens) if lo <= m[0] and m[1] <= hi]

    def end_at(self, tokens: Sequence[Token], i: int) -> int | None:
        """End of the first pattern (in candidate order) that matches from tokens[i], else None:
        "is there a cue word here", the question the event stage asks of each token."""
        last = self._last
        if last[0] is not tokens:
            last = self._last = (tokens, INDEX.sentence(tokens).entries)
        if self._slot not in last[1][i]:
            return None  # no first item of this set accepts tokens[i]: most tokens, most sets
        return self._end_from(tokens, i)

    def first_positions(self, tokens: Sequence[Token]) -> list[int]:
        """Ascending positions of `tokens` where a first item may match: elsewhere `candidates` is
        empty (from the sentence's index, found once for all sets). Not to be changed."""
        return INDEX.sentence(tokens).positions(self._slot)

    def starts_in(self, tokens: Sequence[Token], lo: int, hi: int) -> bool:
        """Does a pattern match from some token of tokens[lo:hi] (`end_at` not None there)? One call for
        a window the event stage used to ask about token by token: only the window's positions
        where a first item may match are tried."""
        lo, hi = max(lo, 0), min(hi, len(tokens))
        if lo >= hi:
            return False
        positions = INDEX.sentence(tokens).positions(self._slot)
        for k in positions[bisect_left(positions, lo):]:
            if k >= hi:
                return False
            if self._end_from(tokens, k) is not None:
                return True
        return False

    def _end_from(self, tokens: Sequence[Token], i: int) -> int | None:
        tok = tokens[i]
        starting = self._memo.get((tok.lemma, tok.text))  # `candidates` inlined, as in `_find`
        for p in self.candidates(tok) if starting is None else starting:
            if p.plain:
                end = p._consecutive(tokens, i)
            elif p.needs and not INDEX.sentence(tokens).holds(p.needs):
                continue
            else:
                end = p._rest(tokens, 1, i + 1)
            if end is not None:
                return end
        return None

    def _plan(self, tok: Token) -> Plan:
        starting = self.candidates(tok)
        tails: dict[int, Tail] = {}
        singles: list[tuple[int, Pattern]] = []
        joined: dict[int, tuple[Pattern, list[int]]] = {}
        gapped: list[tuple[int, Pattern]] = []
        for rank, p in enumerate(starting):  # a pattern listed twice gets both of its ranks
            if not p.plain:
                gapped.append((rank, p))
            elif len(p.items) == 1:
                singles.append((rank, p))
            else:
                node = self._tails[p.items[0]]
                tails[id(node)] = node
                joined.setdefault(id(p), (p, []))[1].append(rank)
        if len(self._plans) >= MEMO_SIZE:
            self._plans.clear()
        by_word = by_key_words([(rank, q) for rank, q in gapped if q.needs])
        plan = self._plans[(tok.lemma, tok.text)] = Plan(
            tuple(tails.values()), next_words(tuple(tails.values())), tuple(singles),
            {key: (q, tuple(ranks)) for key, (q, ranks) in joined.items()},
            tuple((rank, q) for rank, q in gapped if not q.needs), by_word, frozenset(by_word),
            tuple(q for _, q in singles) if len(singles) == len(starting) else None)
        return plan

    def _find(self, tokens: Sequence[Token]) -> Iterator[tuple[int, int, Pattern]]:
        plans = self._plans
        sent = INDEX.sentence(tokens)
        for i in sent.positions(self._slot):  # the tokens a first item may accept, not all
            tok = tokens[i]
            plan = plans.get((tok.lemma, tok.text)) or self._plan(tok)
            if plan.only_singles is not None:  # one-word patterns alone (or none): each matches, in order
                for p in plan.only_singles:
                    yield i, i + 1, p
                continue
            # (−length, rank among the candidates, pattern): sorted, longest first and the candidates'
            # order among equally long ones, as a stable sort of the candidates by length gives
            found = [(-1, rank, p) for rank, p in plan.singles]
            if plan.tails and (plan.after is None or i + 1 < len(tokens) and (
                    tokens[i + 1].lemma in plan.after or tokens[i + 1].text.lower() in plan.after)):
                ends: dict[int, int] = {}  # the gapless patterns' matches, found together
                for node in plan.tails:
                    node.walk(tokens, i + 1, ends)
                for key, stop in ends.items():
                    if (entry := plan.joined.get(key)) is not None:  # (every pattern of a walked trie is one)
                        found.extend((i - stop, rank, entry[0]) for rank in entry[1])
            gapped = list(plan.free)
            for word in plan.words & sent.words() if plan.words else ():
                gapped.extend(plan.by_word[word])
            for rank, p in dict(gapped).items():  # by rank: a pattern filed under two words is tried once
                if p.needs and not sent.holds(p.needs):
                    continue
                end = p._rest(tokens, 1, i + 1)
                if end is not None:
                    found.append((i - end, rank, p))
            found.sort()  # ranks differ, so two entries never tie and patterns are never compared
            for negative_length, _, p in found:
                yield i, i - negative_length, p

