"""Statistics for comparing outlets, with every formula and assumption stated.

All functions take plain arrays (NaN-free; missing values are dropped before) and return frozen
result classes whose ``to_dict()`` never contains NaN (undefined numbers are ``None``, and a
``note`` says why). Outlets are always processed in sorted order and values in ascending order, so
results do not depend on the order of the input.

Estimates
---------
The mean of a feature in an outlet, with a bootstrap confidence interval from
:func:`scipy.stats.bootstrap` over the outlet's documents, which are assumed exchangeable
(independent draws from the outlet's output). By default (``expanded``) the interval is the
expanded percentile interval of Hesterberg (2015): the bootstrap distribution's percentiles at
tail levels widened for the sample size (``_expanded_levels``), because plain percentiles
are too narrow for small samples (simulated coverage of a nominal 95 % for the mean of 10 normal
values: 0.89 plain, 0.95 expanded; of 6 values: 0.84 and 0.92). ``percentile`` (plain) and
``BCa`` on request. Defined results instead of NaN: no document -> ``mean = None``; one
document -> no interval, with a note; constant values -> the interval is the point
``[mean, mean]`` with a note. Binary (0/1) features, whose mean is a
prevalence, get a Wilson score interval instead (:func:`estimate_proportion`), which stays
informative at 0 % and 100 %. If a bootstrap interval excludes its point
estimate (possible for ``BCa`` with very skewed data), it is widened to include it and noted; if
``BCa`` fails (degenerate resamples), the expanded percentile interval is used and noted.

Tests of differences
--------------------
* Kruskal–Wallis H across outlets (``scipy.stats.kruskal``, tie-corrected). With n <= 50 values in
  all, p is a permutation p-value: H recomputed after shuffling the values over the outlets 9,999
  times (seeded), p = (1 + #{H_perm >= H}) / (1 + B); the χ² approximation is anti-conservative
  there (0.083 where two of six splits are as extreme, p = 1/3, for [2, 2] against [1, 1]).
  Larger samples: χ² approximation with k - 1 degrees of freedom. Effect size ε² = H / (n - 1)
  (Tomczak & Tomczak 2014), in [0, 1]. All values identical -> H = 0, p = 1.
* Mann–Whitney U for every pair of outlets (``scipy.stats.mannwhitneyu``), two-sided. With
  n_a + n_b <= 50 the p-value is exact: twice the smaller tail of the permutation distribution of
  the rank sum, midranks for ties, counted over all splits of the pooled values (the normal
  approximation is anti-conservative for small samples with ties: 0.20 where the exact p is 0.40
  for [0, 0, 0] against [0, 1, 4]). Larger samples: normal approximation with tie and continuity
  correction. Cliff's delta
  δ = P(X > Y) - P(X < Y) = 2U / (n_a n_b) - 1 in [-1, 1]; positive = the first outlet tends to
  score higher (Cliff 1993). Pooled values identical -> U = n_a n_b / 2, p = 1, δ = 0.
* Wilcoxon signed-rank (two-sided, zero differences dropped, midranks for tied absolute
  differences) on story-level differences for matched stories; T = min(T+, T-). With at most 50
  non-zero differences the p-value is exact: twice the smaller tail of the distribution of T+
  over all 2^n equally likely sign patterns of the observed ranks, counted by dynamic
  programming. This is the figure recent SciPy releases give (SciPy 1.17 agreed on 2,999
  random small samples with ties and zeros), computed here so that a report does not depend
  on the installed SciPy, whose older releases fall back to the normal approximation when
  differences tie. Larger samples: normal approximation with tie correction
  (``scipy.stats.wilcoxon``). Effect size the matched-pairs rank-biserial
  r = (T+ - T-) / (T+ + T-) in [-1, 1] (Kerby 2014). All differences zero -> p = 1, r = 0.

Intervals of differences
------------------------
Every pairwise and paired test also gives the difference of means with a bootstrap interval at
the report's confidence level, so that a reader sees how large a difference is and how sure,
not only whether a rank test rejects. Documents weigh equally (the means are the estimates'
means), so the interval answers the question the outlets' means answer, whatever the outlets'
article lengths; the rank tests and δ ask instead which outlet's articles tend to score higher,
and respond to any difference between the distributions: per-1,000-token rates of short
articles are more dispersed and more often 0 than those of long ones at the same underlying
rate, so an outlet of 150-token articles and one of 1,500-token articles with the same rate of
5 per 1,000 are told apart by Mann–Whitney in 36 % of simulated samples of 100 articles each,
while the 95 % interval of the difference covers 0 in 95 %. Without story keys each outlet's
documents are resampled alone (:func:`difference_interval`); with story keys, whole stories,
both outlets' articles on a story together (:func:`cluster_difference_interval`); paired tests
resample matched stories (:func:`paired_difference_interval`). One document (or story) in an
outlet gives no interval. The default expanded percentile intervals keep close to the nominal
coverage where plain percentiles are too narrow (simulated coverage of a nominal 95 % for a
difference of normal means, 10 documents per outlet: 0.946 expanded, 0.924 plain; 10 stories
per outlet with story keys: 0.94 and 0.90-0.92; paired, 6 stories: 0.926 and 0.850). Skewed
values in small samples still fall short (exponential values, 10 against 20 documents: 0.90).

With story keys (``pair_by``), :func:`framing.compare.compare` runs Kruskal–Wallis and
Mann–Whitney on one value per outlet and story (the mean of that outlet's articles on it), so
the observations are stories, not articles; estimates resample stories
(:func:`estimate_clustered`); and the frame-distribution permutation test shuffles outlet labels
within stories (``strata`` of :func:`frame_distribution`).

Multiple comparisons
--------------------
:func:`adjust_pvalues` implements Holm's step-down procedure (controls the family-wise error rate
under any dependence; Holm 1979) and Benjamini–Hochberg (controls the false discovery rate under
independence or positive dependence; Benjamini & Hochberg 1995). Families: the omnibus tests of all
features form one family; the pairwise tests of all features and all outlet pairs form a second,
and the paired tests of all features and pairs a third. (A family per feature would let the chance
of a false significant pair grow with the number of features: with 20 features, 4 outlets of 30
documents and no true difference, 56 % of 500 simulated reports flagged at least one pair; 2.6 % with one family.)

Frame distributions
-------------------
χ² test of independence on the outlet × frame table of counts of documents in which each frame is
``present`` (``scipy.stats.chi2_contingency``, no continuity correction), after dropping all-zero
rows and columns; Cramér's V = sqrt(χ² / (N (min(r, c) - 1))) with N the table total. A document can
have several frames, so cells are not independent units and the asymptotic p-value is approximate;
``p_permutation`` re-computes χ² after permuting outlet labels over documents (documents are the
exchangeable units, so this test is valid for multi-label data): p = (1 + #{χ²_perm >= χ²}) / (1 + B)
(Phipson & Smyth 2010). Jensen–Shannon distance (``scipy.spatial.distance.jensenshannon``, base 2,
in [0, 1]) between outlets' mean frame-share profiles (over documents with at least one frame cue).

Distinctive language
--------------------
Fightin' Words (Monroe, Colaresi & Quinn 2008, §3.5): for word w, outlet counts y_w^i (total n^i),
rest-of-corpus counts y_w^j (total n^j), and an informative Dirichlet prior from the whole corpus,
α_w = α0 · y_w / N (y_w corpus count of w, N corpus total, α0 the prior's total pseudo-count)::

    δ_w = log[(y_w^i + α_w) / (n^i + α0 - y_w^i - α_w)] - log[(y_w^j + α_w) / (n^j + α0 - y_w^j - α_w)]
    σ²_w ≈ 1 / (y_w^i + α_w) + 1 / (y_w^j + α_w)
    z_w = δ_w / σ_w

Positive z = the outlet uses w more than the rest of the corpus. A larger α0 shrinks rare words
harder toward the corpus rate. ``|z| > 1.96`` is the conventional cut, but words are not independent
trials, so z ranks words rather than testing them.

References
----------
Benjamini, Y., & Hochberg, Y. (1995). Controlling the false discovery rate. JRSS B 57(1).
Cliff, N. (1993). Dominance statistics. Psychological Bulletin 114(3).
Holm, S. (1979). A simple sequentially rejective multiple test procedure. Scand. J. Statist. 6(2).
Kerby, D. S. (2014). The simple difference formula. Comprehensive Psychology 3.
Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words. Political Analysis 16(4).
Phipson, B., & Smyth, G. K. (2010). Permutation p-values should never be zero. SAGMB 9(1).
Tomczak, M., & Tomczak, E. (2014). The need to report effect size estimates revisited. TSS 21(1).
"""

