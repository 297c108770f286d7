"""Dates that belong to a noun: "the declaration of 1956", "declarația din 1956", "Декларации
1956 года", "соглашение от 1991 года", "the 1956 declaration".

Such a date names when the thing the noun stands for happened, not when the clause's act did:
"URSS a anulat obligațiile asumate prin declarația din 1956" tells an act of 1960. The cues are
each language's (`attributive_links`, `attributive_genitive`, `attributive_determiners`), and a
head that makes the phrase adverbial after all ("the end of 1938", "начале 1945 года") is listed
in `not_attributive_heads`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from dyad.data import load_language, load_time_words
from dyad.model import TimeMention, Token
from dyad.time.grammar import alternation

YEARS_ONLY = re.compile(r"\d{4}(?:/\d{4})?")
HEAD_TAGS = ("NOUN", "ADJF", "NUMR")  # where the language tags words, a head is a noun or its modifier


@cache
def _range_after(code: str) -> re.Pattern[str]:
    """"din 1936 până în 1937": a range goes on after the date, which is then no noun's."""
    return re.compile(rf"\s*(?:{alternation(load_language(code).range_words)})\s+\d", re.IGNORECASE)


@cache
def _range_inside(code: str) -> re.Pattern[str]:
    """"din 11 octombrie până în 17 octombrie 1991": a range told with its words is a period, from
    one date to another ("din" is "from" here, not the "of" of "declarația din 1956")."""
    return re.compile(rf"\s(?:{alternation(load_language(code).range_words)})\s+\d", re.IGNORECASE)


def _is_head(tok: Token, code: str) -> bool:
    word = tok.text.lower()
    if not any(c.isalpha() for c in word) or any(c.isdigit() for c in word):
        return False
    if word in load_time_words(code).not_attributive_heads or word in load_language(code).months:
        return False
    return not tok.tags or tok.tags.startswith(HEAD_TAGS)


def attributive_head(t: TimeMention, tokens: Sequence[Token], offset: int, text: str,
                     code: str) -> tuple[int, int] | None:
    """The span (in the document) of the noun a date belongs to, or None for a clause's date.
    `t` has offsets into `text`, the sentence, which starts at `offset` in the document."""
    words = load_time_words(code)
    start, end = offset + t.start, offset + t.end
    i = next((k for k, tok in enumerate(tokens) if tok.end > start), len(tokens))
    j = next((k for k, tok in enumerate(tokens) if tok.start >= end), len(tokens))
    if i == 0 or _range_after(code).match(text, t.end) or _range_inside(code).search(t.text):
        return None
    prev = tokens[i - 1]
    if prev.text.lower() in words.attributive_links and i >= 2 and _is_head(tokens[i - 2], code):
        return tokens[i - 2].start, tokens[i - 2].end
    last = t.text.split()[-1].lower().rstrip(".") if t.text.split() else ""
    if YEARS_ONLY.fullmatch(t.date.value) and last in words.attributive_genitive and _is_head(prev, code) \
            and (not prev.tags or prev.tags.startswith("NOUN")):
        return prev.start, prev.end
    if prev.text.lower() in words.attributive_determiners and t.text.isdigit() and j < len(tokens) \
            and tokens[j].text.isalpha() and _is_head(tokens[j], code):
        return tokens[j].start, tokens[j].end
    return None
