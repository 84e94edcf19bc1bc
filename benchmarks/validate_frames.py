"""Frame scorer on the SemEval-2023 Task 3 (subtask 2, English) dev set.

Reports micro-F1 and macro-F1 of ``present`` against the gold frame sets, macro ROC-AUC of
``scores``, and the trivial prior (always the six most frequent dev frames) in the same run.
The first line of each article is its title (the dev texts start with the headline and a blank
line) and is passed as ``title``. Run: ``python benchmarks/validate_frames.py [--grid] [--half even|odd]``.

``--half even`` keeps the articles at even positions of the file (0, 2, 4, ...), ``--half odd``
the others: error studies are done on the even half only and the odd half is the check, so a gain
that shows on the even half but not on the odd one is overfitting. The prior is computed on the
articles evaluated.
"""

from __future__ import annotations

import argparse
import itertools
import json
from collections import Counter

import numpy as np
from _common import read_jsonl
from scipy.stats import rankdata

from framing import Analyzer, FrameScorer, load_lexicon

LABELS = {
    "Economic": "economic",
    "Capacity_and_resources": "capacity_and_resources",
    "Morality": "morality",
    "Fairness_and_equality": "fairness_and_equality",
    "Legality_Constitutionality_and_jurisprudence": "legality_constitutionality_jurisprudence",
    "Policy_prescription_and_evaluation": "policy_prescription_and_evaluation",
    "Crime_and_punishment": "crime_and_punishment",
    "Security_and_defense": "security_and_defense",
    "Health_and_safety": "health_and_safety",
    "Quality_of_life": "quality_of_life",
    "Cultural_identity": "cultural_identity",
    "Public_opinion": "public_opinion",
    "Political": "political",
    "External_regulation_and_reputation": "external_regulation_and_reputation",
}


def split_title(text: str) -> tuple[str | None, str]:
    head, sep, rest = text.partition("\n\n")
    if sep and "\n" not in head.strip() and len(head) < 300:
        return head.strip(), rest
    return None, text


def f1s(gold: list[set[str]], pred: list[set[str]], frames: list[str]) -> dict[str, float]:
    tp = sum(len(g & p) for g, p in zip(gold, pred, strict=True))
    fp = sum(len(p - g) for g, p in zip(gold, pred, strict=True))
    fn = sum(len(g - p) for g, p in zip(gold, pred, strict=True))
    micro = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    per = []
    for f in frames:
        t = sum(1 for g, p in zip(gold, pred, strict=True) if f in g and f in p)
        fpos = sum(1 for g, p in zip(gold, pred, strict=True) if f not in g and f in p)
        fneg = sum(1 for g, p in zip(gold, pred, strict=True) if f in g and f not in p)
        per.append(2 * t / (2 * t + fpos + fneg) if t else 0.0)
    return {"micro_f1": round(micro, 4), "macro_f1": round(float(np.mean(per)), 4)}


def per_frame(gold: list[set[str]], pred: list[set[str]], frames: list[str]) -> dict[str, dict[str, float | int]]:
    """Precision, recall and F1 of ``present`` for each frame, with its number of gold articles."""
    out: dict[str, dict[str, float | int]] = {}
    for f in frames:
        t = sum(1 for g, p in zip(gold, pred, strict=True) if f in g and f in p)
        n_pred = sum(1 for p in pred if f in p)
        n_gold = sum(1 for g in gold if f in g)
        prec = t / n_pred if n_pred else 0.0
        rec = t / n_gold if n_gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        out[f] = {"gold": n_gold, "predicted": n_pred, "precision": round(prec, 3), "recall": round(rec, 3), "f1": round(f1, 3)}
    return out


def auc(labels: list[bool], scores: list[float]) -> float | None:
    pos = sum(labels)
    neg = len(labels) - pos
    if pos == 0 or neg == 0:
        return None
    ranks = rankdata(scores)
    return float((sum(r for r, y in zip(ranks, labels, strict=True) if y) - pos * (pos + 1) / 2) / (pos * neg))


def evaluate(results: list[tuple[set[str], dict[str, float], set[str]]], frames: list[str]) -> dict[str, object]:
    gold = [g for g, _, _ in results]
    pred = [p for _, _, p in results]
    aucs = {f: auc([f in g for g in gold], [s[f] for _, s, _ in results]) for f in frames}
    valid = [a for a in aucs.values() if a is not None]
    return {
        **f1s(gold, pred, frames),
        "macro_auc": round(float(np.mean(valid)), 4),
        "auc_per_frame": {f: None if a is None else round(a, 3) for f, a in aucs.items()},
        "present_per_frame": per_frame(gold, pred, frames),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--grid", action="store_true", help="also report a small grid over the decision rule's parameters")
    ap.add_argument("--half", choices=["even", "odd"], help="only the articles at even (study) or odd (check) positions")
    args = ap.parse_args()
    records = list(read_jsonl("frames/semeval2023_frames_dev.jsonl"))
    if args.half is not None:
        records = records[{"even": 0, "odd": 1}[args.half] :: 2]
    frames = list(load_lexicon("policy-frames").category_ids)
    gold = [{LABELS[f] for f in r["frames"]} for r in records]
    counts = Counter(f for g in gold for f in g)
    prior = {f for f, _ in counts.most_common(6)}
    docs = [split_title(r["text"]) for r in records]

    def run(scorer: FrameScorer) -> list[tuple[set[str], dict[str, float], set[str]]]:
        an = Analyzer(frames=scorer)
        out = []
        for g, (title, text) in zip(gold, docs, strict=True):
            res = an.analyze(text, title=title)["frames"]
            out.append((g, res.scores, set(res.present)))  # type: ignore[attr-defined]
        return out

    default = FrameScorer()
    results = run(default)
    report: dict[str, object] = {
        "dataset": "SemEval-2023 Task 3 subtask 2 English dev",
        "half": args.half or "all",
        "articles": len(records),
        "mean_gold_frames": round(sum(map(len, gold)) / len(gold), 2),
        "scorer": repr(default),
        "framing": evaluate(results, frames),
        "mean_predicted_frames": round(sum(len(p) for _, _, p in results) / len(results), 2),
        "prior_top6": {**f1s(gold, [prior] * len(gold), frames), "frames": sorted(prior)},
    }
    if args.grid:
        grid = []
        for scale, thr, share in itertools.product([2.0, 4.0, 8.0], [0.3, 0.5, 0.7], [0.0, 0.05, 0.1]):
            res = evaluate(run(FrameScorer(scale=scale, threshold=thr, min_share=share)), frames)
            grid.append({"scale": scale, "threshold": thr, "min_share": share, "micro_f1": res["micro_f1"], "macro_f1": res["macro_f1"]})
        report["grid"] = sorted(grid, key=lambda g: -(g["micro_f1"] + g["macro_f1"]))[:10]  # type: ignore[operator]
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
