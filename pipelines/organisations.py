"""Canonical organisation names for the common forms, and what kind of body each is.

`KL`, `KL's Socialudvalg`, `Kommunernes Landsforening` → `KL`; `DS`, `Dansk Socialrådgiverforening`,
`Socialrådgiverne` → `Dansk Socialrådgiverforening`; `Aarhus Kommune`/`Århus Kommune` → `Aarhus Kommune`;
ministries, regions, universities by their names. Anything else keeps its own (cleaned) name.
"""
from __future__ import annotations

import re
from functools import lru_cache

# (pattern on the organisation text, canonical name, kind) — first match wins
CANONICAL = [
    (r"\bkl\b(?:'s|’s|s)?(?:\s|$)|kommunernes\s+landsforening", "KL", "municipality"),
    (r"\bds\b(?:'|’)?(?:\s|$)|dansk\s+socialrådgiverforening|^socialrådgiverne$", "Dansk Socialrådgiverforening",
     "union"),
    (r"danske\s+regioner", "Danske Regioner", "region"),
    (r"\bcfbu\b|center\s+for\s+boligsocial\s+udvikling", "CFBU", "research"),
    (r"\bvive\b", "VIVE", "research"),
    (r"socialpædagogerne|\bsl\b", "Socialpædagogerne", "union"),
    (r"\bfoa\b", "FOA", "union"),
    (r"\bhk\b", "HK", "union"),
    (r"\blo\b|fagbevægelsens\s+hovedorganisation|\bfh\b", "Fagbevægelsens Hovedorganisation", "union"),
    (r"\bda\b|dansk\s+arbejdsgiverforening", "Dansk Arbejdsgiverforening", "business"),
    (r"\bdi\b|dansk\s+industri", "Dansk Industri", "business"),
    (r"børns\s+vilkår", "Børns Vilkår", "ngo"),
    (r"rådet\s+for\s+socialt\s+udsatte|udsatterådet", "Rådet for Socialt Udsatte", "ngo"),
    (r"red\s+barnet", "Red Barnet", "ngo"),
    (r"røde\s+kors", "Røde Kors", "ngo"),
    (r"socialstyrelsen", "Socialstyrelsen", "civil_service"),
    (r"ankestyrelsen", "Ankestyrelsen", "civil_service"),
    (r"folketinget|\bmf\b", "Folketinget", "politics"),
]
KIND_WORDS = [
    (r"kommune\b|kommunes\b|\bforvaltning", "municipality"),
    (r"\bregion\b|region\s+\w+|\bregionsråd", "region"),
    (r"ministeri|styrelse|\bstyrelsen\b|tilsyn\b|ombudsmand", "civil_service"),
    (r"universitet|professionshøjskole|\bdpu\b|\bsfi\b|institut|forskning|\bucl\b|\bkea\b|\bvia\b|\bucn\b",
     "research"),
    (r"forening|forbund|fagforening|\bunion\b|tillids", "union"),
    (r"parti\b|folkeparti|venstre|socialdemokrat|enhedslisten|alternativet|moderaterne", "politics"),
    (r"fond\b|fonden\b|ngo|kirkens|frelsens|mission|sind\b|bedre psykiatri|ældre sagen|danske handicap|"
     r"landsforening|hjem|råd\b|rådet\b|vilkår|netværk|\bsand\b|projekt", "ngo"),
    (r"a/s|aps|\bas\b|selskab|boligselskab|boligforening|consult|rådgivning", "business"),
]
_COMPILED = [(re.compile(p, re.I), name, kind) for p, name, kind in CANONICAL]
_KINDS = [(re.compile(p, re.I), kind) for p, kind in KIND_WORDS]


@lru_cache(maxsize=65536)  # people resolution asks about the same few hundred names over and over
def canonical_organisation(text: str | None) -> tuple[str | None, str | None]:
    """→ (canonical name, kind) for an organisation as written; (None, None) for nothing."""
    if not text or not text.strip():
        return None, None
    t = " ".join(text.replace("Århus", "Aarhus").split()).strip(" ,.")
    for rx, name, kind in _COMPILED:
        if rx.search(t):
            return name, kind
    m = re.search(r"([A-ZÆØÅ][\wæøå-]+s?\s+Kommune)\b", t)
    if m:
        return m.group(1), "municipality"
    for rx, kind in _KINDS:
        if rx.search(t):
            return t, kind
    return t, "other"
