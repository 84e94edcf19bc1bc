"""The command line: inputs, formats, bad records, lexicon info, exit status."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing import FrameScorer, LoadedScorer, framing_version, load_lexicon
from framing.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "port-strike.txt"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_analyze_a_text_file(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyze", str(EXAMPLE), "--dictionary", "negation")
    assert code == 0
    d = json.loads(out)
    assert d["id"] == "port-strike.txt"
    assert d["metadata"]["path"] == str(EXAMPLE)
    assert "negation" in d["dictionaries"]


def test_jsonl_bad_records_are_reported_with_line_and_skipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "corpus.jsonl"
    p.write_text(
        '{"id": "a", "text": "First text.", "outlet": "x"}\n{not json\n{"id": "c"}\n\n["a list"]\n{"id": "f", "text": "Last text."}\n',
        encoding="utf-8",
    )
    code, out, err = run(capsys, "analyze", str(p))
    assert code == 1
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["a", "f"]
    assert rows[0]["metadata"] == {"outlet": "x"}
    assert f"{p}:2: invalid JSON" in err
    assert f"{p}:3: field 'text' is missing" in err
    assert f"{p}:5: a record must be a JSON object" in err


def test_json_and_csv_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "c.jsonl"
    p.write_text('{"id": "a", "text": "No, it was not."}\n{"id": "b", "text": "Yes."}\n', encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(p), "--format", "json", "-d", "negation")
    assert code == 0
    assert [d["id"] for d in json.loads(out)] == ["a", "b"]
    code, out, _ = run(capsys, "analyze", str(p), "--format", "csv", "-d", "negation", "--readability")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["a", "b"]
    assert rows[0]["dictionaries.negation.negators.count"] == "2"
    assert "readability.flesch_reading_ease" in rows[0]
    # every lexicon is named with its version and, in the same order, its digest
    names = rows[0]["lexicons"].split(";")
    digests = rows[0]["lexicons_sha256"].split(";")
    assert len(names) == len(digests) > 1
    assert dict(zip(names, digests, strict=True))["negation@" + load_lexicon("negation").version] == load_lexicon("negation").sha256


def test_empty_json_output_is_an_empty_array(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "empty.jsonl"
    p.write_text("", encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(p), "--format", "json")
    assert code == 0
    assert json.loads(out) == []


def test_lexicon_info_good_and_bad(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "lexicon", "info", "negation")
    assert code == 0
    assert json.loads(out)["name"] == "negation"
    bad = ROOT / "tests" / "data" / "lexicons" / "duplicate_term.toml"
    code, out, err = run(capsys, "lexicon", "info", str(bad))
    assert code == 2
    assert out == ""
    assert f"{bad}:13: term 'cost' appears twice" in err


def test_unknown_dictionary_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "analyze", str(EXAMPLE), "-d", "nope")
    assert code == 2
    assert "no bundled lexicon 'nope'" in err


def test_stdin_and_module_entry_point() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "framing", "analyze", "-"], input="He said “no.” She left.", capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    assert len(d["sentences"]) == 2
    assert d["quotes"][0]["kind"] == "speech"


def test_seed_article_quotations_via_cli(seed_text: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "seed.txt"
    p.write_text(seed_text, encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(p))
    assert code == 0
    d = json.loads(out)
    speech = [seed_text[q["start"] : q["end"]] for q in d["quotes"] if q["kind"] == "speech"]
    assert sum(q.startswith(("“We condemn", "“Iraq renews")) for q in speech) == 2
    assert any("open war" in q for q in speech)


def test_a_line_that_is_not_utf8_loses_only_itself(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "mixed.jsonl"
    good = [json.dumps({"id": f"r{i}", "text": f"Record number {i} was fine."}) for i in range(3)]
    p.write_bytes(
        (good[0] + "\n" + '{"id": "bad", "text": "caf\xe9 latin-1"}\n').encode("latin-1") + (good[1] + "\n" + good[2] + "\n").encode()
    )
    code, out, err = run(capsys, "analyze", str(p))
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["r0", "r1", "r2"]
    assert f"{p}:2: not valid UTF-8" in err
    assert err.count("skipped:") == 1


def test_a_text_file_that_is_not_utf8_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes("Line one.\nCaf\xe9 society.\n".encode("latin-1"))
    good = tmp_path / "good.txt"
    good.write_text("A good text.", encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(bad), str(good))
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["good.txt"]
    assert f"{bad}:2: not valid UTF-8" in err


def test_stdin_that_is_not_utf8_is_reported_by_line() -> None:
    data = b'{"id": "a", "text": "Fine."}\n{"id": "b", "text": "caf\xe9"}\n{"id": "c", "text": "Also fine."}\n'
    proc = subprocess.run(
        [sys.executable, "-m", "framing", "analyze", "--input", "jsonl", "-"], input=data, capture_output=True, check=False
    )
    assert proc.returncode == 1
    assert [json.loads(line)["id"] for line in proc.stdout.decode().splitlines()] == ["a", "c"]
    assert "<stdin>:2: not valid UTF-8" in proc.stderr.decode()
    assert "Traceback" not in proc.stderr.decode()


def test_an_unpaired_surrogate_escape_is_a_bad_record_not_a_crash(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "escapes.jsonl"
    lines = [
        json.dumps({"id": "pair", "text": "An emoji \U0001f600 is fine."}, ensure_ascii=True),
        '{"id": "half", "text": "A lone \\ud800 half."}',
        '{"id": "meta", "text": "Text is fine.", "outlet": "\\udfff"}',
        json.dumps({"id": "last", "text": "The end."}),
    ]
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(p))
    assert code == 1
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["pair", "last"]
    assert f"{p}:2: a string holds an unpaired surrogate" in err
    assert f"{p}:3: a string holds an unpaired surrogate" in err


def test_csv_has_every_column_of_every_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "c.jsonl"
    recs = [
        {"id": "a", "text": "A first text."},
        {"id": "b", "text": "A second text.", "outlet": "Daily", "date": "2024-03-01"},
        {"id": "c", "text": "A third text.", "outlet": "Weekly"},
    ]
    p.write_text("".join(json.dumps(r) + "\n" for r in recs), encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(p), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert [r["meta.outlet"] for r in rows] == ["", "Daily", "Weekly"]
    assert [r["meta.date"] for r in rows] == ["", "2024-03-01", ""]
    # a table names the code and the scorer settings that made its numbers
    assert {r["framing_version"] for r in rows} == {framing_version()}
    assert {r["loaded.settings.threshold"] for r in rows} == {str(LoadedScorer().threshold)}
    assert {r["frames.settings.min_tokens"] for r in rows} == {str(FrameScorer().min_tokens)}


def test_jsonl_piped_to_stdin_is_read_as_records_not_as_one_text(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [
        "",
        json.dumps({"id": "r1", "text": "The mayor said the bridge would reopen.", "outlet": "north"}),
        "{broken",
        json.dumps({"text": "A record without an id."}),
    ]
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n".join(lines) + "\n"))
    code, out, err = run(capsys, "analyze", "-q")
    assert code == 1  # the broken line is reported, the others are analysed
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in rows] == ["r1", "<stdin>:4"]
    assert rows[0]["metadata"] == {"outlet": "north"}
    assert "<stdin>:3: invalid JSON" in err


@pytest.mark.parametrize(
    "text", ["{Braces} open this text.\nIt is prose.", '"Not now," she said.\n{"a": 1}\n', "\n\nPlain prose after blank lines."]
)
def test_stdin_text_that_does_not_start_with_a_json_object_stays_one_text(
    text: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    code, out, _ = run(capsys, "analyze", "-q")
    assert code == 0
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert row["n_chars"] == len(text)
    assert row["metadata"] == {"path": "<stdin>"}


def test_input_text_keeps_a_json_line_on_stdin_as_text(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    text = '{"text": "x"}\n'
    monkeypatch.setattr(sys, "stdin", io.StringIO(text))
    code, out, _ = run(capsys, "analyze", "--input", "text", "-q")
    assert code == 0
    assert json.loads(out)["n_chars"] == len(text)


def test_csv_output_keeps_the_weighted_sum_of_a_weighted_dictionary(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # With per-word weights (eMFD style) every word is in every column, so the counts and rates
    # are the same in each category; only the weighted sums tell the categories apart.
    weights = tmp_path / "weights.csv"
    weights.write_text("word,care,fairness\nprotect,0.75,0.25\nfair,0.5,1.5\n", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "They protect a fair deal. It is fair."}) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(corpus), "--format", "csv", "-d", str(weights))
    assert code == 0
    (row,) = csv.DictReader(io.StringIO(out))
    assert row["dictionaries.weights.care.count"] == row["dictionaries.weights.fairness.count"] == "3"
    assert float(row["dictionaries.weights.care.weighted"]) == pytest.approx(0.75 + 0.5 + 0.5)
    assert float(row["dictionaries.weights.fairness.weighted"]) == pytest.approx(0.25 + 1.5 + 1.5)
    # the text quotes nobody: all the weight is in the outlet's own voice
    assert float(row["dictionaries.weights.care.authorial_weighted"]) == pytest.approx(0.75 + 0.5 + 0.5)
    assert float(row["dictionaries.weights.care.quoted_weighted"]) == 0.0


def test_csv_has_the_default_scorers_numbers_under_the_feature_names(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from framing import Analyzer
    from framing.integrations.features import extract_features

    text = '"We will rebuild the port," the mayor said. Critics called the brutal plan a disaster for taxpayers.'
    p = tmp_path / "c.jsonl"
    p.write_text(json.dumps({"id": "a", "text": text}) + "\n" + json.dumps({"id": "b", "text": "Rain fell."}) + "\n", encoding="utf-8")
    code, out, _ = run(capsys, "analyze", str(p), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = extract_features(Analyzer().analyze(text, id="a"))
    for name in ("frames.score.economic", "loaded.score", "loaded.flagged", "attribution.distinct_sources", "attribution.neutral_cue_share"):
        value = expected[name]
        assert value is not None
        assert float(rows[0][name]) == pytest.approx(value)
    assert rows[0]["frames.primary"] == Analyzer().analyze(text)["frames"].primary
    # a text with nothing to attribute leaves undefined measures empty, not zero
    assert rows[1]["attribution.voice_gini"] == ""


def test_jsonl_fields_can_be_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "scraped.jsonl"
    rows_in = [
        {"url": "u1", "body": "The minister said the plan was fair.", "headline": "A plan", "text": "teaser", "outlet": "Daily"},
        {"url": "u2", "headline": "No body here"},
    ]
    p.write_text("".join(json.dumps(r) + "\n" for r in rows_in), encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(p), "--text-field", "body", "--id-field", "url", "--title-field", "headline", "-q")
    assert code == 1
    (d,) = [json.loads(line) for line in out.splitlines()]
    assert d["id"] == "u1"
    assert d["n_chars"] == len(rows_in[0]["body"])
    # the other fields, a "text" field that is not the chosen one included, are metadata
    assert d["metadata"] == {"text": "teaser", "outlet": "Daily"}
    assert f"{p}:2: field 'body' is missing" in err
    # The same record under the default names gives the same analysis.
    q = tmp_path / "plain.jsonl"
    q.write_text(json.dumps({"id": "u1", "text": rows_in[0]["body"], "title": "A plan"}) + "\n", encoding="utf-8")
    _, out2, _ = run(capsys, "analyze", str(q), "-q")
    plain = json.loads(out2)
    assert {k: v for k, v in plain.items() if k != "metadata"} == {k: v for k, v in d.items() if k != "metadata"}


@given(
    fields=st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=8), min_size=3, max_size=3, unique=True),
    text=st.text(min_size=1, max_size=40).filter(lambda t: t.strip() != ""),
)
@settings(max_examples=25, deadline=None)
def test_any_field_names_read_the_same_record(fields: list[str], text: str) -> None:
    from framing.cli import _jsonl

    text_field, id_field, title_field = fields
    line = json.dumps({text_field: text, id_field: 7, title_field: "T", "extra": 1}) + "\n"
    ((_, _, rec),) = list(_jsonl([line], "x.jsonl", (text_field, id_field, title_field)))
    assert not isinstance(rec, Exception)
    assert (rec.text, rec.id, rec.title, dict(rec.metadata)) == (text, "7", "T", {"extra": 1})


def test_default_scorers_can_be_left_out_or_given_another_lexicon(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "analyze", str(EXAMPLE), "--without", "attribution", "--without", "loaded", "--frames", "generic-news-frames")
    assert code == 0
    d = json.loads(out)
    assert "attribution" not in d
    assert "loaded" not in d
    assert set(d["frames"]["scores"]) == {c.id for c in load_lexicon("generic-news-frames").categories}
    assert {x["name"] for x in d["lexicons"]} >= {"generic-news-frames"}
    assert "policy-frames" not in {x["name"] for x in d["lexicons"]}
    code, _, err = run(capsys, "analyze", str(EXAMPLE), "--frames", "no-such-taxonomy")
    assert code == 2
    assert "no-such-taxonomy" in err


def test_dictionary_options_go_to_the_reader_of_the_dictionary_before_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # A semicolon-separated long-format table whose columns have their own names, and a zero row.
    table = tmp_path / "mine.csv"
    table.write_text("lemma;group;w\nfair;justice;1.5\nprotect;care;0.5\nharm;care;0\n", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "They protect a fair deal without harm."}) + "\n", encoding="utf-8")
    code, out, err = run(
        capsys,
        "analyze",
        str(corpus),
        "-q",
        "-d",
        "negation",
        "-d",
        str(table),
        "-o",
        "delimiter=;",
        "-o",
        "term_column=lemma",
        "-o",
        "category_column=group",
        "-o",
        "weight_column=w",
        "-o",
        "skip_zero=true",
        "-o",
        "name=my-dict",
        "-o",
        "version=2.1",
    )
    assert code == 0, err
    d = json.loads(out)
    mine = d["dictionaries"]["my-dict"]
    assert mine["categories"]["justice"]["count"] == 1
    assert mine["categories"]["care"]["count"] == 1  # "harm" has weight 0 and was skipped
    assert {"name": "my-dict", "version": "2.1"}.items() <= next(x for x in d["lexicons"] if x["name"] == "my-dict").items()
    # an option before any dictionary, an option the reader does not take, a bad boolean
    with pytest.raises(SystemExit):
        main(["analyze", str(corpus), "-o", "name=x"])
    code, _, err = run(capsys, "analyze", str(corpus), "-d", str(table), "-o", "no_such_option=1")
    assert code == 2
    assert str(table) in err
    assert "no_such_option" in err
    with pytest.raises(SystemExit):
        main(["analyze", str(corpus), "-d", str(table), "-o", "skip_zero=maybe"])
    capsys.readouterr()


def test_jsonl_is_recognised_by_name_or_by_its_first_line_and_may_be_gzipped(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import gzip

    lines = '\ufeff{"id": "a", "text": "First text."}\n{"id": "b", "text": "Second text."}\n'
    for name in ("c.ndjson", "c.json", "c.txt"):
        (tmp_path / name).write_text(lines, encoding="utf-8")
    with gzip.open(tmp_path / "c.jsonl.gz", "wt", encoding="utf-8") as f:
        f.write(lines)
    for name in ("c.ndjson", "c.json", "c.txt", "c.jsonl.gz"):
        code, out, err = run(capsys, "analyze", str(tmp_path / name), "-q")
        assert (code, err) == (0, ""), name
        assert [json.loads(x)["id"] for x in out.splitlines()] == ["a", "b"], name  # the byte-order mark is no record
    # a JSON array is refused, not analysed as one text
    (tmp_path / "arr.json").write_text('[\n{"id": "a", "text": "x"}\n]\n', encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(tmp_path / "arr.json"), "-q")
    assert (code, out) == (1, "")
    assert "a JSON array, not JSONL" in err
    # a plain text keeps every character, a byte-order mark included, so offsets match the file
    (tmp_path / "t.txt").write_text("\ufeffThe port closed.", encoding="utf-8")
    _, out, _ = run(capsys, "analyze", str(tmp_path / "t.txt"), "-q")
    assert json.loads(out)["n_chars"] == len("\ufeffThe port closed.")


def test_output_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"id": i, "text": "The minister said the plan was a disaster. " * 30}) + "\n" for i in range(200)), encoding="utf-8")
    for fmt in ("json", "csv", "jsonl"):
        proc = subprocess.Popen(
            [sys.executable, "-m", "framing", "analyze", str(corpus), "--format", fmt, "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE
        )
        assert proc.stdout is not None
        proc.stdout.read(50)
        proc.stdout.close()  # the reader goes away, as `| head` does
        _, err = proc.communicate(timeout=300)
        assert b"Traceback" not in err, (fmt, err.decode())
        assert proc.returncode == 0, fmt


def test_lexicons_in_the_wrong_role_and_contradictory_options_are_usage_errors(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "analyze", str(EXAMPLE), "--loaded", "policy-frames")
    assert code == 2
    assert "no category grouped 'loaded' or 'epistemic'" in err
    code, _, err = run(capsys, "analyze", str(EXAMPLE), "--frames", "generic-news-frames", "--without", "frames")
    assert code == 2
    assert "contradict" in err


def test_lexicon_info_takes_reader_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = tmp_path / "w.csv"
    table.write_text("word,care,care_sent\nprotect,0.75,0.1\n", encoding="utf-8")
    code, out, _ = run(capsys, "lexicon", "info", str(table), "-o", "category_columns=care", "-o", "version=2.0")
    assert code == 0
    info = json.loads(out)
    assert (info["version"], [c["id"] for c in info["categories"]]) == ("2.0", ["care"])
    code, _, err = run(capsys, "lexicon", "info", "negation", "-o", "version=2")
    assert code == 2
    assert "not to bundled lexicons" in err


def test_a_json_document_over_several_lines_is_refused_and_a_tab_delimiter_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "doc.json").write_text('\n\n{\n  "id": "a",\n  "text": "x"\n}\n', encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(tmp_path / "doc.json"), "-q")
    assert (code, out) == (1, "")
    assert f"{tmp_path / 'doc.json'}:3: a JSON document over several lines, not JSONL" in err
    table = tmp_path / "t.tsv.csv"
    table.write_text("term\tcat\nstrike\tlabour\n", encoding="utf-8")
    code, out, err = run(capsys, "analyze", str(EXAMPLE), "-q", "-d", str(table), "-o", "delimiter=\\t", "-o", "term_column=term", "-o", "category_column=cat")
    assert code == 0, err
    assert json.loads(out)["dictionaries"]["t.tsv"]["categories"]["labour"]["count"] > 0


# --- custom lexicons: reader options for --frames, .dic reading policies, null readability -------

_DIC = "%\n1\tconflict\n2\thuman_interest\n%\nclash*\t1\nrow\t1\nfamil*\t2\nclash*\t1\n"


def test_reader_options_apply_to_a_frames_file_named_before_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    taxonomy = tmp_path / "frames-mine.dic"
    taxonomy.write_text(_DIC, encoding="utf-8")
    extra = tmp_path / "extra.dic"
    extra.write_text("%\n1\tharm\n%\nhurt\t1\n", encoding="utf-8")
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": "The clash hurt families."}) + "\n", encoding="utf-8")
    code, out, err = run(
        capsys, "analyze", str(corpus), "-q", "--frames", str(taxonomy), "-o", "name=my-frames", "-o", "version=1.2",
        "-d", str(extra), "-o", "version=0.3",
    )  # fmt: skip
    assert code == 0, err
    d = json.loads(out)
    refs = {x["name"]: x["version"] for x in d["lexicons"]}
    assert (refs["my-frames"], refs["extra"]) == ("1.2", "0.3")  # each -o went to the file just before it
    assert set(d["frames"]["scores"]) == {"conflict", "human_interest"}
    code, _, err = run(capsys, "analyze", str(corpus), "--frames", "policy-frames", "-o", "version=2")
    assert code == 2
    assert "not to bundled lexicons" in err
    code, _, err = run(capsys, "analyze", str(corpus), "--frames", str(taxonomy), "-o", "conditional=maybe")
    assert code == 2
    assert "conditional must be 'error' or 'skip'" in err
    with pytest.raises(SystemExit):
        main(["analyze", str(corpus), "-o", "version=1", "--frames", str(taxonomy)])
    assert "--frames PATH" in capsys.readouterr().err


def test_lexicon_info_reports_how_a_dic_file_was_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dic = tmp_path / "liwc-style.dic"
    dic.write_bytes((_DIC + "like\t(1 2)1/2\t2\nd\u00e9fi\t1\n").encode("latin-1"))
    code, _, err = run(capsys, "lexicon", "info", str(dic))
    assert code == 2
    assert f"{dic}:10: not valid UTF-8" in err
    assert "-o encoding=latin-1" in err
    code, _, err = run(capsys, "lexicon", "info", str(dic), "-o", "encoding=latin-1")
    assert code == 2
    assert f"{dic}:9: 'like': LIWC conditional entries" in err
    assert "-o conditional=skip" in err
    code, out, err = run(capsys, "lexicon", "info", str(dic), "-o", "encoding=latin-1", "-o", "conditional=skip")
    assert code == 0, err
    info = json.loads(out)
    assert info["reading"] == {
        "encoding": "latin-1",
        "merged_duplicate_lines": 1,
        "skipped_conditional_lines": 1,
        "skipped_conditional_terms": ["like"],
    }
    assert [c["n_entries"] for c in info["categories"]] == [3, 1]
    code, out, _ = run(capsys, "lexicon", "info", "negation")
    assert code == 0
    assert "reading" not in json.loads(out)  # a bundled lexicon is not read from a user's file


def test_documents_without_readability_scores_are_skipped_by_analyze_csv_and_compare(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    long_text = "The council approved the new budget after a long debate. Critics said taxes would rise. " * 8
    corpus = tmp_path / "c.jsonl"
    with corpus.open("w", encoding="utf-8") as f:
        for outlet in ("A", "B"):
            for i, text in enumerate(["Outrageous", "a " * 3000, long_text, long_text.replace("long", "short"), long_text]):
                f.write(json.dumps({"id": f"{outlet}{i}", "outlet": outlet, "text": text}) + "\n")
    code, out, err = run(capsys, "analyze", str(corpus), "-q", "--readability", "--format", "csv", "--without", "attribution")
    assert code == 0, err
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert (rows["A0"]["readability.flesch_reading_ease"], rows["A0"]["readability.flags"]) == ("", "few_words;few_sentences")
    assert rows["A1"]["readability.flags"] == "few_sentences;long_sentences"
    assert float(rows["A2"]["readability.flesch_reading_ease"]) > 0
    assert rows["A2"]["readability.flags"] == ""
    features = tmp_path / "features.csv"
    code, out, err = run(
        capsys, "compare", str(corpus), "-q", "--format", "json", "--n-boot", "10", "--permutations", "0", "--features", str(features),
    )  # fmt: skip
    assert code == 0, err
    table = {r["id"]: r for r in csv.DictReader(io.StringIO(features.read_text(encoding="utf-8")))}
    assert table["A1"]["readability.flesch_reading_ease"] == ""
    assert float(table["B2"]["readability.flesch_reading_ease"]) > 0
    assert not any(name.startswith("readability.flags") for name in next(iter(table.values())))
    assert "readability.flesch_reading_ease" in out


def test_reader_options_after_loaded_are_refused_not_given_to_an_earlier_dictionary() -> None:
    from framing.cli import _parser

    parser = _parser()
    with pytest.raises(SystemExit):
        parser.parse_args(["analyze", "c.jsonl", "--dictionary", "d.csv", "--loaded", "loaded-language", "-o", "name=mine"])
    ok = parser.parse_args(["analyze", "c.jsonl", "--loaded", "loaded-language", "--dictionary", "d.csv", "-o", "name=mine"])
    assert ok.loaded == "loaded-language"
