"""Validate the loaded-language scorer on the shared development data, beside simple baselines.

Definitions follow ../shared/data/README.md ("How figures are computed"):

* PTC (SemEval-2020 Task 11 train): token F1 (micro over ``\\w+`` tokens) of the scorer's
  ``group == "loaded"`` spans against gold spans labelled ``Loaded_Language`` or
  ``Name_Calling,Labeling``.
* BABE SG1 and MBIC: token F1 of the same spans against the whole-word, case-insensitive
  occurrences of ``biased_words``; sentence macro-F1 (Biased / Non-biased, "No agreement" left
  out) of the result's ``flagged`` at the library's default threshold.

Baselines computed in the same run: a plain negative-sentiment word list (below, written for this
script), and "flag every sentence" (and, for spans, "every token").

Run: ``python benchmarks/validate_loaded.py`` (prints JSON). ``--threshold-sweep`` also prints the
sentence macro-F1 over a grid of thresholds (for the record; the library default is fixed).
``sentence_errors`` counts, per set, the biased sentences that are flagged, that have loaded hits
below the threshold and that have none, and the non-biased sentences that are flagged (a
diagnostic of recall against precision). ``--word-errors`` adds ``word_errors`` per set: the
false-positive tokens by category and by where they fall (a sentence with no annotated word,
by its label, or an unannotated word of a sentence with some), and the missed gold tokens by
kind (inside an epistemic cue, which the library counts apart from loaded language by
definition; a function word inside an annotated phrase; any other word). Counts only.
``--sentence-margin`` adds ``sentence_margin`` per set: the sentences with loaded hits, by
outcome (biased or not, flagged or not) and by shape (the number of units, the heaviest hit's
effective weight, and for a single unit its category), to see which kinds of hits decide the
flag near the threshold. Counts only.

``--half even|odd`` evaluates one half of the data, for a study/check discipline (study errors on
one half, check figures on the other): PTC articles by the parity of their index in the file, and
sentences by the parity of their index in the BABE file. BABE and MBIC annotate the same sentences
in different orders, so an MBIC sentence takes the half of the BABE sentence with the same text
(and its own index's parity when no BABE sentence has that text), and each sentence falls in the
same half in both sets.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import WORD, read_jsonl

from framing.document import Document
from framing.matching import Negation
from framing.scorers.base import Context
from framing.scorers.loaded import DEFAULT_THRESHOLD, LoadedResult, LoadedScorer

BABE = "loaded/babe_sg1.jsonl"
MBIC = "loaded/mbic.jsonl"
PTC_LABELS = frozenset({"Loaded_Language", "Name_Calling,Labeling"})

# A plain negative-sentiment list (general-purpose affect words, written for this baseline).
NEGATIVE_WORDS = frozenset(
    [
        "bad", "terrible", "awful", "horrible", "horrific", "dreadful", "evil", "wicked", "cruel", "brutal",
        "vicious", "violent", "angry", "anger", "hate", "hatred", "hateful", "fear", "afraid", "scary",
        "terror", "terrorist", "terrifying", "threat", "threaten", "dangerous", "danger", "disaster",
        "disastrous", "catastrophe", "catastrophic", "crisis", "chaos", "chaotic", "destroy", "destroyed",
        "destruction", "death", "dead", "deadly", "kill", "killed", "killing", "murder", "attack", "attacked",
        "assault", "abuse", "abusive", "corrupt", "corruption", "fraud", "lie", "lies", "liar", "lying",
        "cheat", "stupid", "idiot", "fool", "foolish", "ridiculous", "absurd", "shameful", "shame",
        "disgrace", "disgraceful", "disgusting", "outrage", "outrageous", "scandal", "shocking", "sad",
        "tragic", "tragedy", "pain", "painful", "suffer", "suffering", "victim", "poor", "worse", "worst",
        "fail", "failed", "failure", "wrong", "harm", "harmful", "hurt", "damage", "damaging", "problem",
        "toxic", "racist", "racism", "sexist", "bigot", "extremist", "radical", "crazy", "insane",
        "dishonest", "weak", "pathetic", "miserable", "nasty", "ugly", "hostile", "war", "enemy", "blame",
        "guilty", "crime", "criminal", "illegal",
    ]
)


def token_f1(tp: int, fp: int, fn: int) -> dict[str, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f, 4)}


class TokenCounts:
    """Micro token counts: a token is positive when it overlaps a span."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, text: str, gold: Iterable[tuple[int, int]], pred: Iterable[tuple[int, int]]) -> None:
        gold = sorted(gold)
        pred = sorted(pred)
        for m in WORD.finditer(text):
            s, e = m.span()
            g = any(a < e and s < b for a, b in gold)
            p = any(a < e and s < b for a, b in pred)
            self.tp += g and p
            self.fp += p and not g
            self.fn += g and not p

    def result(self) -> dict[str, float]:
        return token_f1(self.tp, self.fp, self.fn)


