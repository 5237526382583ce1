"""News stories: Markdown files with front matter under docs/tin-tuc/<year>/, one file per language."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from cchc.content.files import read_text, relative
from cchc.content.frontmatter import split_front_matter
from cchc.content.inventory import NEWS_DIR as NEWS_DIR
from cchc.content.inventory import is_other_markdown, page_name_problem
from cchc.content.models import NewsItem
from cchc.content.problems import Problem
from cchc.content.sanitize import unsafe_links
from cchc.content.validate import validate_record
from cchc.content.yamlio import LocatedData
from cchc.messages import msg

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
FUTURE_LIMIT = dt.timedelta(days=31)


def category_dir(category: str) -> str:
    """The folder of a category's pages: tin-tuc/chuyen-muc/<id>/."""
    return f"{NEWS_DIR}/chuyen-muc/{category}/"  # a date further ahead is a typo in the year, not a scheduled story


@dataclass(frozen=True)
class Story:
    """One news item in one language."""

    item: NewsItem
    lang: str
    src_uri: str  # the file inside docs/, e.g. tin-tuc/2026/hoi-nghi.en.md
    address: str  # the page inside that language's build, e.g. tin-tuc/2026/hoi-nghi.md
    body: str  # Markdown after the front matter
    body_line: int  # line of the file where the body starts
    source: str  # repository-relative path, for messages and edit links
    key_line: int = 1  # line of 'khoa' in the file

    @property
    def published(self) -> dt.datetime:
        """Publication time in Vietnam time, whatever offset the editor wrote."""
        return self.item.ngay_dang.astimezone(VIETNAM)

    @property
    def updated(self) -> dt.datetime:
        return (self.item.ngay_cap_nhat or self.item.ngay_dang).astimezone(VIETNAM)

    @property
    def year(self) -> int:
        return self.published.year


def story_language(name: str, languages: tuple[str, ...], default: str) -> tuple[str, str]:
    """'hoi-nghi.en.md' -> ('en', 'hoi-nghi.md'); 'hoi-nghi.md' -> (default, 'hoi-nghi.md')."""
    for lang in languages:
        if lang != default and name.endswith(f".{lang}.md"):
            return lang, name[: -len(f".{lang}.md")] + ".md"
    return default, name


def _placement_problem(path: Path, rel: str, inner: str) -> Problem | None:
    """A story is a ``.md`` file in a year folder (``tin-tuc/2026/x.md``), not named like a list page."""
    if is_other_markdown(path.name):
        return page_name_problem(rel, path.name)
    if path.suffix != ".md":
        return Problem(rel, 0, "", msg("not_a_story"))
    parts = inner.split("/")
    if len(parts) != 2 or not (parts[0].isdigit() and len(parts[0]) == 4):
        return Problem(rel, 0, "", msg("story_not_in_year"))
    if parts[1] == "index.md" or re.fullmatch(r"trang-\d+(\.[a-z]+)?\.md", parts[1]):
        return Problem(rel, 0, "", msg("reserved_story_name", name=repr(parts[1])))
    return None


def _read_story(path: Path, rel: str, inner: str, languages: tuple[str, ...], default: str,
                problems: list[Problem]) -> tuple[Story, LocatedData, str] | None:
    """The story of a well-placed file, its front matter validated, with its lines and its body as written; None
    (problems appended) when it is broken."""
    text, found = read_text(path, rel)
    problems.extend(found)
    if text is None:
        return None
    located, body, body_line, found = split_front_matter(text, rel)
    problems.extend(found)
    if located is None:
        return None
    item, found = validate_record(NewsItem, located, rel)
    problems.extend(found)
    if item is None:
        return None
    year, file_name = inner.split("/")
    lang, name = story_language(file_name, languages, default)
    story = Story(item, lang, f"{NEWS_DIR}/{inner}", f"{NEWS_DIR}/{year}/{name}", body.strip("\n"),
                  body_line, rel, located.line_of(("khoa",)))
    return story, located, body


def _story_problems(story: Story, located: LocatedData, body: str, docs: Path, categories: dict[str, object],
                    now: dt.datetime) -> list[Problem]:
    """A story sits in its own year's folder, is not dated in the future, has a known category, a lead picture
    that exists, no link that runs code, and some text."""
    rel, item, folder = story.source, story.item, story.src_uri.split("/")[1]
    out = []
    if str(story.year) != folder:
        out.append(Problem(rel, located.line_of(("ngay_dang",)), "ngay_dang",
                           msg("story_in_wrong_year", year=story.year, folder=folder,
                               target=f"docs/{NEWS_DIR}/{story.year}/")))
    if (item.ngon_ngu or "vi") != story.lang and (item.ngon_ngu is not None or story.lang != "vi"):
        out.append(Problem(rel, located.line_of(("ngon_ngu",)), "ngon_ngu",
                           msg("story_language", lang=story.lang, got=repr(item.ngon_ngu))))
    if story.published > now + FUTURE_LIMIT:
        out.append(Problem(rel, located.line_of(("ngay_dang",)), "ngay_dang",
                           msg("story_in_future", date=f"{story.published:%Y-%m-%d}", days=FUTURE_LIMIT.days)))
    if item.chuyen_muc not in categories:
        out.append(Problem(rel, located.line_of(("chuyen_muc",)), "chuyen_muc",
                           msg("unknown_category", got=repr(item.chuyen_muc), allowed=", ".join(sorted(categories)))))
    if item.anh is not None and not (docs / item.anh.tep).is_file():
        out.append(Problem(rel, located.line_of(("anh", "tep")), "anh.tep", msg("picture_missing", path=item.anh.tep)))
    out += unsafe_links(body, rel, story.body_line)
    if not story.body.strip():
        out.append(Problem(rel, story.body_line, "", msg("story_without_text")))
    return out


def load_stories(
    docs: Path,
    root: Path,
    files: list[Path],
    categories: dict[str, object],
    languages: tuple[str, ...],
    default: str,
    problems: list[Problem],
    now: dt.datetime,
) -> list[Story]:
    """Every story among ``files`` (the files under docs/tin-tuc/, as cchc.content.inventory found them), validated
    (a story dated after ``now`` plus a few days is refused); problems are appended, broken files left out."""
    stories: list[Story] = []
    folder = docs / NEWS_DIR
    for path in files:
        rel = relative(path, root)
        inner = path.relative_to(folder).as_posix()
        placement = _placement_problem(path, rel, inner)
        if placement is not None:
            problems.append(placement)
            continue
        read = _read_story(path, rel, inner, languages, default, problems)
        if read is None:
            continue
        found = _story_problems(*read, docs, categories, now)
        problems.extend(found)
        if not found:
            stories.append(read[0])
    seen: dict[tuple[str, str], Story] = {}
    for story in stories:
        key = (story.lang, story.item.khoa)
        if key in seen:
            problems.append(Problem(story.source, story.key_line, "khoa",
                                    msg("duplicate_story_key", key=repr(story.item.khoa), other=seen[key].source)))
        else:
            seen[key] = story
    return stories
