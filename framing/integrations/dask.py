"""Dask helpers: analyse a ``dask.bag`` of records, or a text column of a dask DataFrame.

Needs the optional extra: ``pip install framing[dask]`` (``dask[bag,dataframe]``,
``distributed`` and ``pandas``).

Each partition is analysed in one task, on whichever worker Dask picks, with the same
:class:`~framing.Analyzer` (sent once: it is a single object in the graph). The
analysis is a pure function of the text and the analyzer, so the results are exactly those of
the serial ``analyzer.analyze(...).to_dict()``, whatever the partitioning, scheduler or cluster.

A record that cannot be analysed (no string ``text``) fails the computation by default, with an
:class:`~framing.errors.InputError` naming its id and where it is: its 1-based position in
the whole bag, or its index label in the DataFrame. With ``on_error="return"`` the other records
are analysed and the failure is kept in the output instead (a :class:`~framing.Failure` in the
bag, a row of ``NaN`` with its message in the ``framing.error`` column of the DataFrame).

Examples
--------
>>> import dask.bag as db
>>> from framing.integrations.dask import analyze_bag
>>> bag = db.from_sequence([{"id": "a", "text": "Officials said the bridge would reopen."}, "No one was hurt."], npartitions=2)
>>> [d["id"] for d in analyze_bag(bag).compute(scheduler="sync")]
['a', None]
"""

from __future__ import annotations

import operator
import uuid
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any, Literal

from framing.analysis import Analysis, Analyzer, Failure
from framing.errors import InputError
from framing.integrations.features import _record_id, extract_features, feature_names

try:
    import dask.bag as db
    from dask.delayed import delayed
except ImportError as exc:  # pragma: no cover - exercised only without the extra
    msg = "framing.integrations.dask needs Dask; install it with: pip install framing[dask]"
    raise ImportError(msg) from exc

if TYPE_CHECKING:
    import dask.dataframe
    import pandas as pd  # type: ignore[import-untyped]  # pandas ships no type information (pandas-stubs is separate)

__all__ = ["ERROR_COLUMN", "analyze_bag", "analyze_dataframe"]

#: The column of :func:`analyze_dataframe` ``(on_error="return")`` holding why a row could not be analysed.
ERROR_COLUMN = "framing.error"


def analyze_bag(
    bag: db.Bag,
    analyzer: Analyzer | None = None,
    *,
    on_error: Literal["raise", "return"] = "raise",
    **options: Any,  # noqa: ANN401 - options go to Analyzer
) -> db.Bag:
    """Analyse every record of a bag; a bag of :meth:`~framing.Analysis.to_dict` dicts.

    Parameters
    ----------
    bag
        Records: strings, or mappings with ``text`` and optional ``id``, ``title`` and other
        fields (passed through as ``metadata``), as for
        :meth:`~framing.Analyzer.analyze_many`.
    analyzer
        The analyzer to run; built from ``options`` when ``None``.
    on_error
        ``"raise"``: a record that cannot be analysed fails the computation with an
        :class:`~framing.errors.InputError` naming its id and its 1-based position in the bag.
        ``"return"``: its place in the output holds a :class:`~framing.Failure` (``index``:
        its 0-based position in the bag) and the other records are analysed.
    **options
        :class:`~framing.Analyzer` options (only without ``analyzer``).

    Returns
    -------
    dask.bag.Bag
        One dict (or, with ``on_error="return"``, a :class:`~framing.Failure`) per record, in the
        bag's order and partitions.

    Raises
    ------
    ValueError
        When both ``analyzer`` and ``options`` are given, or ``on_error`` is unknown.
    framing.errors.InputError
        At compute time, for a record without a string ``text`` (``on_error="raise"``).

    Notes
    -----
    Every partition is analysed on its own, in parallel; a second, cheap step per partition then
    turns positions within the partition into positions in the bag (the lengths of the earlier
    partitions' results), and raises there with ``on_error="raise"``.
    """
    _check_on_error(on_error)
    shared = _shared(_analyzer(analyzer, options))
    analysed = [delayed(_analyze_partition, pure=True)(part, shared) for part in bag.to_delayed()]  # type: ignore[no-untyped-call]  # dask's to_delayed is unannotated
    offset: Any = 0
    done = []
    for part in analysed:
        done.append(delayed(_place_failures, pure=True)(part, offset, on_error))
        offset = delayed(operator.add, pure=True)(offset, delayed(len, pure=True)(part))
    out: db.Bag = db.from_delayed(done)  # type: ignore[no-untyped-call]  # dask's from_delayed is unannotated
    return out


