"""Pipeline stages of the language layer: identify each paragraph's language, then segment it."""

from __future__ import annotations

from collections import Counter

from dyad.lang import adapter_for
from dyad.lang.identify import SCRIPT, identify, script
from dyad.model import Document, Sentence

# A line this short ("Relations in 1945-1991") is often given a neighbouring language of its
# script; in a document written in one language, a title in another is far rarer than that error.
SHORT_LINE = 60


class LanguageIdentifier:
    """Pipeline stage: a language per paragraph; the document's languages by share of text."""

    name = "languages"

    def __call__(self, doc: Document) -> Document:
        chars: Counter[str] = Counter()
        declared = doc.meta.language
        for p in doc.paragraphs:
            text = doc.text[p.start:p.end]
            # A language the source declares wins, unless the paragraph is written in another
            # script (a Russian quote in English text): identifying it first, as this stage once
            # did, only to overrule the result, was a third of the stage.
            if declared and _same_script(text, declared):
                p.language = declared
            else:
                p.language = identify(text)
                if declared and p.language == "und":  # too short to tell: the source knows better
                    p.language = declared
            chars[p.language] += p.end - p.start
        main = [lang for lang, _ in chars.most_common() if lang != "und"]
        for p in doc.paragraphs:  # a heading too short to identify takes the document's language
            if main and (p.language == "und" or p.end - p.start <= SHORT_LINE and p.language != main[0]
                         and _same_script(doc.text[p.start:p.end], main[0])):
                p.language = main[0]
        doc.languages = main or ["und"]
        return doc


def _same_script(text: str, language: str) -> bool:
    """The paragraph is written in the declared language's script (or that script is unknown)."""
    expected = SCRIPT.get(language)
    return expected is None or script(text) == expected


class Segmenter:
    """Pipeline stage: sentences and tokens (with lemmas) of every paragraph in a supported language."""

    name = "sentences"

    def __call__(self, doc: Document) -> Document:
        for pi, p in enumerate(doc.paragraphs):
            adapter = adapter_for(p.language)
            if adapter is None:
                doc.sentences.append(Sentence(p.start, p.end, pi, p.language))
                doc.count("sentences without language data")
                continue
            for s, e in adapter.split_sentences(doc.text[p.start:p.end], p.start):
                tokens = adapter.tokenize(doc.text[s:e], s) if not p.removed else []
                doc.sentences.append(Sentence(s, e, pi, p.language, tokens))
        doc.count("sentences", len(doc.sentences))
        return doc
