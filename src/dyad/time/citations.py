"""Bibliographic references inside a text: the years they hold date books, not events.

"(Ivanov, 2005, p. 12)", "// Вестник. 2003. № 4. С. 12", "Moscow: Nauka, 1999",
"A. P. Derevyanko „Conflict … în 1938”. Vladivostok. „Ussuri”. 1998, p. 6": each shape ends on
a year that a page, an issue, a publisher or an author marks as a reference's. A reference's
title and author before that year belong to it too (the 1938 of a book's title dates no event),
and so does the whole line when it opens with an author ("Dudden, A. Japan's Colonization of
Korea. Honolulu: University of Hawai'i Press, 2005").
The page and issue abbreviations are each language's (`citation_pages`, `citation_issues`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from dyad.data import load_time_words
from dyad.time.grammar import YEAR, alternation

CAP = r"[A-ZА-ЯЁĂÂÎȘŞȚŢ]"
WORD = r"[\w’'-]"
QUOTED = r"[„«\"“][^„«\"“”»\n]{1,200}[”»\"]"
DIGIT = re.compile(r"\d")
AUTHOR = rf"(?:(?:{CAP}\.\s*){{1,3}}{CAP}{WORD}+|{CAP}{WORD}+,?\s+(?:{CAP}\.\s*){{1,3}})"


@dataclass(frozen=True)
class CitationGrammar:
    anchors: tuple[str, ...]  # the end of a reference: its year and what marks it as one, one shape each
    before: re.Pattern[str]  # what may precede that year within the reference (title, author)
    author: re.Pattern[str]  # "Иванов И. И.", "A. P. Derevyanko": where a reference begins

    def anchors_in(self, text: str) -> re.Pattern[str]:
        """The alternation of the anchor shapes that can match in `text`: a shape whose bracket, "//" or
        colon the text lacks cannot, and leaving it out changes no match of the others (most
        paragraphs have none of the three: their scan tries only the two shapes that open on a year)."""
        return _alternation(self.anchors, tuple(i for i, needs in enumerate(ANCHOR_NEEDS)
                                                if needs is None or needs in text))


# what each anchor shape cannot match without, in the order of `citation_grammar`'s list
ANCHOR_NEEDS = ("(", "//", ":", None, None, "(")


@cache
def _alternation(anchors: tuple[str, ...], chosen: tuple[int, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{anchors[i]})" for i in chosen))


@cache
def citation_grammar(code: str) -> CitationGrammar:
    words = load_time_words(code)
    pages, issues = alternation(words.citation_pages), alternation(words.citation_issues)
    page = rf"(?:{pages})\.\s*\d+(?:\s*[-–]\s*\d+)?"
    issue = rf"(?:{issues})\.?\s*\d+"
    tail = rf"(?:\s*[.,]\s*(?:{page}|{issue}|[-–—]\s*\d+\s*(?:{pages})\.))*"
    anchors = [
        # (Ivanov, 2005), (Ivanov 2005: 12), (Smith and Jones, 2005, p. 3), (Ivanov et al., 2005)
        rf"\(\s*{CAP}{WORD}+(?:\s+(?:and|și|и|&|et al\.)\s*(?:{CAP}{WORD}+)?)?,?\s+{YEAR}[a-z]?"
        rf"(?:\s*[,:]\s*(?:(?:{pages})\.\s*)?\d+(?:\s*[-–]\s*\d+)?)?\s*\)",
        # // Вестник МГУ. 2003. № 4. С. 12–20.
        rf"//[^\n]{{0,160}}?{YEAR}{tail}",
        # Moscow: Nauka, 1999   М.: Наука, 1999. — 320 с.   București: Editura Politică, 1985
        rf"(?<!\w){CAP}{WORD}*\.?(?:[\s-]{CAP}{WORD}*)?\s*:\s*[^\n:;,.]{{1,60}},\s*{YEAR}{tail}(?!\d)",
        # … 1998, p. 6   … 2003. № 4   … 1999. С. 45
        rf"(?<![\w.,]){YEAR}\s*[.,]\s*(?:{issue}\s*[.,]\s*)?{page}",
        rf"(?<![\w.,]){YEAR}\s*[.,]\s*{issue}",
        # Ivanov, I. (2005).   Иванов И. И. (2005)
        rf"{AUTHOR}\s*\(\s*{YEAR}[a-z]?\s*\)",
    ]
    # a reference's title (quoted), its place and publisher, and its author, before the anchor
    before = rf"(?:{AUTHOR}\s*)?{QUOTED}\.?\s*(?:{CAP}{WORD}*\.?\s*)?(?:{QUOTED}\.?\s*)?,?\s*$"
    assert len(anchors) == len(ANCHOR_NEEDS)
    return CitationGrammar(tuple(anchors), re.compile(before), re.compile(AUTHOR))


def citation_spans(text: str, code: str) -> list[tuple[int, int]]:
    """The spans of the bibliographic references of a text (offsets into it)."""
    if DIGIT.search(text) is None:
        return []
    g = citation_grammar(code)
    out: list[tuple[int, int]] = []
    for m in g.anchors_in(text).finditer(text):
        start = m.start()
        window = max(0, start - 320)
        head = g.before.search(text, window, start)
        if head is not None and head.end() == start:
            start = head.start()
        elif (line := text.rfind("\n", 0, start) + 1) >= window and g.author.match(text, line):
            # "Dudden, A. Japan's Colonization of Korea: Discourse and Power. Honolulu: …, 2005": a
            # line that opens with an author and ends on a reference's year is that reference
            start = line
        elif m.group(0).startswith("//"):
            # "Иванов И. И. Японская политика в 1930-е годы // Вестник": the title runs from the author
            authors = [a for a in g.author.finditer(text, max(0, start - 200), start)
                       if "\n" not in text[a.end():start]]
            if authors:
                start = authors[-1].start()
        out.append((start, m.end()))
    return out
