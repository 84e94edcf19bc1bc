"""The analyzer: the JSON contract, determinism, batches, workers, pickling, no network."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing import Analysis, Analyzer, Failure, InputError, Record, analyze, load_lexicon

from strategies import surrogate_text, texts

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = (ROOT / "examples" / "port-strike.txt").read_text(encoding="utf-8")


def test_contract_keys_and_offsets() -> None:
    d = Analyzer(dictionaries=["negation"], readability=True).analyze(EXAMPLE, id="ex", metadata={"outlet": "demo"}).to_dict()
    assert list(d)[:7] == ["id", "framing_version", "lexicons", "n_chars", "n_tokens", "sentences", "quotes"]
    assert d["id"] == "ex"
    assert d["metadata"] == {"outlet": "demo"}
    assert {x["name"] for x in d["lexicons"]} == {
        "attribution-cues",
        "source-types",
        "cue-lemmas",
        "loaded-language",
        "policy-frames",
        "negation",
        "abbreviations",
    }
    assert all(len(x["sha256"]) == 64 and x["version"] for x in d["lexicons"])
    assert set(d["frames"]["scores"]) == set(d["frames"]["density"])
    assert d["loaded"]["authorial"]["score"] >= 0
    assert any(EXAMPLE[s["start"] : s["end"]] == "utter" and s["voice"] == "quoted" for s in d["loaded"]["spans"])
    sources = {a["source"]["name"] for a in d["attribution"]["attributions"] if a["source"]}
    assert {"Okafor", "Marsh"} <= {name.split()[-1] for name in sources}
    for s, e in d["sentences"]:
        assert EXAMPLE[s:e].strip() == EXAMPLE[s:e]
    kinds = {q["kind"] for q in d["quotes"]}
    assert kinds <= {"speech", "scare"}
    assert any(EXAMPLE[q["start"] : q["end"]].startswith('"We have been patient') for q in d["quotes"])
    ev = d["dictionaries"]["negation"]["evidence"]
    assert any(EXAMPLE[m["start"] : m["end"]].lower() == "not" and m["voice"] == "quoted" for m in ev)
    assert d["readability"]["n_words"] > 100


def test_same_input_gives_byte_identical_json() -> None:
    an = Analyzer(dictionaries=["negation", "generic-news-frames"], readability=True)
    a = json.dumps(an.analyze(EXAMPLE).to_dict())
    b = json.dumps(Analyzer(dictionaries=["negation", "generic-news-frames"], readability=True).analyze(EXAMPLE).to_dict())
    assert a == b


@given(texts)
def test_any_text_analyses_and_serialises(text: str) -> None:
    d = Analyzer(dictionaries=["negation"], readability=True).analyze(text).to_dict()
    json.dumps(d, allow_nan=False)
    for m in d["dictionaries"]["negation"]["evidence"]:
        assert 0 <= m["start"] < m["end"] <= len(text)


def test_dictionary_voices_add_up() -> None:
    res = Analyzer(dictionaries=["negation"]).analyze(EXAMPLE)["dictionary:negation"]
    for c in res.categories.values():  # type: ignore[attr-defined]
        assert c.authorial.count + c.quoted.count == c.total.count
    assert res.n_tokens_authorial + res.n_tokens_quoted == res.n_tokens  # type: ignore[attr-defined]


def test_analyzer_pickles_and_gives_the_same_result() -> None:
    an = Analyzer(dictionaries=["negation"])
    again = pickle.loads(pickle.dumps(an))  # noqa: S301 - our own object
    assert again.analyze(EXAMPLE).to_dict() == an.analyze(EXAMPLE).to_dict()


def test_analyze_many_keeps_order_and_reports_bad_records() -> None:
    records = [{"id": "a", "text": "One."}, {"id": "b"}, "Two.", {"id": "c", "text": "Three.", "outlet": "x"}]
    out = list(Analyzer().analyze_many(records, on_error="return"))
    assert [type(r) for r in out] == [Analysis, Failure, Analysis, Analysis]
    assert isinstance(out[1], Failure)
    assert out[1].index == 1
    assert "field 'text' is missing" in str(out[1].error)
    assert isinstance(out[3], Analysis)
    assert out[3].to_dict()["metadata"] == {"outlet": "x"}
    with pytest.raises(InputError, match="'text' is missing"):
        list(Analyzer().analyze_many(records))


def test_two_workers_give_exactly_the_serial_results() -> None:
    records = [Record(EXAMPLE.replace("Okafor", f"Okafor{i}"), str(i)) for i in range(40)] + [{"id": "bad"}]
    an = Analyzer(dictionaries=["negation"])
    serial = [r.to_dict() for r in an.analyze_many(records, on_error="return")]
    parallel = [r.to_dict() for r in an.analyze_many(records, n_jobs=2, chunksize=3, on_error="return")]
    assert parallel == serial


def test_minus_one_job_means_every_usable_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    from framing import resolve_jobs

    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: {0, 3, 5}, raising=False)
    assert resolve_jobs(-1) == 3
    assert resolve_jobs(4) == 4
    monkeypatch.setattr("os.sched_getaffinity", lambda _pid: {0}, raising=False)
    records = [Record(EXAMPLE, "a"), Record(EXAMPLE.replace("Okafor", "Ruiz"), "b")]
    an = Analyzer(frames=False, loaded=False)
    # one usable CPU: -1 analyses in this process, with the same results
    assert [r.to_dict() for r in an.analyze_many(records, n_jobs=-1)] == [r.to_dict() for r in an.analyze_many(records)]


@pytest.mark.usefixtures("no_network")
def test_analysis_runs_with_network_blocked() -> None:
    result = Analyzer(dictionaries=["negation"], readability=True).analyze(EXAMPLE)
    assert result.to_dict()["readability"]["flesch_reading_ease"] is not None


def test_unknown_result_name_lists_what_exists() -> None:
    with pytest.raises(KeyError, match="readability"):
        analyze("Text.", readability=True)["frames-typo"]


def test_duplicate_lexicon_names_are_refused() -> None:
    with pytest.raises(ValueError, match="share the name"):
        Analyzer(dictionaries=["negation", load_lexicon("negation")])


def test_bad_arguments() -> None:
    for bad in (0, -2):
        with pytest.raises(ValueError, match="n_jobs"):
            Analyzer().analyze_many([], n_jobs=bad)
    with pytest.raises(ValueError, match="negation_window"):
        Analyzer(negation_window=-1)
    with pytest.raises(TypeError):
        analyze(None)  # type: ignore[arg-type]


def test_dict_stream_equals_the_objects_to_dict_serial_and_parallel() -> None:
    records = [Record(EXAMPLE.replace("Okafor", f"Okafor{i}"), str(i)) for i in range(12)] + [{"id": "bad"}]
    an = Analyzer()
    expected = [r.to_dict() if isinstance(r, Analysis) else r.index for r in an.analyze_many(records, on_error="return")]
    for stream in (
        an.analyze_many_dicts(records, on_error="return"),
        an.analyze_many_dicts(records, n_jobs=2, chunksize=2, on_error="return"),
    ):
        got = [r.index if isinstance(r, Failure) else r for r in stream]
        assert got == expected
    assert expected[-1] == 12


@given(surrogate_text)
def test_a_string_with_lone_surrogates_is_analysed_not_crashed(text: str) -> None:
    # a Python str may hold lone surrogates (decoded with surrogateescape, say); every span
    # still indexes it
    res = analyze(text)
    assert all(0 <= s < e <= len(text) for s, e in res.sentences)
    for span in res["loaded"].spans:
        assert text[span.start : span.end].strip()


def test_the_document_models_lexicons_are_reported_even_without_scorers_that_read_them() -> None:
    # the sentence splitter's abbreviations and the speech verbs that tell speech from scare
    # quotes and mentions shape every result, so they are named with version and digest
    refs = {r.name: r for r in Analyzer(attribution=False, loaded=False).lexicons}
    assert {"abbreviations", "attribution-cues", "policy-frames", "negation"} <= set(refs)
    from framing import load_lexicon

    assert refs["abbreviations"].sha256 == load_lexicon("abbreviations").sha256


def test_dictionary_voice_counts_only_speech_quotations_as_quoted() -> None:
    from framing import Category, Entry, Lexicon

    lex = Lexicon("voice-demo", "1", "CC0-1.0", "none", "demo", (Category("reform", "Reform.", (Entry.parse("reform"),)),))
    text = 'The word "reform" was dropped. The so-called "reform" failed. "We want reform now," Ana Ruiz said.'
    res = Analyzer(attribution=False, loaded=False, frames=False, dictionaries=[lex]).analyze(text)["dictionary:voice-demo"]
    counts = res.categories["reform"]
    assert (counts.total.count, counts.authorial.count, counts.quoted.count) == (3, 2, 1)
    assert [m.voice for m in res.evidence] == ["authorial", "authorial", "quoted"]
    assert res.n_tokens_quoted == 4  # the speech quotation's tokens only


def test_analyzer_lexicons_come_once_each_in_the_documented_order() -> None:
    from framing import DocumentOptions
    from framing.sentences import SentenceRules

    # a dictionary scorer that reads the negation lexicon: named first, and not again at the end
    an = Analyzer(attribution=False, loaded=False, frames=False, dictionaries=["negation"])
    assert [r.name for r in an.lexicons] == ["negation", "abbreviations", "attribution-cues"]
    # options built by hand carry no lexicons: only the negation cues are left to name
    hand = DocumentOptions(SentenceRules.default(), frozenset({"said"}))
    assert [r.name for r in Analyzer(attribution=False, loaded=False, frames=False, document_options=hand).lexicons] == ["negation"]


_METADATA_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8) | st.dates() | st.datetimes(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@given(meta=st.dictionaries(st.text(max_size=6), _METADATA_VALUES, max_size=4))
def test_metadata_always_gives_strict_json(meta: dict[str, object]) -> None:
    d = Analyzer(frames=False, loaded=False, attribution=False).analyze("A text.", metadata=meta).to_dict()
    back = json.loads(json.dumps(d, allow_nan=False))  # no NaN or infinity, nothing unserialisable
    assert set(back["metadata"]) == set(meta)
    for k, v in meta.items():
        if isinstance(v, str) or (isinstance(v, int) and not isinstance(v, bool)):
            assert back["metadata"][k] == v


def test_metadata_from_numpy_and_dates_becomes_plain_json_and_ids_are_strings() -> None:
    import datetime as dt
    import math

    import numpy as np

    meta = {"n": np.int64(3), "x": np.float64("nan"), "inf": math.inf, "when": dt.datetime(2024, 3, 1, 9, 30, tzinfo=dt.UTC), "v": np.array([1.5, 2.0])}
    d = Analyzer(frames=False, loaded=False, attribution=False).analyze("A text.", id=5, metadata=meta).to_dict()  # type: ignore[arg-type] # an int id on purpose
    assert d["id"] == "5"
    assert d["metadata"] == {"n": 3, "x": None, "inf": None, "when": "2024-03-01T09:30:00+00:00", "v": [1.5, 2.0]}


def test_failures_keep_the_record_id_and_count_records_from_one() -> None:
    out = list(Analyzer(frames=False, loaded=False).analyze_many([{"id": "a", "text": "x"}, {"id": "b"}, {"id": 7, "text": 3}], on_error="return"))
    failures = [f for f in out if isinstance(f, Failure)]
    assert [(f.index, f.id) for f in failures] == [(1, "b"), (2, "7")]
    assert str(failures[0].error) == "<input>:2: field 'text' is missing"
    assert str(failures[1].error) == "<input>:3: field 'text' is an int, not a string"


def test_numpy_dates_durations_arrays_and_sets_become_plain_json() -> None:
    import datetime as dt
    import math

    import numpy as np

    from framing.analysis import json_safe

    assert json_safe(np.datetime64("2024-03-01T12:00:00.000000000")) == "2024-03-01T12:00:00"
    assert json_safe(np.datetime64("NaT")) is None
    assert json_safe(np.array([math.nan, 1.0])) == [None, 1.0]
    assert json_safe(np.timedelta64(90, "s")) == 90.0
    assert json_safe(dt.timedelta(hours=1)) == 3600.0
    assert json_safe({2, 1}) == [1, 2]


def test_a_boolean_id_and_a_fractional_number_of_jobs_are_refused() -> None:
    with pytest.raises(InputError, match="field 'id' must be a string or an integer"):
        Record.coerce({"id": True, "text": "x"})
    from framing import resolve_jobs

    with pytest.raises(TypeError, match="n_jobs must be an integer"):
        resolve_jobs(2.0)  # type: ignore[arg-type]


def test_a_development_version_names_the_code_it_ran() -> None:
    import shutil
    import tempfile
    from importlib import metadata

    from framing.analysis import code_digest, framing_version

    package = ROOT / "framing"
    version = framing_version()
    if ".dev" in metadata.version("framing"):
        assert version == f"{metadata.version('framing')}+code.{code_digest(package)}"
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "elsewhere" / "framing"
        shutil.copytree(package, copy, ignore=shutil.ignore_patterns("__pycache__"))
        assert code_digest(copy) == code_digest(package)  # where the code lies does not count
        (copy / "scorers" / "loaded.py").write_text((package / "scorers" / "loaded.py").read_text(encoding="utf-8") + "\n# a change\n", encoding="utf-8")
        assert code_digest(copy) != code_digest(package)
    assert Analyzer().analyze("A text.").framing_version == version


def test_settings_name_every_scorer_parameter_and_the_document_options() -> None:
    from dataclasses import replace

    from framing import AttributionScorer, DocumentOptions, FrameScorer, LoadedScorer

    a = Analyzer(frames=FrameScorer(threshold=0.3), loaded=LoadedScorer(negated_factor=0.0), attribution=AttributionScorer(sides={"x": "y"}))
    s = a.settings
    assert s["frames"]["threshold"] == 0.3
    assert s["loaded"]["negated_factor"] == 0.0
    assert s["attribution"]["sides"] == {"x": "y"}
    assert s["document"] == {"speech_window": DocumentOptions.default().speech_window, "custom_rules": False}
    narrow = Analyzer(document_options=replace(DocumentOptions.default(), speech_window=1)).settings
    assert narrow["document"]["speech_window"] == 1
    assert narrow != Analyzer().settings
    json.dumps(s)


def test_a_failed_record_keeps_an_integral_float_id_from_a_table() -> None:
    from framing.analysis import Failure

    out = list(Analyzer(frames=False, attribution=False).analyze_many([{"id": 7.0, "text": None}], on_error="return"))
    assert isinstance(out[0], Failure)
    assert out[0].id == "7"


def test_a_text_mostly_in_another_script_is_flagged_and_named_in_a_comparison() -> None:
    from framing.compare import compare

    foreign = "政府周一宣布将提高税收。反对派说：“这是一个丑闻。”"
    an = Analyzer(frames=False)
    assert an.analyze(foreign).flags == "non_latin_script"
    assert an.analyze(foreign).to_dict()["flags"] == "non_latin_script"
    assert an.analyze("The council raised taxes on Monday.").flags == ""
    assert an.analyze("Prime Minister 李强 spoke to reporters on Monday.").flags == ""  # a name in another script
    assert an.analyze("2024").flags == ""  # no letters: nothing to judge
    recs = [{"outlet": "A", "text": "The council raised taxes on Monday, officials said."}, {"outlet": "A", "text": foreign}]
    recs += [{"outlet": "B", "text": "Rates rose again in the city, the mayor said."}] * 1
    report = compare(recs, analyzer=an, n_boot=10, n_permutations=0)
    assert any(n.startswith("1 documents are mostly not in the Latin script") for n in report.notes)
