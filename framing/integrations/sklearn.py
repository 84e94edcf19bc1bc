"""A scikit-learn transformer: raw news texts in, framing features out.

Needs the optional extra: ``pip install framing[sklearn]``.

:class:`FramingFeatures` follows scikit-learn's conventions for text transformers such as
``CountVectorizer``: its input is a 1-D sequence of documents (strings, or mappings with
``text`` and optional ``id``/``title``), so it sets neither ``n_features_in_`` nor
``feature_names_in_``; ``fit`` learns nothing from the data (the features are fixed by the
configuration) and returns ``self``; ``transform`` gives a 2-D float array whose columns are
:meth:`FramingFeatures.get_feature_names_out`, the features documented in
:mod:`framing.integrations.features`.

Examples
--------
>>> from sklearn.pipeline import make_pipeline
>>> from sklearn.impute import SimpleImputer
>>> from sklearn.linear_model import LogisticRegression
>>> from framing.integrations.sklearn import FramingFeatures
>>> texts = ['"It was a massacre," the rebels claimed.', "The budget deficit narrowed, officials said."] * 3
>>> model = make_pipeline(FramingFeatures(), SimpleImputer(keep_empty_features=True), LogisticRegression())
>>> model.fit(texts, [1, 0] * 3).predict(texts[:2]).tolist()
[1, 0]
>>> FramingFeatures().fit(texts).get_feature_names_out()[:2].tolist()
['attribution.anonymous_share', 'attribution.distinct_sources']
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt  # at run time, so that the documentation resolves the array types

from framing.analysis import Analyzer, Record, resolve_jobs
from framing.integrations.features import extract_features, feature_names
from framing.lexicon import Lexicon

try:
    from sklearn.base import BaseEstimator, TransformerMixin  # type: ignore[import-untyped]  # scikit-learn ships no type information
    from sklearn.utils.validation import check_is_fitted  # type: ignore[import-untyped]  # same as above
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    msg = "framing.integrations.sklearn needs scikit-learn; install it with: pip install framing[sklearn]"
    raise ImportError(msg) from exc

__all__ = ["FramingFeatures"]


class FramingFeatures(TransformerMixin, BaseEstimator):  # type: ignore[misc]  # scikit-learn's bases are untyped (Any)
    """Per-document framing, attribution, loaded-language and readability features.

    Parameters
    ----------
    analyzer
        A configured :class:`~framing.Analyzer` to use as it is (for example one with
        extra scorers); when given, ``attribution``, ``frames``, ``dictionaries`` and
        ``readability`` must keep their defaults.
    attribution, frames, dictionaries, readability
        Passed to :class:`~framing.Analyzer` when ``analyzer`` is ``None``.
    n_jobs
        Worker processes used by :meth:`transform` (``1``: this process; ``-1``: one per usable CPU).
    chunksize
        Documents sent to a worker at a time when ``n_jobs > 1``.
    missing
        Value written for a feature that is undefined for a document (``None`` in
        :class:`~framing.integrations.features.FeatureVector`). ``NaN`` by default, which
        scikit-learn's imputers and histogram gradient boosting understand; use ``0.0`` to feed
        estimators that reject ``NaN`` without an imputer, knowing that 0 then also means
        "undefined".

    Attributes
    ----------
    analyzer_
        The analyzer that :meth:`transform` runs (set by :meth:`fit`).
    feature_names_out_
        The output column names, sorted (set by :meth:`fit`).
    """

    def __init__(
        self,
        *,
        analyzer: Analyzer | None = None,
        attribution: bool = True,
        frames: bool | str | Path | Lexicon = True,
        dictionaries: Sequence[Lexicon | str | Path] = (),
        readability: bool = False,
        n_jobs: int = 1,
        chunksize: int = 32,
        missing: float = math.nan,
    ) -> None:
        self.analyzer = analyzer
        self.attribution = attribution
        self.frames = frames
        self.dictionaries = dictionaries
        self.readability = readability
        self.n_jobs = n_jobs
        self.chunksize = chunksize
        self.missing = missing

    def fit(self, X: Iterable[str | Mapping[str, Any] | Record], y: object = None) -> FramingFeatures:  # noqa: N803 - scikit-learn's name
        """Build the analyzer and fix the output columns; the texts themselves are not read.

        Parameters
        ----------
        X
            A 1-D sequence of documents (validated, not analysed).
        y
            Ignored; accepted for pipeline compatibility.

        Returns
        -------
        FramingFeatures
            ``self``.

        Raises
        ------
        ValueError
            When ``X`` is a single string or a 2-D array or frame, or a parameter is invalid.
        """
        del y
        _check_documents(X)
        resolve_jobs(self.n_jobs)  # rejects a bad value at fit time, not in the middle of transform
        if self.analyzer is not None:
            changed = [
                name
                for name, default in (("attribution", True), ("frames", True), ("dictionaries", ()), ("readability", False))
                if getattr(self, name) != default
            ]
            if changed:
                msg = f"pass either analyzer or analyzer options, not both (got analyzer and {changed})"
                raise ValueError(msg)
            self.analyzer_ = self.analyzer
        else:
            self.analyzer_ = Analyzer(
                attribution=self.attribution, frames=self.frames, dictionaries=list(self.dictionaries), readability=self.readability
            )
        self.feature_names_out_ = np.asarray(feature_names(self.analyzer_), dtype=object)
        return self

    def transform(self, X: Iterable[str | Mapping[str, Any] | Record]) -> npt.NDArray[np.float64]:  # noqa: N803 - scikit-learn's name
        """Analyse the documents and return their features.

        Parameters
        ----------
        X
            A 1-D sequence of documents: strings, or mappings with ``text`` (and optional ``id``,
            ``title``, other fields).

        Returns
        -------
        numpy.ndarray
            Shape ``(n_documents, n_features)``, dtype float64, rows in input order, columns
            :meth:`get_feature_names_out`.
        """
        check_is_fitted(self, "feature_names_out_")
        _check_documents(X)
        names = [str(n) for n in self.feature_names_out_]
        analyses = self.analyzer_.analyze_many(X, n_jobs=self.n_jobs, chunksize=self.chunksize)
        rows = [extract_features(a).to_array(names, missing=self.missing) for a in analyses]
        if not rows:
            return np.empty((0, len(names)), dtype=np.float64)
        return np.vstack(rows)

    def get_feature_names_out(self, input_features: object = None) -> npt.NDArray[Any]:
        """The output column names (see :mod:`framing.integrations.features`).

        Parameters
        ----------
        input_features
            Ignored: the input is raw text, which has no feature names.

        Returns
        -------
        numpy.ndarray
            Names as an object array of ``str``, sorted.
        """
        del input_features
        check_is_fitted(self, "feature_names_out_")
        names: npt.NDArray[Any] = self.feature_names_out_.copy()
        return names

    def __sklearn_tags__(self) -> Any:  # noqa: ANN401 - scikit-learn's Tags type is untyped
        """Tags for scikit-learn >= 1.6: the input is raw text, not a 2-D array."""
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        return tags

    def _more_tags(self) -> dict[str, Any]:
        """Tags for scikit-learn < 1.6 (same meaning as :meth:`__sklearn_tags__`)."""
        return {"X_types": ["string"]}


def _check_documents(X: object) -> None:  # noqa: N803 - scikit-learn's name
    if isinstance(X, (str, bytes)):
        msg = "expected an iterable of documents (texts or records), got a single string"
        raise ValueError(msg)  # noqa: TRY004 - scikit-learn raises ValueError for this (CountVectorizer)
    ndim = getattr(X, "ndim", 1)
    if ndim != 1:
        msg = f"expected a 1-D sequence of documents, got an input with {ndim} dimensions (select one text column)"
        raise ValueError(msg)
