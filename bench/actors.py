"""Actor matching speed with the full table loaded, and the table's load time.

    .venv/bin/python bench/actors.py [--repeat 5]

Tokenizes the bundled sample corpus and the seeds (when ../shared is beside the repo) once,
then times `find_actors` over every sentence, per language: tokens/s and mentions found.
Load time is the first `load_language` call per language (CLDR names lemmatized, aliases,
people), measured in a fresh interpreter so no cache helps. A second table times the unresolved-
actor finder (actors/ner.py) over the sentences with a trigger: cue words in every language, and
natasha's Russian recognizer when it is installed (its model load time and memory measured apart).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path

from dyad.actors.matcher import find_actors
from dyad.actors.ner import is_candidate, russian_spans, unresolved_mentions
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
                    sentences[s.language].append((doc.text, s, i))
    print("| language | aliases loaded | load time (s) | tokens | tokens/s | mentions |")
    print("|---|---|---|---|---|---|")
    for lang, items in sorted(sentences.items()):
        aliases = len(load_language(lang).aliases.patterns)
        n_tokens = sum(len(s.tokens) for _, s, _ in items)
        best, found = float("inf"), 0
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            found = sum(len(find_actors(text, s.tokens, lang, i)) for text, s, i in items)
            best = min(best, time.perf_counter() - t0)
        print(f"| {lang} | {aliases} | {load_time(lang):.2f} | {n_tokens} | {n_tokens / best:,.0f} | {found} |")
    bench_unresolved(sentences, args.repeat)


def ner_load() -> tuple[float, float]:
    """(seconds, MB of resident memory) natasha's Russian NER takes to load, in a fresh interpreter."""
    # resident memory from /proc: a child's ru_maxrss starts at its parent's peak on Linux
    code = "import re, time\n" \
           "rss = lambda: int(re.search(r'VmRSS:\\s+(\\d+)', open('/proc/self/status').read()).group(1))\n" \
           "from dyad.data import load_language; load_language('ru'); r0 = rss(); t = time.perf_counter()\n" \
           "from dyad.actors.ner import _russian_ner; _russian_ner()\n" \
           "print(time.perf_counter() - t, (rss() - r0) / 1024)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return float(out[0]), float(out[1])


def bench_unresolved(sentences: dict[str, list], repeat: int) -> None:
    print("\n| language | finder | candidate sentences | sentences/s | names kept |")
    print("|---|---|---|---|---|")
    for lang, items in sorted(sentences.items()):
        data = load_language(lang)
        sents = [(text, s, i, [(m.start, m.end) for m in find_actors(text, s.tokens, lang, i)])
                 for text, s, i in items if is_candidate(data, s.tokens)]
        modes = ["cues"] + (["natasha"] if lang == "ru" and importlib.util.find_spec("natasha") else [])
        for mode in modes:
            os.environ["DYAD_NER"] = mode
            if mode == "natasha":
                russian_spans(["Прогрев."])  # the model loads once per worker: timed apart below
            best, kept = float("inf"), 0
            for _ in range(repeat):
                t0 = time.perf_counter()
                # the stage hands the recognizer a document's candidate sentences in one batch
                spans = russian_spans([text[s.start:s.end] for text, s, _, _ in sents]) if mode == "natasha" \
                    else [None] * len(sents)
                kept = sum(len(unresolved_mentions(text, s, i, known, sp))
                           for (text, s, i, known), sp in zip(sents, spans, strict=True))
                best = min(best, time.perf_counter() - t0)
            print(f"| {lang} | {mode} | {len(sents)} | {len(sents) / best:,.0f} | {kept} |")
    os.environ.pop("DYAD_NER", None)
    if importlib.util.find_spec("natasha"):
        seconds, mb = ner_load()
        print(f"\nnatasha NER load: {seconds:.2f} s, +{mb:.0f} MB resident")


if __name__ == "__main__":
    main()
