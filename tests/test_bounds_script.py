"""The pure helpers of benchmarks/bounds.py, on invented tokens (no evaluation data)."""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import bounds

VOCAB = ["mob", "thugs", "vote", "said", "the", "bill"]

docs_strategy = st.lists(
    st.lists(st.tuples(st.sampled_from(VOCAB), st.booleans()), max_size=12).map(
        lambda pairs: ([w for w, _ in pairs], [g for _, g in pairs])
    ),
    min_size=1,
    max_size=6,
)


def f1_of(docs, chosen, max_n=1):
    return bounds.score_list(docs, chosen, max_n)["f1"]


@given(docs_strategy)
def test_best_word_list_is_the_optimum_over_all_subsets(docs):
    best = max(f1_of(docs, set(sub)) for r in range(len(VOCAB) + 1) for sub in itertools.combinations(VOCAB, r))
    assert f1_of(docs, bounds.best_list(docs, 1)) == best


@given(docs_strategy)
def test_oracle_has_full_recall_and_fitted_lists_hold_only_annotated_ngrams(docs):
    oracle = {w for ws, gs in docs for w, g in zip(ws, gs, strict=True) if g}
    if bounds.gold_total(docs):
        assert bounds.score_list(docs, oracle, 1)["recall"] == 1.0
    for part in bounds.fit(docs).values():
        assert part <= bounds.positive_ngrams(docs, bounds.MAX_N).keys()


@given(docs_strategy)
def test_repeated_selection_only_keeps_words_annotated_twice(docs):
    counts = bounds.positive_ngrams(docs, 1)
    assert all(counts[w] >= 2 for w in bounds.best_list(docs, 1, min_positive=2))


def test_runs_and_annotated_phrases():
    words = ["the", "angry", "mob", "stormed", "a", "quiet", "town", "hall", "meeting", "today"]
    gold = [False, True, True, False, False, True, True, True, True, False]
    assert bounds.runs(gold) == [(1, 3), (5, 9)]
    phrases = bounds.annotated_phrases([(words, gold)])
    assert phrases == {"angry mob", "quiet town hall", "town hall meeting"}


def test_phrase_list_flags_only_whole_phrase_occurrences():
    docs = [(["an", "angry", "mob", "and", "an", "angry", "letter"], [False, True, True, False, False, False, False])]
    got = bounds.score_list(docs, {"angry mob"}, 3)
    assert got == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    words_only = bounds.score_list(docs, {"angry", "mob"}, 1)
    assert words_only["precision"] == round(2 / 3, 4)


def test_context_ceiling_counts_leave_one_out_majorities():
    # "radical": positive once, negative twice -> out of reach; "thugs": positive twice, never
    # negative; "slammed": positive once, negative once -> the other occurrence is negative.
    words = ["radical", "radical", "radical", "thugs", "thugs", "slammed", "slammed"]
    gold = [True, False, False, True, True, True, False]
    out = bounds.ceiling([(words, gold)], {"thugs"})
    assert out["majority_negative"] == round(2 / 4, 4)
    assert out["unseen"] == round(2 / 4, 4)
    assert out["outside_best"] == round(2 / 4, 4)


def test_halves_follow_the_parity_of_the_split_index():
    docs = [([str(i)], [True]) for i in range(5)]
    even, odd = bounds.halves(docs, [4, 1, 2, 3, 0])
    assert [d[0][0] for d in even] == ["0", "2", "4"]
    assert [d[0][0] for d in odd] == ["1", "3"]


def test_tokenise_marks_tokens_overlapping_a_span():
    text = "Officials said the so-called plan failed."
    tokens, (words, gold) = bounds.tokenise(text, [(text.index("so-called"), text.index("so-called") + 9)])
    assert words[3:5] == ["so", "called"]
    assert gold == [False, False, False, True, True, False, False]
    assert len(tokens) == len(words)
