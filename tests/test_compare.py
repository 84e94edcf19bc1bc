"""Comparing outlets: feature extraction, statistics, validation on planted and null corpora, reports, CLI."""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import json
import math
import random
import re
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy import stats as sps

from framing.analysis import Analyzer, Record, framing_version
from framing.compare import CompareSettings, compare, compare_features
from framing.compare.cli import add_compare_parser, run_compare
from framing.compare.features import Feature, FeatureData, FeatureTable, check_record, collect, count_words, extract_features
from framing.compare.stats import (
    adjust_pvalues,
    cliffs_delta,
    estimate_clustered,
    estimate_mean,
    estimate_proportion,
    fightin_words,
    frame_distribution,
    kruskal_test,
    mann_whitney,
    paired_wilcoxon,
    rng_for,
)
from framing.errors import FramingError, InputError
from framing.lexicon import Category, Entry, Lexicon, load_lexicon

FAST = {"n_boot": 100, "n_permutations": 99}

# ------------------------------------------------------------------------------------------
# Synthetic corpora from templates (cues come from the project's own lexicon, not from data)
# ------------------------------------------------------------------------------------------

FILLER = [
    "The council met on Tuesday to discuss the proposal.",
    "Residents gathered outside the town hall in the afternoon.",
    "The meeting lasted about two hours and ended without a vote.",
    "A spokesperson said more details would follow next week.",
    "Several speakers asked questions about the timetable.",
    "The report was published on the city website.",
]
PLANTED_LOADED = ["disgraceful", "outrageous", "shameful"]


def _economic_cues() -> list[str]:
    lex = load_lexicon("policy-frames")
    return sorted(t for t in lex.terms("economic") if "*" not in t and t.isalpha())[:12]


def _text(rng: random.Random, cues: list[str]) -> str:
    sents = rng.sample(FILLER, 4)
    for cue in cues:
        sents.insert(rng.randrange(len(sents) + 1), f"Critics pointed to the {cue} again.")
    return " ".join(sents)


def _planted_corpus(n: int = 16, seed: int = 1) -> list[dict[str, Any]]:
    rng = random.Random(seed)  # noqa: S311 - reproducible synthetic text, not security
    econ = _economic_cues()
    recs = []
    for i in range(n):
        cues = [*rng.sample(econ, 3), rng.choice(PLANTED_LOADED)]
        recs.append({"outlet": "Planted", "story": f"s{i}", "text": _text(rng, cues), "date": f"2020-01-{i % 28 + 1:02d}"})
        recs.append({"outlet": "Plain", "story": f"s{i}", "text": _text(rng, []), "date": f"2020-02-{i % 28 + 1:02d}"})
        recs.append({"outlet": "Other", "story": f"s{i}", "text": _text(rng, []), "date": f"2020-03-{i % 28 + 1:02d}"})
    return recs


@dataclass(frozen=True, slots=True)
class _FakeResult:
    data: dict[str, Any]

    def to_dict(self) -> dict[str, Any]:
        return self.data


class FakeLoaded:
    """Shaped like the loaded-language section: counts PLANTED_LOADED words by voice."""

    name = "loaded"
    lexicons = ()

    def score(self, doc, context):  # noqa: ARG002
        spans = doc.token_spans()
        n = len(spans)
        nq = sum(1 for s, _ in spans if doc.voice_at(s) == "quoted")
        hits = [s for (s, _), w in zip(spans, doc.words, strict=True) if w in PLANTED_LOADED]
        hq = sum(1 for s in hits if doc.voice_at(s) == "quoted")
        dens = 100.0 * len(hits) / n if n else 0.0
        return _FakeResult(
            {
                "lexicon": "fake",
                "version": "0",
                "threshold": 4.0,
                "n_tokens": n,
                "score": dens,
                "weight": float(len(hits)),
                "count": len(hits),
                "flagged": dens >= 4.0,
                "authorial": {"score": 100.0 * (len(hits) - hq) / (n - nq) if n - nq else 0.0, "n_tokens": n - nq},
                "quoted": {"score": 100.0 * hq / nq if nq else 0.0, "n_tokens": nq},
                "epistemic": 0.0,
                "categories": {"pejorative": {"group": "loaded", "density": dens, "authorial": dens, "quoted": 0.0}},
                "spans": [],
            }
        )


class FakeAttribution:
    """Shaped like the attribution section: one 'official' attribution per 'said'."""

    name = "attribution"
    lexicons = ()

    def score(self, doc, context):  # noqa: ARG002
        n_said = doc.words.count("said")
        types = {"official": {"attributions": n_said, "quoted_words": 0, "voice_share": None}} if n_said else {}
        return _FakeResult(
            {
                "attributions": [{"kind": "indirect"}] * n_said,
                "balance": {
                    "sources": {},
                    "types": types,
                    "distinct_sources": n_said,
                    "voice_entropy": None,
                    "voice_gini": None,
                    "anonymous_share": 0.0 if n_said else None,
                    "neutral_cue_share": 1.0 if n_said else None,
                    "quoted_share": 0.0,
                    "sides": None,
                    "side_balance": None,
                },
            }
        )


def _fake_analyzer(**kw: Any) -> Analyzer:
    # Stand-ins with planted values replace the real attribution and loaded-language scorers.
    return Analyzer(attribution=False, loaded=False, scorers=[FakeAttribution(), FakeLoaded()], **kw)


# ------------------------------------------------------------------------------------------
# Feature extraction
# ------------------------------------------------------------------------------------------


def test_extract_frames_and_readability_from_a_real_analysis():
    a = Analyzer(readability=True).analyze("The budget deficit and taxes hurt the economy. Jobs were lost.")
    feats = extract_features(a.to_dict())
    assert feats[Feature("frames", "present", "economic")] == 1.0
    assert 0 < feats[Feature("frames", "score", "economic")] < 1
    assert feats[Feature("frames", "share", "economic")] == pytest.approx(1.0)
    assert Feature("readability", "flesch_reading_ease") in feats
    assert not any(f.section == "readability" and f.measure.startswith("n_") for f in feats)
    no_readability = extract_features(Analyzer().analyze("The budget deficit.").to_dict())
    assert not any(f.section == "readability" for f in no_readability)  # a scorer not run adds no feature


def test_extract_loaded_section_defensively():
    d = {
        "loaded": {
            "score": 3.0,
            "n_tokens": 40,
            "count": 2,
            "weight": 2.0,
            "threshold": 4.0,
            "flagged": False,
            "epistemic": 1.5,
            "authorial": {"score": 3.5, "n_tokens": 34},
            "quoted": {"score": 0.0, "n_tokens": 0},
            "categories": {"pejorative": {"density": 2.0, "authorial": 2.5, "quoted": 0.0}, "bad": "x"},
            "novel": 7,
            "text": "ignored",
        }
    }
    f = extract_features(d)
    assert f[Feature("loaded", "score")] == 3.0
    assert f[Feature("loaded", "authorial")] == 3.5
    assert f[Feature("loaded", "quoted")] is None  # no quoted tokens: missing, not zero
    assert f[Feature("loaded", "quoted", "pejorative")] is None
    assert f[Feature("loaded", "density", "pejorative")] == 2.0
    assert f[Feature("loaded", "flagged")] == 0.0
    assert f[Feature("loaded", "novel")] == 7.0
    for skipped in ("n_tokens", "count", "weight", "threshold"):
        assert Feature("loaded", skipped) not in f


def test_extract_attribution_and_zero_fill_of_source_types():
    def doc(types):
        return {
            "n_tokens": 200,
            "attributions": [{}] * sum(types.values()),
            "attribution": {
                "attributions": [{}] * sum(types.values()),
                "balance": {
                    "types": {t: {"attributions": c} for t, c in types.items()},
                    "anonymous_share": None,
                    "quoted_share": 0.1,
                    "sides": {"left": {"voice_share": 0.25}},
                },
            },
        }

    t = FeatureTable()
    t.add("A", None, extract_features({**doc({"official": 3}), "n_tokens": 200}))
    t.add("A", None, extract_features({**doc({"expert": 1, "official": 1}), "n_tokens": 200}))
    t.add("B", None, extract_features({**doc({}), "n_tokens": 200}))
    data = t.freeze()
    expert = data.column(Feature("attribution", "type_share", "expert"))
    assert expert[0] == 0.0  # typed attributions but no expert: 0 (ZERO_FILL), although seen only later
    assert expert[1] == 0.5
    assert math.isnan(expert[2])  # no attribution at all: missing
    assert data.column(Feature("attribution", "per_1k_tokens"))[0] == pytest.approx(15.0)
    assert np.isnan(data.column(Feature("attribution", "anonymous_share"))).all()
    assert data.column(Feature("attribution", "side_share", "left"))[0] == 0.25


def test_extract_ignores_malformed_sections():
    assert (
        extract_features({"frames": "x", "loaded": [1], "attribution": {"balance": 3}, "readability": None, "dictionaries": {"a": 1}}) == {}
    )


