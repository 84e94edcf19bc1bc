"""Integrations: feature vectors (core), scikit-learn, Dask on a LocalCluster, the docs' recipes.

The optional dependencies are skipped per test (``pytest.importorskip``), so the core part of
this file runs without any of them.
"""

from __future__ import annotations

import doctest
import json
import math
import re
import textwrap
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import Analysis, Analyzer, Category, Entry, Failure, InputError, Lexicon, Record, framing_version
from framing.integrations.features import FeatureVector, extract_features, feature_names, provenance
from framing.scorers.attribution import SOURCE_TYPES

from strategies import texts

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "integrations.rst"

ANALYZER = Analyzer()
ARTICLES = [
    '"We will rebuild the bridge," the mayor said on Monday. Critics claimed the plan was a disaster.',
    "The central bank raised interest rates to curb inflation, officials said.",
    "Protesters said the brutal crackdown was a massacre, according to witnesses. Police denied it.",
    "No one was hurt.",
    "",
    'A senior official, who spoke on condition of anonymity, said talks had "stalled". The ministry declined to comment.',
    "Troops shelled the border town overnight, the army reportedly said, as refugees fled to the capital.",
    "The court ruled the new law unconstitutional; lawmakers vowed to appeal.",
]
SHARES = ("anonymous_share", "neutral_cue_share", "quoted_share", "voice_entropy", "voice_gini")


# ------------------------------------------------------------------------------------------
# Feature vectors (core: no optional dependency)
# ------------------------------------------------------------------------------------------


def test_names_are_sorted_stable_and_fixed_by_the_configuration() -> None:
    names = feature_names(ANALYZER)
    assert list(names) == sorted(names)
    for text in ARTICLES:
        assert extract_features(ANALYZER.analyze(text)).names == names
    frames = list(ANALYZER.analyze("").to_dict()["frames"]["scores"])
    assert {f"frames.score.{f}" for f in frames} | {f"frames.present.{f}" for f in frames} <= set(names)
    assert {f"attribution.type_share.{t}" for t in SOURCE_TYPES} <= set(names)
    assert not any(n.startswith(("readability.", "dictionaries.")) for n in names)
    has_loaded = "loaded" in ANALYZER.analyze("").to_dict()  # the loaded-language scorer, when the analyzer runs it
    assert ("loaded.score" in names) == has_loaded
    assert "attribution.side_balance" not in names  # no sides mapping


def test_values_follow_the_analysis() -> None:
    a = ANALYZER.analyze(ARTICLES[0], id="x1")
    d = a.to_dict()
    fv = extract_features(a)
    assert fv.id == "x1"
    bal = d["attribution"]["balance"]
    for key in (*SHARES, "distinct_sources"):
        assert fv[f"attribution.{key}"] == (None if bal[key] is None else float(bal[key]))
    for frame, score in d["frames"]["scores"].items():
        assert fv[f"frames.score.{frame}"] == score
        assert fv[f"frames.present.{frame}"] == (1.0 if frame in d["frames"]["present"] else 0.0)
    assert fv["frames.n_present"] == len(d["frames"]["present"])
    kinds = [x["kind"] for x in d["attribution"]["attributions"]]
    assert fv["attribution.kind_share.direct"] == kinds.count("direct") / len(kinds)
    assert fv["attribution.per_1k_tokens"] == pytest.approx(1000 * len(kinds) / d["n_tokens"])
    assert fv["document.n_tokens"] == d["n_tokens"]
    with pytest.raises(KeyError, match="no feature"):
        fv["frames.score.nonexistent"]


def test_undefined_features_are_none_not_zero() -> None:
    fv = extract_features(ANALYZER.analyze("No one was hurt."))
    assert fv["attribution.voice_entropy"] is None
    assert fv["attribution.kind_share.direct"] is None
    assert fv["attribution.type_share.government"] is None
    empty = extract_features(ANALYZER.analyze(""))
    assert empty["attribution.per_1k_tokens"] is None
    arr = empty.to_array(missing=-1.0)
    assert arr.shape == (len(empty),)
    assert (arr == -1.0).sum() == sum(v is None for v in empty.values)


def test_json_round_trip_and_cli_output_give_the_same_features() -> None:
    for text in ARTICLES:
        a = ANALYZER.analyze(text, id="r")
        assert extract_features(json.loads(json.dumps(a.to_dict()))) == extract_features(a)


