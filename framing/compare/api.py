"""The comparison API, re-exported lazily by :mod:`framing.compare` (whose docstring describes it).

Examples
--------
>>> records = [
...     {"outlet": "A", "text": "Taxes, the budget deficit and unemployment worry voters."},
...     {"outlet": "A", "text": "The economy, jobs and wages dominate the debate over the budget."},
...     {"outlet": "B", "text": "Troops and the military attacked the militia base in a war."},
...     {"outlet": "B", "text": "Soldiers defended the border against a terrorist attack."},
... ]
>>> report = compare(records, n_boot=200, n_permutations=99)
>>> report.outlet_names
('A', 'B')
>>> report.estimate("frames.present.economic", "A").mean
1.0
"""

from __future__ import annotations

import fnmatch
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from framing.analysis import Analyzer
from framing.compare.features import Feature, FeatureData, collect, describe
from framing.compare.report import CompareSettings, ComparisonReport, FeatureInfo, OutletInfo
from framing.compare.stats import (
    CI_METHODS,
    CIMethod,
    Correction,
    Estimate,
    Interval,
    OmnibusTest,
    PairedTest,
    PairwiseTest,
    adjust_pvalues,
    bootstrap_means,
    cluster_difference_interval,
    difference_interval,
    estimate_clustered,
    estimate_mean,
    estimate_proportion,
    fightin_words,
    frame_distribution,
    kruskal_p_method,
    kruskal_test,
    mann_whitney,
    paired_difference_interval,
    paired_wilcoxon,
    pairs,
    rng_for,
)
from framing.errors import InputError

__all__ = ["CompareSettings", "ComparisonReport", "compare", "compare_features", "default_analyzer"]


def default_analyzer() -> Analyzer:
    """The analyzer :func:`compare` uses when none is given.

    The default scorers (attribution, loaded language, frames) plus readability.
    """
    return Analyzer(readability=True)


