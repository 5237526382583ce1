"""Last updated: from git history, deterministic for a commit; the record's own date without history."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

from conftest import ROOT

from cchc.content.catalogue import load_catalogue
from cchc.content.lastmod import git_last_changed, head_date, record_date


def git(cwd: Path, *args: str, when: str | None = None) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t",
           "GIT_COMMITTER_EMAIL": "t@example.org"}
    if when:
        env["GIT_AUTHOR_DATE"] = env["GIT_COMMITTER_DATE"] = when
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def test_dates_come_from_the_newest_commit_per_file(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / "site/docs").mkdir(parents=True)
    git(repo, "init", "-q")
    (repo / "site/docs/a.md").write_text("a", encoding="utf-8")
    (repo / "site/docs/b.md").write_text("b", encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "first", when="2026-03-01T10:00:00+07:00")
    (repo / "site/docs/b.md").write_text("b2", encoding="utf-8")
    git(repo, "commit", "-qam", "second", when="2026-05-20T09:00:00+07:00")
    dates = git_last_changed(repo / "site")  # paths relative to the site inside the repository
    assert dates == {"docs/a.md": dt.date(2026, 3, 1), "docs/b.md": dt.date(2026, 5, 20)}
    assert head_date(repo) == dt.date(2026, 5, 20)
    # A shallow clone (as CI checks out) has no history: the caller falls back.
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{repo}", str(clone))
    assert git_last_changed(clone) is None
    assert head_date(clone) == dt.date(2026, 5, 20)
    assert git_last_changed(tmp_path / "no-git") is None


def test_records_fall_back_to_their_own_dates() -> None:
    cat = load_catalogue(ROOT)
    assert record_date(cat, "procedure:1.001193") == cat.procedures["1.001193"].cap_nhat
    assert record_date(cat, "document:118-2025-nd-cp") == dt.date(2025, 6, 9)
    assert record_date(cat, "story:vi:thu-tuc-sua-doi-qd-415") == dt.date(2026, 3, 6)  # its correction
    assert record_date(cat, None) is None


def test_pages_show_when_their_source_changed(built_site: Path) -> None:
    # The fixture site is a copy outside git: records show their own dates; list pages the newest content date.
    html = (built_site / "thu-tuc/dang-ky-khai-sinh-1.001193/index.html").read_text(encoding="utf-8")
    assert '<p class="cchc-last-updated"><small>Cập nhật lần cuối: <time datetime="2026-10-15">15/10/2026</time>' in html
    en = (built_site / "en/tin-tuc/2026/thu-tuc-sua-doi-qd-415/index.html").read_text(encoding="utf-8")
    assert "Last updated: <time datetime=\"2026-03-06\">6 March 2026</time>" in en
    from cchc.content.catalogue import load_catalogue
    from cchc.content.lastmod import content_date

    newest = content_date(load_catalogue(built_site.parent))
    assert newest is not None
    listing = (built_site / "thu-tuc/linh-vuc/ho-tich/index.html").read_text(encoding="utf-8")
    assert f'<time datetime="{newest.isoformat()}">' in listing
