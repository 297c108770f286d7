from dyad.merge.canonical import merge_events


def ev(id_, kind, src, tgt, value, start, end, precision, doc="d1", agreement=None, modality="asserted"):
    return {"id": id_, "doc_id": doc, "kind": kind, "source_code": src, "target_code": tgt, "date_value": value,
            "date_start": start, "date_end": end, "date_precision": precision, "agreement": agreement,
            "territory": None, "modality": modality, "quad_class": 1, "intensity": 8.0}


def test_year_and_day_of_one_signing_merge_and_the_day_wins():
    rows, members = merge_events([
        ev("a", "SIGN_AGREEMENT", "RUS", "JPN", "1855", "1855-01-01", "1855-12-31", "year", doc="d1"),
        ev("b", "SIGN_AGREEMENT", "JPN", "RUS", "1855-02-07", "1855-02-07", "1855-02-07", "day", doc="d2"),
    ])
    assert len(rows) == 1
    assert (rows[0]["date_value"], rows[0]["n_sources"], rows[0]["n_mentions"]) == ("1855-02-07", 2, 2)
    assert not rows[0]["date_conflict"]
    assert sorted(m for _, m in members) == ["a", "b"]


def test_different_years_stay_apart():
    rows, _ = merge_events([
        ev("a", "ATTACK", "JPN", "RUS", "1904", "1904-01-01", "1904-12-31", "year"),
        ev("b", "ATTACK", "JPN", "RUS", "1905", "1905-01-01", "1905-12-31", "year"),
    ])
    assert len(rows) == 2


def test_days_a_few_apart_are_one_event_with_a_date_conflict():
    rows, _ = merge_events([
        ev("a", "ATTACK", "JPN", "RUS", "1904-02-08", "1904-02-08", "1904-02-08", "day", doc="d1"),
        ev("b", "ATTACK", "JPN", "RUS", "1904-02-09", "1904-02-09", "1904-02-09", "day", doc="d2"),
    ])
    assert len(rows) == 1 and rows[0]["date_conflict"]


def test_same_named_treaty_with_different_years_is_a_conflict_not_two_treaties():
    rows, _ = merge_events([
        ev("a", "SIGN_AGREEMENT", "JPN", "RUS", "1925", "1925-01-01", "1925-12-31", "year",
           agreement="Soviet–Japanese Basic Convention"),
        ev("b", "SIGN_AGREEMENT", "JPN", "RUS", "1928", "1928-01-01", "1928-12-31", "year",
           agreement="Soviet–Japanese Basic Convention"),
    ])
    assert len(rows) == 1 and rows[0]["date_conflict"]


def test_meeting_and_talks_of_one_summit_merge():
    rows, _ = merge_events([
        ev("a", "MEET", "JPN", "RUS", "1991-04-18", "1991-04-18", "1991-04-18", "day"),
        ev("b", "NEGOTIATE", "JPN", "RUS", "1991-04", "1991-04-01", "1991-04-30", "month", doc="d2"),
    ])
    assert len(rows) == 1


def test_asserted_and_negated_never_merge():
    rows, _ = merge_events([
        ev("a", "SIGN_AGREEMENT", "JPN", "RUS", "1951", "1951-01-01", "1951-12-31", "year"),
        ev("b", "SIGN_AGREEMENT", "JPN", "RUS", "1951", "1951-01-01", "1951-12-31", "year", modality="negated"),
    ])
    assert len(rows) == 2


def with_fields(row, **fields):
    return {**row, **fields}


def test_visits_by_two_different_ministers_in_one_year_stay_two_events():
    rows, _ = merge_events([
        with_fields(ev("a", "VISIT", "JPN", "RUS", "2016", "2016-01-01", "2016-12-31", "year"),
                    source_person="Kishida"),
        with_fields(ev("b", "VISIT", "JPN", "RUS", "2016-05-06", "2016-05-06", "2016-05-06", "day", doc="d2"),
                    source_person="Abe"),
        with_fields(ev("c", "VISIT", "JPN", "RUS", "2016", "2016-01-01", "2016-12-31", "year", doc="d3"),
                    source_person="Abe"),
    ])
    assert sorted((r["date_value"], r["n_mentions"]) for r in rows) == [("2016", 1), ("2016-05-06", 2)]


