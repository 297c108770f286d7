"""HTML bytes → main text and metadata; the one HTML path, used by .html files and WARC records."""

from __future__ import annotations

import re
from dataclasses import replace

from dyad.model import DocumentMeta
from dyad.read.decode import decode
from dyad.read.errors import ReadError

# libxml2 (under lxml, under trafilatura) stops building the tree at depth 256 and silently
# drops everything deeper, so a deeper page would come out as "no text" or as a fragment.
# Real pages stay far below this; deeper ones are refused with a reason that says so.
MAX_DEPTH = 250
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})""", re.I)


def sniff_charset(data: bytes) -> str | None:
    """The charset an HTML page declares in a `<meta>` tag near its start, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii") if m else None


def html_to_text(data: bytes, meta: DocumentMeta, declared: str | None = None) -> tuple[str, DocumentMeta]:
    """Main text of an HTML page and `meta` completed from the page (title, url, date).

    Values already in `meta` win, except the date: the page's own publication date is a better
    reference time for the text than a crawl date put there by the caller.
    Raises `ReadError` (placed at `meta.record`) when the page has no main text.
    """
    import trafilatura  # heavy import; only HTML needs it

    path, record = meta.source_path, meta.record
    html = decode(data, path, record, declared or sniff_charset(data))
    depth = _depth(html)
    if depth >= MAX_DEPTH:
        raise ReadError(path, f"HTML nested {depth}+ elements deep (limit {MAX_DEPTH}); "
                              "the parser cannot read past that depth", record)
    try:
        text = trafilatura.extract(html, url=meta.url, include_comments=False, include_tables=False,
                                   favor_recall=True)
        md = trafilatura.extract_metadata(html, default_url=meta.url)
    except (ValueError, TypeError, RecursionError) as e:  # trafilatura's own failure modes on odd markup
        raise ReadError(path, f"HTML could not be parsed ({type(e).__name__})", record) from None
    if not text or not text.strip():
        raise ReadError(path, "HTML page with no main text", record)
    if md is None:
        return text, meta
    return text, replace(meta, title=meta.title or md.title, url=meta.url or md.url,
                         published=md.date or meta.published)


def _depth(html: str) -> int:
    """Deepest element nesting as lxml parses it (iterative: no recursion on hostile input)."""
    import lxml.html
    from lxml.etree import ParserError

    try:
        root = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"),
                                             parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (ParserError, ValueError):
        return 0  # nothing to nest; trafilatura will report the lack of text
    depth = {root: 1}
    deepest = 1
    for el in root.iterdescendants():
        parent = el.getparent()
        d = depth[parent] + 1 if parent is not None else 1
        depth[el] = d
        deepest = max(deepest, d)
    return deepest
