"""Held-out check: dyad on country pairs other than Russia–Japan (12 documents, en/ro/ru).

Documents: tests/data/other_pairs/; gold: tests/gold/other_pairs/ (DESIGN §6 format). Nothing in
dyad's lexicons was written for these texts, so this score says how far the extractor carries to
pairs it was not built on (USA–JPN, CHN–IND, DEU–FRA, ROU–HUN, ROU–RUS, ROU–MDA, RUS–CHN,
RUS–USA, RUS–UKR; and GRC–TUR, BGR–ROU, ARM–AZE, added on 7 December 2026 and scored blind before
any change was made for them: strict F1 0.692, en 0.727 / ro 0.700 / ru 0.640).
"""

from __future__ import annotations

from pathlib import Path

from dyad.evaluate.run import evaluate

TESTS = Path(__file__).resolve().parents[1]
GOLD = TESTS / "gold" / "other_pairs"
DOCS = TESTS / "data" / "other_pairs"

# Floors = the last measured scores minus 0.02, rounded down to two decimals (set at strict F1
# 0.4781 / relaxed 0.5296; raised after dyadic filtering to 0.5322 / 0.5882, then to 0.6940 /
# 0.7518, 0.7429 / 0.7762, 0.8047 / 0.8326 and, with the three documents added, 0.8180 / 0.8454, then
# 0.8279 / 0.8511, 0.8516 / 0.8632, 0.8555 / 0.8671, 0.8588 / 0.8704 and 0.8902 / 0.9062). The
# floors may only rise: when the extractor gets better, raise them; never lower them to make a change pass.
STRICT_F1_FLOOR = 0.88  # measured 0.9044
RELAXED_F1_FLOOR = 0.89  # measured 0.9124


def test_every_gold_file_has_its_document():
    golds = sorted(p.stem for p in GOLD.glob("*.jsonl"))
    assert len(golds) == 12
    assert golds == sorted(p.stem for p in DOCS.glob("*.txt"))


def test_other_pairs_score_stays_above_its_floors():
    result, _ = evaluate(GOLD, DOCS)
    overall = result["overall"]
    assert overall["gold"] == 257
    assert overall["strict"]["f1"] >= STRICT_F1_FLOOR, overall
    assert overall["relaxed"]["f1"] >= RELAXED_F1_FLOOR, overall