def test_sections_are_read_only_when_present() -> None:
    an = Analyzer(attribution=False, readability=True, dictionaries=["negation"])
    names = feature_names(an)
    assert not any(n.startswith("attribution.") for n in names)
    assert "readability.flesch_reading_ease" in names
    assert "readability.n_words" not in names
    assert "dictionaries.negation.rate.negators" in names
    assert "dictionaries.negation.weighted.negators" in names
    fv = extract_features(an.analyze("No one was hurt. Nothing was lost."))
    assert fv["dictionaries.negation.rate.negators"] > 0
    assert extract_features(an.analyze(""))["readability.flesch_reading_ease"] is None
    bare = extract_features({"id": None, "n_tokens": 3})
    assert bare.names == ("document.n_tokens",)


def test_loaded_section_is_read_defensively() -> None:
    base = ANALYZER.analyze(ARTICLES[0]).to_dict()
    loaded = {
        "score": 2.5,
        "flagged": False,
        "epistemic": 1.0,
        "n_tokens": 20,
        "weight": 0.5,
        "authorial": {"score": 3.0, "n_tokens": 12},
        "quoted": {"score": 0.0, "n_tokens": 0},
        "categories": {"intensifiers": {"density": 2.5, "count": 1}, "hedges": {"density": 0.0}, "odd": "not a mapping"},
    }
    fv = extract_features({**base, "loaded": loaded})
    assert fv["loaded.score"] == 2.5
    assert fv["loaded.flagged"] == 0.0
    assert fv["loaded.authorial"] == 3.0
    assert fv["loaded.quoted"] is None  # a voice without tokens has no density
    assert fv["loaded.density.intensifiers"] == 2.5
    assert "loaded.weight" not in fv.names
    assert "loaded.n_tokens" not in fv.names
    assert "loaded.density.odd" not in fv.names
    partial = extract_features({**base, "loaded": {"score": None, "authorial": 1.5}})
    assert partial["loaded.score"] is None
    assert partial["loaded.authorial"] == 1.5
    assert not any(n.startswith("loaded.") for n in extract_features({**base, "loaded": None}).names)


def test_side_balance_appears_with_a_sides_mapping() -> None:
    from framing import AttributionScorer

    an = Analyzer(attribution=AttributionScorer(sides={"government": "state", "citizen": "public"}))
    assert "attribution.side_balance" in feature_names(an)


@settings(max_examples=40)
@given(texts)
def test_every_text_has_the_configured_names_and_values_in_range(text: str) -> None:
    fv = extract_features(ANALYZER.analyze(text))
    assert fv.names == feature_names(ANALYZER)
    for name, value in zip(fv.names, fv.values, strict=True):
        assert value is None or math.isfinite(value), name
        if value is not None and (".score." in name or "_share" in name or name == "attribution.voice_entropy"):
            assert 0.0 <= value <= 1.0, name
        if value is not None and name.startswith("frames.present."):
            assert value in {0.0, 1.0}
        if name.startswith("frames.score.") and value is not None:
            assert value < 1.0


def test_feature_vector_to_array_orders_columns() -> None:
    fv = FeatureVector("i", ("a", "b"), (1.0, None))
    np.testing.assert_array_equal(fv.to_array(), [1.0, np.nan])
    np.testing.assert_array_equal(fv.to_array(["b", "c", "a"], missing=0.0), [0.0, 0.0, 1.0])
    assert fv.to_dict() == {"a": 1.0, "b": None}


def test_a_failure_has_no_features_and_the_error_names_it() -> None:
    results = list(ANALYZER.analyze_many([{"id": "ok", "text": ARTICLES[1]}, {"id": "gone", "text": None}], on_error="return"))
    assert isinstance(results[0], Analysis)
    assert isinstance(results[1], Failure)
    with pytest.raises(TypeError, match=r"record 1 \(id 'gone'\) failed .*field 'text' is null"):
        extract_features(results[1])
    with pytest.raises(TypeError, match="expected an Analysis"):
        extract_features(["not", "an", "analysis"])  # type: ignore[arg-type]


