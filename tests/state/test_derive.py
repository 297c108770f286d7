from dyad.state.derive import index, state_at


def ce(id_, kind, src, tgt, start, agreement=None, territory=None, modality="asserted", intensity=0.0, quad=1):
    return {"id": id_, "kind": kind, "source_code": src, "target_code": tgt, "date_start": start,
            "date_end": start, "agreement": agreement, "territory": territory, "modality": modality,
            "intensity": intensity, "quad_class": quad}


HISTORY = [
    ce("shimoda", "ESTABLISH_RELATIONS", "JPN", "RUS", "1855-02-07", agreement="Treaty of Shimoda"),
    ce("spb", "CEDE_TERRITORY", "JPN", "RUS", "1875-05-07", territory="Sakhalin"),
    ce("war04", "DECLARE_WAR", "JPN", "RUS", "1904-02-10", intensity=-10.0, quad=4),
    ce("ports", "END_WAR", "JPN", "RUS", "1905-09-05", agreement="Treaty of Portsmouth"),
    ce("portsR", "ESTABLISH_RELATIONS", "JPN", "RUS", "1905-09-05"),
    ce("ports_cede", "CEDE_TERRITORY", "RUS", "JPN", "1905-09-05", territory="South Sakhalin"),
    ce("war45", "DECLARE_WAR", "RUS", "JPN", "1945-08-08", intensity=-10.0, quad=4),
    ce("occ", "OCCUPY", "RUS", "JPN", "1945-08-25", territory="South Sakhalin; Kuril Islands"),
    ce("surr", "END_WAR", "JPN", "RUS", "1945-09-02"),
    ce("claim", "DEMAND", "JPN", "RUS", "1951-09-08", territory="South Kuril Islands"),
    ce("decl", "END_WAR", "JPN", "RUS", "1956-10-19", agreement="Soviet–Japanese Joint Declaration (1956)"),
    ce("rel56", "ESTABLISH_RELATIONS", "JPN", "RUS", "1956-10-19"),
    ce("cede_cond", "CEDE_TERRITORY", "RUS", "JPN", "1956-10-19", territory="Habomai; Shikotan",
       modality="conditional"),
]


def test_state_before_the_war_of_1904():
    s = state_at(HISTORY, "RUS", "JPN", "1900-01-01")
    assert s["relations"]["status"] == "established"
    assert (s["war"]["hostilities"], s["war"]["legal_state_of_war"]) == (False, False)
    south = next(t for t in s["territories"] if t["name"] == "South Sakhalin")
    assert south["controller"] == "RUS" and south["events"] == ["spb"]  # set by the cession of the whole island


def test_after_the_surrender_of_1945_the_legal_state_of_war_continues():
    s = state_at(HISTORY, "RUS", "JPN", "1946-01-01")
    assert s["relations"]["status"] == "severed"
    assert s["war"]["hostilities"] is False and s["war"]["legal_state_of_war"] is True
    terr = {t["name"]: t["controller"] for t in s["territories"]}
    assert terr["South Sakhalin"] == "RUS" and terr["Kuril Islands"] == "RUS"


def test_the_joint_declaration_ends_the_legal_state_of_war_and_restores_relations():
    s = state_at(HISTORY, "RUS", "JPN", "1957-01-01")
    assert s["relations"] == {"status": "established", "since": "1956-10-19", "events": ["rel56"]}
    assert s["war"]["legal_state_of_war"] is False
    terr = {t["name"]: t for t in s["territories"]}
    assert terr["Habomai"]["controller"] == "RUS"  # a conditional promise to transfer it changes nothing
    assert "cede_cond" not in terr["Habomai"]["events"]
    assert terr["South Kuril Islands"]["claimants"] == ["JPN"]
    assert terr["South Kuril Islands"]["controller"] == "RUS"  # from the occupation of the Kurils


def test_index_sums_intensities_per_year():
    rows = index(HISTORY)
    y1904 = next(r for r in rows if r["period"] == "1904")
    assert (y1904["score"], y1904["events"], y1904["conflict"]) == (-10.0, 1, 1)


def test_a_cession_told_later_counts_from_the_signing_of_the_treaty_that_made_it():
    events = [
        ce("sign", "SIGN_AGREEMENT", "JPN", "RUS", "1905-09-05", agreement="Treaty of Portsmouth"),
        ce("recall", "CEDE_TERRITORY", "RUS", "JPN", "1925-01-20", agreement="Treaty of Portsmouth",
           territory="South Sakhalin"),
    ]
    south = state_at(events, "RUS", "JPN", "1906-01-01")["territories"][0]
    assert (south["controller"], south["since"], south["events"]) == ("JPN", "1905-09-05", ["recall"])


def test_an_undated_cession_under_a_known_treaty_counts_from_the_treaty_year():
    events = [ce("x", "CEDE_TERRITORY", "RUS", "JPN", None, agreement="Treaty of Saint Petersburg (1875)",
                 territory="Kuril Islands")]
    kurils = state_at(events, "RUS", "JPN", "1900-01-01")["territories"][0]
    assert (kurils["controller"], kurils["since"]) == ("JPN", "1875-01-01")


def test_a_treaty_one_side_never_signed_does_not_end_its_state_of_war():
    events = HISTORY[:9] + [ce("sf", "END_WAR", "JPN", "RUS", "1951-09-08", agreement="Treaty of San Francisco")]
    s = state_at(events, "RUS", "JPN", "1952-01-01")
    assert s["war"]["legal_state_of_war"] is True and s["relations"]["status"] == "severed"


def test_a_peace_that_ends_the_state_of_war_restores_the_relations_the_war_severed():
    events = [ce("rel", "ESTABLISH_RELATIONS", "JPN", "RUS", "1855-02-07"),
              ce("war", "DECLARE_WAR", "JPN", "RUS", "1904-02-10"),
              ce("peace", "END_WAR", "JPN", "RUS", "1905-09-05", agreement="Treaty of Portsmouth")]
    assert state_at(events, "RUS", "JPN", "1904-06-01")["relations"]["status"] == "severed"
    assert state_at(events, "RUS", "JPN", "1906-01-01")["relations"] == {
        "status": "established", "since": "1905-09-05", "events": ["peace"]}


def test_an_event_dated_only_by_its_century_changes_no_state():
    events = [dict(ce("c", "OCCUPY", "RUS", None, "1900-01-01", territory="Sakhalin"), date_precision="century")]
    assert state_at(events, "RUS", "JPN", "1950-01-01")["territories"] == []


def test_a_claim_on_a_part_makes_a_claimant_of_the_whole_but_control_of_a_part_does_not_move_the_whole():
    events = [
        ce("occ", "OCCUPY", "RUS", "JPN", "1945-08-25", territory="Kuril Islands"),
        ce("claim", "DEMAND", "JPN", "RUS", "1951-09-08", territory="Habomai; Shikotan"),
        ce("give", "CEDE_TERRITORY", "RUS", "JPN", "1960-01-01", territory="Shikotan"),
    ]
    got = {t["name"]: (t["controller"], t["claimants"], t["events"])
           for t in state_at(events, "RUS", "JPN", "1970-01-01")["territories"]}
    assert got["Kuril Islands"] == ("RUS", ["JPN"], ["occ", "claim"])
    assert got["Shikotan"] == ("JPN", [], ["occ", "claim", "give"])
    assert got["Habomai"] == ("RUS", ["JPN"], ["occ", "claim"])