from __future__ import annotations

import itertools
import math
import warnings
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from scipy import stats as sps  # type: ignore[import-untyped]  # no scipy stubs in the dev environment
from scipy.spatial.distance import jensenshannon  # type: ignore[import-untyped]

__all__ = [
    "Correction",
    "DistinctiveTerm",
    "DistinctiveTerms",
    "Estimate",
    "FrameDistribution",
    "Interval",
    "OmnibusTest",
    "PairedTest",
    "PairwiseTest",
    "adjust_pvalues",
    "bootstrap_means",
    "cliffs_delta",
    "cluster_difference_interval",
    "difference_interval",
    "estimate_clustered",
    "estimate_mean",
    "estimate_proportion",
    "fightin_words",
    "frame_distribution",
    "kruskal_p_method",
    "kruskal_test",
    "mann_whitney",
    "paired_difference_interval",
    "paired_wilcoxon",
    "pairs",
    "rng_for",
]

Correction = Literal["holm", "fdr_bh"]
CIMethod = Literal["expanded", "percentile", "BCa"]
#: The interval methods, in the order the command line lists them.
CI_METHODS: tuple[CIMethod, ...] = ("expanded", "percentile", "BCa")
Array = npt.NDArray[np.float64]


def _f(x: float | np.floating[Any] | None) -> float | None:
    """A finite float or ``None`` (the JSON-safe form of a number)."""
    if x is None:
        return None
    v = float(x)
    return v if math.isfinite(v) else None


def _fields_json(obj: Any) -> dict[str, Any]:  # noqa: ANN401 - any result dataclass of this module
    """A result dataclass as JSON: its fields in order, floats through :func:`_f` (never NaN)."""
    return {f.name: _f(v) if isinstance(v := getattr(obj, f.name), (float, np.floating)) else v for f in fields(obj)}


def rng_for(seed: int, *names: str) -> np.random.Generator:
    """A generator determined by ``seed`` and ``names`` alone (not by processing order).

    Examples
    --------
    >>> float(rng_for(1, "a").random()) == float(rng_for(1, "a").random())
    True
    """
    return np.random.default_rng([seed, *(zlib.crc32(n.encode("utf-8")) for n in names)])


# ------------------------------------------------------------------------------------------
# Multiple comparisons
# ------------------------------------------------------------------------------------------


def adjust_pvalues(pvalues: Sequence[float | None], method: Correction = "holm") -> list[float | None]:
    """Adjusted p-values for one family of tests (``None`` entries are left out and kept ``None``).

    ``holm``: sort the m p-values ascending p_(1) <= ... <= p_(m); adjusted p_(i) =
    max_{k <= i} min(1, (m - k + 1) p_(k)). Controls the family-wise error rate.

    ``fdr_bh``: adjusted p_(i) = min_{k >= i} min(1, m p_(k) / k). Controls the false discovery rate
    (independent or positively dependent tests).

    Examples
    --------
    >>> adjust_pvalues([0.01, 0.04, 0.03], "holm")
    [0.03, 0.06, 0.06]
    >>> [round(p, 3) for p in adjust_pvalues([0.01, 0.04, 0.03], "fdr_bh")]
    [0.03, 0.04, 0.04]
    >>> adjust_pvalues([None, 0.5])
    [None, 0.5]
    """
    if method not in {"holm", "fdr_bh"}:
        msg = f"correction must be 'holm' or 'fdr_bh', got {method!r}"
        raise ValueError(msg)
    idx = [i for i, p in enumerate(pvalues) if p is not None]
    p = np.array([pvalues[i] for i in idx], dtype=np.float64)
    m = len(p)
    out: list[float | None] = [None] * len(pvalues)
    if m == 0:
        return out
    order = np.argsort(p, kind="stable")
    ps = p[order]
    if method == "holm":
        adj = np.maximum.accumulate(np.minimum(1.0, (m - np.arange(m)) * ps))
    else:
        adj = np.minimum.accumulate(np.minimum(1.0, m * ps / np.arange(1, m + 1))[::-1])[::-1]
    res = np.empty(m)
    res[order] = adj
    for i, v in zip(idx, res, strict=True):
        out[i] = float(v)
    return out


# ------------------------------------------------------------------------------------------
# Estimates
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Estimate:
    """The mean of one feature in one outlet, with a confidence interval.

    Attributes
    ----------
    feature
        The feature's name.
    outlet
        The outlet.
    n
        Documents with a value for the feature.
    mean
        Their mean (a prevalence in [0, 1] for binary features); ``None`` when ``n == 0``.
    ci_low, ci_high
        The interval; it always contains ``mean``. ``None`` when ``n == 0``, and when a
        non-binary feature has one document or one story: a single draw says nothing about the
        spread, and a zero-width interval would claim certainty.
    method
        ``bootstrap-expanded``, ``bootstrap-percentile``, ``bootstrap-BCa``, ``wilson`` (binary
        features), ``cluster-bootstrap-expanded`` / ``-percentile`` / ``-BCa`` and ``wilson-clusters``
        (documents grouped by story, :func:`estimate_clustered`), ``degenerate`` (one document
        or one story: no interval; constant values of a non-binary feature: the interval is
        the point) or ``none`` (no data).
    note
        Why the interval is degenerate or was adjusted, or ``""``.
    """

    feature: str
    outlet: str
    n: int
    mean: float | None
    ci_low: float | None
    ci_high: float | None
    method: str
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return _fields_json(self)


def estimate_mean(
    values: Array,
    *,
    feature: str = "",
    outlet: str = "",
    n_boot: int = 2000,
    confidence: float = 0.95,
    method: CIMethod = "expanded",
    rng: np.random.Generator | None = None,
) -> Estimate:
    """Mean of ``values`` with a bootstrap CI (see the module docstring for the degenerate cases).

    Examples
    --------
    >>> e = estimate_mean(np.array([1.0, 2.0, 3.0, 4.0]), n_boot=500, rng=rng_for(0, "x"))
    >>> e.mean, e.ci_low <= e.mean <= e.ci_high
    (2.5, True)
    >>> e = estimate_mean(np.array([5.0]))
    >>> e.mean, e.ci_low, e.note
    (5.0, None, 'one document: no interval')
    """
    x = np.sort(np.asarray(values, dtype=np.float64))
    n = len(x)
    if n == 0:
        return Estimate(feature, outlet, 0, None, None, None, "none", "no document has this feature")
    mean = float(np.mean(x))
    if n == 1:
        return Estimate(feature, outlet, 1, mean, None, None, "degenerate", "one document: no interval")
    if x[0] == x[-1]:
        return Estimate(feature, outlet, n, mean, mean, mean, "degenerate", "constant values: the interval is the point")
    return _bootstrapped(
        lambda m: _bootstrap(x, n_boot, confidence, m, rng),
        Estimate(feature, outlet, n, mean, None, None, "bootstrap", ""),
        method,
        "BCa undefined for these data; expanded percentile interval used",
    )


def estimate_proportion(values: Array, *, feature: str = "", outlet: str = "", confidence: float = 0.95) -> Estimate:
    """Share of documents with a 0/1 feature (a prevalence) with a Wilson score interval.

    For ``k`` of ``n`` documents, ``p = k / n`` and ``z`` the two-sided normal quantile of
    ``confidence``, the interval is ``(p + z²/2n ± z sqrt(p(1 - p)/n + z²/4n²)) / (1 + z²/n)``
    (Wilson 1927). Unlike a bootstrap it stays informative at 0 % and 100 % (0 of 20 documents
    gives [0, 0.16], not the point 0) and keeps good coverage for small ``n`` (Brown, Cai &
    DasGupta 2001). Values other than 0 and 1 raise :class:`ValueError`.

    Examples
    --------
    >>> e = estimate_proportion(np.zeros(20))
    >>> e.mean, e.ci_low, round(e.ci_high, 3), e.method
    (0.0, 0.0, 0.161, 'wilson')
    """
    x = np.asarray(values, dtype=np.float64)
    n = len(x)
    if n == 0:
        return Estimate(feature, outlet, 0, None, None, None, "none", "no document has this feature")
    if not np.all((x == 0.0) | (x == 1.0)):
        msg = f"estimate_proportion needs 0/1 values ({feature or 'feature'} in {outlet or 'outlet'})"
        raise ValueError(msg)
    k = float(np.sum(x))
    p = k / n
    z = float(sps.norm.ppf(0.5 + confidence / 2.0))
    z2 = z * z
    denom = 1.0 + z2 / n
    centre = (p + z2 / (2.0 * n)) / denom
    half = z * math.sqrt(p * (1.0 - p) / n + z2 / (4.0 * n * n)) / denom
    lo, hi = max(0.0, centre - half), min(1.0, centre + half)
    if k == 0.0:
        lo = 0.0
    if k == n:
        hi = 1.0
    return Estimate(feature, outlet, n, p, lo, hi, "wilson", "")


