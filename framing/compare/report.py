"""The result of :func:`framing.compare.compare` and its renderings (dict/JSON, Markdown, HTML, pandas).

The HTML report is one self-contained file (inline CSS, plots as inline SVG). Plots need the
optional ``matplotlib`` (``pip install 'framing[plots]'``), imported only when an HTML report with
plots is asked for; without it the report has tables only and says so. :meth:`ComparisonReport.to_pandas`
needs the optional ``pandas`` (``pip install 'framing[pandas]'``).
"""

from __future__ import annotations

import html
import importlib
import io
import json
import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from framing.analysis import LexiconRef
from framing.compare.stats import (
    DistinctiveTerms,
    Estimate,
    FrameDistribution,
    OmnibusTest,
    PairedTest,
    PairwiseTest,
)

__all__ = ["CompareSettings", "ComparisonReport", "FeatureInfo", "OutletInfo"]

_T_Test = TypeVar("_T_Test", PairwiseTest, PairedTest)


@dataclass(frozen=True, slots=True)
class CompareSettings:
    """The settings a report was computed with (enough to reproduce it).

    Attributes
    ----------
    by, pair_by
        The outlet field and the story field (or ``None``).
    alpha
        Significance level for the ``significant`` flags.
    correction
        ``holm`` or ``fdr_bh`` (see :func:`~framing.compare.stats.adjust_pvalues`).
    confidence, n_boot, ci_method
        Bootstrap interval settings.
    n_permutations
        Label permutations for the χ² permutation test.
    min_stories
        Shared stories an outlet pair needs for a paired test.
    fw_alpha0, fw_min_count, fw_top
        Fightin' Words prior total, minimum corpus count and words per direction.
    seed
        Seed of every random draw.
    test_features
        Names or glob patterns of the features given rank tests (the tested family), or ``None``
        for every ``score`` feature.
    """

    by: str = "outlet"
    pair_by: str | None = None
    alpha: float = 0.05
    correction: str = "holm"
    confidence: float = 0.95
    n_boot: int = 2000
    ci_method: str = "expanded"
    n_permutations: int = 999
    min_stories: int = 6
    fw_alpha0: float = 1000.0
    fw_min_count: int = 5
    fw_top: int = 15
    seed: int = 0
    test_features: tuple[str, ...] | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "by": self.by,
            "pair_by": self.pair_by,
            "alpha": self.alpha,
            "correction": self.correction,
            "confidence": self.confidence,
            "n_boot": self.n_boot,
            "ci_method": self.ci_method,
            "n_permutations": self.n_permutations,
            "min_stories": self.min_stories,
            "fw_alpha0": self.fw_alpha0,
            "fw_min_count": self.fw_min_count,
            "fw_top": self.fw_top,
            "seed": self.seed,
            "test_features": None if self.test_features is None else list(self.test_features),
        }


@dataclass(frozen=True, slots=True)
class FeatureInfo:
    """A feature of the report.

    Attributes
    ----------
    name
        ``section.measure[.key]``.
    section, measure, key
        Its parts (see :class:`~framing.compare.features.Feature`).
    kind
        ``score`` (tested), ``binary`` (prevalence) or ``share`` (profile).
    description
        Meaning, range and direction.
    """

    name: str
    section: str
    measure: str
    key: str
    kind: str
    description: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "name": self.name,
            "section": self.section,
            "measure": self.measure,
            "key": self.key,
            "kind": self.kind,
            "description": self.description,
        }


@dataclass(frozen=True, slots=True)
class OutletInfo:
    """One outlet.

    Attributes
    ----------
    outlet
        Its name.
    n_documents
        Documents analysed.
    n_tokens
        Word tokens counted for distinctive language (stop words and numbers left out).
    first_date, last_date
        Earliest and latest date of its records, compared as ISO 8601 dates (as written in the
        records), or ``None`` without dates or when one of its dates is not ISO 8601.
    """

    outlet: str
    n_documents: int
    n_tokens: int
    first_date: str | None = None
    last_date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "outlet": self.outlet,
            "n_documents": self.n_documents,
            "n_tokens": self.n_tokens,
            "first_date": self.first_date,
            "last_date": self.last_date,
        }


