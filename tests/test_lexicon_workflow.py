"""The custom-lexicon workflow: wildcard floor, .dic duplicates, conditional lines, encodings, digests, script.

Every lexicon and text here is invented for the test.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from framing import Analyzer, Category, Entry, Lexicon, LexiconError, load_lexicon, read_csv, read_dic, read_toml
from framing.scorers.dictionary import latin_share

ROOT = Path(__file__).resolve().parent.parent
TOML_HEAD = '[lexicon]\nname = "t"\nversion = "1"\nlicense = "CC0"\ncitation = "-"\ndescription = "-"\n\n[categories.c]\ndefinition = "d"\n'
DIC_HEAD = "%\n1\tthreat\n2\treassure\n%\n"


def _dic(tmp_path: Path, body: str, name: str = "mine.dic", encoding: str = "utf-8") -> Path:
    p = tmp_path / name
    p.write_bytes((DIC_HEAD + body).encode(encoding))
    return p


# --- 1. the wildcard floor: code and documentation agree -----------------------------------------


def _documented_floor(text: str) -> set[str]:
    return set(re.findall(r"prefix of at least (\w+)", text))


def test_the_documented_wildcard_floor_is_the_one_the_reader_enforces(tmp_path: Path) -> None:
    words = {"two": 2, "three": 3}
    documented = _documented_floor((ROOT / "lexicons" / "FORMAT.md").read_text(encoding="utf-8"))
    documented |= _documented_floor((ROOT / "docs" / "lexicons.rst").read_text(encoding="utf-8"))
    assert len(documented) == 1, documented  # one rule, stated alike in both places
    floor = words[documented.pop()]
    ok, short = "w" * floor + "*", "w" * (floor - 1) + "*"
    toml = tmp_path / "w.toml"
    toml.write_text(TOML_HEAD + f'entries = ["fine", "{ok}"]\n', encoding="utf-8")
    assert read_toml(toml).categories[0].entries[1].wildcard
    toml.write_text(TOML_HEAD + f'entries = [\n  "fine",\n  "{short}",\n]\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="wildcard prefix") as info:
        read_toml(toml)
    assert (info.value.path, info.value.line) == (str(toml), 12)
    assert read_dic(_dic(tmp_path, f"fine\t1\n{ok}\t2\n")).category("reassure").entries[0].wildcard
    dic = _dic(tmp_path, f"fine\t1\n{short}\t2\n")
    with pytest.raises(LexiconError, match="wildcard prefix") as info:
        read_dic(dic)
    assert str(info.value).startswith(f"{dic}:6: ")


def test_no_bundled_wildcard_is_shorter_than_the_authoring_advice() -> None:
    from framing._resources import bundled_lexicon_names

    for name in bundled_lexicon_names():
        for cat in load_lexicon(name).categories:
            for e in (*cat.entries, *cat.exceptions):
                assert not e.wildcard or len(e.tokens[-1]) >= 3, (name, e.term)


# --- 2. duplicate lines: merged in .dic, errors in TOML and CSV ----------------------------------


def test_dic_lines_repeating_a_term_merge_their_categories_and_are_counted(tmp_path: Path) -> None:
    lex = read_dic(_dic(tmp_path, "storm\t1\ncalm\t2\nstorm\t2\nSTORM\t1\ncalm 2 2\n"))
    assert [e.term for e in lex.category("threat").entries] == ["storm"]
    assert [e.term for e in lex.category("reassure").entries] == ["calm", "storm"]
    assert lex.reading == {  # lines 7, 8 and 9 repeat a term of an earlier line
        "encoding": "utf-8",
        "merged_duplicate_lines": 3,
        "skipped_conditional_lines": 0,
        "skipped_conditional_terms": [],
    }
    assert lex.info()["reading"] == lex.reading
    once = read_dic(_dic(tmp_path, "calm\t2\nstorm\t1 2\n", name="once.dic"), name="mine")
    assert once.sha256 == lex.sha256  # the same entries as the file written without repeats
    assert once.reading is not None
    assert once.reading["merged_duplicate_lines"] == 0


@given(
    st.lists(
        st.tuples(st.sampled_from(["storm", "calm", "flood", "safe", "rescue*"]), st.sets(st.sampled_from("12"), min_size=1)), min_size=1
    )
)
def test_a_dic_file_reads_as_the_union_of_its_lines(lines: list[tuple[str, set[str]]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        lex = read_dic(_dic(Path(tmp), "".join(f"{t}\t{' '.join(sorted(nums))}\n" for t, nums in lines)))
    for num, cid in (("1", "threat"), ("2", "reassure")):
        expected = list(dict.fromkeys(t for t, nums in lines if num in nums))
        assert [e.term for e in lex.category(cid).entries] == expected
    assert lex.reading is not None
    assert lex.reading["merged_duplicate_lines"] == len(lines) - len({t for t, _ in lines})


def test_toml_and_csv_still_refuse_a_term_twice_in_a_category(tmp_path: Path) -> None:
    toml = tmp_path / "d.toml"
    toml.write_text(TOML_HEAD + 'entries = ["storm", "Storm"]\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="appears twice"):
        read_toml(toml)
    table = tmp_path / "d.csv"
    table.write_text("word,threat\nstorm,1\nstorm,2\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="appears twice") as info:
        read_csv(table)
    assert info.value.line == 3


# --- 3. LIWC conditional lines -------------------------------------------------------------------


def test_a_conditional_line_is_named_and_can_be_skipped_on_request(tmp_path: Path) -> None:
    dic = _dic(tmp_path, "storm\t1\nquiet\t(1 2)2/1\t2\nsafe\t2\nwell <done>1/2\n")
    with pytest.raises(LexiconError, match=r"conditional entries .* not supported; pass conditional='skip'") as info:
        read_dic(dic)
    assert str(info.value).startswith(f"{dic}:6: 'quiet'")
    lex = read_dic(dic, conditional="skip")
    assert {c.id: [e.term for e in c.entries] for c in lex.categories} == {"threat": ["storm"], "reassure": ["safe"]}
    assert lex.reading is not None
    assert lex.reading["skipped_conditional_terms"] == ["quiet", "well"]
    assert lex.info()["reading"]["skipped_conditional_lines"] == 2
    with pytest.raises(ValueError, match="conditional must be"):
        read_dic(dic, conditional="keep")  # type: ignore[arg-type]


def test_a_slash_in_a_term_is_a_bad_term_not_a_conditional_line(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="term '24/7'") as info:
        read_dic(_dic(tmp_path, "24/7\t1\n"), conditional="skip")
    assert info.value.line == 5


# --- 4. encodings --------------------------------------------------------------------------------


def test_a_latin1_dic_names_its_line_and_the_option_and_reads_with_it(tmp_path: Path) -> None:
    dic = _dic(tmp_path, "storm\t1\nd\u00e9sastre\t1\nr\u00e9pit\t2\n", encoding="latin-1")
    with pytest.raises(LexiconError, match=r"not valid UTF-8 \(byte 0xe9 at column 2\).*encoding='latin-1'") as info:
        read_dic(dic)
    assert info.value.line == 6
    lex = load_lexicon(dic, encoding="latin-1")
    assert [e.term for e in lex.category("threat").entries] == ["storm", "d\u00e9sastre"]
    assert lex.info()["reading"]["encoding"] == "latin-1"
    utf8 = _dic(tmp_path, "storm\t1\nd\u00e9sastre\t1\nr\u00e9pit\t2\n", name="utf8.dic")
    assert read_dic(utf8, name="mine").sha256 == lex.sha256  # the same entries, whatever the file's encoding


def test_encoding_errors_and_byte_order_marks(tmp_path: Path) -> None:
    bom = tmp_path / "bom.dic"
    bom.write_bytes(b"\xef\xbb\xbf" + (DIC_HEAD + "storm\t1\n").encode())
    assert read_dic(bom, encoding="UTF-8").n_entries == 1
    with pytest.raises(LexiconError, match="byte-order mark, so it is UTF-8") as info:
        read_dic(bom, encoding="latin-1")
    assert info.value.line == 1
    with pytest.raises(LexiconError, match="unknown encoding 'klingon'"):
        read_dic(bom, encoding="klingon")
    table = tmp_path / "w.csv"
    table.write_bytes("word,threat\nd\u00e9sastre,0.5\n".encode("cp1252"))
    assert read_csv(table, encoding="cp1252").category("threat").entries[0].term == "d\u00e9sastre"
    with pytest.raises(LexiconError, match="encoding=") as info:
        read_csv(table)
    assert info.value.line == 2
    toml = tmp_path / "l.toml"
    toml.write_bytes((TOML_HEAD + 'entries = ["d\u00e9sastre"]\n').encode("latin-1"))
    with pytest.raises(LexiconError, match="TOML lexicon is UTF-8") as info:
        read_toml(toml)
    assert info.value.line == 10


# --- 6. what the digest covers -------------------------------------------------------------------


def test_the_digest_follows_the_entries_and_name_not_the_file(tmp_path: Path) -> None:
    tidy = read_dic(_dic(tmp_path, "storm\t1\ncalm*\t2\n"))
    messy = read_dic(_dic(tmp_path, "\n# a comment\nstorm   1\r\ncalm*\t2\nstorm\t1\n", name="mine-copy.dic"), name="mine")
    assert messy.sha256 == tidy.sha256  # layout, comments and repeats are not hashed
    renamed = read_dic(_dic(tmp_path, "storm\t1\ncalm*\t2\n", name="renamed.dic"))
    assert renamed.name == "renamed"
    assert renamed.sha256 != tidy.sha256  # the default name is the file's
    pinned = read_dic(tmp_path / "renamed.dic", name="mine", citation="Someone else (2026)", license="CC0-1.0")
    assert pinned.sha256 == tidy.sha256  # metadata scoring does not read is not hashed
    assert read_dic(tmp_path / "renamed.dic", name="mine", version="2").sha256 != tidy.sha256


# --- 8. text in another script -------------------------------------------------------------------


def test_latin_share_counts_letters_only() -> None:
    assert latin_share("") is None
    assert latin_share("12 345 !") is None
    assert latin_share("Crisis talks") == 1.0
    assert latin_share("\u0416\u0416 ab") == 0.5
    assert latin_share("\u00c9t\u00e9 \u0153uvre \u0131") == 1.0  # accented, ligature and dotless i are Latin


@given(
    st.text(
        alphabet=st.sampled_from(
            list("abzAZ\u00e9\u00c9\u0153\u00df\u0131\u01c5\u1e9e\u4e2d\u6587\u0416\u0436\u03a9\u05d0\u0627 7_.,\u201c")
        ),
        max_size=40,
    )
)
def test_latin_share_agrees_with_the_unicode_names_of_the_letters(text: str) -> None:
    letters = [ch for ch in text if ch.isalpha()]
    share = latin_share(text)
    if not letters:
        assert share is None
    else:
        assert share == pytest.approx(sum(unicodedata.name(ch).startswith("LATIN") for ch in letters) / len(letters))


def test_a_latin_lexicon_flags_a_text_in_another_script() -> None:
    lex = Lexicon("alarm", "1", "CC0", "-", "-", (Category("threat", "Threat words.", (Entry.parse("crisis"), Entry.parse("danger*"))),))
    an = Analyzer(frames=False, loaded=False, attribution=False, dictionaries=[lex])
    chinese = an.analyze("\u6c34\u707e\u9020\u6210\u5371\u673a\u3002\u653f\u5e9c\u8868\u793a\u60c5\u51b5\u5371\u9669\u3002")
    assert chinese["dictionary:alarm"].flags == "non_latin_script"
    assert chinese.to_dict()["dictionaries"]["alarm"]["flags"] == "non_latin_script"
    english = an.analyze("The crisis deepened, and officials warned of danger.")
    assert english["dictionary:alarm"].flags == ""
    assert english["dictionary:alarm"].categories["threat"].total.count == 2
    mixed = an.analyze("Premier \u674e\u5f3a said the crisis was over.")  # a name in its own script
    assert mixed["dictionary:alarm"].flags == ""
    cyrillic = Lexicon(
        "trevoga", "1", "CC0", "-", "-", (Category("threat", "Threat words.", (Entry.parse("\u043a\u0440\u0438\u0437\u0438\u0441"),)),)
    )
    own = Analyzer(frames=False, loaded=False, attribution=False, dictionaries=[cyrillic]).analyze(
        "\u041a\u0440\u0438\u0437\u0438\u0441 \u0443\u0433\u043b\u0443\u0431\u0438\u043b\u0441\u044f."
    )
    assert own["dictionary:trevoga"].flags == ""  # a lexicon in the text's script is not flagged
    assert own["dictionary:trevoga"].categories["threat"].total.count == 1
