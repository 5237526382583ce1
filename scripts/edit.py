"""Edit the site in a browser form (make edit): the editors' form at http://127.0.0.1:8080/admin/ writes to this
working copy through its local backend, beside the live preview at http://127.0.0.1:8000/.

Every save is put into its file as the file was (a one-field edit changes that field's lines only) and checked
as `make check` checks it; a problem puts the old file back and shows in the form. Commit the changes with git as
usual. On the published site the same form commits to GitHub instead (README: Editing in the browser).

    python scripts/edit.py [--root DIR] [--port N] [--preview-port N]
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"


def _stop(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", default=str(ROOT), help="the site's folder (default: this repository)")
    parser.add_argument("--port", type=int, default=8080, help="the form's port")
    parser.add_argument("--preview-port", type=int, default=8000, help="the live preview's port")
    args = parser.parse_args(argv)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from cchc.content.cms_backend import cms_server
    from cchc_mkdocs.preview import serve

    logging.basicConfig(format="%(levelname)-7s -  %(message)s", level=logging.INFO)
    root = Path(args.root)
    signal.signal(signal.SIGTERM, _stop)  # stopped like Ctrl+C: the work folder is removed
    work = Path(tempfile.mkdtemp(prefix="cchc-edit-"))
    preview = threading.Thread(target=serve, args=(root, HOST, args.preview_port, work), daemon=True)
    preview.start()
    while not (work / "site" / "admin" / "index.html").exists() and preview.is_alive():
        time.sleep(0.2)  # the preview's first build writes the form too
    server = cms_server(root, work / "site", HOST, args.port)
    logging.info(f"editors' form: http://{HOST}:{args.port}/admin/  (live preview: http://{HOST}:{args.preview_port}/)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
