"""Worked example of ``framing.compare``: outlets in the shared development data.

* PolNeAR dev (``attribution/polnear_dev.jsonl``): articles deduplicated by ``article`` (several
  annotators share one article), outlet = ``publisher``, date = ``publication_date``.
* BABE SG1 (``loaded/babe_sg1.jsonl``): sentences as documents, outlet = ``outlet``; a second
  comparison groups by ``outlet_leaning`` (left / center / right).

Prints the Markdown reports (default scorers with readability; ``--scorers`` is kept for old
command lines and changes nothing); ``--html DIR`` writes
HTML reports too. Run: ``python benchmarks/compare_polnear.py [--dataset polnear|babe|all]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import read_jsonl

from framing.analysis import Analyzer
from framing.compare import compare


def _analyzer(which: str) -> Analyzer:
    """The default analyzer (attribution, loaded language, frames) with readability; "new" is kept as an alias."""
    del which
    return Analyzer(readability=True)


def polnear() -> list[dict]:
    seen: dict[str, dict] = {}
    for r in read_jsonl("attribution/polnear_dev.jsonl"):
        seen.setdefault(r["article"], r)
    return list(seen.values())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--dataset", choices=["polnear", "babe", "all"], default="all")
    ap.add_argument("--scorers", choices=["default", "new"], default="default")
    ap.add_argument("--html", type=Path, default=None, help="also write HTML reports into this directory")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    runs = []
    if args.dataset in {"polnear", "all"}:
        runs.append(("polnear_dev_publishers", polnear, "publisher", "publication_date"))
    if args.dataset in {"babe", "all"}:
        runs.append(("babe_sg1_outlets", lambda: read_jsonl("loaded/babe_sg1.jsonl"), "outlet", None))
        runs.append(("babe_sg1_leaning", lambda: read_jsonl("loaded/babe_sg1.jsonl"), "outlet_leaning", None))
    for name, records, by, date in runs:
        t0 = time.perf_counter()
        report = compare(records(), by=by, date=date, analyzer=_analyzer(args.scorers), n_jobs=args.jobs, seed=0)
        print(f"<!-- {name}: {report.n_documents} documents in {time.perf_counter() - t0:.1f} s -->")
        print(report.to_markdown(max_rows=25))
        if args.html is not None:
            args.html.mkdir(parents=True, exist_ok=True)
            report.to_html(args.html / f"{name}.html")


if __name__ == "__main__":
    main()