def test_a_summit_told_with_one_leader_in_each_source_is_one_event():
    rows, _ = merge_events([
        with_fields(ev("a", "MEET", "JPN", "RUS", "2016-05-06", "2016-05-06", "2016-05-06", "day"),
                    source_person="Abe"),
        with_fields(ev("b", "MEET", "RUS", "JPN", "2016-05-06", "2016-05-06", "2016-05-06", "day", doc="d2"),
                    source_person="Putin"),
    ])
    assert len(rows) == 1


def test_an_event_about_a_part_merges_with_one_about_the_whole_but_not_with_another_territory():
    rows, _ = merge_events([
        with_fields(ev("a", "OCCUPY", "RUS", "JPN", "1945-08", "1945-08-01", "1945-08-31", "month"),
                    territory="Kuril Islands"),
        with_fields(ev("b", "OCCUPY", "RUS", "JPN", "1945", "1945-01-01", "1945-12-31", "year", doc="d2"),
                    territory="Habomai; Shikotan"),
        with_fields(ev("c", "OCCUPY", "RUS", "JPN", "1945-08", "1945-08-01", "1945-08-31", "month", doc="d3"),
                    territory="South Sakhalin"),
    ])
    assert sorted((r["territory"], r["n_mentions"]) for r in rows) == [("Kuril Islands", 2), ("South Sakhalin", 1)]


def test_nested_dates_are_no_conflict_however_many_sources_give_them():
    rows, _ = merge_events([
        ev("a", "ATTACK", "JPN", "RUS", "1904-02-08", "1904-02-08", "1904-02-08", "day"),
        ev("b", "ATTACK", "JPN", "RUS", "1904-02", "1904-02-01", "1904-02-29", "month", doc="d2"),
        ev("c", "ATTACK", "JPN", "RUS", "1904", "1904-01-01", "1904-12-31", "year", doc="d3"),
    ])
    assert [(r["n_mentions"], r["date_conflict"], r["date_value"]) for r in rows] == [(3, False, "1904-02-08")]


def test_a_date_wider_than_a_year_does_not_single_out_the_event_it_holds():
    rows, _ = merge_events([
        ev("a", "ATTACK", "JPN", "RUS", "1904-02-09", "1904-02-09", "1904-02-09", "day"),
        ev("b", "ATTACK", "JPN", "RUS", "1904/1905", "1904-01-01", "1905-12-31", "year", doc="d2"),
        ev("c", "ATTACK", "JPN", "RUS", "190X", "1900-01-01", "1909-12-31", "decade", doc="d3"),
        ev("d", "ATTACK", "JPN", "RUS", "1904/1905", "1904-01-01", "1905-12-31", "year", doc="d3"),
    ])
    # the war of 1904-1905 told by two documents is one event; neither it nor the decade is Port Arthur
    assert sorted((r["date_value"], r["n_mentions"], r["n_sources"]) for r in rows) == [
        ("1904-02-09", 1, 1), ("1904/1905", 2, 2), ("190X", 1, 1)]


def test_one_document_repeating_a_wide_date_tells_separate_events():
    rows, _ = merge_events([
        ev("a", "ATTACK", "JPN", "RUS", "1945/1991", "1945-01-01", "1991-12-31", "year", doc="d1"),
        ev("b", "ATTACK", "JPN", "RUS", "1945/1991", "1945-01-01", "1991-12-31", "year", doc="d1"),
    ])
    assert [r["n_mentions"] for r in rows] == [1, 1]


def test_a_wide_date_with_a_named_treaty_joins_that_treatys_event():
    rows, _ = merge_events([
        ev("a", "SIGN_AGREEMENT", "JPN", "RUS", "1925-01-20", "1925-01-20", "1925-01-20", "day",
           agreement="Soviet–Japanese Basic Convention"),
        ev("b", "SIGN_AGREEMENT", "JPN", "RUS", "192X", "1920-01-01", "1929-12-31", "decade", doc="d2",
           agreement="Soviet–Japanese Basic Convention"),
        ev("c", "SIGN_AGREEMENT", "JPN", "RUS", "192X", "1920-01-01", "1929-12-31", "decade", doc="d2"),
    ])
    assert sorted((r["date_value"], r["n_mentions"]) for r in rows) == [("1925-01-20", 2), ("192X", 1)]


