"""Peak memory of the command line over a large generated JSONL file (issue 7: < 300 MB).

Generates, in a temporary directory, a JSONL file of about ``--gb`` gigabytes whose records are
BBC-like articles: a headline and 3-12 paragraphs drawn at random (fixed seed) from the
paragraphs of ``../shared/data/bench/bbc_news.jsonl``, each with an ``id`` and an ``outlet``.
It then runs::

    python -m framing analyze FILE --jobs 2 --quiet > /dev/null

and polls ``/proc`` every 0.2 s for the resident memory of the command and of every process it
starts (the worker processes): the peak (``VmHWM``) of each, and the peak of their sum. When the
command ends, ``getrusage(RUSAGE_CHILDREN).ru_maxrss`` gives the largest single process as the
kernel saw it (a cross-check that a worker did not peak between two polls). Linux only.

Prints JSON: ``file_gb``, ``records``, ``seconds`` (analysis only), ``mb_s``,
``peak_rss_parent_mb``, ``peak_rss_worker_max_mb``, ``peak_rss_sum_mb`` (which counts pages shared
by the forked workers once per process), ``peak_pss_sum_mb`` (the same total with shared pages
split between the processes: the memory the run really holds), ``n_workers_seen``,
``ru_maxrss_children_mb``, and ``rss_timeline_mb`` (the summed RSS at ten evenly spaced moments,
to show whether memory grows with the input). MB are 10^6 bytes.

Run: ``python benchmarks/memory.py --gb 0.1`` for a quick check, ``python benchmarks/memory.py``
for the 1 GB figure.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import read_jsonl

OUTLETS = ("outlet-a", "outlet-b", "outlet-c", "outlet-d")
POLL_S = 0.2


def generate(path: Path, target_bytes: int, seed: int = 7) -> int:
    """Write BBC-like records to ``path`` until it holds ``target_bytes``; return the record count."""
    rng = random.Random(seed)
    heads: list[str] = []
    paragraphs: list[str] = []
    for rec in read_jsonl("bench/bbc_news.jsonl"):
        parts = [p.strip() for p in rec["text"].split("\n\n") if p.strip()]
        if len(parts) > 1:
            heads.append(parts[0])
            paragraphs.extend(parts[1:])
    written = 0
    n = 0
    with path.open("w", encoding="utf-8") as fh:
        while written < target_bytes:
            body = rng.sample(paragraphs, rng.randint(3, 12))
            record = {"id": f"gen-{n:08d}", "outlet": OUTLETS[n % len(OUTLETS)], "title": rng.choice(heads), "text": "\n\n".join(body)}
            line = json.dumps(record, ensure_ascii=False) + "\n"
            fh.write(line)
            written += len(line.encode("utf-8"))
            n += 1
    return n


def _status_kb(pid: int, field: str) -> int | None:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as fh:  # noqa: PTH123 - /proc is read line by line
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return None
    return None


def _pss_kb(pid: int) -> int:
    """Proportional set size: shared pages split between the processes that map them."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:  # noqa: PTH123 - /proc is read line by line
            for line in fh:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        return 0
    return 0


def _children(pid: int) -> list[int]:
    """Every descendant of ``pid`` (from /proc/<pid>/task/*/children)."""
    out: list[int] = []
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            tasks = [t.name for t in Path(f"/proc/{p}/task").iterdir()]
        except OSError:
            continue
        for t in tasks:
            try:
                with open(f"/proc/{p}/task/{t}/children", encoding="ascii") as fh:  # noqa: PTH123 - /proc
                    kids = [int(x) for x in fh.read().split()]
            except OSError:
                continue
            out.extend(kids)
            stack.extend(kids)
    return out


def measure(path: Path, jobs: int, out: Path | None, *, readability: bool = False) -> dict[str, object]:
    cmd = [sys.executable, "-m", "framing", "analyze", str(path), "--jobs", str(jobs), "--quiet"]
    if readability:
        cmd.append("--readability")
    sink = out.open("wb") if out is not None else subprocess.DEVNULL
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=sink, stderr=subprocess.PIPE)  # noqa: S603 - our own CLI
    parent_hwm = 0
    worker_hwm: dict[int, int] = {}
    peak_sum = 0
    peak_pss = 0
    timeline: list[tuple[float, int]] = []
    while proc.poll() is None:
        hwm = _status_kb(proc.pid, "VmHWM")
        rss_total = _status_kb(proc.pid, "VmRSS") or 0
        pss_total = _pss_kb(proc.pid)
        parent_hwm = max(parent_hwm, hwm or 0)
        for kid in _children(proc.pid):
            k_hwm = _status_kb(kid, "VmHWM")
            if k_hwm is not None:
                worker_hwm[kid] = max(worker_hwm.get(kid, 0), k_hwm)
            rss_total += _status_kb(kid, "VmRSS") or 0
            pss_total += _pss_kb(kid)
        peak_sum = max(peak_sum, rss_total)
        peak_pss = max(peak_pss, pss_total)
        timeline.append((time.perf_counter() - t0, rss_total))
        time.sleep(POLL_S)
    seconds = time.perf_counter() - t0
    stderr = proc.stderr.read().decode() if proc.stderr else ""
    if out is not None and sink is not subprocess.DEVNULL:
        sink.close()  # type: ignore[union-attr]
    if proc.returncode != 0:
        sys.exit(f"framing analyze failed ({proc.returncode}): {stderr[-2000:]}")
    ru = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    ten = [timeline[min(len(timeline) - 1, i * len(timeline) // 10)] for i in range(10)] if timeline else []
    return {
        "seconds": round(seconds, 1),
        "peak_rss_parent_mb": round(parent_hwm * 1024 / 1e6, 1),
        "peak_rss_worker_max_mb": round(max(worker_hwm.values(), default=0) * 1024 / 1e6, 1),
        "peak_rss_sum_mb": round(peak_sum * 1024 / 1e6, 1),
        "peak_pss_sum_mb": round(peak_pss * 1024 / 1e6, 1),
        "n_workers_seen": len(worker_hwm),
        "ru_maxrss_children_mb": round(ru * 1024 / 1e6, 1),
        "rss_timeline_mb": " ".join(f"{t:.0f}s:{kb * 1024 / 1e6:.0f}" for t, kb in ten),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gb", type=float, default=1.0, help="size of the generated file in GB (10^9 bytes; default 1)")
    ap.add_argument("--jobs", type=int, default=2, help="framing analyze --jobs (default 2)")
    ap.add_argument("--readability", action="store_true", help="pass --readability to framing analyze")
    ap.add_argument("--keep-output", action="store_true", help="write the output to a file in the temporary directory, not /dev/null")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="framing-memory-") as tmp:
        path = Path(tmp) / "generated.jsonl"
        t0 = time.perf_counter()
        records = generate(path, int(args.gb * 1e9))
        gen_s = time.perf_counter() - t0
        size = path.stat().st_size
        result = measure(path, args.jobs, Path(tmp) / "out.jsonl" if args.keep_output else None, readability=args.readability)
        report = {
            "file_gb": round(size / 1e9, 3),
            "records": records,
            "jobs": args.jobs,
            "readability": args.readability,
            "generate_seconds": round(gen_s, 1),
            "mb_s": round(size / 1e6 / float(result["seconds"]), 2),  # type: ignore[arg-type]
            **result,
        }
        print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
