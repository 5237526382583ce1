"""Read YAML with the line of every key and item, refusing duplicate keys, and NFC-normalising text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from .problems import Problem, field_path
from .text import nfc, nfc_deep

Loc = tuple[str | int, ...]


@dataclass
class LocatedData:
    """Parsed YAML plus where each value starts, so validation errors can name a line."""

    data: Any
    lines: dict[Loc, int] = field(default_factory=dict)

    def line_of(self, loc: Loc) -> int:
        """Line of the nearest located ancestor of ``loc`` (a missing key points at its parent)."""
        for end in range(len(loc), -1, -1):
            if loc[:end] in self.lines:
                return self.lines[loc[:end]]
        return 1


class _Loader(yaml.SafeLoader):
    """SafeLoader that leaves dates as text, so the models parse them and can report a bad one by line."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# libyaml parses about ten times faster than the pure-Python parser; the pure one stays for its more precise
# error messages, which are only needed when a file is broken.
_FastLoader: type | None = None
if getattr(yaml, "__with_libyaml__", False):

    class _CLoader(yaml.CSafeLoader):
        """The same rules as _Loader, in C."""

    _CLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers
    _FastLoader = _CLoader


def _walk(node: yaml.Node, loc: Loc, lines: dict[Loc, int], path: str, problems: list[Problem]) -> None:
    lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[str, int] = {}
        for key_node, value_node in node.value:
            key = nfc(str(key_node.value))
            key_line = key_node.start_mark.line + 1
            if key in seen:
                problems.append(
                    Problem(
                        path,
                        key_line,
                        field_path(loc + (key,)),
                        f"duplicate key (first given on line {seen[key]}); give each field once",
                    )
                )
                continue
            seen[key] = key_line
            lines[loc + (key,)] = key_line
            _walk(value_node, loc + (key,), lines, path, problems)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[loc + (i,)] = item.start_mark.line + 1
            _walk(item, loc + (i,), lines, path, problems)


def load_yaml(text: str, path: str) -> tuple[LocatedData | None, list[Problem]]:
    """Parse one YAML document. Returns the data with line numbers, or None and the problems found."""
    problems: list[Problem] = []
    node = None
    if _FastLoader is not None:
        try:
            node = yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            node = None  # broken: the pure parser below says where and why
    try:
        if node is None:
            node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        what = exc.problem or "invalid YAML"
        hint = ""
        if "\\t" in str(exc) or "\t" in str(exc):
            hint = "; indent with spaces, not tabs"
        problem_line = exc.problem_mark.line + 1 if exc.problem_mark else 0
        context_line = exc.context_mark.line + 1 if exc.context_mark else 0
        if exc.context and context_line and context_line != problem_line:
            # Point at where the broken construct starts (an unclosed quote), not at where YAML gave up.
            if "quoted scalar" in exc.context:
                hint = "; a quote opened on this line is never closed"
            return None, [Problem(path, context_line, "", f"YAML syntax error: {exc.context} here, {what} on line "
                                  f"{problem_line}{hint}")]
        return None, [Problem(path, problem_line or context_line, "", f"YAML syntax error: {what}{hint}")]
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        return None, [Problem(path, 0, "", f"YAML syntax error: {exc}")]
    if node is None:
        return None, [Problem(path, 0, "", "file is empty; it must hold one record")]
    lines: dict[Loc, int] = {}
    _walk(node, (), lines, path, problems)
    if problems:
        return None, problems
    loader = _Loader("")
    try:
        data = loader.construct_document(node)
    except (yaml.YAMLError, ValueError) as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Problem(path, mark.line + 1 if mark else 0, "", f"YAML value error: {exc}")]
    finally:
        loader.dispose()
    return LocatedData(nfc_deep(data), lines), []
