"""Comparing outlets: how they differ in framing, loaded language, sourcing and readability.

:func:`compare` streams records through an :class:`~framing.analysis.Analyzer`, keeps one small
feature vector per document (:mod:`framing.compare.features`) and per-outlet word counts, and
returns a :class:`~framing.compare.report.ComparisonReport` with bootstrap intervals, rank tests
with multiple-comparison correction, frame-distribution tests and distinctive words
(:mod:`framing.compare.stats` documents every formula). :func:`compare_features` runs the same
statistics on features collected elsewhere.

The names are loaded on first use, so that ``import framing`` and ``framing analyze`` do not pay
for scipy.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["CompareSettings", "ComparisonReport", "compare", "compare_features", "default_analyzer"]

_HOMES = {
    "CompareSettings": "framing.compare.report",
    "ComparisonReport": "framing.compare.report",
    "compare": "framing.compare.api",
    "compare_features": "framing.compare.api",
    "default_analyzer": "framing.compare.api",
}


def __getattr__(name: str) -> Any:  # noqa: ANN401 - the attribute's own type
    """Import a public name from its module on first use."""
    home = _HOMES.get(name)
    if home is None:
        msg = f"module 'framing.compare' has no attribute {name!r}"
        raise AttributeError(msg)
    return getattr(importlib.import_module(home), name)


def __dir__() -> list[str]:
    """The public names."""
    return sorted(__all__)
