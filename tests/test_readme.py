"""The README's examples run: its Python session as a doctest, its set-up command's analysis."""

from __future__ import annotations

import doctest
import json
import re
import shlex
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def test_readme_python_examples() -> None:
    result = doctest.testfile(str(README), module_relative=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 5
    assert result.failed == 0


def test_readme_setup_command_analyses_the_shipped_example() -> None:
    text = README.read_text(encoding="utf-8")
    setup = re.search(r"\.venv/bin/(framing analyze [^\n`]+)", text)
    assert setup is not None, "the README's set-up command runs framing analyze"
    args = shlex.split(setup.group(1))[1:]
    proc = subprocess.run([sys.executable, "-m", "framing", *args], cwd=ROOT, capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
    [doc] = json.loads(proc.stdout)
    assert doc["id"] == "port-strike.txt"
    assert len(doc["quotes"]) >= 5
    assert doc["readability"]["n_words"] > 100


def test_readme_test_command_is_what_ci_runs() -> None:
    text = README.read_text(encoding="utf-8")
    assert "bash .ci/run" in text
    assert (ROOT / ".ci" / "run").exists()
