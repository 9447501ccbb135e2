"""One identity per person across pages and sources: the `people` table and each appearance's `person_id`.

Merging is conservative:
- spellings that differ only in case, accents, `aa`/`å`, titles (`overborgmester`, `MF`, `professor`) and
  punctuation are one name (`name_key`);
- a name with a middle name omitted or given as an initial (`Lars Løkke Rasmussen` / `Lars Rasmussen` /
  `Lars L. Rasmussen`) and near-identical spellings (rapidfuzz ratio ≥ 92, same surname) join when nothing
  they say disagrees;
- two people with one name are kept apart when both their parties and their organisations disagree;
- a reviewed alias file (datasets/people_aliases.csv: `name_a,name_b,same` with same = yes|no) overrides the
  automatic decision in both directions.
A suppression file (datasets/suppressed_people.csv: `name`) removes a person from every table on the next run
and by `dkevents reprocess` (people may ask not to be listed).
"""
from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from rapidfuzz import fuzz

from .organisations import canonical_organisation
from .rows import digest, name_key

TITLES = re.compile(
    r"(?i)^(?:(?:over|social|beskæftigelses|børne|kultur|teknik|sundheds)?borgmester|rådmand|minister|"
    r"professor|prof\.|dr\.|mf|formand|direktør|lektor|docent|ph\.d\.)\s+")
POLITICAL_ROLE = re.compile(r"(?i)ordfører|minister|\bmf\b|borgmester|rådmand|folketingsmedlem|byrådsmedlem|"
                            r"regionsrådsmedlem|politiker|løsgænger|formand for [\w']*\s*(?:social|beskæftigelses|"
                            r"sundheds)?udvalg")
RESEARCH_ROLE = re.compile(r"(?i)professor|lektor|docent|forsker|adjunkt|ph\.?d|analytiker|rektor|dekan")


def person_key(name: str) -> str:
    """The name without titles, folded: `Overborgmester Sophie Hæstorp Andersen` = `sophie haestorp andersen`."""
    n = name
    while TITLES.match(n):
        n = TITLES.sub("", n, count=1)
    return name_key(n)


@dataclass
class Variant:
    """One (name key, party, organisation) as seen, with its appearances."""
    key: str
    party: str | None
    org: str | None
    names: Counter = field(default_factory=Counter)
    roles: Counter = field(default_factory=Counter)