def test_provenance_is_what_each_analysis_records() -> None:
    an = Analyzer(readability=True, dictionaries=["negation"])
    record = provenance(an)
    d = an.analyze(ARTICLES[0]).to_dict()
    assert record["framing_version"] == d["framing_version"] == framing_version()
    assert record["lexicons"] == d["lexicons"]
    assert "negation" in {ref["name"] for ref in record["lexicons"]}
    assert record["settings"] == an.settings
    assert json.loads(json.dumps(record)) == record
    assert provenance(Analyzer(attribution=False)) != provenance(ANALYZER)  # other scorers, other settings


# ------------------------------------------------------------------------------------------
# Records from tables: missing cells and integer ids read as floats
# ------------------------------------------------------------------------------------------


def test_missing_cells_are_no_id_or_title_and_integral_float_ids_are_integers() -> None:
    nan = float("nan")
    r = Record.coerce({"text": "Rates rose.", "id": 7.0, "title": nan, "outlet": "north"})
    assert (r.id, r.title, dict(r.metadata)) == ("7", None, {"outlet": "north"})
    assert Record.coerce({"text": "x", "id": nan}).id is None
    assert Record.coerce({"text": "x", "id": -0.0}).id == "0"
    for bad_id in (7.5, math.inf, True):
        with pytest.raises(InputError, match="field 'id' must be a string or an integer"):
            Record.coerce({"text": "x", "id": bad_id})
    with pytest.raises(InputError, match="field 'title' must be a string, got int"):
        Record.coerce({"text": "x", "title": 3})
    with pytest.raises(InputError, match=r"<input>:4: field 'text' is a missing value \(NaN\)"):
        Record.coerce({"text": nan, "id": "a"}, index=4)


@given(st.integers(min_value=-(2**53), max_value=2**53))
def test_an_integral_float_id_is_the_integer_id(n: int) -> None:
    assert Record.coerce({"text": "x", "id": float(n)}).id == Record.coerce({"text": "x", "id": n}).id == str(n)


def test_pandas_missing_cells_as_the_comparison_reads_them() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "id": [1, None, 7],  # a gap: pandas stores the column as float64
            "title": ["Council approves the budget", None, float("nan")],
            "day": pd.to_datetime(["2024-03-01", None, "2024-03-02"]),
            "text": ARTICLES[:3],
        }
    )
    nullable = df.assign(title=df["title"].astype("string"), id=df["id"].astype("Int64"))  # pd.NA cells
    for frame in (df, nullable):
        got = list(ANALYZER.analyze_many(frame.to_dict("records")))
        assert [a.id for a in got] == ["1", None, "7"]
        assert [a.title for a in got] == ["Council approves the budget", None, None]
        assert got[1].to_dict()["loaded"] == ANALYZER.analyze(ARTICLES[1]).to_dict()["loaded"]
    with_gap = df.assign(text=[ARTICLES[0], None, ARTICLES[2]])
    with pytest.raises(InputError, match=r"<input>:2: field 'text' is "):
        list(ANALYZER.analyze_many(with_gap.to_dict("records")))


def test_feature_frames_are_float_with_none_as_nan_as_the_docs_say() -> None:
    pd = pytest.importorskip("pandas")
    names = list(feature_names(ANALYZER))
    analyses = list(ANALYZER.analyze_many(ARTICLES[3:5]))  # no quotes, no titles: some features None in every row
    all_none = [n for n in names if all(extract_features(a)[n] is None for a in analyses)]
    assert "loaded.title" in all_none
    assert "attribution.voice_gini" in all_none
    features = pd.DataFrame([extract_features(a).to_dict() for a in analyses], columns=names, dtype=float)
    assert (features.dtypes == np.float64).all()
    assert features[all_none].isna().all().all()
    assert features.describe().columns.tolist() == names  # nothing silently dropped
    np.testing.assert_array_equal(features.to_numpy(), np.vstack([extract_features(a).to_array(names) for a in analyses]))


# ------------------------------------------------------------------------------------------
# scikit-learn
# ------------------------------------------------------------------------------------------


def _rows(analyzer: Analyzer, docs: list[str]) -> np.ndarray:
    names = feature_names(analyzer)
    return np.vstack([extract_features(analyzer.analyze(t)).to_array(names) for t in docs])


