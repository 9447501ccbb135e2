"""Vocabulary as data: the words and phrases the extractor recognises, each entry with the real lines it was
written for (`examples`) and lines it must leave alone (`counter`), so that one parametrised test
(`tests/test_lexicon.py`) checks every entry, and a new phrase is one entry in one file.

Each `<name>.toml` holds `[[entry]]` tables with a lower-case regex `pattern`, `examples` and `counter`.
`pattern(name)` joins the entries into one alternation; callers anchor or wrap it as their test needs.
Patterns are lower case because the hot tests run on lower-cased lines (see `anycase.py`).
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


@dataclass(frozen=True)
class Entry:
    pattern: str
    examples: tuple[str, ...] = field(default_factory=tuple)
    counter: tuple[str, ...] = field(default_factory=tuple)
    why: str = ""


def names() -> list[str]:
    return sorted(p.stem for p in HERE.glob("*.toml"))


@cache
def entries(name: str) -> tuple[Entry, ...]:
    data = tomllib.loads((HERE / f"{name}.toml").read_text(encoding="utf-8"))
    return tuple(Entry(pattern=e["pattern"], examples=tuple(e.get("examples", ())),
                       counter=tuple(e.get("counter", ())), why=e.get("why", "")) for e in data["entry"])


@cache
def pattern(name: str) -> str:
    """All entries of one vocabulary as one regex alternation, each entry in its own group."""
    return "(?:" + "|".join(f"(?:{e.pattern})" for e in entries(name)) + ")"


def describe(name: str) -> str:
    """What the vocabulary is for: the file's leading comment."""
    lines = (HERE / f"{name}.toml").read_text(encoding="utf-8").splitlines()
    return " ".join(l.lstrip("# ") for l in lines if l.startswith("#"))