def analyze_dataframe(
    ddf: dask.dataframe.DataFrame,
    text_column: str = "text",
    *,
    id_column: str | None = None,
    title_column: str | None = None,
    analyzer: Analyzer | None = None,
    on_error: Literal["raise", "return"] = "raise",
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
        scorers that use one). Missing cells (``NaN``, ``NA``, ``NaT``) are no id or no title,
        and an integral float id is that integer, as in :meth:`~framing.Record.coerce`.
    analyzer
        The analyzer to run; built from ``options`` when ``None``.
    on_error
        ``"raise"``: a row that cannot be analysed (a text that is missing or not a string) fails
        the computation with an :class:`~framing.errors.InputError` naming its index label and
        id. ``"return"``: such a row gets ``NaN`` in every feature, and the table has one more
        column, :data:`ERROR_COLUMN` (``"framing.error"``), holding the message of each failed row
        and ``None`` elsewhere.
    **options
        :class:`~framing.Analyzer` options (only without ``analyzer``).

    Returns
    -------
    dask.dataframe.DataFrame
        One float64 column per feature of :func:`~framing.integrations.features.feature_names`
        (``NaN`` where a feature is undefined), with the index of ``ddf``, so it joins back to it;
        plus :data:`ERROR_COLUMN` with ``on_error="return"``.

    Raises
    ------
    ValueError
        When both ``analyzer`` and ``options`` are given, or ``on_error`` is unknown.
    KeyError
        When a named column is not in ``ddf``.
    framing.errors.InputError
        At compute time, for a row that cannot be analysed (``on_error="raise"``).
    """
    try:
        import pandas as pd  # noqa: PLC0415 - only the DataFrame helper needs pandas
    except ImportError as exc:  # pragma: no cover - exercised only without the extra
        msg = "analyze_dataframe needs pandas; install it with: pip install framing[dask]"
        raise ImportError(msg) from exc
    _check_on_error(on_error)
    an = _analyzer(analyzer, options)
    for column in (text_column, id_column, title_column):
        if column is not None and column not in ddf.columns:
            msg = f"no column {column!r} in the DataFrame; it has {list(ddf.columns)}"
            raise KeyError(msg)
    names = list(feature_names(an))
    meta = pd.DataFrame({n: pd.Series(dtype="float64") for n in names})
    if on_error == "return":
        meta[ERROR_COLUMN] = pd.Series(dtype=object)
    out: dask.dataframe.DataFrame = ddf.map_partitions(  # type: ignore[no-untyped-call]  # dask's map_partitions is unannotated
        _features_partition,
        _shared(an),
        names,
        text_column,
        id_column,
        title_column,
        on_error,
        meta=meta,
    )
    return out


def _check_on_error(on_error: str) -> None:
    if on_error not in {"raise", "return"}:
        msg = f"on_error must be 'raise' or 'return', got {on_error!r}"
        raise ValueError(msg)


def _shared(analyzer: Analyzer) -> Any:  # noqa: ANN401 - dask's Delayed is untyped
    """The analyzer as one object of the graph, under a fresh key.

    A content-derived key (``pure=True``) would hash the whole analyzer, lexicons included, which
    takes seconds; the key only has to be unique, so the object is sent once all the same.
    """
    return delayed(analyzer, name=f"framing-analyzer-{uuid.uuid4().hex}")


def _analyzer(analyzer: Analyzer | None, options: Mapping[str, Any]) -> Analyzer:
    if analyzer is not None and options:
        msg = f"pass either an analyzer or Analyzer options, not both (got options {sorted(options)})"
        raise ValueError(msg)
    return analyzer if analyzer is not None else Analyzer(**options)


def _problem(failure: Failure, rid: str | None) -> str:
    """What went wrong, without the position ``analyze_many`` gave (it counts within a partition)."""
    error = failure.error
    problem = error.problem if isinstance(error, InputError) else str(error)
    return problem if rid is None else f"{problem} (record id {rid!r})"


_Placed = dict[str, Any] | tuple[Failure, str | None]


def _analyze_partition(records: Iterable[Any], analyzer: Analyzer) -> list[_Placed]:
    """One partition's dicts; a failure as ``(Failure, id)`` with its position within the partition."""
    part = list(records)
    out: list[_Placed] = []
    for result in analyzer.analyze_many(part, on_error="return"):
        if isinstance(result, Analysis):
            out.append(result.to_dict())
        else:
            out.append((result, _record_id(part[result.index])))
    return out


def _place_failures(results: list[_Placed], offset: int, on_error: str) -> list[dict[str, Any] | Failure]:
    """The partition's results with each failure named by its position in the bag (raised with ``on_error="raise"``)."""
    out: list[dict[str, Any] | Failure] = []
    for item in results:
        if isinstance(item, dict):
            out.append(item)
            continue
        failure, rid = item
        position = offset + failure.index
        error = InputError(_problem(failure, rid), source="<dask bag>", line=position + 1)
        if on_error == "raise":
            raise error from failure.error
        out.append(Failure(position, rid, error))
    return out


def _features_partition(
    part: pd.DataFrame,
    analyzer: Analyzer,
    names: list[str],
    text_column: str,
    id_column: str | None,
    title_column: str | None,
    on_error: str,
) -> pd.DataFrame:
    import numpy as np  # noqa: PLC0415 - runs on the workers; numpy is a core dependency
    import pandas as pd  # noqa: PLC0415 - same as above

    texts = part[text_column].tolist()
    ids = part[id_column].tolist() if id_column is not None else [None] * len(texts)
    titles = part[title_column].tolist() if title_column is not None else [None] * len(texts)
    # Record.coerce reads the cells as analyze_many(df.to_dict("records")) does: NaN is no id or title.
    records = ({"text": text, "id": rid, "title": title} for text, rid, title in zip(texts, ids, titles, strict=True))
    labels = part.index.tolist()
    rows = []
    errors: list[str | None] = []
    for result in analyzer.analyze_many(records, on_error="return"):
        if isinstance(result, Analysis):
            rows.append(extract_features(result).to_array(names))
            errors.append(None)
            continue
        problem = _problem(result, _record_id({"id": ids[result.index]}))
        error = InputError(f"row with index label {labels[result.index]!r}: {problem}", source="<dask dataframe>")
        if on_error == "raise":
            raise error from result.error
        rows.append(np.full(len(names), np.nan))
        errors.append(str(error))
    data = np.vstack(rows) if rows else np.empty((0, len(names)), dtype=np.float64)
    out = pd.DataFrame(data, index=part.index, columns=names)
    if on_error == "return":
        out[ERROR_COLUMN] = pd.Series(errors, index=part.index, dtype=object)
    return out
