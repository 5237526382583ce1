"""Build one language with MkDocs, with the options given as arguments (no environment variables between the
caller and the events)."""

from __future__ import annotations

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig

from cchc_mkdocs.state import OPTIONS_KEY, BuildOptions

DEFAULTS = BuildOptions()


def build_language(config_file: str, site_dir: str, options: BuildOptions = DEFAULTS,
                   site_url: str | None = None, serve_url: str | None = None) -> MkDocsConfig:
    """Load ``config_file`` (a language's ``mkdocs*.yml``), build it into ``site_dir`` and return the config the
    build used (the preview keeps it for its fast path). ``site_url``/``serve_url`` are the preview's."""
    overrides: dict[str, str] = {"site_dir": site_dir}
    if site_url is not None:
        overrides["site_url"] = site_url
    config = load_config(config_file=config_file, **overrides)
    config.extra[OPTIONS_KEY] = options
    build(config, serve_url=serve_url)
    return config
