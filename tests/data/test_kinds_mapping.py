"""The kind mapping table (common/kinds.yaml) against its sources; docs/mapping.md cites them row by row.

Reference values below are copied from the sources, for the codes the table uses only:
- CAMEO2PLOVER: openeventdata/PLOVER CAMEO2PLOVER-2021.txt (header "PLOVER manual version Draft 0.8").
- MANUAL_*: openeventdata/PLOVER PLOVER_MANUAL.tex, DRAFT Version 0.8 (mode tables, quad category per type,
  general context table).
- GOLDSTEIN: GDELT's CAMEO.goldsteinscale.txt lookup (same values in the ICEWS CAMEO table for these codes).
"""

import pytest

from dyad.data import load_kinds

# DESIGN §3: the families are fixed whatever the mapping becomes.
DESIGN_FAMILIES = {
    "CONSULT": {"MEET", "VISIT", "NEGOTIATE"},
    "AGREE": {"PROPOSE", "SIGN_AGREEMENT", "RATIFY", "ESTABLISH_RELATIONS", "END_WAR"},
    "RUPTURE": {"TERMINATE_AGREEMENT", "SEVER_RELATIONS", "REJECT"},
    "SUPPORT": {"SUPPORT"},
    "VERBAL_CONFLICT": {"ACCUSE", "DEMAND", "THREATEN", "PROTEST"},
    "MATERIAL_COOPERATION": {"ECONOMIC_COOPERATION", "AID", "EASE_SANCTIONS", "WITHDRAW", "CEDE_TERRITORY"},
    "SANCTION": {"IMPOSE_SANCTIONS", "ARREST_EXPEL"},
    "FORCE": {"MOBILIZE", "DECLARE_WAR", "ATTACK", "OCCUPY"},
}

# The checked row of every kind: (PLOVER type, mode, CAMEO code, QuadClass, Goldstein intensity).
EXPECTED = {
    "MEET": ("CONSULT", "", "040", 1, 1.0),
    "VISIT": ("CONSULT", "visit", "042", 1, 1.9),
    "NEGOTIATE": ("CONSULT", "", "046", 1, 7.0),
    "PROPOSE": ("AGREE", "", "030", 1, 4.0),
    "SIGN_AGREEMENT": ("SUPPORT", "", "057", 1, 8.0),
    "RATIFY": ("SUPPORT", "", "057", 1, 8.0),
    "TERMINATE_AGREEMENT": ("SANCTION", "withdraw", "160", 4, -4.0),
    "ESTABLISH_RELATIONS": ("SUPPORT", "", "054", 1, 6.0),
    "SEVER_RELATIONS": ("SANCTION", "withdraw", "161", 4, -4.0),
    "SUPPORT": ("SUPPORT", "", "051", 1, 3.4),
    "ACCUSE": ("ACCUSE", "disapprove", "112", 3, -2.0),
    "DEMAND": ("REQUEST", "", "100", 3, -5.0),
    "REJECT": ("REJECT", "", "120", 3, -4.0),
    "THREATEN": ("THREATEN", "", "130", 3, -4.4),
    "PROTEST": ("ACCUSE", "disapprove", "114", 3, -2.0),
    "ECONOMIC_COOPERATION": ("COOPERATE", "", "061", 2, 6.4),
    "AID": ("AID", "", "070", 2, 7.0),
    "IMPOSE_SANCTIONS": ("COERCE", "restrict", "163", 4, -8.0),
    "EASE_SANCTIONS": ("RETREAT", "", "085", 2, 7.0),
    "MOBILIZE": ("MOBILIZE", "troops", "154", 4, -7.2),
    "DECLARE_WAR": ("ASSAULT", "", "190", 4, -10.0),
    "ATTACK": ("ASSAULT", "", "190", 4, -10.0),
    "OCCUPY": ("COERCE", "confiscate", "192", 4, -9.5),
    "CEDE_TERRITORY": ("RETREAT", "", "080", 2, 5.0),
    "WITHDRAW": ("RETREAT", "withdraw", "0874", 2, 10.0),
    "END_WAR": ("RETREAT", "ceasefire", "0871", 2, 9.0),
    "ARREST_EXPEL": ("COERCE", "arrest", "173", 4, -5.0),
}

# CAMEO code → (PLOVER type, mode) in CAMEO2PLOVER-2021.txt; "" where the table gives no mode.
CAMEO2PLOVER = {
    "030": ("AGREE", ""), "040": ("CONSULT", ""), "042": ("CONSULT", "visit"), "046": ("CONSULT", ""),
    "051": ("SUPPORT", ""), "054": ("SUPPORT", ""), "057": ("SUPPORT", ""), "061": ("COOPERATE", ""),
    "070": ("AID", ""), "080": ("CONCEDE", ""), "085": ("RETREAT", "ease"), "0871": ("RETREAT", "ceasefire"),
    "0874": ("RETREAT", "disarm"), "100": ("REQUEST", ""), "112": ("ACCUSE", "disapprove"),
    "114": ("ACCUSE", "allege"), "120": ("REJECT", ""), "130": ("THREATEN", ""), "154": ("MOBILIZE", "troops"),
    "160": ("SANCTION", ""), "161": ("SANCTION", "withdraw"), "163": ("COERCE", "restrict"),
    "173": ("COERCE", "arrest"), "190": ("ASSAULT", ""), "192": ("COERCE", "seize"),
}

