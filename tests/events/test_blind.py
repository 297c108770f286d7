"""Held-out check on realistic text: four long, noisy web-style documents (ro Romania–Ukraine,
ru Russia–Georgia, en India–Pakistan, ru Russia–Turkey) written and annotated by a helper who
neither ran dyad on them nor read its extractor (tests/gold/blind/README.md).

This is the fairest estimate of quality on documents nobody has seen, so the rule is stricter
than for the other sets: no change to the extractor is made *because of* a miss here. The score
moves only with changes made for other reasons; the floors record it.
"""

from __future__ import annotations

from pathlib import Path

from dyad.evaluate.run import evaluate

TESTS = Path(__file__).resolve().parents[1]
GOLD = TESTS / "gold" / "blind"
DOCS = TESTS / "data" / "blind"

# Floors = the last measured scores minus 0.02, rounded down to two decimals. Scored first on
# main at f942f50 (before the set existed): strict F1 0.5281, relaxed 0.6517. Floors may only rise.
STRICT_F1_FLOOR = 0.59  # measured 0.6122 (0.5281 first; risen only through changes made for other sets)
RELAXED_F1_FLOOR = 0.69  # measured 0.7114


def test_every_blind_gold_file_has_its_document():
    golds = sorted(p.stem for p in GOLD.glob("*.jsonl"))
    assert golds == ["en_ind_pak", "ro_rou_ukr", "ru_rus_geo", "ru_rus_tur"]
    assert golds == sorted(p.stem for p in DOCS.glob("*.txt"))


def test_blind_score_stays_above_its_floors():
    result, _ = evaluate(GOLD, DOCS)
    overall = result["overall"]
    assert overall["gold"] == 171
    assert overall["strict"]["f1"] >= STRICT_F1_FLOOR, overall
    assert overall["relaxed"]["f1"] >= RELAXED_F1_FLOOR, overall