def test_dictionary_features():
    a = Analyzer(frames=False, dictionaries=["negation"]).analyze('No one came. "Never," he said.')
    f = extract_features(a.to_dict())
    assert f[Feature("dictionary:negation", "rate", "negators")] > 0
    assert f[Feature("dictionary:negation", "quoted", "negators")] is not None


def _weighted_lexicon() -> Lexicon:
    # Every word in both categories, as in an eMFD-style table: counts alike, weights apart.
    return Lexicon(
        "weights-demo",
        "1.0",
        "CC0-1.0",
        "Test lexicon.",
        "Weighted words.",
        (
            Category("care", "Care.", (Entry.parse("protect", weight=0.75), Entry.parse("fair", weight=0.5))),
            Category("fairness", "Fairness.", (Entry.parse("protect", weight=0.25), Entry.parse("fair", weight=1.5))),
        ),
    )


def test_weighted_dictionary_features_are_summed_weights_per_1000_tokens_by_voice():
    text = 'They protect a fair deal. "It is fair," she said.'
    a = Analyzer(frames=False, attribution=False, loaded=False, dictionaries=[_weighted_lexicon()]).analyze(text).to_dict()
    sec = a["dictionaries"]["weights-demo"]
    n, na, nq = sec["n_tokens"], sec["n_tokens_authorial"], sec["n_tokens_quoted"]
    assert nq > 0
    f = extract_features(a)
    d = "dictionary:weights-demo"
    assert f[Feature(d, "rate", "care")] == f[Feature(d, "rate", "fairness")]  # same words, same counts
    assert f[Feature(d, "weighted", "care")] == pytest.approx(1000 * (0.75 + 0.5 + 0.5) / n)
    assert f[Feature(d, "weighted", "fairness")] == pytest.approx(1000 * (0.25 + 1.5 + 1.5) / n)
    assert f[Feature(d, "weighted_authorial", "fairness")] == pytest.approx(1000 * (0.25 + 1.5) / na)
    assert f[Feature(d, "weighted_quoted", "fairness")] == pytest.approx(1000 * 1.5 / nq)
    unquoted = extract_features(
        Analyzer(frames=False, attribution=False, loaded=False, dictionaries=[_weighted_lexicon()]).analyze("Fair.").to_dict()
    )
    assert unquoted[Feature(d, "weighted_quoted", "care")] is None  # no quoted token: no quoted density


def test_weighted_columns_are_kept_for_weighted_lexicons_and_dropped_where_they_repeat_the_rates():
    analyzer = Analyzer(frames=False, attribution=False, loaded=False, dictionaries=[_weighted_lexicon(), "negation"])
    texts = ["They protect a fair deal.", '"Not fair," he said. No one came.', "Nothing was fair or safe.", "We protect them."]
    records = [{"outlet": "AB"[i % 2], "text": t} for i, t in enumerate(texts * 2)]
    report = compare(records, analyzer=analyzer, duplicates="keep", **FAST)  # each text in both outlets, on purpose
    names = {f.name for f in report.features}
    assert "dictionary:weights-demo.weighted.fairness" in names
    assert "dictionary:weights-demo.weighted_quoted.care" in names
    assert "dictionary:weights-demo.weighted.fairness" in {t.feature for t in report.omnibus}
    assert "dictionary:negation.rate.negators" in names
    assert not any(n.startswith("dictionary:negation.weighted") for n in names)  # weights all 1: same as the rates


def test_count_words_drops_numbers_stop_words_and_single_letters():
    assert count_words(["the", "1990", "90s", "u", "s", "tax", "Tax".lower(), "3rd"]) == Counter({"tax": 2, "90s": 1, "3rd": 1})


# ------------------------------------------------------------------------------------------
# Statistics: formulas against references
# ------------------------------------------------------------------------------------------


def test_holm_and_bh_against_hand_and_scipy():
    p = [0.01, 0.02, 0.03, 0.04, 0.20]
    assert adjust_pvalues(p, "holm") == pytest.approx([0.05, 0.08, 0.09, 0.09, 0.20])
    assert adjust_pvalues(p, "fdr_bh") == pytest.approx(list(sps.false_discovery_control(p)))
    with pytest.raises(ValueError, match="correction"):
        adjust_pvalues(p, "bonferroni")  # type: ignore[arg-type]


@given(st.lists(st.floats(0, 1), min_size=1, max_size=30), st.sampled_from(["holm", "fdr_bh"]))
def test_adjusted_pvalues_are_monotone_and_bounded(ps, method):
    adj = adjust_pvalues(ps, method)
    assert all(0 <= a <= 1 and a >= p - 1e-12 for a, p in zip(adj, ps, strict=True))
    order = np.argsort(ps, kind="stable")
    assert all(adj[order[i]] <= adj[order[i + 1]] + 1e-12 for i in range(len(ps) - 1))


@given(st.lists(st.integers(0, 5), min_size=1, max_size=15), st.lists(st.integers(0, 5), min_size=1, max_size=15))
def test_cliffs_delta_matches_brute_force_and_u(a, b):
    x, y = np.array(a, float), np.array(b, float)
    brute = sum((i > j) - (i < j) for i in a for j in b) / (len(a) * len(b))
    assert cliffs_delta(x, y) == pytest.approx(brute)
    u, p, d, _ = mann_whitney(x, y)
    assert d == pytest.approx(2 * u / (len(a) * len(b)) - 1)
    assert 0 <= p <= 1


def _brute_force_mw_pvalue(a, b):
    """Two-sided exact permutation p of the rank sum (midranks): twice the smaller tail, at most 1."""
    pooled = np.concatenate([a, b])
    ranks = sps.rankdata(pooled)
    observed = ranks[: len(a)].sum()
    sums = np.array([ranks[list(idx)].sum() for idx in itertools.combinations(range(len(pooled)), len(a))])
    return min(1.0, 2 * min(np.mean(sums <= observed + 1e-9), np.mean(sums >= observed - 1e-9)))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=1, max_size=7), st.lists(st.integers(0, 4), min_size=1, max_size=7))
def test_mann_whitney_small_samples_with_ties_get_the_exact_permutation_p(a, b):
    x, y = np.array(a, float), np.array(b, float)
    _u, p, _d, note = mann_whitney(x, y)
    if note:  # all values identical
        assert p == 1.0
        return
    assert p == pytest.approx(_brute_force_mw_pvalue(x, y), abs=1e-9)


def test_mann_whitney_small_tied_samples_are_not_anti_conservative():
    # the normal approximation gives 0.197 here; every one of the 20 splits is equally likely
    assert mann_whitney(np.array([0.0, 0.0, 0.0]), np.array([0.0, 1.0, 4.0]))[1] == pytest.approx(0.4)
    rng = np.random.default_rng(3)
    a, b = rng.integers(0, 3, 8).astype(float), rng.integers(0, 3, 8).astype(float)
    assert mann_whitney(a, b)[1] == pytest.approx(sps.mannwhitneyu(a, b, method=sps.PermutationMethod(n_resamples=20000)).pvalue)


def test_mann_whitney_without_ties_matches_scipy_exact_and_large_samples_the_normal_approximation():
    rng = np.random.default_rng(4)
    a, b = rng.normal(size=12), rng.normal(0.8, size=14)
    assert mann_whitney(a, b)[1] == pytest.approx(sps.mannwhitneyu(a, b, method="exact").pvalue)
    a, b = rng.integers(0, 5, 60).astype(float), rng.integers(0, 5, 70).astype(float)
    assert mann_whitney(a, b)[1] == pytest.approx(sps.mannwhitneyu(a, b, method="asymptotic").pvalue)


def _enumerated_kruskal_pvalue(groups):
    """P(H >= observed H) over every assignment of the pooled values to groups of the same sizes."""
    pooled = np.concatenate(groups)
    sizes = [len(g) for g in groups]
    observed = sps.kruskal(*groups).statistic
    hits = total = 0
    for order in set(itertools.permutations(range(len(pooled)))):
        parts = np.split(pooled[list(order)], np.cumsum(sizes)[:-1])
        values = np.concatenate(parts)
        h = 0.0 if values.min() == values.max() else sps.kruskal(*parts).statistic
        hits += h >= observed - 1e-9
        total += 1
    return hits / total


@settings(max_examples=25, deadline=None)
@given(st.lists(st.lists(st.integers(0, 3), min_size=1, max_size=3), min_size=2, max_size=3))
def test_kruskal_small_samples_get_a_permutation_p_close_to_the_enumerated_one(raw):
    groups = [np.array(g, float) for g in raw]
    if sum(len(g) for g in groups) > 7:
        return
    _h, p, _e, note = kruskal_test({str(i): g for i, g in enumerate(groups)}, rng=rng_for(0, "kw"))
    if note:
        return
    assert p == pytest.approx(_enumerated_kruskal_pvalue(groups), abs=0.02)


