"""Validate every data file: python -m dyad.data.check (exit 1 and the reasons on failure)."""

from __future__ import annotations

import sys

from dyad.data import DataError, load_kinds, load_language
from dyad.lang import SUPPORTED


def main() -> int:
    failures = 0
    try:
        load_kinds()
    except DataError as e:
        print(e)
        failures += 1
    for code in sorted(SUPPORTED):
        try:
            data = load_language(code)
        except (DataError, KeyError, TypeError, ValueError) as e:
            print(f"{code}: {e}")
            failures += 1
            continue
        print(f"{code}: {len(data.triggers.patterns)} trigger patterns, {len(data.aliases.patterns)} actor aliases, "
              f"{len(data.months)} month forms")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
