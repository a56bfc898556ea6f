"""The organisation register: one name per organisation, actor types, and nothing guessed."""

from pathlib import Path

import pytest

from analysis.base.errors import InputError
from analysis.coding.organisations import canonical_columns, load_register


@pytest.fixture(scope="module")
def register():
    return load_register()


@pytest.mark.parametrize(
    "written, name, actor_type",
    [
        ("ASD", "Arbeids- og sosialdepartementet", "government"),
        ("ASD/Velferdspolitisk avdeling", "Arbeids- og sosialdepartementet", "government"),
        ("ASD/Arbeidsmarkedsavdelingen", "Arbeids- og sosialdepartementet", "government"),
        ("Arbeids- og sosialdepartementet", "Arbeids- og sosialdepartementet", "government"),
        ("ASD/En ny seksjon", "Arbeids- og sosialdepartementet", "government"),  # sub-unit falls back
        ("Arbeids- og velferdsdirektoratet", "Arbeids- og velferdsdirektoratet", "agency"),
        ("KREM Kreativt og Mangfoldig arbeidsliv", "KREM Kreativt og Mangfoldig arbeidsliv", "civil_society"),
        ("KREM", "KREM Kreativt og Mangfoldig arbeidsliv", "civil_society"),
        ("Bydelsmødre", "Bydelsmødre", "civil_society"),
        ("velferdsalliansen", "Velferdsalliansen", "civil_society"),
        ("Batteriet  Oslo", "Batteriet Oslo", "civil_society"),
    ],
)
def test_aliases_resolve(register, written: str, name: str, actor_type: str) -> None:
    found = register.lookup(written)
    assert (found.name, found.actor_type) == (name, actor_type)


def test_every_organisation_in_the_corpus_is_registered(built) -> None:
    assert built[1].tables["unregistered_organisations"].empty
    for table in ("attendees", "segments"):
        rows = built[1].tables[table]
        written = rows[rows["organisation"] != ""]
        assert (written["organisation_canonical"] != "").all() and (written["actor_type"] != "").all()


def test_unknown_names_are_listed_not_guessed(register) -> None:
    names, types, unknown = canonical_columns(["ASD", "Fontenehuset", "", "KREMMERHUSET"], register)
    assert names == ["Arbeids- og sosialdepartementet", "", "", ""]
    assert types == ["government", "", "", ""]
    assert unknown == ["Fontenehuset", "KREMMERHUSET"]


@pytest.mark.parametrize(
    "content, message",
    [
        ("organisation,actor_type,aliases\nA,ministry,A\n", "actor_type 'ministry'"),
        ("organisation,actor_type,aliases\nA,government,X\nB,agency,X\n", "alias 'X' also belongs to A"),
        ("organisation,aliases\nA,A\n", "header lacks column(s) actor_type"),
    ],
)
def test_broken_register_is_refused(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "organisations.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_register(path)
    assert message in error.value.line()
