"""How a pattern set matches from a token, worked out once per (lemma, surface): the trie of its
gapless patterns (`Tail`) and the plan of what to try (`Plan`). `patterns.PatternSet._find` uses them;
they are plain data, built when a lexicon is compiled or a token form is first seen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from dyad.model import Token

if TYPE_CHECKING:
    from dyad.patterns import Item, Pattern


class Tail:
    """The rest of the gapless patterns that share their items so far: a trie over items, each
    child found by the lemma or surface it accepts (a prefix item is tested), so patterns sharing
    their first words ("treaty of …", "peace of …") test those words once, and the next word is
    one dict lookup instead of a test per pattern."""

    __slots__ = ("ends", "children", "by_lemma", "by_low", "prefixed")

    def __init__(self) -> None:
        self.ends: list[Pattern] = []  # patterns whose items are exactly the path to here
        self.children: dict[Item, Tail] = {}
        self.by_lemma: dict[str, list[Tail]] = {}
        self.by_low: dict[str, list[Tail]] = {}
        self.prefixed: list[tuple[tuple[str, ...], Tail]] = []

    def child(self, item: Item) -> Tail:
        node = self.children.get(item)
        if node is None:
            node = self.children[item] = Tail()
            for word in item.exact:
                self.by_lemma.setdefault(word, []).append(node)
            for word in item.surface:
                self.by_low.setdefault(word, []).append(node)
            if item.prefixes:
                self.prefixed.append((item.prefixes, node))
        return node

    def walk(self, tokens: Sequence[Token], j: int, ends: dict[int, int]) -> None:
        """Record in `ends` (id of pattern → end) every pattern of this subtree matching from tokens[j].
        A child reached twice (a prefix item with a plain key too) records the same ends again."""
        for p in self.ends:
            ends[id(p)] = j
        if j >= len(tokens) or not self.children:
            return
        tok = tokens[j]
        lemma, low = tok.lemma, tok.text.lower()
        for node in self.by_lemma.get(lemma, ()):
            node.walk(tokens, j + 1, ends)
        for node in self.by_low.get(low, ()):
            node.walk(tokens, j + 1, ends)
        for prefixes, node in self.prefixed:
            if lemma.startswith(prefixes) or low.startswith(prefixes):
                node.walk(tokens, j + 1, ends)

    def next_words(self) -> frozenset[str] | None:
        """The lemmas and lower-case forms a child accepts, or None when a child has a prefix item:
        a token holding none of them (as lemma or form) can lead no walk from here past this node."""
        if self.prefixed:
            return None
        return frozenset(self.by_lemma) | frozenset(self.by_low)


def next_words(tails: Sequence[Tail]) -> frozenset[str] | None:
    """`Tail.next_words` of every root in `tails` together (None if any of them is None)."""
    words: set[str] = set()
    for node in tails:
        if (own := node.next_words()) is None:
            return None
        words |= own
    return frozenset(words)


class Plan(NamedTuple):
    """What `PatternSet._find` does at a token of one (lemma, surface): its candidates (those whose
    first item accepts it, `PatternSet.candidates`) sorted out by how each is matched, each with its
    rank among them, since equally long matches come in the candidates' order. Only the gap patterns
    are tried one by one, those whose words the sentence holds; the gapless ones of two or more items
    are found by walking their tries (`tails`), and the one-item ones match. Most tokens start
    one-item patterns only (or none): `only_singles` lists them, and nothing is tried."""

    tails: tuple[Tail, ...]
    # the words one of the tails' second items accepts (None: a prefix item, test every token): the
    # tries are walked only when the next token is one of them (most of the time it is not: "treaty"
    # opens dozens of "treaty of …" patterns, and is mostly followed by none of their second words)
    after: frozenset[str] | None
    singles: tuple[tuple[int, Pattern], ...]  # (rank, one-item pattern)
    joined: dict[int, tuple[Pattern, tuple[int, ...]]]  # id → (gapless pattern of 2+ items, its ranks)
    free: tuple[tuple[int, Pattern], ...]  # (rank, pattern with a gap that needs no given word)
    # the other gap patterns, by the words of one of their `needs` (`key_words`): only those whose
    # word the sentence holds are tried (most are not: "tratat ... shimoda" in a sentence without "shimoda")
    by_word: dict[str, tuple[tuple[int, Pattern], ...]]
    words: frozenset[str]  # the keys of `by_word`
    only_singles: tuple[Pattern, ...] | None  # the candidates, when all are one-item patterns


def key_words(p: Pattern) -> frozenset[str]:
    """Of a gap pattern's `needs` (one word of each must be in the sentence), the one it is filed
    under: the words whose shortest is longest ("shimoda" rather than "of"), a choice of speed only,
    since a pattern found under it must still hold all of its needs."""
    return max(p.needs, key=lambda words: min(map(len, words)))


def by_key_words(gapped: list[tuple[int, Pattern]]) -> dict[str, tuple[tuple[int, Pattern], ...]]:
    """(rank, gap pattern) pairs by each of their key words."""
    out: dict[str, list[tuple[int, Pattern]]] = {}
    for rank, p in gapped:
        for word in key_words(p):
            out.setdefault(word, []).append((rank, p))
    return {word: tuple(pairs) for word, pairs in out.items()}
