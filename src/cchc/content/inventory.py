"""Every file under the content folders, found in one walk: loaded, or refused with its path and the reason.

Content arrives in pull requests, so the walk is also where hostile shapes are stopped before anything is read:
a symbolic link anywhere under a content folder (or the folder itself a link) is refused with where it
points and never followed, so nothing outside the repository is read or copied into the site; a folder of
more than ``MAX_FILES`` files is refused as soon as the count passes the limit; a file over its size limit is
refused from its size alone, before it is opened.

And nothing is silently ignored: a record in a subfolder, with an unknown or upper-case extension, or a data
file the site does not read, is refused with what to do. Only the files in ``NOT_CONTENT`` (ones the project
itself may commit, such as a README) are passed over.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from cchc.content.files import MAX_FILE_BYTES, size_problem, symlink_problem
from cchc.content.problems import Problem
from cchc.messages import msg

DOCS_DIR = "docs"
NEWS_DIR = "tin-tuc"  # inside docs/, so a story's address follows its file
PROCEDURES_DIR = "procedures"
SETS_DIR = "sets"  # inside procedures/
DOCUMENTS_DIR = "documents"
DATA_DIR = "data"
OVERRIDES_DIR = "overrides"
CONTENT_DIRS = (DOCS_DIR, PROCEDURES_DIR, DOCUMENTS_DIR, DATA_DIR, OVERRIDES_DIR)

# Files a records folder may hold that are not records: notes the project itself commits.
NOT_CONTENT = frozenset({"README.md", ".gitkeep"})
# A province publishes about 2,000 procedures and a few thousand stories; the benchmark's site has 8,000
# procedures and 6,000 stories. A folder with many times that is a mistake or an attack, not content.
MAX_FILES = 50_000
# Pictures, fonts, styles and templates (files the build copies or renders but does not parse as records).
MAX_ASSET_BYTES = 10_000_000
RECORD = ".yml"
PAGE = ".md"
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkdn", ".mkd")  # what MkDocs takes for Markdown


@dataclass
class Inventory:
    """The content files the catalogue loads, and the problems found while walking the folders."""

    procedures: list[Path] = field(default_factory=list)  # procedures/*.yml
    sets: list[Path] = field(default_factory=list)  # procedures/sets/*.yml
    documents: list[Path] = field(default_factory=list)  # documents/*.yml
    data: list[Path] = field(default_factory=list)  # data/<known name>.yml
    pages: list[Path] = field(default_factory=list)  # docs/**/*.md outside the news folder
    news: list[Path] = field(default_factory=list)  # every file under docs/tin-tuc/ (cchc.content.news judges each)
    problems: list[Problem] = field(default_factory=list)
    over_limit: bool = False  # a folder held too many files: nothing more is worth reading


def _rel(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix()


def _walk(top: Path, root: Path, inv: Inventory, limit: int) -> list[tuple[Path, int]]:
    """Every regular file under ``top`` with its size, in a stable order, following no link; links, a count
    over ``limit`` and files over their size limit become problems."""
    rel_top = _rel(top, root)
    info = top.lstat() if top.is_symlink() or top.exists() else None
    if info is None:
        return []
    if stat.S_ISLNK(info.st_mode):
        inv.problems.append(symlink_problem(rel_top, top))
        return []
    if not stat.S_ISDIR(info.st_mode):
        inv.problems.append(Problem(rel_top, 0, "", msg("not_a_folder", folder=rel_top)))
        return []
    found: list[tuple[Path, int]] = []
    stack = [top]
    while stack:
        folder = stack.pop()
        with os.scandir(folder) as entries:
            listing = sorted(entries, key=lambda e: e.name)
        subfolders = []
        for entry in listing:
            path = Path(entry.path)
            if entry.is_symlink():
                inv.problems.append(symlink_problem(_rel(path, root), path))
            elif entry.is_dir(follow_symlinks=False):
                subfolders.append(path)
            elif entry.is_file(follow_symlinks=False):
                found.append((path, entry.stat(follow_symlinks=False).st_size))
                if len(found) > limit:
                    inv.problems.append(Problem(rel_top, 0, "", msg("too_many_files", limit=limit)))
                    inv.over_limit = True
                    return []
            else:  # a device, socket or pipe: never read
                inv.problems.append(Problem(_rel(path, root), 0, "", msg("not_regular_file")))
        stack.extend(reversed(subfolders))
    found.sort(key=lambda item: item[0].relative_to(top).parts)
    return found


def _too_big(path: Path, size: int, root: Path, inv: Inventory, top: str) -> bool:
    parsed = path.suffix in (RECORD, PAGE)
    if size > (MAX_FILE_BYTES if parsed else MAX_ASSET_BYTES):
        rel = _rel(path, root)
        inv.problems.append(size_problem(rel, size) if parsed else Problem(
            rel, 0, "", msg("asset_too_big", size=f"{size / 1_000_000:.1f}", folder=top, limit=MAX_ASSET_BYTES // 1_000_000)))
        return True
    return False


def _record(path: Path, rel: str, folder: str, inv: Inventory) -> bool:
    """Whether ``path`` (directly inside ``folder``) is a record to load; otherwise why not, as a problem."""
    name = path.name
    if name.endswith(RECORD):
        return True
    if name in NOT_CONTENT:
        return False
    if name.endswith(".yaml"):
        inv.problems.append(Problem(rel, 0, "", msg("yaml_extension")))
    elif name.lower().endswith((RECORD, ".yaml")):
        inv.problems.append(Problem(rel, 0, "", msg("record_extension_case", name=f"{name.rsplit('.', 1)[0]}.yml")))
    else:
        inv.problems.append(Problem(rel, 0, "", msg("not_a_record", folder=folder)))
    return False


def _subfolder(rel: str, folder: str, inv: Inventory) -> None:
    key = "procedure_in_subfolder" if folder == PROCEDURES_DIR else "in_subfolder"
    inv.problems.append(Problem(rel, 0, "", msg(key, folder=folder)))


def scan_content(root: Path, data_files: tuple[str, ...]) -> Inventory:
    """Walk each content folder once; ``data_files`` are the names (without .yml) the site reads in data/."""
    inv = Inventory()
    walked = {}
    for top in CONTENT_DIRS:
        walked[top] = _walk(root / top, root, inv, MAX_FILES)
        if inv.over_limit:
            return inv
    for top, files in walked.items():
        for path, size in files:
            if _too_big(path, size, root, inv, top):
                continue
            rel = _rel(path, root)
            parts = path.relative_to(root / top).parts
            if top == PROCEDURES_DIR:
                if len(parts) == 1:
                    if _record(path, rel, top, inv):
                        inv.procedures.append(path)
                elif parts[0] == SETS_DIR and len(parts) == 2:
                    if _record(path, rel, f"{top}/{SETS_DIR}", inv):
                        inv.sets.append(path)
                elif path.name not in NOT_CONTENT:
                    _subfolder(rel, f"{top}/{SETS_DIR}" if parts[0] == SETS_DIR else top, inv)
            elif top in (DOCUMENTS_DIR, DATA_DIR):
                if len(parts) > 1:
                    if path.name not in NOT_CONTENT:
                        _subfolder(rel, top, inv)
                elif _record(path, rel, top, inv):
                    if top == DOCUMENTS_DIR:
                        inv.documents.append(path)
                    elif path.stem in data_files:
                        inv.data.append(path)
                    else:
                        inv.problems.append(Problem(rel, 0, "", msg(
                            "unknown_data_file", allowed=", ".join(f"{n}.yml" for n in sorted(data_files)))))
            elif top == DOCS_DIR:
                if parts[0] == NEWS_DIR and len(parts) > 1:
                    if path.name not in NOT_CONTENT:
                        inv.news.append(path)
                elif path.name.endswith(PAGE):
                    inv.pages.append(path)
                elif is_other_markdown(path.name):
                    inv.problems.append(page_name_problem(rel, path.name))
    return inv


def is_other_markdown(name: str) -> bool:
    """A Markdown name other than '.md': MkDocs renders '.markdown', '.mkd' and the like as pages, outside the
    checks the core runs on pages, and publishes 'x.MD' as a raw file."""
    return not name.endswith(PAGE) and name.lower().endswith(MARKDOWN_SUFFIXES)


def page_name_problem(rel: str, name: str) -> Problem:
    """A Markdown file whose extension is not a lower-case .md: MkDocs would publish it as a raw file."""
    stem = name.rsplit(".", 1)[0]
    return Problem(rel, 0, "", msg("page_extension", name=f"{stem}.md"))
