"""Every language's data files load, validate, and cover what the stages need."""

import pytest

from dyad.data import DataError, load_kinds, load_language
from dyad.data.check import main as check_main
from dyad.lang import SUPPORTED

FAMILIES = {"CONSULT", "AGREE", "RUPTURE", "SUPPORT", "VERBAL_CONFLICT", "MATERIAL_COOPERATION", "SANCTION", "FORCE"}


def test_kind_table_follows_design_families_and_scales():
    kinds = load_kinds()
    assert len(kinds) == 27
    for k in kinds.values():
        assert k.family in FAMILIES
        assert -10 <= k.intensity <= 10
        assert k.quad_class in (1, 2, 3, 4)
    assert {k for k, v in kinds.items() if v.symmetric} == {
        "MEET", "NEGOTIATE", "SIGN_AGREEMENT", "ESTABLISH_RELATIONS", "END_WAR", "ECONOMIC_COOPERATION"}


@pytest.mark.parametrize("code", sorted(SUPPORTED))
def test_every_kind_has_triggers_in_every_language(code):
    data = load_language(code)
    covered = {p.payload.kind for p in data.triggers.patterns} - {""}  # "": triggers.yaml `not_events`
    assert covered == set(load_kinds()), f"{code} lacks triggers for {set(load_kinds()) - covered}"


@pytest.mark.parametrize("code", sorted(SUPPORTED))
def test_every_language_has_months_and_cues(code):
    data = load_language(code)
    assert sorted(set(data.months.values())) == list(range(1, 13))
    assert data.modality["negated"].patterns
    assert data.compound_prefixes


def test_data_check_passes():
    assert check_main() == 0


def test_a_malformed_pattern_is_reported_with_its_file(tmp_path, monkeypatch):
    import dyad.data as d

    (tmp_path / "xx").mkdir()
    (tmp_path / "xx" / "triggers.yaml").write_text("ATTACK:\n  - '... war'\n")
    monkeypatch.setattr(d, "DATA_DIR", tmp_path)
    d.load_language.cache_clear()
    try:
        with pytest.raises(DataError, match="triggers.yaml"):
            d.load_language("xx")
    finally:
        d.load_language.cache_clear()
