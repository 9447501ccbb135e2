"""People and organisations: one identity per person, conservative merges, reviewed aliases, suppression."""
import datetime as dt

import pandas as pd
import pytest

from pipelines.organisations import canonical_organisation
from pipelines.people import person_key, person_kind, resolve_people
from pipelines.store import DatasetStore

from test_store import URL, read, write_run


def row(name, party=None, org=None, role=None, n=1):
    return {"name": name, "party": party, "organization": org, "role": role, "n": n}


# (a, b) as (name, party, organisation): pairs that are one person
SAME = [
    (("Jens Aarup", None, "KL"), ("Jens Årup", None, "KL")),
    (("Lars Løkke Rasmussen", "UFG", None), ("Lars Rasmussen", None, None)),
    (("Lars Løkke Rasmussen", None, None), ("Lars L. Rasmussen", None, None)),
    (("Sophie Hæstorp Andersen", None, "Københavns Kommune"), ("Sophie Hæstorp Andersen", "S", None)),
    (("Pernille Rosenkrantz-Theil", "S", "Børne- og Undervisningsministeriet"),
     ("Pernille Rosenkrantz-Theil", "S", "Social- og Boligministeriet")),      # minister, then another post
    (("Joy Mogensen", "S", "Roskilde Kommune"), ("Joy Mogensen", "S", "KL's Socialudvalg")),  # mayor, then KL
    (("Mette Grostøl", None, "DS"), ("Mette Grostøl", None, "Dansk Socialrådgiverforening")),
    (("René Nielsen", None, "DS"), ("Rene Nielsen", None, None)),
    (("Ulrich Schmidt-Hansen", None, "Gladsaxe Kommune"), ("Ulrich Schmidt Hansen", None, "Gladsaxe Kommune")),
    (("Karina Vestergaard Madsen", None, None), ("Karina Vestergård Madsen", "EL", None)),
]
# pairs that are two people
APART = [
    (("Mette Hansen", "S", "Aarhus Kommune"), ("Mette Hansen", "V", "Børns Vilkår")),   # party and org disagree
    (("Lars Rasmussen", None, None), ("Lars Rasmussen Holm", None, None)),             # another surname
    (("Anne Sofie Brink", None, None), ("Anne Marie Brink", None, None)),               # other middle names
    (("Peter Jensen", None, None), ("Poul Jensen", None, None)),
    (("Jesper Petersen", "S", "Folketinget"), ("Jesper Pedersen", "V", "Dansk Industri")),
]


def _ids(pairs_rows, aliases=([], [])):
    mapping, people = resolve_people(pairs_rows, aliases)
    return mapping, people


@pytest.mark.parametrize("a,b", SAME, ids=[f"{a[0]}={b[0]}" for a, b in SAME])
def test_one_person(a, b):
    mapping, _ = _ids([row(*a), row(*b)])
    assert mapping[a] == mapping[b]


@pytest.mark.parametrize("a,b", APART, ids=[f"{a[0]}≠{b[0]}" for a, b in APART])
def test_two_people(a, b):
    mapping, _ = _ids([row(*a), row(*b)])
    assert mapping[a] != mapping[b]


def test_aliases_override_in_both_directions():
    a, b = ("Lars Rasmussen", None, None), ("Lars Løkke Rasmussen", None, None)
    assert _ids([row(*a), row(*b)])[0][a] == _ids([row(*a), row(*b)])[0][b]
    apart = _ids([row(*a), row(*b)], ([], [(person_key(a[0]), person_key(b[0]))]))[0]
    assert apart[a] != apart[b]
    c, d = ("Stine Brix", None, None), ("Stine Brix Jensen", None, None)
    assert _ids([row(*c), row(*d)])[0][c] != _ids([row(*c), row(*d)])[0][d]
    together = _ids([row(*c), row(*d)], ([(person_key(c[0]), person_key(d[0]))], []))[0]
    assert together[c] == together[d]


