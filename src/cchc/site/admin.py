"""The editors' form at /admin/ (Decap CMS), planned from the models: every collection's fields come from the
same JSON Schemas editors' VS Code uses, so a field added to a model appears in the form without a hand edit.

What the schemas cannot say is declared here once: which data file feeds a field's choices (``CHOICES``), which
enum's labels come from which interface strings (``ENUM_LABELS``), and which texts are long (``LONG_TEXT``).
Labels and help are the fields' own descriptions ("Vietnamese label: English help").

The form reads and writes our files through its own formats (``cchc-admin.js``): a data file keyed by id is shown
as a list whose items carry the id; bilingual text written as a plain string is shown as its Vietnamese input.
``SHAPES`` tells that script which paths hold bilingual text, per collection.
"""

from __future__ import annotations

from typing import Any

from cchc.content.catalogue import Catalogue
from cchc.content.models import LegalDocument, NewsItem, Procedure, ProcedureSet
from cchc.content.schema import DATA_MODELS, data_schema
from cchc.i18n import has_string, t

ADMIN_DIR = "admin"
ITEMS = "muc"  # the list a file keyed by id (or a list file) is shown as in the form
ID = "id"
SHAPE = "__shape"  # in a data file's form: which data file it is (see cchc-admin.js)

# (model, field) -> where its choices come from: a taxonomy or portal map of data/, or records of a folder.
CHOICES: dict[tuple[str, str], str] = {
    ("Procedure", "linh_vuc"): "fields",
    ("Procedure", "cap_thuc_hien"): "levels",
    ("Procedure", "doi_tuong"): "audiences",
    ("Procedure", "co_quan_thuc_hien"): "agencies",
    ("Procedure", "co_quan_co_tham_quyen"): "agencies",
    ("Procedure", "co_quan_duoc_uy_quyen"): "agencies",
    ("Procedure", "co_quan_phoi_hop"): "agencies",
    ("Procedure", "quyet_dinh_cong_bo"): "sets",
    ("ProcedureSet", "co_quan_ban_hanh"): "agencies",
    ("Agency", "cap"): "levels",
    ("Centre", "cap"): "levels",
    ("Centre", "linh_vuc"): "fields",
    ("NewsItem", "chuyen_muc"): "categories",
    ("LegalDocument", "can_cu"): "documents",
    ("LegalDocument", "sua_doi"): "documents",
    ("LegalDocument", "thay_the"): "documents",
    ("LegalDocument", "bai_bo"): "documents",
    ("Leaflet", "diem_tiep_nhan"): "centres",
}
# enum field -> the interface strings that name its values (key prefix in cchc.i18n)
ENUM_LABELS = {"hinh_thuc": "channel_", "don_vi": "unit_", "muc_do_dvc": "online_", "trang_thai": "status_",
               "loai_van_ban": "doctype_", "tinh_trang": "docstatus_"}
LONG_TEXT = {"mo_ta", "tiep_nhan", "yeu_cau_dieu_kien", "sapo", "ghi_chu", "dap", "nguyen_van", "buu_chinh",
             "chuong_trinh", "khau_hieu"}


def _line(name: str, depth: int = 1) -> str:
    return f"# yaml-language-server: $schema={'../' * depth}schemas/{name}.schema.json"


# Each data file's label in the form (its model and shape: cchc.content.schema.DATA_MODELS), in the form's order.
DATA_LABELS = {
    "province": "Tỉnh và cơ quan chủ trì",
    "centres": "Nơi tiếp nhận hồ sơ (Trung tâm, Bộ phận Một cửa)",
    "feedback": "Đường dây nóng, phản ánh kiến nghị",
    "indices": "Chỉ số cải cách hành chính",
    "faq": "Hỏi đáp",
    "steering-committee": "Ban Chỉ đạo cải cách hành chính",
    "leaflet": "Tờ rơi",
    "fields": "Lĩnh vực",
    "levels": "Cấp thực hiện",
    "agencies": "Cơ quan",
    "audiences": "Đối tượng thực hiện",
    "categories": "Chuyên mục tin tức",
    "synonyms": "Từ đồng nghĩa cho tìm kiếm",
    "translations": "Bộ nhớ dịch (tiếng Anh)",
}


# Data files the form leaves to a developer's hand, and why.
NOT_IN_FORM = {
    # The values are the models' own (a new one needs a code change); only their names are data.
    "vocabulary": "closed vocabularies: their values are fixed by the models",
}


