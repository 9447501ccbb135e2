"""Vocabulary as data: the words and phrases the extractor recognises, each entry with the real lines it was
written for (`examples`) and lines it must leave alone (`counter`), so that one parametrised test
(`tests/test_lexicon.py`) checks every entry, and a new phrase is one entry in one file.

Each `<name>.toml` holds `[[entry]]` tables with a lower-case regex `pattern`, `examples` and `counter`, and
may say how its entries are matched: `mode = "search"` (the default: anywhere in the line) or `mode = "line"`
(the whole line, after an optional `prefix`, with an optional colon and what follows it). `pattern(name)`
joins the entries into one alternation; `matcher(name)` is the regex the vocabulary is tested with.
Patterns are lower case because the hot tests run on lower-cased lines (see `anycase.py`).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

# importlib.resources rather than a Path beside __file__: a Scrapyd egg is a zip, where no file has a path
HERE = resources.files(__name__)


@dataclass(frozen=True)
class Entry:
    pattern: str
    examples: tuple[str, ...] = field(default_factory=tuple)
    counter: tuple[str, ...] = field(default_factory=tuple)
    why: str = ""


def names() -> list[str]:
    return sorted(p.name.removesuffix(".toml") for p in HERE.iterdir() if p.name.endswith(".toml"))


@cache
def entries(name: str) -> tuple[Entry, ...]:
    data = tomllib.loads((HERE / f"{name}.toml").read_text(encoding="utf-8"))
    return tuple(Entry(pattern=e["pattern"], examples=tuple(e.get("examples", ())),
                       counter=tuple(e.get("counter", ())), why=e.get("why", "")) for e in data["entry"])


@cache
def pattern(name: str) -> str:
    """All entries of one vocabulary as one regex alternation, each entry in its own group."""
    return "(?:" + "|".join(f"(?:{e.pattern})" for e in entries(name)) + ")"


@cache
def _meta(name: str) -> dict:
    data = tomllib.loads((HERE / f"{name}.toml").read_text(encoding="utf-8"))
    return {"mode": data.get("mode", "search"), "prefix": data.get("prefix", "")}


def line_pattern(name: str, entry: Entry | None = None) -> str:
    """A whole-line vocabulary as one regex: prefix, an entry, optional colon and the rest (group `rest`)."""
    body = f"(?:{entry.pattern})" if entry else pattern(name)
    prefix = _meta(name)["prefix"]
    return r"^" + (f"(?:{prefix})?" if prefix else "") + body + r"\s*(?::\s*(?P<rest>.*))?$"


def matcher(name: str, entry: Entry) -> re.Pattern:
    """How one entry is tested on a lower-cased line: searched, or matched as the whole line."""
    if _meta(name)["mode"] == "line":
        return re.compile(line_pattern(name, entry))
    return re.compile(entry.pattern)


def describe(name: str) -> str:
    """What the vocabulary is for: the file's leading comment."""
    lines = (HERE / f"{name}.toml").read_text(encoding="utf-8").splitlines()
    return " ".join(l.lstrip("# ") for l in lines if l.startswith("#"))