def test_person_ids_are_stable_and_people_rows_complete():
    rows = [row("Jens Aarup", "S", "KL", "formand", 3), row("Jens Årup", None, None, "borgmester", 1)]
    m1, p1 = _ids(rows)
    m2, _ = _ids(list(reversed(rows)))
    assert m1 == m2
    (p,) = p1
    assert p["name"] == "Jens Aarup" and p["spellings"] == ["Jens Aarup", "Jens Årup"]
    assert p["parties"] == ["S"] and p["kind"] == "politician" and p["appearances"] == 4


@pytest.mark.parametrize("text,name,kind", [
    ("KL's Socialudvalg", "KL", "municipality"),
    ("Kommunernes Landsforening", "KL", "municipality"),
    ("KL", "KL", "municipality"),
    ("DS", "Dansk Socialrådgiverforening", "union"),
    ("DS' faggruppe Hjemløse", "Dansk Socialrådgiverforening", "union"),
    ("Socialrådgiverne", "Dansk Socialrådgiverforening", "union"),
    ("Århus Kommune", "Aarhus Kommune", "municipality"),
    ("Familie- og Socialforvaltningen i Aalborg Kommune", "Aalborg Kommune", "municipality"),
    ("Social- og Boligministeriet", "Social- og Boligministeriet", "civil_service"),
    ("Aalborg Universitet", "Aalborg Universitet", "research"),
    ("Børns Vilkår", "Børns Vilkår", "ngo"),
    ("Danske Regioner", "Danske Regioner", "region"),
])
def test_canonical_organisations(text, name, kind):
    assert canonical_organisation(text) == (name, kind)


@pytest.mark.parametrize("parties,roles,orgs,kind", [
    (["S"], ["socialordfører"], [], "politician"),
    ([], ["borgmester"], ["Viborg Kommune"], "politician"),
    ([], ["professor"], ["Aalborg Universitet"], "researcher"),
    ([], ["kontorchef"], ["Socialstyrelsen"], "civil_servant"),
    ([], ["direktør"], ["Børns Vilkår"], "ngo"),
    ([], ["konsulent"], ["DS"], "union"),
    ([], ["afdelingsleder"], ["Horsens Kommune"], "municipality"),
])
def test_kinds_of_people(parties, roles, orgs, kind):
    assert person_kind(parties, roles, orgs) == kind


PAGE = """Socialpolitisk netværk - mødeprogram

Et nyt ydelsessystem?

Onsdag den 2. juni 2021, 09.15 -12.00

Torben Tranæs har ledet kommissionen, og Mette Hansen fra Børns Vilkår giver sit bud.

v/ Torben Tranæs, formand for Ydelseskommissionen og Mette Hansen, direktør, Børns Vilkår
"""


def test_suppressed_person_is_dropped_from_every_table_on_the_next_run(tmp_path):
    store = DatasetStore(tmp_path / "datasets")
    write_run(store, {URL: PAGE}, dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc))
    assert "Mette Hansen" in set(read(store.root, "appearances").name)
    assert "Mette Hansen" in set(read(store.root, "people").name)
    (store.root / "suppressed_people.csv").write_text("name,requested,note\nMette Hansen,2021-04-05,asked by e-mail\n")
    write_run(store, {URL: PAGE}, dt.datetime(2021, 4, 8, tzinfo=dt.timezone.utc))
    ap, people = read(store.root, "appearances"), read(store.root, "people")
    assert set(ap.name) == {"Torben Tranæs"} and set(people.name) == {"Torben Tranæs"}
    for table in ("events", "appearances", "people", "organisations"):
        df = read(store.root, table)
        assert not df.astype(str).apply(lambda c: c.str.contains("Mette Hansen")).any().any(), table
    assert "[navn fjernet]" in read(store.root, "events").description[0]


def test_appearances_carry_person_and_organisation(tmp_path):
    store = DatasetStore(tmp_path / "datasets")
    write_run(store, {URL: PAGE}, dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc))
    ap = read(store.root, "appearances").set_index("name")
    people = read(store.root, "people").set_index("person_id")
    assert people.name[ap.person_id["Torben Tranæs"]] == "Torben Tranæs"
    assert ap.organisation["Mette Hansen"] == "Børns Vilkår"
    orgs = read(store.root, "organisations")
    assert "Børns Vilkår" in set(orgs.name)
    assert len(pd.read_parquet(store.root / "parties")) == 14
