"""The open-data files of cchc.site.opendata's tables: CSV (UTF-8, header row, RFC 4180 quoting) and JSON for
each, a Frictionless Data Package (``datapackage.json``) with a Table Schema per table, a DCAT catalogue in
JSON-LD, and a JSON Schema per record type. Deterministic: rows in the tables' order, keys sorted, no clock.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from cchc.content.catalogue import Catalogue
from cchc.site.addresses import OPEN_DATA, OPEN_DATA_DIR, page_url
from cchc.site.opendata import LICENCE, TABLES, Table, newest_date
from cchc.text import slugify

_JSON_TYPES = {"string": "string", "integer": "integer", "number": "number", "date": "string",
               "datetime": "string", "boolean": "boolean"}


def _csv(table: Table, rows: list[dict[str, Any]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([c.name for c in table.columns])
    for row in rows:
        writer.writerow(["" if row[c.name] is None else _cell(row[c.name]) for c in table.columns])
    return out.getvalue().encode("utf-8")


def _cell(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _dump(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def table_schema(table: Table) -> dict[str, Any]:
    fields = []
    for c in table.columns:
        entry: dict[str, Any] = {"name": c.name, "type": c.type, "description": c.description["en"]}
        if c.required:
            entry["constraints"] = {"required": True}
        fields.append(entry)
    return {"fields": fields, "missingValues": [""]}


def json_schema(table: Table, base: str) -> dict[str, Any]:
    """The JSON Schema of one record (one row of the table's JSON file)."""
    props: dict[str, Any] = {}
    for c in table.columns:
        kind: Any = _JSON_TYPES[c.type] if c.required else [_JSON_TYPES[c.type], "null"]
        props[c.name] = {"type": kind, "description": c.description["en"]}
        if c.type in ("date", "datetime"):
            props[c.name]["format"] = "date" if c.type == "date" else "date-time"
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": base + f"{table.name}.schema.json",
            "title": table.title["en"], "type": "object", "additionalProperties": False,
            "required": [c.name for c in table.columns], "properties": props}


def _package(cat: Catalogue, base: str, modified: str) -> dict[str, Any]:
    source = {"title": cat.province.co_quan_chu_tri.vi, "path": base.removesuffix(OPEN_DATA_DIR + "/")}
    return {
        "name": "cchc-" + slugify(cat.province.ten.vi),
        "title": f"Dữ liệu mở cải cách hành chính {cat.province.ten_day_du.vi}", "version": modified,
        "homepage": base.removesuffix(OPEN_DATA_DIR + "/") + page_url(OPEN_DATA),
        "licenses": [{"name": LICENCE[0], "title": LICENCE[1], "path": LICENCE[2]}],
        "sources": [source], "created": f"{modified}T00:00:00+07:00",
        "resources": [{"name": t.name, "title": t.title["vi"], "path": f"{t.name}.csv", "format": "csv",
                       "mediatype": "text/csv", "encoding": "utf-8", "profile": "tabular-data-resource",
                       "schema": table_schema(t)} for t in TABLES],
    }


def _dcat(cat: Catalogue, base: str, modified: str) -> dict[str, Any]:
    home = base.removesuffix(OPEN_DATA_DIR + "/")
    publisher = {"@id": home + "#office", "@type": "foaf:Organization", "foaf:name": cat.province.co_quan_chu_tri.vi}
    datasets = []
    for t in TABLES:
        datasets.append({
            "@id": base + t.name, "@type": "dcat:Dataset", "dct:title": [{"@value": t.title["vi"], "@language": "vi"},
                                                                         {"@value": t.title["en"], "@language": "en"}],
            "dct:publisher": {"@id": publisher["@id"]}, "dct:license": {"@id": LICENCE[2]},
            "dct:modified": {"@value": modified, "@type": "xsd:date"},
            "dcat:distribution": [{"@id": base + f"{t.name}.{ext}", "@type": "dcat:Distribution",
                                   "dcat:downloadURL": {"@id": base + f"{t.name}.{ext}"}, "dcat:mediaType": media,
                                   "dct:conformsTo": {"@id": base + f"{t.name}.schema.json"}}
                                  for ext, media in (("csv", "text/csv"), ("json", "application/json"))]})
    return {"@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/",
                         "foaf": "http://xmlns.com/foaf/0.1/", "xsd": "http://www.w3.org/2001/XMLSchema#"},
            "@graph": [publisher, {"@id": base + "dcat.jsonld", "@type": "dcat:Catalog",
                                   "dct:title": f"Dữ liệu mở cải cách hành chính {cat.province.ten_day_du.vi}",
                                   "dct:publisher": {"@id": publisher["@id"]}, "dct:license": {"@id": LICENCE[2]},
                                   "dcat:dataset": [{"@id": d["@id"]} for d in datasets]}, *datasets]}


def open_data_files(cat: Catalogue, site_url: str) -> dict[str, bytes]:
    """{path inside the language's build: bytes} for every open-data file. ``site_url`` is the Vietnamese site's
    base URL (the data's one public address, whichever language's page links it)."""
    base = site_url + OPEN_DATA_DIR + "/"
    modified = newest_date(cat)
    out: dict[str, bytes] = {}
    for table in TABLES:
        rows = list(table.rows(cat, site_url))
        out[f"{OPEN_DATA_DIR}/{table.name}.csv"] = _csv(table, rows)
        out[f"{OPEN_DATA_DIR}/{table.name}.json"] = _dump(rows)
        out[f"{OPEN_DATA_DIR}/{table.name}.schema.json"] = _dump(json_schema(table, base))
    out[f"{OPEN_DATA_DIR}/datapackage.json"] = _dump(_package(cat, base, modified))
    out[f"{OPEN_DATA_DIR}/dcat.jsonld"] = _dump(_dcat(cat, base, modified))
    return out
