"""Readability: counts as defined, formulas from the counts, invariance to repetition, no scores where they mean nothing."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing import Analyzer, Document
from framing._text import is_number
from framing.scorers.base import Context
from framing.scorers.readability import (
    MAX_WORDS_PER_SENTENCE,
    MIN_SENTENCES,
    MIN_WORDS,
    ReadabilityResult,
    ReadabilityScorer,
    syllables,
)

from strategies import texts

FLAGS = ("few_words", "few_sentences", "long_sentences", "non_latin_script")
#: Invented prose: sentences of news-like words, enough of them for the formulas to apply.
_WORDS = ["the", "council", "approved", "a", "new", "budget", "after", "long", "debate", "critics", "said", "it", "would", "raise", "taxes"]
_SENTENCES = st.lists(st.sampled_from(_WORDS), min_size=5, max_size=25).map(lambda ws: " ".join(ws).capitalize() + ".")
prose = st.lists(_SENTENCES, min_size=8, max_size=30).map(" ".join).filter(lambda t: len(t.split()) >= MIN_WORDS)

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
    codes = r.flags.split(";") if r.flags else []
    assert set(codes) <= set(FLAGS)
    assert ("few_words" in codes) == (r.n_words < MIN_WORDS)
    assert ("few_sentences" in codes) == (r.n_sentences < MIN_SENTENCES)
    if codes:
        assert all(getattr(r, f) is None for f in FORMULAS)
    else:
        assert all(getattr(r, f) is not None and math.isfinite(getattr(r, f)) for f in FORMULAS)


@given(prose)
def test_prose_of_enough_words_and_sentences_is_scored(text: str) -> None:
    r = _score(text)
    assert r.flags == ""
    assert all(getattr(r, f) is not None and math.isfinite(getattr(r, f)) for f in FORMULAS)


@given(texts | prose)
def test_repeating_a_text_as_a_new_paragraph_changes_no_formula(text: str) -> None:
    once = _score(text)
    twice = _score(f"{text}\n\n{text}")
    if once.n_words == 0 or twice.n_sentences != 2 * once.n_sentences or once.flags:
        return  # the copy merged with the original's last sentence (no final break), or no scores; nothing to compare
    assert twice.flags == ""
    for f in FORMULAS:
        assert getattr(twice, f) == pytest.approx(getattr(once, f))


def test_numbers_are_not_words_of_the_formulas() -> None:
    plain = _score("Prices rose 2 percent to 3 pounds. " * 25)
    dotted = _score("Prices rose 2.5 percent to 1,250.75 pounds. " * 25)
    assert plain.n_words == dotted.n_words == 125
    assert plain.flesch_reading_ease is not None
    assert plain.flesch_reading_ease == dotted.flesch_reading_ease


def test_known_counts() -> None:
    r = _score("The committee approved the extraordinary measure. Residents objected.")
    assert (r.n_sentences, r.n_words) == (2, 8)
    assert r.n_complex_words == 4  # committee, extraordinary, residents, objected
    assert r.flesch_reading_ease is None  # counted, but too short to score
    hard = _score("The committee approved the extraordinary measure. Residents objected. " * 13).flesch_reading_ease
    easy = _score("The cat sat. The dog ran. " * 26).flesch_reading_ease
    assert hard is not None
    assert easy is not None
    assert hard < easy


# Texts the formulas were not made for: no scores, and a flag saying why.


def test_the_reviewers_extremes_have_no_scores() -> None:
    run_on = _score("a " * 3000)  # 3,000 words in one sentence: Flesch reading ease -2922.8 before
    assert (run_on.n_words, run_on.n_sentences) == (3000, 1)
    assert run_on.flags == "few_sentences;long_sentences"
    one_word = _score("Outrageous")  # -48.0 before
    assert one_word.flags == "few_words;few_sentences"
    assert all(getattr(r, f) is None for r in (run_on, one_word) for f in FORMULAS)
    assert _score("").flags == "few_words;few_sentences"


def test_the_limits_are_inclusive_at_their_thresholds() -> None:
    ten = "The council met in the hall and voted on the plan. "  # 11 words
    at_limit = _score(ten * 9 + "It passed.")  # 101 words in 10 sentences
    assert (at_limit.n_words, at_limit.n_sentences, at_limit.flags) == (101, 10, "")
    short = _score(ten * 9)  # 99 words
    assert (short.n_words, short.flags) == (99, "few_words")
    sixty = "Council " + " ".join(["council"] * (MAX_WORDS_PER_SENTENCE - 1)) + ". "
    two = _score(sixty * 2)
    assert (two.n_sentences, two.flags) == (2, "few_sentences")
    assert _score(sixty * 3).flags == ""  # a mean of exactly 60 words a sentence is scored
    longer = _score((sixty.rstrip(". ") + " council. ") * 3)
    assert (longer.n_sentences, longer.flags) == (3, "long_sentences")


def test_text_in_another_script_is_flagged_not_scored() -> None:
    sentence = "\u5e02\u8bae\u4f1a\u5468\u4e8c\u901a\u8fc7\u4e86\u65b0\u7684\u9884\u7b97\u3002 "
    r = _score(sentence * 40)
    assert "non_latin_script" in r.flags.split(";")
    assert r.flesch_reading_ease is None
    quoting = _score("The premier, \u674e\u5f3a, said the council approved the new budget after a long debate. " * 12)
    assert quoting.flags == ""  # a name in its own script inside English prose is no reason


def test_flags_reach_the_json_record_and_nulls_stay_null() -> None:
    d = Analyzer(frames=False, loaded=False, attribution=False, readability=True).analyze("Outrageous").to_dict()
    assert d["readability"]["flags"] == "few_words;few_sentences"
    assert d["readability"]["flesch_reading_ease"] is None
    assert d["readability"]["n_words"] == 1
