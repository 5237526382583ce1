"""When each content file last changed, from git history; deterministic for a given commit.

Without history (not a git checkout, or a shallow clone as in CI, where every file seems to change in the one
commit there is) the caller falls back to the record's own date, or to nothing.
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cchc.content.catalogue import Catalogue


def _git(root: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True, check=False)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def git_last_changed(root: Path) -> dict[str, dt.date] | None:
    """{path relative to ``root``: date of the newest commit that touched it}, or None without full history."""
    shallow = _git(root, "rev-parse", "--is-shallow-repository")
    prefix = _git(root, "rev-parse", "--show-prefix")
    if shallow is None or prefix is None or shallow.strip() != "false":
        return None
    log = _git(root, "log", "--format=%x00%cI", "--name-only", "--no-renames", "--", ".")
    if log is None:
        return None
    prefix = prefix.strip()
    dates: dict[str, dt.date] = {}
    for block in log.split("\x00")[1:]:
        lines = block.strip("\n").split("\n")
        when = dt.datetime.fromisoformat(lines[0]).date()
        for name in lines[1:]:
            if name and name.startswith(prefix):
                dates.setdefault(name[len(prefix):], when)  # the log is newest first
    return dates


def head_date(root: Path) -> dt.date | None:
    """The date of the checked-out commit: what a shallow clone knows about every file."""
    out = _git(root, "log", "-1", "--format=%cI")
    return dt.datetime.fromisoformat(out.strip()).date() if out and out.strip() else None


def content_date(cat: Catalogue) -> dt.date | None:
    """Without git at all: the newest date any record gives itself, the date the content is current to."""
    dates = [p.cap_nhat for p in cat.procedures.values()] + [s.ngay_ban_hanh for s in cat.sets.values()]
    dates += [d.ngay_ban_hanh for d in cat.documents.values()] + [s.updated.date() for s in cat.stories]
    return max(dates, default=None)


def record_date(cat: Catalogue, record: str | None) -> dt.date | None:
    """The date a record gives itself, for when history is absent: a procedure's review date, a decision's or
    document's date, a story's last update."""
    if not record:
        return None
    kind, _, key = record.partition(":")
    if kind == "procedure" and key in cat.procedures:
        return cat.procedures[key].cap_nhat
    if kind == "set" and key in cat.sets:
        return cat.sets[key].ngay_ban_hanh
    if kind == "document" and key in cat.documents:
        return cat.documents[key].ngay_ban_hanh
    if kind == "story":
        lang, _, khoa = key.partition(":")
        story = cat.story(lang, khoa)
        return story.updated.date() if story else None
    return None


def last_updated(cat: Catalogue, source: str | None, record: str | None,
                 history: dict[str, dt.date] | None, newest: dt.date | None) -> dt.date | None:
    """When a page's source file last changed: its git date; without history, the record's own date. A
    hand-written page without history, or a page drawn from many records (a list, the home page), is as new as
    the checked-out commit; with no git at all, as the newest date the content gives itself. ``newest`` is that
    date, ``head_date(root) or content_date(cat)``, worked out once per build."""
    if source is None:
        return newest
    if history is not None and source in history:
        return history[source]
    if record:
        return record_date(cat, record)
    return newest  # no history, or a file not committed yet
