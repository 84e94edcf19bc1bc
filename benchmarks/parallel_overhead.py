"""CPU cost of the worker processes of ``analyze_many`` over BBC News (issue 7), robust to load.

Wall-clock speed-ups are noisy on a shared machine; CPU seconds are not (much). For each kind of
result (objects from ``analyze_many``, dictionaries from ``analyze_many_dicts``, JSON text from
``analyze_many_json``) this prints, in CPU seconds per MB of text:

``serial``
    one process producing the same results (the analysis plus ``to_dict`` / ``json.dumps``);
``parent``
    the parent of a ``--jobs``-worker run (every thread of it: feeding inputs, receiving and
    rebuilding results, the consumer's loop);
``workers``
    the worker processes of that run, start-up included;
``overhead``
    ``parent + workers - serial``: the CPU the parallel run spends beyond the serial one;

and two bounds on the speed-up with as many cores as workers: ``amdahl_parent``, the bound the
parent's serial work alone implies (``1 / (f + (1 - f) / jobs)`` with ``f = parent /
(parent + serial)``), and ``cpu_bound``, the bound the total CPU implies when the parent and the
workers share the cores (``jobs * serial / (parent + workers)``). Each figure is the lowest of
``--repeat`` runs. Run: ``python benchmarks/parallel_overhead.py``.
"""

from __future__ import annotations

import argparse
import json
import resource
import time
from collections.abc import Callable, Iterable

from _common import read_jsonl

from framing import Analyzer


def _children_cpu() -> float:
    use = resource.getrusage(resource.RUSAGE_CHILDREN)
    return use.ru_utime + use.ru_stime


def _drain(results: Iterable[object]) -> int:
    return sum(1 for _ in results)


def _lowest(fn: Callable[[], int], repeat: int, n: int) -> tuple[float, float]:
    """Lowest (this process's CPU, reaped children's CPU) of ``repeat`` runs of ``fn``."""
    best_parent = best_children = float("inf")
    for _ in range(repeat):
        c0, k0 = time.process_time(), _children_cpu()
        assert fn() == n
        best_parent = min(best_parent, time.process_time() - c0)
        best_children = min(best_children, _children_cpu() - k0)
    return best_parent, best_children


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--chunksize", type=int, default=16)
    ap.add_argument("--kinds", default="objects,dicts,json", help="comma-separated: objects, dicts, json")
    args = ap.parse_args()
    texts = [r["text"] for r in read_jsonl("bench/bbc_news.jsonl")][: args.limit]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    an = Analyzer()
    _drain(an.analyze_many(texts))  # warm the per-word caches, as a long run would, before forking
    kinds = {"objects": an.analyze_many, "dicts": an.analyze_many_dicts, "json": an.analyze_many_json}
    out: dict[str, object] = {"corpus_mb": round(mb, 3), "documents": len(texts), "jobs": args.jobs, "chunksize": args.chunksize}
    for kind in args.kinds.split(","):
        method = kinds[kind]
        serial, _ = _lowest(lambda m=method: _drain(m(texts)), args.repeat, len(texts))
        parent, workers = _lowest(lambda m=method: _drain(m(texts, n_jobs=args.jobs, chunksize=args.chunksize)), args.repeat, len(texts))
        f = parent / (parent + serial)
        out[kind] = {
            "serial_cpu_s_mb": round(serial / mb, 4),
            "parent_cpu_s_mb": round(parent / mb, 4),
            "workers_cpu_s_mb": round(workers / mb, 4),
            "overhead_cpu_s_mb": round((parent + workers - serial) / mb, 4),
            "amdahl_parent": round(1 / (f + (1 - f) / args.jobs), 3),
            "cpu_bound": round(args.jobs * serial / (parent + workers), 3),
        }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