def test_kruskal_small_tied_samples_are_not_anti_conservative():
    # the chi-squared approximation gives 0.083; two of the six splits are as extreme
    _h, p, _e, _n = kruskal_test({"a": np.array([2.0, 2.0]), "b": np.array([1.0, 1.0])}, rng=rng_for(0, "kw"))
    assert p == pytest.approx(1 / 3, abs=0.02)
    big = {"a": np.arange(40.0), "b": np.arange(40.0) + 5}
    assert kruskal_test(big)[1] == pytest.approx(sps.kruskal(big["a"], big["b"]).pvalue)


def test_fightin_words_formula_for_one_word():
    counts = {"a": Counter({"tax": 30, "war": 5, "vote": 15}), "b": Counter({"tax": 10, "war": 25, "vote": 15})}
    res = fightin_words(counts, alpha0=100.0, top=3, min_count=1)
    tax = next(t for t in res[0].over if t.term == "tax")
    n, yw, a0 = 100, 40, 100.0
    aw = a0 * yw / n
    delta = math.log((30 + aw) / (50 + a0 - 30 - aw)) - math.log((10 + aw) / (50 + a0 - 10 - aw))
    assert tax.log_odds == pytest.approx(delta)
    assert tax.z == pytest.approx(delta / math.sqrt(1 / (30 + aw) + 1 / (10 + aw)))
    assert res[1].under[0].term == "tax"  # symmetric: b under-uses what a over-uses
    assert res[0].over[0].z == pytest.approx(-res[1].under[0].z)


def test_frame_distribution_matches_scipy_and_cramers_v():
    rng = np.random.default_rng(3)
    labels = ["a"] * 30 + ["b"] * 30
    present = (rng.random((60, 4)) < np.r_[[0.6] * 30, [0.2] * 30][:, None]).astype(float)
    fd = frame_distribution(["f1", "f2", "f3", "f4"], labels, present, np.full((60, 4), np.nan), n_permutations=99, rng=rng_for(0, "x"))
    table = np.array(fd.counts)
    ref = sps.chi2_contingency(table, correction=False)
    assert fd.chi2 == pytest.approx(ref.statistic)
    assert fd.cramers_v == pytest.approx(sps.contingency.association(table, method="cramer"))
    assert fd.profiles == (None, None)
    assert 0 < fd.p_permutation <= 1


@settings(max_examples=40)
@given(st.integers(min_value=2, max_value=12), st.randoms(use_true_random=False))
def test_frame_profiles_do_not_depend_on_row_order_to_the_last_bit(n, rnd):
    # Rows that tie on outlet and presence pattern keep the input order internally; the profiles
    # (means of shares) must still be bit-identical for any order of the documents.
    gen = np.random.default_rng(rnd.randrange(2**32))
    labels = ["a"] * n + ["b"] * n
    present = np.ones((2 * n, 3))
    shares = gen.dirichlet([0.3, 0.3, 0.3], size=2 * n)
    order = list(range(2 * n))
    rnd.shuffle(order)
    one = frame_distribution(["f1", "f2", "f3"], labels, present, shares, n_permutations=0)
    two = frame_distribution(["f1", "f2", "f3"], [labels[i] for i in order], present[order], shares[order], n_permutations=0)
    assert one.profiles == two.profiles
    assert one.js_distance == two.js_distance


def test_paired_wilcoxon_matches_scipy():
    d = np.array([0.5, 1.2, -0.3, 2.0, 0.9, 1.1, 0.0, 1.4])
    t, p, r, _ = paired_wilcoxon(d)
    ref = sps.wilcoxon(d, zero_method="wilcox", method="exact")
    assert t == ref.statistic
    assert p == pytest.approx(ref.pvalue)
    assert 0 < r <= 1
    big = np.random.default_rng(2).normal(0.2, 1.0, 70)  # beyond the exact range: normal approximation
    assert paired_wilcoxon(big)[1] == pytest.approx(sps.wilcoxon(big, method="asymptotic").pvalue)


def _brute_force_signed_rank_pvalue(d):
    """Two-sided p over every sign pattern of the non-zero differences' midranks."""
    nz = d[d != 0]
    ranks = sps.rankdata(np.abs(nz))
    observed = ranks[nz > 0].sum()
    sums = [sum(r for r, s in zip(ranks, signs, strict=True) if s) for signs in itertools.product((0, 1), repeat=len(nz))]
    low = sum(s <= observed + 1e-9 for s in sums) / len(sums)
    high = sum(s >= observed - 1e-9 for s in sums) / len(sums)
    return min(1.0, 2 * min(low, high))


@given(st.lists(st.integers(-3, 3), min_size=1, max_size=9))
def test_paired_wilcoxon_small_samples_with_ties_get_the_exact_sign_flip_p(raw):
    d = np.array(raw, float)
    t, p, r, note = paired_wilcoxon(d)
    if note:  # every difference zero
        assert (p, r) == (1.0, 0.0)
        return
    assert p == pytest.approx(_brute_force_signed_rank_pvalue(d), abs=1e-12)
    nz = d[d != 0]
    ranks = sps.rankdata(np.abs(nz))
    assert t == min(ranks[nz > 0].sum(), ranks[nz < 0].sum())


def test_default_min_stories_is_the_fewest_that_can_reach_significance():
    # exact two-sided Wilcoxon: with every difference of one sign the p-value is 2 / 2**n
    assert paired_wilcoxon(np.arange(1.0, 6.0))[1] == pytest.approx(2 / 32)
    assert paired_wilcoxon(np.arange(1.0, 7.0))[1] == pytest.approx(2 / 64)
    assert CompareSettings().min_stories == 6


def test_estimates_degenerate_cases_have_no_nan():
    assert estimate_mean(np.array([])).mean is None
    one = estimate_mean(np.array([2.0]))
    # one document says nothing about the spread: no interval rather than a zero-width one
    assert (one.ci_low, one.mean, one.ci_high, one.method) == (None, 2.0, None, "degenerate")
    story = estimate_clustered(np.array([1.0, 3.0, 2.0]), np.array([7, 7, 7]))
    assert (story.ci_low, story.mean, story.ci_high, story.note) == (None, 2.0, None, "one story: no interval")
    # a binary feature at 0 % in one story still gets its Wilson interval
    assert estimate_clustered(np.zeros(3), np.array([7, 7, 7]), binary=True).ci_high is not None
    const = estimate_mean(np.array([0.0] * 9))
    assert const.method == "degenerate"
    assert "constant" in const.note
    bca = estimate_mean(np.array([0.0] * 19 + [1.0]), method="BCa", n_boot=200, rng=rng_for(0, "b"))
    assert bca.ci_low is not None
    assert bca.ci_low <= bca.mean <= bca.ci_high
    assert kruskal_test({"a": np.ones(3), "b": np.ones(2)})[1] == 1.0


@given(st.integers(1, 400), st.data(), st.sampled_from([0.8, 0.9, 0.95, 0.99]))
def test_wilson_interval_matches_scipy_and_contains_the_prevalence(n, data, confidence):
    k = data.draw(st.integers(0, n))
    e = estimate_proportion(np.array([1.0] * k + [0.0] * (n - k)), confidence=confidence)
    ref = sps.binomtest(k, n).proportion_ci(confidence_level=confidence, method="wilson")
    assert e.method == "wilson"
    assert e.mean == pytest.approx(k / n)
    assert e.ci_low == pytest.approx(ref.low, abs=1e-9)
    assert e.ci_high == pytest.approx(ref.high, abs=1e-9)
    assert 0.0 <= e.ci_low <= e.mean <= e.ci_high <= 1.0
    assert e.ci_low < e.ci_high  # informative even at 0 % and 100 %


def test_prevalence_estimates_use_wilson_and_reject_non_binary_values():
    assert estimate_proportion(np.array([])).mean is None
    with pytest.raises(ValueError, match="0/1"):
        estimate_proportion(np.array([0.0, 0.5]), feature="frames.present.economic", outlet="a")
    docs = [{"outlet": o, "text": t} for o in ("a", "b") for t in ("Taxes and jobs and the budget.", "A quiet day.")]
    report = compare(docs, by="outlet", n_boot=200, seed=1, duplicates="keep")  # the same texts in both outlets, on purpose
    methods = {e.method for e in report.estimates if e.feature.startswith("frames.present.")}
    assert methods == {"wilson"}


def test_length_dependent_counts_are_reported_but_not_tested():
    short = '"We agree," Ann Lee said.'
    long = " ".join(f'"Point {i} stands," said Official{chr(65 + i)} Smith{chr(65 + i)}.' for i in range(8))
    docs = [{"outlet": "brief", "text": short}] * 6 + [{"outlet": "long", "text": long}] * 6
    report = compare(docs, by="outlet", n_boot=200, seed=1, duplicates="keep")  # repeated texts, on purpose
    kinds = {f.name: f.kind for f in report.features}
    assert kinds["attribution.distinct_sources"] == "count"
    assert kinds["attribution.sources_per_1k_tokens"] == "score"
    tested = {t.feature for t in report.omnibus}
    assert "attribution.distinct_sources" not in tested
    assert "attribution.sources_per_1k_tokens" in tested
    est = report.estimate("attribution.distinct_sources", "long")
    assert est.mean is not None
    assert est.mean > report.estimate("attribution.distinct_sources", "brief").mean