def compare(
    records: Iterable[object] | Any,  # noqa: ANN401 - also a pandas DataFrame, duck-typed
    *,
    by: str = "outlet",
    pair_by: str | None = None,
    date: str | None = "date",
    analyzer: Analyzer | None = None,
    n_jobs: int = 1,
    chunksize: int = 32,
    n_boot: int = 2000,
    confidence: float = 0.95,
    ci_method: CIMethod = "expanded",
    alpha: float = 0.05,
    correction: Correction = "holm",
    n_permutations: int = 999,
    min_stories: int = 6,
    fw_alpha0: float = 1000.0,
    fw_min_count: int = 5,
    fw_top: int = 15,
    seed: int = 0,
    on_missing: Literal["raise", "skip"] = "raise",
    duplicates: Literal["skip", "keep", "error"] = "skip",
    test_features: Sequence[str] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ComparisonReport:
    """Compare outlets over a stream of records.

    Parameters
    ----------
    records
        Mappings or :class:`~framing.analysis.Record` objects with ``text`` and the ``by`` field,
        optionally ``pair_by``, ``date``, ``title`` and ``id``; or a pandas DataFrame. Streamed:
        texts are never all held in memory.
    by
        Field naming the outlet.
    pair_by
        Field naming the story or event; enables matched-story (paired) tests.
    date
        Field holding a date string (reported per outlet as first/last), or ``None``.
    analyzer
        Scorers to run; ``default_analyzer()`` (attribution, loaded language, frames and readability) by default.
    n_jobs, chunksize
        Worker processes and records per task.
    n_boot, confidence, ci_method
        Bootstrap resamples, level and method of the intervals: ``expanded`` (percentiles at
        tail levels widened for small samples, Hesterberg 2015; the default), ``percentile`` or
        ``BCa`` (see :mod:`framing.compare.stats`).
    alpha
        Level of the ``significant`` flags.
    correction
        ``holm`` (family-wise error) or ``fdr_bh`` (false discovery rate), applied to three
        families: the omnibus tests of all features, the pairwise tests of all features and outlet
        pairs, and the paired tests of all features and outlet pairs.
    n_permutations
        Label permutations for the frame χ² test (0 to skip).
    min_stories
        Shared stories an outlet pair needs for a paired test (at least 1; default 6, the fewest
        with which the exact two-sided Wilcoxon test can reach p < 0.05: with 5 its smallest
        p-value is 2/32 = 0.0625).
    fw_alpha0, fw_min_count, fw_top
        Fightin' Words prior total α0, minimum corpus count of a ranked word, words per direction.
    seed
        Seed of every random draw (results are reproducible and independent of input order).
    on_missing
        ``raise`` or ``skip`` records without text or outlet. A record whose text is empty or
        white space only is always skipped and counted (it carries nothing to measure).
    duplicates
        ``skip`` (the default): a record that repeats an earlier record of the same outlet (its
        text after normalising Unicode and white space, or its id with the same text) is left
        out, counted and named in the notes; a text several outlets ran is kept in each and
        counted in a note; an id an outlet used before for another text is a bad record (see
        ``on_missing``). ``keep`` analyses every record; ``error`` raises
        :class:`~framing.InputError` at the first repeat or id conflict.
    test_features
        The tested family: names or glob patterns (``loaded.*``, ``frames.score.*``) of the
        features given rank tests and multiple-comparison correction; ``None`` (the default)
        tests every ``score`` feature. Fix it before seeing the data: the family decides which
        differences survive the correction. Other features are still estimated, not tested.
    progress
        Called as ``progress(done, skipped)`` after every record.

    Raises
    ------
    InputError
        When a record lacks text or outlet (``on_missing="raise"``), repeats an earlier one
        (``duplicates="error"``), or no record is usable.
    ValueError
        For an invalid parameter, or a ``features`` pattern that matches no testable feature.
    """
    settings = compare_settings(
        by=by,
        pair_by=pair_by,
        alpha=alpha,
        correction=correction,
        confidence=confidence,
        n_boot=n_boot,
        ci_method=ci_method,
        n_permutations=n_permutations,
        min_stories=min_stories,
        fw_alpha0=fw_alpha0,
        fw_min_count=fw_min_count,
        fw_top=fw_top,
        seed=seed,
        test_features=None if test_features is None else (test_features,) if isinstance(test_features, str) else tuple(test_features),
    )
    data = collect(
        records,
        analyzer=analyzer or default_analyzer(),
        by=by,
        pair_by=pair_by,
        date=date,
        n_jobs=n_jobs,
        chunksize=chunksize,
        on_missing=on_missing,
        duplicates=duplicates,
        progress=progress,
    )
    return compare_features(data, settings)


def compare_settings(**kw: Any) -> CompareSettings:  # noqa: ANN401 - forwarded keyword arguments, checked here
    """:class:`CompareSettings` from keywords, checked as :func:`compare` checks them.

    Raises
    ------
    ValueError
        For an invalid parameter, naming it.
    """
    s = CompareSettings(**kw)
    if not 0 < s.alpha < 1 or not 0 < s.confidence < 1:
        msg = f"alpha and confidence must be in (0, 1), got {s.alpha} and {s.confidence}"
        raise ValueError(msg)
    if s.correction not in {"holm", "fdr_bh"}:
        msg = f"correction must be 'holm' or 'fdr_bh', got {s.correction!r}"
        raise ValueError(msg)
    if s.ci_method not in CI_METHODS:
        msg = f"ci_method must be 'expanded', 'percentile' or 'BCa', got {s.ci_method!r}"
        raise ValueError(msg)
    if s.seed < 0:
        msg = f"seed must be a non-negative integer, got {s.seed}"
        raise ValueError(msg)
    if s.n_boot < 10 or s.n_permutations < 0 or s.min_stories < 1 or s.fw_alpha0 <= 0 or s.fw_min_count < 1 or s.fw_top < 0:
        msg = "need n_boot >= 10, n_permutations >= 0, min_stories >= 1, fw_alpha0 > 0, fw_min_count >= 1, fw_top >= 0"
        raise ValueError(msg)
    patterns = s.test_features
    if patterns is not None and (not patterns or not all(isinstance(x, str) for x in patterns) or "" in patterns):
        msg = f"features must be a non-empty list of feature names or patterns, got {s.test_features!r}"
        raise ValueError(msg)
    return s


def select_tested(features: Sequence[Feature], patterns: Sequence[str] | None) -> list[Feature]:
    """The features given rank tests: every ``score`` feature, or those matching ``patterns`` (:mod:`fnmatch` globs).

    Raises
    ------
    ValueError
        When a pattern matches no ``score`` feature (a typo, a feature this analysis does not
        produce, or one that is only described, such as a prevalence): a pre-registered family
        must be tested whole.

    Examples
    --------
    >>> fs = [Feature("loaded", "score"), Feature("loaded", "flagged"), Feature("readability", "gunning_fog")]
    >>> [f.name for f in select_tested(fs, ["loaded.*"])]
    ['loaded.score']
    >>> select_tested(fs, ["loaded.flagged"])
    Traceback (most recent call last):
    ...
    ValueError: features pattern 'loaded.flagged' matches no rank-tested feature (only: loaded.flagged, kind binary)
    """
    scores = [f for f in features if f.kind == "score"]
    if patterns is None:
        return scores
    chosen: set[Feature] = set()
    for pattern in patterns:
        hits = [f for f in scores if fnmatch.fnmatchcase(f.name, pattern)]
        if not hits:
            others = [f"{f.name}, kind {f.kind}" for f in features if fnmatch.fnmatchcase(f.name, pattern)]
            why = f" (only: {'; '.join(others[:5])})" if others else " (no feature of this comparison has that name)"
            msg = f"features pattern {pattern!r} matches no rank-tested feature{why}"
            raise ValueError(msg)
        chosen.update(hits)
    return [f for f in scores if f in chosen]


def compare_features(data: FeatureData, settings: CompareSettings | None = None) -> ComparisonReport:
    """The statistics of :func:`compare` on collected features (see :mod:`framing.compare.stats`).

    Raises
    ------
    InputError
        When ``data`` has no document.
    ValueError
        When a value is infinite (NaN marks a missing value; an infinite one has no mean), or a
        pattern of ``settings.test_features`` matches no testable feature.
    """
    s = settings or CompareSettings()
    _check_data(data)
    tested = select_tested(data.features, s.test_features)
    outlets = sorted(set(data.outlets))
    notes: list[str] = []
    if len(outlets) < 2:
        notes.append(f"only one outlet ({outlets[0]!r}): estimates only, no between-outlet tests or distinctive words")
    notes.extend(_input_notes(data))
    notes.extend(_near_duplicate_labels(outlets))
    needed = _stories_for_significance(s.alpha)
    if s.pair_by is not None and s.min_stories < needed:
        notes.append(
            f"min_stories={s.min_stories}: with fewer than {needed} shared stories the exact two-sided Wilcoxon test "
            f"cannot reach p < {s.alpha}, so such paired tests can never be significant"
        )
    by_feature = {f: data.by_outlet(f) for f in data.features}
    # Articles about one story are not independent: with story keys, resample stories.
    clustered = s.pair_by is not None and any(st is not None for st in data.stories)
    clusters = {f: data.clusters_by_outlet(f) for f in data.features} if clustered else {}
    estimates = [est for f in data.features for est in _estimates(f, clusters.get(f), by_feature[f], outlets, s)]
    # The rank tests need independent observations: with story keys, one per (outlet, story),
    # the mean of the outlet's articles on that story (an article without a key counts alone).
    units = {f: _story_means(clusters[f]) if clustered else by_feature[f] for f in tested}
    if clustered:
        notes.append("rank tests across and between outlets use one value per outlet and story (the mean of its articles)")
    corr: Correction = "fdr_bh" if s.correction == "fdr_bh" else "holm"
    omnibus: list[OmnibusTest] = []
    if len(outlets) >= 2:
        raw = [kruskal_test(units[f], rng=rng_for(s.seed, "kruskal", f.name)) for f in tested]
        adj = adjust_pvalues([r[1] for r in raw], corr)
        for f, (h, p, e2, note), pa in zip(tested, raw, adj, strict=True):
            groups = units[f]
            sizes = [len(g) for g in groups.values() if len(g)]
            omnibus.append(
                OmnibusTest(
                    feature=f.name,
                    n_outlets=sum(1 for g in groups.values() if len(g)),
                    n=sum(len(g) for g in groups.values()),
                    statistic=h,
                    df=max(0, sum(1 for g in groups.values() if len(g)) - 1),
                    p_value=p,
                    p_adjusted=pa,
                    epsilon_squared=e2,
                    significant=pa is not None and pa < s.alpha,
                    note=note,
                    # identical values: p = 1 is a convention, not the result of a method
                    p_method="" if p is None or note == "all values identical" else kruskal_p_method(sizes),
                )
            )
    # One family for every pair of every feature: the report's count of significant pairs is then
    # protected as a whole (a family per feature let the error grow with the number of features).
    rows = [
        (f, a, b, mann_whitney(units[f][a], units[f][b]))
        for f in tested
        for a, b in pairs(outlets)
        if len(units[f][a]) and len(units[f][b])
    ]
    adj = adjust_pvalues([r[3][1] for r in rows], corr)
    pairwise: list[PairwiseTest] = []
    resampled: dict[tuple[str, str], npt.NDArray[np.float64]] = {}  # (feature, outlet) -> resample means, shared by its pairs
    for (f, a, b, (u, p, delta, note)), pa in zip(rows, adj, strict=True):
        assert pa is not None
        md = float(np.mean(by_feature[f][a]) - np.mean(by_feature[f][b]))  # document means, as in the estimates
        iv = _difference_interval(data, f, a, b, by_feature[f], clustered, s, resampled)
        pairwise.append(
            PairwiseTest(
                feature=f.name,
                outlet_a=a,
                outlet_b=b,
                n_a=len(units[f][a]),
                n_b=len(units[f][b]),
                mean_difference=md,
                ci_low=iv.low,
                ci_high=iv.high,
                ci_method=iv.method,
                statistic=u,
                p_value=p,
                p_adjusted=pa,
                cliffs_delta=delta,
                significant=pa < s.alpha,
                note="; ".join(x for x in (note, iv.note) if x),
            )
        )
    frames = _frames(data, s)
    paired = _paired(data, tested, outlets, s, corr, notes) if s.pair_by is not None else []
    distinctive = fightin_words(data.word_counts, alpha0=s.fw_alpha0, top=s.fw_top, min_count=s.fw_min_count) if len(outlets) >= 2 else ()
    n_per = dict.fromkeys(outlets, 0)
    for o in data.outlets:
        n_per[o] += 1
    infos = tuple(
        OutletInfo(
            o,
            n_per[o],
            sum(data.word_counts.get(o, {}).values()),
            data.dates[o][0] if o in data.dates else None,
            data.dates[o][1] if o in data.dates else None,
        )
        for o in outlets
    )
    return ComparisonReport(
        settings=s,
        outlets=infos,
        n_documents=len(data.outlets),
        n_skipped=data.n_skipped + data.n_empty + data.n_duplicates,
        n_empty=data.n_empty,
        n_duplicates=data.n_duplicates,
        tested_features=tuple(f.name for f in tested),
        features=tuple(FeatureInfo(f.name, f.section, f.measure, f.key, f.kind, describe(f)) for f in data.features),
        estimates=tuple(estimates),
        omnibus=tuple(omnibus),
        pairwise=tuple(pairwise),
        frames=frames,
        paired=tuple(paired),
        distinctive=tuple(distinctive),
        notes=tuple(notes),
        lexicons=data.lexicons,
        framing_version=data.framing_version,
        analysis_settings=dict(data.analysis_settings),
    )


def _input_notes(data: FeatureData) -> list[str]:
    """Notes on the records left out (missing fields, empty texts, repeats) and on dates that are not ISO 8601."""
    notes = []
    if data.n_skipped:
        notes.append(f"{data.n_skipped} records skipped for a missing field or an id used before in the outlet")
    if data.n_empty:
        notes.append(f"{data.n_empty} records skipped: empty or white-space-only text")
    if data.conflicts:
        notes.append(f"records whose id their outlet used before for another text were skipped (first ones: {'; '.join(data.conflicts)})")
    if data.n_duplicates:
        named = "; ".join(data.duplicates)
        more = f"; and {data.n_duplicates - len(data.duplicates)} more" if data.n_duplicates > len(data.duplicates) else ""
        notes.append(
            f"{data.n_duplicates} records skipped as repeats of an earlier record of the same outlet (same normalised text; "
            f"the first is kept): {named}{more}"
        )
    if data.n_non_latin:
        notes.append(
            f"{data.n_non_latin} documents are mostly not in the Latin script (flag non_latin_script): the bundled "
            "lexicons are English, so their scores mean little; they are still counted"
        )
    if data.n_shared_texts:
        notes.append(
            f"{data.n_shared_texts} texts appear in more than one outlet and count for each outlet that ran them "
            "(syndicated or wire copy); deduplicate across outlets beforehand if your design needs it"
        )
    if data.bad_dates:
        counts = ", ".join(f"{o}: {n}" for o, n in data.bad_dates.items())
        notes.append(
            f"dates that are not ISO 8601 (YYYY-MM-DD, optionally with a time) are not compared, so these outlets "
            f"have no date range: {counts}"
        )
    return notes


def _check_data(data: FeatureData) -> None:
    """Raise :class:`InputError` without documents, :class:`ValueError` for an infinite value."""
    if not data.outlets:
        left = [
            f"{n} {why}"
            for n, why in (
                (data.n_skipped, "skipped for a missing field"),
                (data.n_empty, "with an empty text"),
                (data.n_duplicates, "repeating an earlier record"),
            )
            if n
        ]
        msg = "no documents to compare" + (f" (records left out: {', '.join(left)})" if left else "")
        raise InputError(msg)
    infinite = np.isinf(data.values)
    if infinite.any():
        row, col = (int(i[0]) for i in np.nonzero(infinite))
        msg = f"{data.features[col].name} of document {row + 1} is not finite; use NaN for a missing value"
        raise ValueError(msg)


def _frames(data: FeatureData, s: CompareSettings) -> Any:  # noqa: ANN401 - FrameDistribution | None
    present = [f for f in data.features if f.section == "frames" and f.measure == "present"]
    if not present:
        return None
    keys = [f.key for f in present]
    pres = np.column_stack([data.column(f) for f in present])
    share_cols = [data.column(Feature("frames", "share", k)) if Feature("frames", "share", k) in data.features else None for k in keys]
    shares = np.column_stack([c if c is not None else np.full(len(data.outlets), np.nan) for c in share_cols])
    rows = np.asarray(~np.isnan(pres).any(axis=1), dtype=bool)  # documents that had a frames section
    labels = [o for o, k in zip(data.outlets, rows.tolist(), strict=True) if k]
    strata = None
    if s.pair_by is not None and any(st is not None for st in data.stories):
        strata = [st for st, k in zip(data.stories, rows.tolist(), strict=True) if k]
    return frame_distribution(
        keys, labels, pres[rows], shares[rows], n_permutations=s.n_permutations, rng=rng_for(s.seed, "chi2"), strata=strata
    )


def _story_means(
    clusters: Mapping[str, tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]],
) -> dict[str, npt.NDArray[np.float64]]:
    """Per outlet, the mean of each story's articles (one value per story), sorted ascending."""
    out = {}
    for outlet, (x, ids) in clusters.items():
        if len(x) == 0:
            out[outlet] = x
            continue
        counts = np.bincount(ids)
        out[outlet] = np.sort(np.bincount(ids, weights=x)[counts > 0] / counts[counts > 0])
    return out


