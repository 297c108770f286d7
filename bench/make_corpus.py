"""Build a benchmark corpus of N MB from the bundled sample: varied, multilingual, never plain copies.

    python bench/make_corpus.py 10 --out bench/out/corpus-10MB

Each document takes a few paragraphs of one language's sample texts and varies them: years
shifted and days redrawn, the story moved from Russia–Japan to another pair of countries
(inflected forms kept well formed), sentences shuffled within paragraphs, page furniture
around the article; a few documents quote a paragraph in another language, and a few are
syndicated copies of an earlier one under a new headline. Output: JSON Lines shards of about
4 MB, the way news corpora ship. Deterministic for a given --seed. Memory stays flat: one
shard is built at a time and only a small reservoir of earlier documents is kept.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

from swaps import FURNITURE, MONTHS, REPLACEMENTS, SAMPLE_PAIR, Country, Forms

SAMPLE = Path(__file__).resolve().parents[1] / "src" / "dyad" / "data" / "sample"
LANGUAGES = {"en": 0.4, "ro": 0.3, "ru": 0.3}
SHARD_BYTES = 4 * 1024 * 1024
YEAR = re.compile(r"\b(1[6-9]\d\d|20[0-2]\d)\b")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[«\"„(]?[A-ZА-ЯЁĂÂÎȘȚ0-9])")


def load_sample() -> dict[str, list[list[str]]]:
    """Per language: its sample texts, each a list of paragraphs."""
    texts: dict[str, list[list[str]]] = {lang: [] for lang in LANGUAGES}
    for path in sorted(SAMPLE.glob("*.txt")):
        paragraphs = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        texts[path.name[:2]].append(paragraphs)
    return texts


def _cased(original: str, replacement: str) -> str:
    return replacement[:1].upper() + replacement[1:] if original[:1].isupper() else replacement


def _swap(text: str, forms: Forms, to: Country) -> str:
    for pattern, stem in ((forms.name, to.name), (forms.adjective, to.adjective), (forms.capital, to.capital)):
        if stem is not None:
            text = re.sub(pattern, lambda m, s=stem: _cased(m.group(0), s + (m.group(1) or "")), text)
    return text


def vary(paragraphs: list[str], lang: str, rng: random.Random) -> list[str]:
    """One document's variation: dates, countries and sentence order."""
    shift = rng.choice([-60, -30, -15, -5, 0, 0, 5, 15, 30])
    months = MONTHS[lang]
    swap_to = rng.sample(REPLACEMENTS[lang], 2) if rng.random() < 0.7 else None
    out = []
    for p in paragraphs:
        p = YEAR.sub(lambda m: str(min(2029, int(m.group(1)) + shift)), p)
        p = re.sub(rf"\b([1-9]|[12]\d|3[01])(\s+)({months})\b",
                   lambda m: f"{rng.randint(1, 28)}{m.group(2)}{m.group(3)}", p)
        if swap_to:
            for forms, country in zip(SAMPLE_PAIR[lang], swap_to, strict=True):
                p = _swap(p, forms, country)
        sentences = SENTENCE_BREAK.split(p)
        if len(sentences) > 2 and rng.random() < 0.5:
            rng.shuffle(sentences)
        out.append(" ".join(sentences))
    return out


def document(n: int, texts: dict[str, list[list[str]]], rng: random.Random,
             earlier: list[dict[str, str]]) -> dict[str, str]:
    if earlier and rng.random() < 0.03:  # a syndicated copy: same article, new headline and furniture
        copy = dict(rng.choice(earlier))
        copy.update(id=f"doc-{n:08d}", title=f"{copy['title']} (update)", url=f"https://mirror.example/{n}")
        copy["text"] = f"{copy['title']}\n\n{copy['text'].split(chr(10) * 2, 1)[-1]}"
        return copy
    lang = rng.choices(list(LANGUAGES), weights=list(LANGUAGES.values()))[0]
    pool = [p for text in rng.sample(texts[lang], rng.randint(1, 3)) for p in text[1:]]
    paragraphs = vary(rng.sample(pool, min(len(pool), rng.randint(2, 8))), lang, rng)
    if rng.random() < 0.05:  # a quotation in another language
        other = rng.choice([x for x in LANGUAGES if x != lang])
        paragraphs.insert(rng.randint(0, len(paragraphs)), rng.choice(rng.choice(texts[other])[1:]))
    published = f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    title = paragraphs[0].split(". ")[0]
    title = title if len(title) <= 80 else title[:80].rsplit(" ", 1)[0] + " …"
    furniture = [f.format(date=published) for f in rng.sample(FURNITURE[lang], rng.randint(0, 2))]
    body = "\n\n".join([title, *paragraphs, *furniture])
    doc = {"id": f"doc-{n:08d}", "title": title, "url": f"https://news.example/{lang}/{n}",
           "published": published, "text": body}
    if rng.random() < 0.7:  # most feeds declare the language, not all
        doc["language"] = lang
    return doc


def make_corpus(megabytes: float, out: Path, seed: int = 1) -> Path:
    """Write about `megabytes` MB (10^6 bytes of UTF-8 text) of documents under `out`; return `out`."""
    rng = random.Random(seed)
    texts = load_sample()
    out.mkdir(parents=True, exist_ok=True)
    target, written, n, shard = int(megabytes * 1_000_000), 0, 0, 0
    earlier: list[dict[str, str]] = []
    while written < target:
        with (out / f"part-{shard:05d}.jsonl").open("w", encoding="utf-8") as f:
            size = 0
            while size < SHARD_BYTES and written < target:
                doc = document(n, texts, rng, earlier)
                f.write(json.dumps(doc, ensure_ascii=False) + "\n")
                n += 1
                nbytes = len(doc["text"].encode("utf-8"))
                size, written = size + nbytes, written + nbytes
                if len(earlier) < 200:  # a small reservoir of articles to copy from
                    earlier.append(doc)
                elif rng.random() < 0.01:
                    earlier[rng.randrange(200)] = doc
        shard += 1
    (out / "MANIFEST.json").write_text(json.dumps({"megabytes": megabytes, "seed": seed, "documents": n,
                                                   "text_bytes": written, "shards": shard}) + "\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("megabytes", type=float)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    path = make_corpus(args.megabytes, args.out, args.seed)
    print((path / "MANIFEST.json").read_text().strip())


if __name__ == "__main__":
    main()
