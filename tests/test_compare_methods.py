"""Methodological checks of the outlet comparison: error rates and intervals on simulated data.

Every data set here is drawn from a known distribution (numpy, seeded), so the truth is known:
no outlet differs from another unless a test says it does.
"""

from __future__ import annotations

import numpy as np

from framing.compare import CompareSettings, ComparisonReport, compare_features
from framing.compare.features import Feature, FeatureTable
from framing.compare.stats import adjust_pvalues


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
