"""ParagraphSplitter: paragraphs and headings.

Web text puts one paragraph per line; books and e-mails wrap lines inside a paragraph.
A line break ends a paragraph when the line ends a sentence or looks like a heading, or
when a blank line follows; otherwise the next line continues the paragraph. Nothing is
deleted: every offset points into the text as given.
"""

from __future__ import annotations

import re

from dyad.model import Document, Paragraph

HEADING_MAX_CHARS = 90
ENDS_SENTENCE = re.compile(r"[.!?…:;»”\"')\]]\s*$")


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= HEADING_MAX_CHARS and not ENDS_SENTENCE.search(stripped)


def split_paragraphs(text: str) -> list[Paragraph]:
    paragraphs: list[Paragraph] = []
    start: int | None = None
    pos = 0
    lines = text.split("\n")
    for n, line in enumerate(lines):
        line_end = pos + len(line)
        if line.strip():
            if start is None:
                start = pos
            nxt = lines[n + 1] if n + 1 < len(lines) else ""
            wraps = bool(nxt.strip()) and not ENDS_SENTENCE.search(line) and not _is_heading(line) \
                and nxt.lstrip()[:1].islower()
            if not wraps:
                block = text[start:line_end]
                lead = len(block) - len(block.lstrip())
                paragraphs.append(Paragraph(start + lead, len(block.rstrip()) + start,
                                            heading="\n" not in block.strip() and _is_heading(block)))
                start = None
        pos = line_end + 1
    return paragraphs


class ParagraphSplitter:
    """Pipeline stage: the paragraphs of the document, headings flagged."""

    name = "paragraphs"

    def __call__(self, doc: Document) -> Document:
        doc.paragraphs = split_paragraphs(doc.text)
        doc.count("paragraphs", len(doc.paragraphs))
        return doc
