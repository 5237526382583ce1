"""The editors' guide, in Vietnamese and English: every command it shows is run here, as the Makefile runs it,
against a copy of the site."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

GUIDES = [ROOT / "guide/huong-dan-bien-tap.md", ROOT / "guide/editors-guide.md"]
SAME_KEY = re.compile(r"<[^>]+>")  # "<cùng khóa>" / "<same key>" in the text: the key just created


def shown_commands(path: Path) -> list[str]:
    text = path.read_text(encoding="utf-8")
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    commands = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    commands += re.findall(r"`(make [^`]+)`", text)
    return list(dict.fromkeys(commands))


def test_both_guides_show_the_same_commands() -> None:
    vi, en = (shown_commands(g) for g in GUIDES)
    assert [SAME_KEY.sub("KEY", c) for c in vi] == [SAME_KEY.sub("KEY", c) for c in en]
    assert {"make serve", "make check", "make fix", "make build"} <= set(vi)


def makefile_commands(command: str) -> list[list[str]]:
    """What `make` runs for ``command``: the scripts, from a dry run of the real Makefile (setting up, as fetching
    the pinned npm packages, left out: make test has done it)."""
    plan = subprocess.run(["make", "-n", *command.split()[1:]], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout
    return [line.split()[1:] for line in plan.splitlines()
            if line.startswith(".venv/bin/python scripts/") and "scripts/fetch_npm.py" not in line]


def test_every_command_in_the_guides_runs(site_copy: Path, tmp_path: Path) -> None:
    from conftest import make_site_copy

    clean = make_site_copy(tmp_path / "clean")  # check, fix and build run on complete content
    key = None
    for command in shown_commands(GUIDES[0]):
        if command == "make serve":
            # Serving is a long-running process: tests/test_scripts.py starts it, edits a record and sees the
            # rebuilt page. Here: the guide's command runs that same script.
            assert makefile_commands(command) == [["scripts/serve.py"]]
            continue
        if command == "make edit":
            # The form's server is long-running too: tests/test_admin.py drives the form through it.
            assert makefile_commands(command) == [["scripts/edit.py"]]
            continue
        if "KEY=" in command:
            command = SAME_KEY.sub(key or "", command)
        steps = makefile_commands(command)
        assert steps, f"the guide shows {command!r}, which runs no script"
        scaffold = command.startswith(("make new-procedure", "make new-document", "make new-news"))
        for script, *args in steps:
            root = site_copy if scaffold else clean
            done = subprocess.run([sys.executable, str(ROOT / script), *args, "--root", str(root)],
                                  capture_output=True, text=True, cwd=ROOT)
            if scaffold:
                assert done.returncode == 0, (command, done.stdout, done.stderr)
                assert "Đã tạo / created" in done.stdout
                if command.startswith("make new-news") and "EN=1" not in command:
                    key = command.split("KEY=", 1)[1].split()[0]
            else:
                assert done.returncode == 0, (command, done.stdout, done.stderr)
    created = [site_copy / "procedures/1.013999.yml", site_copy / "documents/45-2026-nd-cp.yml"]
    assert all(path.is_file() for path in created)
    assert key and any(site_copy.glob(f"docs/tin-tuc/*/{key}.en.md"))


def test_check_after_the_guides_scaffolds_lists_the_fields(site_copy: Path) -> None:
    subprocess.run([sys.executable, str(ROOT / "scripts/new_procedure.py"), "1.013999", "--root", str(site_copy)],
                   check=True, capture_output=True)
    done = subprocess.run([sys.executable, str(ROOT / "scripts/check_content.py"), "--root", str(site_copy)],
                          capture_output=True, text=True)
    assert done.returncode == 1
    assert "procedures/1.013999.yml:7: ten.vi: must not be empty or only spaces\n    ↳ không được để trống" in done.stdout


@pytest.mark.parametrize("guide", GUIDES, ids=["vi", "en"])
def test_guides_cover_every_kind_of_content(guide: Path) -> None:
    text = guide.read_text(encoding="utf-8")
    for needle in ("procedures/sets/", "documents/", "docs/tin-tuc/", "make new-procedure", "make new-document",
                   "make new-news", "make check", "make serve", "GitHub Pages", "↳"):
        assert needle in text, needle
