"""spaCy for people's names in running text.

Danish pretrained pipelines cannot be downloaded here, so the default is `spacy.blank("da")` (its Danish
tokenizer) with a SpanRuler whose patterns read a token attribute `first_name` (gender-guesser's per-country
first names, see names.py): a first name followed by one to four capitalised words, particles (`van`, `af`)
allowed. Where a trained Danish pipeline (da_core_news_*) is installed, its PER entities are used as well.

Only prose lines that carry a cue (`debat med`, `modereres af`, ...) reach spaCy, so it stays off the hot path.
"""
from __future__ import annotations

from functools import lru_cache

from .names import PARTICLES, is_first_name, looks_like_person

_TRAINED = ("da_core_news_trf", "da_core_news_lg", "da_core_news_md", "da_core_news_sm")


@lru_cache(maxsize=1)
def pipeline():
    """(nlp, trained): the best Danish pipeline available."""
    import spacy
    from spacy.tokens import Token

    Token.set_extension("first_name", getter=lambda t: is_first_name(t.text), force=True)
    nlp, trained = None, False
    for name in _TRAINED:
        try:
            nlp, trained = spacy.load(name), True
            break
        except OSError:
            continue
    if nlp is None:
        nlp = spacy.blank("da")
    ruler = nlp.add_pipe("span_ruler", name="people_ruler", config={"spans_key": "people"})
    name_word = {"TEXT": {"REGEX": r"^[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáíóúñçë'’]+(?:-[A-ZÆØÅÄÖÜÉ][a-zæøåäöüéèáíóúñçë'’]+)?$"}}
    ruler.add_patterns([
        {"label": "PER", "pattern": [{"_": {"first_name": True}, "IS_TITLE": True}, name_word]},
        {"label": "PER", "pattern": [{"_": {"first_name": True}, "IS_TITLE": True}, name_word, name_word]},
        {"label": "PER", "pattern": [{"_": {"first_name": True}, "IS_TITLE": True}, name_word, name_word, name_word]},
        {"label": "PER", "pattern": [{"_": {"first_name": True}, "IS_TITLE": True}, {"ORTH": "-", "OP": "?"},
                                     name_word, {"LOWER": {"IN": sorted(PARTICLES)}, "OP": "+"}, name_word]},
        # hyphenated names are split by the tokenizer: Jens - Kristian Lütken, Rosenkrantz - Theil
        {"label": "PER", "pattern": [{"_": {"first_name": True}, "IS_TITLE": True}, {"ORTH": "-"}, name_word,
                                     name_word]},
        {"label": "PER", "pattern": [{"_": {"first_name": True}, "IS_TITLE": True}, name_word, {"ORTH": "-"},
                                     name_word]},
        {"label": "PER", "pattern": [{"_": {"first_name": True}, "IS_TITLE": True}, name_word, name_word,
                                     {"ORTH": "-"}, name_word]},
    ])
    return nlp, trained


def people_in(text: str) -> list[str]:
    """The people named in `text`, longest spans first in reading order, each checked as a name."""
    nlp, trained = pipeline()
    doc = nlp(text)
    spans = list(doc.spans.get("people", []))
    if trained:
        spans += [e for e in doc.ents if e.label_ in ("PER", "PERSON")]
    spans.sort(key=lambda s: (s.start, -(s.end - s.start)))
    out, last_end = [], -1
    for s in spans:
        if s.start < last_end:
            continue  # inside a longer name already taken
        name = s.text.replace(" - ", "-").replace(" -", "-").replace("- ", "-")
        if looks_like_person(name):
            out.append(name)
            last_end = s.end
    return out
