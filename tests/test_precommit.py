"""The real pre-commit runs mslint's hook from this repository on a LaTeX repository:
a manuscript with a finding fails the hook, a clean one passes, and an image the
manuscript references is checked although only the .tex file is handed to the hook."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from shared_paths import REPO_ROOT

CLEAN_TEX = r"""\documentclass{article}
\begin{document}
\section{Methods}
We searched the literature for reporting guidelines and summarised their items.
\end{document}
"""

CASE_TEX = r"""\documentclass{article}
\begin{document}
\section{Case presentation}
A man in his 60s presented with chest pain. Computed tomography showed an aortic dissection
and he underwent emergency surgery.
\end{document}
"""

FIGURE_TEX = r"""\documentclass{article}
\begin{document}
\section{Methods}
We describe the imaging set-up used in the clinic.
\begin{figure}
\includegraphics{setup}
\caption{Schematic of the set-up.}
\end{figure}
\end{document}
"""


def _git(*args: str, cwd: Path) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout.strip()


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory) -> tuple[Path, dict[str, str], str]:
    if not (REPO_ROOT / ".git").exists():
        pytest.skip("the mslint checkout is not a git repository")
    pre_commit = shutil.which("pre-commit", path=str(Path(sys.executable).parent)) or shutil.which(
        "pre-commit"
    )
    assert pre_commit, "pre-commit is a dev dependency and must be installed"
    work = tmp_path_factory.mktemp("manuscripts")
    _git("init", "-q", cwd=work)
    (work / "clean.tex").write_text(CLEAN_TEX, encoding="utf-8")
    (work / "case.tex").write_text(CASE_TEX, encoding="utf-8")
    (work / "figure.tex").write_text(FIGURE_TEX, encoding="utf-8")
    photo = Image.new("RGB", (32, 32), "white")
    exif = photo.getexif()
    exif[0x013B] = "Dr Example Photographer"
    photo.save(work / "setup.jpg", exif=exif)
    rev = _git("rev-parse", "HEAD", cwd=REPO_ROOT)
    (work / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {REPO_ROOT}\n    rev: {rev}\n    hooks:\n      - id: mslint\n",
        encoding="utf-8",
    )
    _git("add", "clean.tex", "case.tex", "figure.tex", ".pre-commit-config.yaml", cwd=work)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path_factory.mktemp("pre-commit-home"))}
    return work, env, pre_commit


def _run_hook(hook_repo, *files: str) -> subprocess.CompletedProcess[str]:
    work, env, pre_commit = hook_repo
    return subprocess.run(
        [pre_commit, "run", "--files", *files],
        cwd=work,
        env=env,
        capture_output=True,
        text=True,
        timeout=1200,
    )


def test_hook_passes_a_clean_manuscript(hook_repo) -> None:
    result = _run_hook(hook_repo, "clean.tex")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_hook_fails_a_case_report_without_consent(hook_repo) -> None:
    result = _run_hook(hook_repo, "case.tex")
    assert result.returncode == 1
    assert "MS101" in result.stdout and "case.tex" in result.stdout


def test_hook_checks_the_image_a_staged_tex_file_references(hook_repo) -> None:
    result = _run_hook(hook_repo, "figure.tex")
    assert result.returncode == 1
    assert "MS301" in result.stdout and "setup" in result.stdout
    assert "Example Photographer" not in result.stdout
