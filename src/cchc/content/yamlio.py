"""Read YAML with the line of every key and item, refusing duplicate keys, and NFC-normalising text.

Content comes from pull requests too, so a file is screened event by event before anything is built from it:
anchors and aliases (``&name``, ``*name``: the content model never needs them, and nested aliases expand
exponentially, the "billion laughs"), nesting deeper than ``MAX_DEPTH`` and lists or groups of more than
``MAX_ITEMS`` entries are refused at the line where they start, so a hostile file fails in milliseconds
with bounded memory (libyaml's composer also recurses in C, and crashes on very deep nesting).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from cchc.content.problems import Problem, field_path
from cchc.messages import msg
from cchc.text import nfc, nfc_deep

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


MAX_DEPTH = 20  # the deepest record (a fee inside a channel inside a procedure, in two languages) needs 6
MAX_ITEMS = 10_000  # items in one list, or fields in one group (the largest taxonomy holds a few hundred)


def _screen(text: str, path: str, loader: type) -> list[Problem]:
    """Refuse anchors, aliases, deep nesting and huge collections, reading YAML events (nothing is built).

    Stops at the first refusal; a syntax error ends the screening quietly (composing then reports it)."""
    # For each open collection: how many events stand directly inside it per item (1 in a list, 2 in a group:
    # key and value), and how many have been read.
    open_: list[list[int]] = []
    parser = loader(text)
    try:
        while True:
            try:
                if not parser.check_event():
                    return []
                event = parser.get_event()
            except yaml.YAMLError:
                return []
            line = event.start_mark.line + 1
            if isinstance(event, yaml.AliasEvent):
                return [Problem(path, line, "", msg("yaml_alias", name=event.anchor))]
            if not isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent)):
                if isinstance(event, yaml.CollectionEndEvent):
                    open_.pop()
                continue
            if event.anchor is not None:
                return [Problem(path, line, "", msg("yaml_anchor", name=event.anchor))]
            if open_:
                parent = open_[-1]
                parent[1] += 1
                if parent[1] > parent[0] * MAX_ITEMS:
                    return [Problem(path, line, "", msg("too_many_items", limit=MAX_ITEMS))]
            if isinstance(event, yaml.CollectionStartEvent):
                if len(open_) >= MAX_DEPTH:
                    return [Problem(path, line, "", msg("too_deep", limit=MAX_DEPTH))]
                open_.append([1 if isinstance(event, yaml.SequenceStartEvent) else 2, 0])
    finally:
        parser.dispose()


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
                        msg("duplicate_field", line=seen[key]),
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


def _syntax_problem(exc: yaml.MarkedYAMLError, path: str) -> Problem:
    """PyYAML's account of a syntax error (its English kept as it is), with what the editor should do."""
    what = exc.problem or "invalid YAML"
    tab = "\\t" in str(exc) or "\t" in str(exc)
    problem_line = exc.problem_mark.line + 1 if exc.problem_mark else 0
    context_line = exc.context_mark.line + 1 if exc.context_mark else 0
    if exc.context and context_line and context_line != problem_line:
        # Point at where the broken construct starts (an unclosed quote), not at where YAML gave up.
        key = "yaml_unclosed_quote" if "quoted scalar" in exc.context else "yaml_tab_at" if tab else "yaml_syntax_at"
        return Problem(path, context_line, "", msg(key, context_en=exc.context, problem_en=what, line=problem_line))
    return Problem(path, problem_line or context_line, "", msg("yaml_tab" if tab else "yaml_syntax", problem_en=what))


def load_yaml(text: str, path: str) -> tuple[LocatedData | None, list[Problem]]:
    """Parse one YAML document. Returns the data with line numbers, or None and the problems found."""
    problems: list[Problem] = []
    node = None
    if _FastLoader is not None:
        refused = _screen(text, path, _FastLoader)
        if refused:
            return None, refused
        try:
            node = yaml.compose(text, Loader=_FastLoader)
        except yaml.YAMLError:
            node = None  # broken: the pure parser below says where and why
    try:
        if node is None:
            # The pure parser may read further into a broken file than libyaml did: screen what it reads too.
            refused = _screen(text, path, _Loader)
            if refused:
                return None, refused
            node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return None, [_syntax_problem(exc, path)]
    except yaml.YAMLError as exc:  # pragma: no cover - PyYAML raises marked errors for text input
        return None, [Problem(path, 0, "", msg("yaml_syntax", problem_en=exc))]
    if node is None:
        return None, [Problem(path, 0, "", msg("empty_file"))]
    lines: dict[Loc, int] = {}
    _walk(node, (), lines, path, problems)
    if problems:
        return None, problems
    loader = _Loader("")
    try:
        data = loader.construct_document(node)
    except (yaml.YAMLError, ValueError) as exc:
        mark = getattr(exc, "problem_mark", None)
        return None, [Problem(path, mark.line + 1 if mark else 0, "", msg("yaml_value", problem_en=exc))]
    finally:
        loader.dispose()
    return LocatedData(nfc_deep(data), lines), []
