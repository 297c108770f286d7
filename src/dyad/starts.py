"""Where each pattern set may begin a match in a sentence: one pass per sentence for every set.

A language's lexicons are a few dozen `PatternSet`s (triggers, aliases, agreements, titles, the
roles' and modality's cue words), and the stages ask each of them about the same sentences:
`find` walks every token, and the event stage asks `end_at` of token after token, window after
window. Each such question used to start with a lookup of the token's (lemma, surface) in that
set's own memo, one per set per token, in dicts large enough that most lookups missed the CPU's
caches. Here every set registers the words its patterns' first items accept, under one number
(its slot), and a sentence's tokens are looked up once, in one index of all sets' first words:
each token gets the frozenset of the slots of the sets that may start on it (usually empty).
A set then skips every token whose entry lacks its slot, and walks only the positions listed.

The entry is a superset test: a set still checks its candidates as before, so what it finds
does not change, only how many tokens it looks at.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dyad.model import Token

if TYPE_CHECKING:
    from dyad.patterns import Item

ENTRIES_KEPT = 200_000  # distinct (lemma, surface) pairs remembered; cleared when full
SENTENCES_KEPT = 256  # token lists whose entries are kept (a document's sentences, as `patterns.FOUND_SIZE`)
NONE: frozenset[int] = frozenset()
NOWHERE: list[int] = []  # the positions of a slot that starts nowhere in a sentence (never changed)


class SentenceStarts:
    """One token list's entries; per slot, the positions where that set may start; and the words
    the sentence holds, for ruling out gap patterns (`Pattern.needs`). The last two on demand."""

    __slots__ = ("tokens", "entries", "_positions", "_words")

    def __init__(self, tokens: Sequence[Token], entries: list[frozenset[int]]) -> None:
        self.tokens = tokens  # kept so that the list's id is not reused while this lives
        self.entries = entries
        self._positions: dict[int, list[int]] | None = None
        self._words: frozenset[str] | None = None

    def positions(self, slot: int) -> list[int]:
        """Ascending positions where the set in `slot` may start a match."""
        if self._positions is None:
            # every slot's at once: the event stage asks some thirty sets about each sentence, and
            # a token's entry holds one or two slots, so one pass costs less than a scan per set
            self._positions = {}
            for i, entry in enumerate(self.entries):
                for slot_ in entry:
                    self._positions.setdefault(slot_, []).append(i)
        return self._positions.get(slot, NOWHERE)

    def holds(self, needs: tuple[frozenset[str], ...]) -> bool:
        """Does the sentence hold one word of each of `needs` (as a lemma or a lower-case form)?"""
        words = self._words
        if words is None:
            words = self.words()
        return not any(map(words.isdisjoint, needs))  # in C: this runs per candidate gap pattern

    def words(self) -> frozenset[str]:
        """The sentence's lemmas and lower-case forms: the words `Pattern.needs` looks for."""
        if self._words is None:
            self._words = frozenset(t.lemma for t in self.tokens) | {t.text.lower() for t in self.tokens}
        return self._words


class StartIndex:
    """The first words of every registered pattern set, by slot."""

    def __init__(self) -> None:
        self._slots = 0
        self._by_word: dict[str, set[int]] = {}  # a lemma or lower-case surface a first item accepts
        self._by_prefix: dict[str, set[int]] = {}  # a prefix a first item accepts (`word*`)
        self._prefix_lengths: set[int] = set()
        self._entries: dict[tuple[str, str], frozenset[int]] = {}
        self._shared: dict[frozenset[int], frozenset[int]] = {NONE: NONE}  # one object per distinct entry
        self.sentences: dict[int, SentenceStarts] = {}  # id(tokens) → its entries; read by `PatternSet.end_at`

    def new_slot(self) -> int:
        self._slots += 1
        return self._slots

    def add_first(self, slot: int, item: Item) -> None:
        """Slot `slot` has a pattern whose first item is `item`: every entry is computed afresh."""
        for word in item.exact | item.surface:
            self._by_word.setdefault(word, set()).add(slot)
        for prefix in item.prefixes:
            self._by_prefix.setdefault(prefix, set()).add(slot)
            self._prefix_lengths.add(len(prefix))
        self._entries.clear()
        self.sentences.clear()

    def entry(self, lemma: str, text: str) -> frozenset[int]:
        """The slots whose sets have a first item that may accept a token with this lemma and
        surface: every slot `PatternSet._indexed` could yield a pattern of (its keys, the same test)."""
        key = (lemma, text)
        found = self._entries.get(key)
        if found is not None:
            return found
        slots: set[int] = set()
        for word in (lemma, text.lower()):
            slots.update(self._by_word.get(word, ()))
            # `startswith` accepts the whole word too: a prefix of any length up to the word's own
            slots.update(*(self._by_prefix.get(word[:n], ()) for n in self._prefix_lengths if n <= len(word)))
        frozen = frozenset(slots)
        found = self._shared.setdefault(frozen, frozen)
        if len(self._entries) >= ENTRIES_KEPT:
            self._entries.clear()
        self._entries[key] = found
        return found

    def sentence(self, tokens: Sequence[Token]) -> SentenceStarts:
        """The entries of a token list, computed once while the list is among the latest asked about.
        Token lists are not changed after segmentation (see `PatternSet._found`)."""
        known = self.sentences.get(id(tokens))
        if known is not None and known.tokens is tokens:
            return known
        get, entry = self._entries.get, self.entry
        sent = SentenceStarts(tokens, [e if (e := get((t.lemma, t.text))) is not None else entry(t.lemma, t.text)
                                  for t in tokens])
        if len(self.sentences) >= SENTENCES_KEPT:
            del self.sentences[next(iter(self.sentences))]  # the oldest
        self.sentences[id(tokens)] = sent
        return sent

INDEX = StartIndex()  # one per process: every pattern set registers here
