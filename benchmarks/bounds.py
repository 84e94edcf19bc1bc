"""Upper bounds of context-free word-list methods on the development benchmarks (issues #4 and #5).

The question: can ANY list of words (or short phrases) that flags every occurrence of its entries,
whatever the context, reach the targets of issue #4 (PTC loaded-language token F1 >= 0.35, BABE
and MBIC biased-word token F1 >= 0.45) and issue #5 (PolNeAR cue token F1 >= 0.85) on these data?
The bounds below are computed from the gold annotation itself, so the in-sample ones are ceilings for a word
list, not estimates of what a hand-written lexicon will score.

Definitions are those of ``../shared/data/README.md`` and are imported, not rewritten: tokens are
``\\w+`` matches (``_common.WORD``); a token is gold-positive when it overlaps a gold span
(``validate_attribution.covered``); PTC keeps ``Loaded_Language`` and ``Name_Calling,Labeling``
(``validate_loaded.PTC_LABELS``); BABE SG1 and MBIC gold spans are the whole-word, case-insensitive
occurrences of ``biased_words`` (``validate_loaded.gold_word_spans``), over every sentence of the
file, as in ``validate_loaded.py``; PolNeAR gold cue tokens overlap a cue fragment of any
attribution, one record per ``article`` (``validate_attribution.dedupe``); precision, recall and
F1 are micro over tokens (``validate_loaded.token_f1``). A word type is a lowercased token; a
1-3-gram is a run of one to three consecutive tokens, lowercased.

Halves are those of ``validate_loaded.py --half`` (``in_half``, ``sentence_keys``): PTC articles by
the parity of their index in the file, BABE and MBIC sentences by the parity of their BABE index
(so a sentence is in the same half in both sets). PolNeAR articles by the parity of their index
after deduplication (``validate_attribution.py`` has no halves).

The bounds, each computed on the set it is reported for ("in-sample") unless said otherwise:

1. **Oracle lexicon.** Words: flag every occurrence of every word type that is gold-positive at
   least once. Recall is 1 by construction; precision shows how often those very words occur
   unannotated. Phrases: flag every occurrence of every annotated phrase, i.e. every maximal run
   of gold tokens of one to three tokens and every three-token window of a longer run. (Listing
   every 1-3-gram whose tokens are all gold would flag exactly the tokens of the word row, since
   each word of such an n-gram is itself a listed word; annotated phrases are the informative
   reading.)
2. **Best context-free selection.** ``best_words``: the subset of word types maximising token F1
   when every occurrence of a chosen type is flagged. Exact (see ``best_list``): no single-word
   list that ignores context scores higher on the set. It wins partly by memorising words
   annotated once (a hapax annotated word has precision 1 in-sample), so ``best_words_repeated``
   is the same optimum over the types annotated at least twice in the set, a less inflated
   reference (not a strict bound: a hand-written list may know a word the set annotates once).
   ``best_ngrams``: the same greedy scan over every 1-3-gram lying wholly inside gold tokens at
   least once, with the real (overlapping) token counts; a heuristic, so its F1 is a lower bound
   of the best phrase list's in-sample F1. Three-token windows nearly identify single
   occurrences, so this row mostly measures memorisation; bound 3 is the one to read for phrases.
3. **Transfer.** The selections of bound 2 fitted on one half and scored on the other (even ->
   odd and odd -> even; for PolNeAR also train -> dev and dev -> train): what a list learned from
   annotated text of this kind scores on new text of the same kind. It is not a ceiling for a
   hand-written lexicon, which brings knowledge from outside these data (and, in the library,
   context rules): it says how far the annotations themselves carry to new text.
4. **Context ceiling.** The share of gold-positive tokens whose word type is, in the other
   occurrences in the same set, gold-negative more often than gold-positive (leave-one-out
   majority: negatives > positives - 1). A context-free list gets such a token only by also
   flagging a majority of wrong occurrences. ``unseen`` is the share whose type is gold-positive
   nowhere else in the set (no list learned from the rest of the set has it), and
   ``outside_best`` the share the best word selection of bound 2 leaves out.

Why they are optimistic: bounds 1, 2 and 4 choose the list with the answers of the very tokens
they score, so in-sample fitting overstates what any list written beforehand can reach. No
single-word list that ignores context can pass ``best_words`` on the set it is reported for; a
method that passes it uses context (the library's scorers do: negation, compound checks, verb
groups). Bound 3 is a reference, not a bound (see above).

PolNeAR, in addition: which gold cue tokens are reporting words at all, by our own lexicons. A
token is ``in_cue_match`` when a match of ``attribution-cues`` (every category except
``anonymous``, which marks sources, not cues) covers it in the text, and ``reporting_word`` when it
is in such a match or its lemma (``AttributionScorer.lemma``) is a form or lemma listed in
``cue-lemmas``. The lemma route is generous (``cue-lemmas`` lists common verbs such as *take* or
*back*), so ``not_reporting_word`` is a low estimate of the share no reporting-verb list can
reach. ``no_reporting_word_attribution`` is the share of gold cue tokens none of whose
attributions has a reporting word in its cue; ``beside_reporting_word`` the share that are no
reporting word but sit in a cue that has one (auxiliaries, negation, adverbs, particles of the
verb group, which only a rule around the reporting word can take). ``our_cue_lexicon`` scores
flagging every ``attribution-cues`` match (no context) as the cue.

Run: ``python benchmarks/bounds.py [--json]``. Prints figures only, never a word of the data.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import WORD, read_jsonl
from validate_attribution import covered, dedupe
from validate_loaded import BABE, MBIC, PTC_LABELS, gold_word_spans, in_half, sentence_keys, token_f1

from framing.document import Document
from framing.lexicon import Lexicon, load_lexicon
from framing.matching import Matcher
from framing.scorers.attribution import AttributionScorer

# Targets of issues #4 and #5 (token F1).
TARGETS = {"ptc": 0.35, "babe_sg1": 0.45, "mbic": 0.45, "polnear_train": 0.85, "polnear_dev": 0.85}
MAX_N = 3

# One document: its lowercased tokens and whether each is gold-positive.
Doc = tuple[list[str], list[bool]]


def tokenise(text: str, spans: Iterable[tuple[int, int]]) -> tuple[list[tuple[int, int]], Doc]:
    """The ``\\w+`` token offsets of ``text`` and the document (words, gold flags) for ``spans``."""
    tokens = [m.span() for m in WORD.finditer(text)]
    gold = covered(tokens, [s for s, _ in tokens], spans)
    return tokens, ([text[s:e].lower() for s, e in tokens], [k in gold for k in range(len(tokens))])


def gold_total(docs: Sequence[Doc]) -> int:
    """The number of gold-positive tokens."""
    return sum(sum(g) for _, g in docs)


def runs(gold: Sequence[bool]) -> list[tuple[int, int]]:
    """Maximal runs ``(start, end)`` of gold-positive tokens."""
    out = []
    start = None
    for k, g in enumerate([*gold, False]):
        if g and start is None:
            start = k
        elif not g and start is not None:
            out.append((start, k))
            start = None
    return out


def annotated_phrases(docs: Sequence[Doc], max_n: int = MAX_N) -> set[str]:
    """Every gold run of up to ``max_n`` tokens and every ``max_n``-token window of a longer run."""
    out: set[str] = set()
    for words, gold in docs:
        for a, b in runs(gold):
            width = min(b - a, max_n)
            out.update(" ".join(words[i : i + width]) for i in range(a, b - width + 1))
    return out


def positive_ngrams(docs: Sequence[Doc], max_n: int) -> Counter[str]:
    """How often each 1..``max_n``-gram lies wholly inside gold-positive tokens."""
    out: Counter[str] = Counter()
    for words, gold in docs:
        for a, b in runs(gold):
            for n in range(1, max_n + 1):
                out.update(" ".join(words[i : i + n]) for i in range(a, b - n + 1))
    return out


def occurrences(docs: Sequence[Doc], types: set[str], max_n: int) -> dict[str, list[tuple[int, int, int]]]:
    """``(document, start, n)`` of every occurrence of each n-gram of ``types``."""
    out: dict[str, list[tuple[int, int, int]]] = {}
    for d, (words, _) in enumerate(docs):
        for n in range(1, max_n + 1):
            for i in range(len(words) - n + 1):
                key = words[i] if n == 1 else " ".join(words[i : i + n])
                if key in types:
                    out.setdefault(key, []).append((d, i, n))
    return out


def score_list(docs: Sequence[Doc], chosen: set[str], max_n: int = MAX_N) -> dict[str, float]:
    """Token P/R/F1 of flagging every occurrence of every n-gram of ``chosen``."""
    flags = [bytearray(len(words)) for words, _ in docs]
    for where in occurrences(docs, chosen, max_n).values():
        for d, i, n in where:
            flags[d][i : i + n] = b"\x01" * n
    tp = fp = 0
    for (_, gold), flagged in zip(docs, flags, strict=True):
        hits = sum(g for g, f in zip(gold, flagged, strict=True) if f)
        tp += hits
        fp += sum(flagged) - hits
    return token_f1(tp, fp, gold_total(docs) - tp)


def best_list(docs: Sequence[Doc], max_n: int = 1, min_positive: int = 1) -> set[str]:
    """The n-gram list with the highest in-sample token F1 found by a greedy precision-ordered scan.

    Candidates are the n-grams lying wholly inside gold tokens at least ``min_positive`` times
    (any other n-gram only adds false positives; ``min_positive=2`` keeps out the lists that win
    by memorising one-off annotations). They are sorted by the share of gold tokens among the tokens of
    their occurrences, and the prefix with the highest F1 is returned (an empty list when none
    helps).

    For words (``max_n == 1``) the occurrences of different types are disjoint, so counts add up
    and the scan is exact: F1 = 2 TP / (TP + FP + G) with G fixed, so at the optimum F* a type
    belongs to the list exactly when its precision exceeds F*/2 (adding it raises F1, dropping it
    would too otherwise); the optimal list is therefore a prefix of the types sorted by precision,
    and the best prefix is an optimum over all subsets of types (ties at exactly F*/2 change
    nothing). The same argument shows that adding types in this order "while F1 rises" stops at
    that prefix: once a type's precision is at most F/2, F1 never rises again. For 1-3-grams
    occurrences overlap, counts do not add up, and the scan is only a heuristic.
    """
    cands = {t for t, c in positive_ngrams(docs, max_n).items() if c >= min_positive}
    occ = occurrences(docs, cands, max_n)
    rate: dict[str, tuple[float, int]] = {}
    for t, where in occ.items():
        pos = sum(sum(docs[d][1][i : i + n]) for d, i, n in where)
        rate[t] = (pos / sum(n for _, _, n in where), pos)
    order = sorted(occ, key=lambda t: (-rate[t][0], -rate[t][1], t))
    flagged = [bytearray(len(w)) for w, _ in docs]
    total = gold_total(docs)
    tp = fp = 0
    best_f, best_k = 0.0, 0
    for k, t in enumerate(order):
        for d, i, n in occ[t]:
            row, gold = flagged[d], docs[d][1]
            for j in range(i, i + n):
                if not row[j]:
                    row[j] = 1
                    tp += gold[j]
                    fp += not gold[j]
        f = 2 * tp / (tp + fp + total) if total else 0.0
        if f > best_f:
            best_f, best_k = f, k + 1
    return set(order[:best_k])


def ceiling(docs: Sequence[Doc], best_words: set[str]) -> dict[str, float]:
    """Shares of gold tokens out of reach of a context-free word list (bound 4)."""
    pos: Counter[str] = Counter()
    neg: Counter[str] = Counter()
    for words, gold in docs:
        for w, g in zip(words, gold, strict=True):
            (pos if g else neg)[w] += 1
    total = sum(pos.values())
    if not total:
        return {"majority_negative": 0.0, "unseen": 0.0, "outside_best": 0.0}
    majority = sum(p for w, p in pos.items() if neg[w] > p - 1)
    unseen = sum(p for p in pos.values() if p == 1)
    outside = sum(p for w, p in pos.items() if w not in best_words)
    return {
        "majority_negative": round(majority / total, 4),
        "unseen": round(unseen / total, 4),
        "outside_best": round(outside / total, 4),
    }


# The fitted selections of bound 2: name, longest n-gram, least gold occurrences of an entry.
SELECTIONS = (("best_words", 1, 1), ("best_words_repeated", 1, 2), ("best_ngrams", MAX_N, 1))
Lists = dict[str, set[str]]


def fit(docs: Sequence[Doc]) -> Lists:
    """The selections of bound 2 fitted on ``docs`` (they hold words of the data: never printed)."""
    return {name: best_list(docs, n, k) for name, n, k in SELECTIONS}


def score_lists(lists: Lists, docs: Sequence[Doc]) -> dict[str, dict[str, float]]:
    """Bound 2 (on the set the lists were fitted on) or bound 3 (on another set)."""
    return {name: score_list(docs, lists[name], n) for name, n, _ in SELECTIONS}


def bounds(docs: Sequence[Doc], lists: Lists) -> dict[str, Any]:
    """Bounds 1, 2 and 4 of one set."""
    oracle_words = {w for ws, gs in docs for w, g in zip(ws, gs, strict=True) if g}
    return {
        "documents": len(docs),
        "tokens": sum(len(w) for w, _ in docs),
        "gold_tokens": gold_total(docs),
        "oracle_words": score_list(docs, oracle_words, 1),
        "oracle_phrases": score_list(docs, annotated_phrases(docs)),
        **score_lists(lists, docs),
        "context_ceiling": ceiling(docs, lists["best_words"]),
    }


def halves(docs: Sequence[Doc], index: Sequence[int]) -> tuple[list[Doc], list[Doc]]:
    """The even and odd halves, by the split index of each document (``in_half``)."""
    even = [d for d, i in zip(docs, index, strict=True) if in_half(i, "even")]
    odd = [d for d, i in zip(docs, index, strict=True) if in_half(i, "odd")]
    return even, odd


def study(docs: Sequence[Doc], index: Sequence[int]) -> tuple[dict[str, Any], Lists]:
    """All bounds of one data set (whole, halves, transfer between halves) and the lists fitted on the whole."""
    even, odd = halves(docs, index)
    lists = {"all": fit(docs), "even": fit(even), "odd": fit(odd)}
    out: dict[str, Any] = {part: bounds(d, lists[part]) for part, d in (("all", docs), ("even", even), ("odd", odd))}
    out["even->odd"] = score_lists(lists["even"], odd)
    out["odd->even"] = score_lists(lists["odd"], even)
    return out, lists["all"]


def ptc_docs() -> tuple[list[Doc], list[int]]:
    """PTC articles (loaded language and name calling) and their split indices."""
    docs = []
    for rec in read_jsonl("loaded/ptc2020_train.jsonl"):
        spans = [(s["start"], s["end"]) for s in rec["spans"] if s["label"] in PTC_LABELS]
        docs.append(tokenise(rec["text"], spans)[1])
    return docs, list(range(len(docs)))


def sentence_docs(path: str, keys: dict[str, int]) -> tuple[list[Doc], list[int]]:
    """BABE or MBIC sentences (biased words) and their split indices (the BABE index of the text)."""
    docs, index = [], []
    for i, rec in enumerate(read_jsonl(path)):
        text = rec["text"]
        docs.append(tokenise(text, gold_word_spans(text, rec.get("biased_words") or []))[1])
        index.append(keys.get(text, i))
    return docs, index


@dataclasses.dataclass
class CueSplit:
    """Counts of the PolNeAR reporting-word split (gold cue tokens)."""

    gold: int = 0
    in_cue_match: int = 0
    reporting_word: int = 0
    no_reporting_word_attribution: int = 0
    beside_reporting_word: int = 0
    match_tp: int = 0
    match_flagged: int = 0

    def result(self) -> dict[str, Any]:
        """Shares of the gold cue tokens, and the scores of flagging every cue-lexicon match."""
        g = self.gold or 1
        return {
            "gold_cue_tokens": self.gold,
            "in_cue_match": round(self.in_cue_match / g, 4),
            "reporting_word": round(self.reporting_word / g, 4),
            "not_reporting_word": round(1 - self.reporting_word / g, 4),
            "no_reporting_word_attribution": round(self.no_reporting_word_attribution / g, 4),
            "beside_reporting_word": round(self.beside_reporting_word / g, 4),
            "our_cue_lexicon": token_f1(self.match_tp, self.match_flagged - self.match_tp, self.gold - self.match_tp),
        }


class ReportingWords:
    """Which tokens of a text are reporting words by our cue lexicons (see the module docstring)."""

    def __init__(self) -> None:
        cues = load_lexicon("attribution-cues")
        kept = tuple(c for c in cues.categories if c.id != "anonymous")
        self.matcher = Matcher(dataclasses.replace(cues, categories=kept))
        lemmas: Lexicon = load_lexicon("cue-lemmas")
        self.forms = {e.key for c in lemmas.categories for e in c.entries} | {c.label for c in lemmas.categories if c.id != "base_forms"}
        self.scorer = AttributionScorer()

    def in_match(self, text: str, tokens: list[tuple[int, int]]) -> set[int]:
        """Indices of the tokens covered by a cue-lexicon match."""
        spans = [(m.start, m.end) for m in self.matcher.find(Document.from_text(text))]
        return covered(tokens, [s for s, _ in tokens], spans)

    def by_lemma(self, word: str) -> bool:
        """Whether ``word`` or its lemma is a form or a lemma of ``cue-lemmas``."""
        return word in self.forms or self.scorer.lemma([word]) in self.forms


def polnear(split: str, rw: ReportingWords) -> tuple[list[Doc], CueSplit]:
    """PolNeAR articles of ``split`` (gold cue tokens), one per article, and their reporting-word split."""
    docs = []
    split_counts = CueSplit()
    for rec in dedupe(read_jsonl(f"attribution/polnear_{split}.jsonl")):
        text = rec["text"]
        cues = [[(s, e) for s, e in att["cue"]] for att in rec["attributions"]]
        tokens, doc = tokenise(text, [f for cue in cues for f in cue])
        docs.append(doc)
        starts = [s for s, _ in tokens]
        matched = rw.in_match(text, tokens)
        reporting = matched | {k for k, w in enumerate(doc[0]) if doc[1][k] and rw.by_lemma(w)}
        with_reporting: set[int] = set()
        for cue in cues:
            toks = covered(tokens, starts, cue)
            if toks & reporting:
                with_reporting |= toks
        gold = {k for k, g in enumerate(doc[1]) if g}
        split_counts.gold += len(gold)
        split_counts.in_cue_match += len(gold & matched)
        split_counts.reporting_word += len(gold & reporting)
        split_counts.no_reporting_word_attribution += len(gold - with_reporting)
        split_counts.beside_reporting_word += len((gold & with_reporting) - reporting)
        split_counts.match_tp += len(gold & matched)
        split_counts.match_flagged += len(matched)
    return docs, split_counts


def table(report: dict[str, dict[str, Any]]) -> str:
    """The report as a fixed-width text table (figures only)."""
    lines = []
    head = f"{'set':<14}{'part':<11}{'bound':<22}{'P':>8}{'R':>8}{'F1':>8}"
    for name, res in report.items():
        lines += ["", f"{name}  (target F1 {TARGETS[name]})", head]
        for part, rows in res.items():
            if not isinstance(rows, dict) or part == "cue_split":
                continue
            for bound in ("oracle_words", "oracle_phrases", "best_words", "best_words_repeated", "best_ngrams"):
                if bound in rows:
                    r = rows[bound]
                    lines.append(f"{name:<14}{part:<11}{bound:<22}{r['precision']:>8.4f}{r['recall']:>8.4f}{r['f1']:>8.4f}")
        for part, rows in res.items():
            if isinstance(rows, dict) and "context_ceiling" in rows:
                c = rows["context_ceiling"]
                lines.append(
                    f"{name:<14}{part:<11}ceiling: gold tokens {rows['gold_tokens']}, majority-negative type {c['majority_negative']:.4f},"
                    f" unseen type {c['unseen']:.4f}, outside best words {c['outside_best']:.4f}"
                )
        if "cue_split" in res:
            s = res["cue_split"]
            m = s["our_cue_lexicon"]
            lines += [
                (
                    f"{name:<14}cue split: gold cue tokens {s['gold_cue_tokens']}, in a cue-lexicon match {s['in_cue_match']:.4f},"
                    f" reporting word (match or cue lemma) {s['reporting_word']:.4f}, not a reporting word {s['not_reporting_word']:.4f},"
                    f" in attributions without a reporting word {s['no_reporting_word_attribution']:.4f},"
                    f" beside a reporting word in its cue {s['beside_reporting_word']:.4f}"
                ),
                f"{name:<14}{'all':<11}{'our_cue_lexicon':<22}{m['precision']:>8.4f}{m['recall']:>8.4f}{m['f1']:>8.4f}",
            ]
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--json", action="store_true", help="print JSON instead of a table")
    args = ap.parse_args()
    keys = sentence_keys()
    report: dict[str, dict[str, Any]] = {"ptc": study(*ptc_docs())[0]}
    report["babe_sg1"] = study(*sentence_docs(BABE, keys))[0]
    report["mbic"] = study(*sentence_docs(MBIC, keys))[0]
    rw = ReportingWords()
    fitted: dict[str, tuple[list[Doc], Lists]] = {}
    for split in ("train", "dev"):
        docs, split_counts = polnear(split, rw)
        out, lists = study(docs, list(range(len(docs))))
        fitted[split] = (docs, lists)
        report[f"polnear_{split}"] = {**out, "cue_split": split_counts.result()}
    report["polnear_dev"]["train->dev"] = score_lists(fitted["train"][1], fitted["dev"][0])
    report["polnear_train"]["dev->train"] = score_lists(fitted["dev"][1], fitted["train"][0])
    print(json.dumps(report, indent=2) if args.json else table(report).lstrip())


if __name__ == "__main__":
    main()