def estimate_clustered(
    values: Array,
    clusters: npt.NDArray[np.int64],
    *,
    binary: bool = False,
    feature: str = "",
    outlet: str = "",
    n_boot: int = 2000,
    confidence: float = 0.95,
    method: CIMethod = "expanded",
    rng: np.random.Generator | None = None,
) -> Estimate:
    """Mean of ``values`` when documents come in clusters (stories), with a cluster bootstrap.

    Articles about the same story are not independent draws, so the interval resamples whole
    clusters: the mean is ``sum(values) / n`` and each resample draws clusters with replacement
    and recomputes the ratio of the summed values to the summed document counts (Field & Welsh
    2007). When every cluster holds one document this is :func:`estimate_mean` (or
    :func:`estimate_proportion` for ``binary`` features), so results without story keys do not
    change. A binary feature at 0 % or 100 % gets the Wilson interval with the number of
    clusters as its sample size, which is conservative under clustering; one cluster gives no
    interval, with a note (a binary feature at 0 % or 100 % still gets its Wilson interval).

    Examples
    --------
    Three stories of three articles each: the interval is wider than one that treats the nine
    articles as independent.

    >>> v = np.array([1.0, 1.2, 0.9, 3.0, 3.1, 2.9, 2.0, 2.2, 1.9])
    >>> wide = estimate_clustered(v, np.repeat([0, 1, 2], 3), n_boot=500, rng=rng_for(0, "x"))
    >>> narrow = estimate_mean(v, n_boot=500, rng=rng_for(0, "x"))
    >>> wide.method, wide.ci_high - wide.ci_low > narrow.ci_high - narrow.ci_low
    ('cluster-bootstrap-expanded', True)
    """
    x = np.asarray(values, dtype=np.float64)
    ids = np.asarray(clusters, dtype=np.int64)
    n = len(x)
    k = len(np.unique(ids)) if n else 0
    if k == n:
        if binary:
            return estimate_proportion(x, feature=feature, outlet=outlet, confidence=confidence)
        return estimate_mean(x, feature=feature, outlet=outlet, n_boot=n_boot, confidence=confidence, method=method, rng=rng)
    mean = float(np.mean(x))
    if binary and mean in {0.0, 1.0}:
        w = estimate_proportion(np.full(k, mean), feature=feature, outlet=outlet, confidence=confidence)
        return Estimate(feature, outlet, n, mean, w.ci_low, w.ci_high, "wilson-clusters", f"Wilson interval over {k} stories")
    if k == 1:
        return Estimate(feature, outlet, n, mean, None, None, "degenerate", "one story: no interval")
    if float(np.min(x)) == float(np.max(x)):
        return Estimate(feature, outlet, n, mean, mean, mean, "degenerate", "constant values: the interval is the point")
    _, inverse = np.unique(ids, return_inverse=True)
    sums = np.asarray(np.bincount(inverse, weights=x), dtype=np.float64)
    counts = np.bincount(inverse).astype(np.float64)
    return _bootstrapped(
        lambda m: _cluster_bootstrap(sums, counts, n_boot, confidence, m, rng),
        Estimate(feature, outlet, n, mean, None, None, "cluster-bootstrap", f"{k} stories resampled"),
        method,
        "BCa undefined for these data; expanded percentile interval used",
    )


def _bootstrapped(draw: Callable[[CIMethod], tuple[float, float]], base: Estimate, method: CIMethod, bca_note: str) -> Estimate:
    """``base`` (its ``method`` the bootstrap's name) with the interval ``draw(method)`` gives.

    A BCa interval that is undefined falls back to the expanded percentile one, with ``bca_note``; an
    interval that misses the estimate is widened to include it; both are noted.
    """
    mean = base.mean
    assert mean is not None
    notes = [base.note] if base.note else []
    lo, hi = draw(method)
    if method == "BCa" and not (math.isfinite(lo) and math.isfinite(hi)):
        lo, hi = draw("expanded")
        method = "expanded"
        notes.append(bca_note)
    if not (math.isfinite(lo) and math.isfinite(hi)):  # pragma: no cover - percentile on non-constant data is finite
        failed = base.method.replace("-", " ")
        return replace(base, ci_low=mean, ci_high=mean, method="degenerate", note=f"{failed} failed: the interval is the point")
    if lo > mean or hi < mean:
        lo, hi = min(lo, mean), max(hi, mean)
        notes.append("interval widened to include the estimate")
    return replace(base, ci_low=lo, ci_high=hi, method=f"{base.method}-{method}", note="; ".join(notes))


def _ratio_of_sums(sums: Array, counts: Array, axis: int = -1) -> Array:
    return np.asarray(np.sum(sums, axis=axis) / np.sum(counts, axis=axis))


def _expanded_levels(residuals: Sequence[Array], confidence: float) -> tuple[float, float]:
    """Tail levels of the expanded percentile interval (Hesterberg 2015, §4.3), for a stratified bootstrap.

    ``residuals`` holds, per stratum, the linearised contributions of its units to the estimate
    (they sum to 0 within a stratum). A bootstrap that resamples the m units of a stratum
    estimates that stratum's variance with divisor m instead of m - 1, and percentiles take a
    normal quantile where a t quantile is due, so percentile intervals are too narrow for small
    samples (coverage 0.84-0.90 for a nominal 95 % with 6 to 10 documents). The expanded
    interval takes the percentiles at alpha'/2 = Phi(-c t_{alpha/2, nu}) instead, with
    c² = (sum_h V_h m_h / (m_h - 1)) / (sum_h V_h) (V_h the plug-in variance of stratum h) and nu the
    Welch–Satterthwaite degrees of freedom; with one stratum, c = sqrt(m / (m - 1)) and
    nu = m - 1. Strata of one unit add no variance to the bootstrap and are left out. With very
    few units (two or three stories) the levels fall beyond the resamples and the interval is
    their range, which still understates the uncertainty: read such intervals as lower bounds
    of it.
    """
    tail = (1.0 - confidence) / 2.0
    scale = max((float(np.max(np.abs(z))) for z in residuals if len(z) > 1), default=0.0)
    if not scale > 0.0:
        return tail, 1.0 - tail
    plug, unbiased, parts = 0.0, 0.0, []
    for z in residuals:
        m = len(z)
        if m < 2:
            continue
        v = m * float(np.mean(np.square(z / scale)))  # c and nu do not depend on the scale; this avoids underflow
        plug += v
        unbiased += v * m / (m - 1)
        parts.append((v * m / (m - 1), m - 1))
    if plug <= 0.0:
        return tail, 1.0 - tail
    nu = unbiased**2 / sum(u**2 / df for u, df in parts)
    q = float(sps.norm.cdf(-math.sqrt(unbiased / plug) * float(sps.t.ppf(1.0 - tail, nu))))
    return q, 1.0 - q