def test_sklearn_transformer_in_a_pipeline_with_clone() -> None:
    pytest.importorskip("sklearn")
    from sklearn.base import clone
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import StandardScaler

    from framing.integrations.sklearn import FramingFeatures

    docs = ARTICLES * 2
    y = [i % 2 for i in range(len(docs))]
    pipe = Pipeline(
        [
            ("framing", FramingFeatures(readability=True)),
            ("impute", SimpleImputer(keep_empty_features=True)),
            ("scale", StandardScaler()),  # rates per 1k tokens next to shares: unscaled, lbfgs may not converge
            ("clf", LogisticRegression()),
        ]
    )
    pipe.fit(docs, y)
    assert pipe.predict(docs).shape == (len(docs),)

    transformer = pipe.named_steps["framing"]
    assert not hasattr(transformer, "n_features_in_")
    assert not hasattr(transformer, "feature_names_in_")
    names = transformer.get_feature_names_out()
    assert names.dtype == object
    assert tuple(names) == feature_names(Analyzer(readability=True))
    out = transformer.transform(docs)
    assert out.dtype == np.float64
    assert out.shape == (len(docs), len(names))
    np.testing.assert_array_equal(out, _rows(Analyzer(readability=True), docs))

    cloned = clone(pipe)
    assert cloned.get_params()["framing__readability"] is True
    assert not hasattr(cloned.named_steps["framing"], "feature_names_out_")
    cloned.fit(docs, y)
    np.testing.assert_array_equal(cloned.predict(docs), pipe.predict(docs))
    assert pipe[:-1].get_feature_names_out().tolist() == names.tolist()


def test_sklearn_transformer_conventions() -> None:
    pytest.importorskip("sklearn")
    from sklearn.exceptions import NotFittedError

    from framing.integrations.sklearn import FramingFeatures

    ff = FramingFeatures(missing=0.0, n_jobs=2, chunksize=2)
    assert ff.get_params()["missing"] == 0.0
    with pytest.raises(NotFittedError):
        ff.transform(ARTICLES)
    with pytest.raises(ValueError, match="single string"):
        ff.fit("one text")
    with pytest.raises(ValueError, match="1-D"):
        ff.fit(np.array([ARTICLES[:2], ARTICLES[2:4]]))
    assert ff.fit(ARTICLES) is ff
    parallel = ff.transform(ARTICLES)
    assert not np.isnan(parallel).any()
    serial = FramingFeatures(missing=0.0).fit(ARTICLES).transform(ARTICLES)
    np.testing.assert_array_equal(parallel, serial)
    assert FramingFeatures().fit([]).transform([]).shape == (0, len(feature_names(ANALYZER)))
    with pytest.raises(ValueError, match="not both"):
        FramingFeatures(analyzer=Analyzer(), readability=True).fit(ARTICLES)
    custom = FramingFeatures(analyzer=Analyzer(frames=False)).fit(ARTICLES)
    assert not any(n.startswith("frames.") for n in custom.get_feature_names_out())


def test_sklearn_pandas_output_keeps_names_and_index() -> None:
    pytest.importorskip("sklearn")
    pd = pytest.importorskip("pandas")
    from framing.integrations.sklearn import FramingFeatures

    series = pd.Series(ARTICLES[:3], index=["x", "y", "z"])
    out = FramingFeatures().set_output(transform="pandas").fit_transform(series)
    assert list(out.index) == ["x", "y", "z"]
    assert tuple(out.columns) == feature_names(ANALYZER)


def test_sklearn_bad_documents_raise_with_position_and_id_or_give_nan_rows() -> None:
    pytest.importorskip("sklearn")
    from framing.integrations.sklearn import FramingFeatures

    docs = [ARTICLES[0], {"id": 12.0, "text": None}, ARTICLES[2]]
    strict = FramingFeatures().fit(ARTICLES)
    with pytest.raises(InputError, match=r"<input>:2: field 'text' is null \(record id '12'\)"):
        strict.transform(docs)
    for n_jobs in (1, 2):
        lenient = FramingFeatures(on_error="nan", missing=0.0, n_jobs=n_jobs, chunksize=1).fit(ARTICLES)
        out = lenient.transform(docs)
        assert np.isnan(out[1]).all()  # NaN whatever `missing` is: a failure is not a document of zeros
        assert not np.isnan(out[[0, 2]]).any()
        np.testing.assert_array_equal(out[[0, 2]], FramingFeatures(missing=0.0).fit(ARTICLES).transform([ARTICLES[0], ARTICLES[2]]))
        assert [(f.index, f.id) for f in lenient.failures_] == [(1, "12")]
        lenient.transform(ARTICLES[:2])
        assert lenient.failures_ == []
    with pytest.raises(ValueError, match="on_error"):
        FramingFeatures(on_error="skip").fit(ARTICLES)  # type: ignore[arg-type]


