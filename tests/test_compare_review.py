"""Comparison fixes after a research user's review: repeats, empty texts, the tested family,
noise references of Cramér's V and the Jensen–Shannon distances, provenance, dates, methods text.

Every input is invented here.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import random
from collections import Counter
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.analysis import Analyzer, framing_version
from framing.compare import CompareSettings, compare, compare_features
from framing.compare.cli import add_compare_parser, run_compare
from framing.compare.features import Feature, FeatureTable, _date_key, collect, text_digest
from framing.compare.stats import frame_distribution, kruskal_p_method
from framing.errors import InputError

FAST: dict[str, Any] = {"n_boot": 50, "n_permutations": 49}

SUBJECTS = ["The council", "The ministry", "A union leader", "The mayor", "Local traders", "The regulator", "Two lawmakers", "The governor"]
VERBS = ["criticised", "defended", "delayed", "announced", "questioned", "welcomed"]
OBJECTS = ["the budget plan", "the new tax", "a border patrol", "the court ruling", "the strike", "the housing scheme", "job cuts"]
TAILS = ["on Monday.", "after a long debate.", "in a brief statement.", "despite protests.", "amid a bitter row."]


def _texts(n: int, seed: int = 0) -> list[str]:
    """``n`` distinct invented news sentences (two each)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible invented text
    out: list[str] = []
    while len(out) < n:
        t = " ".join(f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}" for _ in range(2))
        if t not in out:
            out.append(t)
    return out


def _corpus(n: int = 12, outlets: tuple[str, ...] = ("A", "B", "C"), seed: int = 0) -> list[dict[str, Any]]:
    return [{"id": f"d{i}", "outlet": outlets[i % len(outlets)], "text": t} for i, t in enumerate(_texts(n, seed))]


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _same_statistics(a: dict[str, Any], b: dict[str, Any]) -> None:
    """Two report dicts agree on everything but the bookkeeping of left-out records."""
    skip = {"n_skipped", "n_duplicates", "n_empty", "notes"}
    assert {k: v for k, v in a.items() if k not in skip} == {k: v for k, v in b.items() if k not in skip}


def _cli(argv: list[str]) -> int:
    p = argparse.ArgumentParser(prog="framing")
    sub = p.add_subparsers(dest="command", required=True)
    add_compare_parser(sub)
    return run_compare(p.parse_args(["compare", *argv]))


# ------------------------------------------------------------------------------------------
# 1. Repeated records
# ------------------------------------------------------------------------------------------


def test_a_corpus_repeated_three_times_gives_the_report_of_the_corpus(analyzer: Analyzer) -> None:
    recs = _corpus(12)
    once = compare(recs, analyzer=analyzer, **FAST)
    thrice = compare(recs * 3, analyzer=analyzer, **FAST)
    _same_statistics(once.to_dict(), thrice.to_dict())
    assert (thrice.n_documents, thrice.n_duplicates, thrice.n_skipped) == (12, 24, 24)
    note = next(n for n in thrice.notes if "repeats of an earlier record" in n)
    assert note.startswith("24 records skipped")
    assert "id 'd0' in 'A' repeats record 1 (same id and text)" in note
    assert "and 14 more" in note  # ten named, the rest counted
    assert thrice.to_dict()["n_duplicates"] == 24
    assert "repeats of an earlier record" in thrice.to_markdown()
    kept = compare(recs * 3, analyzer=analyzer, duplicates="keep", **FAST)
    assert (kept.n_documents, kept.n_duplicates) == (36, 0)


