"""Per-language adapters and language identification.

`adapter_for(code)` gives the adapter of a supported language, or None: a document in a
language without an adapter is still stored, with its language, and reported.
"""

from __future__ import annotations

from dyad.lang.base import LanguageAdapter
from dyad.lang.ru import Russian
from dyad.lang.simple import English, Romanian

ADAPTERS: dict[str, type[LanguageAdapter]] = {"ru": Russian, "ro": Romanian, "en": English}
SUPPORTED = frozenset(ADAPTERS)
_instances: dict[str, LanguageAdapter] = {}


def adapter_for(code: str) -> LanguageAdapter | None:
    if code not in ADAPTERS:
        return None
    if code not in _instances:
        _instances[code] = ADAPTERS[code]()
    return _instances[code]


__all__ = ["ADAPTERS", "SUPPORTED", "LanguageAdapter", "adapter_for"]
