import json
import subprocess
import sys

import pytest

from dyad.evaluate.scoring import date_strict, item, parse_edtf, score_document

from ..conftest import REPO, SHARED


def test_finer_prediction_matches_coarser_gold_but_not_the_reverse():
    assert date_strict(parse_edtf("1907"), parse_edtf("1907-07-30"))
    assert not date_strict(parse_edtf("1907-07-30"), parse_edtf("1907"))


def test_gold_range_is_matched_by_any_date_inside():
    assert date_strict(parse_edtf("1918/1922"), parse_edtf("1920-05"))
    assert not date_strict(parse_edtf("1918/1922"), parse_edtf("1923"))


def test_season_code_covers_its_months():
    s, e, _, _ = parse_edtf("1935-22")
    assert (s.isoformat(), e.isoformat()) == ("1935-06-01", "1935-08-31")


def test_symmetric_pair_matches_in_either_order_and_repeats_count_once():
    gold = [item("SIGN_AGREEMENT", "JPN", "RUS", "1855", "asserted")]
    preds = [item("SIGN_AGREEMENT", "RUS", "JPN", "1855-02-07", "asserted"),
             item("SIGN_AGREEMENT", "RUS", "JPN", "1855-02-07", "asserted")]
    s = score_document(gold, preds)
    assert (s.strict_tp, s.predicted) == (1, 1)


def test_relaxed_match_needs_family_and_actor_set():
    gold = [item("VISIT", "RUS", "JPN", "1991", "asserted")]
    s = score_document(gold, [item("MEET", "JPN", "RUS", "1991-04", "asserted")])
    assert (s.strict_tp, s.relaxed_tp, s.actor_ok) == (0, 1, 0)


@pytest.mark.skipif(not (SHARED / "scoring" / "score_events.py").exists(), reason="shared/ not beside the repo")
def test_dyad_evaluate_agrees_with_the_reference_scorer_on_the_seeds():
    dyad = str(REPO / ".venv" / "bin" / "dyad")
    ours = json.loads(subprocess.run([dyad, "evaluate", "--gold", str(SHARED / "gold"), "--docs",
                                      str(SHARED / "seeds"), "--format", "json"],
                                     capture_output=True, text=True, check=True).stdout)
    ref = json.loads(subprocess.run([sys.executable, str(SHARED / "scoring" / "score_events.py"), str(SHARED / "gold"),
                                     str(SHARED / "seeds"), "--dyad", dyad], capture_output=True, text=True,
                                    check=True).stdout)
    for key in ("gold", "predicted", "strict", "relaxed", "date_accuracy", "actor_accuracy"):
        assert ours["overall"][key] == ref["overall"][key], key