def test_repeats_are_found_within_an_outlet_and_shared_texts_count_for_every_outlet(analyzer: Analyzer) -> None:
    a, b, c, d = _texts(4, seed=5)
    recs = [
        {"id": "x1", "outlet": "A", "text": a},
        {"id": "x2", "outlet": "B", "text": "  " + a.replace(" ", "\n  ") + "\n"},  # wire copy: same text in another outlet
        {"id": "x1", "outlet": "B", "text": b},  # B numbers its own articles: no clash with A's x1
        {"id": "x3", "outlet": "B", "text": c},
        {"outlet": "B", "text": c},  # no id, same text as x3 in the same outlet: a repeat
        {"id": "x3", "outlet": "B", "text": c + " "},  # same id and text: a repeat
        {"id": "x1", "outlet": "A", "text": d},  # A used x1 for another text: inconsistent, left out
    ]
    data = collect(recs, analyzer=analyzer, on_missing="skip")
    assert data.outlets == ("A", "B", "B", "B")
    assert (data.n_duplicates, data.n_skipped, data.n_shared_texts) == (2, 1, 1)
    assert data.duplicates == ("record 5 in 'B' repeats the text of record 4", "id 'x3' in 'B' repeats record 4 (same id and text)")
    assert data.conflicts == ("id 'x1' in 'A' was used by record 1 with another text",)
    with pytest.raises(InputError, match=r"^<input>:7: id 'x1' in 'A' was used by record 1 with another text"):
        collect(recs, analyzer=analyzer)  # on_missing="raise": inconsistent data stop the run
    with pytest.raises(InputError, match=r"^<input>:5: record 5 in 'B' repeats the text of record 4.*duplicates='keep'"):
        collect(recs, analyzer=analyzer, duplicates="error")
    assert len(collect(recs, analyzer=analyzer, duplicates="keep").outlets) == 7
    with pytest.raises(ValueError, match="duplicates must be"):
        collect(recs, analyzer=analyzer, duplicates="drop")  # type: ignore[arg-type]
    report = compare(recs, analyzer=analyzer, on_missing="skip", **FAST)
    assert any("1 texts appear in more than one outlet" in n for n in report.notes)
    assert any("was used by record 1 with another text" in n for n in report.notes)


