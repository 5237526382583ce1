"""The editors' form's local backend (``make edit``): Decap CMS's proxy protocol (the one its ``decap-server`` speaks)
over the working copy, in Python, so no Node.js is needed and every save goes through our own rules:

- only the content folders are read or written; a path that leaves them, or passes a symbolic link, is refused;
- what the form writes is read with the project's screened YAML loader (no aliases, bounded depth and size) and
  put into the file as it was (:mod:`cchc.content.roundtrip`): a one-field edit changes that field's lines only;
- the record is checked as ``make check`` checks it before it is kept: a problem in the edited file puts the old
  file back and answers with the problems (file:line: field: message), which the form shows.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import http.server
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cchc.content.frontmatter import split_front_matter
from cchc.content.problems import Problem, bilingual
from cchc.content.roundtrip import canonical_yaml, patch_story, patch_yaml, schema_line
from cchc.content.yamlio import load_yaml

ENTRY_FOLDERS = ("procedures", "documents", "data", "docs/tin-tuc")
MEDIA_FOLDERS = ("docs/assets/images",)
ENTRY_SUFFIXES = (".yml", ".md")
MEDIA_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".svg", ".pdf")
MAX_UPLOAD = 10 * 1024 * 1024  # bytes, as cchc.content.inventory allows for a file under docs/


class Refused(Exception):
    """A request the backend will not carry out; its text is shown in the form."""


Checker = Callable[[Path, str], list[Problem]]


def _screened(text: str, rel: str) -> Any:
    located, problems = load_yaml(text, rel)
    if located is None:
        raise Refused("\n".join(str(p) for p in problems))
    return located.data


def _story(text: str, rel: str) -> tuple[dict[str, Any], str]:
    located, body, _, problems = split_front_matter(text, rel)
    if located is None:
        raise Refused("\n".join(str(p) for p in problems))
    return located.data, body


def merged_text(rel: str, raw: str, original: str | None) -> str:
    """What the form wrote for ``rel`` put into ``original``, the file as it was (None for a new file): read with
    the screened loader, then only the changed values written again (cchc.content.roundtrip); a new file as the
    importer writes one, after the schema line the form wrote. Refused when either is not content the site reads.
    The one merge for make edit's saves and for the form's commits on GitHub (scripts/restore_format.py)."""
    if rel.endswith(".md"):
        front, body = _story(raw.replace("\r\n", "\n"), rel)
        if original is not None:
            _story(original, rel)
        return patch_story(original, front, body)
    data = _screened(raw, rel)
    if original is None:
        return canonical_yaml(data, schema_line(raw))
    _screened(original, rel)
    return patch_yaml(original, data)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class LocalBackend:
    """Answers the form's requests against the content of ``root``. ``check`` returns the content problems of
    one file (repository-relative path) after a save."""

    def __init__(self, root: Path, check: Checker) -> None:
        self.root = root.resolve()
        self.check = check

    # --- paths ---------------------------------------------------------------------------------------------

    def path(self, rel: str, folders: tuple[str, ...], suffixes: tuple[str, ...] | None = None) -> Path:
        """``rel`` inside one of ``folders``, never through a link, never outside."""
        rel = str(rel).replace("\\", "/").strip("/")
        parts = rel.split("/")
        if not rel or ".." in parts or any(p in ("", ".") for p in parts) or ":" in rel:
            raise Refused(f"đường dẫn không hợp lệ / not a content path: {rel!r}")
        if not any(rel == f or rel.startswith(f + "/") for f in folders):
            raise Refused(f"ngoài các thư mục nội dung / outside the content folders: {rel}")
        if suffixes is not None and not rel.lower().endswith(suffixes):
            raise Refused(f"loại tệp không được phép / file type not allowed: {rel}")
        current = self.root
        for part in parts:
            current = current / part
            if current.is_symlink():
                raise Refused(f"liên kết tượng trưng bị từ chối / symbolic link refused: {rel}")
        return current

    def files_in(self, folder: str, extension: str, depth: int) -> list[str]:
        top = self.path(folder, ENTRY_FOLDERS + MEDIA_FOLDERS)
        found: list[str] = []

        def walk(where: Path, left: int) -> None:
            if left <= 0 or not where.is_dir():
                return
            for item in sorted(where.iterdir()):
                if item.is_symlink():
                    continue
                if item.is_dir():
                    walk(item, left - 1)
                elif item.name.endswith(extension):
                    found.append(item.relative_to(self.root).as_posix())

        walk(top, depth)
        return found

    def entry(self, rel: str, label: str | None = None) -> dict[str, Any]:
        path = self.path(rel, ENTRY_FOLDERS, ENTRY_SUFFIXES)
        if not path.is_file():
            return {"data": None, "file": {"path": rel, "label": label, "id": None}}
        raw = path.read_bytes()
        return {"data": raw.decode("utf-8"), "file": {"path": rel, "label": label, "id": _sha(raw)}}

    def media(self, rel: str) -> dict[str, Any]:
        raw = self.path(rel, MEDIA_FOLDERS, MEDIA_SUFFIXES).read_bytes()
        return {"id": _sha(raw), "content": base64.b64encode(raw).decode("ascii"), "encoding": "base64",
                "path": rel, "name": Path(rel).name}

    # --- writing -------------------------------------------------------------------------------------------

    def persist(self, rel: str, raw: str) -> None:
        path = self.path(rel, ENTRY_FOLDERS, ENTRY_SUFFIXES)
        text = merged_text(rel, raw, path.read_text(encoding="utf-8") if path.is_file() else None)
        before = path.read_bytes() if path.is_file() else None
        self.write(path, text.encode("utf-8"))
        problems = self.check(self.root, rel)
        if problems:
            if before is None:
                path.unlink()
            else:
                self.write(path, before)
            raise Refused("\n".join(bilingual(p) for p in problems))

    @staticmethod
    def write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.saving")
        temporary.write_bytes(data)
        os.replace(temporary, path)

    def persist_media(self, asset: dict[str, Any]) -> dict[str, Any]:
        rel = str(asset.get("path", ""))
        data = base64.b64decode(str(asset.get("content", "")), validate=True)
        if len(data) > MAX_UPLOAD:
            raise Refused(f"tệp quá lớn / file too large: {len(data)} bytes, at most {MAX_UPLOAD}")
        self.write(self.path(rel, MEDIA_FOLDERS, MEDIA_SUFFIXES), data)
        return self.media(rel)

    # --- the protocol --------------------------------------------------------------------------------------

    def handle(self, body: dict[str, Any]) -> Any:
        """One request of Decap's proxy protocol; raises Refused for what it will not do."""
        action, params = body.get("action"), body.get("params") or {}
        if action == "info":
            return {"repo": self.root.name, "publish_modes": ["simple"], "type": "local_fs"}
        if action == "entriesByFolder":
            files = self.files_in(params["folder"], params.get("extension", ""), int(params.get("depth", 1)))
            return [self.entry(rel) for rel in files if rel.endswith(ENTRY_SUFFIXES)]
        if action == "entriesByFiles":
            return [self.entry(f["path"], f.get("label")) for f in params.get("files", [])]
        if action == "getEntry":
            return self.entry(params["path"])
        if action == "persistEntry":
            data_files: list[dict[str, Any]] = params.get("dataFiles") or [params["entry"]]
            for data_file in data_files:
                if data_file.get("newPath"):
                    raise Refused("đổi tên tệp không được hỗ trợ / renaming a file is not supported")
                self.persist(data_file["path"], data_file["raw"])
            for asset in params.get("assets", []):
                self.persist_media(asset)
            return {"message": "entry persisted"}
        if action == "getMedia":
            files = self.files_in(params["mediaFolder"], "", 1)
            return [self.media(rel) for rel in files if rel.lower().endswith(MEDIA_SUFFIXES)]
        if action == "getMediaFile":
            return self.media(params["path"])
        if action == "persistMedia":
            return self.persist_media(params["asset"])
        if action in ("deleteFile", "deleteFiles"):
            raise Refused("xóa tệp qua biểu mẫu không được hỗ trợ / deleting files is not supported in the form")
        if action == "getDeployPreview":
            return None
        raise Refused(f"unknown action {action!r}")


