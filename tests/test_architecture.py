"""The layout ARCHITECTURE.md describes holds: the core never imports MkDocs, imports run one way between the
core's groups, no module imports another's private names, every long function says why, and the private MkDocs
names the adapter leans on still exist in the installed MkDocs."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT

SRC = ROOT / "src"
CORE = SRC / "cchc"
ADAPTER = SRC / "cchc_mkdocs"
# Which group may import which: text and i18n (and the message catalogue) are at the bottom, the build at the top.
LAYERS = {"text": 0, "i18n": 0, "messages": 0, "content": 1, "site": 2, "output": 3, "build": 4}
SCREEN = 60  # lines a function may take before its docstring must say why it is not split


def modules(top: Path) -> dict[str, ast.Module]:
    return {p.relative_to(SRC).with_suffix("").as_posix().replace("/", "."): ast.parse(p.read_text(encoding="utf-8"))
            for p in sorted(top.rglob("*.py"))}


def imported(tree: ast.Module) -> list[tuple[str, list[str]]]:
    """(module, names) of every import, at any depth (lazy imports count)."""
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            out.append((node.module, [alias.name for alias in node.names]))
    return out


def group(module: str) -> str:
    return module.split(".")[1].removesuffix("/__init__") if module.count(".") else module


def test_the_core_never_imports_mkdocs_and_only_the_build_calls_the_adapter() -> None:
    found = {}
    for name, tree in modules(CORE).items():
        for target, _ in imported(tree):
            root = target.split(".")[0]
            if root in ("mkdocs", "properdocs", "markdown") or (root == "cchc_mkdocs" and name != "cchc.build"):
                found.setdefault(name, []).append(target)
    # Python-Markdown is the one exception: htmlout uses its table-of-contents helpers (no MkDocs in it).
    assert {k: v for k, v in found.items() if v != ["markdown.extensions.toc"]} == {}


def test_imports_run_one_way_between_the_groups() -> None:
    wrong = []
    for name, tree in modules(CORE).items():
        layer = LAYERS[name.split(".")[1]]
        for target, _ in imported(tree):
            if target.startswith("cchc.") and LAYERS[target.split(".")[1]] > layer:
                wrong.append((name, target))
    assert wrong == []


def test_no_module_imports_another_modules_private_names() -> None:
    trees = {**modules(CORE), **modules(ADAPTER)}
    private = [(name, target, n) for name, tree in trees.items() for target, names in imported(tree)
               if target.startswith(("cchc.", "cchc_mkdocs")) for n in names if n.startswith("_") and n != "__version__"]
    assert private == []


def test_every_long_function_says_why_it_is_not_split() -> None:
    long = []
    for name, tree in {**modules(CORE), **modules(ADAPTER)}.items():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                doc = ast.get_docstring(node) or ""
                if length > SCREEN and "not split" not in doc:
                    long.append(f"{name}.{node.name} ({length} lines)")
    assert long == []


def test_the_hook_file_is_event_glue() -> None:
    text = (ROOT / "hooks/cchc_hooks.py").read_text(encoding="utf-8")
    tree = ast.parse(text)
    assert len(text.splitlines()) <= 40
    assert [n for n in tree.body if not isinstance(n, ast.ImportFrom | ast.Expr)] == []


# The private MkDocs names the adapter uses (each imported in one place, with a comment saying why): if MkDocs
# renames or drops one, this fails before a build does.
PRIVATE_MKDOCS = [
    ("mkdocs.structure.pages", "_RawHTMLPreprocessor"),
    ("mkdocs.structure.pages", "_ExtractAnchorsTreeprocessor"),
    ("mkdocs.structure.pages", "_RelativePathTreeprocessor"),
    ("mkdocs.structure.pages", "_ExtractTitleTreeprocessor"),
    ("mkdocs.commands.build", "_populate_page"),
    ("mkdocs.commands.build", "_build_page"),
]


@pytest.mark.parametrize(("module", "name"), PRIVATE_MKDOCS)
def test_the_private_mkdocs_names_the_adapter_uses_exist(module: str, name: str) -> None:
    import importlib

    assert hasattr(importlib.import_module(module), name)


def test_the_private_attributes_the_adapter_uses_exist() -> None:
    import inspect

    from mkdocs.livereload import LiveReloadServer
    from mkdocs.structure.pages import Page, _RawHTMLPreprocessor

    server_source = inspect.getsource(LiveReloadServer)
    for attribute in ("_epoch_cond", "_wanted_epoch", "_visible_epoch"):
        assert f"self.{attribute}" in server_source, attribute
    assert "_title_from_render" in inspect.getsource(Page)
    assert hasattr(_RawHTMLPreprocessor, "_register")


def test_every_private_mkdocs_import_is_listed_here() -> None:
    used = {(target, n) for tree in modules(ADAPTER).values() for target, names in imported(tree)
            if target.startswith("mkdocs") for n in names if n.startswith("_")}
    assert used == set(PRIVATE_MKDOCS)
