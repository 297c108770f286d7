"""BoilerplateMarker: lines that are page furniture, and navigation lists of names.

Phrases ("Posted on", "Documente similare", "Подписывайтесь", …) live in each language's
`boilerplate.yaml`; all languages' phrases are tried, because cleaning runs before the
language of a paragraph is known. Only short paragraphs are judged by phrase, so a long
paragraph that quotes a phrase keeps its content. A navigation list is a long run of
capitalised names with hardly any sentence punctuation — the country lists of a web page.
A block header ("Documente similare", "Похожие материалы") sets aside the indented
paragraphs that follow it: the teasers of other pages.
"""

from __future__ import annotations

import re
from functools import cache

from dyad.data import load_boilerplate
from dyad.model import Document

PHRASE_MAX_CHARS = 200
PHRASE_ONLY_WORDS = 4  # a paragraph this short with a furniture phrase anywhere is furniture
LIST_MIN_WORDS = 12
LIST_CAPITALISED_SHARE = 0.7
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SENTENCE_END = re.compile(r"[^\W\d_]{3,}[.!?…](?:\s|$)")
TAG_SEPARATORS = re.compile(r"\s[·•|]\s")
TAG_MIN_ITEMS = 3
TAG_MAX_WORDS = 4  # words of one tag ("United States", "Nord Stream 2")
TAG_LABEL = re.compile(r"^[^\W\d_][^:.!?\n]{0,40}:\s")  # "Related topics: ", "Теги: "


@cache
def _pattern(key: str) -> re.Pattern[str]:
    phrases = sorted(load_boilerplate(key), key=len, reverse=True)
    if not phrases:
        return re.compile(r"(?!x)x")
    # The look-ahead for the phrases' first letters matches where the alternation's first letters
    # do (the same case folding applies to a class as to a literal) and tries no alternative
    # elsewhere: a search of a 130-character line took ~100 µs, ~40 µs with it.
    firsts = "".join(sorted({re.escape(p[0]) for p in phrases}))
    return re.compile(f"(?=[{firsts}])(?:" + "|".join(re.escape(p) for p in phrases) + ")", re.IGNORECASE)


def is_navigation_list(text: str) -> bool:
    words = WORD.findall(text)
    if len(words) < LIST_MIN_WORDS:
        return False
    capitalised = sum(w[0].isupper() for w in words)
    if capitalised / len(words) < LIST_CAPITALISED_SHARE:
        return False  # most paragraphs: prose, whose sentence ends need no counting
    sentence_ends = len(SENTENCE_END.findall(text))  # "St. Lucia" ends nothing
    return sentence_ends <= len(words) / 25


def is_tag_line(text: str) -> bool:
    """"Related topics: Cuba · Embargo · Migration", "Теги: Россия | Япония | Курилы": a short list
    of names set apart by bullets or bars, too short for a navigation list. Each item is a few
    capitalised words, and none ends a sentence."""
    items = TAG_SEPARATORS.split(TAG_LABEL.sub("", text.strip(), count=1))
    if len(items) < TAG_MIN_ITEMS or SENTENCE_END.search(text):
        return False
    return all(0 < len(words := WORD.findall(item)) <= TAG_MAX_WORDS and words[0][0].isupper() for item in items)


def is_boilerplate(text: str) -> bool:
    """A short paragraph that opens or ends with a furniture phrase ("Posted on …", "© 2020 Site.
    All rights reserved."), or that is hardly more than one. A sentence that merely
    uses such a word ("… было опубликовано совместное заявление", "Compania distribuie gaz")
    is content."""
    if len(text) > PHRASE_MAX_CHARS:
        return False
    m = _pattern("phrases").search(text)
    if m is None:
        return False
    opens, closes = not WORD.search(text, 0, m.start()), not WORD.search(text, m.end())
    return opens or closes or len(WORD.findall(text)) <= PHRASE_ONLY_WORDS


def is_block_header(text: str) -> bool:
    return len(text) <= PHRASE_MAX_CHARS and bool(_pattern("block_headers").search(text))


def _indent(text: str, start: int) -> int:
    line_start = text.rfind("\n", 0, start) + 1
    return start - line_start


class BoilerplateMarker:
    """Pipeline stage: marks boilerplate lines and navigation lists as removed, with the reason."""

    name = "boilerplate"

    def __call__(self, doc: Document) -> Document:
        in_block = False
        for p in doc.paragraphs:
            if p.removed:
                continue
            text = doc.text[p.start:p.end]
            indented = _indent(doc.text, p.start) >= 2
            in_block = in_block and indented
            if is_block_header(text):
                p.removed, in_block = "boilerplate", True
            elif in_block:
                p.removed = "related-content block"
            elif is_navigation_list(text) or is_tag_line(text):
                p.removed = "navigation list"
            elif is_boilerplate(text):
                p.removed = "boilerplate"
            if p.removed:
                doc.count(f"removed: {p.removed}")
        return doc
