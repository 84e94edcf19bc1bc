"""A scikit-learn transformer: raw news texts in, framing features out.

Needs the optional extra: ``pip install framing[sklearn]``.

:class:`FramingFeatures` follows scikit-learn's conventions for text transformers such as
``CountVectorizer``: its input is a 1-D sequence of documents (strings, or mappings with
``text`` and optional ``id``/``title``), or a pandas DataFrame with a ``text`` column (and
optional ``id``, ``title`` and other columns, one record per row), so it sets neither
``n_features_in_`` nor ``feature_names_in_``; ``fit`` learns nothing from the data (the features are fixed by the
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
from typing import Any, Literal

import numpy as np
import numpy.typing as npt  # at run time, so that the documentation resolves the array types

from framing.analysis import Analysis, Analyzer, Failure, Record, resolve_jobs
from framing.errors import InputError
from framing.integrations.features import _record_id, extract_features, feature_names, provenance
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
    on_error
        ``"raise"``: a document that cannot be analysed (no string text) stops :meth:`transform`
        with an :class:`~framing.errors.InputError` naming its 1-based position and its id.
        ``"nan"``: its row is ``NaN`` in every column (whatever ``missing`` is) and the
        :class:`~framing.Failure` is kept in ``failures_``.

    Notes
    -----
    ``loaded.title`` (the headline's own loaded-language score) is ``NaN`` for a document given
    without a title, so it is ``NaN`` in every row when the input is plain strings; to use
    headlines, pass records (``{"text": ..., "title": ...}``) or a DataFrame with ``text`` and
    ``title`` columns. ``SimpleImputer`` drops a column that is ``NaN`` in every row unless
    ``keep_empty_features=True``, which keeps the output aligned with
    :meth:`get_feature_names_out`.

    Attributes
    ----------
    analyzer_
        The analyzer that :meth:`transform` runs (set by :meth:`fit`).
    feature_names_out_
        The output column names, sorted (set by :meth:`fit`).
    provenance_
        What computes the features (:func:`~framing.integrations.features.provenance`:
        ``framing_version``, ``lexicons`` and ``settings``), set by :meth:`fit`; record it with
        every feature table or model.
    failures_
        The documents the last :meth:`transform` could not analyse (only with
        ``on_error="nan"``), as :class:`~framing.Failure` objects with their 0-based position.
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
        on_error: Literal["raise", "nan"] = "raise",
    ) -> None:
        self.analyzer = analyzer
        self.attribution = attribution
        self.frames = frames
        self.dictionaries = dictionaries
        self.readability = readability
        self.n_jobs = n_jobs
        self.chunksize = chunksize
        self.missing = missing
        self.on_error = on_error

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
            When ``X`` is a single string, a 2-D array or a DataFrame without a ``text`` column, or
            a parameter is invalid.
        """
        del y
        _check_documents(X)
        if self.on_error not in {"raise", "nan"}:
            msg = f"on_error must be 'raise' or 'nan', got {self.on_error!r}"
            raise ValueError(msg)
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
        self.provenance_ = provenance(self.analyzer_)
        return self

    def transform(self, X: Iterable[str | Mapping[str, Any] | Record]) -> npt.NDArray[np.float64]:  # noqa: N803 - scikit-learn's name
        """Analyse the documents and return their features.

        Parameters
        ----------
        X
            A 1-D sequence of documents: strings, or mappings with ``text`` (and optional ``id``,
            ``title``, other fields); or a DataFrame with a ``text`` column, one record per row.

        Returns
        -------
        numpy.ndarray
            Shape ``(n_documents, n_features)``, dtype float64, rows in input order, columns
            :meth:`get_feature_names_out`.

        Raises
        ------
        framing.errors.InputError
            For a document that cannot be analysed, with ``on_error="raise"``.
        """
        check_is_fitted(self, "feature_names_out_")
        docs = _documents(X)
        names = [str(n) for n in self.feature_names_out_]
        analyses = self.analyzer_.analyze_many(docs, n_jobs=self.n_jobs, chunksize=self.chunksize, on_error="return")
        rows = []
        failures: list[Failure] = []
        for result in analyses:
            if isinstance(result, Analysis):
                rows.append(extract_features(result).to_array(names, missing=self.missing))
                continue
            rid = result.id if result.id is not None or not isinstance(docs, Sequence) else _record_id(docs[result.index])
            if self.on_error == "raise":
                problem = result.error.problem if isinstance(result.error, InputError) else str(result.error)
                named = problem if rid is None else f"{problem} (record id {rid!r})"
                raise InputError(named, line=result.index + 1) from result.error
            failures.append(Failure(result.index, rid, result.error))
            rows.append(np.full(len(names), np.nan))
        self.failures_ = failures
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


def _check_documents(X: Any) -> bool:  # noqa: N803, ANN401 - scikit-learn's name; any iterable or frame
    """Reject what is not a collection of documents; ``True`` for a DataFrame of records."""
    if isinstance(X, (str, bytes)):
        msg = "expected an iterable of documents (texts or records), got a single string"
        raise ValueError(msg)  # noqa: TRY004 - scikit-learn raises ValueError for this (CountVectorizer)
    ndim = getattr(X, "ndim", 1)
    columns = getattr(X, "columns", None)
    if ndim == 2 and columns is not None and callable(getattr(X, "to_dict", None)):
        if "text" not in columns:
            msg = f"a DataFrame of documents needs a 'text' column (and may have 'id', 'title' and others); it has {list(columns)}"
            raise ValueError(msg)
        return True
    if ndim != 1:
        msg = f"expected a 1-D sequence of documents or a DataFrame with a 'text' column, got an input with {ndim} dimensions"
        raise ValueError(msg)
    return False


def _documents(X: Any) -> Iterable[str | Mapping[str, Any] | Record]:  # noqa: N803, ANN401 - scikit-learn's name; any iterable or frame
    """The documents of ``X``: itself, or one record per row of a DataFrame with a ``text`` column."""
    if _check_documents(X):
        records: list[Mapping[str, Any]] = X.to_dict("records")
        return records
    docs: Iterable[str | Mapping[str, Any] | Record] = X
    return docs
