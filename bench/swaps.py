"""Per-language word lists for the corpus generator: country words to swap, month names, page furniture.

Swapping keeps grammar where it is cheap to: Romanian and Russian names are replaced by stems
of the same declension (Rusia/Rusiei → Germania/Germaniei, России → Франции), so inflected
forms stay well formed and dyad's lemma matching is exercised rather than bypassed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Forms:
    """How a sample country is written: patterns whose one group is the inflectional ending."""

    name: str
    adjective: str
    capital: str


@dataclass(frozen=True)
class Country:
    """What replaces it: stems that take the same endings (whole words in English)."""

    name: str
    adjective: str
    capital: str | None  # None: no capital of the same declension, keep the original


# The sample tells of Russia and Japan; each generated document may move that story to another pair.
SAMPLE_PAIR = {
    "en": (Forms(r"\bRussia()\b", r"\bRussian()\b", r"\bMoscow()\b"),
           Forms(r"\bJapan()\b", r"\bJapanese()\b", r"\bTokyo()\b")),
    "ro": (Forms(r"\bRusi(a|ei)\b", r"\brus(ă|e|esc|ească|ești|ul|ului)?\b", r"\bMoscov(a|ei)\b"),
           Forms(r"\bJaponi(a|ei)\b", r"\bjaponez(ă|i|e|ul|ii|ilor)?\b", r"\bTokio()\b")),
    "ru": (Forms(r"\bРосси(я|и|ю|ей)\b", r"\b(?:российск|русск)(\w*)", r"\bМоскв(а|ы|е|у|ой)\b"),
           Forms(r"\bЯпони(я|и|ю|ей)\b", r"\bяпонск(\w*)", r"\bТокио()\b")),
}
REPLACEMENTS = {
    "en": [Country("China", "Chinese", "Beijing"), Country("Korea", "Korean", "Seoul"),
           Country("Mongolia", "Mongolian", "Ulaanbaatar"), Country("France", "French", "Paris"),
           Country("Germany", "German", "Berlin"), Country("Turkey", "Turkish", "Ankara"),
           Country("India", "Indian", "New Delhi"), Country("Poland", "Polish", "Warsaw"),
           Country("Italy", "Italian", "Rome")],
    "ro": [Country("Germani", "german", None), Country("Mongoli", "mongol", None),
           Country("Turci", "turc", None), Country("Poloni", "polonez", None),
           Country("Itali", "italian", None), Country("Indi", "indian", None)],
    "ru": [Country("Франци", "французск", None), Country("Германи", "германск", None),
           Country("Монголи", "монгольск", None), Country("Турци", "турецк", "Анкар"),
           Country("Итали", "итальянск", None), Country("Инди", "индийск", None),
           Country("Коре", "корейск", None), Country("Австри", "австрийск", None)],
}

# Month names that follow a day number ("6 February", "6 februarie", "6 февраля").
MONTHS = {
    "en": "January|February|March|April|May|June|July|August|September|October|November|December",
    "ro": "ianuarie|februarie|martie|aprilie|mai|iunie|iulie|august|septembrie|octombrie|noiembrie|decembrie",
    "ru": "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря",
}

# Page furniture a web page adds around an article (cleaning should set it aside).
FURNITURE = {
    "en": ["Share this article", "Posted on {date} by the news desk", "Read more: world news",
           "All rights reserved"],
    "ro": ["Distribuie acest articol", "Publicat pe {date}", "Citește și: știri externe",
           "Toate drepturile rezervate"],
    "ru": ["Поделиться", "Опубликовано {date}", "Читайте также: новости мира", "Все права защищены"],
}