def test_a_mention_naming_no_minister_does_not_join_two_ministers_visits():
    rows, _ = merge_events([
        ev("a", "VISIT", "RUS", "JPN", "2010-11-01", "2010-11-01", "2010-11-01", "day"),
        with_fields(ev("b", "VISIT", "RUS", "JPN", "2010-11", "2010-11-01", "2010-11-30", "month", doc="d2"),
                    source_person="Dmitry Medvedev"),
        with_fields(ev("c", "VISIT", "RUS", "JPN", "2010", "2010-01-01", "2010-12-31", "year", doc="d3"),
                    source_person="Sergey Lavrov"),
    ])
    # the day names nobody, the month names Medvedev: the event is Medvedev's, Lavrov's is another
    assert sorted((r["date_value"], r["n_mentions"]) for r in rows) == [("2010", 1), ("2010-11-01", 2)]


def test_an_undated_mention_joins_the_dated_event_that_names_the_same_treaty():
    rows, _ = merge_events([
        ev("a", "END_WAR", "JPN", "RUS", "1905-09-05", "1905-09-05", "1905-09-05", "day",
           agreement="Treaty of Portsmouth"),
        ev("b", "END_WAR", "JPN", "RUS", "1945-09-02", "1945-09-02", "1945-09-02", "day"),
        ev("c", "END_WAR", "JPN", "RUS", None, None, None, None, doc="d2", agreement="Treaty of Portsmouth"),
        ev("d", "END_WAR", "JPN", "RUS", None, None, None, None, doc="d2", agreement="Peace treaty"),
    ])
    told = {r["date_value"]: r["n_mentions"] for r in rows}
    assert told == {"1905-09-05": 2, "1945-09-02": 1, None: 1}  # the undated 'peace treaty' stays apart


def test_undated_mentions_stand_alone_unless_a_treaty_or_a_territory_names_their_event():
    rows, _ = merge_events([
        with_fields(ev("a", "CEDE_TERRITORY", "RUS", "JPN", "1875", "1875-01-01", "1875-12-31", "year"),
                    territory="Kuril Islands"),
        ev("b", "CEDE_TERRITORY", "RUS", "JPN", "1956", "1956-01-01", "1956-12-31", "year"),
        with_fields(ev("c", "CEDE_TERRITORY", "RUS", "JPN", None, None, None, None, doc="d2"),
                    territory="Kuril Islands"),
        ev("d", "ACCUSE", "JPN", "RUS", None, None, None, None, doc="d2"),
        ev("e", "ACCUSE", "JPN", "RUS", None, None, None, None, doc="d3"),
    ])
    assert sorted((r["kind"], r["date_value"] or "", r["n_mentions"]) for r in rows) == [
        ("ACCUSE", "", 1), ("ACCUSE", "", 1), ("CEDE_TERRITORY", "1875", 2), ("CEDE_TERRITORY", "1956", 1)]


def test_a_protocol_merges_with_the_treaty_it_is_part_of_but_not_with_another_treaty(monkeypatch):
    from dyad.merge import canonical

    real = canonical.load_hierarchy
    protocol = {"Protocol A": {"parties": ["JPN", "RUS"], "signed": 1925,
                               "part_of": "Soviet–Japanese Basic Convention"}}
    monkeypatch.setattr(canonical, "load_hierarchy",
                        lambda name: {**real(name), **(protocol if name == "agreements" else {})})
    for cached in (canonical._parents, canonical._agreement_line, canonical.specific_agreements):
        cached.cache_clear()
    try:
        rows, _ = merge_events([
            ev("a", "SIGN_AGREEMENT", "JPN", "RUS", "1925-01-20", "1925-01-20", "1925-01-20", "day",
               agreement="Soviet–Japanese Basic Convention"),
            ev("b", "SIGN_AGREEMENT", "JPN", "RUS", "1925", "1925-01-01", "1925-12-31", "year", doc="d2",
               agreement="Protocol A"),
            ev("c", "SIGN_AGREEMENT", "JPN", "RUS", "1925", "1925-01-01", "1925-12-31", "year", doc="d3",
               agreement="Soviet–Japanese Neutrality Pact"),
        ])
    finally:
        for cached in (canonical._parents, canonical._agreement_line, canonical.specific_agreements):
            cached.cache_clear()
    assert sorted((r["agreement"], r["n_mentions"]) for r in rows) == [
        ("Soviet–Japanese Basic Convention", 2), ("Soviet–Japanese Neutrality Pact", 1)]
