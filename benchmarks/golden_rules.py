"""Sentence boundaries on the English "golden rules" (../shared/data/sentences/golden_rules_en.jsonl).

Prints how many of the 48 cases the splitter gets exactly right, and each miss.
Run: ``python benchmarks/golden_rules.py``.
"""

from __future__ import annotations

import json

from _common import read_jsonl

from framing import Document


def main() -> None:
    passed = 0
    misses = []
    cases = list(read_jsonl("sentences/golden_rules_en.jsonl"))
    for case in cases:
        doc = Document.from_text(case["text"])
        got = [doc.text[s:e] for s, e in doc.sentences]
        if got == case["expected"]:
            passed += 1
        else:
            misses.append({"id": case["id"], "rule": case["rule_name"], "got": got, "expected": case["expected"]})
    print(json.dumps({"passed": passed, "total": len(cases), "misses": misses}, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
