"""The commands editors and CI run: exit codes and messages, on the sample and on broken copies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT

from cchc.catalogue import load_catalogue
from cchc.coverage import translation_coverage


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "scripts" / script), *args],
                          capture_output=True, text=True, timeout=300)


def break_fee(root: Path) -> int:
    path = root / "procedures" / "1.001193.yml"
    text = path.read_text(encoding="utf-8").replace("so_tien: 8000", "so_tien: 50.000đ")
    path.write_text(text, encoding="utf-8")
    return next(n for n, line in enumerate(text.splitlines(), 1) if "50.000đ" in line)


def test_check_passes_on_the_sample() -> None:
    result = run("check_content.py")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "40 thủ tục / procedures" in result.stdout


def test_check_and_build_fail_with_the_same_message(site_copy: Path) -> None:
    line = break_fee(site_copy)
    expected = f"procedures/1.001193.yml:{line}: cach_thuc[0].phi[1].so_tien: must be a whole number, got '50.000đ'"
    check = run("check_content.py", "--root", str(site_copy))
    assert check.returncode == 1 and expected in check.stdout
    build = run("build_site.py", "--root", str(site_copy))
    assert build.returncode == 1 and expected in build.stderr + build.stdout
    assert not (site_copy / "site").exists()  # nothing half-published


def test_build_reports_published_counts_and_coverage(site_copy: Path) -> None:
    result = run("build_site.py", "--root", str(site_copy))
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    assert "[vi] published 40 of 40 procedures" in log
    assert "[en] published 40 of 40 procedures" in log
    assert "[en] translation coverage, procedures: names 40/40, full content 10/40" in log
    assert (site_copy / "site" / "index.html").is_file() and (site_copy / "site" / "en" / "index.html").is_file()


def test_schema_check_passes() -> None:
    assert run("make_schemas.py", "--check").returncode == 0


def test_translation_coverage_counts() -> None:
    cov = {c.kind: c for c in translation_coverage(load_catalogue(ROOT))}
    assert cov["procedures"].total == 40 and cov["procedures"].names == 40
    assert 10 <= cov["procedures"].full < 40
