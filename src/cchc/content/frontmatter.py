"""Split a Markdown file into its YAML front matter (with line numbers) and its body."""

from __future__ import annotations

import re

from cchc.content.problems import Problem
from cchc.content.yamlio import LocatedData, load_yaml
from cchc.messages import msg

FENCE = "---"


def split_front_matter(text: str, path: str) -> tuple[LocatedData | None, str, int, list[Problem]]:
    """Returns (front matter, body, line where the body starts, problems).

    The front matter sits between a first line ``---`` and the next line that is ``---``; its YAML is read
    with the same loader as content files, and every line number is that of the Markdown file.
    """
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        return None, text, 1, [Problem(path, 1, "", msg("no_front_matter"))]
    for i in range(1, len(lines)):
        if lines[i].rstrip() in (FENCE, "..."):
            break
    else:
        return None, "", 1, [Problem(path, 1, "", msg("front_matter_open"))]
    yaml_text = "\n" * 1 + "\n".join(lines[1:i])  # a leading newline keeps the YAML's line numbers the file's
    located, problems = load_yaml(yaml_text, path)
    body = "\n".join(lines[i + 1 :])
    if located is not None and not isinstance(located.data, dict):
        return None, body, i + 2, [Problem(path, 2, "", msg("front_matter_not_fields"))]
    return located, body, i + 2, problems


# MkDocs' own rule for a page's front matter (mkdocs.utils.meta.YAML_RE): the block it hands to libyaml, whose
# composer recurses in C and expands aliases. A page's front matter is screened by the same rule, so what MkDocs
# would parse is exactly what was screened.
PAGE_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)


def screen_page_front_matter(text: str, path: str) -> list[Problem]:
    """A hand-written page's front matter read with the content loader before MkDocs reads it: anchors, aliases,
    nesting deeper than the limit, huge lists and broken YAML are refused at their line of the page. A page
    needs no front matter, and MkDocs ignores one that is not fields, so neither is a problem."""
    m = PAGE_FRONT_MATTER.match(text)
    if m is None:
        return []
    _, problems = load_yaml("\n" + m.group(1), path)  # the leading newline keeps the page's line numbers
    return [p for p in problems if p.text.key != "empty_file"]