def test_outlets_numbering_their_own_articles_keep_every_record(analyzer: Analyzer) -> None:
    texts = _texts(6, seed=9)
    recs = [{"id": str(i % 3 + 1), "outlet": "AB"[i // 3], "text": t} for i, t in enumerate(texts)]
    data = collect(recs, analyzer=analyzer)
    assert data.outlets == ("A", "A", "A", "B", "B", "B")
    assert (data.n_duplicates, data.n_skipped) == (0, 0)


@settings(max_examples=10, deadline=None)
@given(order=st.randoms(use_true_random=False))
def test_wire_copy_in_several_outlets_does_not_make_the_report_depend_on_order(order: random.Random) -> None:
    recs = _corpus(6, outlets=("A", "B"), seed=4)
    wire = _texts(1, seed=99)[0]
    recs += [{"id": "w-a", "outlet": "A", "text": wire}, {"id": "w-b", "outlet": "B", "text": wire}]
    base = compare(recs, analyzer=_ANALYZER, **FAST).to_dict()
    shuffled = list(recs)
    order.shuffle(shuffled)
    report = compare(shuffled, analyzer=_ANALYZER, **FAST)
    assert report.n_duplicates == 0
    assert [o["n_documents"] for o in report.to_dict()["outlets"]] == [o["n_documents"] for o in base["outlets"]] == [4, 4]
    _same_statistics(base, report.to_dict())


def test_text_digest_ignores_white_space_and_unicode_composition_only() -> None:
    assert text_digest("Caf\u00e9 owners  protested.") == text_digest("Cafe\u0301 owners protested.\n")
    assert text_digest("Cafe owners protested.") != text_digest("Café owners protested.")
    assert text_digest("Rates rose.") != text_digest("rates rose.")


@settings(max_examples=12, deadline=None)
@given(
    copies=st.lists(st.integers(min_value=0, max_value=7), max_size=10),
    order=st.randoms(use_true_random=False),
)
def test_repeats_and_order_do_not_change_the_report(copies: list[int], order: random.Random) -> None:
    recs = _corpus(8, seed=3)
    base = compare(recs, analyzer=_ANALYZER, **FAST).to_dict()
    shuffled = recs + [recs[i] for i in copies]
    order.shuffle(shuffled)
    report = compare(shuffled, analyzer=_ANALYZER, **FAST)
    assert report.n_duplicates == len(copies)
    _same_statistics(base, report.to_dict())


_ANALYZER = Analyzer()


def test_cli_names_repeats_on_stderr_and_offers_to_keep_them(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    recs = _corpus(6)
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in recs + recs[:2]) + "\n", encoding="utf-8")
    opts = ["--format", "json", "--n-boot", "20", "--permutations", "0", "--no-readability", "-q"]
    assert _cli([str(corpus), *opts]) == 0  # repeats are left out by design, not failures
    captured = capsys.readouterr()
    report = json.loads(captured.out)
    assert (report["n_documents"], report["n_duplicates"], report["n_skipped"]) == (6, 2, 2)
    assert "framing: skipped: id 'd0' in 'A' repeats record 1 (same id and text)" in captured.err
    assert _cli([str(corpus), "--duplicates", "keep", *opts]) == 0
    assert json.loads(capsys.readouterr().out)["n_documents"] == 8
    assert _cli([str(corpus), "--duplicates", "error", *opts]) == 2
    assert "repeats record 1 (same id and text)" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------
# 2. Empty texts
# ------------------------------------------------------------------------------------------


def test_empty_and_blank_texts_are_skipped_not_counted_as_zeros(analyzer: Analyzer) -> None:
    recs = _corpus(9)
    with_empty = [*recs, {"id": "e1", "outlet": "A", "text": ""}, {"id": "e2", "outlet": "B", "text": " \n\t "}]
    report = compare(with_empty, analyzer=analyzer, **FAST)
    plain = compare(recs, analyzer=analyzer, **FAST)
    assert (report.n_documents, report.n_empty, report.n_skipped) == (9, 2, 2)
    assert report.estimate("loaded.score", "A").n == plain.estimate("loaded.score", "A").n
    _same_statistics(plain.to_dict(), report.to_dict())
    assert "2 records skipped: empty or white-space-only text" in report.notes
    with pytest.raises(InputError, match=r"no documents to compare \(records left out: 1 with an empty text\)"):
        compare([{"outlet": "A", "text": "   "}], analyzer=analyzer, **FAST)


# ------------------------------------------------------------------------------------------
# 3. The tested family
# ------------------------------------------------------------------------------------------


def _table(extra: bool, n: int = 10) -> FeatureTable:
    """Two outlets that differ in ``loaded.score``; with ``extra``, twenty more features that do not differ."""
    rng = np.random.default_rng(4)
    rng_extra = np.random.default_rng(5)  # the extra features do not change the draws of the others
    t = FeatureTable()
    for i in range(2 * n):
        outlet = "A" if i < n else "B"
        shift = 2.0 if outlet == "A" else 0.0
        values: dict[Feature, float | None] = {
            Feature("loaded", "score"): float(rng.normal(shift, 1.0)),
            Feature("readability", "gunning_fog"): float(rng.normal(10.0, 1.0)),
            Feature("loaded", "flagged"): float(i % 2),
        }
        if extra:
            for k in range(20):
                values[Feature("dictionary:mine", "rate", f"c{k}")] = float(rng_extra.normal(0.0, 1.0))
        t.add(outlet, None, values, ["tax", "war"])
    return t


def test_a_fixed_family_is_not_changed_by_features_added_outside_it() -> None:
    family = CompareSettings(n_boot=20, test_features=("loaded.*", "readability.gunning_fog"))
    small = compare_features(_table(extra=False).freeze(), family)
    large = compare_features(_table(extra=True).freeze(), family)
    assert small.tested_features == large.tested_features == ("loaded.score", "readability.gunning_fog")
    assert [t.to_dict() for t in small.omnibus] == [t.to_dict() for t in large.omnibus]
    assert [t.to_dict() for t in small.pairwise] == [t.to_dict() for t in large.pairwise]
    # the untested features are still estimated
    assert large.estimate("dictionary:mine.rate.c0", "A").mean is not None
    assert large.to_dict()["test_family"] == {
        "features": ["loaded.score", "readability.gunning_fog"],
        "n_features": 2,
        "selected_by": ["loaded.*", "readability.gunning_fog"],
        "omnibus": 2,
        "pairwise": 2,
        "paired": 0,
    }
    # without a family every score feature is tested, so the added ones change the correction
    everything = compare_features(_table(extra=True).freeze(), CompareSettings(n_boot=20))
    assert everything.to_dict()["test_family"]["n_features"] == 22
    assert large.test("loaded.score").significant
    assert not everything.test("loaded.score").significant
    md = large.to_markdown()
    assert "Tested family: 2 features chosen with loaded.*, readability.gunning_fog: loaded.score, readability.gunning_fog." in md
    assert "fix it before seeing the data" in md


def test_a_family_pattern_must_match_a_tested_feature() -> None:
    data = _table(extra=False).freeze()
    with pytest.raises(ValueError, match=r"'loaded\.flagged' matches no rank-tested feature \(only: loaded\.flagged, kind binary\)"):
        compare_features(data, CompareSettings(test_features=("loaded.flagged",)))
    with pytest.raises(ValueError, match=r"'frames\.\*' matches no rank-tested feature \(no feature of this comparison"):
        compare_features(data, CompareSettings(test_features=("frames.*",)))
    with pytest.raises(ValueError, match="non-empty list"):
        compare([], test_features=[])


def test_compare_takes_one_feature_name_as_a_family_of_one(analyzer: Analyzer) -> None:
    report = compare(_corpus(6), analyzer=analyzer, test_features="loaded.score", **FAST)
    assert report.tested_features == ("loaded.score",)
    assert [t.feature for t in report.omnibus] == ["loaded.score"]
    assert report.settings.to_dict()["test_features"] == ["loaded.score"]


def test_cli_test_features(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in _corpus(6)) + "\n", encoding="utf-8")
    opts = ["--format", "json", "--n-boot", "20", "--permutations", "0", "--no-readability", "-q"]
    assert _cli([str(corpus), "--test-features", "loaded.score", "--test-features", "frames.score.*", *opts]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["test_family"]["selected_by"] == ["loaded.score", "frames.score.*"]
    assert {t["feature"] for t in report["omnibus"]} == set(report["test_family"]["features"])
    assert "loaded.score" in report["test_family"]["features"]
    assert all(f == "loaded.score" or f.startswith("frames.score.") for f in report["test_family"]["features"])
    assert _cli([str(corpus), "--test-features", "no.such.feature", *opts]) == 2
    assert "matches no rank-tested feature" in capsys.readouterr().err
    assert _cli(["--test-features", "loaded.score,frames.score.*", str(corpus), *opts]) == 0  # commas, before the corpus
    assert json.loads(capsys.readouterr().out)["test_family"]["selected_by"] == ["loaded.score", "frames.score.*"]
    assert _cli([str(corpus), "--test-features", " , ", *opts]) == 2
    assert "non-empty list" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------
# 4, 5, 8. Report text: Fightin' Words, noise references, methods
# ------------------------------------------------------------------------------------------


def test_distinctive_words_section_says_z_is_not_a_test_and_lists_fw_top_words() -> None:
    t = FeatureTable()
    words_a = [f"alpha{k}" for k in range(20) for _ in range(8)]
    words_b = [f"beta{k}" for k in range(20) for _ in range(8)]
    for i in range(4):
        t.add("A", None, {Feature("loaded", "score"): float(i)}, Counter(words_a))
        t.add("B", None, {Feature("loaded", "score"): float(i)}, Counter(words_b))
    report = compare_features(t.freeze(), CompareSettings(n_boot=20, fw_top=12))
    assert all(len(d.over) == 12 for d in report.distinctive)
    md = report.to_markdown()
    section = md.split("## Distinctive language", 1)[1].split("\n## ", 1)[0]
    assert "z ranks words; it is not a test" in section
    assert "the top 12 words each way" in section
    row = next(line for line in section.splitlines() if line.startswith("| A |"))
    assert row.split("|")[2].count("(") == 12


def test_frame_distribution_reports_the_permutation_null_of_v_and_of_the_largest_distance() -> None:
    rng = np.random.default_rng(7)
    n = 90
    present = (rng.random((n, 4)) < 0.4).astype(float)
    shares = rng.dirichlet(np.ones(4), size=n)
    labels = [str(x) for x in rng.integers(0, 3, n)]
    fd = frame_distribution(["a", "b", "c", "d"], labels, present, shares, n_permutations=199, rng=np.random.default_rng(1))
    assert fd.cramers_v_null_mean is not None
    assert fd.cramers_v_null_p95 is not None
    assert 0 < fd.cramers_v_null_mean <= fd.cramers_v_null_p95 <= 1
    assert fd.js_max == max(x for row in fd.js_distance for x in row if x is not None)
    assert fd.js_max_null_mean is not None
    assert fd.js_max_null_p95 is not None
    assert 0 < fd.js_max_null_mean <= fd.js_max_null_p95 <= 1
    again = frame_distribution(["a", "b", "c", "d"], labels, present, shares, n_permutations=199, rng=np.random.default_rng(1))
    assert again == fd
    d = fd.to_dict()
    assert set(d) >= {"cramers_v_null_mean", "cramers_v_null_p95", "js_max", "js_max_null_mean", "js_max_null_p95"}
    none = frame_distribution(["a", "b", "c", "d"], labels, present, shares, n_permutations=0)
    assert (none.cramers_v_null_mean, none.js_max_null_p95) == (None, None)
    # a strong association: V and the largest distance far above their nulls
    lab = [str(i % 2) for i in range(n)]
    strong = np.array([[1.0, 0.0] if i % 2 else [0.0, 1.0] for i in range(n)])
    fs = frame_distribution(["a", "b"], lab, strong, strong, n_permutations=99, rng=np.random.default_rng(2))
    assert fs.cramers_v is not None
    assert fs.cramers_v_null_p95 is not None
    assert fs.js_max is not None
    assert fs.js_max_null_p95 is not None
    assert fs.cramers_v > fs.cramers_v_null_p95
    assert fs.js_max > fs.js_max_null_p95


def test_markdown_methods_text_and_effect_sizes_without_significant_pairs(analyzer: Analyzer) -> None:
    report = compare(_corpus(12), analyzer=analyzer, **FAST)
    assert not any(t.significant for t in report.pairwise)
    md = report.to_markdown()
    assert "## Methods" in md
    assert f"Tested family: all {len(report.omnibus)} score features (none chosen in advance)" in md
    assert "The frame χ² test and the Fightin' Words lists are outside the correction families." in md
    assert "ε² = H / (n − 1)" in md
    assert "| p method |" in md
    assert "No pair is significant. The largest |δ| of each feature" in md
    largest = md.split("No pair is significant.", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in largest.splitlines() if line.startswith("| ") and not line.startswith("| feature")]
    n_features = len({t.feature for t in report.pairwise})
    assert n_features > 40
    assert len(rows) == 40  # max_rows, and the rest named as elsewhere
    assert f"({n_features - 40} more features in the JSON report" in largest
    assert "95th percentile" in md  # the null reference of V
    assert all(t.p_method in {"exact", "permutation", "asymptotic"} for t in report.omnibus if t.p_value is not None and t.note != "all values identical")


def test_kruskal_p_method_follows_the_sample_size() -> None:
    assert kruskal_p_method([2, 2, 2]) == "exact"
    assert kruskal_p_method([25, 25]) == "permutation"
    assert kruskal_p_method([26, 25]) == "asymptotic"


# ------------------------------------------------------------------------------------------
# 6. Provenance
# ------------------------------------------------------------------------------------------


def test_to_pandas_tables_carry_provenance_and_the_frame_test(analyzer: Analyzer) -> None:
    pytest.importorskip("pandas")
    report = compare(_corpus(9), analyzer=analyzer, test_features=["loaded.score"], **FAST)
    tables = report.to_pandas()
    assert "frame_test" in tables
    row = tables["frame_test"].iloc[0]
    assert report.frames is not None
    assert row["cramers_v"] == report.frames.cramers_v
    assert row["p_permutation"] == report.frames.p_permutation
    for name, table in tables.items():
        assert table.attrs["framing_version"] == framing_version(), name
        assert [x["sha256"] for x in table.attrs["lexicons"]] == [ref.sha256 for ref in report.lexicons]
        assert table.attrs["settings"]["test_features"] == ["loaded.score"]
        assert table.attrs["test_family"]["features"] == ["loaded.score"]
    tables["omnibus"].attrs["settings"]["seed"] = 99  # one table's attrs are its own
    assert tables["pairwise"].attrs["settings"]["seed"] == 0


def test_cli_features_csv_carries_provenance(tmp_path: Any, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in _corpus(6)) + "\n", encoding="utf-8")
    out = tmp_path / "f.csv"
    assert _cli([str(corpus), "--features", str(out), "--format", "json", "--n-boot", "20", "--permutations", "0", "-q"]) == 0
    report = json.loads(capsys.readouterr().out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert {r["framing_version"] for r in rows} == {framing_version()}
    assert {r["lexicons"] for r in rows} == {";".join(f"{x['name']}@{x['version']}" for x in report["lexicons"])}


# ------------------------------------------------------------------------------------------
# 7. Dates
# ------------------------------------------------------------------------------------------


def test_date_ranges_compare_iso_dates_as_dates_and_leave_out_other_forms() -> None:
    assert _date_key("2004-12-30T23:00:00-02:00") == _date_key("2004-12-31T01:00:00Z")
    assert _date_key("30/12/2004") is None
    assert _date_key("2005") is None
    dates = ["2005-01-02", "2004-12-30T23:00:00-02:00", "2004-12-31", "2005-01-02T08:00:00"]
    for order in (dates, dates[::-1]):
        t = FeatureTable()
        for d in order:
            t.add("A", None, {Feature("loaded", "score"): 1.0}, date=d)
        assert t.freeze().dates == {"A": ("2004-12-31", "2005-01-02T08:00:00")}
    t = FeatureTable()
    for outlet, d in [("A", "02/01/2005"), ("A", "30/12/2004"), ("B", "2005-01-01"), ("B", "2005-01-03")]:
        t.add(outlet, None, {Feature("loaded", "score"): 1.0}, date=d)
    data = t.freeze()
    assert data.dates == {"B": ("2005-01-01", "2005-01-03")}
    assert data.bad_dates == {"A": 2}
    report = compare_features(data, CompareSettings(n_boot=20))
    a, b = report.outlets
    assert (a.first_date, a.last_date, b.first_date, b.last_date) == (None, None, "2005-01-01", "2005-01-03")
    assert any("not ISO 8601" in n and "A: 2" in n for n in report.notes)
    assert "02/01/2005" not in report.to_markdown()


def test_progress_starts_its_clock_at_the_first_record(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in _corpus(4)) + "\n", encoding="utf-8")
    clock = iter(range(0, 10_000, 3))  # three seconds between calls, as if loading the scorers were slow
    monkeypatch.setattr("framing.compare.cli.time.monotonic", lambda: float(next(clock)))
    assert _cli([str(corpus), "--format", "json", "--n-boot", "20", "--permutations", "0", "--no-readability"]) == 0
    lines = [line for line in capsys.readouterr().err.splitlines() if "documents analysed" in line]
    assert lines
    assert not any(line.startswith("framing: 1 documents analysed") for line in lines)
    assert lines[0] == "framing: 2 documents analysed, 0 skipped, 0 docs/s"  # one record in three seconds


def test_one_outlet_methods_say_nothing_is_tested() -> None:
    t = FeatureTable()
    for i in range(3):
        t.add("A", None, {Feature("loaded", "score"): float(i)}, ["tax"])
    md = compare_features(t.freeze(), CompareSettings(n_boot=20)).to_markdown()
    assert "One outlet: nothing is tested; every feature is descriptive" in md
    assert "Tested family" not in md


# ------------------------------------------------------------------------------------------
# Code review: family sizes, the null of V, p methods, paired differences with gaps
# ------------------------------------------------------------------------------------------


def test_family_sizes_count_only_tests_with_a_p_value() -> None:
    t = FeatureTable()
    for i in range(3):
        t.add("A", None, {Feature("loaded", "score"): float(i), Feature("loaded", "quoted"): None}, Counter())
        t.add("B", None, {Feature("loaded", "score"): float(i + 5), Feature("loaded", "quoted"): float(i)}, Counter())
    report = compare_features(t.freeze(), CompareSettings(n_boot=20, n_permutations=0))
    untestable = [o for o in report.omnibus if o.p_value is None]
    assert untestable  # loaded.quoted has values in one outlet only
    fam = report.test_family()
    assert fam["omnibus"] == len(report.omnibus) - len(untestable)
    assert fam["pairwise"] == sum(pt.p_value is not None for pt in report.pairwise)


def test_the_null_of_cramers_v_uses_each_permuted_tables_own_shape() -> None:
    # outlet C never has a frame: the observed table drops its row, a permuted table may not
    labels = ["A"] * 20 + ["B"] * 20 + ["C"] * 20
    rng = np.random.default_rng(5)
    present = np.zeros((60, 3))
    present[:40] = rng.random((40, 3)) < 0.5
    present[40:] = 0.0
    fd = frame_distribution(["f1", "f2", "f3"], labels, present, np.full((60, 3), np.nan), n_permutations=200, rng=np.random.default_rng(1))
    gen = np.random.default_rng(1)
    lab = np.array([0] * 20 + [1] * 20 + [2] * 20)
    own_shape, observed_shape = [], []
    for _ in range(2000):
        perm = gen.permutation(lab)
        table = np.eye(3)[perm].T @ present
        t = table[table.sum(axis=1) > 0][:, table.sum(axis=0) > 0]
        e = np.outer(t.sum(axis=1), t.sum(axis=0)) / t.sum()
        chi2 = float(((t - e) ** 2 / e).sum())
        own_shape.append(min(1.0, np.sqrt(chi2 / (t.sum() * (min(t.shape) - 1)))))
        observed_shape.append(np.sqrt(chi2 / (t.sum() * (2 - 1))))  # the observed table has 2 outlet rows
    # the report's permutations are its own (seeded, in a canonical row order): compare the means
    assert fd.cramers_v_null_mean == pytest.approx(float(np.mean(own_shape)), abs=0.01)
    assert float(np.mean(observed_shape)) > fd.cramers_v_null_mean + 0.03  # what the old scaling inflated it to
    assert 0.0 <= fd.cramers_v_null_mean <= fd.cramers_v_null_p95 <= 1.0


def test_identical_values_have_no_p_method_and_paired_differences_skip_gaps() -> None:
    from framing.compare.stats import paired_wilcoxon

    t = FeatureTable()
    for _ in range(3):
        t.add("A", None, {Feature("loaded", "score"): 1.0}, Counter())
        t.add("B", None, {Feature("loaded", "score"): 1.0}, Counter())
    report = compare_features(t.freeze(), CompareSettings(n_boot=20, n_permutations=0))
    (omni,) = report.omnibus
    assert (omni.p_value, omni.p_method) == (1.0, "")
    with_gap = paired_wilcoxon(np.array([1.0, np.nan, 2.0, 3.0, np.inf]))
    assert with_gap[:3] == paired_wilcoxon(np.array([1.0, 2.0, 3.0]))[:3]
