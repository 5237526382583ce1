"""Preview the site with live reload at http://127.0.0.1:8000 (Vietnamese) and /en/ (English).

An edit is shown in two steps. An edit to a procedure's own details (not its name, links or the lists it is on)
is re-rendered first on the pages that show them (its page, and the leaflet if it is on it), in both languages,
and the open browser reloads about a second after the save. Then every edit rebuilds the whole site into a new folder, which replaces the served one
in one step (readers never see a half-built site), and the browser reloads again.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ["CCHC_PREVIEW"] = "1"  # the preview's pages allow MkDocs' inline live-reload script (cchc.output.csp)

from mkdocs.commands.build import _build_page, _populate_page, build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import MkDocsException  # noqa: E402
from mkdocs.livereload import LiveReloadServer  # noqa: E402

from cchc.content.catalogue import PROCEDURES_DIR, reload_procedure  # noqa: E402
from cchc.i18n import LANGUAGE_PREFIXES, LANGUAGES, config_file  # noqa: E402
from cchc.site.leaflet import leaflet_pdfs, pages_with_details  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HOST, PORT = "127.0.0.1", 8000
WATCHED = ("docs", "procedures", "documents", "data", "overrides", "hooks", *(config_file(lang) for lang in LANGUAGES))


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    """Modification time and size of every watched file, to tell which ones an edit changed."""
    out: dict[str, tuple[int, int]] = {}
    for name in WATCHED:
        top = root / name
        paths = [top] if top.is_file() else (p for p in top.rglob("*") if p.is_file())
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
            state = config.extra["_cchc"]
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
                    file.page.spec = spec  # a page written as HTML (hooks: _HtmlPage)
                else:
                    file.content_string = spec.markdown
                jobs.append((config, state, file, self.site / LANGUAGE_PREFIXES[lang] / file.dest_uri))
        for config, state, file, target in jobs:
            file.abs_dest_path = str(target)  # the served folder, not the one the build wrote to
            _populate_page(file.page, config, state.files)
            _build_page(file.page, config, state.files, state.nav, state.env)
        return True

    def full(self) -> bool:
        """Build every language into a new folder, then put it in place of the served one."""
        build_dir = Path(tempfile.mkdtemp(prefix="cchc-serve-next-", dir=self.site.parent))
        configs = {}
        try:
            # The default language's build cleans its whole folder, so it goes first (LANGUAGES starts with it)
            # and the others land below it.
            for lang in LANGUAGES:
                url = self.root_url + LANGUAGE_PREFIXES[lang]
                config = load_config(config_file=str(self.root / config_file(lang)),
                                     site_dir=str(build_dir / LANGUAGE_PREFIXES[lang]), site_url=url)
                build(config, serve_url=url)
                configs[lang] = config
            try:
                leaflet_pdfs(self.root, build_dir)  # kept prints are reused (cchc.output.pdf.PdfCache)
            except Exception as exc:  # a preview without the PDF beats no preview; the log says why
                logging.error(f"leaflet PDF not printed: {exc}")
        except MkDocsException as exc:  # keep serving the last good pages; the log names the problem
            logging.error(f"build failed: {exc}")
            shutil.rmtree(build_dir, ignore_errors=True)
            return False
        old = self.site.with_name(self.site.name + "-old-" + str(time.monotonic_ns()))
        self.site.rename(old)
        build_dir.rename(self.site)
        threading.Thread(target=shutil.rmtree, args=(old, True), daemon=True).start()
        self.configs = configs
        return True


def _show(server: LiveReloadServer, new_epoch: bool = False) -> None:
    """Tell open browsers to reload now. MkDocs' server (pinned 1.6.1) reloads them once its builder returns
    and holds page requests while a build runs; the fast step needs both sooner, the full step a second time."""
    with server._epoch_cond:
        if new_epoch:
            server._wanted_epoch = time.monotonic_ns() // 1_000_000
        server._visible_epoch = server._wanted_epoch
        server._epoch_cond.notify_all()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", default=str(ROOT), help="the site's folder (default: this repository)")
    parser.add_argument("--port", type=int, default=PORT)
    args = parser.parse_args()
    root = Path(args.root)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    work = Path(tempfile.mkdtemp(prefix="cchc-serve-"))
    site = work / "site"
    site.mkdir()
    preview = Preview(root, site, f"http://{HOST}:{args.port}/")
    server: LiveReloadServer

    def builder() -> None:
        changed = preview.changed()
        try:
            if preview.fast(changed):
                logging.info(f"shown on the edited pages first: {', '.join(changed)}")
                _show(server)
        except Exception as exc:  # the full rebuild below still runs and reports
            logging.warning(f"fast preview skipped: {exc}")
        if preview.full():
            _show(server, new_epoch=True)

    server = LiveReloadServer(builder=builder, host=HOST, port=args.port, root=str(site))
    try:
        preview.full()
        for name in WATCHED:
            server.watch(str(root / name))
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
