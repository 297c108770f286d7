"""Language identification per paragraph with lingua (models ship inside the wheel).

The detector is built for a fixed set of languages: building it for all 75 costs over a
gigabyte of memory. Languages dyad has no data for are still identified, so such
documents are stored and reported with their language rather than dropped.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

DETECTABLE = {
    Language.ENGLISH: "en", Language.RUSSIAN: "ru", Language.ROMANIAN: "ro", Language.JAPANESE: "ja",
    Language.CHINESE: "zh", Language.KOREAN: "ko", Language.GERMAN: "de", Language.FRENCH: "fr",
    Language.SPANISH: "es", Language.UKRAINIAN: "uk", Language.BULGARIAN: "bg", Language.ITALIAN: "it",
    Language.POLISH: "pl", Language.PORTUGUESE: "pt", Language.TURKISH: "tr", Language.ARABIC: "ar",
}
_detector: LanguageDetector | None = None


def _get_detector() -> LanguageDetector:
    global _detector  # built once per worker process
    if _detector is None:
        _detector = LanguageDetectorBuilder.from_languages(*DETECTABLE).build()
    return _detector


# Paragraphs recur across documents: a wire story syndicated by several outlets, a site's own
# furniture ("Follow us on Telegram") on every page. The answer depends on the text alone, so the
# last 2,048 are remembered (~0.5 MB at news paragraphs' few hundred characters); lingua takes
# ~0.6 ms for a 200-character paragraph, the lookup well under a microsecond.
@lru_cache(maxsize=2048)
def identify(text: str) -> str:
    """ISO 639-1 code of the text's language, or 'und' when there is too little text to tell."""
    letters = _letters(text)
    if letters < 3:
        return "und"
    if letters < 40 and len(_CYRILLIC_BLOCK.findall(text)) > 0.6 * letters:
        return "ru"  # short Cyrillic snippets (headings) are Russian far more often than not here
    lang = _get_detector().detect_language_of(text)
    return DETECTABLE.get(lang, "und") if lang else "und"


# The script each language is written in. A paragraph in another script than its document's
# declared language is identified on its own (a Russian quotation in an English article).
SCRIPT = {
    "ru": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "ja": "cjk", "zh": "cjk", "ko": "cjk", "ar": "arabic",
    "en": "latin", "ro": "latin", "de": "latin", "fr": "latin", "es": "latin", "it": "latin", "pl": "latin",
    "pt": "latin", "tr": "latin",
}

# Counting with regular expressions and `map` runs in C: the per-character Python loops these
# replace cost a sixth of the language stage. Each class holds exactly the letters (`isalpha`)
# of its block, so the counts are the loops' counts.
_CYRILLIC_BLOCK = re.compile("[\u0400-\u04ff]")  # any character of the block, as `_mostly_cyrillic` counted
_CYRILLIC = re.compile("[\u0400-\u0481\u048a-\u04ff]")  # its letters
_CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af]+")
_ARABIC = re.compile("[\u0600-\u06ff]+")


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def script(text: str) -> str:
    """The dominant script of a text's letters: latin (any other letter counts as latin), cyrillic,
    cjk or arabic; on a tie, the first in that order."""
    cyrillic = len(_CYRILLIC.findall(text))
    cjk = sum(_letters(run) for run in _CJK.findall(text))
    arabic = sum(_letters(run) for run in _ARABIC.findall(text))
    counts = {"latin": _letters(text) - cyrillic - cjk - arabic, "cyrillic": cyrillic, "cjk": cjk, "arabic": arabic}
    return max(counts, key=lambda k: counts[k])