@given(st.lists(st.floats(-5, 5, allow_nan=False), min_size=1, max_size=30), st.booleans())
def test_clustered_estimate_without_clusters_is_the_plain_estimate(values, binary):
    x = np.array([1.0 if v > 0 else 0.0 for v in values]) if binary else np.array(values)
    ids = np.arange(len(x), dtype=np.int64)
    got = estimate_clustered(x, ids, binary=binary, n_boot=200, rng=rng_for(0, "c"))
    want = estimate_proportion(x) if binary else estimate_mean(x, n_boot=200, rng=rng_for(0, "c"))
    assert (got.mean, got.ci_low, got.ci_high, got.method) == (want.mean, want.ci_low, want.ci_high, want.method)


def test_cluster_bootstrap_covers_the_mean_when_stories_are_correlated():
    # 8 stories x 5 articles; articles of one story share a strong story effect. Intervals that
    # treat the 40 articles as independent are far too narrow; resampling stories is not.
    gen = np.random.default_rng(7)
    ids = np.repeat(np.arange(8), 5)
    covered_cluster = covered_plain = 0
    runs = 100
    for i in range(runs):
        x = np.repeat(gen.normal(0.0, 1.0, 8), 5) + gen.normal(0.0, 0.2, 40)
        c = estimate_clustered(x, ids, n_boot=400, rng=rng_for(i, "cov"))
        p = estimate_mean(x, n_boot=400, rng=rng_for(i, "cov"))
        covered_cluster += c.ci_low <= 0.0 <= c.ci_high
        covered_plain += p.ci_low <= 0.0 <= p.ci_high
    assert covered_cluster >= 0.8 * runs
    assert covered_plain <= 0.7 * runs


def test_compare_with_stories_resamples_stories_and_ignores_input_order():
    docs = [
        {"outlet": o, "story": f"s{k}", "text": t}
        for o in ("a", "b")
        for k in range(4)
        for t in (f"Taxes and the budget, part {k}.", f"Taxes, jobs and wages {k}.", "A quiet day at the harbour.")
    ]
    # the texts repeat across outlets: kept on purpose (duplicates="keep")
    first = compare(docs, by="outlet", pair_by="story", n_boot=200, seed=3, duplicates="keep")
    again = compare(list(reversed(docs)), by="outlet", pair_by="story", n_boot=200, seed=3, duplicates="keep")
    methods = {e.method for e in first.estimates}
    assert any(m.startswith("cluster-bootstrap") or m == "wilson-clusters" for m in methods)
    assert [e.to_dict() for e in first.estimates] == [e.to_dict() for e in again.estimates]
    plain = compare(docs, by="outlet", n_boot=200, seed=3, duplicates="keep")
    assert not any(e.method.startswith("cluster") for e in plain.estimates)


def test_with_stories_the_rank_tests_count_stories_not_articles():
    # Each outlet covers two stories with five near-identical articles each: ten articles per
    # outlet, but only two independent observations.
    words = {"s1": "taxes budget deficit", "s2": "court judge ruling", "s3": "taxes jobs wages", "s4": "police arrest crime"}
    docs = [
        {"outlet": o, "story": k, "text": f"The {words[k]} story, part {i}. Officials said it mattered."}
        for o, stories in (("a", ("s1", "s2")), ("b", ("s3", "s4")))
        for k in stories
        for i in range(5)
    ]
    by_story = compare(docs, by="outlet", pair_by="story", n_boot=200, seed=1)
    by_article = compare([{k: v for k, v in d.items() if k != "story"} for d in docs], by="outlet", n_boot=200, seed=1)
    test = next(t for t in by_story.omnibus if t.feature == "frames.score.economic")
    plain = next(t for t in by_article.omnibus if t.feature == "frames.score.economic")
    assert (test.n, plain.n) == (4, 20)
    assert any("one value per outlet and story" in n for n in by_story.notes)


def test_pairwise_mean_difference_agrees_with_the_estimates_when_stories_are_given():
    # Outlet a: three quiet articles on one story and one dense one on another; outlet b: two
    # articles of middling density. Story means and document means order the outlets differently.
    dense = "Taxes, the budget, wages, jobs, prices and the deficit dominated the talks."
    quiet = "A quiet day at the harbour with boats and gulls and a long walk along the pier."
    mid = "The budget was discussed at the harbour meeting with boats and gulls."
    docs = [{"outlet": "a", "story": "s1", "text": quiet}] * 3 + [{"outlet": "a", "story": "s2", "text": dense}]
    docs += [{"outlet": "b", "story": "s3", "text": mid}, {"outlet": "b", "story": "s4", "text": mid}]
    report = compare(docs, by="outlet", pair_by="story", n_boot=200, seed=0, duplicates="keep")  # repeated texts, on purpose
    for t in report.pairwise:
        ea = report.estimate(t.feature, t.outlet_a).mean
        eb = report.estimate(t.feature, t.outlet_b).mean
        assert ea is not None
        assert eb is not None
        assert t.mean_difference == pytest.approx(ea - eb)


def test_one_story_at_zero_prevalence_still_gets_an_interval():
    e = estimate_clustered(np.zeros(4), np.zeros(4, dtype=np.int64), binary=True)
    assert (e.mean, e.ci_low, e.method) == (0.0, 0.0, "wilson-clusters")
    assert e.ci_high is not None
    assert e.ci_high > 0.5


def test_frame_test_with_stories_compares_outlets_within_stories():
    # The frames depend on the story only; outlet a mostly covers the economic story and b the
    # crime story. Across all articles the outlets differ (story mix); within stories they do not.
    econ = "Taxes, the budget, wages, jobs, prices and the deficit dominated the talks."
    crime = "Police arrested the suspect after the robbery; prosecutors filed charges in court."
    docs = [{"outlet": "a", "story": "econ", "text": econ}] * 8 + [{"outlet": "a", "story": "crime", "text": crime}] * 2
    docs += [{"outlet": "b", "story": "econ", "text": econ}] * 2 + [{"outlet": "b", "story": "crime", "text": crime}] * 8
    # one text per story, repeated on purpose: duplicates="keep"
    plain = compare(
        [{k: v for k, v in d.items() if k != "story"} for d in docs], by="outlet", n_boot=100, n_permutations=199, seed=2, duplicates="keep"
    )
    within = compare(docs, by="outlet", pair_by="story", n_boot=100, n_permutations=199, seed=2, duplicates="keep")
    assert plain.frames is not None
    assert within.frames is not None
    assert plain.frames.p_permutation is not None
    assert within.frames.p_permutation is not None
    assert plain.frames.p_permutation < 0.05
    assert within.frames.p_permutation > 0.5
    assert within.frames.stratified
    assert not plain.frames.stratified
    assert within.frames.to_dict()["stratified"] is True
    assert "permutation within stories" in within.to_markdown()
    assert "permutation within stories" not in plain.to_markdown()


# ------------------------------------------------------------------------------------------
# Validation: a planted difference is found; no difference rejects at about the nominal rate
# ------------------------------------------------------------------------------------------


def test_planted_frame_and_loaded_difference_is_detected():
    report = compare(_planted_corpus(), analyzer=_fake_analyzer(), pair_by="story", seed=1, n_boot=100, n_permutations=499)
    assert report.test("frames.score.economic").p_value < 0.01
    assert report.test("frames.score.economic").significant
    assert report.test("loaded.score").p_value < 0.01
    assert report.frames is not None
    assert report.frames.p_permutation < 0.01
    assert report.frames.p_value < 0.01
    plain_vs_planted = next(t for t in report.pairwise if t.feature == "loaded.score" and {t.outlet_a, t.outlet_b} == {"Plain", "Planted"})
    assert plain_vs_planted.cliffs_delta == -1.0  # "Plain" < "Planted" alphabetically, and always lower
    assert plain_vs_planted.significant
    # matched stories: every story has the planted outlet higher
    paired = next(t for t in report.paired if t.feature == "loaded.score" and t.outlet_b == "Planted" and t.outlet_a == "Plain")
    assert paired.p_value < 0.01
    assert paired.rank_biserial == -1.0
    # distinctive language: the planted words lead the planted outlet's list
    planted = next(d for d in report.distinctive if d.outlet == "Planted")
    top = {t.term for t in planted.over[:8]}
    assert top & set(PLANTED_LOADED)
    assert top & set(_economic_cues())
    # and the unplanted features do not differ
    assert not report.test("attribution.per_1k_tokens").significant
    assert report.estimate("loaded.quoted", "Planted").n == 0  # no quotation anywhere: missing, not 0
    assert report.estimate("attribution.type_share.official", "Plain").mean in {None, 1.0}


