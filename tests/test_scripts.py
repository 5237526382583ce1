"""The commands editors and CI run: exit codes and messages, on the sample and on broken copies."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from cchc.content.catalogue import load_catalogue
from cchc.output.coverage import Coverage, SectionCoverage, translation_coverage
from cchc.site.leaflet import PDF_NAME


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
    # The parallel path indexes each language as its worker finishes and prints both leaflets: all of it lands.
    for lang, folder in (("vi", site_copy / "site"), ("en", site_copy / "site" / "en")):
        entry = json.loads((folder / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == [lang] and entry["languages"][lang]["page_count"] > 40
        assert (folder / "to-roi" / PDF_NAME[lang]).read_bytes().startswith(b"%PDF-")
    # The share images are drawn by the parent once each worker has exited (its log line, not the worker's
    # "cchc:" one), and kept by hash for the next build.
    assert "INFO    -  [vi] share images: 59, 59 drawn anew" in log
    assert "INFO    -  [en] share images: 42, 42 drawn anew" in log
    kept = {p.read_bytes() for p in (site_copy / ".cache" / "share-images").glob("*.jpg")}
    images = list((site_copy / "site").glob("**/assets/chia-se/**/*.jpg"))
    assert len(images) == 59 + 42 and all(p.read_bytes() in kept for p in images)
    assert not list(site_copy.glob(".build-*"))  # the work folder is gone


def test_schema_check_passes() -> None:
    assert run("make_schemas.py", "--check").returncode == 0


def test_translation_coverage_counts() -> None:
    report = translation_coverage(load_catalogue(ROOT))
    cov = {c.kind: c for c in report if isinstance(c, Coverage)}
    assert cov["procedures"].total == 40 and cov["procedures"].names == 40
    assert 10 <= cov["procedures"].full < 40
    # Each part of the procedure pages, with its share in English: the names all, the steps in part.
    sections = {c.section: c for c in report if isinstance(c, SectionCoverage)}
    assert sections["ten"].english == sections["ten"].total == 40
    assert any(0 < c.english < c.total for c in sections.values())
    assert str(sections["ten"]) == "procedure ten: 40/40 texts in English (100%)"


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(url: str, needle: str, seconds: float = 60) -> str:
    import time
    import urllib.request

    deadline = time.monotonic() + seconds
    last = ""
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                last = response.read().decode("utf-8")
            if needle in last:
                return last
        except OSError:
            pass
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} never appeared at {url}")


def test_serve_shows_both_languages_and_rebuilds_after_an_edit(site_copy: Path, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    port = _free_port()
    log = tmp_path / "serve.log"
    with log.open("w", encoding="utf-8") as out:
        server = subprocess.Popen([sys.executable, str(ROOT / "scripts" / "serve.py"), "--root", str(site_copy),
                                   "--port", str(port)], stdout=out, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}/"
        page = "thu-tuc/dang-ky-khai-sinh-1.001193/"
        _wait_for(base + page, "8.000 đồng/bản")
        _wait_for(base + "en/" + page, "Birth registration")
        tab = browser.new_page()
        tab.goto(base + page, wait_until="load")
        path = site_copy / "procedures" / "1.001193.yml"
        path.write_text(path.read_text(encoding="utf-8").replace("so_tien: 8000", "so_tien: 9000"), encoding="utf-8")
        # The open page reloads itself: MkDocs' live-reload script runs under the preview's policy.
        tab.wait_for_function("() => !!document.body && document.body.innerText.includes('9.000 đồng/bản')", timeout=60000)
        # A fee is the procedure's own detail: its pages (both languages, and the leaflet that lists it) were
        # re-rendered first, before the full rebuild.
        _wait_for_log(log, "shown on the edited pages first: procedures/1.001193.yml")
        _wait_for(base + page, "9.000 đồng/bản")
        _wait_for(base + "en/" + page, "9,000 VND")
        _wait_for(base + "to-roi/", "9.000 đồng")
        _wait_for_log(log, "Reloading browsers")  # the full rebuild, put in place of the served folder
        tab.wait_for_function("() => !!document.body && document.body.innerText.includes('9.000 đồng/bản')", timeout=60000)
        _wait_for(base + "thu-tuc/linh-vuc/ho-tich/", "Thủ tục đăng ký khai sinh")

        # A new name shows on lists too: no fast step, the full rebuild shows it.
        marks = log.read_text(encoding="utf-8").count("shown on the edited pages first")
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("vi: Thủ tục đăng ký khai sinh", "vi: Thủ tục đăng ký khai sinh cho trẻ em", 1),
                        encoding="utf-8")
        _wait_for(base + "thu-tuc/linh-vuc/ho-tich/", "Thủ tục đăng ký khai sinh cho trẻ em")
        assert log.read_text(encoding="utf-8").count("shown on the edited pages first") == marks
        tab.close()
    finally:
        server.terminate()
        server.wait(timeout=30)


def _wait_for_log(log: Path, needle: str, timeout: float = 120) -> None:
    import time

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if needle in log.read_text(encoding="utf-8"):
            return
        time.sleep(0.3)
    raise AssertionError(f"{needle!r} never appeared in the server's log:\n{log.read_text(encoding='utf-8')[-3000:]}")


def test_reload_procedure_takes_own_details_only(site_copy: Path) -> None:
    from cchc.content.catalogue import reload_procedure

    cat = load_catalogue(site_copy)
    path = site_copy / "procedures" / "1.001193.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("so_tien: 8000", "so_tien: 9000"), encoding="utf-8")
    reloaded = reload_procedure(cat, path)
    assert reloaded is not None and reloaded is not cat
    fees = [f.so_tien for ch in reloaded.procedures["1.001193"].cach_thuc for f in ch.phi or []]
    assert 9000 in fees and 8000 not in fees
    assert reloaded.procedures["1.000894"] is cat.procedures["1.000894"]  # the others are untouched
    assert 8000 in [f.so_tien for ch in cat.procedures["1.001193"].cach_thuc for f in ch.phi or []]
    # What other pages show, a broken file, or a new procedure: the full rebuild's business.
    path.write_text(text.replace("vi: Thủ tục đăng ký khai sinh", "vi: Thủ tục khai sinh", 1), encoding="utf-8")
    assert reload_procedure(cat, path) is None
    path.write_text(text.replace("so_tien: 8000", "so_tien: 50.000đ"), encoding="utf-8")
    assert reload_procedure(cat, path) is None
    assert reload_procedure(cat, site_copy / "procedures" / "9.999999.yml") is None
    # An online channel taken away moves a procedure between the online-level lists: a full rebuild too.
    other = site_copy / "procedures" / "1.000080.yml"
    other.write_text(other.read_text(encoding="utf-8").replace("- hinh_thuc: truc-tuyen", "- hinh_thuc: truc-tiep", 1),
                     encoding="utf-8")
    assert reload_procedure(cat, other) is None


def _make_plan(tmp_path: Path, target: str) -> str:
    return subprocess.run(["make", "-n", target], cwd=tmp_path, capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("target", ["serve", "test", "build", "check"])
def test_every_make_target_sets_up_the_venv(tmp_path: Path, target: str) -> None:
    import os
    import shutil
    import time

    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    assert "pip install --quiet -e '.[test]'" in _make_plan(tmp_path, target)  # .venv missing
    stamp = tmp_path / ".venv" / ".installed-stamp"
    stamp.parent.mkdir()
    stamp.touch()
    assert "pip install" not in _make_plan(tmp_path, target)  # up to date
    past = time.time() - 3600
    os.utime(stamp, (past, past))  # pyproject.toml changed since the last install
    assert "pip install --quiet -e '.[test]'" in _make_plan(tmp_path, target)
