"""The MkDocs adapter: the only code that imports MkDocs.

MkDocs (or ProperDocs, its maintained fork) drives a build of one language through the events in
:mod:`cchc_mkdocs.events`, which the hook file ``hooks/cchc_hooks.py`` hands to MkDocs; everything those events
do is a call into the core (``cchc``), which never imports MkDocs. Besides the events the adapter holds the
page-rendering shortcut for pages the core wrote as HTML (:mod:`~cchc_mkdocs.render`), the cache of page
fragments shared by a folder (:mod:`~cchc_mkdocs.fragments`), the build of one language with explicit options
(:mod:`~cchc_mkdocs.builder`) and the preview's fast path (:mod:`~cchc_mkdocs.preview`).

MkDocs' private names it uses are few, each imported in one place with a comment saying why, and
``tests/test_mkdocs_adapter.py`` fails if MkDocs changes one of them.
"""
