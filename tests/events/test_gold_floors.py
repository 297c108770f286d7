"""Scores on the bundled sample corpus and on the development seeds, kept as floors.

The floors are the measured scores minus 0.02, rounded down; they may only rise. The seeds live in
../shared (beside the repository in development and CI); the test skips where they are absent.
"""

from __future__ import annotations

import pytest

from dyad.evaluate.run import evaluate

from ..conftest import REPO, SAMPLE, SHARED

FLOORS = {  # set: (strict F1, relaxed F1, date accuracy, actor accuracy)
    "sample": (0.88, 0.89, 0.98, 0.98),  # measured 0.9083 / 0.9126 / 1.0000 / 1.0000
    "seeds": (0.64, 0.70, 0.94, 0.95),  # measured 0.6657 / 0.7245 / 0.9588 / 0.9653
}


def _check(result: dict, floors: tuple[float, float, float, float]) -> None:
    o = result["overall"]
    got = (o["strict"]["f1"], o["relaxed"]["f1"], o["date_accuracy"], o["actor_accuracy"])
    assert all(g >= f for g, f in zip(got, floors, strict=True)), (got, floors)


def test_sample_corpus_scores_stay_above_their_floors():
    result, _ = evaluate(REPO / "tests" / "gold" / "sample", SAMPLE)
    assert result["overall"]["gold"] == 236
    _check(result, FLOORS["sample"])


@pytest.mark.skipif(not (SHARED / "gold").exists(), reason="shared/ not beside the repo")
def test_development_seed_scores_stay_above_their_floors():
    result, _ = evaluate(SHARED / "gold", SHARED / "seeds")
    _check(result, FLOORS["seeds"])
