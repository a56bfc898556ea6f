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


def test_many_unregistered_organisations_are_named_up_to_ten_then_counted() -> None:
    """A new corpus can write hundreds of organisations the register lacks: the ten most written are named,
    the rest counted, and the table keeps every one."""
    import pandas as pd

    from analysis.pipeline.build import MAX_NAMED_UNREGISTERED, unregistered_table

    few = pd.DataFrame({"meeting_id": ["m1", "m2"], "organisation": ["Blå Kors", "Fontenehuset"], "n_rows": [1, 2]})
    table, warnings = unregistered_table(few)
    assert [w.split("'")[1] for w in warnings] == ["Blå Kors", "Fontenehuset"] and len(table) == 2

    names = [f"Forening {n:02d}" for n in range(25)]
    many = pd.DataFrame({"meeting_id": "m1", "organisation": names, "n_rows": range(1, 26)})
    table, warnings = unregistered_table(many)
    assert len(table) == 25 and len(warnings) == MAX_NAMED_UNREGISTERED + 1
    assert [w.split("'")[1] for w in warnings[:-1]] == names[::-1][:MAX_NAMED_UNREGISTERED]  # most written first
    assert warnings[-1].startswith("15 more organisations are not in data/organisations.csv")