def load_aliases(path: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    same, apart = [], []
    if path.exists():
        with open(path, encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                a, b = person_key(row.get("name_a", "")), person_key(row.get("name_b", ""))
                if a and b:
                    (same if (row.get("same") or "").strip().lower() in ("yes", "ja", "true", "1") else apart).append((a, b))
    return same, apart


def load_suppressed(path: Path) -> set[str]:
    if not path.exists():
        return set()
    with open(path, encoding="utf-8", newline="") as fh:
        return {person_key(r["name"]) for r in csv.DictReader(fh) if r.get("name", "").strip()}


def _tokens(key: str) -> list[str]:
    return key.split()


def _compatible_names(a: str, b: str) -> bool:
    """Same first and last name, middle names a subset or initials of the other's."""
    ta, tb = _tokens(a), _tokens(b)
    if len(ta) < 2 or len(tb) < 2 or ta[0] != tb[0] or ta[-1] != tb[-1]:
        return False
    ma, mb = ta[1:-1], tb[1:-1]
    short, long_ = (ma, mb) if len(ma) <= len(mb) else (mb, ma)
    rest = list(long_)
    for m in short:
        hit = next((x for x in rest if x == m or (len(m) == 1 and x.startswith(m)) or
                    (len(x) == 1 and m.startswith(x))), None)
        if hit is None:
            return False
        rest.remove(hit)
    return True


def _similar_names(a: str, b: str) -> bool:
    ta, tb = _tokens(a), _tokens(b)
    return bool(ta and tb) and ta[-1] == tb[-1] and fuzz.ratio(a, b) >= 92


def _conflict(x: Variant, y: Variant) -> bool:
    """Both the parties and the organisations disagree (each given on both sides)."""
    parties = x.party and y.party and x.party != y.party
    orgs = x.org and y.org and canonical_organisation(x.org)[0] != canonical_organisation(y.org)[0] and \
        fuzz.token_set_ratio(x.org, y.org) < 80
    return bool(parties and orgs)


class _Union:
    """Union-find that also keeps each group's members (to check a merge against all of them)."""

    def __init__(self, n):
        self.p = list(range(n))
        self.members = {i: [i] for i in range(n)}

    def find(self, i):
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[ra] = rb
            self.members[rb] += self.members.pop(ra)


def resolve_people(rows: list[dict], aliases: tuple[list, list] = ([], [])) -> tuple[dict, list[dict]]:
    """rows: one per distinct (name, party, organization, role) with counts and dates.
    → ({(name, party, organization): person_id}, people rows)."""
    variants: dict[tuple, Variant] = {}
    for r in rows:
        k = (person_key(r["name"]), r.get("party"), r.get("organization"))
        v = variants.setdefault(k, Variant(k[0], k[1], k[2]))
        v.names[r["name"]] += r.get("n", 1)
        if r.get("role"):
            v.roles[r["role"]] += r.get("n", 1)
    vs = list(variants.values())
    uf = _Union(len(vs))
    same, apart = aliases
    apart_set = {frozenset(p) for p in apart}
    by_key = defaultdict(list)
    for i, v in enumerate(vs):
        by_key[v.key].append(i)

    def can_join(i, j):
        ci, cj = uf.members[uf.find(i)], uf.members[uf.find(j)]
        for a in ci:
            for b in cj:
                if _conflict(vs[a], vs[b]) or frozenset((vs[a].key, vs[b].key)) in apart_set:
                    return False
        return True

    # 1. one name: join unless parties and organisations disagree
    for idx in by_key.values():
        for j in idx[1:]:
            if can_join(idx[0], j):
                uf.union(j, idx[0])
        for j in idx[1:]:  # variants that could not join the first may join each other
            for k in idx[1:]:
                if j < k and uf.find(j) != uf.find(k) and can_join(j, k):
                    uf.union(k, j)
    # 2. middle names and spelling variants, by surname blocks
    by_last = defaultdict(list)
    for key in by_key:
        by_last[key.split()[-1] if key.split() else ""].append(key)
    for keys in by_last.values():
        for a_i, a in enumerate(keys):
            for b in keys[a_i + 1:]:
                if _compatible_names(a, b) or _similar_names(a, b):
                    i, j = by_key[a][0], by_key[b][0]
                    if uf.find(i) != uf.find(j) and can_join(i, j):
                        uf.union(j, i)
    # 3. the reviewed alias file: "same = yes" joins whatever the rules said
    for a, b in same:
        if a in by_key and b in by_key:
            uf.union(by_key[b][0], by_key[a][0])
    clusters = defaultdict(list)
    for i in range(len(vs)):
        clusters[uf.find(i)].append(vs[i])
    mapping, people = {}, []
    clusters_per_key = Counter(k for g in clusters.values() for k in {v.key for v in g})
    for group in clusters.values():
        names = sum((v.names for v in group), Counter())
        keys = sorted({v.key for v in group})
        parties = sorted({v.party for v in group if v.party})
        orgs = sorted({v.org for v in group if v.org})
        # two people of one name get ids told apart by what separates them
        same_key_elsewhere = clusters_per_key[keys[0]] > 1
        pid = digest("person", keys[0], ",".join(parties) + "|" + ",".join(orgs) if same_key_elsewhere else "")
        roles = sum((v.roles for v in group), Counter())
        for v in group:
            for n in v.names:
                mapping[(n, v.party, v.org)] = pid
        people.append({
            "person_id": pid, "name": names.most_common(1)[0][0], "spellings": sorted(names),
            "parties": parties, "roles": [r for r, _ in roles.most_common()], "organisations": orgs,
            "kind": person_kind(parties, list(roles), orgs), "appearances": sum(names.values()),
        })
    return mapping, people


def person_kind(parties: list[str], roles: list[str], orgs: list[str]) -> str:
    """politician | researcher | civil_servant | municipality | union | ngo | business | other."""
    text = " ".join(roles)
    if parties or POLITICAL_ROLE.search(text):
        return "politician"
    if RESEARCH_ROLE.search(text):
        return "researcher"
    kinds = [canonical_organisation(o)[1] for o in orgs]
    for k in ("research", "civil_service", "municipality", "union", "ngo", "business", "region", "politics"):
        if k in kinds:
            return {"research": "researcher", "civil_service": "civil_servant", "region": "civil_servant",
                    "politics": "politician"}.get(k, k)
    return "other"
