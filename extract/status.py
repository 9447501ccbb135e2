"""Event status and date confirmation from Danish wording, keeping the words that decided it."""
from __future__ import annotations

import re

from .anycase import AnyCase

CANCELLED = re.compile(r"(?i)\baflys(?:t|es|ning)\b|\bcancelled\b|\bgennemføres\s+ikke\b")
POSTPONED = re.compile(r"(?i)\b(?:udsat|udskudt|udsættes|flyttet|flyttes|rykket|ny\s+dato)\b")
DATE_UNCONFIRMED = AnyCase(
    r"(?i)dato(?:en)?\s+(?:er\s+)?(?:endnu\s+)?ikke\s+(?:endeligt?\s+)?(?:bekræftet|fastlagt|fastsat|på\s+plads|"
    r"endelig)|foreløbig(?:e)?\s+dato|dato(?:en)?\s+(?:er\s+)?foreløbig|dato\s+følger|dato\s+tba|"
    r"forventet\s+dato|ikke\s+endeligt\s+(?:fastlagt|bekræftet)|dato\s+(?:annonceres|offentliggøres)\s+senere|"
    r"med\s+forbehold\s+for\s+(?:dato|ændring(?:er)?\s+af\s+dato)|tentativ")


def decide_status(title: str, short_lines: list[str]) -> tuple[str, str | None]:
    """(status, evidence). `AFLYST: ...` in a title or a short note line decides; else confirmed."""
    for text in [title] + short_lines:
        m = CANCELLED.search(text)
        if m:
            return "cancelled", text
    for text in [title] + short_lines:
        m = POSTPONED.search(text)
        if m:
            return "postponed", text
    return "confirmed", None


def date_confirmed(lines: list[str]) -> tuple[bool, str | None]:
    for text in lines:
        if DATE_UNCONFIRMED.search(text):
            return False, text
    return True, None
