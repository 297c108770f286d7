"""Development check on realistic text: five long, noisy web-style documents (en USA–China,
en UK–Argentina, ro Romania–France, ru Russia–Kazakhstan, ru Russia–Finland) with their gold
(tests/gold/webdev/README.md). Unlike the blind set, these may be studied and tuned to; like the
seeds, they show what dyad does on web text, and they are the development set for English.
"""

from __future__ import annotations

from pathlib import Path

from dyad.evaluate.run import evaluate

TESTS = Path(__file__).resolve().parents[1]
GOLD = TESTS / "gold" / "webdev"
DOCS = TESTS / "data" / "webdev"

# Floors = the last measured scores minus 0.02, rounded down to two decimals (first scored at
# strict F1 0.5665 when the set was added; raised with the fixes it prompted). Floors may only rise.
STRICT_F1_FLOOR = 0.64  # measured 0.6667
RELAXED_F1_FLOOR = 0.70  # measured 0.7283


def test_every_webdev_gold_file_has_its_document():
    golds = sorted(p.stem for p in GOLD.glob("*.jsonl"))
    assert golds == ["en_gbr_arg", "en_usa_chn", "ro_rou_fra", "ru_rus_fin", "ru_rus_kaz"]
    assert golds == sorted(p.stem for p in DOCS.glob("*.txt"))


def test_webdev_score_stays_above_its_floors():
    result, _ = evaluate(GOLD, DOCS)
    overall = result["overall"]
    assert overall["gold"] == 178
    assert overall["strict"]["f1"] >= STRICT_F1_FLOOR, overall
    assert overall["relaxed"]["f1"] >= RELAXED_F1_FLOOR, overall
