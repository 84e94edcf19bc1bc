"""The wheel ships the lexicons and works from a clean virtual environment outside the repository."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(out), str(ROOT)], check=True, capture_output=True)
    [whl] = out.glob("framing-*.whl")
    return whl


def test_wheel_contains_lexicons_and_type_marker(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "framing/py.typed" in names
    assert "framing/_lexicons/frames/policy-frames.toml" in names
    assert "framing/_lexicons/abbreviations.toml" in names
    assert not any("_part_" in n for n in names)


def test_clean_venv_runs_the_cli_outside_the_repository(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    py = env_dir / "bin" / "python"
    # Nothing of the developer's environment may point back into the checkout.
    clean_env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    subprocess.run([str(py), "-m", "pip", "install", "--quiet", str(wheel)], check=True, capture_output=True, env=clean_env)
    article = tmp_path / "article.txt"
    article.write_text((ROOT / "examples" / "port-strike.txt").read_text(encoding="utf-8"), encoding="utf-8")
    work = tmp_path / "elsewhere"
    work.mkdir()
    proc = subprocess.run(
        [str(env_dir / "bin" / "framing"), "analyze", str(article), "-d", "policy-frames", "--readability"],
        cwd=work, capture_output=True, text=True, check=False, env=clean_env,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    assert {x["name"] for x in d["lexicons"]} >= {"policy-frames", "negation"}
    assert d["readability"]["flesch_reading_ease"] is not None
    where = subprocess.run(
        [str(py), "-c", "import framing, sys; print(framing.__file__)"], cwd=work, capture_output=True, text=True, check=True, env=clean_env
    )
    assert str(env_dir) in where.stdout
