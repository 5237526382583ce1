"""Content lint over the real, committed content, with the same checker the build uses."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc.content.catalogue import load_catalogue
from cchc.content.schema import SCHEMA_DIR, build_schemas
from cchc.output.coverage import is_fully_translated

ROOT = Path(__file__).resolve().parent.parent
YAML_FILES = sorted(p for p in (ROOT / "procedures").rglob("*.yml")) + sorted((ROOT / "data").glob("*.yml"))


@pytest.fixture(scope="module")
def catalogue():  # type: ignore[no-untyped-def]
    return load_catalogue(ROOT)


def test_committed_content_has_no_problems(catalogue) -> None:  # type: ignore[no-untyped-def]
    assert catalogue.procedures


def test_sample_size_and_spread(catalogue) -> None:  # type: ignore[no-untyped-def]
    procs = catalogue.procedures.values()
    assert len(catalogue.procedures) >= 40
    assert len({p.linh_vuc for p in procs}) >= 8
    assert {lv for p in procs for lv in p.cap_thuc_hien} == {"tinh", "xa"}
    assert len(catalogue.sets) >= 3
    assert all(p.ten.en for p in procs), "every procedure needs an English name"
    assert sum(is_fully_translated(p) for p in procs) >= 10


@pytest.mark.parametrize("path", YAML_FILES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_every_yaml_file_names_its_schema(path: Path) -> None:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# yaml-language-server: $schema=")
    schema = (path.parent / first.split("=", 1)[1]).resolve()
    assert schema.is_file(), f"{path}: schema {schema} does not exist"


def test_committed_json_schemas_are_current() -> None:
    for name, text in build_schemas().items():
        committed = ROOT / SCHEMA_DIR / name
        assert committed.read_text(encoding="utf-8") == text, f"{name} is stale: run `make schemas`"
