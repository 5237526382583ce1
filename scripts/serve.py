"""Preview the site with live reload at http://127.0.0.1:8000 (Vietnamese) and /en/ (English)."""

from __future__ import annotations

import argparse
import hashlib
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
os.environ["CCHC_PREVIEW"] = "1"  # the preview's pages allow MkDocs' inline live-reload script (cchc.csp)

from mkdocs.commands.build import build  # noqa: E402
from mkdocs.config import load_config  # noqa: E402
from mkdocs.exceptions import MkDocsException  # noqa: E402
from mkdocs.livereload import LiveReloadServer  # noqa: E402

from cchc.i18n import LANGUAGE_PREFIXES, LANGUAGES, config_file  # noqa: E402
from cchc.leaflet import leaflet_pdfs  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
HOST, PORT = "127.0.0.1", 8000
WATCHED = ("docs", "procedures", "documents", "data", "overrides", "hooks", *(config_file(lang) for lang in LANGUAGES))


class LeafletCache:
    """Prints the leaflet PDFs only when a leaflet page changed: an edit elsewhere reuses the last ones."""

    def __init__(self) -> None:
        self.key = ""
        self.files: dict[str, bytes] = {}

    def refresh(self, root: Path, site: Path) -> None:
        pages = sorted(site.glob("**/to-roi/index.html"))
        key = hashlib.sha256(b"".join(p.read_bytes() for p in pages)).hexdigest()
        if key != self.key:
            leaflet_pdfs(root, site)
            self.key = key
            self.files = {str(p.relative_to(site)): p.read_bytes() for p in site.glob("**/to-roi/*.pdf")}
        else:
            for rel, data in self.files.items():
                (site / rel).write_bytes(data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--root", default=str(ROOT), help="the site's folder (default: this repository)")
    parser.add_argument("--port", type=int, default=PORT)
    args = parser.parse_args()
    root = Path(args.root)
    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    site = Path(tempfile.mkdtemp(prefix="cchc-serve-"))
    pdfs = LeafletCache()
    root_url = f"http://{HOST}:{args.port}/"

    def builder() -> None:
        # The default language's build cleans the whole folder, so it goes first (LANGUAGES starts with it)
        # and the others land below it.
        for lang in LANGUAGES:
            url = root_url + LANGUAGE_PREFIXES[lang]
            out = site / LANGUAGE_PREFIXES[lang]
            config = load_config(config_file=str(root / config_file(lang)), site_dir=str(out), site_url=url)
            try:
                build(config, serve_url=url)
            except MkDocsException as exc:  # keep serving the last good pages; the log names the problem
                logging.error(f"build failed: {exc}")
                return
        try:
            pdfs.refresh(root, site)
        except Exception as exc:  # a preview without the PDF beats no preview; the log says why
            logging.error(f"leaflet PDF not printed: {exc}")

    server = LiveReloadServer(builder=builder, host=HOST, port=args.port, root=str(site))
    try:
        builder()
        for name in WATCHED:
            server.watch(str(root / name))
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(site, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
