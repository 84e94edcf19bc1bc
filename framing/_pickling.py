"""Compact pickling of result objects, for results that cross process boundaries.

A frozen dataclass with ``slots`` pickles, by default, as its class plus a state that is restored
field by field through :func:`dataclasses.fields` on the receiving side: a few microseconds per
object, and an analysis holds hundreds of objects (evidence spans, attributions, matches). When
worker processes return result objects (:meth:`framing.Analyzer.analyze_many`), that cost lands
on the parent process and caps the speed-up. :func:`register` makes such classes pickle as
``(cls, field values)`` instead, so unpickling is one constructor call. The pickled values and the
rebuilt objects are the same as before; only the route is shorter.

Between a worker and its parent, both running this same code, :func:`dumps` goes one step
further: a registered class whose fields are all slots is rebuilt by a function that creates the
object and fills its slots directly, without the generated ``__init__`` (whose
``object.__setattr__`` calls, one per field of a frozen dataclass, are most of the rebuilding
cost). The object is the same as its constructor makes: the slots hold the same values.
"""

from __future__ import annotations

import copyreg
import dataclasses
import inspect
import io
import pickle
import types
from collections.abc import Callable, Iterable
from operator import attrgetter
from typing import Any

__all__ = ["dumps", "register", "registrable"]

#: The reducers :func:`dumps` uses for classes rebuilt by a slot-filling function, by class.
_TRANSPORT: dict[type, Callable[[Any], tuple[Callable[..., Any], tuple[Any, ...]]]] = {}
#: The class each slot-filling builder (a global of this module, by that name) builds.
_BUILDS: dict[str, type] = {}


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


def _slot_builder(cls: type) -> Callable[..., Any] | None:
    """A module-level function that builds ``cls`` from its field values by filling its slots.

    ``None`` when a field is not a slot of ``cls`` itself, when ``cls`` has its own ``__new__``,
    when ``cls`` cannot be named from its module (a class defined in a function), or when the
    function's name is taken by another class's builder. The function is generated
    (as :mod:`dataclasses` generates ``__init__``) so that each slot is set by one direct call,
    and it is a global of this module so that pickle refers to it by name.
    """
    names = [f.name for f in dataclasses.fields(cls)]
    slots = [m for m in (vars(cls).get(name) for name in names) if isinstance(m, types.MemberDescriptorType)]
    if len(slots) < len(names) or any("__new__" in vars(k) for k in cls.__mro__[:-1]):
        return None
    fname = "_new__" + f"{cls.__module__}.{cls.__qualname__}".replace("_", "_u").replace(".", "_d")
    if not fname.isidentifier():
        return None
    if fname in _BUILDS:
        return globals()[fname] if _BUILDS[fname] is cls else None
    args = ", ".join(f"a{i}" for i in range(len(names)))
    body = "".join(f"    set{i}(obj, a{i})\n" for i in range(len(names)))
    namespace: dict[str, Any] = {"new": object.__new__, "cls": cls, **{f"set{i}": s.__set__ for i, s in enumerate(slots)}}
    exec(f"def {fname}({args}):\n    obj = new(cls)\n{body}    return obj\n", namespace)  # noqa: S102 - generated from field counts only
    build: Callable[..., Any] = namespace[fname]
    build.__module__ = __name__
    globals()[fname] = build
    _BUILDS[fname] = cls
    return build


def _transport_reducer(cls: type, build: Callable[..., Any]) -> Callable[[Any], tuple[Callable[..., Any], tuple[Any, ...]]]:
    names = [f.name for f in dataclasses.fields(cls)]
    get = attrgetter(*names)
    if len(names) == 1:
        return lambda obj: (build, (get(obj),))
    return lambda obj: (build, get(obj))


def register(classes: Iterable[type]) -> list[type]:
    """Register the compact reducer for every registrable class of ``classes``; returns those registered.

    Those whose fields are all slots also get a slot-filling builder for :func:`dumps`.
    """
    done = []
    for cls in classes:
        if registrable(cls):
            copyreg.pickle(cls, _reducer(cls))
            build = _slot_builder(cls)
            if build is not None:
                _TRANSPORT[cls] = _transport_reducer(cls, build)
            done.append(cls)
    return done


def dumps(obj: object) -> bytes:
    """Pickle ``obj`` for another process running this same code (a worker's result for its parent).

    Registered classes with slot builders pickle as (builder, field values); everything else as
    :func:`pickle.dumps` would. Read the bytes back with :func:`pickle.loads`. Not for storage:
    the builders' names are private and may change between versions.
    """
    buf = io.BytesIO()
    pickler = pickle.Pickler(buf, pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, **_TRANSPORT}
    pickler.dump(obj)
    return buf.getvalue()
