"""Vocabulary as data: the words and phrases the extractor recognises, each entry with the real lines it was
written for (`examples`) and lines it must leave alone (`counter`), so that one parametrised test
(`tests/test_lexicon.py`) checks every entry, and a new phrase is one entry in one file.

Each `<name>.toml` holds `[[entry]]` tables with a lower-case regex `pattern`, `examples` and `counter`, and
may say how its entries are matched: `mode = "search"` (the default: anywhere in the line, with the context
`before` and `after` each entry needs) or `mode = "line"` (the whole line, after an optional `prefix`, with an
optional colon and what follows it), and `ignorecase = true`. `pattern(name)`
joins the entries into one alternation; `matcher(name)` is the regex the vocabulary is tested with.
Patterns are lower case because the hot tests run on lower-cased lines (see `anycase.py`).
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

# read through importlib.resources: the package may run from a zipped egg (a Scrapyd deployment)
HERE = resources.files(__name__)


def read(name: str) -> str:
    """The text of one vocabulary file."""
    return HERE.joinpath(f"{name}.toml").read_text(encoding="utf-8")


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
    data = tomllib.loads(read(name))
    return tuple(Entry(pattern=e["pattern"], examples=tuple(e.get("examples", ())),
                       counter=tuple(e.get("counter", ())), why=e.get("why", "")) for e in data["entry"])


@cache
def pattern(name: str) -> str:
    """All entries of one vocabulary as one regex alternation, each entry in its own group."""
    return "(?:" + "|".join(f"(?:{e.pattern})" for e in entries(name)) + ")"


@cache
def _meta(name: str) -> dict:
    data = tomllib.loads(read(name))
    return {"mode": data.get("mode", "search"), "prefix": data.get("prefix", ""),
            "flags": re.I if data.get("ignorecase") else 0, "before": data.get("before", ""),
            "after": data.get("after", "")}


def line_pattern(name: str, entry: Entry | None = None) -> str:
    """A whole-line vocabulary as one regex: prefix, an entry, optional colon and the rest (group `rest`)."""
    body = f"(?:{entry.pattern})" if entry else pattern(name)
    prefix = _meta(name)["prefix"]
    return r"^" + (f"(?:{prefix})?" if prefix else "") + body + r"\s*(?::\s*(?P<rest>.*))?$"


def matcher(name: str, entry: Entry) -> re.Pattern:
    """How one entry is tested on a lower-cased line: searched, or matched as the whole line."""
    if _meta(name)["mode"] == "line":
        return re.compile(line_pattern(name, entry), _meta(name)["flags"])
    meta = _meta(name)
    return re.compile(meta["before"] + f"(?:{entry.pattern})" + meta["after"], meta["flags"])


def search_pattern(name: str) -> str:
    """A search vocabulary as one regex, with the context its entries need on either side (`before`, `after`)."""
    meta = _meta(name)
    return meta["before"] + pattern(name) + meta["after"]


@cache
def needs(name: str) -> tuple[str, ...]:
    """The word parts the entries of a vocabulary need (its `needs` lists), for a cheap test before the cues."""
    data = tomllib.loads(read(name))
    return tuple(dict.fromkeys(n for e in data["entry"] for n in e.get("needs", ())))


def describe(name: str) -> str:
    """What the vocabulary is for: the file's leading comment."""
    lines = read(name).splitlines()
    return " ".join(l.lstrip("# ") for l in lines if l.startswith("#"))