def _label(name: str, schema: dict[str, Any]) -> tuple[str, str | None]:
    """(label, help) from a field's description "Nhãn: English help"; the field's name when it has none."""
    text = schema.get("description") or ""
    head, sep, _ = text.partition(":")
    if sep and head.strip() and not head.strip().isascii():
        return head.strip(), text
    return (name.replace("_", " ").capitalize(), text or None)


class _Planner:
    """Turns one JSON Schema into Decap fields, collecting the paths of bilingual text for the form's formats."""

    def __init__(self, root: dict[str, Any], options: dict[str, list[dict[str, str]]]) -> None:
        self.defs: dict[str, Any] = root.get("$defs", {})
        self.options = options
        self.bilingual: list[str] = []

    def resolve(self, schema: dict[str, Any]) -> dict[str, Any]:
        while "$ref" in schema:
            schema = {**self.defs[schema["$ref"].rsplit("/", 1)[-1]], **{k: v for k, v in schema.items() if k != "$ref"}}
        return schema

    def fields(self, schema: dict[str, Any], path: str, model: str, optional: bool = False) -> list[dict[str, Any]]:
        """The fields of an object. Inside an optional object nothing is required by the form (Decap would ask
        for the parts of an object left out); the check on saving still holds the record to the model."""
        schema = self.resolve(schema)
        required = set(schema.get("required", []))
        return [self.field(name, sub, name in required and not optional, f"{path}{name}", schema.get("title", model))
                for name, sub in schema.get("properties", {}).items()]

    def field(self, name: str, schema: dict[str, Any], required: bool, path: str, model: str) -> dict[str, Any]:
        label, hint = _label(name, schema)
        out: dict[str, Any] = {"name": name, "label": label, "required": required}
        if hint:
            out["hint"] = hint
        out.update(self.widget(name, schema, path, model, required))
        return out

    def _variants(self, schema: dict[str, Any]) -> tuple[list[dict[str, Any]], bool]:
        variants = [self.resolve(v) for v in schema.get("anyOf", [schema])]
        nullable = any(v.get("type") == "null" for v in variants)
        return [v for v in variants if v.get("type") != "null"], nullable

    def widget(self, name: str, schema: dict[str, Any], path: str, model: str, required: bool) -> dict[str, Any]:
        variants, _ = self._variants(schema)
        titles = {v.get("title") for v in variants}
        if "BilingualText" in titles:
            self.bilingual.append(path)
            return self.bilingual_widget(name, required)
        one = {**variants[0], **{k: v for k, v in schema.items() if k in ("default", "description")}}
        source = CHOICES.get((model, name))
        if source is not None:
            return self.choice(source, multiple=one.get("type") == "array")
        return self.typed(name, one, path, model, required)

    def bilingual_widget(self, name: str, required: bool) -> dict[str, Any]:
        kind = "text" if name in LONG_TEXT else "string"
        return {"widget": "object", "collapsed": False, "fields": [
            {"name": "vi", "label": "Tiếng Việt", "widget": kind, "required": required},
            {"name": "en", "label": "Tiếng Anh (English)", "widget": kind, "required": False,
             "hint": "Để trống cho đến khi có bản dịch / leave empty until translated"},
        ]}

    def choice(self, source: str, multiple: bool) -> dict[str, Any]:
        return {"widget": "select", "multiple": multiple, "options": self.options.get(source, [])}

    def typed(self, name: str, schema: dict[str, Any], path: str, model: str, required: bool = True) -> dict[str, Any]:
        kind = schema.get("type")
        if "enum" in schema:
            prefix = ENUM_LABELS.get(name)
            return {"widget": "select", "options": [
                {"label": _enum_label(prefix, value), "value": value} for value in schema["enum"]]}
        if kind == "array":
            return self.array(name, schema, path, model)
        if kind == "object" and "properties" in schema:
            return {"widget": "object", "collapsed": False,
                    "fields": self.fields(schema, path + ".", model, optional=not required)}
        if kind in ("integer", "number"):
            out: dict[str, Any] = {"widget": "number", "value_type": "int" if kind == "integer" else "float"}
            for ours, theirs in (("minimum", "min"), ("exclusiveMinimum", "min"), ("maximum", "max")):
                if ours in schema:
                    out[theirs] = schema[ours]
            return out
        if kind == "boolean":
            return {"widget": "boolean", "default": bool(schema.get("default", False))}
        return self.string(name, schema)

    def string(self, name: str, schema: dict[str, Any]) -> dict[str, Any]:
        fmt = schema.get("format")
        if fmt == "date":
            return {"widget": "datetime", "format": "YYYY-MM-DD", "date_format": "DD/MM/YYYY", "time_format": False}
        if fmt == "date-time":
            return {"widget": "datetime", "format": "YYYY-MM-DDTHH:mm:ssZ", "date_format": "DD/MM/YYYY",
                    "time_format": "HH:mm"}
        out: dict[str, Any] = {"widget": "text" if name in LONG_TEXT else "string"}
        if "pattern" in schema:
            out["pattern"] = [schema["pattern"], f"Không đúng mẫu / does not match {schema['pattern']}"]
        return out

    def array(self, name: str, schema: dict[str, Any], path: str, model: str) -> dict[str, Any]:
        item = self.resolve(schema.get("items", {}))
        variants, _ = self._variants(item)
        if "BilingualText" in {v.get("title") for v in variants}:
            self.bilingual.append(path + "[]")
            return {"widget": "list", "collapsed": False, "fields": self.bilingual_widget(name, True)["fields"]}
        if "enum" in item:
            return {"widget": "select", "multiple": True, "options": self.typed(name, item, path, model)["options"]}
        if item.get("type") == "object":
            return {"widget": "list", "collapsed": False,
                    "fields": self.fields(item, path + "[].", item.get("title", model))}
        return {"widget": "list", "field": {"name": "muc", "label": "Mục", **self.string(name, item)}}


