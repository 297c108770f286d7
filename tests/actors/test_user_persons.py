"""Users add people with dated roles from CSV/TSV files (DYAD_PERSONS, DYAD_DATA_DIR); titles and names
then resolve through them like through dyad's own table."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from dyad.data import DataError, holder_of, load_persons, reload_persons
from dyad.model import DocumentMeta
from dyad.pipeline import process

CSV = """id,names_en,names_ro,names_ru,country,sector,title,from,to
Ion Popescu,Ion Popescu; I. Popescu,Ion Popescu,Ион Попеску,ROU,GOV,Minister of Foreign Affairs,2029-03-01,2032-06-30
Ion Popescu,,,,ROU,GOV,Prime Minister,2032-06-30,
Aiko Tanabe,Aiko Tanabe,Aiko Tanabe,Айко Танабэ,JPN,GOV,Minister of Foreign Affairs,2030-01-15,2031
"""

TSV = ("names_en\tnames_ru\tcountry\tsector\ttitle\tfrom\tto\n"
       "Piotr Kowalczyk\tПётр Ковальчик\tPOL\tMIL\tChief of the General Staff\t2030\t\n"
       "Piotr Kowalczyk\t\tPOL\tGOV\tMinister of Defence\t2033-05\t\n")


@pytest.fixture
def user_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    (tmp_path / "ministers.csv").write_text(CSV, encoding="utf-8")
    (tmp_path / "generals.tsv").write_text(TSV, encoding="utf-8")
    monkeypatch.setenv("DYAD_PERSONS", str(tmp_path))
    monkeypatch.delenv("DYAD_DATA_DIR", raising=False)
    reload_persons()
    yield tmp_path
    monkeypatch.delenv("DYAD_PERSONS")
    reload_persons()


def test_csv_and_tsv_people_load_with_their_dated_roles(user_table: Path) -> None:
    people = load_persons()
    popescu = people["Ion Popescu"]
    assert [(r.title, r.start, r.end) for r in popescu.roles] == [
        ("Minister of Foreign Affairs", "2029-03-01", "2032-06-30"), ("Prime Minister", "2032-06-30", None)]
    kowalczyk = people["Piotr Kowalczyk"]  # no id column: the English name is the id
    assert [(r.country, r.sector, r.start) for r in kowalczyk.roles] == [("POL", "MIL", "2030-01-01"),
                                                                          ("POL", "GOV", "2033-05-01")]
    assert people["Aiko Tanabe"].roles[0].end == "2031-01-01"
    assert "Vladimir Putin" in people  # dyad's own table is still there


def test_a_title_resolves_to_a_user_added_minister_at_the_date(user_table: Path) -> None:
    assert holder_of("ROU", "Minister of Foreign Affairs", "2030-05-01").id == "Ion Popescu"
    assert holder_of("ROU", "Prime Minister", "2033-01-01").id == "Ion Popescu"
    assert holder_of("JPN", "Minister of Foreign Affairs", "2030-05-01").id == "Aiko Tanabe"
    doc = process("În 2030, ministrul de externe român a vizitat Japonia.", DocumentMeta("t.txt", language="ro"))
    assert (doc.events[0].source.person, doc.events[0].source.code) == ("Ion Popescu", "ROU")


def test_a_user_added_name_is_found_in_every_case_and_takes_the_role_held_then(user_table: Path) -> None:
    doc = process("В 2031 году Японию посетил Ион Попеску.", DocumentMeta("t.txt", language="ru"))
    assert [(a.text, a.actor.person) for a in doc.actors if a.kind == "person"] == [("Ион Попеску", "Ion Popescu")]
    doc = process("В 2034 году министр Пётр Ковальчик посетил Японию; Японией был приглашён Петра Ковальчика.",
                  DocumentMeta("t.txt", language="ru"))
    assert {a.actor.person for a in doc.actors if a.kind == "person"} == {"Piotr Kowalczyk"}


@pytest.mark.parametrize("row,message", [
    ("X Y,X Y,,,RUSSIA,GOV,President,2030,", "t.csv:2: country 'RUSSIA'"),
    ("X Y,X Y,,,RUS,ARMY,President,2030,", "t.csv:2: sector 'ARMY'"),
    ("X Y,X Y,,,RUS,GOV,President,May 2030,", "t.csv:2: column 'from': 'May 2030' is not a date"),
    ("X Y,X Y,,,RUS,GOV,President,2030,2029", "t.csv:2: 'to' (2029-01-01) is not after 'from'"),
    ("X Y,X Y,,,RUS,GOV,,2030,", "t.csv:2: the title is empty"),
])
def test_a_bad_row_is_an_error_naming_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     row: str, message: str) -> None:
    (tmp_path / "t.csv").write_text(CSV.splitlines()[0] + "\n" + row + "\n", encoding="utf-8")
    monkeypatch.setenv("DYAD_PERSONS", str(tmp_path / "t.csv"))
    reload_persons()
    try:
        with pytest.raises(DataError, match=message.replace("(", r"\(").replace(")", r"\)")):
            load_persons()
    finally:
        monkeypatch.delenv("DYAD_PERSONS")
        reload_persons()


def test_data_dir_persons_file_is_read_and_a_missing_named_file_is_an_error(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "persons.tsv").write_text(TSV, encoding="utf-8")
    monkeypatch.setenv("DYAD_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DYAD_PERSONS", raising=False)
    reload_persons()
    try:
        assert "Piotr Kowalczyk" in load_persons()
        monkeypatch.setenv("DYAD_PERSONS", str(tmp_path / "absent.csv"))
        reload_persons()
        with pytest.raises(DataError, match="absent.csv: no such person file"):
            load_persons()
    finally:
        monkeypatch.delenv("DYAD_DATA_DIR")
        monkeypatch.delenv("DYAD_PERSONS", raising=False)
        reload_persons()
