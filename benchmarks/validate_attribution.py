"""Validate the attribution scorer on PolNeAR (token F1 for source, cue, content) and time it.

Definitions are those of ``../shared/data/README.md``: tokens are ``\\w+`` matches; a token is a
gold positive when it overlaps a gold span of the role, a predicted positive when it overlaps a
predicted span of the role; precision, recall and F1 are micro-averaged over all tokens. Articles
annotated by several annotators are kept once (the first record of each ``article``).

Throughput is MB of text per second of ``Document`` building plus attribution scoring over
``bench/bbc_news.jsonl`` in one process, with ``re.findall(r"\\w+")`` over the same texts as the
floor.

Usage::

    python benchmarks/validate_attribution.py [--splits train dev] [--no-speed]

Prints one JSON object.
"""

from __future__ import annotations

import argparse
import bisect
import json
import time
from collections.abc import Iterable

from _common import WORD, floor_seconds, read_jsonl

from framing.document import Document
from framing.matching import Negation
from framing.scorers.attribution import AttributionScorer
from framing.scorers.base import Context

ROLES = ("source", "cue", "content")


def dedupe(records: Iterable[dict]) -> list[dict]:
    seen: set[str] = set()
    out = []
    for r in records:
        if r["article"] in seen:
            continue
        seen.add(r["article"])
        out.append(r)
    return out


def covered(tokens: list[tuple[int, int]], starts: list[int], spans: Iterable[tuple[int, int]]) -> set[int]:
    """Indices of the tokens overlapping any of ``spans``."""
    out: set[int] = set()
    for s, e in spans:
        if e <= s:
            continue
        k = max(0, bisect.bisect_right(starts, s) - 1)
        while k < len(tokens) and tokens[k][0] < e:
            if tokens[k][1] > s:
                out.add(k)
            k += 1
    return out


def predicted_spans(result_dict: dict) -> dict[str, list[tuple[int, int]]]:
    out: dict[str, list[tuple[int, int]]] = {r: [] for r in ROLES}
    for a in result_dict["attributions"]:
        for role in ROLES:
            span = a[role]
            if span is not None:
                out[role].append((span["start"], span["end"]))
    return out


def evaluate(split: str, scorer: AttributionScorer, negation: Negation) -> dict[str, object]:
    records = dedupe(read_jsonl(f"attribution/polnear_{split}.jsonl"))
    counts = {r: [0, 0, 0] for r in ROLES}  # tp, predicted, gold
    for rec in records:
        text = rec["text"]
        tokens = [m.span() for m in WORD.finditer(text)]
        starts = [s for s, _ in tokens]
        doc = Document.from_text(text)
        pred = predicted_spans(scorer.score(doc, Context(negation=negation)).to_dict())
        for role in ROLES:
            gold = covered(tokens, starts, [(s, e) for att in rec["attributions"] for s, e in att[role]])
            got = covered(tokens, starts, pred[role])
            c = counts[role]
            c[0] += len(gold & got)
            c[1] += len(got)
            c[2] += len(gold)
    out: dict[str, object] = {"articles": len(records)}
    for role, (tp, npred, ngold) in counts.items():
        p = tp / npred if npred else 0.0
        r = tp / ngold if ngold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        out[role] = {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}
    return out


def throughput(scorer: AttributionScorer, negation: Negation) -> dict[str, float]:
    texts = [r["text"] for r in read_jsonl("bench/bbc_news.jsonl")]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    t0 = time.perf_counter()
    for t in texts:
        scorer.score(Document.from_text(t), Context(negation=negation))
    secs = time.perf_counter() - t0
    floor = floor_seconds(texts, repeat=1)
    return {"mb": round(mb, 2), "seconds": round(secs, 2), "mb_per_s": round(mb / secs, 3), "floor_ratio": round(secs / floor, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--splits", nargs="+", default=["train", "dev"])
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args()
    scorer = AttributionScorer()
    negation = Negation.default()
    report: dict[str, object] = {"dataset": "PolNeAR", "metric": "token F1 (\\w+ tokens, overlap, micro)"}
    for split in args.splits:
        report[split] = evaluate(split, scorer, negation)
    if not args.no_speed:
        report["throughput_bbc_news"] = throughput(scorer, negation)
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