def _null_data(n: int = 60, seed: int = 7) -> FeatureData:
    rng = np.random.default_rng(seed)
    t = FeatureTable()
    for i in range(n):
        t.add(
            "x",
            None,
            {
                Feature("readability", "flesch_reading_ease"): float(rng.normal(50, 10)),
                Feature("loaded", "score"): float(rng.exponential(2.0)) if rng.random() < 0.4 else 0.0,  # zero-inflated, tied
                Feature("frames", "score", "economic"): float(rng.integers(0, 4)) / 4,  # heavily tied
            },
            [f"w{rng.integers(0, 30)}" for _ in range(20)],
        )
        del i
    return t.freeze()


def test_rank_tests_reject_at_about_nominal_rate_under_label_permutation():
    base = _null_data()
    rng = np.random.default_rng(11)
    labels = np.array(["a", "b", "c"] * 20, dtype=object)
    rejections = Counter()
    n_rep = 100
    for _ in range(n_rep):
        perm = rng.permutation(labels)
        for j, f in enumerate(base.features):
            col = base.values[:, j]
            groups = {o: col[perm == o] for o in ("a", "b", "c")}
            _h, p, _e, _n = kruskal_test(groups)
            rejections[f.name, "kw"] += p < 0.05
            _u, pmw, _d, _n = mann_whitney(groups["a"], groups["b"])
            rejections[f.name, "mwu"] += pmw < 0.05
    # Binomial(100, 0.05): P(X > 12) < 0.002, and a correct test is at or below nominal.
    for key, count in rejections.items():
        assert count / n_rep <= 0.12, key


def test_frame_chi2_permutation_test_is_calibrated_under_random_splits():
    rng = np.random.default_rng(5)
    present = (rng.random((45, 5)) < [0.7, 0.4, 0.3, 0.2, 0.1]).astype(float)
    present[:, 1] = np.maximum(present[:, 1], present[:, 0] * (rng.random(45) < 0.5))  # correlated frames (multi-label)
    labels = np.array(["a", "b", "c"] * 15, dtype=object)
    hits_perm = 0
    for k in range(100):
        lab = list(rng.permutation(labels))
        fd = frame_distribution(list("vwxyz"), lab, present, np.full((45, 5), np.nan), n_permutations=99, rng=rng_for(k, "n"))
        hits_perm += fd.p_permutation < 0.05
    assert hits_perm <= 12


def test_holm_controls_familywise_rejections_under_the_null():
    base = _null_data(n=45, seed=3)
    rng = np.random.default_rng(2)
    labels = np.array(["a", "b", "c"] * 15, dtype=object)
    family_rejections = 0
    for _ in range(50):
        perm = rng.permutation(labels)
        data = FeatureData(base.features, base.values, tuple(perm), (None,) * 45, {"a": Counter()}, {})
        report = compare_features(data, CompareSettings(n_boot=10, n_permutations=0))
        family_rejections += any(t.significant for t in report.omnibus)
    assert family_rejections <= 8  # FWER <= 0.05 nominal; P(Bin(50, .05) > 8) < 0.002


# ------------------------------------------------------------------------------------------
# Properties: order invariance, CIs contain estimates, p-values in [0, 1], JSON without NaN
# ------------------------------------------------------------------------------------------

values = st.one_of(st.none(), st.integers(0, 4).map(float), st.floats(-5, 5, allow_nan=False, allow_infinity=False))
rows = st.lists(
    st.tuples(st.sampled_from(["A", "B", "C"]), st.sampled_from([None, "s1", "s2"]), values, values, st.booleans()),
    min_size=1,
    max_size=14,
)


def _data(rs) -> FeatureData:
    t = FeatureTable()
    for outlet, story, v1, v2, pres in rs:
        t.add(
            outlet,
            story,
            {
                Feature("loaded", "score"): v1,
                Feature("readability", "gunning_fog"): v2,
                Feature("frames", "present", "economic"): float(pres),
                Feature("frames", "present", "political"): float(not pres),
                Feature("frames", "share", "economic"): float(pres),
                Feature("frames", "share", "political"): float(not pres),
            },
            ["tax"] * int(pres) + ["war", "vote"],
        )
    return t.freeze()


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_close(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_close(x, y) for x, y in zip(a, b, strict=True))
    return a == b


SMALL = CompareSettings(n_boot=30, n_permutations=19, min_stories=1, fw_min_count=1, pair_by="story")


@settings(max_examples=30)
@given(rows, st.randoms(use_true_random=False))
def test_report_is_invariant_to_document_and_outlet_order(rs, rnd):
    shuffled = list(rs)
    rnd.shuffle(shuffled)
    a = compare_features(_data(rs), SMALL).to_dict()
    b = compare_features(_data(shuffled), SMALL).to_dict()
    assert _close(a, b)


@settings(max_examples=30)
@given(rows)
def test_intervals_contain_estimates_and_pvalues_are_probabilities(rs):
    report = compare_features(_data(rs), SMALL)
    for e in report.estimates:
        if e.mean is None:
            assert e.n == 0
            assert e.ci_low is None
        elif e.ci_low is None:  # one document or one story: no interval
            assert e.ci_high is None
            assert e.method == "degenerate"
        else:
            assert e.ci_high is not None
            assert e.ci_low <= e.mean <= e.ci_high
    ps = [t.p_value for t in report.omnibus] + [t.p_adjusted for t in report.omnibus]
    ps += [t.p_value for t in report.pairwise] + [t.p_adjusted for t in report.pairwise]
    ps += [t.p_value for t in report.paired] + [t.p_adjusted for t in report.paired]
    if report.frames is not None:
        ps += [report.frames.p_value, report.frames.p_permutation]
    assert all(p is None or 0 <= p <= 1 for p in ps)
    json.dumps(report.to_dict(), allow_nan=False)
    assert report.to_markdown().startswith("# Outlet comparison")


# ------------------------------------------------------------------------------------------
# compare(): inputs, degenerate cases, streaming, parallel
# ------------------------------------------------------------------------------------------


def test_missing_outlet_is_a_typed_error_naming_the_record():
    with pytest.raises(InputError, match=r":2: field 'outlet' is missing"):
        compare([{"outlet": "A", "text": "x"}, {"text": "y"}], **FAST)
    with pytest.raises(InputError, match="'text' is missing"):
        compare([{"outlet": "A"}], **FAST)
    with pytest.raises(InputError, match="not a mapping"):
        compare(["just text"], **FAST)
    with pytest.raises(InputError, match="no documents"):
        compare([], **FAST)
    assert issubclass(InputError, FramingError)


def test_skipping_records_without_outlet():
    recs = [{"outlet": "A", "text": "Taxes rose."}, {"text": "orphan"}, {"outlet": "B", "text": "Troops fought."}]
    report = compare(recs, on_missing="skip", **FAST)
    assert report.n_skipped == 1
    assert report.n_documents == 2
    assert any("skipped" in n for n in report.notes)


def test_one_outlet_gives_estimates_and_says_so():
    report = compare([{"outlet": "A", "text": "Taxes rose."}, {"outlet": "A", "text": "Jobs fell."}], **FAST)
    assert report.omnibus == ()
    assert report.pairwise == ()
    assert report.distinctive == ()
    assert "only one outlet" in report.notes[0]
    assert report.estimate("frames.score.economic", "A").n == 2
    json.dumps(report.to_dict(), allow_nan=False)


def test_one_document_per_outlet_and_identical_texts():
    text = "The budget deficit and taxes worried voters."
    report = compare([Record(text, metadata={"outlet": o}) for o in ("A", "B", "C")], duplicates="keep", **FAST)
    econ = report.test("frames.score.economic")
    assert (econ.statistic, econ.p_value, econ.note) == (0.0, 1.0, "all values identical")
    assert all(t.p_value == 1.0 and t.cliffs_delta == 0.0 for t in report.pairwise)
    e = report.estimate("frames.score.economic", "A")
    assert e.mean is not None
    assert e.ci_low is None
    assert e.ci_high is None
    assert "one document" in e.note
    assert report.frames is not None
    assert report.frames.js_distance[0][1] == 0.0
    assert all(not d.over and not d.under for d in report.distinctive)
    json.dumps(report.to_dict(), allow_nan=False)


def test_an_outlet_without_values_is_reported_as_missing():
    report = compare([{"outlet": "A", "text": "2024."}, {"outlet": "B", "text": "Taxes and jobs."}, {"outlet": "B", "text": "Wages."}], **FAST)
    e = report.estimate("readability.flesch_reading_ease", "A")
    assert (e.n, e.mean, e.ci_low) == (0, None, None)
    assert report.test("readability.flesch_reading_ease").note == "fewer than two outlets with data"
    with pytest.raises(KeyError, match="no outlet 'Z'"):
        report.estimate("frames.score.economic", "Z")
    with pytest.raises(KeyError, match="no feature"):
        report.estimate("nope", "A")


