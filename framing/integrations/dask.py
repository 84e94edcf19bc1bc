"""Dask helpers: analyse a ``dask.bag`` of records, or a text column of a dask DataFrame.

Needs the optional extra: ``pip install framing[dask]`` (``dask[bag,dataframe]``,
``distributed`` and ``pandas``).

Each partition is analysed in one task, on whichever worker Dask picks, with the same
:class:`~framing.Analyzer` (sent once: it is a single object in the graph). The
analysis is a pure function of the text and the analyzer, so the results are exactly those of
the serial ``analyzer.analyze(...).to_dict()``, whatever the partitioning, scheduler or cluster.

Examples
--------
>>> import dask.bag as db
>>> from framing.integrations.dask import analyze_bag
>>> bag = db.from_sequence([{"id": "a", "text": "Officials said the bridge would reopen."}, "No one was hurt."], npartitions=2)
>>> [d["id"] for d in analyze_bag(bag).compute(scheduler="sync")]
['a', None]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from framing.analysis import Analyzer, Record
from framing.integrations.features import extract_features, feature_names

try:
    import dask.bag as db
    from dask.delayed import delayed
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    msg = "framing.integrations.dask needs Dask; install it with: pip install framing[dask]"
    raise ImportError(msg) from exc

if TYPE_CHECKING:
    import dask.dataframe
    import pandas as pd  # type: ignore[import-untyped]  # pandas ships no type information (pandas-stubs is separate)

__all__ = ["analyze_bag", "analyze_dataframe"]


def analyze_bag(bag: db.Bag, analyzer: Analyzer | None = None, **options: Any) -> db.Bag:  # noqa: ANN401 - options go to Analyzer
    """Analyse every record of a bag; a bag of :meth:`~framing.Analysis.to_dict` dicts.

    Parameters
    ----------
    bag
        Records: strings, or mappings with ``text`` and optional ``id``, ``title`` and other
        fields (passed through as ``metadata``), as for
        :meth:`~framing.Analyzer.analyze_many`.
    analyzer
        The analyzer to run; built from ``options`` when ``None``.
    **options
        :class:`~framing.Analyzer` options (only without ``analyzer``).

    Returns
    -------
    dask.bag.Bag
        One dict per record, in the bag's order and partitions.

    Raises
    ------
    ValueError
        When both ``analyzer`` and ``options`` are given.
    framing.errors.InputError
        At compute time, for a record without a string ``text``.
    """
    shared = delayed(_analyzer(analyzer, options), pure=True)
    out: db.Bag = bag.map_partitions(_analyze_partition, shared)  # type: ignore[no-untyped-call]  # dask's map_partitions is unannotated
    return out


def analyze_dataframe(
    ddf: dask.dataframe.DataFrame,
    text_column: str = "text",
    *,
    id_column: str | None = None,
    title_column: str | None = None,
    analyzer: Analyzer | None = None,
    **options: Any,  # noqa: ANN401 - options go to Analyzer
) -> dask.dataframe.DataFrame:
    """The feature table of a text column, partition by partition.

    Parameters
    ----------
    ddf
        A dask DataFrame with a column of texts.
    text_column
        The column to analyse.
    id_column, title_column
        Optional columns giving each record's id and headline (the headline is analysed by the
        scorers that use one).
    analyzer
        The analyzer to run; built from ``options`` when ``None``.
    **options
        :class:`~framing.Analyzer` options (only without ``analyzer``).

    Returns
    -------
    dask.dataframe.DataFrame
        One float64 column per feature of :func:`~framing.integrations.features.feature_names`
        (``NaN`` where a feature is undefined), with the index of ``ddf``, so it joins back to it.

    Raises
    ------
    ValueError
        When both ``analyzer`` and ``options`` are given.
    KeyError
        When a named column is not in ``ddf``.
    """
    try:
        import pandas as pd  # noqa: PLC0415 - only the DataFrame helper needs pandas
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        msg = "analyze_dataframe needs pandas; install it with: pip install framing[dask]"
        raise ImportError(msg) from exc
    an = _analyzer(analyzer, options)
    for column in (text_column, id_column, title_column):
        if column is not None and column not in ddf.columns:
            msg = f"no column {column!r} in the DataFrame; it has {list(ddf.columns)}"
            raise KeyError(msg)
    names = list(feature_names(an))
    meta = pd.DataFrame({n: pd.Series(dtype="float64") for n in names})
    out: dask.dataframe.DataFrame = ddf.map_partitions(  # type: ignore[no-untyped-call]  # dask's map_partitions is unannotated
        _features_partition,
        delayed(an, pure=True),
        names,
        text_column,
        id_column,
        title_column,
        meta=meta,
    )
    return out


def _analyzer(analyzer: Analyzer | None, options: Mapping[str, Any]) -> Analyzer:
    if analyzer is not None and options:
        msg = f"pass either an analyzer or Analyzer options, not both (got options {sorted(options)})"
        raise ValueError(msg)
    return analyzer if analyzer is not None else Analyzer(**options)


def _analyze_partition(records: Iterable[Any], analyzer: Analyzer) -> list[dict[str, Any]]:
    return [a.to_dict() for a in analyzer.analyze_many(records)]


def _features_partition(
    part: pd.DataFrame, analyzer: Analyzer, names: list[str], text_column: str, id_column: str | None, title_column: str | None
) -> pd.DataFrame:
    import numpy as np  # noqa: PLC0415 - runs on the workers; numpy is a core dependency
    import pandas as pd  # noqa: PLC0415 - same as above

    texts = part[text_column].tolist()
    ids = part[id_column].tolist() if id_column is not None else [None] * len(texts)
    titles = part[title_column].tolist() if title_column is not None else [None] * len(texts)
    records = (
        Record(text, None if pd.isna(rid) else str(rid), title if isinstance(title, str) else None)
        for text, rid, title in zip(texts, ids, titles, strict=True)
    )
    rows = [extract_features(a).to_array(names) for a in analyzer.analyze_many(records)]
    data = np.vstack(rows) if rows else np.empty((0, len(names)), dtype=np.float64)
    return pd.DataFrame(data, index=part.index, columns=names)
