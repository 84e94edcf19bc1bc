"""Core throughput: document building plus matching a >= 5,000-entry lexicon over BBC News.

Reports MB/s and the ratio to ``re.findall(r"\\w+", text)`` over the same corpus in the same run
(the floor). Target (issue: core): ratio >= 0.5. Run: ``python benchmarks/core_throughput.py``.
"""

from __future__ import annotations

import argparse
import json

from _common import floor_seconds, read_jsonl, timed

from framing import Category, Document, DocumentOptions, Lexicon, Matcher, Negation, load_lexicon
from framing._resources import bundled_lexicon_names

#: Categories that are closed lists of function words read by rules, not vocabularies to count:
#: the sentence splitter's abbreviations and the negation scope's transparent words (articles,
#: quantifiers, forms of *be*), which would match a third of all tokens.
_RULE_LISTS = ("negation.scope_transparent",)


def big_lexicon(minimum: int = 5000) -> Lexicon:
    """All bundled categories but the rule lists (abbreviations, scope-transparent words), merged into one lexicon."""
    cats: list[Category] = []
    for name in bundled_lexicon_names():
        if name == "abbreviations":
            continue
        cats.extend(
            Category(f"{name}.{c.id}", c.definition, c.entries, c.label, c.group, c.exceptions)
            for c in load_lexicon(name).categories
            if f"{name}.{c.id}" not in _RULE_LISTS
        )
    lex = Lexicon("bench-all", "1", "CC-BY-4.0", "benchmark", "all bundled categories", tuple(cats))
    if lex.n_entries < minimum:
        raise SystemExit(f"only {lex.n_entries} entries bundled; the benchmark needs {minimum}")
    return lex


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    texts = [r["text"] for r in read_jsonl("bench/bbc_news.jsonl")]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    lex = big_lexicon()
    matcher = Matcher(lex)
    negation = Negation.default()
    options = DocumentOptions.default()

    def documents() -> None:
        for t in texts:
            Document.from_text(t, options).words  # noqa: B018 - tokens are part of building

    def full() -> None:
        for t in texts:
            matcher.find(Document.from_text(t, options), negation=negation)

    full()  # warm the per-word-type caches as a long run would
    floor = floor_seconds(texts, args.repeat)
    doc_s = timed(documents, args.repeat)
    full_s = timed(full, args.repeat)
    n_matches = sum(len(matcher.find(Document.from_text(t, options), negation=negation)) for t in texts)
    out = {
        "corpus_mb": round(mb, 3),
        "documents": len(texts),
        "lexicon_entries": lex.n_entries,
        "matches": n_matches,
        "floor_mb_s": round(mb / floor, 2),
        "document_mb_s": round(mb / doc_s, 2),
        "document_plus_matching_mb_s": round(mb / full_s, 2),
        "ratio_to_floor": round(floor / full_s, 3),
    }
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
