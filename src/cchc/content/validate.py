"""Turn pydantic validation errors into editor-readable problems with file, line and field."""

from __future__ import annotations

import types
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from cchc.content.problems import Problem, field_path
from cchc.content.yamlio import Loc, LocatedData
from cchc.messages import Message, MessageError, msg

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


def _description(model: type[BaseModel], loc: Loc) -> str:
    parent = _model_at(model, loc[:-1])
    if parent is None or not loc or not isinstance(loc[-1], str):
        return ""
    info = parent.model_fields.get(loc[-1])
    return info.description if info is not None and info.description else ""


def _range(model: type[BaseModel], loc: Loc, got: str) -> Message | None:
    """The allowed range of a bounded field ('must be from 0 to 1000000000000'), or None unless it has both ends."""
    parent = _model_at(model, loc[:-1])
    if parent is None or not loc or not isinstance(loc[-1], str) or loc[-1] not in parent.model_fields:
        return None
    low = high = None
    above = False
    for bound in parent.model_fields[loc[-1]].metadata:  # annotated_types' Ge, Gt and Le, as pydantic keeps them
        if getattr(bound, "ge", None) is not None:
            low = bound.ge
        elif getattr(bound, "gt", None) is not None:
            low, above = bound.gt, True
        elif getattr(bound, "le", None) is not None:
            high = bound.le
    if low is None or high is None:
        return None
    return msg("above_and_at_most" if above else "in_range", low=low, high=high, got=got)


def _clean_loc(loc: tuple[Any, ...]) -> Loc:
    # pydantic adds validator names (e.g. 'function-after[...]') to locations inside Annotated types.
    return tuple(p for p in loc if isinstance(p, int) or not p.startswith("function-"))


# pydantic's error types, each with the catalogue key of its message (placeholder: got, the value given).
_BY_TYPE = {
    "int_parsing": "not_whole_number", "int_type": "not_whole_number", "int_from_float": "not_whole_number",
    "float_parsing": "not_number", "float_type": "not_number",
    "list_type": "not_list",
    "model_type": "not_group", "model_attributes_type": "not_group", "dict_type": "not_group",
    "string_type": "not_text",
    "bool_type": "not_bool", "bool_parsing": "not_bool",
}
_DATE_TYPES = ("date_from_datetime_parsing", "date_parsing", "date_type", "date_from_datetime_inexact")
_DATETIME_TYPES = ("datetime_parsing", "datetime_type", "datetime_from_date_parsing", "datetime_object_invalid")
_BOUNDS = {"greater_than_equal": ("at_least", "ge"), "greater_than": ("above", "gt"),
           "less_than_equal": ("at_most", "le"), "less_than": ("below", "lt")}


def _reason(error: Any) -> str:
    """pydantic's own English reason a value is not a date ('day value is outside expected range')."""
    return str(error.get("ctx", {}).get("error") or str(error["msg"]).split(",", 1)[-1].strip())


def _message(model: type[BaseModel], error: Any, loc: Loc) -> Message:
    """The catalogue message of one pydantic error, chosen by its type (never by parsing pydantic's English)."""
    kind = error["type"]
    got = repr(error.get("input"))
    ctx = error.get("ctx", {})
    cause = ctx.get("error")
    if kind == "value_error" and isinstance(cause, MessageError):
        return cause.text  # our validators' own rules (cchc.models)
    if kind == "fees_unknown":  # a PydanticCustomError of Procedure._complete, named by its key
        return msg(kind)
    if kind == "missing":
        description = _description(model, loc)
        return msg("missing_described", description=description) if description else msg("missing")
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        return msg("unknown_key", allowed=", ".join(parent.model_fields) if parent else "")
    if kind == "literal_error":
        return msg("not_allowed_value", got=got, allowed=str(ctx.get("expected", "")).replace("'", ""))
    if kind in _BY_TYPE:
        return msg(_BY_TYPE[kind], got=got)
    if kind in _DATE_TYPES:
        return msg("not_date", got=got, reason_en=_reason(error))
    if kind in _DATETIME_TYPES:
        return msg("not_datetime", got=got, reason_en=_reason(error))
    if kind == "string_pattern_mismatch":
        description = _description(model, loc)
        pattern = ctx.get("pattern", "")
        if description:
            return msg("pattern_mismatch_described", got=got, pattern=pattern, description=description)
        return msg("pattern_mismatch", got=got, pattern=pattern)
    if kind == "too_short":
        return msg("empty_list")
    if kind in _BOUNDS:
        key, name = _BOUNDS[kind]
        return _range(model, loc, got) or msg(key, bound=ctx.get(name), got=got)
    return msg("invalid_value", reason_en=str(error["msg"]))  # a pydantic error no content check expects


def is_required(model: type[BaseModel], loc: Loc) -> bool:
    """Whether the field at ``loc`` (``("cach_thuc", 0, "thoi_han")``) must be given in its record; a list item or a
    place the model does not know counts as not required (it can be left out)."""
    parent = _model_at(model, loc[:-1])
    if parent is None or not loc or not isinstance(loc[-1], str) or loc[-1] not in parent.model_fields:
        return False
    return parent.model_fields[loc[-1]].is_required()


def model_errors(model: type[M], data: Any) -> tuple[M | None, list[tuple[Loc, Message]]]:
    """Validate ``data`` against ``model``: the record, or every error as (where, catalogue message). The one
    validation `make check` runs, for callers that need the place as a path rather than a line (the importer)."""
    try:
        return model.model_validate(data), []
    except ValidationError as exc:
        errors = []
        for error in exc.errors():
            loc = _clean_loc(error["loc"])
            errors.append((loc, _message(model, error, loc)))
        return None, errors


def validate_record(model: type[M], located: LocatedData, path: str) -> tuple[M | None, list[Problem]]:
    """Validate parsed YAML against ``model``; every problem carries the line of its field."""
    record, errors = model_errors(model, located.data)
    problems = [Problem(path, located.line_of(loc), field_path(loc), text) for loc, text in errors]
    return record, sorted(set(problems))
