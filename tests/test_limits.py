"""Hostile content is refused fast and never followed out of the repository (SECURITY.md): alias bombs and deep
nesting in bounded time and memory, links never read, over-full folders refused before any file is read, and
the files the project itself may commit (README, .gitkeep) passed over without a problem.

The messages of each case, and the non-zero exit of check and build, are in the bad-input catalogue
(test_bad_inputs.py); these tests measure what the catalogue cannot: time, memory, and what was not read.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
from test_bad_inputs import LAUGHS, PROC, tiny_site

from cchc.content import inventory
from cchc.content.catalogue import load_catalogue, reload_procedure
from cchc.content.problems import ContentError
from cchc.content.yamlio import MAX_ITEMS, load_yaml


def _measured(work):  # type: ignore[no-untyped-def]
    """(result, seconds, peak bytes allocated) of ``work()``."""
    tracemalloc.start()
    start = time.perf_counter()
    try:
        result = work()
        return result, time.perf_counter() - start, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_billion_laughs_fails_at_once_with_bounded_memory() -> None:
    # Ten levels of nine aliases each would expand to 9^10 (3.5 billion) strings.
    bomb = LAUGHS + "j: &j [*i,*i,*i,*i,*i,*i,*i,*i,*i]\n"
    (data, problems), seconds, peak = _measured(lambda: load_yaml(bomb, "data/levels.yml"))
    assert data is None
    assert [str(p) for p in problems] == [
        "data/levels.yml:1: YAML anchor '&a' is not allowed: content files use no anchors (&name) or aliases "
        "(*name); write the value out in full"]
    assert seconds < 2 and peak < 5_000_000, (seconds, peak)


def test_aliases_without_anchors_are_refused_before_composing() -> None:
    # Only aliases: an expansion that libyaml's composer would reject later, refused at the first one.
    (data, problems), seconds, _ = _measured(lambda: load_yaml("a: 1\nb: [" + "*x, " * 100_000 + "]\n", "x.yml"))
    assert data is None and [p.line for p in problems] == [2] and "alias '*x'" in problems[0].message
    assert seconds < 2


def test_very_deep_nesting_is_refused_without_crashing() -> None:
    # 200,000 levels: libyaml's composer recurses in C and crashes the process on this; its scanner is quadratic.
    deep = "a: " + "[" * 200_000 + "]" * 200_000 + "\n"
    (data, problems), seconds, peak = _measured(lambda: load_yaml(deep, "x.yml"))
    assert data is None
    assert [str(p) for p in problems] == [
        "x.yml:1: values are nested more than 20 levels deep; the limit is 20 (check the indentation)"]
    assert seconds < 2 and peak < 5_000_000, (seconds, peak)


def test_limits_leave_real_content_alone() -> None:
    # The deepest and longest shapes the content model has pass: nesting to the limit, a list at the limit.
    nested = "a: " + "[" * 19 + "1" + "]" * 19 + "\n"
    assert load_yaml(nested, "x.yml")[1] == []
    assert load_yaml("a:\n" + "- 1\n" * MAX_ITEMS, "x.yml")[1] == []
    assert load_yaml("".join(f"k{i}: 1\n" for i in range(MAX_ITEMS)), "x.yml")[1] == []


def test_a_bomb_in_a_data_file_fails_the_whole_check_fast(tmp_path: Path) -> None:
    root = tiny_site(tmp_path / "site")
    with (root / "data/levels.yml").open("a", encoding="utf-8") as handle:
        handle.write(LAUGHS)
    start = time.perf_counter()
    with pytest.raises(ContentError) as caught:
        load_catalogue(root)
    assert time.perf_counter() - start < 5
    assert any(p.path == "data/levels.yml" and "anchor '&a'" in p.message for p in caught.value.problems)


def test_linked_files_and_folders_are_never_read(tmp_path: Path) -> None:
    root = tiny_site(tmp_path / "site")
    outside = tmp_path / "outside"
    outside.mkdir()
    secret = outside / "1.000894.yml"
    secret.write_text((root / PROC).read_text(encoding="utf-8").replace("1.001193", "1.000894"), encoding="utf-8")
    (root / "procedures/1.000894.yml").symlink_to(secret)  # a valid record: it would load if followed
    (root / "docs/assets/loop").symlink_to(root / "docs")  # a loop: a walk that followed it would never end
    (root / "docs/assets/host").symlink_to(outside)
    with pytest.raises(ContentError) as caught:
        load_catalogue(root)
    found = {p.path: p.message for p in caught.value.problems}
    assert set(found) == {"procedures/1.000894.yml", "docs/assets/loop", "docs/assets/host"}
    assert found["docs/assets/host"].startswith(f"is a symbolic link to {str(outside)!r}")


def test_an_over_full_folder_is_refused_before_any_file_is_read(tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    root = tiny_site(tmp_path / "site")
    (root / PROC).write_text('ten: "never closed\n', encoding="utf-8")  # would be a syntax error if read
    for i in range(30):
        (root / f"documents/extra-{i}.yml").write_text("x: 1\n", encoding="utf-8")
    monkeypatch.setattr(inventory, "MAX_FILES", 20)
    with pytest.raises(ContentError) as caught:
        load_catalogue(root)
    assert [str(p) for p in caught.value.problems] == [
        "documents: holds more than 20 files; the limit is 20 files in a content folder (this many is a mistake, "
        "such as an unpacked archive)"]


def test_the_projects_own_notes_are_allowed(tmp_path: Path) -> None:
    root = tiny_site(tmp_path / "site")
    for folder in ("procedures", "procedures/sets", "documents", "data", "docs/tin-tuc", "docs/tin-tuc/2026"):
        (root / folder).mkdir(parents=True, exist_ok=True)
        (root / folder / ".gitkeep").write_text("", encoding="utf-8")
    for folder in ("procedures", "documents", "data"):
        (root / folder / "README.md").write_text("# Notes for editors\n", encoding="utf-8")
    cat = load_catalogue(root)
    assert sorted(cat.procedures) == ["1.001193"] and len(cat.documents) == 1 and len(cat.stories) == 1


def test_a_procedure_replaced_by_a_link_is_not_reloaded(tmp_path: Path) -> None:
    # The preview's fast path reads one changed file on its own: a link there is refused too.
    root = tiny_site(tmp_path / "site")
    cat = load_catalogue(root)
    outside = tmp_path / "outside.yml"
    outside.write_text((root / PROC).read_text(encoding="utf-8").replace("8000", "9000"), encoding="utf-8")
    (root / PROC).unlink()
    (root / PROC).symlink_to(outside)
    assert reload_procedure(cat, root / PROC) is None


def test_fix_never_writes_through_a_link(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from fix_spelling import main as fix

    root = tiny_site(tmp_path / "site")
    outside = tmp_path / "outside"
    outside.mkdir()
    victim = outside / "victim.md"
    victim.write_text("Khánh Hoà\r\n", encoding="utf-8")  # something `make fix` would rewrite
    (root / "docs/trang.md").symlink_to(victim)
    (root / "docs/assets/host").symlink_to(outside)
    assert fix(["--root", str(root)]) == 0
    assert victim.read_bytes() == "Khánh Hoà\r\n".encode()
    out = capsys.readouterr().out
    assert "skipped docs/trang.md: a symbolic link" in out and "skipped docs/assets/host: a symbolic link" in out
