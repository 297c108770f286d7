"""Language identification per paragraph with lingua (models ship inside the wheel).

The detector is built for a fixed set of languages: building it for all 75 costs over a
gigabyte of memory. Languages dyad has no data for are still identified, so such
documents are stored and reported with their language rather than dropped.
"""

from __future__ import annotations

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


def identify(text: str) -> str:
    """ISO 639-1 code of the text's language, or 'und' when there is too little text to tell."""
    letters = sum(c.isalpha() for c in text)
    if letters < 3:
        return "und"
    if _mostly_cyrillic(text) and letters < 40:
        return "ru"  # short Cyrillic snippets (headings) are Russian far more often than not here
    lang = _get_detector().detect_language_of(text)
    return DETECTABLE.get(lang, "und") if lang else "und"


SCRIPT = {"ru": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "ja": "cjk", "zh": "cjk", "ko": "cjk", "ar": "arabic"}


def script(text: str) -> str:
    """The dominant script of a text: latin, cyrillic, cjk or arabic."""
    counts = {"latin": 0, "cyrillic": 0, "cjk": 0, "arabic": 0}
    for c in text:
        if not c.isalpha():
            continue
        o = ord(c)
        if 0x0400 <= o <= 0x04FF:
            counts["cyrillic"] += 1
        elif 0x3040 <= o <= 0x9FFF or 0xAC00 <= o <= 0xD7AF:
            counts["cjk"] += 1
        elif 0x0600 <= o <= 0x06FF:
            counts["arabic"] += 1
        else:
            counts["latin"] += 1
    return max(counts, key=lambda k: counts[k])


def _mostly_cyrillic(text: str) -> bool:
    cyr = sum("\u0400" <= c <= "\u04ff" for c in text)
    return cyr > 0.6 * sum(c.isalpha() for c in text)
