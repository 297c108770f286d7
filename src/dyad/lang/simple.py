"""Adapters for languages whose lemmas come from simplemma (Romanian, English, …)."""

from __future__ import annotations

from functools import lru_cache

import simplemma

from dyad.lang.base import DASHES, LanguageAdapter

CEDILLA = str.maketrans({"ş": "ș", "Ş": "Ș", "ţ": "ț", "Ţ": "Ț"})


@lru_cache(maxsize=500_000)
def _lemma(word: str, lang: str) -> str:
    if not any(c.isalpha() for c in word):
        return word.lower()
    word = word.translate(DASHES)
    if lang == "en" and word[-2:] in ("'s", "’s"):  # "Kremlin's" names the Kremlin
        word = word[:-2]
    if "." in word:  # "U.S." → "u.s."
        return word.lower()
    if lang == "ro":  # cedilla letters (ş ţ) are the legacy spelling of ș ț
        word = word.translate(CEDILLA)
    if "-" in word:  # simplemma leaves compounds alone; lemmatize the last part ("ruso-japoneze")
        head, _, last = word.rpartition("-")
        return f"{head.lower()}-{_lemma(last, lang)}"
    lemma = str(simplemma.lemmatize(word, lang=lang))
    if lemma == word and word[:1].isupper() and not word.isupper():
        lemma = str(simplemma.lemmatize(word.lower(), lang=lang))  # "Sahalinului" at a sentence start
    return lemma.lower()


class SimplemmaAdapter(LanguageAdapter):
    has_lemmas = True

    def analyse(self, word: str) -> tuple[str, str]:
        return _lemma(word, self.code), ""


class Romanian(SimplemmaAdapter):
    code = "ro"
    abbreviations = frozenset({"nr", "art", "p", "pp", "vol", "ed", "dr", "prof", "gen", "sec", "ian",
                               "feb", "febr", "apr", "aug", "sept", "oct", "nov", "dec", "etc", "str", "mil", "mld"})


class English(SimplemmaAdapter):
    code = "en"
    abbreviations = frozenset({"mr", "mrs", "ms", "dr", "prof", "gen", "st", "no", "vol", "p", "pp", "ed",
                               "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
                               "dec", "u.s", "etc", "vs", "approx", "col", "lt", "capt", "adm", "o.s", "n.s", "i.e",
                               "e.g"})
