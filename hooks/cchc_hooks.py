"""MkDocs hooks of the site: event glue only. Every event is implemented by the adapter package
(``cchc_mkdocs.events``), which calls the core (``cchc``); see ARCHITECTURE.md.

A hook file's folder is on ``sys.path`` only while MkDocs loads it, and ``mkdocs serve`` never reloads it, so
nothing lives here: MkDocs finds the events by their names in this module.
"""

from cchc_mkdocs.events import (  # noqa: F401 (MkDocs reads the events from this module's names)
    on_config,
    on_env,
    on_files,
    on_nav,
    on_page_content,
    on_page_context,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
)
