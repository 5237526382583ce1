"""Reading content files: UTF-8 text with LF line ends, and the file-level problems an editor must fix."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cchc.content.problems import Problem
from cchc.messages import msg
from cchc.text import nfc, old_tone_spellings


def relative(path: Path, root: Path) -> str:
    """A repository-relative, forward-slash path for messages."""
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


MAX_FILE_BYTES = 1_000_000  # a procedure is about 10 KB; anything this big is a mistake (a pasted attachment)
BOM = b"\xef\xbb\xbf"


def size_problem(rel: str, size: int) -> Problem:
    return Problem(rel, 0, "", msg("file_too_big", size=f"{size / 1_000_000:.1f}", limit=MAX_FILE_BYTES // 1_000_000))


def symlink_problem(rel: str, path: Path) -> Problem:
    """A symbolic link in content: refused with where it points, and never followed."""
    return Problem(rel, 0, "", msg("symlink", target=repr(os.readlink(path))))


def read_text(path: Path, rel: str) -> tuple[str | None, list[Problem]]:
    """Read a content file as UTF-8 text with LF line ends, reporting what an editor must fix.

    A link or a file over the size limit is refused before it is opened (cchc.content.inventory refuses them when it
    walks the folders; this holds for a file read on its own, such as the preview's changed procedure)."""
    info = path.lstat()
    if stat.S_ISLNK(info.st_mode):
        return None, [symlink_problem(rel, path)]
    if info.st_size > MAX_FILE_BYTES:
        return None, [size_problem(rel, info.st_size)]
    # Not following a link swapped in since, nor reading more than the limit if the file grew.
    with os.fdopen(os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)), "rb") as handle:
        raw = handle.read(MAX_FILE_BYTES + 1)
    if len(raw) > MAX_FILE_BYTES:
        return None, [size_problem(rel, len(raw))]
    problems = []
    if raw.startswith(BOM):
        problems.append(Problem(rel, 1, "", msg("byte_order_mark")))
        raw = raw[len(BOM):]
    if b"\r" in raw:
        line = raw[: raw.index(b"\r")].count(b"\n") + 1
        problems.append(Problem(rel, line, "", msg("windows_line_ends")))
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, problems + [Problem(rel, line, "", msg("not_utf8"))]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, problems + text_problems(text, rel)


def text_problems(text: str, rel: str) -> list[Problem]:
    """Spelling-level problems every content file is checked for: decomposed Unicode and old tone placement."""
    problems = []
    if nfc(text) != text:
        for number, line in enumerate(text.split("\n"), 1):
            if nfc(line) != line:
                problems.append(Problem(rel, number, "", msg("decomposed_unicode")))
                break
    if not old_tone_spellings(text):  # one pass over the whole file; lines only when something is to report
        return problems
    for number, line in enumerate(text.split("\n"), 1):
        for _, word, new in old_tone_spellings(line):
            problems.append(Problem(rel, number, "", msg("old_tone_mark", word=repr(word), new=repr(new))))
    return problems
