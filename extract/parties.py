"""Danish party letters: from `(S)`, ballot letters such as `(A)`, spelled-out names and `løsgænger`."""
from __future__ import annotations

import re

# Party letter as used in the datasets → the party's name.
PARTY_NAMES = {
    "S": "Socialdemokratiet", "RV": "Radikale Venstre", "K": "Det Konservative Folkeparti",
    "NB": "Nye Borgerlige", "SF": "SF - Socialistisk Folkeparti", "LA": "Liberal Alliance",
    "KD": "Kristendemokraterne", "DF": "Dansk Folkeparti", "V": "Venstre", "EL": "Enhedslisten",
    "ALT": "Alternativet", "M": "Moderaterne", "DD": "Danmarksdemokraterne", "UFG": "Løsgænger",
}
# What is written in parentheses after a name → party letter. Ballot letters (A, B, C, ...) included.
_LETTERS = {
    "S": "S", "A": "S", "SD": "S", "R": "RV", "RV": "RV", "B": "RV", "K": "K", "C": "K", "KF": "K",
    "NB": "NB", "D": "NB", "SF": "SF", "F": "SF", "LA": "LA", "I": "LA", "KD": "KD", "Q": "KD",
    "DF": "DF", "O": "DF", "V": "V", "EL": "EL", "Ø": "EL", "ALT": "ALT", "Å": "ALT", "AL": "ALT",
    "M": "M", "DD": "DD", "Æ": "DD", "UFG": "UFG", "LØSGÆNGER": "UFG", "UDEN FOR GRUPPERNE": "UFG",
}
_SPELLED = [
    (r"socialdemokrat(?:iet|erne|isk)?", "S"), (r"radikale(?: venstre)?|det radikale venstre", "RV"),
    (r"(?:det )?konservative(?: folkeparti)?", "K"), (r"nye borgerlige", "NB"),
    (r"socialistisk folkeparti", "SF"), (r"liberal(?:e)? alliance", "LA"), (r"kristendemokraterne", "KD"),
    (r"dansk folkeparti", "DF"), (r"enhedslisten", "EL"), (r"alternativet", "ALT"),
    (r"moderaterne", "M"), (r"danmarksdemokraterne", "DD"), (r"løsgænger|uden for folketingets grupper", "UFG"),
    (r"venstre", "V"),
]
SPELLED_RE = re.compile(r"(?i)\b(?:" + "|".join(p for p, _ in _SPELLED) + r")\b")
# one pass instead of a loop over the names: a named group per party, tried in the order above
_SPELLED_FULL = re.compile("(?i)^(?:" + "|".join(f"(?P<p{i}>{p})" for i, (p, _) in enumerate(_SPELLED)) + ")$")


def party_letter(text: str | None) -> str | None:
    """`(S)`, `S`, `Ø`, `løsgænger`, `Socialistisk Folkeparti` → the party letter; None when it is not a party."""
    if not text:
        return None
    t = text.strip().strip("()").strip().rstrip(".")
    if t.upper() in _LETTERS and (t.isupper() or len(t) > 3):
        return _LETTERS[t.upper()]
    m = _SPELLED_FULL.match(t)
    return _SPELLED[int(m.lastgroup[1:])][1] if m else None


def spelled_party(text: str) -> tuple[str | None, re.Match | None]:
    """A party named in running text (`MF for Socialistisk Folkeparti`): its letter and the match."""
    m = SPELLED_RE.search(text)
    if not m:
        return None, None
    # "Radikale Venstre" must not read as Venstre; the pattern list tries the longer names first
    return party_letter(m.group(0)), m
