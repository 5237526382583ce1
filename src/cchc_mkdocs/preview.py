"""The preview behind ``make serve``: MkDocs' live-reload server over a site built by :func:`cchc.build.build_site`,
and the fast path that shows an edit to a procedure's own details about a second after it is saved.

An edit is shown in two steps. An edit to a procedure's own details (not its name, links or the lists it is on,
see :func:`cchc.content.catalogue.reload_procedure`) is re-rendered first on the pages that show them (its page,
and the leaflet if it is on it), in both languages, with the last build's theme and nav, and the open browser
reloads. Then every edit rebuilds the whole site, which replaces the served one in one step (readers never see
a half-built site), and the browser reloads again.

MkDocs' private names used here, and why (``tests/test_mkdocs_adapter.py`` fails if MkDocs 1.6 changes them):

- ``mkdocs.commands.build._populate_page`` and ``_build_page``: the two steps ``build`` takes for each page;
  the fast path takes them for the edited pages alone.
- ``LiveReloadServer._epoch_cond``, ``_wanted_epoch``, ``_visible_epoch``: the server reloads browsers only when
  its builder returns, and holds page requests while it runs; the fast step needs a reload sooner, and the full
  step a second one.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from mkdocs.commands.build import _build_page, _populate_page
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from cchc.build import build_site
from cchc.content.catalogue import PROCEDURES_DIR, reload_procedure
from cchc.i18n import LANGUAGE_PREFIXES, LANGUAGES, config_file
from cchc.site.leaflet import pages_with_details
from cchc_mkdocs.state import STATE_KEY

WATCHED = ("docs", "procedures", "documents", "data", "overrides", "hooks", *(config_file(lang) for lang in LANGUAGES))


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every watched file, to tell which ones an edit changed."""
    out: dict[str, tuple[int, int]] = {}
    for name in WATCHED:
        top = root / name
        paths = [top] if top.is_file() else (p for p in top.rglob("*") if p.is_file() and not p.is_symlink())
        for path in paths:
            info = path.stat()
            out[path.relative_to(root).as_posix()] = (info.st_mtime_ns, info.st_size)
    return out


class Preview:
    """The served folder, the last good build of each language, and the two steps of a rebuild."""

    def __init__(self, root: Path, site: Path, root_url: str) -> None:
        self.root, self.site, self.root_url = root, site, root_url
        self.configs: dict[str, MkDocsConfig] = {}  # the last good build of each language
        self.files = snapshot(root)

    def changed(self) -> list[str]:
        now = snapshot(self.root)
        changed = sorted(k for k in now.keys() | self.files.keys() if now.get(k) != self.files.get(k))
        self.files = now
        return changed

    def fast(self, changed: list[str]) -> bool:
        """Re-render the pages of edited procedures into the served folder; False when the edit needs the full
        rebuild to show (see cchc.content.catalogue.reload_procedure) or there is no good build to start from."""
        if not changed or len(self.configs) != len(LANGUAGES):
            return False
        if not all(rel.startswith(PROCEDURES_DIR + "/") and rel.endswith(".yml") for rel in changed):
            return False
        jobs: list[tuple[MkDocsConfig, Any, Any, Path]] = []
        for lang, config in self.configs.items():
            state = config.extra[STATE_KEY]
            catalogue = state.catalogue
            for rel in changed:
                reloaded = reload_procedure(catalogue, self.root / rel)
                if reloaded is None:
                    return False
                catalogue = reloaded
            specs = {spec.src_uri: spec for rel in changed
                     for spec in pages_with_details(catalogue, Path(rel).stem, lang, config.site_url or "/")}
            for spec in specs.values():
                file = state.files.get_file_from_path(spec.src_uri) if state.files else None
                if file is None or file.page is None:
                    return False
                if spec.html is not None:
                    file.page.spec = spec  # a page written as HTML (cchc_mkdocs.render.HtmlPage)
                else:
                    file.content_string = spec.markdown
                jobs.append((config, state, file, self.site / LANGUAGE_PREFIXES[lang] / file.dest_uri))
        for config, state, file, target in jobs:
            file.abs_dest_path = str(target)  # the served folder, not the one the build wrote to
            _populate_page(file.page, config, state.files)
            _build_page(file.page, config, state.files, state.nav, state.env)
        return True

    def full(self) -> bool:
        """Build every language (in this process, to keep each language's config for the fast path) and put the
        new site in place of the served one; on failure keep serving the last good pages (the log says why)."""
        try:
            self.configs = build_site(self.root, self.site, parallel=False, preview_url=self.root_url)
        except Exception as exc:  # MkDocs' Abort/PluginError, or a failed check after the build
            logging.error(f"build failed: {exc}")
            return False
        return True


def show(server: LiveReloadServer, new_epoch: bool = False) -> None:
    """Tell open browsers to reload now. MkDocs' server (pinned 1.6.1) reloads them once its builder returns
    and holds page requests while a build runs; the fast step needs both sooner, the full step a second time."""
    with server._epoch_cond:
        if new_epoch:
            server._wanted_epoch = time.monotonic_ns() // 1_000_000
        server._visible_epoch = server._wanted_epoch
        server._epoch_cond.notify_all()


def serve(root: Path, host: str, port: int, work: Path) -> None:
    """Serve the site of ``root`` at http://host:port/ with live reload until interrupted; builds go in ``work``."""
    site = work / "site"
    preview = Preview(root, site, f"http://{host}:{port}/")
    server: LiveReloadServer

    def builder() -> None:
        changed = preview.changed()
        try:
            if preview.fast(changed):
                logging.info(f"shown on the edited pages first: {', '.join(changed)}")
                show(server)
        except Exception as exc:  # the full rebuild below still runs and reports
            logging.warning(f"fast preview skipped: {exc}")
        if preview.full():
            show(server, new_epoch=True)

    site.mkdir(parents=True, exist_ok=True)
    server = LiveReloadServer(builder=builder, host=host, port=port, root=str(site))
    try:
        preview.full()
        for name in WATCHED:
            server.watch(str(root / name))
        server.serve()  # type: ignore[no-untyped-call]
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
