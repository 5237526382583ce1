"""A second builder: ProperDocs (a maintained fork of MkDocs 1.6 that keeps ``hooks:``) builds both languages of
the sample site, and its site is MkDocs' byte for byte but for the generator tag.

This is the way out when Material or MkDocs stops being installable (README, "When Material or MkDocs stops being
installable"): it is only a way out while it is proven on every run. ProperDocs ships its own import package,
``properdocs``; its command line maps every ``mkdocs.*`` import to ``properdocs.*`` (``properdocs.replacement``),
so our hook, which imports ``mkdocs.*``, runs unchanged, and it reads themes registered for MkDocs, so Material's
theme is found. It runs here the way a site owner would run it: ``properdocs build`` per language, in its own
process (the alias must be in place before anything imports MkDocs), with the hook indexing that language's
search as it does under ``mkdocs build``; then the leaflets are printed and the languages put together with the
functions the build uses. The site it is held to is the session's ``built_site``, built by ``make build``'s
``cchc.build.build_site`` with MkDocs from the same content.
"""

from __future__ import annotations

import difflib
import importlib.metadata
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import make_site_copy

from cchc.i18n import LANGUAGE_PREFIXES, LANGUAGES, config_file
from cchc.output.leaflet_pdf import leaflet_pdfs
from cchc.output.publish import assemble

# The one thing allowed to differ: the theme's generator tag names the builder (overrides/main.html prints
# ``mkdocs-{{ mkdocs_version }}``, which ProperDocs fills with "ProperDocs <version>").
GENERATOR = re.compile(rb'<meta name="generator" content="mkdocs-([^"]*), mkdocs-material">')
NORMALISED = b'<meta name="generator" content="mkdocs-(builder), mkdocs-material">'


def properdocs_build(root: Path, dest: Path) -> None:
    """Build the site in ``root`` with ProperDocs into ``dest``: both languages at once, each by ``properdocs
    build`` in its own process (the hook runs Pagefind on it), then the leaflets printed and the languages
    assembled (Vietnamese at the root, English under en/), as ``build_site`` does after MkDocs."""
    work = dest.parent / (dest.name + ".work")
    outputs = {lang: work / lang for lang in LANGUAGES}
    running = {
        lang: subprocess.Popen(
            [sys.executable, "-m", "properdocs", "build", "-f", str(root / config_file(lang)),
             "-d", str(outputs[lang])],
            cwd=root, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        for lang in LANGUAGES
    }
    for lang, process in running.items():
        log, _ = process.communicate(timeout=300)
        assert process.returncode == 0, f"properdocs build [{lang}] failed:\n{log.decode(errors='replace')[-4000:]}"
    leaflet_pdfs(root, outputs)
    assemble(outputs, LANGUAGE_PREFIXES, dest)


def files(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def normalised(rel: str, data: bytes) -> bytes:
    """The file with its generator tag, and nothing else, made the same for every builder."""
    return GENERATOR.sub(NORMALISED, data, count=1) if rel.endswith(".html") else data


def first_difference(rel: str, ours: bytes, theirs: bytes) -> str:
    diff = difflib.unified_diff(ours.decode(errors="replace").splitlines(), theirs.decode(errors="replace").splitlines(),
                                f"mkdocs/{rel}", f"properdocs/{rel}", n=1, lineterm="")
    return "\n".join(line[:300] for line in list(diff)[:12])


@pytest.mark.browser  # prints the leaflets with Chromium, as the build does
def test_properdocs_builds_the_site_mkdocs_builds(built_site: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    properdocs_build(make_site_copy(tmp_path / "src"), site)
    ours, theirs = files(built_site), files(site)

    missing, extra = sorted(set(ours) - set(theirs)), sorted(set(theirs) - set(ours))
    assert not missing and not extra, f"only MkDocs wrote {missing[:10]}; only ProperDocs wrote {extra[:10]}"
    differ = [rel for rel in ours if normalised(rel, ours[rel]) != normalised(rel, theirs[rel])]
    assert not differ, (f"{len(differ)} file(s) differ beyond the generator tag, first {differ[:10]}:\n"
                        + first_difference(differ[0], normalised(differ[0], ours[differ[0]]),
                                           normalised(differ[0], theirs[differ[0]])))

    # ProperDocs did build it: every page the theme tags names ProperDocs where MkDocs' names MkDocs.
    by_builder = ([importlib.metadata.version("mkdocs").encode()],
                  [f"ProperDocs {importlib.metadata.version('properdocs')}".encode()])
    tags = {rel: (GENERATOR.findall(ours[rel]), GENERATOR.findall(theirs[rel])) for rel in ours if rel.endswith(".html")}
    assert {rel: found for rel, found in tags.items() if found not in (by_builder, ([], []))} == {}
    tagged = {rel for rel, found in tags.items() if found == by_builder}
    assert {"index.html", "en/index.html", "thu-tuc/index.html", "en/thu-tuc/index.html"} <= tagged


def test_properdocs_replacement_maps_mkdocs_imports() -> None:
    """README's switch for ``make build`` and ``make serve`` is ``import properdocs.replacement`` before the
    first MkDocs import: after it, every ``mkdocs.*`` module is ProperDocs' (in a fresh process: this one has
    MkDocs' own loaded), including the private build steps ``scripts/serve.py`` calls."""
    code = ("import properdocs.replacement, mkdocs, mkdocs.commands.build as b, mkdocs.livereload as r\n"
            "print(mkdocs.__name__, b.__name__, b._build_page.__module__, b._populate_page.__module__, r.__name__)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["properdocs", "properdocs.commands.build", "properdocs.commands.build",
                                   "properdocs.commands.build", "properdocs.livereload"]


@pytest.mark.browser  # prints the leaflets with Chromium, as the build does
def test_the_shipped_build_runs_on_properdocs(built_site: Path, tmp_path: Path) -> None:
    """README's switch, done the way it says: ``import properdocs.replacement`` before the adapter's first MkDocs
    import, then the one build every caller uses (``cchc.build.build_site``, languages in worker processes): the
    same site as MkDocs' but for the generator tag, which names ProperDocs."""
    root, site = make_site_copy(tmp_path / "src"), tmp_path / "site"
    code = ("import sys, properdocs.replacement\nfrom pathlib import Path\nfrom cchc.build import build_site\n"
            "build_site(Path(sys.argv[1]), Path(sys.argv[2]))\n")
    done = subprocess.run([sys.executable, "-c", code, str(root), str(site)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-4000:]
    ours, theirs = files(built_site), files(site)
    assert set(ours) == set(theirs)
    differ = [rel for rel in ours if normalised(rel, ours[rel]) != normalised(rel, theirs[rel])]
    assert not differ, f"{len(differ)} file(s) differ beyond the generator tag, first {differ[:10]}"
    assert b"ProperDocs" in theirs["index.html"] and b"ProperDocs" not in ours["index.html"]
