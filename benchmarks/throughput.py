"""End-to-end throughput over BBC News (../shared/data/bench/bbc_news.jsonl).

Measures, in one run: the floor (``re.findall(r"\\w+", text)`` over the corpus); the default
analysis (document model and every default scorer) in one process; the same with readability;
and the default analysis with two worker processes, as result objects (``analyze_many``), as
dictionaries (``analyze_many_dicts``) and as JSON text (``analyze_many_json``, what the command
line uses), each with its speed-up over one process producing the same kind of result. Every
figure is the best of ``--repeat`` runs. Run: ``python benchmarks/throughput.py``.
"""

from __future__ import annotations

import argparse
import json
import os
from collections.abc import Iterable

from _common import floor_seconds, read_jsonl, timed

from framing import Analyzer


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="use only the first N articles")
    args = ap.parse_args()
    texts = [r["text"] for r in read_jsonl("bench/bbc_news.jsonl")][: args.limit]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    default = Analyzer()
    with_readability = Analyzer(readability=True)
    for an in (default, with_readability):  # warm caches as a long run would
        for t in texts[:200]:
            an.analyze(t)
    floor = floor_seconds(texts, args.repeat)
    one = timed(lambda: [default.analyze(t) for t in texts], args.repeat)
    read = timed(lambda: [with_readability.analyze(t) for t in texts], args.repeat)
    one_dicts = timed(lambda: list(default.analyze_many_dicts(texts)), args.repeat)
    one_json = timed(lambda: list(default.analyze_many_json(texts)), args.repeat)
    counted = [0]

    def drain(results: Iterable[object]) -> None:
        counted[0] += sum(1 for _ in results)

    # Every figure is the best of --repeat runs, pool start-up included in each run.
    two_objects = timed(lambda: drain(default.analyze_many(texts, n_jobs=2, chunksize=16)), args.repeat)
    two = timed(lambda: drain(default.analyze_many_dicts(texts, n_jobs=2, chunksize=16)), args.repeat)
    two_json = timed(lambda: drain(default.analyze_many_json(texts, n_jobs=2, chunksize=16)), args.repeat)
    assert counted[0] == 3 * args.repeat * len(texts)
    print(
        json.dumps(
            {
                "corpus_mb": round(mb, 3),
                "documents": len(texts),
                "cpus": os.cpu_count(),
                "scorers": [s.name for s in default.scorers],
                "floor_mb_s": round(mb / floor, 2),
                "analysis_mb_s": round(mb / one, 2),
                "ratio_to_floor": round(floor / one, 3),
                "analysis_with_readability_mb_s": round(mb / read, 2),
                "two_workers_objects_mb_s": round(mb / two_objects, 2),
                "two_worker_speedup_objects": round(one / two_objects, 2),
                "one_process_dicts_mb_s": round(mb / one_dicts, 2),
                "two_workers_dicts_mb_s": round(mb / two, 2),
                "two_worker_speedup_dicts": round(one_dicts / two, 2),
                "one_process_json_mb_s": round(mb / one_json, 2),
                "two_workers_json_mb_s": round(mb / two_json, 2),
                "two_worker_speedup_json": round(one_json / two_json, 2),
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
