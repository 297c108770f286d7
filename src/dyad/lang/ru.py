"""Russian: lemmas and grammatical case from pymorphy3 (OpenCorpora dictionary, shipped offline)."""

from __future__ import annotations

from functools import lru_cache

import pymorphy3

from dyad.lang.base import DASHES, LanguageAdapter

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct", "gen2", "acc2", "loc2")
_morph: pymorphy3.MorphAnalyzer | None = None


def _analyzer() -> pymorphy3.MorphAnalyzer:
    global _morph  # loaded once per worker process; read-only afterwards
    if _morph is None:
        _morph = pymorphy3.MorphAnalyzer(lang="ru")
    return _morph


@lru_cache(maxsize=500_000)
def _analyse(word: str) -> tuple[str, str]:
    if not any("а" <= c <= "я" or c == "ё" for c in word.lower()):
        return word.lower(), ""
    parses = _analyzer().parse(word)
    best = parses[0]
    # Keep every case the word form can have: "Японии" is gent, datv or loct, and role
    # assignment needs to know that nominative is *not* among them.
    cases = sorted({c for p in parses[:4] if p.normal_form == best.normal_form for c in CASES if c in p.tag})
    pos = str(best.tag.POS or "")
    extra = [t for t in ("futr", "past", "pres", "impr", "perf") if t in best.tag]
    return best.normal_form.replace("ё", "е"), ",".join([pos, *cases, *extra])


class Russian(LanguageAdapter):
    code = "ru"
    has_lemmas = True
    abbreviations = frozenset({"г", "гг", "т", "е", "др", "им", "ст", "с", "см", "тыс", "млн", "млрд", "руб",
                               "янв", "февр", "авг", "сент", "окт", "нояб", "дек", "н", "э", "в", "вв", "ул"})

    def analyse(self, word: str) -> tuple[str, str]:
        word = word.translate(DASHES)
        if "-" in word:  # "советско-японский": analyse the last part, keep the first as written
            head, _, last = word.rpartition("-")
            lemma, tags = _analyse(last)
            return f"{head.lower()}-{lemma}", tags
        return _analyse(word)
