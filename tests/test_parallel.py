"""Worker processes give exactly the serial results, in input order, with the same error records."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import Analysis, Analyzer, Failure, Record
from framing.errors import InputError

from strategies import texts

_STORIES = [
    "The council voted to close the library. 'This is a disgrace,' said Maria Lopez, a parent.",
    "Shares in the carmaker fell sharply on Monday after it warned that profits would shrink.",
    "Police said the protest was peaceful, although critics claimed officers had been heavy-handed.",
    'The minister denied the claims. "We have done nothing wrong," he told reporters in Leeds.',
    "Doctors warn that the new rules could leave thousands of patients without care this winter.",
    "Nobody was hurt in the fire, the brigade said, but the school will stay shut until Friday.",
]

#: Every built-in scorer, so that every kind of result object crosses the process boundary.
_ANALYZER = Analyzer(dictionaries=["negation"], readability=True)


def _records(n: int) -> list[Any]:
    """``n`` invented records of every accepted form, with ids, titles and metadata."""
    out: list[Any] = []
    for i in range(n):
        text = " ".join(_STORIES[(i + k) % len(_STORIES)] for k in range(1 + i % 4))
        if i % 3 == 0:
            out.append({"id": f"r{i}", "text": text, "title": f"Story number {i} shocks town", "outlet": f"outlet-{i % 2}", "rank": i})
        elif i % 3 == 1:
            out.append(Record(text, i if i % 2 else f"r{i}", None, {"score": i / 7}))  # type: ignore[arg-type]
        else:
            out.append(text)
    return out


def _with_bad(records: list[Any]) -> list[Any]:
    """``records`` with two bad records in the middle: one without text, one whose text is a number."""
    middle = len(records) // 2
    return [*records[:middle], {"id": "no-text"}, *records[middle:], {"id": "number", "text": 42}]


def _failure_view(item: object) -> object:
    return (item.index, item.id, type(item.error).__name__, str(item.error)) if isinstance(item, Failure) else item


@pytest.mark.parametrize("chunksize", [1, 3, 100])
def test_result_objects_from_workers_equal_the_serial_ones_in_order(chunksize: int) -> None:
    records = _with_bad(_records(17))
    serial = list(_ANALYZER.analyze_many(records, on_error="return"))
    parallel = list(_ANALYZER.analyze_many(records, n_jobs=2, chunksize=chunksize, on_error="return"))
    assert [_failure_view(r) for r in parallel] == [_failure_view(r) for r in serial]
    assert [type(r) for r in parallel] == [type(r) for r in serial]
    analyses = [r for r in parallel if isinstance(r, Analysis)]
    assert [a.id for a in analyses] == [a.id for a in serial if isinstance(a, Analysis)]
    # the rebuilt analyses hold the analyzer's own lexicon references, as serial ones do
    assert all(a.lexicons is _ANALYZER.lexicons for a in analyses)
    assert [a.to_dict() for a in analyses] == [a.to_dict() for a in serial if isinstance(a, Analysis)]


def test_dicts_and_json_from_workers_are_identical_to_the_serial_ones() -> None:
    records = _with_bad(_records(13))
    serial_dicts = [_failure_view(r) for r in _ANALYZER.analyze_many_dicts(records, on_error="return")]
    parallel_dicts = [_failure_view(r) for r in _ANALYZER.analyze_many_dicts(records, n_jobs=2, chunksize=2, on_error="return")]
    assert parallel_dicts == serial_dicts
    for indent in (None, 2):
        serial_json = [_failure_view(r) for r in _ANALYZER.analyze_many_json(records, indent=indent)]
        parallel_json = [_failure_view(r) for r in _ANALYZER.analyze_many_json(records, n_jobs=2, chunksize=4, indent=indent)]
        assert parallel_json == serial_json
        assert [json.loads(r) for r in parallel_json if isinstance(r, str)] == [d for d in serial_dicts if isinstance(d, dict)]


def test_a_bad_record_in_the_middle_of_a_parallel_batch() -> None:
    records = _with_bad(_records(9))
    out = list(_ANALYZER.analyze_many(records, n_jobs=2, chunksize=2, on_error="return"))
    failures = [r for r in out if isinstance(r, Failure)]
    assert [(f.index, f.id) for f in failures] == [(4, "no-text"), (10, "number")]
    assert "field 'text' is missing" in str(failures[0].error)
    assert isinstance(failures[0].error, InputError)
    assert failures[0].error.line == 5  # counted from one, as the command line counts lines
    # "raise": the results before the bad record come out, then its error
    stream = _ANALYZER.analyze_many(records, n_jobs=2, chunksize=2)
    assert [a.id for a in (next(stream) for _ in range(4))] == [r.id for r in out[:4] if isinstance(r, Analysis)]
    with pytest.raises(InputError, match="'text' is missing") as raised:
        next(stream)
    with pytest.raises(InputError, match="'text' is missing") as serially:
        list(_ANALYZER.analyze_many(records))
    assert str(raised.value) == str(serially.value)
    with pytest.raises(InputError, match="'text' is missing"):
        list(_ANALYZER.analyze_many_dicts(records, n_jobs=2, chunksize=3))


def test_order_is_kept_when_chunks_take_very_different_times() -> None:
    long_text = " ".join(_STORIES) * 30
    records = [Record(long_text if i % 5 == 0 else _STORIES[i % len(_STORIES)], f"r{i}") for i in range(24)]
    got = [r.id for r in Analyzer(frames=False).analyze_many(records, n_jobs=2, chunksize=1)]
    assert got == [f"r{i}" for i in range(24)]


def test_an_empty_input_gives_an_empty_stream() -> None:
    assert list(_ANALYZER.analyze_many([], n_jobs=2)) == []
    assert list(_ANALYZER.analyze_many_json(iter(()), n_jobs=2)) == []


@settings(max_examples=8, deadline=None)
@given(st.lists(texts, min_size=1, max_size=7), st.integers(1, 4))
def test_any_texts_give_the_serial_results_with_two_workers(batch: list[str], chunksize: int) -> None:
    serial = list(_ANALYZER.analyze_many(batch))
    assert list(_ANALYZER.analyze_many(batch, n_jobs=2, chunksize=chunksize)) == serial
    assert list(_ANALYZER.analyze_many_json(batch, n_jobs=2, chunksize=chunksize)) == [
        json.dumps(a.to_dict(), ensure_ascii=False) for a in serial
    ]