@dataclass(frozen=True, slots=True)
class ComparisonReport:
    """How outlets differ: estimates with intervals, tests, frame distributions and distinctive words.

    Attributes
    ----------
    settings
        :class:`CompareSettings` used.
    outlets
        :class:`~framing.compare.report.OutletInfo` per outlet, sorted by name.
    n_documents
        Documents analysed.
    n_skipped
        Records left out, for any reason: a missing field (``on_missing="skip"``), an empty text
        (``n_empty``), a repeat of an earlier record (``n_duplicates``), or, from the command
        line, a line that could not be read. The notes name each reason.
    features
        :class:`~framing.compare.report.FeatureInfo` of every feature read, in canonical order.
    estimates
        :class:`~framing.compare.stats.Estimate` per feature and outlet (feature-major order).
    omnibus
        :class:`~framing.compare.stats.OmnibusTest` (Kruskal–Wallis) per ``score`` feature.
    pairwise
        :class:`~framing.compare.stats.PairwiseTest` (Mann–Whitney U, Cliff's δ, the difference of
        means with its bootstrap interval) per ``score`` feature and outlet pair with data on both sides.
    frames
        :class:`~framing.compare.stats.FrameDistribution`, or ``None`` without a frames section.
    paired
        :class:`~framing.compare.stats.PairedTest` per ``score`` feature and outlet pair with at
        least ``min_stories`` shared stories (empty without ``pair_by``).
    distinctive
        :class:`~framing.compare.stats.DistinctiveTerms` per outlet (empty with one outlet).
    notes
        Caveats that apply to the whole report (one outlet, skipped records, pairs without enough
        shared stories...).
    lexicons
        The analyzer's lexicons (:attr:`framing.Analyzer.lexicons`: its scorers' lexicons, the
        document model's and the negation cues), each with name, version and the SHA-256 digest
        of its name, version, language, categories and entries: quote them with the figures. Empty when the features
        were collected without an analyzer.
    framing_version
        The version of framing that computed the features, or ``None`` when unknown.
    analysis_settings
        The analyzer's parameters besides its lexicons (:attr:`framing.Analyzer.settings`: scorer
        thresholds, the negation window, a ``sides`` mapping); empty when the features were
        collected without an analyzer.
    n_empty
        Records left out for an empty or white-space-only text (part of ``n_skipped``).
    n_duplicates
        Records left out as repeats of an earlier record (part of ``n_skipped``).
    tested_features
        The tested family: the features given rank tests and multiple-comparison correction, in
        canonical order. Every other feature is descriptive (estimates and intervals only).
    """

    settings: CompareSettings
    outlets: tuple[OutletInfo, ...]
    n_documents: int
    n_skipped: int
    features: tuple[FeatureInfo, ...]
    estimates: tuple[Estimate, ...]
    omnibus: tuple[OmnibusTest, ...]
    pairwise: tuple[PairwiseTest, ...]
    frames: FrameDistribution | None
    paired: tuple[PairedTest, ...] = ()
    distinctive: tuple[DistinctiveTerms, ...] = ()
    notes: tuple[str, ...] = field(default=())
    lexicons: tuple[LexiconRef, ...] = ()
    framing_version: str | None = None
    analysis_settings: dict[str, Any] = field(default_factory=dict)
    n_empty: int = 0
    n_duplicates: int = 0
    tested_features: tuple[str, ...] = ()

    # -- look-ups ---------------------------------------------------------------------------

    @property
    def outlet_names(self) -> tuple[str, ...]:
        """The outlets' names, sorted."""
        return tuple(o.outlet for o in self.outlets)

    def estimate(self, feature: str, outlet: str) -> Estimate:
        """The estimate of ``feature`` in ``outlet``.

        Raises
        ------
        KeyError
            Naming the features or outlets that exist.
        """
        for e in self.estimates:
            if e.feature == feature and e.outlet == outlet:
                return e
        raise KeyError(self._missing(feature, outlet))

    def test(self, feature: str) -> OmnibusTest:
        """The Kruskal–Wallis test of ``feature``.

        Raises
        ------
        KeyError
            When ``feature`` was not tested (it is not a ``score`` feature, or absent).
        """
        for t in self.omnibus:
            if t.feature == feature:
                return t
        msg = f"no test of {feature!r}; tested features: {[t.feature for t in self.omnibus]}"
        raise KeyError(msg)

    def _missing(self, feature: str, outlet: str) -> str:
        if feature not in {f.name for f in self.features}:
            return f"no feature {feature!r}; features: {[f.name for f in self.features]}"
        return f"no outlet {outlet!r}; outlets: {list(self.outlet_names)}"

    # -- serialisation ----------------------------------------------------------------------

    def to_dict(self) -> dict[str, Any]:
        """JSON form: plain types only, no NaN (undefined numbers are ``None``)."""
        return {
            "framing_version": self.framing_version,
            "lexicons": [ref.to_dict() for ref in self.lexicons],
            "analysis_settings": json.loads(json.dumps(self.analysis_settings)),
            "settings": self.settings.to_dict(),
            "outlets": [o.to_dict() for o in self.outlets],
            "n_documents": self.n_documents,
            "n_skipped": self.n_skipped,
            "n_empty": self.n_empty,
            "n_duplicates": self.n_duplicates,
            "test_family": self.test_family(),
            "features": [f.to_dict() for f in self.features],
            "estimates": [e.to_dict() for e in self.estimates],
            "omnibus": [t.to_dict() for t in self.omnibus],
            "pairwise": [t.to_dict() for t in self.pairwise],
            "frames": None if self.frames is None else self.frames.to_dict(),
            "paired": [t.to_dict() for t in self.paired],
            "distinctive": [d.to_dict() for d in self.distinctive],
            "notes": list(self.notes),
        }

    def test_family(self) -> dict[str, Any]:
        """The tested family and the size of each correction family (JSON form).

        ``features`` (the tested features), ``selected_by`` (the patterns, or ``None`` for every
        ``score`` feature), and the number of tests in each family corrected together:
        ``omnibus``, ``pairwise`` and ``paired`` (tests with a p-value; a test without one, for
        want of data, takes no part in the correction).
        """
        return {
            "features": list(self.tested_features),
            "n_features": len(self.tested_features),
            "selected_by": None if self.settings.test_features is None else list(self.settings.test_features),
            "omnibus": sum(t.p_value is not None for t in self.omnibus),
            "pairwise": sum(t.p_value is not None for t in self.pairwise),
            "paired": sum(t.p_value is not None for t in self.paired),
        }

    def to_pandas(self) -> dict[str, Any]:
        """Tables as :class:`pandas.DataFrame` objects, by name.

        Keys: ``lexicons`` (name, version, sha256), ``outlets``, ``features``, ``estimates``,
        ``omnibus``, ``pairwise``, ``paired``, ``frame_counts`` (outlets × frames), ``js_distance``
        (outlets × outlets), ``frame_test`` (one row: the χ² test, Cramér's V and the
        permutation null of V and of the largest distance), ``distinctive`` (one row per outlet,
        direction and term).

        Every table carries the provenance in ``DataFrame.attrs``: ``framing_version``,
        ``lexicons`` (name, version, sha256 each), ``settings``, ``analysis_settings`` and
        ``test_family``, so a table saved or passed on still says what produced it.

        Raises
        ------
        ImportError
            When pandas is not installed (``pip install 'framing[pandas]'``).
        """
        try:
            pd = importlib.import_module("pandas")
        except ImportError as exc:
            msg = "ComparisonReport.to_pandas() needs pandas: pip install 'framing[pandas]'"
            raise ImportError(msg) from exc
        out: dict[str, Any] = {
            "lexicons": pd.DataFrame([ref.to_dict() for ref in self.lexicons], columns=["name", "version", "sha256"]),
            "outlets": pd.DataFrame([o.to_dict() for o in self.outlets]),
            "features": pd.DataFrame([f.to_dict() for f in self.features]),
            "estimates": pd.DataFrame([e.to_dict() for e in self.estimates]),
            "omnibus": pd.DataFrame([t.to_dict() for t in self.omnibus]),
            "pairwise": pd.DataFrame([t.to_dict() for t in self.pairwise]),
            "paired": pd.DataFrame([t.to_dict() for t in self.paired]),
            "distinctive": pd.DataFrame(
                [
                    {"outlet": d.outlet, "direction": direction, "rank": i + 1, **t.to_dict()}
                    for d in self.distinctive
                    for direction, terms in (("over", d.over), ("under", d.under))
                    for i, t in enumerate(terms)
                ]
            ),
        }
        if self.frames is not None:
            fr = self.frames
            out["frame_counts"] = pd.DataFrame(list(fr.counts), index=list(fr.outlets), columns=list(fr.frames))
            out["js_distance"] = pd.DataFrame([list(r) for r in fr.js_distance], index=list(fr.outlets), columns=list(fr.outlets))
            tables = {"frames", "outlets", "n_documents", "counts", "profiles", "js_distance"}  # already in other tables
            out["frame_test"] = pd.DataFrame([{k: v for k, v in fr.to_dict().items() if k not in tables}])
        attrs = {
            "framing_version": self.framing_version,
            "lexicons": [ref.to_dict() for ref in self.lexicons],
            "settings": self.settings.to_dict(),
            "analysis_settings": json.loads(json.dumps(self.analysis_settings)),
            "test_family": self.test_family(),
        }
        for table in out.values():
            table.attrs.update(json.loads(json.dumps(attrs)))  # a copy per table
        return out

    def to_markdown(self, *, max_rows: int = 40) -> str:
        """A Markdown report (GitHub tables).

        Long tables are cut to ``max_rows`` rows: tests most significant first; estimates with each
        section's document-level measures first, naming the features left out.
        """
        return "\n".join(_render_markdown(self._blocks(max_rows)))

    def to_html(self, path: str | Path | None = None, *, plots: bool = True, max_rows: int = 60) -> str:
        """A self-contained HTML report; written to ``path`` when given, and returned.

        With ``plots=True`` and matplotlib installed, it has a frame prevalence heatmap, estimates
        with intervals for the most different features, and distinctive-term charts (inline SVG).
        Without matplotlib it has the tables only and says so at the top.
        """
        svgs: dict[str, str] = {}
        banner = ""
        if plots:
            try:
                svgs = _plots(self)
            except ImportError:
                banner = "matplotlib is not installed, so this report has tables only (pip install 'framing[plots]')."
        doc = _render_html(self._blocks(max_rows), svgs, banner)
        if path is not None:
            Path(path).write_text(doc, encoding="utf-8")
        return doc

    # -- layout shared by the renderers ---------------------------------------------------------

    def _blocks(self, max_rows: int) -> list[_Block]:  # noqa: C901, PLR0912, PLR0915 - one linear layout of the report
        s = self.settings
        b: list[_Block] = [_H(1, f"Outlet comparison by `{s.by}`")]
        b.append(
            _P(
                f"{self.n_documents} documents from {len(self.outlets)} outlets"
                + (f"; {self.n_skipped} records skipped (see the notes)" if self.n_skipped else "")
                + f". Intervals: {int(s.confidence * 100)}% bootstrap ({s.ci_method}, {s.n_boot} resamples), Wilson for prevalences; "
                f"tests two-sided, {_correction_name(s.correction)}-adjusted, α = {s.alpha}; seed {s.seed}."
            )
        )
        b.append(_P(_provenance(self.framing_version, self.lexicons)))
        if self.analysis_settings:
            b.append(_P(_analysis_line(self.analysis_settings)))
        b.extend(_P(f"Note: {n}") for n in self.notes)
        b.append(_H(2, "Methods"))
        b.extend(_P(t) for t in self._methods())
        b.append(_H(2, "Outlets"))
        dated = any(o.first_date for o in self.outlets)  # the dates column only when a date field was given
        b.append(
            _T(
                ["outlet", "documents", "words for distinctive language (no stop words)", *(["dates"] if dated else [])],
                [[o.outlet, str(o.n_documents), str(o.n_tokens), *([_dates(o)] if dated else [])] for o in self.outlets],
            )
        )
        fr = self.frames
        if fr is not None:
            b.append(_H(2, "Frames across outlets"))
            if fr.chi2 is not None:
                within = " within stories" if fr.stratified else ""
                null_v = (
                    f" (with the labels shuffled{within}: mean {_num(fr.cramers_v_null_mean)}, 95th percentile "
                    f"{_num(fr.cramers_v_null_p95)}; V is above 0 even without any association)"
                    if fr.cramers_v_null_mean is not None
                    else ""
                )
                b.append(
                    _P(
                        f"χ²({fr.dof}) = {_num(fr.chi2)}, {_peq(fr.p_value)} (asymptotic), "
                        f"{_peq(fr.p_permutation)} (permutation{within}, {fr.n_permutations} label shuffles); "
                        f"Cramér's V = {_num(fr.cramers_v)}{null_v}. Counts are documents in which a frame is present; "
                        "a document can have several frames, so trust the permutation p-value. This test stands alone: "
                        "it is not part of the corrected families."
                    )
                )
            if fr.note:
                b.append(_P(fr.note))
            b.append(_PLOT("heatmap"))
            used = [j for j, f in enumerate(fr.frames) if any(r[j] for r in fr.counts)]
            b.append(_P("Prevalence: share of the outlet's documents in which the frame is present, with its interval."))
            rows = []
            for o in fr.outlets:
                row = [o]
                for j in used:
                    e = self._find(f"frames.present.{fr.frames[j]}", o)
                    row.append(_est(e, pct=True))
                rows.append(row)
            b.append(_T(["outlet", *[fr.frames[j] for j in used]], rows, transpose=len(used) > len(fr.outlets)))
            if any(p is not None for p in fr.profiles):
                b.append(_P("Jensen–Shannon distance between mean frame-share profiles (0 = same profile, 1 = disjoint):"))
                b.append(_T(["", *fr.outlets], [[o, *(_num(x) for x in row)] for o, row in zip(fr.outlets, fr.js_distance, strict=True)]))
                if fr.js_max is not None and fr.js_max_null_mean is not None:
                    b.append(
                        _P(
                            f"Largest distance {_num(fr.js_max)}; with the outlet labels shuffled (the same {fr.n_permutations} "
                            f"permutations) the largest distance has mean {_num(fr.js_max_null_mean)} and 95th percentile "
                            f"{_num(fr.js_max_null_p95)}: distances of that size arise from sampling alone."
                        )
                    )
        if self.omnibus:
            b.append(_H(2, "Differences across outlets (Kruskal–Wallis)"))
            tests = sorted(self.omnibus, key=lambda t: (t.p_value is None, t.p_value or 0.0, t.feature))
            sig = sum(t.significant for t in self.omnibus)
            b.append(
                _P(
                    f"{sig} of {len(self.omnibus)} tested features differ at α = {s.alpha} after correction; sorted by p-value. "
                    "p method: exact (every split of the values counted), permutation (9,999 random splits; both for at most "
                    "50 values) or asymptotic (χ² approximation). ε² = H / (n − 1): the share of the rank variance that the "
                    "outlets explain, from 0 (none) to 1 (all)."
                )
            )
            b.append(_PLOT("estimates"))
            rows = []
            for t in tests[:max_rows]:
                hi, lo = self._extremes(t.feature)
                rows.append(
                    [
                        t.feature,
                        _num(t.statistic),
                        _p(t.p_value),
                        t.p_method or "–",
                        _p(t.p_adjusted) + (" *" if t.significant else ""),
                        _num(t.epsilon_squared),
                        hi,
                        lo,
                    ]
                )
            b.append(_T(["feature", "H", "p", "p method", "p adj.", "ε²", "highest mean", "lowest mean"], rows))
            if len(tests) > max_rows:
                b.append(_P(f"({len(tests) - max_rows} more tested features {_ELSEWHERE})"))
        b.append(_H(2, "Estimates by outlet"))
        b.append(
            _P(
                "Mean [interval] per document; frame scores in [0, 1), other units in the feature list. "
                "(n = k): the estimate rests on k of the outlet's documents (the others have no value, such as a "
                "quoted density without quotations); (no interval): one document or one story, or no resample."
            )
        )
        names = self.outlet_names
        docs = {o.outlet: o.n_documents for o in self.outlets}
        for section in dict.fromkeys(f.section for f in self.features):
            feats = [f for f in self.features if f.section == section and f.kind != "binary" and f.measure != "share"]
            feats.sort(key=lambda f: f.key != "")  # stable: a section's document-level measures (loaded.score...) first
            if not feats:
                continue
            b.append(_H(3, section))
            rows = [
                [f.name.removeprefix(section + "."), *(_est(self._find(f.name, o), of=docs[o]) for o in names)] for f in feats[:max_rows]
            ]
            b.append(_T(["feature", *names], rows))
            if len(feats) > max_rows:
                cut = ", ".join(f.name.removeprefix(section + ".") for f in feats[max_rows:])
                b.append(_P(f"({len(feats) - max_rows} more {section} features {_ELSEWHERE}: {cut})"))
        sig_pairs = sorted((t for t in self.pairwise if t.significant), key=lambda t: (t.p_adjusted, t.feature, t.outlet_a, t.outlet_b))
        if self.pairwise:
            b.append(_H(2, "Pairwise differences (Mann–Whitney U, Cliff's δ)"))
            b.append(
                _P(
                    f"{len(sig_pairs)} of {len(self.pairwise)} outlet-pair comparisons significant after correction over all "
                    f"features and pairs; δ > 0 means the first outlet tends to score higher. Mean a − b weighs documents "
                    f"equally, with its {100 * s.confidence:g}% bootstrap interval."
                )
            )
            if sig_pairs:
                b.append(_pair_table(sig_pairs[:max_rows]))
            else:
                largest = _largest_per_feature(self.pairwise, lambda t: t.cliffs_delta)
                b.append(_P("No pair is significant. The largest |δ| of each feature, with its interval, largest first:"))
                b.append(_pair_table(largest[:max_rows]))
                if len(largest) > max_rows:
                    b.append(_P(f"({len(largest) - max_rows} more features {_ELSEWHERE})"))
        if s.pair_by is not None:
            b.append(_H(2, f"Matched stories by `{s.pair_by}` (Wilcoxon signed-rank)"))
            sig_paired = sorted((t for t in self.paired if t.significant), key=lambda t: (t.p_adjusted or 0.0, t.feature, t.outlet_a))
            b.append(
                _P(
                    f"{len(self.paired)} paired comparisons with at least {s.min_stories} shared stories; {len(sig_paired)} significant. "
                    "r > 0 means the first outlet scores higher on the same stories."
                )
            )
            if sig_paired:
                b.append(_paired_table(sig_paired[:max_rows], median=True))
            elif self.paired:
                largest_paired = _largest_per_feature(self.paired, lambda t: t.rank_biserial)
                b.append(_P("No paired comparison is significant. The largest |r| of each feature, with its interval, largest first:"))
                b.append(_paired_table(largest_paired[:max_rows], median=False))
                if len(largest_paired) > max_rows:
                    b.append(_P(f"({len(largest_paired) - max_rows} more features {_ELSEWHERE})"))
        if self.distinctive:
            b.append(_H(2, "Distinctive language (Fightin' Words, each outlet vs the rest)"))
            b.append(
                _P(
                    f"z-scores of log-odds ratios with an informative Dirichlet prior (α0 = {s.fw_alpha0:g}); words seen at least "
                    f"{s.fw_min_count} times; stop words and numbers left out; the top {s.fw_top} words each way. "
                    "z ranks words; it is not a test: it treats every occurrence as independent, but words come in bursts "
                    "(one article repeats its topic's words), so |z| > 1.96 is common even between random halves of one outlet. "
                    "Read the lists as descriptions of vocabulary, not as significant differences."
                )
            )
            b.append(_PLOT("terms"))
            b.append(
                _T(
                    ["outlet", "over-used (z)", "under-used (z)"],
                    [
                        [
                            d.outlet,
                            ", ".join(f"{t.term} ({t.z:.1f})" for t in d.over),
                            ", ".join(f"{t.term} ({t.z:.1f})" for t in d.under),
                        ]
                        for d in self.distinctive
                    ],
                )
            )
        b.append(_H(2, "Features"))
        b.append(_T(["feature", "kind", "meaning"], [[f.name, f.kind, f.description] for f in self.features[: max_rows * 3]]))
        if len(self.features) > max_rows * 3:
            b.append(_P(f"({len(self.features) - max_rows * 3} more features {_ELSEWHERE})"))
        if self.lexicons:
            b.append(_H(2, "Lexicons"))
            b.append(_T(["lexicon", "version", "sha256"], [[ref.name, ref.version, ref.sha256] for ref in self.lexicons]))
        return b

    def _methods(self) -> list[str]:
        """The methods paragraphs: which features are tested, the families, what is descriptive."""
        s = self.settings
        fam = self.test_family()
        if len(self.outlets) < 2:
            return ["One outlet: nothing is tested; every feature is descriptive (estimates with intervals)."]
        if s.test_features is None:
            chosen = f"all {fam['n_features']} score features (none chosen in advance)"
        else:
            names = ", ".join(self.tested_features) if len(self.tested_features) <= 40 else f"see test_family {_ELSEWHERE}"
            chosen = f"{fam['n_features']} features chosen with {', '.join(s.test_features)}: {names}"
        families = f"{fam['omnibus']} Kruskal–Wallis tests across outlets, {fam['pairwise']} Mann–Whitney U tests of outlet pairs"
        if s.pair_by is not None:
            families += f", {fam['paired']} Wilcoxon signed-rank tests on matched stories"
        tested = (
            f"Tested family: {chosen}. Each kind of test is one correction family ({families}), "
            f"{_correction_name(s.correction)}-adjusted; which differences are significant depends on the family, so fix it "
            "before seeing the data (test_features=... in Python, --test-features on the command line)."
        )
        descriptive = (
            "Descriptive only (estimates with intervals, no per-feature test): frame presence and other 0/1 features "
            "(prevalences, Wilson intervals), shares (frame and source-type profiles), counts that grow with article length, "
            "and score features outside the tested family. The frame χ² test and the Fightin' Words lists are outside the "
            "correction families."
        )
        return [tested, descriptive]

    def _find(self, feature: str, outlet: str) -> Estimate | None:
        for e in self.estimates:
            if e.feature == feature and e.outlet == outlet:
                return e
        return None

    def _extremes(self, feature: str) -> tuple[str, str]:
        es = [e for e in self.estimates if e.feature == feature and e.mean is not None]
        if not es:
            return "", ""
        hi = max(es, key=lambda e: (e.mean or 0.0, e.outlet))
        lo = min(es, key=lambda e: (e.mean or 0.0, e.outlet))
        return f"{hi.outlet} ({_num(hi.mean)})", f"{lo.outlet} ({_num(lo.mean)})"