def test_streams_records_and_accepts_integer_labels_and_title():
    seen = []

    def gen():
        for i in range(6):
            seen.append(i)
            yield {"outlet": i % 2, "story": i // 2, "text": "Troops and the army.", "title": "War"}

    data = collect(gen(), analyzer=Analyzer(), by="outlet", pair_by="story", chunksize=2, duplicates="keep")
    assert sorted(set(data.outlets)) == ["0", "1"]
    assert data.stories[:2] == ("0", "0")
    assert seen == list(range(6))


def test_dataframe_missing_values_and_numeric_story_ids_are_read_as_pandas_means_them():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame(
        {
            "text": ["Troops and the army.", "Taxes and the budget.", "Jobs and wages.", None],
            "outlet": ["A", "B", "A", "B"],
            "story": [7, None, 7, 8],  # an integer column with a gap: pandas makes it float64 with NaN
            "code": pd.array([1, pd.NA, 2, 3], dtype="Int64"),
            "date": pd.to_datetime(["2024-03-02", "2024-03-01", "2024-02-28", None]),
        }
    )
    data = collect(frame, analyzer=Analyzer(), by="outlet", pair_by="story", on_missing="skip")
    assert data.outlets == ("A", "B", "A")
    assert data.dates == {"A": ("2024-02-28T00:00:00", "2024-03-02T00:00:00"), "B": ("2024-03-01T00:00:00", "2024-03-01T00:00:00")}
    assert data.stories == ("7", None, "7")  # NaN is a missing key, 7.0 the integer 7
    assert data.n_skipped == 1  # the record whose text is missing
    by_code = collect(frame.iloc[:3], analyzer=Analyzer(), by="outlet", pair_by="code")
    assert by_code.stories == ("1", None, "2")
    with pytest.raises(InputError, match=":4: field 'text' is null"):
        collect(frame, analyzer=Analyzer(), by="outlet", pair_by="story")


def test_numpy_integer_labels_are_integers_and_floats_or_booleans_are_not():
    check_record({"text": "x", "outlet": np.int64(3), "story": np.uint8(2)}, pair_by="story")
    data = collect([{"text": "War.", "outlet": np.int32(3)}], analyzer=Analyzer())
    assert data.outlets == ("3",)
    for bad in (2.5, True, np.True_):
        with pytest.raises(InputError, match="must be a string or an integer"):
            check_record({"text": "x", "outlet": bad})


def test_parallel_equals_serial():
    recs = _planted_corpus(n=4)
    a = compare(recs, analyzer=_fake_analyzer(), **FAST).to_dict()
    b = compare(iter(recs), analyzer=_fake_analyzer(), n_jobs=2, chunksize=3, **FAST).to_dict()
    assert _close(a, b)


def test_invalid_parameters():
    with pytest.raises(ValueError, match="correction"):
        compare([{"outlet": "A", "text": "x"}], correction="bonf")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="n_jobs"):
        compare([{"outlet": "A", "text": "x"}], n_jobs=0)
    with pytest.raises(ValueError, match="alpha"):
        compare([{"outlet": "A", "text": "x"}], alpha=2)


def test_a_negative_seed_is_named_before_any_record_is_analysed():
    def records():
        yield {"outlet": "A", "text": "x"}
        raise AssertionError("records read before the parameters were checked")  # pragma: no cover

    with pytest.raises(ValueError, match="seed"):
        compare(records(), seed=-1)


# ------------------------------------------------------------------------------------------
# Reports
# ------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def planted_report():
    return compare(_planted_corpus(n=8), analyzer=_fake_analyzer(readability=True), pair_by="story", **FAST)


def test_markdown_report_sections(planted_report):
    md = planted_report.to_markdown()
    for heading in (
        "## Outlets",
        "## Frames across outlets",
        "Kruskal–Wallis",
        "## Estimates by outlet",
        "Matched stories",
        "Fightin' Words",
    ):
        assert heading in md
    assert "nan" not in md.lower().replace("financ", "")


def test_report_names_every_lexicon_with_version_and_digest_and_the_framing_version(tmp_path, capsys):
    lex = Lexicon(
        "civic-demo", "2.1", "CC0-1.0", "Test lexicon.", "Civic words.", (Category("civic", "Civic life.", (Entry.parse("council"),)),)
    )
    analyzer = Analyzer(dictionaries=[lex], readability=False)
    report = compare(_planted_corpus(n=2), analyzer=analyzer, **FAST)
    expected = [ref.to_dict() for ref in analyzer.lexicons]
    assert {"name": "civic-demo", "version": "2.1", "sha256": lex.sha256} in expected
    d = json.loads(json.dumps(report.to_dict(), allow_nan=False))
    assert d["lexicons"] == expected
    assert d["framing_version"] == framing_version()
    md = report.to_markdown()
    html_doc = report.to_html(plots=False)
    for ref in analyzer.lexicons:
        for doc in (md, html_doc):
            assert f"{ref.name} {ref.version}" in doc
            assert ref.sha256 in doc
    assert f"framing {framing_version()}" in md
    # the command line's JSON report carries them too, for a dictionary read from a file
    dic = tmp_path / "civic.dic"
    dic.write_text("%\n1\tcivic\n%\ncouncil\t1\n", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in _planted_corpus(n=2)) + "\n", encoding="utf-8")
    assert _cli([str(corpus), "-d", str(dic), "--format", "json", "--n-boot", "20", "--permutations", "0", "--no-readability", "-q"]) == 0
    refs = json.loads(capsys.readouterr().out)["lexicons"]
    assert {"name": "civic", "version": "unversioned", "sha256": load_lexicon(dic).sha256} in refs


def test_features_collected_by_hand_have_no_provenance_and_the_report_says_so():
    t = FeatureTable()
    t.add("A", None, {Feature("loaded", "score"): 1.0})
    t.add("B", None, {Feature("loaded", "score"): 2.0})
    report = compare_features(t.freeze(), CompareSettings(n_boot=20, n_permutations=0))
    assert report.lexicons == ()
    assert report.framing_version is None
    assert "lexicons: not recorded" in report.to_markdown()


def test_cut_estimate_tables_keep_document_level_measures_and_name_what_they_leave_out(planted_report):
    md = planted_report.to_markdown(max_rows=2)
    loaded = md.split("### loaded", 1)[1].split("###", 1)[0]
    rows = [line.split("|")[1].strip() for line in loaded.splitlines() if line.startswith("| ") and not line.startswith("| feature")]
    assert len(rows) == 2
    assert all("." not in r for r in rows)  # document-level measures (score, authorial...) before per-category ones
    n_loaded = sum(1 for f in planted_report.features if f.section == "loaded" and f.kind != "binary")
    assert f"({n_loaded - 2} more loaded features in the JSON report (`--format json` or `--report report.json`; `to_dict()` in Python): " in loaded
    assert "density.pejorative" in loaded  # named, not silently dropped
    full = planted_report.to_markdown()
    assert "more loaded features" not in full


