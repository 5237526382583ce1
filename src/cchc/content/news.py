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


def load_stories(
    docs: Path,
    root: Path,
    files: list[Path],
    categories: dict[str, object],
    languages: tuple[str, ...],
    default: str,
    problems: list[Problem],
) -> list[Story]:
    """Every story among ``files`` (the files under docs/tin-tuc/, as cchc.content.inventory found them), validated;
    problems are appended, broken files left out."""
    stories: list[Story] = []
    folder = docs / NEWS_DIR
    for path in files:
        rel = relative(path, root)
        inner = path.relative_to(folder).as_posix()
        if is_other_markdown(path.name):
            problems.append(page_name_problem(rel, path.name))
            continue
        if path.suffix != ".md":
            problems.append(Problem(rel, 0, "", msg("not_a_story")))
            continue
        parts = inner.split("/")
        if len(parts) != 2 or not (parts[0].isdigit() and len(parts[0]) == 4):
            problems.append(Problem(rel, 0, "", msg("story_not_in_year")))
            continue
        if parts[1] == "index.md" or re.fullmatch(r"trang-\d+(\.[a-z]+)?\.md", parts[1]):
            problems.append(Problem(rel, 0, "", msg("reserved_story_name", name=repr(parts[1]))))
            continue
        text, found = read_text(path, rel)
        problems.extend(found)
        if text is None:
            continue
        located, body, body_line, found = split_front_matter(text, rel)
        problems.extend(found)
        if located is None:
            continue
        item, found = validate_record(NewsItem, located, rel)
        problems.extend(found)
        if item is None:
            continue
        lang, name = story_language(parts[1], languages, default)
        story = Story(item, lang, f"{NEWS_DIR}/{inner}", f"{NEWS_DIR}/{parts[0]}/{name}", body.strip("\n"),
                      body_line, rel, located.line_of(("khoa",)))
        bad = False
        if str(story.year) != parts[0]:
            problems.append(Problem(rel, located.line_of(("ngay_dang",)), "ngay_dang",
                                    msg("story_in_wrong_year", year=story.year, folder=parts[0],
                                        target=f"docs/{NEWS_DIR}/{story.year}/")))
            bad = True
        if story.published > dt.datetime.now(VIETNAM) + FUTURE_LIMIT:
            problems.append(Problem(rel, located.line_of(("ngay_dang",)), "ngay_dang",
                                    msg("story_in_future", date=f"{story.published:%Y-%m-%d}", days=FUTURE_LIMIT.days)))
            bad = True
        if item.chuyen_muc not in categories:
            problems.append(Problem(rel, located.line_of(("chuyen_muc",)), "chuyen_muc",
                                    msg("unknown_category", got=repr(item.chuyen_muc), allowed=", ".join(sorted(categories)))))
            bad = True
        if item.anh is not None and not (docs / item.anh.tep).is_file():
            problems.append(Problem(rel, located.line_of(("anh", "tep")), "anh.tep",
                                    msg("picture_missing", path=item.anh.tep)))
            bad = True
        unsafe = unsafe_links(body, rel, body_line)
        if unsafe:
            problems.extend(unsafe)
            bad = True
        if not story.body.strip():
            problems.append(Problem(rel, body_line, "", msg("story_without_text")))
            bad = True
        if not bad:
            stories.append(story)
    seen: dict[tuple[str, str], Story] = {}
    for story in stories:
        key = (story.lang, story.item.khoa)
        if key in seen:
            problems.append(Problem(story.source, story.key_line, "khoa",
                                    msg("duplicate_story_key", key=repr(story.item.khoa), other=seen[key].source)))
        else:
            seen[key] = story
    return stories
