"""Turn pydantic validation errors into editor-readable problems with file, line and field."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from cchc.content.problems import Problem, field_path
from cchc.content.yamlio import Loc, LocatedData

M = TypeVar("M", bound=BaseModel)


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The record type inside an annotation such as ``list[Fee] | None`` or ``Annotated[X, ...]``."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _model_in(typing.get_args(annotation)[0])
    if origin in (list, typing.Union, types.UnionType, dict):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found is not None:
                return found
    return None


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part)
        if info is None:
            return None
        current = _model_in(info.annotation)
    return current


def _describe(model: type[BaseModel], loc: Loc) -> str:
    parent = _model_at(model, loc[:-1])
    if parent is None or not loc or not isinstance(loc[-1], str):
        return ""
    info = parent.model_fields.get(loc[-1])
    return f" ({info.description})" if info is not None and info.description else ""


def _range(model: type[BaseModel], loc: Loc) -> str:
    """The allowed range of a bounded field, e.g. 'from 0 to 1000000000000', or '' unless it has both ends."""
    parent = _model_at(model, loc[:-1])
    if parent is None or not loc or not isinstance(loc[-1], str) or loc[-1] not in parent.model_fields:
        return ""
    low = high = ""
    for bound in parent.model_fields[loc[-1]].metadata:  # annotated_types' Ge, Gt and Le, as pydantic keeps them
        if getattr(bound, "ge", None) is not None:
            low = f"from {bound.ge}"
        elif getattr(bound, "gt", None) is not None:
            low = f"more than {bound.gt}"
        elif getattr(bound, "le", None) is not None:
            high = str(bound.le)
    if not (low and high):
        return ""
    return f"{low} to {high}" if low.startswith("from") else f"{low} and at most {high}"


def _clean_loc(loc: tuple[Any, ...]) -> Loc:
    # pydantic adds validator names (e.g. 'function-after[...]') to locations inside Annotated types.
    return tuple(p for p in loc if isinstance(p, int) or not p.startswith("function-"))


def _message(model: type[BaseModel], error: Any, loc: Loc) -> str:
    kind = error["type"]
    got = error.get("input")
    if kind == "missing":
        return f"missing; this field is required{_describe(model, loc)}"
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        allowed = ", ".join(parent.model_fields) if parent else ""
        return f"unknown field; allowed here: {allowed}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"got {got!r}; allowed: {expected.replace(chr(39), '')}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"must be a whole number, got {got!r}"
    if kind in ("float_parsing", "float_type"):
        return f"must be a number, got {got!r}"
    if kind in ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact"):
        reason = str(error["msg"]).split(",", 1)[-1].strip()
        return f"must be a real date written YYYY-MM-DD, got {got!r} ({reason})"
    if kind in ("list_type",):
        return f"must be a list (lines starting with '- '), got {got!r}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"must be a group of fields (key: value lines), got {got!r}"
    if kind in ("string_type",):
        return f"must be text, got {got!r}"
    if kind == "bool_type" or kind == "bool_parsing":
        return f"must be true or false, got {got!r}"
    if kind == "string_pattern_mismatch":
        return f"got {got!r}; must match {error.get('ctx', {}).get('pattern', '')}{_describe(model, loc)}"
    if kind == "too_short":
        return "must not be empty; give at least one item"
    if kind in ("greater_than_equal", "greater_than", "less_than_equal", "less_than"):
        allowed = _range(model, loc)
        if allowed:
            return f"must be {allowed}, got {got!r}"
        return f"{error['msg'].replace('Input should be', 'must be')}, got {got!r}"
    msg = str(error["msg"]).removeprefix("Value error, ")
    return msg


def validate_record(model: type[M], located: LocatedData, path: str) -> tuple[M | None, list[Problem]]:
    """Validate parsed YAML against ``model``; every problem carries the line of its field."""
    try:
        return model.model_validate(located.data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            loc = _clean_loc(error["loc"])
            problems.append(
                Problem(path, located.line_of(loc), field_path(loc), _message(model, error, loc))
            )
        return None, sorted(set(problems))
