"""Related stories: scoring by shared tags and category, nearest in time first, with work per story bounded."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

from cchc.site.news import RELATED, RELATED_HORIZON, _pager, _related


def stories(tags: list[list[str]], category: str = "cai-cach") -> list[Any]:
    return [SimpleNamespace(item=SimpleNamespace(khoa=f"s{i}", the=t, chuyen_muc=category)) for i, t in enumerate(tags)]


def related(all_stories: list[Any], i: int) -> list[int]:
    by_tag: dict[str, list[int]] = {}
    by_category: dict[str, list[int]] = {}
    for n, s in enumerate(all_stories):
        for tag in {t.casefold() for t in s.item.the}:
            by_tag.setdefault(tag, []).append(n)
        by_category.setdefault(s.item.chuyen_muc, []).append(n)
    position = {s.item.khoa: n for n, s in enumerate(all_stories)}
    found = _related(None, all_stories[i], all_stories, by_tag, by_category, position)  # type: ignore[arg-type]
    return [position[s.item.khoa] for s in found]


def test_more_shared_tags_rank_first_then_nearest_in_time() -> None:
    tags = [["cchc"] for _ in range(30)]
    tags[20] = ["cchc", "dat-dai"]  # shares two tags with story 10, ten stories away
    tags[10] = ["cchc", "dat-dai"]
    got = related(stories(tags), 10)
    assert got[0] == 20  # four points (two tags) beat three (a tag and the category)
    assert got[1:] == [9, 11, 8, 12][: RELATED - 1]  # then the nearest, earlier first on a tie


def test_a_common_tag_over_years_of_news_looks_only_around_the_story() -> None:
    many = stories([["cchc"] for _ in range(10 * RELATED_HORIZON)])
    middle = 5 * RELATED_HORIZON
    got = related(many, middle)
    assert len(got) == RELATED
    assert all(abs(i - middle) <= RELATED_HORIZON for i in got)
    # A story sharing more tags but beyond the horizon is not weighed for it.
    many[0].item.the = ["cchc", "hiem"]
    many[middle].item.the = ["cchc", "hiem"]
    assert 0 not in related(many, middle) and related(many, 0)[0] != middle


def test_pager_shows_the_ends_and_three_around_the_page() -> None:
    w = SimpleNamespace(link_to=lambda uri, label: f"[{label}]", s=lambda key, **kw: key)
    html = _pager(w, 50, 100, lambda n: f"p{n}")  # type: ignore[arg-type]
    assert "[« previous_page] [1] … [48] [49] <strong aria-current=\"page\">50</strong> [51] [52] … [100] [next_page »]" in html
    assert _pager(w, 1, 1, lambda n: "") == ""  # type: ignore[arg-type]