# Where a row departs from CAMEO2PLOVER for its code, and the source it follows instead (docs/mapping.md).
TABLE_EXCEPTIONS = {
    "CEDE_TERRITORY": "manual: RETREAT covers ceding territory; CONCEDE is verbal (quad 1), CAMEO 08 is material",
    "EASE_SANCTIONS": "'ease' is not a RETREAT mode in the v0.8 manual; the table's own note says so",
    "WITHDRAW": "manual mode 'withdraw' is withdrawing forces; 'disarm' is giving up weapons",
    "TERMINATE_AGREEMENT": "160 has no mode; the manual's SANCTION 'withdraw' covers leaving an agreement or talks",
    "PROTEST": "manual: 'disapprove' is to complain; CAMEO 114 is 'Complain officially'",
    "OCCUPY": "'seize' is not a COERCE mode in the v0.8 manual; its 'confiscate' is",
}

# PLOVER v0.8 manual: the quad category of each type (its event-category sections) and each type's modes.
MANUAL_QUAD = {
    "AGREE": 1, "CONSULT": 1, "SUPPORT": 1, "CONCEDE": 1, "COOPERATE": 2, "AID": 2, "RETREAT": 2,
    "REQUEST": 3, "ACCUSE": 3, "REJECT": 3, "THREATEN": 3,
    "PROTEST": 4, "SANCTION": 4, "MOBILIZE": 4, "COERCE": 4, "ASSAULT": 4,
}
MANUAL_MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "return", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "THREATEN": {"restrict", "ban", "arrest", "relations", "expel", "territory", "violence"},
    "PROTEST": {"demo", "riot", "general", "strike", "hunger", "boycott", "obstruct"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"confiscate", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold"},
    "ASSAULT": {"abduct", "beat", "torture", "execute", "sexual", "assassinate", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "heavy-weapons", "cleansing", "massacre", "unconventional",
                "sideAB"},
}
MANUAL_CONTEXTS = {
    "military", "intelligence", "peacekeeping", "economic", "diplomatic", "resource", "disease",
    "enviro_disaster", "migration", "humanitarian", "asylum", "legal", "human_rights", "rights_freedoms", "gender",
    "lgbt", "terrorism", "human_security", "religion_ethnicity", "executive", "election", "legislative", "cbrn",
    "cyber", "political_institutions", "corruption", "crime", "illegal_drugs",
}

# GDELT CAMEO.goldsteinscale.txt for the codes used.
GOLDSTEIN = {
    "030": 4.0, "040": 1.0, "042": 1.9, "046": 7.0, "051": 3.4, "054": 6.0, "057": 8.0, "061": 6.4, "070": 7.0,
    "080": 5.0, "085": 7.0, "0871": 9.0, "0874": 10.0, "100": -5.0, "112": -2.0, "114": -2.0, "120": -4.0,
    "130": -4.4, "154": -7.2, "160": -4.0, "161": -4.0, "163": -8.0, "173": -5.0, "190": -10.0, "192": -9.5,
}


def cameo_quad_class(code: str) -> int:
    """The CAMEO/ICEWS QuadClass of a code's two-digit root: 01–05, 06–08, 09–13, 14–20."""
    root = int(code[:2])
    assert 1 <= root <= 20, code
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def test_every_design_kind_is_present_with_its_family():
    kinds = load_kinds()
    in_design = {kind: family for family, members in DESIGN_FAMILIES.items() for kind in members}
    assert len(in_design) == 27
    assert set(kinds) == set(in_design)
    assert {name: k.family for name, k in kinds.items()} == in_design


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_row_has_every_field_and_its_checked_values(name):
    k = load_kinds()[name]
    assert k.plover and k.cameo and k.family and k.context
    assert isinstance(k.plover_mode, str) and isinstance(k.symmetric, bool)
    assert isinstance(k.quad_class, int) and isinstance(k.intensity, float)
    assert (k.plover, k.plover_mode, k.cameo, k.quad_class, k.intensity) == EXPECTED[name]


def test_cameo_codes_are_two_to_four_digits_under_a_root_of_01_to_20():
    for k in load_kinds().values():
        assert k.cameo.isdigit() and 2 <= len(k.cameo) <= 4, k.name
        assert 1 <= int(k.cameo[:2]) <= 20, k.name


def test_quad_class_is_that_of_the_cameo_root():
    for k in load_kinds().values():
        assert k.quad_class == cameo_quad_class(k.cameo), k.name
    assert [cameo_quad_class(c) for c in ("057", "061", "0874", "114", "130", "141", "163", "192")] == [
        1, 2, 2, 3, 3, 4, 4, 4]


def test_intensity_is_the_goldstein_value_of_the_code_and_its_sign_follows_the_quad_class():
    for k in load_kinds().values():
        assert k.intensity == GOLDSTEIN[k.cameo], k.name
        assert -10 <= k.intensity <= 10, k.name
        if k.quad_class in (1, 2):
            assert k.intensity >= 0, f"{k.name}: cooperation with a negative Goldstein value"
        else:
            assert k.intensity <= 0, f"{k.name}: conflict with a positive Goldstein value"


def test_plover_type_and_mode_follow_cameo2plover_except_where_the_manual_says_otherwise():
    departures = set()
    for k in load_kinds().values():
        if (k.plover, k.plover_mode) != CAMEO2PLOVER[k.cameo]:
            departures.add(k.name)
    assert departures == set(TABLE_EXCEPTIONS)
    assert load_kinds()["CEDE_TERRITORY"].plover == "RETREAT" and CAMEO2PLOVER["080"][0] == "CONCEDE"


def test_plover_type_mode_and_context_are_the_v0_8_manuals_and_agree_with_the_quad_class():
    for k in load_kinds().values():
        assert k.plover in MANUAL_QUAD, k.name
        assert MANUAL_QUAD[k.plover] == k.quad_class, k.name
        assert k.plover_mode == "" or k.plover_mode in MANUAL_MODES.get(k.plover, set()), k.name
        assert k.context in MANUAL_CONTEXTS, k.name
