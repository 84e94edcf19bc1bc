"""Compact pickling of result objects, for results that cross process boundaries.

A frozen dataclass with ``slots`` pickles, by default, as its class plus a state that is restored
field by field through :func:`dataclasses.fields` on the receiving side: a few microseconds per
object, and an analysis holds hundreds of objects (evidence spans, attributions, matches). When
worker processes return result objects (:meth:`framing.Analyzer.analyze_many`), that cost lands
on the parent process and caps the speed-up. :func:`register` makes such classes pickle as
``(cls, field values)`` instead, so unpickling is one constructor call. The pickled values and the
rebuilt objects are the same as before; only the route is shorter.
"""

from __future__ import annotations

import copyreg
import dataclasses
import inspect
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any

__all__ = ["register", "registrable"]


def registrable(cls: type) -> bool:
    """Whether ``cls`` can be rebuilt by calling it with its field values in order.

    True for dataclasses whose constructor takes exactly their fields, in order, without a
    ``__post_init__`` and without pickling methods of their own.
    """
    if not dataclasses.is_dataclass(cls) or hasattr(cls, "__post_init__"):
        return False
    own = cls.__dict__
    if "__reduce__" in own or "__reduce_ex__" in own:
        return False
    for name, generated in (("__getstate__", "_dataclass_getstate"), ("__setstate__", "_dataclass_setstate")):
        method = own.get(name)
        if method is not None and getattr(method, "__name__", "") != generated:
            return False
    fields = dataclasses.fields(cls)
    if not fields or not all(f.init and not f.kw_only for f in fields):
        return False
    # The constructor must take exactly the fields, in order (a hand-written __init__ may not).
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    positional = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return [p.name for p in params] == [f.name for f in fields] and all(p.kind in positional for p in params)


def _reducer(cls: type) -> Callable[[Any], tuple[type, tuple[Any, ...]]]:
    names = [f.name for f in dataclasses.fields(cls)]
    get = attrgetter(*names)
    if len(names) == 1:
        return lambda obj: (cls, (get(obj),))
    return lambda obj: (cls, get(obj))


def register(classes: Iterable[type]) -> list[type]:
    """Register the compact reducer for every registrable class of ``classes``; returns those registered."""
    done = []
    for cls in classes:
        if registrable(cls):
            copyreg.pickle(cls, _reducer(cls))
            done.append(cls)
    return done
