"""Lexicon model and readers: TOML, LIWC .dic, CSV; errors that name file and line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing import Category, Entry, Lexicon, LexiconError, load_lexicon, read_csv, read_dic, read_toml
from framing._resources import bundled_lexicon_names
from framing.lexicon import parse_toml

from conftest import shared_file
from strategies import terms

DATA = Path(__file__).parent / "data" / "lexicons"
CASES = json.loads((DATA / "cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_malformed_files_name_file_line_and_problem(case: dict[str, object]) -> None:
    path = DATA / str(case["file"])
    with pytest.raises(LexiconError) as info:
        load_lexicon(path)
    err = info.value
    assert err.path == str(path)
    assert err.line == case["line"]
    assert str(case["problem"]) in err.problem
    assert str(err).startswith(f"{path}:{case['line']}: ")


def test_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read file"):
        load_lexicon(tmp_path / "absent.toml")


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    p = tmp_path / "lex.pickle"
    p.write_bytes(b"\x80\x04")
    with pytest.raises(LexiconError, match="unknown lexicon format"):
        load_lexicon(p)


def test_unknown_bundled_name_lists_what_exists() -> None:
    with pytest.raises(LookupError, match="policy-frames"):
        load_lexicon("no-such-lexicon")


def test_every_bundled_lexicon_loads_with_metadata_and_matching_file_name() -> None:
    names = bundled_lexicon_names()
    assert {"policy-frames", "loaded-language", "negation", "abbreviations", "attribution-cues"} <= set(names)
    for name in names:
        lex = load_lexicon(name)
        assert lex.name == name
        assert all((lex.version, lex.license, lex.citation, lex.description))
        for cat in lex.categories:
            assert len(cat.definition) > 20, (name, cat.id)
            assert cat.entries


def test_policy_frames_has_the_fourteen_stable_ids() -> None:
    ids = load_lexicon("policy-frames").category_ids
    assert ids == (
        "economic", "capacity_and_resources", "morality", "fairness_and_equality",
        "legality_constitutionality_jurisprudence", "policy_prescription_and_evaluation",
        "crime_and_punishment", "security_and_defense", "health_and_safety", "quality_of_life",
        "cultural_identity", "public_opinion", "political", "external_regulation_and_reputation",
    )  # fmt: skip


def test_mfd2_dic_reads_exactly() -> None:
    lex = read_dic(shared_file("data/dictionaries/mfd2.0.dic"))
    assert lex.n_entries == 2103
    assert len(lex.categories) == 10
    assert lex.category_ids[:2] == ("care.virtue", "care.vice")
    assert any(len(e.tokens) > 1 for c in lex.categories for e in c.entries)
    assert lex.version == "unversioned"
    assert read_dic(shared_file("data/dictionaries/mfd2.0.dic"), name="mfd2", version="2.0").version == "2.0"


def test_emfd_csv_reads_as_weighted_categories() -> None:
    lex = read_csv(shared_file("data/dictionaries/emfd_scoring.csv"))
    assert len(lex.categories) == 10
    care = lex.category("care_p")
    assert len(care.entries) == 3270
    assert all(0.0 <= e.weight <= 1.0 for e in care.entries)
    assert any(e.weight < 0 for e in lex.category("care_sent").entries)


def test_dic_reader_tolerates_bom_crlf_spaces_duplicates_and_multi_category() -> None:
    lex = read_dic(DATA / "tolerant.dic")
    assert lex.category_ids == ("care.virtue", "care.vice")
    assert [e.term for e in lex.category("care.virtue").entries] == ["kind*", "mixed feelings"]
    assert [e.term for e in lex.category("care.vice").entries] == ["hurt", "mixed feelings"]


def test_csv_long_layout(tmp_path: Path) -> None:
    p = tmp_path / "long.tsv"
    p.write_text("term\tcategory\tweight\nriot\tconflict\t2\npeace deal\tcooperation\t1.5\n", encoding="utf-8")
    lex = read_csv(p, category_column="category", weight_column="weight")
    assert lex.category("conflict").entries[0].weight == 2.0
    assert lex.category("cooperation").entries[0].tokens == ("peace", "deal")


def test_entry_parsing_rules() -> None:
    assert Entry.parse("So-called").tokens == ("so", "called")
    assert Entry.parse("NATO", case_sensitive=True).tokens == ("NATO",)
    with pytest.raises(LexiconError, match="'\\*' only at the end"):
        Entry.parse("ab*c")
    with pytest.raises(LexiconError, match="at least two letters"):
        Entry.parse("a*")
    with pytest.raises(LexiconError, match="finite"):
        Entry.parse("x", weight=float("nan"))
    # a number keeps its separators, as the tokenizer does; elsewhere a period is refused
    assert Entry.parse("1.5 degrees").tokens == ("1.5", "degrees")
    assert Entry.parse("10,000 jobs").tokens == ("10,000", "jobs")
    for bad in ("1.5.", "a.b", "2, 3", "U.S."):
        with pytest.raises(LexiconError, match="only between digits"):
            Entry.parse(bad)


@given(
    whole=st.integers(min_value=0, max_value=10**6),
    frac=st.integers(min_value=0, max_value=999),
    sep=st.sampled_from([".", ",", ":"]),
    word=st.sampled_from(["degrees", "jobs", "percent"]),
)
def test_a_number_entry_matches_the_number_in_text(whole: int, frac: int, sep: str, word: str) -> None:
    from framing import Document, Matcher

    term = f"{whole}{sep}{frac} {word}"
    lex = Lexicon("n", "1", "CC0", "-", "-", (Category("c", "numbers", (Entry.parse(term),)),))
    text = f"They spoke of {term} and of {whole} {frac} {word}."
    found = [text[m.start : m.end] for m in Matcher(lex).find(Document.from_text(text))]
    assert found == [term]


def test_info_reports_counts() -> None:
    info = load_lexicon("negation").info()
    assert info["name"] == "negation"
    assert sum(c["n_entries"] for c in info["categories"]) == info["n_entries"]


category_ids = st.from_regex(r"[a-z][a-z0-9_]{0,12}", fullmatch=True)


@st.composite
def lexicons(draw: st.DrawFn) -> Lexicon:
    ids = draw(st.lists(category_ids, min_size=1, max_size=4, unique=True))
    cats = []
    for cid in ids:
        raw = draw(st.lists(terms, min_size=1, max_size=8, unique_by=str.lower))
        weights = draw(st.lists(st.sampled_from([1.0, 0.5, 2.0, -1.25]), min_size=len(raw), max_size=len(raw)))
        cats.append(
            Category(
                cid,
                f'Definition of {cid}, with "quotes" and a \\ backslash.',
                tuple(Entry.parse(t, weight=w) for t, w in zip(raw, weights, strict=True)),
                cid.title(),
                draw(st.none() | st.just("loaded")),
            )
        )
    return Lexicon(
        draw(st.from_regex(r"[a-z][a-z0-9\-]{0,10}", fullmatch=True)), "1.2.3", "CC0-1.0", "Cite — “me”.", "Line one\nline two", tuple(cats)
    )


@given(lexicons())
def test_native_format_round_trips(lex: Lexicon) -> None:
    again = parse_toml(lex.to_toml())
    assert again == lex
    assert again.sha256 == lex.sha256


def test_read_toml_reads_a_written_file(tmp_path: Path) -> None:
    lex = load_lexicon("negation")
    p = tmp_path / "copy.toml"
    p.write_text(lex.to_toml(), encoding="utf-8")
    assert read_toml(p) == lex


def test_csv_skip_zero_drops_cells_of_weight_zero(tmp_path: Path) -> None:
    p = tmp_path / "w.csv"
    p.write_text("word,care,fair\nprotect,0.6,0\nfair,0.0,0.8\nharm,0.7,\n", encoding="utf-8")
    kept = read_csv(p)
    assert [e.term for e in kept.category("care").entries] == ["protect", "fair", "harm"]
    sparse = read_csv(p, skip_zero=True)
    assert [e.term for e in sparse.category("care").entries] == ["protect", "harm"]
    assert [e.term for e in sparse.category("fair").entries] == ["fair"]
    assert sparse.sha256 != kept.sha256


def test_the_digest_covers_category_groups_but_not_definitions() -> None:
    cat = Category("hedge", "Hedges.", (Entry.parse("reportedly"),), group="epistemic")
    lex = Lexicon("d", "1", "CC0", "none", "demo", (cat,))
    regrouped = Lexicon("d", "1", "CC0", "none", "demo", (Category("hedge", "Hedges.", cat.entries, group="loaded"),))
    redefined = Lexicon("d", "1", "CC0", "none", "demo", (Category("hedge", "Other words.", cat.entries, group="epistemic"),))
    assert lex.sha256 != regrouped.sha256
    assert lex.sha256 == redefined.sha256


def test_load_lexicon_passes_options_to_file_readers_only(tmp_path: Path) -> None:
    table = tmp_path / "weights.csv"
    table.write_text("word,care,harm\nkind,0.5,0\ncruel,0,0.75\n", encoding="utf-8")
    sparse = load_lexicon(table, name="w", version="1", skip_zero=True)
    assert {c.id: [e.term for e in c.entries] for c in sparse.categories} == {"care": ["kind"], "harm": ["cruel"]}
    with pytest.raises(TypeError):
        load_lexicon("negation", skip_zero=True)
    toml = tmp_path / "x.toml"
    toml.write_text("", encoding="utf-8")
    with pytest.raises(TypeError):
        load_lexicon(toml, skip_zero=True)


def test_csv_skip_zero_still_validates_the_row(tmp_path: Path) -> None:
    p = tmp_path / "w.csv"
    p.write_text("word,care\nprotect,0.6\n*bad,0\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        read_csv(p, skip_zero=True)
    assert err.value.line == 3


def test_exceptions_read_write_and_are_checked(tmp_path: Path) -> None:
    head = '[lexicon]\nname = "t"\nversion = "1"\nlicense = "CC0"\ncitation = "-"\ndescription = "-"\n\n[categories.c]\ndefinition = "d"\n'
    lex = parse_toml(head + 'entries = ["lying", "host*"]\nexceptions = ["low-lying", "hostel"]\n')
    assert [e.term for e in lex.categories[0].exceptions] == ["low-lying", "hostel"]
    assert lex.info()["categories"][0]["n_exceptions"] == 2
    assert lex.n_entries == 2  # exceptions are no entries
    assert parse_toml(lex.to_toml()) == lex
    without = parse_toml(head + 'entries = ["lying", "host*"]\n')
    assert without.sha256 != lex.sha256  # they change scores, so they change the digest
    bad = tmp_path / "bad.toml"
    for tail, problem, line in [
        ('entries = ["lying"]\nexceptions = [{ term = "low-lying", weight = 2.0 }]\n', "exceptions take no weight", 11),
        ('entries = ["lying"]\nexceptions = ["lying"]\n', "both an entry and an exception", 11),
        ('entries = ["lying"]\nexceptions = "low-lying"\n', "'exceptions' must be a list", 11),
    ]:
        bad.write_text(head + tail, encoding="utf-8")
        with pytest.raises(LexiconError, match=problem) as info:
            read_toml(bad)
        assert info.value.line == line


def test_a_syntax_error_found_at_the_end_names_the_last_line() -> None:
    src = '[lexicon]\nname = "x"\n[categories.a]\nentries = ["a", "b"'
    with pytest.raises(LexiconError, match="Unclosed array") as info:
        parse_toml(src)
    assert info.value.line == 4


def test_a_syntax_error_at_the_end_names_the_last_line_of_a_file_with_a_final_newline() -> None:
    src = '[lexicon]\nname = "x"\n[categories.a]\nentries = ["a", "b"\n'
    with pytest.raises(LexiconError, match="Unclosed array") as info:
        parse_toml(src)
    assert info.value.line == 4
