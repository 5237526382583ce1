"""Content-Security-Policy for every page, as a <meta> tag (the site is static: no server headers to rely on).

The policy allows only the site itself: no other host for scripts, styles, fonts, images, frames or requests.
Material's two small inline scripts are allowed by their SHA-256 hashes, computed from each page as built, so
an injected inline script (whatever the escaping upstream) still does not run. Pagefind compiles WebAssembly,
which needs 'wasm-unsafe-eval' (and nothing wider: no 'unsafe-eval', no 'unsafe-inline' for scripts).
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_NOT_EXECUTED = re.compile(r"""type\s*=\s*["']?(application/json|application/ld\+json)""", re.I)

BASE_POLICY = (
    "default-src 'none'",
    "img-src 'self' data:",
    "style-src 'self'",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
    "frame-src 'none'",
)


def script_hashes(html: str) -> list[str]:
    """'sha256-...' for each inline script the page executes, in order, without repeats."""
    out: list[str] = []
    for m in _INLINE_SCRIPT.finditer(html):
        if "src=" in m.group("attrs") or _NOT_EXECUTED.search(m.group("attrs")):
            continue
        digest = base64.b64encode(hashlib.sha256(m.group("body").encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in out:
            out.append(f"'sha256-{digest}'")
    return out


def policy(html: str, preview: bool = False) -> str:
    """The page's policy. In the local preview (`make serve`) MkDocs adds its live-reload script inline to each
    response after the build, so the preview allows inline scripts; published pages never do."""
    allowed = ["'unsafe-inline'"] if preview else script_hashes(html)
    scripts = " ".join(["script-src 'self' 'wasm-unsafe-eval'", *allowed])
    return "; ".join([BASE_POLICY[0], scripts, *BASE_POLICY[1:]])


def with_csp(html: str, preview: bool = False) -> str:
    """The page with its policy as the first element of <head>, so it governs everything after it."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, preview)}">'
    return re.sub(r"<head>", "<head>\n    " + meta.replace("\\", "\\\\"), html, count=1)