# ------------------------------------------------------------------------------------------
# Rendering
# ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _H:
    level: int
    text: str


@dataclass(frozen=True, slots=True)
class _P:
    text: str


@dataclass(frozen=True, slots=True)
class _T:
    headers: list[str]
    rows: list[list[str]]
    transpose: bool = False


@dataclass(frozen=True, slots=True)
class _PLOT:
    key: str


_Block = _H | _P | _T | _PLOT


#: Where the rows a Markdown or HTML table leaves out can be found.
_ELSEWHERE = "in the JSON report (`--format json` or `--report report.json`; `to_dict()` in Python)"


def _pair_table(tests: Sequence[PairwiseTest]) -> _T:
    """The Markdown table of pairwise tests: difference of means with its interval, Cliff's δ, adjusted p."""
    return _T(
        ["feature", "outlet a", "outlet b", "mean a − b [interval]", "Cliff's δ", "p adj."],
        [
            [t.feature, t.outlet_a, t.outlet_b, _diff(t.mean_difference, t.ci_low, t.ci_high), _num(t.cliffs_delta), _p(t.p_adjusted)]
            for t in tests
        ],
    )


def _paired_table(tests: Sequence[PairedTest], *, median: bool) -> _T:
    """The Markdown table of matched-story tests (with the median difference when ``median``)."""
    head = ["feature", "outlet a", "outlet b", "stories", "mean a − b [interval]", *(["median a − b"] if median else []), "r", "p adj."]
    rows = [
        [
            t.feature,
            t.outlet_a,
            t.outlet_b,
            str(t.n_stories),
            _diff(t.mean_difference, t.ci_low, t.ci_high),
            *([_num(t.median_difference)] if median else []),
            _num(t.rank_biserial),
            _p(t.p_adjusted),
        ]
        for t in tests
    ]
    return _T(head, rows)