def test_html_report_without_matplotlib_says_tables_only(planted_report, tmp_path, monkeypatch):
    for name in [m for m in sys.modules if m.startswith("matplotlib")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if matplotlib were not installed
    out = tmp_path / "r.html"
    doc = planted_report.to_html(out)
    assert out.read_text(encoding="utf-8") == doc
    assert "tables only" in doc
    assert "<svg" not in doc
    assert "<table>" in doc
    assert "http" not in doc  # self-contained
    assert "tables only" not in planted_report.to_html(plots=False)


def test_html_report_with_matplotlib_has_its_plots(planted_report, tmp_path):
    pytest.importorskip("matplotlib", reason="the plots extra (matplotlib) is not installed")
    doc = planted_report.to_html(tmp_path / "r.html")
    assert doc.count("<svg") >= 3
    assert "tables only" not in doc
    assert not re.search(r"""(src|href)\s*=\s*["']https?://""", doc)  # self-contained: nothing is fetched


def test_to_pandas_names_the_extra_when_missing(planted_report, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # as if pandas were not installed
    with pytest.raises(ImportError, match=r"framing\[pandas\]"):
        planted_report.to_pandas()


def test_to_dict_is_json_without_nan(planted_report):
    d = json.loads(json.dumps(planted_report.to_dict(), allow_nan=False))
    assert d["settings"]["pair_by"] == "story"
    assert {o["outlet"] for o in d["outlets"]} == {"Planted", "Plain", "Other"}
    assert d["outlets"][1]["first_date"] == "2020-02-01"


# ------------------------------------------------------------------------------------------
# CLI
# ------------------------------------------------------------------------------------------


def _cli(argv):
    p = argparse.ArgumentParser(prog="framing")
    sub = p.add_subparsers(dest="command", required=True)
    add_compare_parser(sub)
    return run_compare(p.parse_args(["compare", *argv]))


def test_cli_markdown_and_html_report(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    lines = [json.dumps(r) for r in _planted_corpus(n=3)] + ["{bad json", "[1]", json.dumps({"text": "no outlet"})]
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    rc = _cli(
        [str(corpus), "--by", "outlet", "--pair-by", "story", "--report", str(tmp_path / "r.html"), "--n-boot", "50", "--permutations", "9"]
    )
    out, err = capsys.readouterr()
    assert rc == 1  # three bad records skipped, report still written
    assert out.startswith("# Outlet comparison by `outlet`")
    assert err.count("skipped:") == 3
    assert f"{corpus}:12: field 'outlet' is missing or empty" in err
    assert "done: 9 documents, 3 skipped" in err
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_cli_json_and_usage_errors(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in _planted_corpus(n=2)) + "\n", encoding="utf-8")
    assert _cli([str(corpus), "--format", "json", "--n-boot", "20", "--permutations", "0", "--no-readability", "-q"]) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["n_documents"] == 6
    assert err == ""
    assert _cli([str(tmp_path / "missing.jsonl")]) == 2
    assert _cli([str(corpus), "--by", "nope", "-q"]) == 2
    assert f"framing: {corpus}: no documents to compare" in capsys.readouterr().err  # names the corpus
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    assert _cli([str(empty), "-q"]) == 2
    assert capsys.readouterr().err == f"framing: {empty}: no documents to compare\n"


def test_cli_sets_the_interval_level_and_method(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in _planted_corpus(n=3)) + "\n", encoding="utf-8")
    args = [str(corpus), "--format", "json", "--n-boot", "50", "--permutations", "0", "--no-readability", "-q"]
    assert _cli([*args, "--confidence", "0.8", "--ci-method", "BCa"]) == 0
    d = json.loads(capsys.readouterr().out)
    assert (d["settings"]["confidence"], d["settings"]["ci_method"]) == (0.8, "BCa")
    assert _cli([*args, "--confidence", "1.5"]) == 2
    assert "alpha and confidence must be in (0, 1)" in capsys.readouterr().err


def test_cli_keeps_good_lines_around_bad_bytes_and_names_every_skipped_line(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    recs = [json.dumps(r).encode() for r in _planted_corpus(n=2)]
    bad = '{"outlet": "A", "text": "caf\xe9 au lait"}'.encode("latin-1")
    surrogate = b'{"outlet": "A", "text": "half \\ud800 a pair"}'
    no_text = json.dumps({"outlet": "B"}).encode()
    corpus.write_bytes(b"\n".join([recs[0], bad, *recs[1:3], surrogate, no_text, *recs[3:]]) + b"\n")
    rc = _cli([str(corpus), "--format", "json", "--n-boot", "20", "--permutations", "0", "--no-readability", "-q"])
    out, err = capsys.readouterr()
    assert rc == 1
    report = json.loads(out)
    assert report["n_documents"] == 6  # every good record kept
    # the saved report states the whole sample: lines dropped while reading count as skipped
    assert report["n_skipped"] == 3
    assert any("3 input lines skipped while reading" in n for n in report["notes"])
    assert f"{corpus}:2: not valid UTF-8 (byte 0xe9" in err
    assert f"{corpus}:5: a string holds an unpaired surrogate" in err
    assert f"{corpus}:6: field 'text' is missing" in err
    assert err.count("skipped:") == 3
    assert "Traceback" not in err


def test_cli_report_path_that_cannot_be_written_is_a_usage_error(tmp_path, capsys):
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in _planted_corpus(n=2)) + "\n", encoding="utf-8")
    args = [str(corpus), "--n-boot", "20", "--permutations", "0", "--no-readability", "-q"]
    assert _cli([*args, "--report", str(tmp_path / "no" / "such" / "dir" / "r.html")]) == 2
    out, err = capsys.readouterr()
    assert out == ""  # refused before analysing anything
    assert "no/such/dir" in err
    target = tmp_path / "taken.md"
    target.mkdir()  # a directory where the report file should go
    assert _cli([*args, "--report", str(target)]) == 2
    out, err = capsys.readouterr()
    assert out.startswith("# Outlet comparison")  # the report on stdout is still written
    assert f"cannot write the report to {target}" in err


def test_cli_reads_stdin_that_is_not_utf8():
    lines = [json.dumps(r).encode() for r in _planted_corpus(n=2)]
    data = b"\n".join([*lines[:3], b'{"outlet": "B", "text": "na\xefve"}', *lines[3:]]) + b"\n"
    args = ["compare", "-", "--format", "json", "--n-boot", "20", "--permutations", "0", "--no-readability", "-q"]
    proc = subprocess.run([sys.executable, "-m", "framing", *args], input=data, capture_output=True, check=False)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout)["n_documents"] == 6
    assert "<stdin>:4: not valid UTF-8" in proc.stderr.decode()


def test_pairs_are_sorted_and_complete(planted_report):
    names = planted_report.outlet_names
    feats = {t.feature for t in planted_report.pairwise}
    for f in feats:
        got = [(t.outlet_a, t.outlet_b) for t in planted_report.pairwise if t.feature == f]
        assert got == list(itertools.combinations(names, 2))


def test_infinite_feature_values_are_rejected_not_reported_as_missing_means():
    t = FeatureTable()
    t.add("A", None, {Feature("loaded", "score"): 1.0})
    with pytest.raises(ValueError, match=r"loaded\.score.*document 2.*not finite"):
        t.add("A", None, {Feature("loaded", "score"): math.inf})
    good = FeatureTable()
    for o, v in [("A", 1.0), ("A", 2.0), ("B", 3.0), ("B", 4.0)]:
        good.add(o, None, {Feature("loaded", "score"): v})
    data = good.freeze()
    values = data.values.copy()
    values[1, 0] = -math.inf
    bad = FeatureData(data.features, values, data.outlets, data.stories, data.word_counts, data.dates)
    with pytest.raises(ValueError, match=r"loaded\.score.*not finite"):
        compare_features(bad, CompareSettings(n_boot=20, n_permutations=0))


def test_cli_reads_a_named_text_field_and_dictionary_options(tmp_path, capsys):
    renamed = []
    for planted in _planted_corpus(n=2):
        r = dict(planted)
        r["body"] = r.pop("text")
        r["text"] = "a teaser that is not the article"
        renamed.append(r)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in [*renamed, {"outlet": "A", "text": "no body"}]) + "\n", encoding="utf-8")
    plain = tmp_path / "p.jsonl"
    plain.write_text("\n".join(json.dumps(r) for r in _planted_corpus(n=2)) + "\n", encoding="utf-8")
    table = tmp_path / "t.csv"
    table.write_text("lemma;group\nstrike;labour\n", encoding="utf-8")
    opts = ["--format", "json", "--n-boot", "20", "--permutations", "0", "--no-readability", "-q"]
    dic = ["-d", str(table), "-o", "delimiter=;", "-o", "term_column=lemma", "-o", "category_column=group"]
    assert _cli([str(corpus), "--text-field", "body", *dic, *opts]) == 1
    named = json.loads(capsys.readouterr().out)
    assert _cli([str(plain), *dic, *opts]) == 0
    expected = json.loads(capsys.readouterr().out)
    assert named["n_documents"] == expected["n_documents"] == 6
    assert named["n_skipped"] == 1  # the record without a body
    assert {k: v for k, v in named.items() if k not in {"n_skipped", "notes"}} == {
        k: v for k, v in expected.items() if k not in {"n_skipped", "notes"}
    }
    assert any(f["name"].startswith("dictionary:t.") for f in named["features"])
    capsys.readouterr()
    assert _cli([str(corpus), "--text-field", "body", *opts[:-1]]) == 1
    assert f"{corpus}:7: field 'body' is missing" in capsys.readouterr().err


def test_cli_takes_the_scorer_options_and_a_named_title_field(tmp_path, capsys):
    plain = [dict(r, title="Taxes, budget cuts, jobs and wages") for r in _planted_corpus(n=2)]
    decoy = "Troops, war, army and conflict"  # a stray "title" field that must not be read as the headline
    renamed = [{**{k: v for k, v in r.items() if k != "title"}, "headline": r["title"], "title": decoy} for r in plain]
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("\n".join(json.dumps(r) for r in plain) + "\n", encoding="utf-8")
    b.write_text("\n".join(json.dumps(r) for r in renamed) + "\n", encoding="utf-8")
    opts = ["--format", "json", "--n-boot", "20", "--permutations", "0", "--no-readability", "-q"]
    scorers = ["--without", "attribution", "--without", "loaded", "--frames", "generic-news-frames"]
    assert _cli([str(a), *scorers, *opts]) == 0
    expected = json.loads(capsys.readouterr().out)
    assert _cli([str(b), "--title-field", "headline", *scorers, *opts]) == 0
    assert json.loads(capsys.readouterr().out) == expected
    assert _cli([str(b), *scorers, *opts]) == 0  # without --title-field the decoy is the headline
    assert json.loads(capsys.readouterr().out)["estimates"] != expected["estimates"]
    names = {f["name"] for f in expected["features"]}
    assert not any(n.startswith(("attribution.", "loaded.")) for n in names)
    assert {x["name"] for x in expected["lexicons"]} >= {"generic-news-frames"}
    assert _cli([str(a), "--frames", "generic-news-frames", "--without", "frames", *opts]) == 2
    assert "contradict" in capsys.readouterr().err


