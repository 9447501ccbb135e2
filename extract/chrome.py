"""Page chrome that survives as text: breadcrumbs, a "Næste møde" box repeating an item, teaser lists
("Kommende arrangementer", "Seneste nyheder", "Læs også"), and contact blocks. Markup-level chrome is text.py's."""
from __future__ import annotations

import re

from .lines import CONTACT_HEAD, TEASER, LineInfo


NEXT_BOX = re.compile(r"(?i)^(?:næste|kommende|førstkommende)\s+(?:møde|arrangement|event|netværksmøde)\s*:?$")


def cut_chrome(infos: list[LineInfo]) -> list[LineInfo]:
    """Drop breadcrumbs, a "Næste møde" box that repeats an item of the page, and teaser lists
    ("Kommende arrangementer", "Seneste nyheder", "Læs også"): a run of short lines with dates and titles.
    A listing headed "Kommende møder" differs in that its first item goes on with a description or speakers."""
    out: list[LineInfo] = []
    i, n = 0, len(infos)
    while i < n:
        inf = infos[i]
        t = inf.text
        if NEXT_BOX.match(t) and any(infos[j].anchor for j in range(i + 1, min(n, i + 5))):
            i += 1
            while i < n and not infos[i - 1].anchor and i < n:
                i += 1
            continue
        # a teaser heading after the page's own dated content starts a teaser list; one before it heads the
        # page's listing ("• Nyheder" in a menu is a link, not a heading)
        if TEASER.match(t) and inf.line.kind != "li" and any(o.anchor for o in out):
            j = i + 1
            share = re.match(r"(?i)^del\b", t)  # a share box: a few one-word links
            while j < n and _teaser_like(infos[j]) and not TEASER.match(infos[j].text) and \
                    (not share or infos[j].words <= 2):
                j += 1
            real_item = j - i - 1 <= 4 and j < n and (infos[j].speakers or (infos[j].prose and not chrome_prose(infos[j])))
            if not real_item:
                i = j
                continue
        if t.count(" / ") >= 1 and re.match(r"(?i)^(?:hjem|forside|home|du er her)\b", t):
            i += 1
            continue
        out.append(inf)
        i += 1
    return out


def _teaser_like(inf: LineInfo) -> bool:
    """A line of a teaser list: short, no speakers, no prose, and not a fact-box label or heading."""
    if inf.label or re.match(r"(?i)^(?:praktisk(?:e)?(?:\s+\w+)?|fakta(?:\s+om\s+\w+)?|tid\s+og\s+sted|dato|tid|sted|"
                             r"pris|hvor|hvornår|tidspunkt|adresse|målgruppe|tilmelding|program)\s*:?$", inf.text):
        return False
    return inf.words <= 18 and not inf.speakers and not inf.prose


def chrome_prose(inf: LineInfo) -> bool:
    return bool(re.search(r"(?i)nyhedsbrev|cookies|abonn[eé]r|tilmeld dig (?:vores|vort)", inf.text))


def contact_zones(infos: list[LineInfo]) -> set[int]:
    """Indices of lines that belong to a contact block: after a contact heading until the next title or date,
    and a name line followed by a phone or e-mail line."""
    zone: set[int] = set()
    left = 0  # lines still inside the contact block
    for i, inf in enumerate(infos):
        if CONTACT_HEAD.match(inf.text) and inf.line.kind != "li":  # "• Kontakt" in a menu is a link
            left = 6
        elif inf.anchor or inf.title or inf.generic or inf.slot or (inf.prose and not inf.contact):
            left = 0
        if left:
            zone.add(i)
            left -= 1
        if inf.contact and i:
            zone.add(i)
            prev = infos[i - 1]
            if prev.words <= 8 and not prev.prose:  # a name over its e-mail; not the paragraph above a sign-up line
                zone.add(i - 1)
            if i > 1 and infos[i - 1].contact:
                zone.add(i - 2)
    return zone