def _largest_per_feature(tests: Sequence[_T_Test], effect: Callable[[_T_Test], float | None]) -> list[_T_Test]:
    """Per feature, the test with the largest absolute effect; largest first (ties by feature and pair)."""
    best: dict[str, _T_Test] = {}
    for t in tests:
        e = effect(t)
        if e is None:
            continue
        kept = best.get(t.feature)
        kept_e = effect(kept) if kept is not None else None
        if kept_e is None or abs(e) > abs(kept_e):
            best[t.feature] = t
    return sorted(best.values(), key=lambda t: (-abs(effect(t) or 0.0), t.feature, t.outlet_a, t.outlet_b))


def _analysis_line(settings: Mapping[str, Any]) -> str:
    """One line naming the analyzer's parameters (scorer thresholds, negation window, sides)."""
    parts = [
        f"{k}: " + ", ".join(f"{kk}={_setting(vv)}" for kk, vv in v.items()) if isinstance(v, Mapping) else f"{k}={_setting(v)}"
        for k, v in settings.items()
    ]
    return "Analysis settings: " + "; ".join(parts) + " (in full in the JSON report)."


def _setting(value: object) -> str:
    """A setting in a line of prose: a mapping (``sides``) by its size, a list by its items, no Markdown."""
    if isinstance(value, Mapping):
        return f"{len(value)} names or types on {len(set(map(str, value.values())))} sides"
    if isinstance(value, list | tuple):
        return "/".join(str(v) for v in value)
    return str(value).replace("*", "").replace("|", "/").replace("_", " ") if isinstance(value, str) else str(value)


