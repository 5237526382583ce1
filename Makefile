# Every target sets up .venv itself (created or refreshed whenever pyproject.toml changes).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve edit test build check fix schemas lint chromium npm bench bench-search fonts new-procedure new-document new-news import review clean translations-export translations-import

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The build prints the leaflet's PDF with Chromium, so serve, build and check install it like test does, and
# publishes the editors' form (/admin/) from the pinned npm packages.
serve: $(STAMP) chromium npm
	$(PY) scripts/serve.py

# The editors' form at http://127.0.0.1:8080/admin/ over this working copy, beside the live preview (:8000).
edit: $(STAMP) chromium npm
	$(PY) scripts/edit.py

build: $(STAMP) chromium npm
	$(PY) scripts/build_site.py

# Content problems first (file:line: field: message), then the built site's links (broken ones fail,
# external ones are listed).
check: $(STAMP) chromium npm
	$(PY) scripts/check_content.py
	$(PY) scripts/check_links.py

# Rewrites content in composed Unicode with new-style tone marks: the spelling problems `make check` reports.
fix: $(STAMP)
	$(PY) scripts/fix_spelling.py

# New records with every field: make new-procedure CODE=1.000894, make new-document ID=118-2025-nd-cp,
# make new-news KEY=hoi-nghi-cchc (add EN=1 for the English version of that story).
new-procedure: $(STAMP)
	$(PY) scripts/new_procedure.py $(CODE)

new-document: $(STAMP)
	$(PY) scripts/new_document.py $(ID)

new-news: $(STAMP)
	$(PY) scripts/new_news.py $(KEY) $(if $(EN),--en)

import: $(STAMP)
	$(PY) scripts/import_procedures.py $(FROM)

# Imported records with text kept for review (can_ra_soat): file:line, code, field and reason, for the office.
review: $(STAMP)
	$(PY) scripts/review.py

# Translators' files: every text without English, once each, by reach (translations/cchc-en.xlf for CAT tools,
# translations/cchc-en.xlsx for a spreadsheet); a filled one back: make translations-import FROM=file.xlf
translations-export: $(STAMP)
	$(PY) scripts/translations.py export

translations-import: $(STAMP)
	$(PY) scripts/translations.py import $(FROM)

schemas: $(STAMP)
	$(PY) scripts/make_schemas.py

lint: $(STAMP)
	$(VENV)/bin/ruff check src hooks scripts tests benchmarks
	$(VENV)/bin/mypy

# Search at province scale (2,000 procedures + 3,000 stories per language), ours against Material's;
# a few minutes. Results and reasons: benchmarks/SEARCH.md.
# Province-scale benchmark against DESIGN.md §4 (builds up to 8,000 procedures; long). Writes
# benchmarks/RESULTS.md and exits 1 when a budget is missed.
bench: $(STAMP) chromium
	$(PY) scripts/benchmark.py

bench-search: $(STAMP) chromium
	$(PY) scripts/benchmark_search.py --material

# Browser tests drive Debian's Chromium; install it when it is missing (needs root or sudo).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium; }

# Strips hinting from the self-hosted fonts in docs/assets/fonts (done once; the results are committed).
fonts: $(STAMP)
	$(PY) -m pip install --quiet -e '.[fonts]'
	$(PY) scripts/slim_fonts.py

# From the npm registry, pinned in pyproject.toml: axe-core (accessibility checks in the browser tests), Decap CMS
# and js-yaml (the editors' form the build publishes at /admin/).
npm: $(STAMP)
	$(PY) scripts/fetch_npm.py

test: $(STAMP) chromium npm
	$(VENV)/bin/ruff check src hooks scripts tests benchmarks
	$(VENV)/bin/mypy
	$(PY) -m pytest

clean:
	rm -rf site site.previous .build-* .cache $(VENV)
