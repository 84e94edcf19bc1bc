"""Shared helpers for the benchmark scripts (they read ../shared/data, never ship it)."""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "data"
WORD = re.compile(r"\w+")


def data_path(relative: str) -> Path:
    """A file of the shared evaluation data, or exit with a clear message."""
    path = SHARED / relative
    if not path.exists():
        sys.exit(f"benchmark data not found: {path} (the shared evaluation data sits beside the checkout)")
    return path


def read_jsonl(relative: str) -> Iterator[dict]:
    with data_path(relative).open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def timed(fn: Callable[[], object], repeat: int = 3) -> float:
    """Best wall time of ``repeat`` runs (seconds)."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def floor_seconds(texts: list[str], repeat: int = 3) -> float:
    """The floor: ``re.findall(r"\\w+", text)`` over the corpus."""
    return timed(lambda: [WORD.findall(t) for t in texts], repeat)