def _provenance(version: str | None, lexicons: Sequence[LexiconRef]) -> str:
    """One line naming the framing version and every lexicon with its version (digests in the Lexicons table)."""
    names = ", ".join(f"{ref.name} {ref.version}" for ref in lexicons) if lexicons else "not recorded"
    return f"Computed with framing {version or '(version not recorded)'}; lexicons: {names}."


def _correction_name(c: str) -> str:
    return {"holm": "Holm", "fdr_bh": "Benjamini–Hochberg"}.get(c, c)


def _num(x: float | None) -> str:
    if x is None or not math.isfinite(x):
        return "–"
    if x == 0:
        return "0"
    if abs(x) >= 1000 or abs(x) < 0.001:
        return f"{x:.3g}"
    return f"{x:.3f}".rstrip("0").rstrip(".") if abs(x) < 1 else f"{x:.2f}"


def _p(p: float | None) -> str:
    if p is None:
        return "–"
    return "<0.001" if p < 0.001 else f"{p:.3f}"


def _peq(p: float | None) -> str:
    return "p < 0.001" if p is not None and p < 0.001 else f"p = {_p(p)}"


def _dates(o: OutletInfo) -> str:
    return f"{o.first_date} – {o.last_date}" if o.first_date else ""


def _diff(mean: float | None, low: float | None, high: float | None) -> str:
    """A difference of means with its interval, or ``(no interval)``."""
    if low is None or high is None:
        return f"{_num(mean)} (no interval)"
    return f"{_num(mean)} [{_num(low)}, {_num(high)}]"