def macro_f1(gold: list[bool], pred: list[bool]) -> float:
    out = []
    for cls in (True, False):
        tp = sum(g == cls and p == cls for g, p in zip(gold, pred, strict=True))
        fp = sum(g != cls and p == cls for g, p in zip(gold, pred, strict=True))
        fn = sum(g == cls and p != cls for g, p in zip(gold, pred, strict=True))
        out.append(token_f1(tp, fp, fn)["f1"])
    return round(sum(out) / 2, 4)


def baseline_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(text) if m.group().lower() in NEGATIVE_WORDS]


def every_token(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in WORD.finditer(text)]


# Function words that annotators include inside a marked phrase ("the", "of", "up"): a missed
# one is a boundary effect, not a missing loaded word.
FUNCTION_WORDS = frozenset(
    [
        "a", "an", "the", "of", "and", "or", "but", "to", "in", "on", "at", "by", "for", "with", "from", "as",
        "into", "over", "up", "down", "out", "off", "away", "back", "is", "are", "was", "were", "be", "been",
        "being", "it", "its", "this", "that", "these", "those", "his", "her", "their", "our", "your", "my",
        "no", "not", "than", "then", "so", "too", "very", "more", "most", "much", "many", "few", "little",
        "all", "any", "some", "just", "only", "even",
    ]
)  # fmt: skip


class WordErrors:
    """Where the token errors of the biased-word measure come from (counts only)."""

    def __init__(self) -> None:
        self.false_positive_category: Counter[str] = Counter()
        self.false_positive_place: Counter[str] = Counter()
        self.missed: Counter[str] = Counter()

    def add(self, text: str, gold: list[tuple[int, int]], res: LoadedResult, label: str) -> None:
        loaded = [(s.start, s.end, s.category) for s in res.spans if s.group == "loaded"]
        epistemic = [(s.start, s.end) for s in res.spans if s.group == "epistemic"]
        for m in WORD.finditer(text):
            a, b = m.span()
            g = any(x < b and a < y for x, y in gold)
            hits = [c for x, y, c in loaded if x < b and a < y]
            if hits and not g:
                self.false_positive_category[hits[0]] += 1
                place = "unannotated word of a sentence with annotated words" if gold else f"sentence without annotated words ({label})"
                self.false_positive_place[place] += 1
            elif g and not hits:
                if any(x < b and a < y for x, y in epistemic):
                    self.missed["inside an epistemic cue"] += 1
                elif m.group().lower() in FUNCTION_WORDS:
                    self.missed["function word inside an annotated phrase"] += 1
                else:
                    self.missed["other word"] += 1

    def result(self) -> dict[str, dict[str, int]]:
        return {
            "false_positive_tokens_by_category": dict(self.false_positive_category.most_common()),
            "false_positive_tokens_by_place": dict(self.false_positive_place.most_common()),
            "missed_tokens_by_kind": dict(self.missed.most_common()),
        }


def margin_shape(res: LoadedResult, negated_factor: float) -> str:
    """The shape of a sentence's loaded hits: units, heaviest effective weight, a single unit's category."""
    hits = [s for s in res.spans if s.group == "loaded"]
    heaviest = max(hits, key=lambda s: s.weight * (negated_factor if s.negated else 1.0))
    weight = heaviest.weight * (negated_factor if heaviest.negated else 1.0)
    units = "1 unit" if res.count == 1 else "2 units" if res.count == 2 else "3+ units"
    return f"{units}, heaviest {weight:g}" + (f", {heaviest.category}" if res.count == 1 else "")


def loaded_spans(res: LoadedResult) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in res.spans if s.group == "loaded"]


def run(scorer: LoadedScorer, text: str) -> LoadedResult:
    return scorer.score(Document.from_text(text), Context(negation=Negation.default()))


def in_half(index: int, half: str | None) -> bool:
    """Whether the record at ``index`` belongs to ``half`` (``None``: the whole set)."""
    return half is None or index % 2 == (0 if half == "even" else 1)


def sentence_keys() -> dict[str, int]:
    """The split index of every sentence text: its index in the BABE file."""
    return {rec["text"]: i for i, rec in enumerate(read_jsonl(BABE))}


