"""Time to analyse one long document grows linearly with its size (no regex backtracking blow-up).

Builds single documents of 1, 2.5, 5 and 10 MB, from BBC News articles joined by blank lines and
from adversarial patterns (no spaces, only quotation marks, only periods, one endless sentence),
analyses each with the default analyzer, and reports seconds per MB. Linear time shows as a flat
seconds-per-MB column. Run: ``python benchmarks/linearity.py``.
"""

from __future__ import annotations

import json
import time

from _common import read_jsonl

from framing import Analyzer

SIZES_MB = (1.0, 2.5, 5.0, 10.0)


def build(source: str, mb: float) -> str:
    n = int(mb * 1_000_000)
    reps = n // len(source) + 1
    return (source * reps)[:n]


def main() -> None:
    bbc = "\n\n".join(r["text"] for r in read_jsonl("bench/bbc_news.jsonl"))
    patterns = {
        "bbc_news": bbc,
        "no_spaces": "abcdefghij" * 1000,
        "only_quote_marks": "\"\u201c\u201d'\u2018\u2019 " * 1000,
        "only_periods": ". . .. ... U.S. Mr. " * 1000,
        "endless_sentence": "and the minister said that the regime was not a so-called disaster " * 100,
        "unclosed_quotes_per_paragraph": "He said: \u201cthis never closes\n\n" * 100,
    }
    an = Analyzer(readability=False)
    report = {}
    for name, source in patterns.items():
        rows = []
        for mb in SIZES_MB:
            text = build(source, mb)
            t0 = time.perf_counter()
            an.analyze(text)
            dt = time.perf_counter() - t0
            rows.append({"mb": mb, "seconds": round(dt, 2), "seconds_per_mb": round(dt / mb, 3)})
        per_mb = [r["seconds_per_mb"] for r in rows]
        report[name] = {"rows": rows, "max_over_min_seconds_per_mb": round(max(per_mb) / min(per_mb), 2)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