def catalogue_checker(root: Path) -> Checker:
    """Problems a save brought in: those of the content after it that were not there before it (so a problem
    elsewhere in the working copy never blocks an edit, and one the edit causes in another file does). The
    content of ``root`` is checked once now, for the first comparison."""
    from cchc.content.catalogue import load_catalogue
    from cchc.content.problems import ContentError

    def problems(where: Path) -> set[Problem]:
        try:
            load_catalogue(where)
        except ContentError as exc:
            return set(exc.problems)
        return set()

    known = {root.resolve(): problems(root)}

    def check(where: Path, rel: str) -> list[Problem]:
        now = problems(where)
        added = sorted(now - known.get(where.resolve(), set()))
        if not added:
            known[where.resolve()] = now
        return added

    return check


class _Handler(http.server.SimpleHTTPRequestHandler):
    backend: LocalBackend
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".yml": "text/yaml; charset=utf-8",
                      ".js": "text/javascript; charset=utf-8"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the stdlib's signature
        pass

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        if self.path in ("/", ""):
            self.send_response(302)
            self.send_header("Location", "/admin/")
            self.end_headers()
            return
        super().do_GET()

    def do_POST(self) -> None:  # noqa: N802 - the stdlib's name
        origin = self.headers.get("Origin")
        own = f"http://{self.headers.get('Host', '')}"
        if self.path != "/api/v1" or (origin is not None and origin != own):
            self.send_error(403, "only the form served here may write")
            return
        length = int(self.headers.get("Content-Length") or 0)
        if length > 2 * MAX_UPLOAD:
            self.send_error(413)
            return
        try:
            body = json.loads(self.rfile.read(length) or b"{}")
            status, answer = 200, self.backend.handle(body)
        except Refused as exc:
            status, answer = 422, {"error": str(exc)}
        except (KeyError, ValueError, TypeError) as exc:
            status, answer = 400, {"error": f"bad request: {exc}"}
        data = json.dumps(answer, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def cms_server(root: Path, site: Path, host: str = "127.0.0.1", port: int = 8080,
               check: Checker | None = None) -> http.server.ThreadingHTTPServer:
    """A server (not yet serving) for the built ``site`` (the form at /admin/) and the local backend at /api/v1
    over the content of ``root``."""
    handler = type("Handler", (_Handler,), {"backend": LocalBackend(root, check or catalogue_checker(root))})
    return http.server.ThreadingHTTPServer((host, port), functools.partial(handler, directory=str(site)))