def _estimates(
    f: Feature,
    clusters: Mapping[str, tuple[npt.NDArray[np.float64], npt.NDArray[np.int64]]] | None,
    values: Mapping[str, npt.NDArray[np.float64]],
    outlets: Sequence[str],
    s: CompareSettings,
) -> list[Estimate]:
    """One feature's estimate per outlet: by story when ``clusters`` is given, else by document."""
    method = _ci_method(s)
    out = []
    for o in outlets:
        rng = rng_for(s.seed, "ci", f.name, o)
        if clusters is not None:
            x, ids = clusters[o]
            binary = f.kind == "binary"
            est = estimate_clustered(
                x, ids, binary=binary, feature=f.name, outlet=o, n_boot=s.n_boot, confidence=s.confidence, method=method, rng=rng
            )
            out.append(est)
        elif f.kind == "binary":
            out.append(estimate_proportion(values[o], feature=f.name, outlet=o, confidence=s.confidence))
        else:
            out.append(estimate_mean(values[o], feature=f.name, outlet=o, n_boot=s.n_boot, confidence=s.confidence, method=method, rng=rng))
    return out


def _paired(
    data: FeatureData, tested: list[Feature], outlets: list[str], s: CompareSettings, corr: Correction, notes: list[str]
) -> list[PairedTest]:
    """Story-level means per outlet, then Wilcoxon signed-rank per outlet pair over shared stories."""
    stories = sorted({st for st in data.stories if st is not None})
    if not stories:
        notes.append(f"no record has the story field {s.pair_by!r}: no paired tests")
        return []
    sid = {st: i for i, st in enumerate(stories)}
    oid = {o: i for i, o in enumerate(outlets)}
    has = np.array([st is not None for st in data.stories])
    srow = np.array([sid[st] if st is not None else 0 for st in data.stories], dtype=np.intp)
    orow = np.array([oid[o] for o in data.outlets], dtype=np.intp)
    k = len(outlets)
    rows: list[tuple[Feature, str, str, int, np.ndarray[Any, np.dtype[np.float64]]]] = []
    short = 0
    for f in tested:
        col = data.column(f)
        ok = has & ~np.isnan(col)
        cell = srow[ok] * k + orow[ok]
        sums = np.bincount(cell, weights=col[ok], minlength=len(stories) * k)
        cnt = np.bincount(cell, minlength=len(stories) * k)
        with np.errstate(invalid="ignore", divide="ignore"):
            means = np.where(cnt > 0, sums / np.maximum(cnt, 1), np.nan).reshape(len(stories), k)
        for a, b in pairs(outlets):
            both = ~np.isnan(means[:, oid[a]]) & ~np.isnan(means[:, oid[b]])
            n = int(both.sum())
            if n < s.min_stories:
                short += 1
                continue
            rows.append((f, a, b, n, means[both, oid[a]] - means[both, oid[b]]))
    # One family for every paired test of every feature, as for the unpaired pairs.
    raw = [paired_wilcoxon(d) for *_, d in rows]
    adj = adjust_pvalues([r[1] for r in raw], corr)
    out: list[PairedTest] = []
    method = _ci_method(s)
    for (f, a, b, n, d), (t, p, r, note), pa in zip(rows, raw, adj, strict=True):
        rng = rng_for(s.seed, "paired-difference", f.name, a, b)
        iv = paired_difference_interval(d, n_boot=s.n_boot, confidence=s.confidence, method=method, rng=rng)
        out.append(
            PairedTest(
                feature=f.name,
                outlet_a=a,
                outlet_b=b,
                n_stories=n,
                mean_difference=float(np.mean(d)),
                median_difference=float(np.median(d)),
                ci_low=iv.low,
                ci_high=iv.high,
                ci_method=iv.method,
                statistic=t,
                p_value=p,
                p_adjusted=pa,
                rank_biserial=r,
                significant=pa is not None and pa < s.alpha,
                note="; ".join(x for x in (note, iv.note) if x),
            )
        )
    if short:
        notes.append(f"{short} feature × outlet-pair paired comparisons skipped: fewer than {s.min_stories} shared stories")
    return out