def test_sklearn_takes_titles_from_records_and_dataframes() -> None:
    pytest.importorskip("sklearn")
    pd = pytest.importorskip("pandas")
    from framing.integrations.sklearn import FramingFeatures

    titles = ["Brutal crackdown sparks outrage", None, "Bank raises rates again"]
    frame = pd.DataFrame({"id": ["a", "b", "c"], "text": ARTICLES[:3], "title": titles})
    ff = FramingFeatures().fit(frame)
    assert ff.provenance_ == provenance(ff.analyzer_)
    from_frame = ff.transform(frame)
    from_records = ff.transform(frame.to_dict("records"))
    expected = np.vstack([extract_features(ANALYZER.analyze(t, title=h)).to_array(feature_names(ANALYZER)) for t, h in zip(ARTICLES[:3], titles, strict=True)])
    np.testing.assert_array_equal(from_frame, expected)
    np.testing.assert_array_equal(from_records, expected)
    title = list(ff.get_feature_names_out()).index("loaded.title")
    assert np.isnan(from_frame[:, title]).tolist() == [False, True, False]
    assert np.isnan(ff.transform(ARTICLES[:3])[:, title]).all()  # plain strings: no headline
    with pytest.raises(ValueError, match="needs a 'text' column"):
        ff.transform(frame.rename(columns={"text": "body"}))


# ------------------------------------------------------------------------------------------
# Dask on a distributed LocalCluster (two worker processes)
# ------------------------------------------------------------------------------------------


def test_dask_on_a_local_cluster_equals_the_serial_analysis() -> None:
    pytest.importorskip("dask.bag")
    pytest.importorskip("dask.dataframe")
    distributed = pytest.importorskip("distributed")
    pd = pytest.importorskip("pandas")
    import dask.bag as db
    import dask.dataframe as dd

    from framing.integrations.dask import analyze_bag, analyze_dataframe

    records = [{"id": f"r{i}", "text": t, "outlet": "north" if i % 2 else "south"} for i, t in enumerate(ARTICLES * 3)]
    mixed = [*records, "A bare string record, reportedly."]
    serial = [ANALYZER.analyze(r["text"], id=r["id"], metadata={"outlet": r["outlet"]}).to_dict() for r in records]
    serial.append(ANALYZER.analyze(mixed[-1]).to_dict())

    frame = pd.DataFrame(records).set_index(pd.Index([f"k{i}" for i in range(len(records))]))
    expected = pd.DataFrame(_rows(ANALYZER, list(frame["text"])), index=frame.index, columns=list(feature_names(ANALYZER)))

    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        bag = db.from_sequence(mixed, npartitions=4)
        got = analyze_bag(bag, analyzer=ANALYZER).compute()
        ddf = dd.from_pandas(frame, npartitions=3, sort=False)
        features = analyze_dataframe(ddf, "text", id_column="id").compute()
        bad = [*mixed[:17], {"id": "bad", "title": "No text"}, *mixed[17:]]
        kept = analyze_bag(db.from_sequence(bad, npartitions=4), analyzer=ANALYZER, on_error="return").compute()
        with pytest.raises(InputError, match=r"<dask bag>:18: field 'text' is missing \(record id 'bad'\)"):
            analyze_bag(db.from_sequence(bad, npartitions=4), analyzer=ANALYZER).compute()
        workers = client.run(lambda: "ok")
    assert len(workers) == 2
    assert got == serial
    assert kept[:17] + kept[18:] == serial
    assert (kept[17].index, kept[17].id) == (17, "bad")
    # Dask may store the string index with another string dtype; the labels and values are exact.
    assert features.index.tolist() == expected.index.tolist()
    assert features.columns.tolist() == expected.columns.tolist()
    assert (features.dtypes == np.float64).all()
    np.testing.assert_array_equal(features.to_numpy(), expected.to_numpy())

    with pytest.raises(ValueError, match="not both"):
        analyze_bag(db.from_sequence(["x"]), analyzer=ANALYZER, readability=True)
    with pytest.raises(KeyError, match="no column"):
        analyze_dataframe(dd.from_pandas(frame, npartitions=1), "body")


