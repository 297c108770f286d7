"""Development checks on realistic text: long, noisy web-style documents with their gold, in three
sets written at different times by different hands (tests/gold/webdev/README.md,
tests/gold/webdev2/README.md, tests/gold/webdev3/README.md). Unlike the blind set, these may be
studied and tuned to; like the seeds, they show what dyad does on web text, and they are the
development sets for English.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from dyad.evaluate.run import evaluate

TESTS = Path(__file__).resolve().parents[1]


class DevSet(NamedTuple):
    documents: list[str]
    gold_events: int
    strict_f1_floor: float
    relaxed_f1_floor: float


# Floors = the last measured scores minus 0.02, rounded down to two decimals. Floors may only rise.
SETS = {
    # first scored at strict F1 0.5665 when the set was added; raised with the fixes it prompted
    "webdev": DevSet(["en_gbr_arg", "en_usa_chn", "ro_rou_fra", "ru_rus_fin", "ru_rus_kaz"],
                     178, 0.80, 0.83),  # measured 0.8212 / 0.8547
    # first scored at strict F1 0.4718 / relaxed 0.5511 when the set was added
    "webdev2": DevSet(["en_isr_egy", "en_jpn_kor", "ro_rou_deu", "ro_rou_pol", "ru_rus_irn", "ru_rus_pol"],
                      236, 0.73, 0.77),  # measured 0.7586 / 0.7931
    # first scored at strict F1 0.5191 / relaxed 0.6596 when the set was added (half of its documents
    # are news digests rather than history overviews)
    "webdev3": DevSet(["en_gbr_irl", "en_usa_cub", "ro_rou_tur", "ro_rou_usa", "ru_rus_deu", "ru_rus_prk"],
                      246, 0.73, 0.81),  # measured 0.7568 / 0.8316
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_every_gold_file_has_its_document(name: str):
    golds = sorted(p.stem for p in (TESTS / "gold" / name).glob("*.jsonl"))
    assert golds == SETS[name].documents
    assert golds == sorted(p.stem for p in (TESTS / "data" / name).glob("*.txt"))


@pytest.mark.parametrize("name", sorted(SETS))
def test_score_stays_above_its_floors(name: str):
    expected = SETS[name]
    result, _ = evaluate(TESTS / "gold" / name, TESTS / "data" / name)
    overall = result["overall"]
    assert overall["gold"] == expected.gold_events
    assert overall["strict"]["f1"] >= expected.strict_f1_floor, overall
    assert overall["relaxed"]["f1"] >= expected.relaxed_f1_floor, overall