def eval_ptc(scorer: LoadedScorer, half: str | None) -> dict[str, object]:
    ours, base, every = TokenCounts(), TokenCounts(), TokenCounts()
    n = 0
    for i, rec in enumerate(read_jsonl("loaded/ptc2020_train.jsonl")):
        if not in_half(i, half):
            continue
        text = rec["text"]
        gold = [(s["start"], s["end"]) for s in rec["spans"] if s["label"] in PTC_LABELS]
        ours.add(text, gold, loaded_spans(run(scorer, text)))
        base.add(text, gold, baseline_spans(text))
        every.add(text, gold, every_token(text))
        n += 1
    return {
        "articles": n,
        "framing": ours.result(),
        "baseline_negative_words": base.result(),
        "baseline_every_token": every.result(),
    }


def gold_word_spans(text: str, words: list[str]) -> list[tuple[int, int]]:
    out = []
    for word in words:
        w = word.strip()
        if w:
            out.extend(m.span() for m in re.finditer(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text, flags=re.IGNORECASE))
    return out


def eval_sentences(
    scorer: LoadedScorer,
    path: str,
    sweep: list[float] | None,
    half: str | None,
    keys: dict[str, int],
    *,
    word_errors: bool = False,
    margin: bool = False,
) -> dict[str, object]:
    ours, base, every = TokenCounts(), TokenCounts(), TokenCounts()
    kinds = WordErrors()
    gold: list[bool] = []
    pred: list[bool] = []
    pred_base: list[bool] = []
    scores: list[float] = []
    # diagnostics: where the sentence errors come from (recall-limited when most biased
    # sentences that are not flagged have no loaded hit at all)
    errors = {"biased_flagged": 0, "biased_hits_below_threshold": 0, "biased_no_hit": 0, "non_biased_flagged": 0}
    shapes: dict[str, Counter[str]] = {}
    for i, rec in enumerate(read_jsonl(path)):
        text = rec["text"]
        if not in_half(keys.get(text, i), half):
            continue
        res = run(scorer, text)
        words = gold_word_spans(text, rec.get("biased_words") or [])
        ours.add(text, words, loaded_spans(res))
        kinds.add(text, words, res, rec["label"])
        bs = baseline_spans(text)
        base.add(text, words, bs)
        every.add(text, words, every_token(text))
        if rec["label"] in ("Biased", "Non-biased"):
            gold.append(rec["label"] == "Biased")
            pred.append(res.flagged)
            pred_base.append(bool(bs))
            scores.append(res.score)
            if rec["label"] == "Biased":
                key = "biased_flagged" if res.flagged else "biased_hits_below_threshold" if res.count else "biased_no_hit"
                errors[key] += 1
            elif res.flagged:
                errors["non_biased_flagged"] += 1
            if res.count:
                outcome = ("biased" if rec["label"] == "Biased" else "non_biased") + ("_flagged" if res.flagged else "_not_flagged")
                shapes.setdefault(outcome, Counter())[margin_shape(res, scorer.negated_factor)] += 1
    out: dict[str, object] = {
        "sentences": len(gold),
        "biased_share": round(sum(gold) / len(gold), 4),
        "biased_words": {
            "framing": ours.result(),
            "baseline_negative_words": base.result(),
            "baseline_every_token": every.result(),
        },
        "sentence_macro_f1": {
            "framing": macro_f1(gold, pred),
            "baseline_negative_words_any": macro_f1(gold, pred_base),
            "baseline_flag_every_sentence": macro_f1(gold, [True] * len(gold)),
        },
        "sentence_errors": errors,
    }
    if word_errors:
        out["word_errors"] = kinds.result()
    if margin:
        out["sentence_margin"] = {k: dict(sorted(v.items())) for k, v in sorted(shapes.items())}
    if sweep:
        out["sweep"] = {str(t): macro_f1(gold, [s >= t for s in scores]) for t in sweep}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threshold-sweep", action="store_true")
    parser.add_argument("--word-errors", action="store_true", help="count the biased-word token errors by kind")
    parser.add_argument("--sentence-margin", action="store_true", help="count the sentences with hits by outcome and shape")
    parser.add_argument("--half", choices=["even", "odd"], help="evaluate one half of the data (default: all)")
    args = parser.parse_args()
    keys = sentence_keys()
    scorer = LoadedScorer()
    sweep = [0.5, 0.75, 1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0] if args.threshold_sweep else None
    report = {
        "lexicon": {"name": scorer.lexicon.name, "version": scorer.lexicon.version, "entries": scorer.lexicon.n_entries},
        "threshold": DEFAULT_THRESHOLD,
        "half": args.half or "all",
        "ptc": eval_ptc(scorer, args.half),
        "babe_sg1": eval_sentences(scorer, BABE, sweep, args.half, keys, word_errors=args.word_errors, margin=args.sentence_margin),
        "mbic": eval_sentences(scorer, MBIC, sweep, args.half, keys, word_errors=args.word_errors, margin=args.sentence_margin),
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
