"""Print the tokens and lemmas dyad sees, for writing lexicons: python -m dyad.lang.lemmas ro "text"."""

from __future__ import annotations

import sys

from dyad.lang import adapter_for


def main() -> None:
    lang, text = sys.argv[1], " ".join(sys.argv[2:])
    adapter = adapter_for(lang)
    if adapter is None:
        raise SystemExit(f"no adapter for language {lang!r}")
    for tok in adapter.tokenize(text):
        print(f"{tok.text}\t{tok.lemma}\t{tok.tags}")


if __name__ == "__main__":
    main()
