"""The pipeline alone, in one process: per-stage time on a corpus, optionally under pyinstrument.

    python bench/profile.py bench/out/corpus-5MB                  # per-stage table
    python bench/profile.py bench/out/corpus-5MB --pyinstrument bench/out/profile.txt

No store, no pool: the pipeline's stages and nothing else, each timed here in microseconds
(`Document.stats` keeps whole milliseconds per document, which floors away most of a short
document's stage time). The first documents of each language
warm the resources up (lexicons, language models) and are not counted, so the figures are
the steady state a long ingest sees. Prints one JSON line too, for comparing two source trees
(run it with PYTHONPATH pointing at the other tree).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Iterator
from itertools import islice
from pathlib import Path

WARM_UP = 30  # documents processed before measuring


def documents(corpus: Path) -> Iterator[tuple[str, dict[str, str]]]:
    for shard in sorted(corpus.glob("*.jsonl")):
        with shard.open(encoding="utf-8") as f:
            for line in f:
                obj = json.loads(line)
                yield obj["text"], obj


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--pyinstrument", type=Path, help="write a pyinstrument text profile here")
    ap.add_argument("--limit", type=int, help="measure this many documents at most (after the warm-up)")
    args = ap.parse_args()

    from dyad.model import Document, DocumentMeta
    from dyad.pipeline import STAGES, process, stage_name

    def meta(obj: dict[str, str]) -> DocumentMeta:
        return DocumentMeta(source_path="bench", record=obj["id"], title=obj.get("title"),
                            published=obj.get("published"), language=obj.get("language"))

    items = documents(args.corpus)
    for _, (text, obj) in zip(range(WARM_UP), items, strict=False):
        process(text, meta(obj))
    if args.limit is not None:
        items = islice(items, args.limit)
    profiler = None
    if args.pyinstrument:
        from pyinstrument import Profiler
        profiler = Profiler(interval=0.002)
        profiler.start()
    stages: Counter[str] = Counter()  # wall seconds
    cpu: Counter[str] = Counter()  # CPU seconds of this process: steadier than wall time on a shared machine
    n = nbytes = events = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for text, obj in items:
        doc = Document(text=text, meta=meta(obj))
        for stage in STAGES:  # what `process` does, timed finer
            t, c = time.perf_counter(), time.process_time()
            doc = stage(doc)
            stages[stage_name(stage)] += time.perf_counter() - t
            cpu[stage_name(stage)] += time.process_time() - c
        n, nbytes, events = n + 1, nbytes + len(text.encode("utf-8")), events + len(doc.events)
    seconds, cpu_seconds = time.perf_counter() - t0, time.process_time() - c0
    if profiler:
        profiler.stop()
        args.pyinstrument.write_text(profiler.output_text(unicode=True, color=False))
    print(f"{n} documents, {nbytes / 1e6:.2f} MB, {events} events in {seconds:.1f} s: "
          f"{n / seconds:.1f} docs/s, {nbytes / 1e6 / seconds:.3f} MB/s (one core); "
          f"CPU {cpu_seconds:.1f} s, {cpu_seconds / max(n, 1) * 1000:.2f} ms/doc, "
          f"{nbytes / 1e6 / cpu_seconds:.3f} MB per CPU-second")
    print("| stage | s | CPU s | share of CPU | MB per CPU-s | docs/s |\n|---|---|---|---|---|---|")
    total = sum(cpu.values())
    for stage, sec in cpu.most_common():
        print(f"| {stage} | {stages[stage]:.2f} | {sec:.2f} | {sec / total:.0%} | {nbytes / 1e6 / sec:.3f} | "
              f"{n / stages[stage]:.0f} |")
    print(json.dumps({"documents": n, "megabytes": nbytes / 1e6, "events": events, "seconds": round(seconds, 2),
                      "cpu_seconds": round(cpu_seconds, 2),
                      "stage_seconds": {k: round(v, 2) for k, v in stages.items()},
                      "stage_cpu_seconds": {k: round(v, 3) for k, v in cpu.items()}}))


if __name__ == "__main__":
    main()