def test_dask_bad_records_name_global_position_and_id() -> None:
    pytest.importorskip("dask.bag")
    pytest.importorskip("dask.dataframe")
    pd = pytest.importorskip("pandas")
    import dask.bag as db
    import dask.dataframe as dd

    from framing.integrations.dask import ERROR_COLUMN, analyze_bag, analyze_dataframe

    records: list[object] = [{"id": f"r{i}", "text": t} for i, t in enumerate(ARTICLES)]
    records[5] = {"id": "r5", "text": 42}
    records[7] = {"id": 9.0, "text": None}  # a float id, as a table with a gap in its id column gives
    for npartitions in (1, 3, 8):
        bag = db.from_sequence(records, npartitions=npartitions)
        with pytest.raises(InputError, match=r"^<dask bag>:6: field 'text' is an int, not a string \(record id 'r5'\)$"):
            analyze_bag(bag, analyzer=ANALYZER).compute(scheduler="sync")
        out = analyze_bag(bag, analyzer=ANALYZER, on_error="return").compute(scheduler="sync")
        failures = [(r.index, r.id, str(r.error)) for r in out if isinstance(r, Failure)]
        assert failures == [(5, "r5", "<dask bag>:6: field 'text' is an int, not a string (record id 'r5')"), (7, "9", "<dask bag>:8: field 'text' is null (record id '9')")]
        assert [r for r in out if not isinstance(r, Failure)] == [ANALYZER.analyze(ARTICLES[i], id=f"r{i}").to_dict() for i in (0, 1, 2, 3, 4, 6)]
    assert analyze_bag(db.from_sequence([], npartitions=1), analyzer=ANALYZER).compute(scheduler="sync") == []
    with pytest.raises(ValueError, match="on_error"):
        analyze_bag(db.from_sequence(["x"]), analyzer=ANALYZER, on_error="skip")  # type: ignore[arg-type]

    frame = pd.DataFrame(
        {"id": [1.0, 2.0, None, 4.0], "title": ["Quake kills dozens", None, None, float("nan")], "text": [ARTICLES[0], None, ARTICLES[2], ARTICLES[6]]},
        index=["k0", "k1", "k2", "k3"],
    )
    ddf = dd.from_pandas(frame, npartitions=2, sort=False)
    with pytest.raises(InputError, match=r"^<dask dataframe>: row with index label 'k1': field 'text' is .* \(record id '2'\)$"):
        analyze_dataframe(ddf, id_column="id", title_column="title", analyzer=ANALYZER).compute(scheduler="sync")
    table = analyze_dataframe(ddf, id_column="id", title_column="title", analyzer=ANALYZER, on_error="return").compute(scheduler="sync")
    names = list(feature_names(ANALYZER))
    assert table.columns.tolist() == [*names, ERROR_COLUMN]
    assert (table[names].dtypes == np.float64).all()
    assert table[ERROR_COLUMN].notna().tolist() == [False, True, False, False]
    assert table.loc["k1", names].isna().all()
    titles = ["Quake kills dozens", None, None]
    expected = np.vstack([extract_features(ANALYZER.analyze(frame.loc[k, "text"], title=h)).to_array(names) for k, h in zip(["k0", "k2", "k3"], titles, strict=True)])
    np.testing.assert_array_equal(table.loc[["k0", "k2", "k3"], names].to_numpy(), expected)


# ------------------------------------------------------------------------------------------
# The docs' recipes (docs/integrations.rst): run the sections that claim to be tested
# ------------------------------------------------------------------------------------------


def _section(title: str) -> str:
    text = DOC.read_text(encoding="utf-8")
    match = re.search(rf"^{re.escape(title)}\n-+\n(.*?)(?=^\S[^\n]*\n-+\n|\Z)", text, flags=re.MULTILINE | re.DOTALL)
    assert match is not None, f"no section {title!r} in {DOC.name}"
    return match.group(1)