def _est(e: Estimate | None, *, pct: bool = False, of: int | None = None) -> str:
    """An estimate with its interval; ``(n = k)`` when it rests on fewer than the ``of`` documents of its outlet."""
    if e is None or e.mean is None:
        return "–"
    n = f" (n = {e.n})" if of is not None and e.n < of else ""
    if e.ci_low is None or e.ci_high is None:
        return (f"{100 * e.mean:.0f}% (no interval)" if pct else f"{_num(e.mean)} (no interval)") + n
    if pct:
        return f"{100 * e.mean:.0f}% [{100 * e.ci_low:.0f}, {100 * e.ci_high:.0f}]" + n
    return f"{_num(e.mean)} [{_num(e.ci_low)}, {_num(e.ci_high)}]" + n


def _transposed(t: _T) -> _T:
    if not t.transpose:
        return t
    return _T(["", *[r[0] for r in t.rows]], [[t.headers[j], *[r[j] for r in t.rows]] for j in range(1, len(t.headers))])


def _md_cell(s: str) -> str:
    return s.replace("|", "\\|").replace("\n", " ")


def _render_markdown(blocks: Sequence[_Block]) -> list[str]:
    out: list[str] = []
    for blk in blocks:
        if isinstance(blk, _H):
            out += ["#" * blk.level + " " + blk.text, ""]
        elif isinstance(blk, _P):
            out += [blk.text, ""]
        elif isinstance(blk, _T):
            t = _transposed(blk)
            out.append("| " + " | ".join(_md_cell(h) for h in t.headers) + " |")
            out.append("|" + "|".join("---" for _ in t.headers) + "|")
            out += ["| " + " | ".join(_md_cell(c) for c in r) + " |" for r in t.rows]
            out.append("")
    return out


