"""Source-type accuracy of the attribution scorer against a hand annotation of BBC News sources.

The sample is drawn from ``bench/bbc_news.jsonl`` (read only; nothing of it is stored in the
repository): the articles are shuffled with ``random.Random(seed)``, and from each article in
that order at most ``--per-article`` of its attributions with a source are taken (chosen with
the same generator) until ``--n`` are collected.

Two steps, with the annotation file kept OUTSIDE the repository::

    # 1. write the sample as a TSV to annotate (gold column empty)
    python benchmarks/validate_source_types.py --sample /work/typecheck/sample.tsv
    # 2. fill the ``gold`` column with one of the source types of docs/concepts.rst (the type
    #    of the speaker the span names, or refers to for a pronoun; ``x`` for a span that names
    #    no speaker at all, left out of the accuracy), then
    python benchmarks/validate_source_types.py --annotations /work/typecheck/sample.tsv

Step 2 re-runs the scorer on the annotated articles, finds each annotated source by its article
and character span (a source whose span changed is reported as ``unmatched``, not scored), and
prints one JSON object: accuracy over the matched sources and the most frequent confusions
(gold -> predicted).
"""

from __future__ import annotations

import argparse
import csv
import json
import random
from collections import Counter
from pathlib import Path

from _common import read_jsonl

from framing.document import Document
from framing.scorers.attribution import SOURCE_TYPES, AttributionScorer
from framing.scorers.base import Context

#: The gold label of a span that names no speaker at all (an extraction error): left out of the accuracy.
NOT_A_SOURCE = "x"
FIELDS = ("article", "start", "end", "source", "predicted", "gold", "sentence")


def _sources(scorer: AttributionScorer, text: str) -> list[tuple[int, int, str, str, str]]:
    """``(start, end, source text, type, sentence)`` for every attribution with a source."""
    result = scorer.score(Document.from_text(text), Context(negation=None))
    out = []
    for a in result.attributions:
        if a.source is None:
            continue
        lo = text.rfind("\n", 0, a.source.start) + 1
        hi = text.find("\n", a.source.end)
        line = text[lo : hi if hi >= 0 else len(text)]
        out.append((a.source.start, a.source.end, a.source.text, a.source.type, " ".join(line.split())))
    return out


def sample(path: Path, n: int, seed: int, per_article: int) -> None:
    """Write ``n`` sourced attributions of shuffled BBC articles to ``path`` (TSV, gold empty)."""
    rng = random.Random(seed)
    records = list(read_jsonl("bench/bbc_news.jsonl"))
    rng.shuffle(records)
    scorer = AttributionScorer()
    rows: list[dict[str, object]] = []
    for rec in records:
        found = _sources(scorer, rec["text"])
        for s, e, src, typ, sent in sorted(rng.sample(found, min(per_article, len(found)))):
            rows.append({"article": rec["id"], "start": s, "end": e, "source": src, "predicted": typ, "gold": "", "sentence": sent})
        if len(rows) >= n:
            break
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, FIELDS, delimiter="\t")
        w.writeheader()
        w.writerows(rows[:n])


def evaluate(path: Path) -> dict[str, object]:
    """Accuracy of the current scorer's types against the ``gold`` column of ``path``."""
    with path.open(encoding="utf-8", newline="") as fh:
        annotated = [r for r in csv.DictReader(fh, delimiter="\t") if r["gold"]]
    rows = [r for r in annotated if r["gold"] != NOT_A_SOURCE]
    bad = {r["gold"] for r in rows} - set(SOURCE_TYPES)
    if bad:
        raise SystemExit(f"unknown gold types: {sorted(bad)}")
    texts = {str(r["id"]): r["text"] for r in read_jsonl("bench/bbc_news.jsonl")}
    scorer = AttributionScorer()
    cache: dict[str, dict[tuple[int, int], str]] = {}
    correct = 0
    matched = 0
    confusion: Counter[str] = Counter()
    for r in rows:
        art = r["article"]
        if art not in cache:
            cache[art] = {(s, e): typ for s, e, _src, typ, _sent in _sources(scorer, texts[art])}
        typ = cache[art].get((int(r["start"]), int(r["end"])))
        if typ is None:
            continue
        matched += 1
        if typ == r["gold"]:
            correct += 1
        else:
            confusion[f"{r['gold']} -> {typ}"] += 1
    return {
        "annotated": len(annotated),
        "not_a_source": len(annotated) - len(rows),
        "matched": matched,
        "unmatched": len(rows) - matched,
        "accuracy": round(correct / matched, 4) if matched else None,
        "confusions": dict(confusion.most_common(12)),
    }


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = ap.add_mutually_exclusive_group(required=True)
    group.add_argument("--sample", type=Path, help="write the sample to annotate to this TSV path")
    group.add_argument("--annotations", type=Path, help="score against this annotated TSV")
    ap.add_argument("--n", type=int, default=150)
    ap.add_argument("--seed", type=int, default=5)
    ap.add_argument("--per-article", type=int, default=3)
    args = ap.parse_args()
    if args.sample is not None:
        sample(args.sample, args.n, args.seed, args.per_article)
    else:
        print(json.dumps(evaluate(args.annotations), indent=2))


if __name__ == "__main__":
    main()
