"""Result objects cross process boundaries as (class, field values) and come back equal."""

from __future__ import annotations

import copyreg
import os
import pickle
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from hypothesis import given, settings

import framing
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


@settings(max_examples=40, deadline=None)
@given(texts)
def test_the_transport_form_rebuilds_equal_results(text: str) -> None:
    result = _ANALYZER.analyze(text, id="x", title="A title", metadata={"outlet": "Daily", "n": 3})
    blob = _pickling.dumps(result)
    again = pickle.loads(blob)  # noqa: S301 - our own object
    assert type(again) is Analysis
    assert again == result
    assert again.to_dict() == result.to_dict()
    assert _pickling.dumps(again) == blob  # the rebuilt objects hold the same values, field by field


def test_the_transport_form_fills_the_slots_of_result_classes_directly() -> None:
    match = Match(0, 3, "c", "war", 1.0, negated=False, voice="quoted", token_start=0, token_end=1)
    build, args = _pickling._TRANSPORT[Match](match)
    assert build.__module__ == "framing._pickling"
    assert getattr(_pickling, build.__name__) is build  # pickle finds it by name
    rebuilt = build(*args)
    assert type(rebuilt) is Match
    assert rebuilt == match
    for cls in (Analysis, FrameEvidence, LoadedSpan, Attribution):
        assert cls in _pickling._TRANSPORT, cls.__name__


@dataclass(frozen=True)
class _NoSlots:
    value: int


@dataclass(frozen=True, slots=True)
class _OwnNew:
    value: int

    def __new__(cls, value: int) -> Self:  # noqa: ARG004 - a class that builds its objects itself
        return object.__new__(cls)


def test_classes_without_slots_or_with_their_own_new_travel_through_their_constructor() -> None:
    assert _pickling.register([_NoSlots, _OwnNew]) == [_NoSlots, _OwnNew]
    for obj in (_NoSlots(4), _OwnNew(5)):
        assert type(obj) not in _pickling._TRANSPORT
        assert pickle.loads(_pickling.dumps(obj)) == obj  # noqa: S301 - our own object


def test_a_class_defined_in_a_function_gets_no_builder() -> None:
    @dataclass(frozen=True, slots=True)
    class Local:
        value: int

    _pickling.register([Local])
    assert Local in copyreg.dispatch_table
    assert Local not in _pickling._TRANSPORT


def test_a_fresh_interpreter_reads_the_transport_form() -> None:
    # a worker started by "spawn" or "forkserver" is a fresh interpreter: the builders must be
    # found by name there, as soon as framing is imported
    result = _ANALYZER.analyze("Critics said the plan was a disaster. 'It will fail,' she warned.", id="t1")
    script = "import pickle, sys, framing; a = pickle.loads(sys.stdin.buffer.read()); sys.stdout.write(repr(a.to_dict()))"
    env = {**os.environ, "PYTHONPATH": str(Path(framing.__file__).resolve().parent.parent)}
    done = subprocess.run([sys.executable, "-c", script], input=_pickling.dumps(result), capture_output=True, check=True, env=env)
    assert done.stdout.decode() == repr(result.to_dict())