def _enum_label(prefix: str | None, value: str) -> str:
    if prefix:
        key = prefix + value
        if has_string(key):
            return f"{t(key, 'vi')} ({value})"
    return value


def _options(catalogue: Catalogue) -> dict[str, list[dict[str, str]]]:
    """Every choice a select offers, from data/ and the records: label in Vietnamese, value the id."""
    portal = catalogue.portal
    named: dict[str, dict[str, Any]] = {
        "fields": catalogue.fields, "levels": catalogue.levels, "audiences": catalogue.audiences,
        "agencies": catalogue.agencies, "categories": catalogue.categories,
        "centres": portal.centres if portal else {},
    }
    out = {kind: [{"label": f"{record.ten.vi} ({key})", "value": key} for key, record in records.items()]
           for kind, records in named.items()}
    out["documents"] = [{"label": f"{doc.so_hieu}: {doc.trich_yeu.vi}", "value": key}
                        for key, doc in sorted(catalogue.documents.items())]
    out["sets"] = [{"label": f"{s.so_hieu}: {s.trich_yeu.vi}", "value": key} for key, s in sorted(catalogue.sets.items())]
    return out


def _folder(name: str, label: str, folder: str, model: Any, schema_line: str, options: dict[str, Any],
            **extra: Any) -> tuple[dict[str, Any], dict[str, Any]]:
    planner = _Planner(model.model_json_schema(), options)
    fields = planner.fields(model.model_json_schema(), "", model.__name__)
    collection = {"name": name, "label": label, "folder": folder, "create": True, "delete": False,
                  "extension": "yml", "format": f"cchc-{name}", **extra, "fields": fields}
    return collection, {"kind": "record", "bilingual": planner.bilingual, "schema_line": schema_line}


