"""JSON Schemas for editors' YAML files, generated from the models (VS Code's YAML extension reads them)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import TypeAdapter

from cchc.content.models import (
    PORTAL_MAPS,
    TAXONOMIES,
    Feedback,
    Leaflet,
    LegalDocument,
    MemoryEntry,
    NewsItem,
    Procedure,
    ProcedureSet,
    Province,
    SteeringCommittee,
    Vocabulary,
)

SCHEMA_DIR = "schemas"


# Each data/<stem>.yml (its schema is schemas/<stem>.schema.json): its model and its shape, "record" (one
# object), "map" (id -> entry: the taxonomies and the portal's maps) or "list" (entries).
DATA_MODELS: dict[str, tuple[Any, str]] = {
    "province": (Province, "record"),
    "vocabulary": (Vocabulary, "record"),
    "feedback": (Feedback, "record"),
    "steering-committee": (SteeringCommittee, "record"),
    "leaflet": (Leaflet, "record"),
    **{name: (model, "map") for name, model in {**TAXONOMIES, **PORTAL_MAPS}.items()},
    "translations": (MemoryEntry, "list"),
}


def data_schema(stem: str) -> dict[str, Any]:
    """The JSON Schema of data/<stem>.yml."""
    model: Any
    model, shape = DATA_MODELS[stem]
    if shape == "list":
        return TypeAdapter(list[model]).json_schema()
    if shape == "record":
        return dict(model.model_json_schema())
    entry: dict[str, Any] = TypeAdapter(dict[str, model]).json_schema()
    entry["propertyNames"] = {"pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$"}
    return entry


def build_schemas() -> dict[str, str]:
    """{file name: JSON text} for every schema; deterministic so a test can compare with the committed ones."""
    schemas: dict[str, dict[str, Any]] = {
        "procedure.schema.json": Procedure.model_json_schema(),
        "procedure-set.schema.json": ProcedureSet.model_json_schema(),
        "province.schema.json": Province.model_json_schema(),
        "document.schema.json": LegalDocument.model_json_schema(),
        "news.schema.json": NewsItem.model_json_schema(),
        **{f"{stem}.schema.json": data_schema(stem) for stem in DATA_MODELS},
    }
    out = {}
    for file_name, schema in schemas.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        out[file_name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out