def _scipy_bootstrap(
    data: tuple[Array, ...],
    statistic: Callable[..., Array],
    residuals: Sequence[Array],
    n_boot: int,
    confidence: float,
    method: CIMethod,
    rng: np.random.Generator | None,
    *,
    paired: bool = False,
) -> tuple[float, float]:
    """Bounds from :func:`scipy.stats.bootstrap` (NaN when undefined: the callers check).

    ``expanded`` takes the bootstrap distribution's percentiles at ``_expanded_levels``.
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # degenerate resamples: handled by the finiteness checks of the caller
        res = sps.bootstrap(
            data,
            statistic,
            paired=paired,
            n_resamples=n_boot,
            confidence_level=confidence,
            method="percentile" if method == "expanded" else method,
            vectorized=True,
            rng=rng if rng is not None else np.random.default_rng(0),
        )
    if method == "expanded":
        lo, hi = _expanded_levels(residuals, confidence)
        dist = np.asarray(res.bootstrap_distribution, dtype=np.float64)
        return float(np.quantile(dist, lo)), float(np.quantile(dist, hi))
    return float(res.confidence_interval.low), float(res.confidence_interval.high)


def _cluster_bootstrap(
    sums: Array, counts: Array, n_boot: int, confidence: float, method: CIMethod, rng: np.random.Generator | None
) -> tuple[float, float]:
    """Bootstrap interval of sum(values) / n, resampling clusters given by their sums and sizes."""
    ratio = float(sums.sum() / counts.sum())
    return _scipy_bootstrap((sums, counts), _ratio_of_sums, [sums - ratio * counts], n_boot, confidence, method, rng, paired=True)


def _bootstrap(x: Array, n_boot: int, confidence: float, method: CIMethod, rng: np.random.Generator | None) -> tuple[float, float]:
    return _scipy_bootstrap((x,), np.mean, [x - np.mean(x)], n_boot, confidence, method, rng)


@dataclass(frozen=True, slots=True)
class Interval:
    """A confidence interval of a difference of means (``None`` bounds when there is none).

    Attributes
    ----------
    low, high
        The bounds; they contain the estimated difference.
    method
        ``bootstrap-`` or ``cluster-bootstrap-`` followed by ``expanded``, ``percentile`` or
        ``BCa``, or ``degenerate`` (no interval, or constant values).
    note
        Why there is no interval or it was adjusted, or ``""``.
    """

    low: float | None
    high: float | None
    method: str
    note: str = ""


def _difference_of_means(x: Array, y: Array, axis: int = -1) -> Array:
    return np.asarray(np.mean(x, axis=axis) - np.mean(y, axis=axis))


def _interval(draw: Callable[[CIMethod], tuple[float, float]], estimate: float, name: str, method: CIMethod) -> Interval:
    """The interval ``draw(method)`` gives, with the BCa fallback and the widening of :func:`_bootstrapped`."""
    notes = []
    lo, hi = draw(method)
    if method == "BCa" and not (math.isfinite(lo) and math.isfinite(hi)):
        lo, hi = draw("expanded")
        method = "expanded"
        notes.append("BCa undefined for these data; expanded percentile interval used")
    if not (math.isfinite(lo) and math.isfinite(hi)):
        return Interval(None, None, "degenerate", f"{name} failed: no interval")
    if lo > estimate or hi < estimate:
        lo, hi = min(lo, estimate), max(hi, estimate)
        notes.append("interval widened to include the estimate")
    return Interval(lo, hi, f"{name}-{method}", "; ".join(notes))


def bootstrap_means(x: Array, n_boot: int, rng: np.random.Generator | None = None) -> Array:
    """The means of ``n_boot`` resamples of ``x`` (drawn with replacement; ``x`` sorted first).

    Examples
    --------
    >>> m = bootstrap_means(np.array([1.0, 2.0, 3.0]), 1000, rng_for(0, "m"))
    >>> m.shape, bool(1.0 <= m.min() <= m.max() <= 3.0)
    ((1000,), True)
    """
    v = np.sort(np.asarray(x, dtype=np.float64))
    gen = rng if rng is not None else np.random.default_rng(0)
    out = np.empty(n_boot)
    block = max(1, 250_000 // max(1, len(v)))  # resamples per block: at most 2 MB of draws
    for lo in range(0, n_boot, block):
        k = min(block, n_boot - lo)
        out[lo : lo + k] = v[gen.integers(0, len(v), size=(k, len(v)))].mean(axis=1)
    return out


def difference_interval(
    a: Array,
    b: Array,
    *,
    n_boot: int = 2000,
    confidence: float = 0.95,
    method: CIMethod = "expanded",
    rng: np.random.Generator | None = None,
    means: tuple[Array, Array] | None = None,
) -> Interval:
    """Bootstrap interval of mean(a) - mean(b) for two independent samples of documents.

    Each resample draws ``len(a)`` documents from ``a`` and ``len(b)`` from ``b`` with
    replacement (a stratified two-sample bootstrap), so the interval carries the uncertainty of
    both means. Documents weigh equally, whatever their length. An outlet with fewer than two
    documents gives no interval (one draw says nothing about its spread); constant values in
    both give the point. ``means`` may give the resample means of ``a`` and ``b``
    (:func:`bootstrap_means`), so that a comparison of many outlets resamples each outlet once
    for all its pairs; ``BCa`` always resamples anew (it needs the jackknife of both samples).

    Examples
    --------
    >>> iv = difference_interval(np.array([3.0, 4.0, 5.0, 6.0]), np.array([1.0, 2.0, 2.0, 3.0]), n_boot=500, rng=rng_for(0, "d"))
    >>> iv.method, iv.low <= 2.5 <= iv.high
    ('bootstrap-expanded', True)
    >>> difference_interval(np.array([1.0]), np.array([1.0, 2.0]))
    Interval(low=None, high=None, method='degenerate', note='an outlet with one document: no interval')
    """
    x = np.sort(np.asarray(a, dtype=np.float64))
    y = np.sort(np.asarray(b, dtype=np.float64))
    if len(x) < 2 or len(y) < 2:
        return Interval(None, None, "degenerate", "an outlet with one document: no interval")
    estimate = float(np.mean(x) - np.mean(y))
    if x[0] == x[-1] and y[0] == y[-1]:
        return Interval(estimate, estimate, "degenerate", "constant values: the interval is the point")

    def draw(m: CIMethod) -> tuple[float, float]:
        if m == "BCa":
            return _two_sample_bootstrap(x, y, n_boot, confidence, m, rng)
        ma, mb = means if means is not None else (bootstrap_means(x, n_boot, rng), bootstrap_means(y, n_boot, rng))
        theta = ma - mb
        if m == "expanded":
            lo, hi = _expanded_levels([(x - np.mean(x)) / len(x), (y - np.mean(y)) / len(y)], confidence)
        else:
            lo, hi = (1.0 - confidence) / 2.0, (1.0 + confidence) / 2.0
        return float(np.quantile(theta, lo)), float(np.quantile(theta, hi))

    return _interval(draw, estimate, "bootstrap", method)


def cluster_difference_interval(
    sums_a: Array,
    counts_a: Array,
    sums_b: Array,
    counts_b: Array,
    *,
    n_boot: int = 2000,
    confidence: float = 0.95,
    method: CIMethod = "expanded",
    rng: np.random.Generator | None = None,
) -> Interval:
    """Bootstrap interval of the difference of two outlets' means when documents come in stories.

    The four arrays have one entry per story (a document without a story is a story of its
    own): the summed values and the number of documents of each outlet on it (0 when the outlet
    did not cover it). The estimate is sum(sums_a) / sum(counts_a) - sum(sums_b) / sum(counts_b),
    the difference of the document means. Each resample draws as many stories as there are,
    with replacement, both outlets' articles on a story together (a cluster bootstrap, Field &
    Welsh 2007), so a story both outlets covered keeps its shared part out of the difference.
    Resamples in which an outlet has no document have no difference and are left out (noted);
    when they are more than half, there is no interval. ``BCa`` takes its acceleration from the
    delete-one-story jackknife (Efron & Tibshirani 1993, §14.3). An outlet with fewer than two
    stories gives no interval.

    Examples
    --------
    >>> s = np.array([4.0, 6.0, 5.0, 9.0]); c = np.array([2.0, 2.0, 2.0, 2.0])
    >>> iv = cluster_difference_interval(s, c, s - 2.0, c, n_boot=500, rng=rng_for(0, "d"))
    >>> iv.low, iv.high, iv.method
    (1.0, 1.0, 'cluster-bootstrap-expanded')
    """
    table = np.column_stack([np.asarray(v, dtype=np.float64) for v in (sums_a, counts_a, sums_b, counts_b)])
    if np.count_nonzero(table[:, 1]) < 2 or np.count_nonzero(table[:, 3]) < 2:
        return Interval(None, None, "degenerate", "an outlet with one story: no interval")
    total = table.sum(axis=0)
    estimate = float(total[0] / total[1] - total[2] / total[3])
    gen = rng if rng is not None else np.random.default_rng(0)
    n = len(table)
    boot = np.zeros((n_boot, 4))
    block = max(1, 250_000 // n)  # resamples per block: at most 8 MB of draws
    for lo in range(0, n_boot, block):
        k = min(block, n_boot - lo)
        boot[lo : lo + k] = table[gen.integers(0, n, size=(k, n))].sum(axis=1)
    valid = (boot[:, 1] > 0) & (boot[:, 3] > 0)
    dropped = n_boot - int(np.count_nonzero(valid))
    if 2 * dropped > n_boot:
        return Interval(None, None, "degenerate", f"an outlet absent from {dropped} of {n_boot} resamples of stories: no interval")
    boot = boot[valid]
    theta = boot[:, 0] / boot[:, 1] - boot[:, 2] / boot[:, 3]

    def draw(m: CIMethod) -> tuple[float, float]:
        tail = (1.0 - confidence) / 2.0
        if m == "percentile":
            return float(np.quantile(theta, tail)), float(np.quantile(theta, 1.0 - tail))
        if m == "expanded":
            # linearised contribution of each story to the difference of the two ratios
            z = (table[:, 0] - total[0] / total[1] * table[:, 1]) / total[1] - (table[:, 2] - total[2] / total[3] * table[:, 3]) / total[3]
            lo, hi = _expanded_levels([z], confidence)
            return float(np.quantile(theta, lo)), float(np.quantile(theta, hi))
        rest = total[None, :] - table  # delete-one-story jackknife
        jack = rest[:, 0] / rest[:, 1] - rest[:, 2] / rest[:, 3]
        dev = jack.mean() - jack
        spread = float((dev**2).sum())
        accel = float((dev**3).sum()) / (6.0 * spread**1.5) if spread > 0 else math.nan
        below = (np.count_nonzero(theta < estimate) + 0.5 * np.count_nonzero(theta == estimate)) / len(theta)
        z0 = float(sps.norm.ppf(below))
        bounds = []
        for q in (tail, 1.0 - tail):
            zq = float(sps.norm.ppf(q))
            level = float(sps.norm.cdf(z0 + (z0 + zq) / (1.0 - accel * (z0 + zq))))
            bounds.append(float(np.quantile(theta, level)) if math.isfinite(level) else math.nan)
        return bounds[0], bounds[1]

    iv = _interval(draw, estimate, "cluster-bootstrap", method)
    if dropped and iv.low is not None:
        note = f"{dropped} of {n_boot} resamples without one of the outlets left out"
        return replace(iv, note=f"{iv.note}; {note}" if iv.note else note)
    return iv


def paired_difference_interval(
    diffs: Array,
    *,
    n_boot: int = 2000,
    confidence: float = 0.95,
    method: CIMethod = "expanded",
    rng: np.random.Generator | None = None,
) -> Interval:
    """Bootstrap interval of the mean of story-level differences (stories resampled).

    Fewer than two stories give no interval; identical differences give the point.

    Examples
    --------
    >>> iv = paired_difference_interval(np.array([0.5, 1.0, 1.5, 2.0, 0.0, 1.0]), n_boot=500, rng=rng_for(0, "p"))
    >>> iv.method, iv.low <= 1.0 <= iv.high
    ('bootstrap-expanded', True)
    """
    d = np.sort(np.asarray(diffs, dtype=np.float64))
    if len(d) < 2:
        return Interval(None, None, "degenerate", "one story: no interval")
    estimate = float(np.mean(d))
    if d[0] == d[-1]:
        return Interval(estimate, estimate, "degenerate", "constant differences: the interval is the point")
    return _interval(lambda m: _bootstrap(d, n_boot, confidence, m, rng), estimate, "bootstrap", method)


def _two_sample_bootstrap(
    x: Array, y: Array, n_boot: int, confidence: float, method: CIMethod, rng: np.random.Generator | None
) -> tuple[float, float]:
    """:func:`scipy.stats.bootstrap` bounds of mean(x) - mean(y), each sample resampled alone (NaN when undefined)."""
    residuals = [(x - np.mean(x)) / len(x), (y - np.mean(y)) / len(y)]
    return _scipy_bootstrap((x, y), _difference_of_means, residuals, n_boot, confidence, method, rng)


# ------------------------------------------------------------------------------------------
# Differences between outlets
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class OmnibusTest:
    """Kruskal–Wallis test of one feature across outlets.

    Attributes
    ----------
    feature
        The feature's name.
    n_outlets, n
        Outlets with data and observations: documents with a value, or, when the comparison has
        story keys, outlet-story units (the mean of the outlet's articles on a story).
    statistic
        H (tie-corrected), >= 0; ``None`` when fewer than two outlets have data.
    df
        k - 1.
    p_value, p_adjusted
        In [0, 1] (a permutation p-value when ``n <= 50``); ``p_adjusted`` over all features'
        omnibus tests.
    epsilon_squared
        ε² = H / (n - 1) in [0, 1]; higher = outlets explain more of the rank variance.
    significant
        ``p_adjusted < alpha``.
    note
        Why a number is undefined or set by convention, or ``""``.
    p_method
        How ``p_value`` was computed (:func:`kruskal_p_method`): ``exact``, ``permutation`` or
        ``asymptotic`` (χ² with k - 1 degrees of freedom), or ``""`` without a p-value.
    """

    feature: str
    n_outlets: int
    n: int
    statistic: float | None
    df: int
    p_value: float | None
    p_adjusted: float | None
    epsilon_squared: float | None
    significant: bool
    note: str = ""
    p_method: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return _fields_json(self)


def kruskal_test(
    groups: Mapping[str, Array], *, rng: np.random.Generator | None = None, n_permutations: int = 9999
) -> tuple[float | None, float | None, float | None, str]:
    """``(H, p, ε², note)`` over the non-empty groups (see the module docstring).

    ``rng`` and ``n_permutations`` drive the permutation p-value of small samples (n <= 50);
    when the groups can be split in at most ``n_permutations`` ways, every split is counted and
    the p-value is exact. A note warns when an outlet has a single value: ε² then rests on single
    observations (two outlets of one value each always give ε² = 1).

    Examples
    --------
    Three against three: 2 of the 20 splits are as extreme, so p is about 0.1 (the χ²
    approximation would say 0.05).

    >>> h, p, e2, note = kruskal_test({"a": np.array([1.0, 2.0, 3.0]), "b": np.array([7.0, 8.0, 9.0])})
    >>> round(h, 3), round(p, 1), note
    (3.857, 0.1, '')
    >>> kruskal_test({"a": np.array([1.0, 1.0]), "b": np.array([1.0])})
    (0.0, 1.0, 0.0, 'all values identical')
    >>> kruskal_test({"a": np.array([1.0]), "b": np.array([])})
    (None, None, None, 'fewer than two outlets with data')
    """
    data = [np.asarray(groups[k], dtype=np.float64) for k in sorted(groups) if len(groups[k])]
    if len(data) < 2:
        return None, None, None, "fewer than two outlets with data"
    pooled = np.concatenate(data)
    if pooled.min() == pooled.max():
        return 0.0, 1.0, 0.0, "all values identical"
    res = sps.kruskal(*data)
    h = float(res.statistic)
    n = len(pooled)
    p = float(res.pvalue)
    if n <= EXACT_MAX_N:
        p = _kruskal_permutation_pvalue(data, rng if rng is not None else np.random.default_rng(0), n_permutations)
    note = "an outlet has a single value: the effect size rests on single observations" if min(len(d) for d in data) < 2 else ""
    return h, min(1.0, max(0.0, p)), min(1.0, h / (n - 1)), note


def kruskal_p_method(sizes: Sequence[int], n_permutations: int = 9999) -> str:
    """How :func:`kruskal_test` computes the p-value of non-empty groups of these sizes.

    ``exact`` (every split counted), ``permutation`` (``n_permutations`` random splits; both
    for at most 50 observations) or ``asymptotic`` (the χ² approximation).

    Examples
    --------
    >>> kruskal_p_method([3, 3]), kruskal_p_method([20, 20]), kruskal_p_method([40, 40])
    ('exact', 'permutation', 'asymptotic')
    """
    n = sum(sizes)
    if n > EXACT_MAX_N:
        return "asymptotic"
    n_splits = math.factorial(n) // math.prod(math.factorial(k) for k in sizes)
    return "exact" if n_splits <= n_permutations else "permutation"


def _kruskal_permutation_pvalue(data: list[Array], rng: np.random.Generator, n_permutations: int) -> float:
    """Permutation p of H: the pooled ranks shuffled over groups of the same sizes.

    Under a shuffle the tie correction and the constants of H stay fixed, so H orders the
    assignments as sum_i R_i² / n_i (R_i the rank sum of group i) does; that sum is compared.
    """
    sizes = np.array([len(d) for d in data], dtype=np.float64)
    starts = np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.intp)
    ranks = sps.rankdata(np.concatenate(data))

    def spread(r: Array) -> Array:
        return np.asarray((np.add.reduceat(r, starts, axis=-1) ** 2 / sizes).sum(axis=-1))

    observed = float(spread(ranks))
    n_splits = math.factorial(len(ranks)) // math.prod(math.factorial(len(d)) for d in data)
    if n_splits <= n_permutations:
        # Few enough splits to count them all: the exact p-value, the same on every run.
        orders = np.array(list(_splits(tuple(range(len(ranks))), [len(d) for d in data])), dtype=np.intp)
        hits = int(np.count_nonzero(spread(ranks[orders]) >= observed * (1 - 1e-12)))
        return hits / n_splits
    shuffled = rng.permuted(np.tile(ranks, (n_permutations, 1)), axis=1)
    hits = int(np.count_nonzero(spread(shuffled) >= observed * (1 - 1e-12)))
    return (1 + hits) / (1 + n_permutations)


def _splits(items: tuple[int, ...], sizes: list[int]) -> Iterator[tuple[int, ...]]:
    """Every assignment of ``items`` to groups of ``sizes`` (summing to their number), as group-by-group orders."""
    if len(sizes) == 1:
        yield items
        return
    for first in itertools.combinations(items, sizes[0]):
        chosen = set(first)
        rest = tuple(i for i in items if i not in chosen)
        for tail in _splits(rest, sizes[1:]):
            yield first + tail


@dataclass(frozen=True, slots=True)
class PairwiseTest:
    """Mann–Whitney U test of one feature between two outlets.

    Attributes
    ----------
    feature
        The feature's name.
    outlet_a, outlet_b
        The outlets, ``outlet_a < outlet_b``.
    n_a, n_b
        Observations in each: documents with a value, or, when the comparison has story keys,
        outlet-story units (the mean of the outlet's articles on a story).
    mean_difference
        mean(a) - mean(b) over documents (the same means as the outlets' estimates).
    ci_low, ci_high
        Bootstrap interval of ``mean_difference`` at the report's confidence level
        (:func:`difference_interval`, or :func:`cluster_difference_interval` with story keys);
        ``None`` when an outlet has one document or one story.
    ci_method
        How the interval was computed (see :class:`Interval`).
    statistic
        U of ``outlet_a``.
    p_value, p_adjusted
        Two-sided, in [0, 1] (exact when ``n_a + n_b <= 50``); adjusted over the pairwise tests
        of all features and outlet pairs.
    cliffs_delta
        P(a > b) - P(a < b) in [-1, 1]; positive = ``outlet_a`` higher.
    significant
        ``p_adjusted < alpha``.
    note
        Why a number is set by convention, or ``""``.
    """

    feature: str
    outlet_a: str
    outlet_b: str
    n_a: int
    n_b: int
    mean_difference: float
    ci_low: float | None
    ci_high: float | None
    ci_method: str
    statistic: float
    p_value: float
    p_adjusted: float
    cliffs_delta: float
    significant: bool
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return _fields_json(self)


def cliffs_delta(a: Array, b: Array) -> float:
    """Cliff's δ = P(a > b) - P(a < b), counted over all pairs (O(n log n) via sorting).

    Examples
    --------
    >>> cliffs_delta(np.array([3.0, 4.0]), np.array([1.0, 2.0]))
    1.0
    >>> cliffs_delta(np.array([1.0, 2.0]), np.array([1.0, 2.0]))
    0.0
    """
    if len(a) == 0 or len(b) == 0:
        return 0.0
    bs = np.sort(b)
    less = np.searchsorted(bs, a, side="left")  # b values below each a
    less_eq = np.searchsorted(bs, a, side="right")
    gt = float(less.sum())
    lt = float((len(bs) - less_eq).sum())
    return (gt - lt) / (len(a) * len(b))


def mann_whitney(a: Array, b: Array) -> tuple[float, float, float, str]:
    """``(U_a, p, δ, note)`` for two non-empty samples (see the module docstring).

    Examples
    --------
    >>> u, p, d, note = mann_whitney(np.array([5.0, 6.0, 7.0]), np.array([1.0, 2.0, 3.0]))
    >>> u, round(p, 3), d
    (9.0, 0.1, 1.0)
    """
    na, nb = len(a), len(b)
    pooled = np.concatenate([a, b])
    if pooled.min() == pooled.max():
        return na * nb / 2.0, 1.0, 0.0, "all values identical"
    res = sps.mannwhitneyu(a, b, alternative="two-sided", method="asymptotic")
    p = _exact_rank_sum_pvalue(pooled, na) if na + nb <= EXACT_MAX_N else float(res.pvalue)
    return float(res.statistic), min(1.0, max(0.0, p)), cliffs_delta(a, b), ""


#: Largest pooled sample whose Mann–Whitney p-value is computed exactly (see the module docstring).
EXACT_MAX_N = 50


def _exact_rank_sum_pvalue(pooled: Array, na: int) -> float:
    """Two-sided exact p of the rank sum of the first ``na`` pooled values, over all splits.

    Midranks times two are integers, so the null distribution is counted by dynamic programming:
    ``ways[k, s]`` = number of k-subsets of the values seen so far whose doubled ranks sum to s
    (exact in float64 while the counts stay below 2**53, as they do for 50 values).
    """
    r2 = np.rint(2.0 * sps.rankdata(pooled)).astype(np.int64)
    observed = int(r2[:na].sum())
    top = int(np.sort(r2)[::-1][:na].sum())
    ways = np.zeros((na + 1, top + 1))
    ways[0, 0] = 1.0
    for r in r2.tolist():
        # every k at once, from the previous row's counts (the right side is evaluated first)
        ways[1:, r:] = ways[1:, r:] + ways[:-1, : top + 1 - r]
    dist = ways[na] / ways[na].sum()
    return min(1.0, 2.0 * min(float(dist[: observed + 1].sum()), float(dist[observed:].sum())))


@dataclass(frozen=True, slots=True)
class PairedTest:
    """Wilcoxon signed-rank test of one feature between two outlets over stories both covered.

    Attributes
    ----------
    feature
        The feature's name.
    outlet_a, outlet_b
        The outlets, ``outlet_a < outlet_b``.
    n_stories
        Stories with a value from both (an outlet's several documents on one story are averaged).
    mean_difference, median_difference
        Of the story-level differences a - b.
    ci_low, ci_high
        Bootstrap interval of ``mean_difference`` over the matched stories
        (:func:`paired_difference_interval`); ``None`` with one story.
    ci_method
        How the interval was computed (see :class:`Interval`).
    statistic
        Wilcoxon's T (the smaller signed-rank sum); ``None`` when not computed.
    p_value, p_adjusted
        Two-sided, in [0, 1]; adjusted over the paired tests of all features and outlet pairs;
        ``None`` when not computed.
    rank_biserial
        (T+ - T-) / (T+ + T-) in [-1, 1]; positive = ``outlet_a`` higher on matched stories.
    significant
        ``p_adjusted < alpha``.
    note
        Why a number is undefined or set by convention, or ``""``.
    """

    feature: str
    outlet_a: str
    outlet_b: str
    n_stories: int
    mean_difference: float | None
    median_difference: float | None
    ci_low: float | None
    ci_high: float | None
    ci_method: str
    statistic: float | None
    p_value: float | None
    p_adjusted: float | None
    rank_biserial: float | None
    significant: bool
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return _fields_json(self)


def paired_wilcoxon(diffs: Array) -> tuple[float | None, float | None, float | None, str]:
    """``(T, p, r_rb, note)`` for story-level differences (see the module docstring).

    Examples
    --------
    >>> t, p, r, note = paired_wilcoxon(np.array([1.0, 2.0, 3.0, 4.0, 5.0, 6.0]))
    >>> t, round(p, 4), r
    (0.0, 0.0312, 1.0)
    >>> paired_wilcoxon(np.zeros(4))
    (0.0, 1.0, 0.0, 'all differences are zero')
    """
    d = np.asarray(diffs, dtype=np.float64)
    d = d[np.isfinite(d)]  # a story without a value in one outlet has no difference
    nz = d[d != 0]
    if len(d) == 0:
        return None, None, None, "no matched story"
    if len(nz) == 0:
        return 0.0, 1.0, 0.0, "all differences are zero"
    ranks = sps.rankdata(np.abs(nz))
    t_plus = float(ranks[nz > 0].sum())
    t_minus = float(ranks[nz < 0].sum())
    r_rb = (t_plus - t_minus) / (t_plus + t_minus)
    if len(nz) <= EXACT_MAX_N:
        return min(t_plus, t_minus), _exact_signed_rank_pvalue(ranks, t_plus), r_rb, ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # scipy warns that ties make it use the normal approximation
        res = sps.wilcoxon(nz, zero_method="wilcox", alternative="two-sided", method="asymptotic")
    p = _f(res.pvalue)
    return float(res.statistic), None if p is None else min(1.0, max(0.0, p)), r_rb, ""


def _exact_signed_rank_pvalue(ranks: Array, t_plus: float) -> float:
    """Two-sided exact p of the signed-rank sum ``t_plus`` over all 2**n sign assignments.

    Under the null hypothesis every difference is as likely positive as negative, given the
    absolute values, so each of the 2**n sign patterns of the (mid)ranks is equally likely.
    Doubled midranks are integers, and ``ways[s]`` counts the sign patterns whose positive
    doubled ranks sum to s (exact in float64 below 2**53, as for 50 ranks).
    """
    r2 = np.rint(2.0 * ranks).astype(np.int64)
    observed = round(2.0 * t_plus)
    total = int(r2.sum())
    ways = np.zeros(total + 1)
    ways[0] = 1.0
    for r in r2.tolist():
        # a rank either adds to the positive sum or not (the right side is evaluated first)
        ways[r:] = ways[r:] + ways[: total + 1 - r]
    dist = ways / ways.sum()
    return min(1.0, 2.0 * min(float(dist[: observed + 1].sum()), float(dist[observed:].sum())))


# ------------------------------------------------------------------------------------------
# Frame distributions
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FrameDistribution:
    """How frames are distributed across outlets.

    Attributes
    ----------
    frames
        Frame ids (columns of ``counts``).
    outlets
        Outlets (rows of ``counts``), sorted.
    n_documents
        Documents per outlet.
    counts
        Documents of each outlet in which each frame is present.
    chi2, dof, p_value
        χ² test of independence on ``counts`` without all-zero rows/columns; ``None`` when the reduced
        table has fewer than two rows or columns.
    p_permutation
        Permutation p-value of χ² with ``n_permutations`` label permutations, in (0, 1].
    n_permutations
        Label permutations used.
    cramers_v
        Cramér's V in [0, 1]; higher = outlet and frame more associated.
    profiles
        Mean frame-share profile per outlet (sums to 1), over its documents with a frame cue;
        ``None`` for an outlet without any cue.
    js_distance
        Jensen–Shannon distance (base 2, [0, 1]) between outlets' profiles, row/column order of
        ``outlets``; ``None`` where a profile is missing.
    note
        Why a number is undefined, or ``""``.
    stratified
        Whether the permutations shuffled outlet labels only within stories (``strata``).
    cramers_v_null_mean, cramers_v_null_p95
        Mean and 95th percentile of Cramér's V over the label permutations of ``p_permutation``:
        the V that outlets with no association would show on this corpus (V is positive under
        no association, more so in small samples); ``None`` without permutations.
    js_max
        The largest Jensen–Shannon distance between two outlets' profiles, or ``None``.
    js_max_null_mean, js_max_null_p95
        Mean and 95th percentile of the largest distance over the same permutations; ``None``
        without permutations or profiles.
    """

    frames: tuple[str, ...]
    outlets: tuple[str, ...]
    n_documents: tuple[int, ...]
    counts: tuple[tuple[int, ...], ...]
    chi2: float | None
    dof: int | None
    p_value: float | None
    p_permutation: float | None
    n_permutations: int
    cramers_v: float | None
    profiles: tuple[tuple[float, ...] | None, ...]
    js_distance: tuple[tuple[float | None, ...], ...]
    note: str = ""
    stratified: bool = False
    cramers_v_null_mean: float | None = None
    cramers_v_null_p95: float | None = None
    js_max: float | None = None
    js_max_null_mean: float | None = None
    js_max_null_p95: float | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "frames": list(self.frames),
            "outlets": list(self.outlets),
            "n_documents": list(self.n_documents),
            "counts": [list(r) for r in self.counts],
            "chi2": _f(self.chi2),
            "dof": self.dof,
            "p_value": _f(self.p_value),
            "p_permutation": _f(self.p_permutation),
            "n_permutations": self.n_permutations,
            "cramers_v": _f(self.cramers_v),
            "profiles": [None if p is None else [_f(x) for x in p] for p in self.profiles],
            "js_distance": [[_f(x) for x in row] for row in self.js_distance],
            "note": self.note,
            "stratified": self.stratified,
            "cramers_v_null_mean": _f(self.cramers_v_null_mean),
            "cramers_v_null_p95": _f(self.cramers_v_null_p95),
            "js_max": _f(self.js_max),
            "js_max_null_mean": _f(self.js_max_null_mean),
            "js_max_null_p95": _f(self.js_max_null_p95),
        }


def _max_js(onehot: npt.NDArray[np.float64], shares: npt.NDArray[np.float64]) -> float | None:
    """The largest Jensen–Shannon distance (base 2) between the mean share profiles of the outlets (columns of ``onehot``).

    ``shares`` holds only documents with a profile (no NaN); an outlet without one is left out.
    """
    sums = onehot.T @ shares
    n = onehot.sum(axis=0)
    total = sums.sum(axis=1)
    ok = (n > 0) & (total > 0)
    if ok.sum() < 2:
        return None
    prof = sums[ok] / total[ok, None]
    p, q = prof[:, None, :], prof[None, :, :]
    m = (p + q) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        kl_p = np.where(p > 0, p * np.log2(p / m), 0.0).sum(axis=-1)
        kl_q = np.where(q > 0, q * np.log2(q / m), 0.0).sum(axis=-1)
    return float(np.sqrt(np.clip((kl_p + kl_q) / 2, 0.0, 1.0)).max())


def _label_permutations(
    lab: npt.NDArray[np.intp],
    pres: npt.NDArray[np.float64],
    shr: npt.NDArray[np.float64],
    stratum: npt.NDArray[np.intp] | None,
    k: int,
    n: int,
    gen: np.random.Generator,
) -> tuple[list[float], list[float], list[float | None]]:
    """χ², Cramér's V and the largest Jensen–Shannon distance under ``n`` label permutations (within strata when given).

    Rows are sorted by stratum: a random order within each stratum permutes the labels inside it
    only. Returns the χ² values, the V values (each from its own permuted table's shape) and the
    largest distances (empty without shares).
    """
    valid = ~np.isnan(shr).any(axis=1) if shr.size else np.zeros(len(lab), dtype=bool)
    chi2: list[float] = []
    cramer: list[float] = []
    js: list[float | None] = []
    for _ in range(n):
        perm = gen.permutation(lab) if stratum is None else lab[np.lexsort((gen.random(len(lab)), stratum))]
        onehot = np.eye(k)[perm]
        x, v = _chi2_and_v(onehot.T @ pres)
        chi2.append(x)
        cramer.append(v)
        if shr.size:
            js.append(_max_js(onehot[valid], shr[valid]))
    return chi2, cramer, js


def _chi2_stat(table: npt.NDArray[np.float64]) -> float:
    """Pearson's χ² over the rows/columns with non-zero margins."""
    return _chi2_and_v(table)[0]


def _chi2_and_v(table: npt.NDArray[np.float64]) -> tuple[float, float]:
    """Pearson's χ² and Cramér's V over the rows/columns with non-zero margins (V clamped to [0, 1])."""
    t = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
    if t.shape[0] < 2 or t.shape[1] < 2:
        return 0.0, 0.0
    expected = np.outer(t.sum(axis=1), t.sum(axis=0)) / t.sum()
    chi2 = float(((t - expected) ** 2 / expected).sum())
    return chi2, min(1.0, math.sqrt(chi2 / (t.sum() * (min(t.shape) - 1))))


def frame_distribution(
    frames: Sequence[str],
    labels: Sequence[str],
    present: npt.NDArray[np.float64],
    shares: npt.NDArray[np.float64],
    *,
    n_permutations: int = 999,
    rng: np.random.Generator | None = None,
    strata: Sequence[str | None] | None = None,
) -> FrameDistribution:
    """χ², Cramér's V and Jensen–Shannon distances (see the module docstring).

    Parameters
    ----------
    frames
        Frame ids, the columns of ``present`` and ``shares``.
    labels
        The outlet of each document (rows).
    present
        0/1 per document and frame.
    shares
        Frame shares per document; rows with NaN (no frame cue) are left out of the profiles.
    n_permutations
        Label permutations for ``p_permutation`` (0 for none).
    rng
        Source of the permutations.
    strata
        A story key per document, or ``None``: labels are then permuted only among the documents
        of the same story (documents without a key form one group), so the test compares outlets
        on the same stories and a difference in story mix is not counted as one of framing.
    """
    outlets = sorted(set(labels))
    lab = np.array([outlets.index(x) for x in labels], dtype=np.intp)
    keys = sorted({"" if k is None else "1" + k for k in strata}) if strata is not None else [""]
    stratum = (
        np.array([keys.index("" if k is None else "1" + k) for k in strata], dtype=np.intp)
        if strata is not None
        else np.zeros(len(lab), dtype=np.intp)
    )
    # canonical document order (by stratum, outlet, then presence pattern) so permutations do not
    # depend on input order
    order = np.lexsort((*present.T[::-1], lab, stratum)) if present.size else np.lexsort((lab, stratum))
    lab, pres, shr, stratum = lab[order], present[order], shares[order], stratum[order]
    onehot = np.eye(len(outlets))[lab] if len(lab) else np.zeros((0, len(outlets)))
    counts = onehot.T @ pres if len(lab) else np.zeros((len(outlets), len(frames)))
    n_docs = tuple(int((lab == i).sum()) for i in range(len(outlets)))
    reduced = counts[counts.sum(axis=1) > 0][:, counts.sum(axis=0) > 0]
    chi2 = p = pperm = v = None
    dof = None
    note = ""
    null_v: list[float] = []
    null_js: list[float | None] = []
    if reduced.shape[0] < 2 or reduced.shape[1] < 2:
        note = "χ² undefined: fewer than two outlets or frames with any presence"
    else:
        res = sps.chi2_contingency(reduced, correction=False)
        chi2, dof = float(res.statistic), int(res.dof)
        p = min(1.0, max(0.0, float(res.pvalue)))
        v = min(1.0, math.sqrt(chi2 / (reduced.sum() * (min(reduced.shape) - 1))))
        if n_permutations > 0:
            gen = rng if rng is not None else np.random.default_rng(0)
            null_chi2, null_v, null_js = _label_permutations(
                lab, pres, shr, stratum if strata is not None else None, len(outlets), n_permutations, gen
            )
            observed = _chi2_stat(counts)
            hits = sum(x >= observed * (1 - 1e-12) for x in null_chi2)
            pperm = (1 + hits) / (1 + n_permutations)
    profiles: list[tuple[float, ...] | None] = []
    for i in range(len(outlets)):
        rows = shr[lab == i]
        rows = rows[~np.isnan(rows).any(axis=1)] if rows.size else rows
        if len(rows) == 0:
            profiles.append(None)
            continue
        # Rows that tie on the canonical order above keep the input order; sorting each column
        # makes the floating-point sum, and so the profile, independent of that order too.
        prof = np.sort(rows, axis=0).mean(axis=0)
        total = prof.sum()
        profiles.append(tuple(float(x) for x in prof / total) if total > 0 else None)
    js: list[tuple[float | None, ...]] = []
    for pa in profiles:
        row: list[float | None] = []
        for pb in profiles:
            if pa is None or pb is None:
                row.append(None)
            else:
                d = float(jensenshannon(np.array(pa), np.array(pb), base=2.0))
                row.append(min(1.0, max(0.0, d)) if math.isfinite(d) else 0.0)
        js.append(tuple(row))
    observed_js = [x for row in js for x in row if x is not None]
    js_null = [x for x in null_js if x is not None]
    return FrameDistribution(
        frames=tuple(frames),
        outlets=tuple(outlets),
        n_documents=n_docs,
        counts=tuple(tuple(int(c) for c in r) for r in counts),
        chi2=chi2,
        dof=dof,
        p_value=p,
        p_permutation=pperm,
        n_permutations=n_permutations if pperm is not None else 0,
        cramers_v=v,
        profiles=tuple(profiles),
        js_distance=tuple(js),
        note=note,
        stratified=strata is not None and pperm is not None,
        cramers_v_null_mean=float(np.mean(null_v)) if null_v else None,
        cramers_v_null_p95=float(np.percentile(null_v, 95)) if null_v else None,
        js_max=max(observed_js) if observed_js else None,
        js_max_null_mean=float(np.mean(js_null)) if js_null and observed_js else None,
        js_max_null_p95=float(np.percentile(js_null, 95)) if js_null and observed_js else None,
    )


# ------------------------------------------------------------------------------------------
# Distinctive language
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DistinctiveTerm:
    """One word's Fightin' Words statistics for an outlet against the rest.

    Attributes
    ----------
    term
        The word (lowercase).
    z
        z-score of the log-odds ratio; positive = the outlet uses it more.
    log_odds
        δ, the prior-smoothed log-odds ratio (outlet minus rest).
    count, count_rest
        Occurrences in the outlet and in all other outlets.
    """

    term: str
    z: float
    log_odds: float
    count: int
    count_rest: int

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return _fields_json(self)


@dataclass(frozen=True, slots=True)
class DistinctiveTerms:
    """The most distinctive words of one outlet against the rest of the corpus.

    Attributes
    ----------
    outlet
        The outlet.
    n_tokens
        Counted tokens of the outlet (after the stop list).
    over
        Words most over-used by the outlet, highest z first.
    under
        Words most under-used by the outlet, lowest z first.
    """

    outlet: str
    n_tokens: int
    over: tuple[DistinctiveTerm, ...]
    under: tuple[DistinctiveTerm, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "outlet": self.outlet,
            "n_tokens": self.n_tokens,
            "over": [t.to_dict() for t in self.over],
            "under": [t.to_dict() for t in self.under],
        }


def fightin_words(
    counts: Mapping[str, Counter[str]],
    *,
    alpha0: float = 1000.0,
    top: int = 15,
    min_count: int = 5,
) -> tuple[DistinctiveTerms, ...]:
    """Fightin' Words z-scores of each outlet against the rest (see the module docstring).

    Parameters
    ----------
    counts
        Word counts per outlet.
    alpha0
        Total pseudo-count of the Dirichlet prior (α0), spread over words in proportion to their
        corpus frequency. Must be > 0.
    top
        Words to keep in each direction.
    min_count
        Only words with at least this many corpus occurrences are ranked.

    Examples
    --------
    >>> c = {"a": Counter({"tax": 40, "war": 10, "vote": 25}), "b": Counter({"tax": 10, "war": 40, "vote": 25})}
    >>> res = fightin_words(c, top=1, min_count=1)
    >>> res[0].outlet, res[0].over[0].term, res[0].under[0].term
    ('a', 'tax', 'war')
    """
    if alpha0 <= 0:
        msg = f"alpha0 must be > 0, got {alpha0}"
        raise ValueError(msg)
    outlets = sorted(counts)
    total: Counter[str] = Counter()
    for o in outlets:
        total.update(counts[o])
    vocab = sorted(w for w, c in total.items() if c > 0)
    if len(outlets) < 2 or not vocab:
        return tuple(DistinctiveTerms(o, sum(counts[o].values()), (), ()) for o in outlets)
    y = np.array([total[w] for w in vocab], dtype=np.float64)
    n_all = y.sum()
    a_w = alpha0 * y / n_all
    keep = y >= min_count
    out = []
    for o in outlets:
        c = counts[o]
        yi = np.array([c.get(w, 0) for w in vocab], dtype=np.float64)
        yj = y - yi
        ni, nj = yi.sum(), yj.sum()
        delta = np.log((yi + a_w) / (ni + alpha0 - yi - a_w)) - np.log((yj + a_w) / (nj + alpha0 - yj - a_w))
        z = delta / np.sqrt(1.0 / (yi + a_w) + 1.0 / (yj + a_w))
        idx = np.flatnonzero(keep & np.isfinite(z))
        terms = [DistinctiveTerm(vocab[k], float(z[k]), float(delta[k]), int(yi[k]), int(yj[k])) for k in idx]
        over = sorted((t for t in terms if t.z > 0), key=lambda t: (-t.z, t.term))[:top]
        under = sorted((t for t in terms if t.z < 0), key=lambda t: (t.z, t.term))[:top]
        out.append(DistinctiveTerms(o, int(ni), tuple(over), tuple(under)))
    return tuple(out)


def pairs(outlets: Sequence[str]) -> list[tuple[str, str]]:
    """All pairs ``(a, b)`` with ``a < b``, in sorted order."""
    return list(itertools.combinations(sorted(outlets), 2))
