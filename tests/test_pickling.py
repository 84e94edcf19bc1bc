"""Result objects cross process boundaries as (class, field values) and come back equal."""

from __future__ import annotations

import copyreg
import pickle
from dataclasses import dataclass, field

from hypothesis import given, settings

from framing import Analyzer, _pickling
from framing.analysis import Analysis, _result_classes
from framing.matching import Match
from framing.scorers.attribution import Attribution
from framing.scorers.frames import FrameEvidence
from framing.scorers.loaded import LoadedSpan

from strategies import texts

_ANALYZER = Analyzer(dictionaries=["negation"], readability=True)


@settings(max_examples=40, deadline=None)
@given(texts)
def test_analyses_round_trip_through_pickle(text: str) -> None:
    result = _ANALYZER.analyze(text, id="x", title="A title")
    again = pickle.loads(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))  # noqa: S301 - our own object
    assert again == result
    assert again.to_dict() == result.to_dict()


def test_the_numerous_result_types_use_the_compact_form() -> None:
    for cls in (Analysis, Match, FrameEvidence, LoadedSpan, Attribution):
        assert cls in copyreg.dispatch_table, cls.__name__
    match = Match(0, 3, "c", "war", 1.0, negated=False, voice="quoted", token_start=0, token_end=1)
    rebuilt_with, args = copyreg.dispatch_table[Match](match)
    assert rebuilt_with is Match
    assert args == (0, 3, "c", "war", 1.0, False, "quoted", 0, 1)
    assert all(isinstance(c, type) for c in _result_classes())


@dataclass(frozen=True, slots=True)
class _Checked:
    value: int

    def __post_init__(self) -> None:
        if self.value < 0:
            raise ValueError(self.value)


@dataclass(frozen=True)
class _HiddenField:
    value: int
    derived: int = field(init=False, default=0)


@dataclass(frozen=True)
class _KeywordOnly:
    value: int = field(kw_only=True)


@dataclass(frozen=True, slots=True, init=False)
class _OwnInit:
    total: int

    def __init__(self, a: int, b: int) -> None:
        object.__setattr__(self, "total", a + b)


class _OwnReduce:
    def __reduce__(self) -> tuple[object, ...]:
        return (_OwnReduce, ())


@dataclass(frozen=True, slots=True)
class _One:
    value: int


def test_only_classes_rebuilt_by_their_constructor_are_registered() -> None:
    for cls in (_Checked, _HiddenField, _KeywordOnly, _OwnInit, _OwnReduce, int):
        assert not _pickling.registrable(cls), cls.__name__
    assert _pickling.register([_One, _Checked]) == [_One]
    assert pickle.loads(pickle.dumps(_One(7))) == _One(7)  # noqa: S301 - our own object