def test_outlet_labels_lose_outer_spaces_and_near_duplicates_are_noted():
    recs = _planted_corpus(n=2)
    recs[0] = dict(recs[0], outlet="  Planted ")  # the same outlet, padded
    recs[1] = dict(recs[1], outlet="plain")  # "Plain" in other records: only the case differs
    data = collect(recs, analyzer=Analyzer(readability=False), by="outlet")
    assert sorted(set(data.outlets)) == ["Other", "Plain", "Planted", "plain"]
    report = compare_features(data, CompareSettings(n_boot=20, n_permutations=0))
    assert any("'Plain', 'plain' differ only in case or spacing" in n for n in report.notes)
    assert not any("Planted" in n and "differ only" in n for n in report.notes)


def test_cli_writes_the_per_document_features_behind_the_report(tmp_path, capsys):
    recs = [dict(r, id=f"doc{i}") for i, r in enumerate(_planted_corpus(n=2))]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in recs) + "\n", encoding="utf-8")
    out = tmp_path / "features.csv"
    opts = ["--format", "json", "--n-boot", "20", "--permutations", "0", "--no-readability", "-q"]
    assert _cli([str(corpus), "--pair-by", "story", "--features", str(out), *opts]) == 0
    report = json.loads(capsys.readouterr().out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert [(r["id"], r["outlet"], r["story"]) for r in rows] == [(r["id"], r["outlet"], r["story"]) for r in recs]
    names = [f["name"] for f in report["features"]]
    assert list(rows[0])[3:] == [*names, "framing_version", "lexicons", "lexicons_sha256"]
    assert rows[0]["framing_version"] == report["framing_version"]
    assert rows[0]["lexicons_sha256"] == ";".join(ref["sha256"] for ref in report["lexicons"])
    # the report's per-outlet means are the means of these rows
    est = next(e for e in report["estimates"] if e["feature"] == "loaded.score" and e["outlet"] == "Planted")
    planted = [float(r["loaded.score"]) for r in rows if r["outlet"] == "Planted"]
    assert est["mean"] == pytest.approx(sum(planted) / len(planted))
    assert _cli([str(corpus), "--features", str(tmp_path / "no" / "f.csv"), *opts]) == 2
    capsys.readouterr()
    # without ids, each row names its file and line; --id-field reads another field
    bare = tmp_path / "bare.jsonl"
    bare.write_text("\n".join(json.dumps({**{k: v for k, v in r.items() if k != "id"}, "url": f"u{i}"}) for i, r in enumerate(recs)) + "\n", encoding="utf-8")
    assert _cli([str(bare), "--features", str(out), *opts]) == 0
    assert [r["id"] for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))][:2] == ["bare.jsonl:1", "bare.jsonl:2"]
    assert _cli([str(bare), "--id-field", "url", "--features", str(out), *opts]) == 0
    assert [r["id"] for r in csv.DictReader(io.StringIO(out.read_text(encoding="utf-8")))][:2] == ["u0", "u1"]


def test_a_min_stories_below_six_is_noted_as_never_significant():
    data = collect(_planted_corpus(n=6), analyzer=Analyzer(readability=False), by="outlet", pair_by="story")
    few = compare_features(data, CompareSettings(pair_by="story", min_stories=3, n_boot=20, n_permutations=0))
    enough = compare_features(data, CompareSettings(pair_by="story", min_stories=6, n_boot=20, n_permutations=0))
    assert any("min_stories=3" in n and "never be significant" in n for n in few.notes)
    assert not any("min_stories" in n for n in enough.notes)
    # the bound depends on alpha: 5 stories can reach p < 0.1, 6 cannot reach p < 0.01
    loose = compare_features(data, CompareSettings(pair_by="story", min_stories=5, alpha=0.1, n_boot=20, n_permutations=0))
    strict = compare_features(data, CompareSettings(pair_by="story", min_stories=6, alpha=0.01, n_boot=20, n_permutations=0))
    assert not any("min_stories" in n for n in loose.notes)
    assert any("min_stories=6" in n and "p < 0.01" in n for n in strict.notes)


def test_refusals_and_the_writers_first_person_are_no_statements_in_the_sourcing_rate() -> None:
    an = Analyzer(frames=False, loaded=False)
    plain = "Ana Ruiz said the port would reopen on Monday after the long strike ended."
    more = plain + " A spokesman for the port declined to comment. I suspect the talks will drag on."
    base = extract_features(an.analyze(plain).to_dict())
    both = an.analyze(more)
    assert len(both["attribution"].attributions) > both["attribution"].balance.statements == 1
    rate = extract_features(both.to_dict())[Feature("attribution", "per_1k_tokens")]
    assert rate is not None
    assert rate == pytest.approx(1000 / both.n_tokens)
    assert base[Feature("attribution", "per_1k_tokens")] == pytest.approx(1000 / an.analyze(plain).n_tokens)


def test_the_headline_score_is_a_feature_and_scare_quotes_have_no_quoted_feature() -> None:
    an = Analyzer(attribution=False)
    with_title = extract_features(an.analyze('The so-called "reform" stalled.', title="Shameless bosses wreck hospital").to_dict())
    without = extract_features(an.analyze("The plan stalled.").to_dict())
    assert (with_title[Feature("loaded", "title")] or 0) > 0
    assert without[Feature("loaded", "title")] is None
    assert Feature("loaded", "quoted", "scare_quotes") not in with_title
    assert Feature("loaded", "authorial", "scare_quotes") in with_title


def test_epistemic_categories_are_not_described_as_loading() -> None:
    from framing.compare.features import describe

    assert "more loaded" not in describe(Feature("loaded", "authorial", "hedges"))
    assert "speech quotations" in describe(Feature("loaded", "quoted", "hedges"))


def test_a_report_names_the_analyzers_settings_besides_its_own() -> None:
    from framing import AttributionScorer, LoadedScorer

    recs = [{"id": str(i), "text": "The council voted to close the hospital. Critics called it a cash grab.", "outlet": o} for i, o in enumerate("ABAB")]
    plain = compare(recs, by="outlet", n_boot=20, n_permutations=9, duplicates="keep")  # one text in four records, on purpose
    tuned = compare(
        recs,
        by="outlet",
        duplicates="keep",
        analyzer=Analyzer(loaded=LoadedScorer(threshold=10), attribution=AttributionScorer(sides={"citizen": "public"}), negation_window=1),
        n_boot=20,
        n_permutations=9,
    )
    a, b = plain.to_dict()["analysis_settings"], tuned.to_dict()["analysis_settings"]
    assert (a["loaded"]["threshold"], b["loaded"]["threshold"]) == (LoadedScorer().threshold, 10.0)
    assert (a["negation_window"], b["negation_window"]) == (Analyzer().settings["negation_window"], 1)
    assert b["attribution"]["sides"] == {"citizen": "public"}
    assert "threshold=10.0" in tuned.to_markdown()
    json.dumps(tuned.to_dict())  # plain JSON


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.integers(0, 4), min_size=1, max_size=3), min_size=2, max_size=3))
def test_small_kruskal_p_values_are_exact_counts_of_every_split(groups: list[list[int]]) -> None:
    data = {f"o{i}": np.array(g, dtype=float) for i, g in enumerate(groups)}
    h, p, _e2, note = kruskal_test(data, rng=rng_for(1, "k"))
    pooled = [x for g in groups for x in g]
    if len(set(pooled)) == 1:
        assert (h, p) == (0.0, 1.0)
        return
    ranks = sps.rankdata(pooled)
    sizes = [len(g) for g in groups]

    def spread(order: tuple[float, ...]) -> float:
        out, at = 0.0, 0
        for size in sizes:
            out += sum(order[at : at + size]) ** 2 / size
            at += size
        return out

    observed = spread(tuple(ranks))
    orders = list(itertools.permutations(ranks))
    expected = sum(spread(o) >= observed * (1 - 1e-12) for o in orders) / len(orders)
    assert p == pytest.approx(expected)
    assert kruskal_test(data, rng=rng_for(2, "other"))[1] == p  # exact: no seed dependence
    assert ("single value" in note) == (min(sizes) < 2)


def test_markdown_cells_say_when_an_estimate_rests_on_fewer_documents_and_dates_only_when_given() -> None:
    recs = [
        {"id": "1", "text": '"We will win," said Ana Ruiz, a shameless union boss.', "outlet": "A"},
        {"id": "2", "text": "The port stayed shut on Monday after a brutal week.", "outlet": "A"},
        {"id": "3", "text": '"It is over," said Tom Becker. The port stayed shut.', "outlet": "B"},
        {"id": "4", "text": '"Talks go on," said Lena Park, a harbour official.', "outlet": "B"},
    ]
    report = compare(recs, by="outlet", n_boot=20, n_permutations=9)
    assert report.estimate("loaded.quoted", "A").n == 1
    md = report.to_markdown()
    assert "(n = 1)" in md
    assert "| dates" not in md
    assert "dates |" not in md
    dated = compare([{**r, "date": "2024-03-0" + r["id"]} for r in recs], by="outlet", date="date", n_boot=20, n_permutations=9)
    assert "2024-03-01 – 2024-03-02" in dated.to_markdown()
