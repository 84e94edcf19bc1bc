"""Methodological checks of the outlet comparison: error rates and intervals on simulated data.

Every data set here is drawn from a known distribution (numpy, seeded), so the truth is known:
no outlet differs from another unless a test says it does.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.compare import CompareSettings, ComparisonReport, compare_features
from framing.compare.features import Feature, FeatureTable
from framing.compare.stats import (
    adjust_pvalues,
    bootstrap_means,
    cluster_difference_interval,
    difference_interval,
    estimate_mean,
    paired_difference_interval,
    rng_for,
)


def _table(
    rng: np.random.Generator,
    *,
    outlets: int = 4,
    docs: int = 30,
    features: int = 20,
    shift: dict[tuple[int, int], float] | None = None,
    stories: int = 0,
) -> FeatureTable:
    """Normal features, ``docs`` documents per outlet; ``shift[(outlet, feature)]`` moves a mean."""
    t = FeatureTable()
    feats = [Feature("loaded", "density", f"c{j:02d}") for j in range(features)]
    for o in range(outlets):
        for d in range(docs):
            values = rng.normal(size=features)
            for (so, sf), delta in (shift or {}).items():
                if so == o:
                    values[sf] += delta
            story = f"s{d % stories}" if stories else None
            t.add(f"o{o}", story, {f: float(v) for f, v in zip(feats, values, strict=True)})
    return t


def _report(t: FeatureTable, **kw: object) -> ComparisonReport:
    settings = CompareSettings(n_boot=50, n_permutations=0, **kw)  # type: ignore[arg-type]
    return compare_features(t.freeze(), settings)


def test_pairwise_tests_of_all_features_form_one_family() -> None:
    report = _report(_table(np.random.default_rng(3), outlets=3, docs=12, features=4, shift={(0, 1): 1.5}))
    assert len(report.pairwise) == 4 * 3
    want = adjust_pvalues([t.p_value for t in report.pairwise], "holm")
    assert [t.p_adjusted for t in report.pairwise] == want


def test_paired_tests_of_all_features_form_one_family() -> None:
    t = _table(np.random.default_rng(4), outlets=3, docs=12, features=3, stories=12, shift={(1, 0): 1.0})
    report = _report(t, pair_by="story", correction="fdr_bh")
    assert len(report.paired) == 3 * 3
    want = adjust_pvalues([p.p_value for p in report.paired], "fdr_bh")
    assert [p.p_adjusted for p in report.paired] == want


def test_a_report_without_true_differences_rarely_flags_a_pair() -> None:
    # 40 simulated reports under the global null (20 features, 4 outlets of 30 documents):
    # with the family-wise error controlled over the whole report, few should flag any pair
    # (expected at most 5 % of them; a family per feature flagged about 55 %).
    rng = np.random.default_rng(2024)
    flagged = sum(any(t.significant for t in _report(_table(rng)).pairwise) for _ in range(40))
    assert flagged <= 6


# ------------------------------------------------------------------------------------------
# Intervals of differences
# ------------------------------------------------------------------------------------------


def test_pairwise_and_paired_differences_carry_intervals_in_every_output() -> None:
    t = _table(np.random.default_rng(5), outlets=2, docs=12, features=2, stories=12, shift={(0, 0): 1.0})
    report = _report(t, pair_by="story")
    for test in (*report.pairwise, *report.paired):
        assert test.ci_low is not None
        assert test.ci_high is not None
        assert test.ci_low <= test.mean_difference <= test.ci_high
        row = test.to_dict()
        assert (row["ci_low"], row["ci_high"]) == (test.ci_low, test.ci_high)
    assert {t.ci_method for t in report.pairwise} == {"cluster-bootstrap-expanded"}
    assert {t.ci_method for t in report.paired} == {"bootstrap-expanded"}
    assert "mean a − b [interval]" in report.to_markdown()


def test_difference_intervals_are_reproducible_and_independent_of_input_order() -> None:
    rng = np.random.default_rng(6)
    t1, t2 = FeatureTable(), FeatureTable()
    f = Feature("loaded", "score")
    rows = [(f"o{i % 3}", f"s{i % 7}" if i % 5 else None, float(rng.normal())) for i in range(60)]
    for o, story, v in rows:
        t1.add(o, story, {f: v})
    for o, story, v in reversed(rows):
        t2.add(o, story, {f: v})
    a = _report(t1, pair_by="story", seed=9)
    b = _report(t2, pair_by="story", seed=9)
    assert [x.to_dict() for x in a.pairwise] == [x.to_dict() for x in b.pairwise]
    assert [x.to_dict() for x in a.paired] == [x.to_dict() for x in b.paired]
    c = _report(t1, pair_by="story", seed=10)
    assert [x.ci_low for x in a.pairwise] != [x.ci_low for x in c.pairwise]


def test_two_sample_interval_covers_the_true_difference_near_the_nominal_rate() -> None:
    # 200 draws of 40 against 40 skewed values (exponential) whose means differ by 0.5.
    rng = np.random.default_rng(11)
    hits = 0
    for r in range(200):
        a, b = rng.exponential(1.5, 40), rng.exponential(1.0, 40)
        iv = difference_interval(a, b, n_boot=500, rng=rng_for(r, "coverage"))
        assert iv.low is not None
        assert iv.high is not None
        hits += iv.low <= 0.5 <= iv.high
    assert 0.88 <= hits / 200 <= 0.99


def test_cluster_interval_is_wider_than_the_document_one_when_stories_drive_the_values() -> None:
    # Each outlet covers its own 12 stories with 3 articles that share a strong story effect:
    # 36 articles carry the information of about 12 stories, and the interval must say so.
    rng = np.random.default_rng(12)
    a = np.repeat(rng.normal(0, 2, 12), 3) + rng.normal(0, 0.2, 36)
    b = np.repeat(rng.normal(0, 2, 12), 3) + rng.normal(0, 0.2, 36)
    sums = np.concatenate([a.reshape(12, 3).sum(axis=1), np.zeros(12)]), np.concatenate([np.zeros(12), b.reshape(12, 3).sum(axis=1)])
    counts = np.concatenate([np.full(12, 3.0), np.zeros(12)]), np.concatenate([np.zeros(12), np.full(12, 3.0)])
    clustered = cluster_difference_interval(sums[0], counts[0], sums[1], counts[1], n_boot=1000, rng=rng_for(0, "c"))
    plain = difference_interval(a, b, n_boot=1000, rng=rng_for(0, "c"))
    assert clustered.low is not None
    assert clustered.high is not None
    assert plain.low is not None
    assert plain.high is not None
    assert (clustered.high - clustered.low) > 1.4 * (plain.high - plain.low)  # about sqrt(3) wider


@given(
    st.lists(
        st.tuples(st.integers(0, 3), st.integers(0, 3), st.floats(-5, 5), st.floats(-5, 5)),
        min_size=4,
        max_size=12,
    ),
    st.integers(1, 4),
)
@settings(max_examples=40, deadline=None)
def test_cluster_interval_depends_on_story_means_and_sizes_only(rows: list[tuple[int, int, float, float]], k: int) -> None:
    # Copying every article of every story k times changes no story's mean or relative weight,
    # so every resample and the interval are unchanged.
    ca = np.array([r[0] for r in rows], dtype=np.float64)
    cb = np.array([r[1] for r in rows], dtype=np.float64)
    sa = ca * np.array([r[2] for r in rows])
    sb = cb * np.array([r[3] for r in rows])
    one = cluster_difference_interval(sa, ca, sb, cb, n_boot=200, rng=rng_for(1, "k"))
    many = cluster_difference_interval(k * sa, k * ca, k * sb, k * cb, n_boot=200, rng=rng_for(1, "k"))
    assert one.method == many.method
    if one.low is None or many.low is None:
        assert one.low is None
        assert many.low is None
        return
    assert one.high is not None
    assert many.high is not None
    assert many.low == pytest.approx(one.low, abs=1e-9)
    assert many.high == pytest.approx(one.high, abs=1e-9)
    estimate = sa.sum() / ca.sum() - sb.sum() / cb.sum()
    assert one.low - 1e-9 <= estimate <= one.high + 1e-9


def test_no_interval_for_an_outlet_with_one_document_or_one_story() -> None:
    assert difference_interval(np.array([1.0]), np.array([0.0, 2.0])).low is None
    iv = cluster_difference_interval(
        np.array([3.0, 0.0, 0.0]), np.array([3.0, 0.0, 0.0]), np.array([0.0, 1.0, 2.0]), np.array([0.0, 1.0, 1.0])
    )
    assert (iv.low, iv.high, iv.method) == (None, None, "degenerate")
    assert "one story" in iv.note
    assert paired_difference_interval(np.array([0.4])).low is None
    point = difference_interval(np.array([2.0, 2.0]), np.array([1.0, 1.0, 1.0]))
    assert (point.low, point.high) == (1.0, 1.0)
    t = FeatureTable()
    f = Feature("loaded", "score")
    for o, v in [("a", 1.0), ("b", 2.0), ("b", 3.0)]:
        t.add(o, None, {f: v})
    test = _report(t).pairwise[0]
    assert (test.ci_low, test.ci_high, test.mean_difference) == (None, None, -1.5)
    assert "one document" in test.note


# ------------------------------------------------------------------------------------------
# Expanded percentile intervals (the default)
# ------------------------------------------------------------------------------------------


def test_default_interval_of_a_small_outlet_covers_its_mean_near_the_nominal_rate() -> None:
    # 300 outlets of 8 documents drawn from N(1, 1): here plain percentile intervals cover 1 in
    # 85 % of them, the expanded ones in 92 % (the nominal rate is 95 %).
    rng = np.random.default_rng(21)
    samples = [rng.normal(1.0, 1.0, 8) for _ in range(300)]
    hits = {"expanded": 0, "percentile": 0}
    for r, x in enumerate(samples):
        for method in hits:
            e = estimate_mean(x, n_boot=1000, method=method, rng=rng_for(r, "small"))  # type: ignore[arg-type]
            assert e.ci_low is not None
            assert e.ci_high is not None
            hits[method] += e.ci_low <= 1.0 <= e.ci_high
    assert hits["expanded"] / 300 >= 0.91
    assert hits["percentile"] < hits["expanded"]


@given(st.lists(st.floats(-100, 100, allow_nan=False), min_size=2, max_size=30).filter(lambda v: len(set(v)) > 1))
@settings(max_examples=40, deadline=None)
def test_expanded_interval_contains_the_plain_percentile_one(values: list[float]) -> None:
    x = np.array(values)
    plain = estimate_mean(x, n_boot=200, method="percentile", rng=rng_for(3, "p"))
    wide = estimate_mean(x, n_boot=200, method="expanded", rng=rng_for(3, "p"))
    assert wide.method == "bootstrap-expanded"
    assert wide.ci_low is not None
    assert wide.ci_high is not None
    assert plain.ci_low is not None
    assert plain.ci_high is not None
    assert wide.ci_low <= plain.ci_low + 1e-9
    assert wide.ci_high >= plain.ci_high - 1e-9


def test_expanded_is_the_default_and_recorded_in_the_settings() -> None:
    report = _report(_table(np.random.default_rng(8), outlets=2, docs=10, features=1))
    assert report.settings.ci_method == "expanded"
    assert report.to_dict()["settings"]["ci_method"] == "expanded"
    assert {e.method for e in report.estimates} == {"bootstrap-expanded"}


def test_story_interval_is_not_a_point_when_each_coverage_group_has_one_story() -> None:
    # a covers stories 1 and 2, b covers 1 and 3: the values vary, so the difference is
    # uncertain, and a zero-width interval (what resampling within coverage groups gives
    # here) would claim otherwise.
    sa, ca = np.array([3.0, 8.0, 0.0]), np.array([2.0, 2.0, 0.0])
    sb, cb = np.array([1.0, 0.0, 6.0]), np.array([1.0, 0.0, 2.0])
    iv = cluster_difference_interval(sa, ca, sb, cb, n_boot=500, rng=rng_for(0, "thin"))
    assert iv.low is not None
    assert iv.high is not None
    assert iv.high - iv.low > 1.0
    assert "resamples without one of the outlets left out" in iv.note


def test_expanded_interval_of_tiny_values_is_defined() -> None:
    # squared residuals of 1e-137 underflow to 0; the expansion does not depend on the scale
    e = estimate_mean(np.array([0.0, 7e-137, 3e-137]), n_boot=200, rng=rng_for(0, "tiny"))
    assert e.method == "bootstrap-expanded"
    assert e.ci_low is not None
    assert e.ci_high is not None
    assert e.ci_low <= e.mean <= e.ci_high


def test_shared_resamples_give_the_same_kind_of_interval_as_fresh_ones() -> None:
    rng = np.random.default_rng(31)
    a, b = rng.normal(1.0, 1.0, 50), rng.normal(0.0, 1.0, 60)
    fresh = difference_interval(a, b, n_boot=4000, rng=rng_for(0, "f"))
    shared = difference_interval(
        a, b, n_boot=4000, means=(bootstrap_means(a, 4000, rng_for(1, "a")), bootstrap_means(b, 4000, rng_for(1, "b")))
    )
    assert fresh.low is not None
    assert shared.low is not None
    assert fresh.high is not None
    assert shared.high is not None
    assert shared.low == pytest.approx(fresh.low, abs=0.06)
    assert shared.high == pytest.approx(fresh.high, abs=0.06)