def _difference_interval(
    data: FeatureData,
    f: Feature,
    a: str,
    b: str,
    values: Mapping[str, npt.NDArray[np.float64]],
    clustered: bool,
    s: CompareSettings,
    resampled: dict[tuple[str, str], npt.NDArray[np.float64]],
) -> Interval:
    """The interval of mean(a) - mean(b) of feature ``f``: over documents, or over stories with story keys.

    Over documents, each outlet's resample means are drawn once per feature (seeded by feature
    and outlet) and kept in ``resampled`` for its other pairs.
    """
    method = _ci_method(s)
    rng = rng_for(s.seed, "difference", f.name, a, b)
    if not clustered:
        for o in (a, b):
            if (f.name, o) not in resampled and len(values[o]) > 1:
                resampled[f.name, o] = bootstrap_means(values[o], s.n_boot, rng_for(s.seed, "difference", f.name, o))
        means = (resampled[f.name, a], resampled[f.name, b]) if len(values[a]) > 1 and len(values[b]) > 1 else None
        return difference_interval(values[a], values[b], n_boot=s.n_boot, confidence=s.confidence, method=method, rng=rng, means=means)
    col = data.column(f)
    # One row per story (sorted by key, so the input order does not matter), then one per
    # document without a story, in value order; columns: sum and count of a, sum and count of b.
    keyed: dict[str, tuple[list[float], list[float]]] = {}
    alone: list[tuple[float, int]] = []
    for o, st, v in zip(data.outlets, data.stories, col.tolist(), strict=True):
        if o in {a, b} and not math.isnan(v):
            side = 0 if o == a else 2
            if st is None:
                alone.append((v, side))
            else:
                keyed.setdefault(st, ([], []))[side // 2].append(v)
    # values summed in sorted order: the same sums, to the last bit, whatever the input order
    table = [[math.fsum(sorted(va)), len(va), math.fsum(sorted(vb)), len(vb)] for va, vb in (keyed[k] for k in sorted(keyed))]
    for v, side in sorted(alone):
        table.append([v, 1.0, 0.0, 0.0] if side == 0 else [0.0, 0.0, v, 1.0])
    t = np.array(table, dtype=np.float64)
    return cluster_difference_interval(t[:, 0], t[:, 1], t[:, 2], t[:, 3], n_boot=s.n_boot, confidence=s.confidence, method=method, rng=rng)


def _ci_method(s: CompareSettings) -> CIMethod:
    """The settings' interval method, typed (checked by :func:`compare_settings`)."""
    return next(m for m in CI_METHODS if m == s.ci_method)


def _near_duplicate_labels(outlets: Sequence[str]) -> list[str]:
    """Notes for outlet labels that differ only in case or inner spacing (``Daily News``, ``daily  news``).

    They are kept apart, as given; the note asks the user to merge them if they name one outlet.
    """
    groups: dict[str, list[str]] = {}
    for o in outlets:
        groups.setdefault(" ".join(o.casefold().split()), []).append(o)
    return [
        f"outlets {', '.join(repr(x) for x in g)} differ only in case or spacing; merge them if they are one outlet"
        for g in groups.values()
        if len(g) > 1
    ]


def _stories_for_significance(alpha: float) -> int:
    """The fewest pairs with which the exact two-sided Wilcoxon signed-rank test can reach p < ``alpha``.

    Its smallest p-value with n pairs is 2 / 2**n (every difference of one sign).

    Examples
    --------
    >>> _stories_for_significance(0.05), _stories_for_significance(0.1), _stories_for_significance(0.01)
    (6, 5, 8)
    """
    n = 1
    while 2 / 2**n >= alpha:
        n += 1
    return n