def _run_doctests(source: str, name: str) -> doctest.TestResults:
    parser = doctest.DocTestParser()
    test = parser.get_doctest(source, {}, name, str(DOC), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    return runner.summarize(verbose=False)


def test_pandas_recipe_in_the_docs_runs() -> None:
    pytest.importorskip("pandas")
    result = _run_doctests(_section("pandas"), "pandas recipe")
    assert result.attempted >= 6
    assert result.failed == 0


def test_pandas_recipe_matches_the_feature_vectors() -> None:
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame({"id": [f"a{i}" for i in range(len(ARTICLES))], "text": ARTICLES})
    analyses = ANALYZER.analyze_many(df.to_dict("records"), n_jobs=2, chunksize=3)
    features = pd.DataFrame([extract_features(a).to_dict() for a in analyses], index=df["id"])
    assert tuple(features.columns) == feature_names(ANALYZER)
    np.testing.assert_array_equal(features.to_numpy(dtype=float), _rows(ANALYZER, ARTICLES))


def test_sklearn_recipe_in_the_docs_runs() -> None:
    pytest.importorskip("sklearn")
    result = _run_doctests(_section("scikit-learn"), "scikit-learn recipe")
    assert result.attempted >= 8
    assert result.failed == 0


def test_spark_recipe_is_labelled_as_not_run() -> None:
    assert "documented, not run" in _section("Spark")


def test_spark_recipe_batch_function_runs_on_pandas_batches() -> None:
    """The recipe's per-batch code, run on pandas frames as mapInPandas would give them (no Spark)."""
    pd = pytest.importorskip("pandas")
    block = re.search(r"^\.\. code-block:: python\n\n(.*?)(?=^\S)", _section("Spark"), flags=re.MULTILINE | re.DOTALL)
    assert block is not None
    code = textwrap.dedent(block.group(1))
    spark_lines = [line for line in code.splitlines() if re.search(r"\b(pyspark|spark|articles|table)\b", line)]
    assert len(spark_lines) == 5  # the import, the session, the read, mapInPandas and the write
    namespace: dict[str, object] = {}
    exec("\n".join(line for line in code.splitlines() if line not in spark_lines), namespace)  # noqa: S102 - the docs' own code

    batch = pd.DataFrame({"id": ["s1", "s2", "s3"], "text": [ARTICLES[0], None, ARTICLES[2]]})
    (out,) = list(namespace["features"](iter([batch])))  # type: ignore[operator]
    names = list(feature_names(Analyzer(readability=False)))
    assert out.columns.tolist() == ["id", *names, "framing.error"]
    assert out["id"].tolist() == ["s1", "s2", "s3"]
    assert out["framing.error"].notna().tolist() == [False, True, False]
    expected = np.vstack([extract_features(ANALYZER.analyze(t)).to_array(names) for t in (ARTICLES[0], ARTICLES[2])])
    np.testing.assert_array_equal(out.loc[[0, 2], names].to_numpy(), expected)
    assert out.loc[1, names].isna().all()
    (empty,) = list(namespace["features"](iter([batch.iloc[:0]])))  # type: ignore[operator]
    assert empty.shape == (0, len(names) + 2)

    namespace["analyzer"].cache_clear()  # type: ignore[attr-defined]
    namespace["DRIVER"] = {**namespace["DRIVER"], "framing_version": "0.0.1"}  # type: ignore[dict-item]  # an executor with another release
    with pytest.raises(RuntimeError, match="not the driver's"):
        list(namespace["features"](iter([batch])))  # type: ignore[operator]


def test_provenance_section_in_the_docs_runs() -> None:
    result = _run_doctests(_section("Provenance: record it with every table"), "provenance section")
    assert result.attempted >= 5
    assert result.failed == 0


# ------------------------------------------------------------------------------------------
# One named quantity, one definition: the comparison's features and the feature vectors agree
# ------------------------------------------------------------------------------------------

AGREE_ANALYZER = Analyzer(readability=True, dictionaries=["negation"])


def _comparison_features(analysis: dict[str, object]) -> dict[str, float | None]:
    """The comparison's features under the feature vectors' names (``dictionary:x`` -> ``dictionaries.x``)."""
    from framing.compare.features import extract_features as compare_features

    out = {}
    for f, v in compare_features(analysis).items():
        name = f.name
        if name.startswith("dictionary:"):
            name = "dictionaries." + name.removeprefix("dictionary:")
        out[name] = v
    return out


def _assert_agree(analysis: dict[str, object]) -> None:
    ours = extract_features(analysis).to_dict()
    theirs = _comparison_features(analysis)
    common = set(ours) & set(theirs)
    for name in sorted(common):
        a, b = ours[name], theirs[name]
        assert (a is None) == (b is None), (name, a, b)
        assert a is None or b is None or math.isclose(a, b), (name, a, b)


@settings(max_examples=30, deadline=None)
@given(texts)
def test_shared_features_agree_with_the_comparison_on_real_analyses(text: str) -> None:
    _assert_agree(AGREE_ANALYZER.analyze(text).to_dict())


def test_shared_features_cover_the_quantities_both_layers_name() -> None:
    analysis = AGREE_ANALYZER.analyze(ARTICLES[0]).to_dict()
    common = set(extract_features(analysis).names) & set(_comparison_features(analysis))
    for name in ("attribution.per_1k_tokens", "loaded.authorial", "loaded.quoted", "readability.gunning_fog", "frames.n_present"):
        assert name in common
    assert any(n.startswith("attribution.type_share.") for n in common)
    assert any(n.startswith("dictionaries.negation.rate.") for n in common)
    assert any(n.startswith("dictionaries.negation.weighted.") for n in common)


def test_weighted_dictionary_columns_tell_categories_apart() -> None:
    # Every term in both categories, at different weights (the eMFD layout): equal rates, unequal weights.
    entries = (("protect", 0.9, 0.1), ("fair", 0.2, 0.8))
    cats = tuple(Category(cid, cid, tuple(Entry.parse(t, weight=w[k]) for t, *w in entries)) for k, cid in enumerate(("care", "fairness")))
    lex = Lexicon("weights-demo", "1", "CC0-1.0", "none", "demo", cats)
    an = Analyzer(attribution=False, loaded=False, frames=False, dictionaries=[lex])
    fv = extract_features(an.analyze("They protect the fair and protect the weak."))
    assert fv["dictionaries.weights-demo.rate.care"] == fv["dictionaries.weights-demo.rate.fairness"]
    n = an.analyze("They protect the fair and protect the weak.").n_tokens
    assert math.isclose(fv["dictionaries.weights-demo.weighted.care"], 1000 * (0.9 + 0.2 + 0.9) / n)
    assert math.isclose(fv["dictionaries.weights-demo.weighted.fairness"], 1000 * (0.1 + 0.8 + 0.1) / n)
    assert extract_features(an.analyze(""))["dictionaries.weights-demo.weighted.care"] == 0.0


def test_shared_features_agree_on_unusual_analysis_dicts() -> None:
    base = AGREE_ANALYZER.analyze(ARTICLES[2]).to_dict()
    attribution = base["attribution"]
    odd_types = {**attribution["balance"]["types"], "clergy": {"attributions": 3, "quoted_words": 0, "voice_share": None}}
    variants = [
        {**base, "n_tokens": 250.0},  # a count read back as a float
        {**base, "n_tokens": True},  # not a count
        {**base, "readability": {**base["readability"], "gunning_fog": math.inf, "smog_index": True}},
        {**base, "loaded": {**base["loaded"], "flagged": 2}},
        {**base, "loaded": {**base["loaded"], "quoted": {"score": 1.0, "n_tokens": 0.0}}},
        {**base, "frames": {**base["frames"], "present": [*base["frames"]["present"], "not_a_frame"]}},
        {**base, "attribution": {**attribution, "balance": {**attribution["balance"], "types": odd_types}}},
    ]
    for analysis in variants:
        _assert_agree(analysis)


def test_comparison_has_no_feature_for_an_absent_sides_mapping() -> None:
    from framing.compare.features import extract_features as compare_features

    names = {f.name for f in compare_features(ANALYZER.analyze(ARTICLES[0]).to_dict())}
    assert "attribution.sides" not in names
    assert "attribution.side_balance" not in names
    from framing import AttributionScorer

    sided = Analyzer(attribution=AttributionScorer(sides={"government": "state", "citizen": "public"}))
    analysis = sided.analyze(ARTICLES[0]).to_dict()
    names = {f.name for f in compare_features(analysis)}
    assert "attribution.side_balance" in names
    assert {"attribution.side_share.state", "attribution.side_share.public"} <= names
    _assert_agree(analysis)
