"""Which of a sentence's time mentions dates an event (DESIGN §5).

An event's date is the time expression that governs its clause, else the sentence's, else the
enclosing paragraph's or section's anchor — never silently the document's date.
"""

from __future__ import annotations

from dyad.data import load_hierarchy
from dyad.model import DateValue, Document


def governing_date(doc: Document, sent_index: int, trig_start: int) -> DateValue | None:
    """The time in the trigger's sentence nearest before it (else after it), else the anchor."""
    in_sentence = [t for t in doc.times if t.sentence == sent_index]
    if in_sentence:
        before = [t for t in in_sentence if t.end <= trig_start]
        chosen = before[-1] if before else min(in_sentence, key=lambda t: t.start - trig_start)
        return chosen.date
    sent = doc.sentences[sent_index]
    earlier = [t for t in doc.times if t.sentence < sent_index and t.sentence >= 0]
    same_paragraph = [t for t in earlier if doc.sentences[t.sentence].paragraph == sent.paragraph]
    if same_paragraph:
        return same_paragraph[-1].date
    headings = [t for t in earlier if doc.paragraphs[doc.sentences[t.sentence].paragraph].heading]
    return headings[-1].date if headings else None


def treaty_date(doc: Document, sent_index: int, trig_start: int, kind: str, agreement: str | None,
                date: DateValue | None) -> DateValue | None:
    """For the signing or the peace of a named treaty, the sentence's time that fits the year the
    treaty table knows: a sentence telling a treaty of 1905 beside an attack of 1904 must not date
    the treaty 1904. Only chooses among the dates the text gives, or leaves the date unknown."""
    year = str((load_hierarchy("agreements").get(agreement or "") or {}).get("signed") or "")
    if kind not in ("SIGN_AGREEMENT", "END_WAR") or not year:
        return date
    fitting = [t for t in doc.times if t.sentence == sent_index and t.date.start[:4] <= year <= t.date.end[:4]]
    if fitting:
        return min(fitting, key=lambda t: abs(t.start - trig_start)).date
    return date if date is None or date.start[:4] <= year <= date.end[:4] else None
