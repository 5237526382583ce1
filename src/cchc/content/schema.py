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


def _taxonomy_schema(name: str) -> dict[str, Any]:
    # A taxonomy file maps ids to entries.
    model: Any = {**TAXONOMIES, **PORTAL_MAPS}[name]
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
        "feedback.schema.json": Feedback.model_json_schema(),
        "steering-committee.schema.json": SteeringCommittee.model_json_schema(),
        "leaflet.schema.json": Leaflet.model_json_schema(),
        "translations.schema.json": TypeAdapter(list[MemoryEntry]).json_schema(),
        "vocabulary.schema.json": Vocabulary.model_json_schema(),
    }
    for name in [*TAXONOMIES, *PORTAL_MAPS]:
        schemas[f"{name}.schema.json"] = _taxonomy_schema(name)
    out = {}
    for file_name, schema in schemas.items():
        schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        out[file_name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return out
