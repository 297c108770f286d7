"""Actor matching speed with the full table loaded, and the table's load time.

    .venv/bin/python bench/actors.py [--repeat 5]

Tokenizes the bundled sample corpus and the seeds (when ../shared is beside the repo) once,
then times `find_actors` over every sentence, per language: tokens/s and mentions found.
Load time is the first `load_language` call per language (CLDR names lemmatized, aliases,
people), measured in a fresh interpreter so no cache helps.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from dyad.actors.matcher import find_actors
from dyad.data import load_language
from dyad.model import DocumentMeta
from dyad.pipeline import STAGES, process, stage_name

REPO = Path(__file__).resolve().parents[1]
CORPORA = [REPO / "src" / "dyad" / "data" / "sample", REPO.parent / "shared" / "seeds"]
TOKENIZE = STAGES[: [stage_name(s) for s in STAGES].index("sentences") + 1]  # up to the segmenter


def load_time(lang: str) -> float:
    code = f"import time; t=time.perf_counter(); from dyad.data import load_language; load_language('{lang}'); " \
           "print(time.perf_counter()-t)"
    return float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    sentences = defaultdict(list)
    for corpus in CORPORA:
        for path in sorted(corpus.glob("*.txt")) if corpus.exists() else []:
            doc = process(path.read_text(encoding="utf-8"), DocumentMeta(str(path)), TOKENIZE)
            for i, s in enumerate(doc.sentences):
                if s.tokens:
                    sentences[s.language].append((doc.text, s.tokens, i))
    print("| language | aliases loaded | load time (s) | tokens | tokens/s | mentions |")
    print("|---|---|---|---|---|---|")
    for lang, items in sorted(sentences.items()):
        aliases = len(load_language(lang).aliases.patterns)
        n_tokens = sum(len(toks) for _, toks, _ in items)
        best, found = float("inf"), 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            found = sum(len(find_actors(text, toks, lang, i)) for text, toks, i in items)
            best = min(best, time.perf_counter() - t0)
        print(f"| {lang} | {aliases} | {load_time(lang):.2f} | {n_tokens} | {n_tokens / best:,.0f} | {found} |")


if __name__ == "__main__":
    main()
