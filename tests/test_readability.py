"""Readability: counts as defined, formulas from the counts, invariance to repetition."""

from __future__ import annotations

import math

import pytest
from hypothesis import given

from framing import Document
from framing._text import is_number
from framing.scorers.base import Context
from framing.scorers.readability import ReadabilityResult, ReadabilityScorer, syllables

from strategies import texts

FORMULAS = (
    "flesch_reading_ease",
    "flesch_kincaid_grade",
    "gunning_fog",
    "smog_index",
    "coleman_liau_index",
    "automated_readability_index",
)


def _score(text: str) -> ReadabilityResult:
    return ReadabilityScorer().score(Document.from_text(text), Context(None))


@given(texts)
def test_counts_are_token_by_token_counts(text: str) -> None:
    doc = Document.from_text(text)
    r = ReadabilityScorer().score(doc, Context(None))
    words = [w for w in doc.words if not is_number(w)]
    per_word = [syllables(w.replace("'", "")) for w in words]
    assert r.n_words == len(words)
    assert r.n_syllables == sum(per_word)
    assert r.n_complex_words == sum(1 for n in per_word if n >= 3)
    assert r.n_letters == sum(1 for w in words for ch in w if ch.isalnum())
    if words:
        assert all(getattr(r, f) is not None and math.isfinite(getattr(r, f)) for f in FORMULAS)
    else:
        assert all(getattr(r, f) is None for f in FORMULAS)


@given(texts)
def test_repeating_a_text_as_a_new_paragraph_changes_no_formula(text: str) -> None:
    once = _score(text)
    twice = _score(f"{text}\n\n{text}")
    if once.n_words == 0 or twice.n_sentences != 2 * once.n_sentences:
        return  # the copy merged with the original's last sentence (no final break); nothing to compare
    for f in FORMULAS:
        assert getattr(twice, f) == pytest.approx(getattr(once, f))


def test_numbers_are_not_words_of_the_formulas() -> None:
    plain = _score("Prices rose 2 percent to 3 pounds.")
    dotted = _score("Prices rose 2.5 percent to 1,250.75 pounds.")
    assert plain.n_words == dotted.n_words == 5
    assert plain.flesch_reading_ease == dotted.flesch_reading_ease


def test_known_counts() -> None:
    r = _score("The committee approved the extraordinary measure. Residents objected.")
    assert (r.n_sentences, r.n_words) == (2, 8)
    assert r.n_complex_words == 4  # committee, extraordinary, residents, objected
    assert r.flesch_reading_ease is not None
    easy = _score("The cat sat. The dog ran.").flesch_reading_ease
    assert easy is not None
    assert r.flesch_reading_ease < easy