def _news(lang: str, options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    planner = _Planner(NewsItem.model_json_schema(), options)
    fields = planner.fields(NewsItem.model_json_schema(), "", "NewsItem")
    fields.append({"name": "body", "label": "Nội dung / story text", "widget": "markdown", "required": True,
                   "buttons": ["bold", "italic", "link", "heading-three", "bulleted-list", "numbered-list", "quote"],
                   "editor_components": []})
    english = lang == "en"
    fields = [{"name": "ngon_ngu", "label": "Ngôn ngữ", "widget": "hidden", "default": lang}
              if field["name"] == "ngon_ngu" else field for field in fields]
    collection: dict[str, Any] = {
        "name": f"tin-tuc-{lang}", "label": "Tin tức (tiếng Anh)" if english else "Tin tức (tiếng Việt)",
        "label_singular": "tin", "folder": "docs/tin-tuc", "path": "{{year}}/{{khoa}}" + (".en" if english else ""),
        "slug": "{{khoa}}", "extension": "en.md" if english else "md", "format": f"cchc-tin-tuc-{lang}",
        "create": True, "delete": False, "identifier_field": "tieu_de", "summary": "{{tieu_de}} ({{khoa}})",
        "preview_path": f"{'en/' if english else ''}tin-tuc/{{{{year}}}}/{{{{khoa}}}}/",
        "preview_path_date_field": "ngay_dang", "fields": fields,
    }
    if not english:  # the folder's .md files include the English ones (.en.md): they say ngon_ngu: en
        collection["filter"] = {"field": "ngon_ngu", "value": "vi"}
    shape = {"kind": "story", "lang": lang, "bilingual": planner.bilingual, "schema_line": ""}
    return collection, shape


def _data_files(options: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    files, shapes = [], {}
    for stem, label in DATA_LABELS.items():
        model, shape = DATA_MODELS[stem]
        root = data_schema(stem)
        planner = _Planner(root, options)
        entry_schema = root["additionalProperties"] if shape == "map" else root["items"] if shape == "list" else root
        entry_fields = planner.fields(entry_schema, f"{ITEMS}[]." if shape != "record" else "", model.__name__)
        if shape == "map":
            entry_fields.insert(0, {"name": ID, "label": "Mã (id)", "widget": "string", "required": True,
                                    "pattern": ["^[a-z0-9]+(-[a-z0-9]+)*$", "chữ thường, số và gạch nối / a-z, 0-9, -"]})
        fields = entry_fields if shape == "record" else [
            {"name": ITEMS, "label": label, "widget": "list", "collapsed": True, "fields": entry_fields}]
        # Decap gives a files collection one format: the file's schema line tells the format which file it reads,
        # and this hidden field carries that to the save.
        fields.append({"name": SHAPE, "widget": "hidden", "default": stem})
        files.append({"name": f"data-{stem}", "label": label, "file": f"data/{stem}.yml", "fields": fields})
        shapes[f"data:{stem}"] = {"kind": shape, "bilingual": planner.bilingual, "schema_line": _line(stem)}
    collection = {"name": "du-lieu", "label": "Dữ liệu của trang", "delete": False, "extension": "yml",
                  "format": "cchc-data", "files": files}
    return collection, shapes


def cms_config(catalogue: Catalogue, repo: str | None, site_url: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """(Decap's config.yml as data, the shapes its formats need), for the site of ``catalogue``. ``repo`` is the
    GitHub repository ("owner/name") that production edits go to."""
    options = _options(catalogue)
    collections, shapes = [], {}
    for name, label, folder, model, line, extra in (
        ("thu-tuc", "Thủ tục hành chính", "procedures", Procedure, _line("procedure"),
         {"identifier_field": "ma_thu_tuc", "slug": "{{ma_thu_tuc}}", "summary": "{{ma_thu_tuc}}: {{ten.vi}}",
          "preview_path": "tim-kiem/?q={{ma_thu_tuc}}"}),  # the page's address holds its name: found by code
        ("bo-thu-tuc", "Bộ thủ tục (quyết định công bố)", "procedures/sets", ProcedureSet, _line("procedure-set", 2),
         {"identifier_field": "so_hieu", "summary": "{{so_hieu}}"}),
        ("van-ban", "Văn bản chỉ đạo điều hành", "documents", LegalDocument, _line("document"),
         {"identifier_field": "so_hieu", "summary": "{{so_hieu}}"}),
    ):
        collection, shape = _folder(name, label, folder, model, line, options, **extra)
        collections.append(collection)
        shapes[f"cchc-{name}"] = shape
    for lang in ("vi", "en"):
        collection, shape = _news(lang, options)
        collections.append(collection)
        shapes[collection["format"]] = shape
    data, data_shapes = _data_files(options)
    collections.append(data)
    shapes.update(data_shapes)
    backend: dict[str, Any] = {"name": "github", "repo": repo or "OWNER/REPOSITORY", "branch": "main",
                               "cms_label_prefix": "noi-dung/"}
    config = {
        "backend": backend, "publish_mode": "editorial_workflow", "locale": "vi", "site_url": site_url,
        "display_url": site_url, "media_folder": "docs/assets/images/tin-tuc",
        "public_folder": "assets/images/tin-tuc", "show_preview_links": True, "search": True,
        "slug": {"encoding": "ascii", "clean_accents": True}, "collections": collections,
    }
    return config, shapes
