"""Every vocabulary entry matches the real lines it was written for and leaves its counter-examples alone."""
import pytest

from extract import lexicon

CASES = [(name, i, e) for name in lexicon.names() for i, e in enumerate(lexicon.entries(name))]


@pytest.mark.parametrize("name,i,entry", CASES, ids=[f"{n}[{i}]" for n, i, _ in CASES])
def test_entry_matches_its_examples_and_not_its_counter_examples(name, i, entry):
    rx = lexicon.matcher(name, entry)
    assert entry.examples, "an entry without examples cannot be checked"
    for line in entry.examples:
        assert rx.search(line.lower()), f"{name}: {entry.pattern!r} misses its example {line!r}"
    for line in entry.counter:
        assert not rx.search(line.lower()), f"{name}: {entry.pattern!r} takes its counter-example {line!r}"


@pytest.mark.parametrize("name", lexicon.names())
def test_every_vocabulary_says_what_it_is_for(name):
    assert len(lexicon.describe(name).split()) >= 8