_CSS = """body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;margin:.5rem 0 1.5rem;font-size:.9rem}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left}
th{background:#f3f3f3}tr:nth-child(even) td{background:#fafafa}.banner{background:#fff4d6;border:1px solid #e0c060;padding:.5rem}
code{background:#f3f3f3;padding:0 .2rem}figure{margin:1rem 0}"""


def _inline(text: str) -> str:
    parts = html.escape(text).split("`")
    return "".join(f"<code>{p}</code>" if i % 2 else p for i, p in enumerate(parts))


def _render_html(blocks: Sequence[_Block], svgs: dict[str, str], banner: str) -> str:
    body: list[str] = []
    if banner:
        body.append(f'<p class="banner">{html.escape(banner)}</p>')
    title = "Outlet comparison"
    for blk in blocks:
        if isinstance(blk, _H):
            if blk.level == 1:
                title = blk.text.replace("`", "")
            body.append(f"<h{blk.level}>{_inline(blk.text)}</h{blk.level}>")
        elif isinstance(blk, _P):
            body.append(f"<p>{_inline(blk.text)}</p>")
        elif isinstance(blk, _PLOT):
            if blk.key in svgs:
                body.append(f"<figure>{svgs[blk.key]}</figure>")
        else:
            t = _transposed(blk)
            head = "".join(f"<th>{html.escape(h)}</th>" for h in t.headers)
            rows = "".join("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in r) + "</tr>" for r in t.rows)
            body.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>\n" + "\n".join(body) + "\n</body></html>\n"
    )


def _svg(fig: Any) -> str:  # noqa: ANN401 - a matplotlib Figure; matplotlib is optional and untyped here
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight")
    text = buf.getvalue()
    return text[text.find("<svg") :]


def _plots(report: ComparisonReport) -> dict[str, str]:
    """Inline SVG plots (raises ImportError without matplotlib). Uses Figure objects, never pyplot state."""
    figure_mod = importlib.import_module("matplotlib.figure")
    out: dict[str, str] = {}
    fr = report.frames
    if fr is not None and fr.outlets and fr.frames:
        data = [[c / n if n else 0.0 for c in row] for row, n in zip(fr.counts, fr.n_documents, strict=True)]
        fig = figure_mod.Figure(figsize=(1.0 + 0.5 * len(fr.frames), 1.0 + 0.4 * len(fr.outlets)))
        ax = fig.subplots()
        im = ax.imshow(data, aspect="auto", cmap="Blues", vmin=0.0)
        ax.set_xticks(range(len(fr.frames)), list(fr.frames), rotation=60, ha="right", fontsize=8)
        ax.set_yticks(range(len(fr.outlets)), list(fr.outlets), fontsize=8)
        ax.set_title("Frame prevalence (share of documents)")
        fig.colorbar(im, ax=ax)
        out["heatmap"] = _svg(fig)
    top = sorted((t for t in report.omnibus if t.p_value is not None), key=lambda t: (t.p_value or 0.0, t.feature))[:6]
    if top:
        fig = figure_mod.Figure(figsize=(10, 2.2 * math.ceil(len(top) / 2)))
        axes = fig.subplots(math.ceil(len(top) / 2), 2, squeeze=False)
        for ax, t in zip(axes.flat, top, strict=False):
            es = [e for e in report.estimates if e.feature == t.feature and e.mean is not None]
            ys = range(len(es))
            ax.errorbar(
                [e.mean for e in es],
                list(ys),
                # an estimate without an interval (one document or story) gets no error bar
                xerr=[
                    [0.0 if e.ci_low is None else (e.mean or 0) - e.ci_low for e in es],
                    [0.0 if e.ci_high is None else e.ci_high - (e.mean or 0) for e in es],
                ],
                fmt="o",
                capsize=3,
            )
            ax.set_yticks(list(ys), [e.outlet for e in es], fontsize=8)
            ax.set_title(f"{t.feature} (p adj. {_p(t.p_adjusted)})", fontsize=9)
        for ax in list(axes.flat)[len(top) :]:
            ax.set_visible(False)
        fig.tight_layout()
        out["estimates"] = _svg(fig)
    if report.distinctive:
        n = len(report.distinctive)
        fig = figure_mod.Figure(figsize=(10, 2.8 * math.ceil(n / 2)))
        axes = fig.subplots(math.ceil(n / 2), 2, squeeze=False)
        for ax, d in zip(axes.flat, report.distinctive, strict=False):
            terms = list(d.over[:8]) + list(reversed(d.under[:8]))
            ax.barh(range(len(terms)), [t.z for t in terms], color=["#2b6cb0" if t.z > 0 else "#c05621" for t in terms])
            ax.set_yticks(range(len(terms)), [t.term for t in terms], fontsize=7)
            ax.invert_yaxis()
            ax.set_title(f"{d.outlet}: Fightin' Words z", fontsize=9)
        for ax in list(axes.flat)[n:]:
            ax.set_visible(False)
        fig.tight_layout()
        out["terms"] = _svg(fig)
    return out
