# Two commands for everything: `make site` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
# Reproducible builds: dates in the sitemap come from the last commit.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: compiled site test lint format pages serve bench search-bench lighthouse check outline candidates metrics chromium gettext clean

$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11+ is required")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

# build_tools as bytecode, as pip compiles an installed package (an editable install is not): where
# PYTHONDONTWRITEBYTECODE is set, as on CI, every build would otherwise compile each of its modules (0.1-0.15 s).
# Files edited since are compiled again here; nothing is written if none was.
compiled: $(STAMP)
	@$(PY) -m compileall -q build_tools

# Build both editions into site.tmp/, then swap it in: a failed build leaves the old site/ whole.
site: compiled
	@rm -rf site.tmp
	$(PY) -m mkdocs build --strict --site-dir site.tmp
	@rm -rf site.old; if [ -d site ]; then mv site site.old; fi; mv site.tmp site; rm -rf site.old
	@echo "site/ built (zh-Hans at /, zh-Hant at /zh-Hant/)"

serve: compiled
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

# Lint, format and types first (seconds), then the suite.
test: compiled chromium gettext lint
	$(PY) -m pytest

# ruff (lint and format, configured in pyproject.toml) and mypy: `make lint`; `make format` rewrites.
lint: $(STAMP)
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(PY) -m mypy

format: $(STAMP)
	$(PY) -m ruff format .

bench: compiled
	$(PY) -m tools.bench

# Search alone: first-result share over phrases sampled from the text, and bytes fetched (per edition).
search-bench: compiled
	$(PY) -m tools.bench --search

# Lighthouse scores of a fresh build (reports, never fails on a score): make lighthouse LIGHTHOUSE_ARGS="--runs 3"
LIGHTHOUSE_ARGS ?=
lighthouse: $(STAMP) chromium node_modules/.bin/lighthouse
	$(PY) -m tools.lighthouse $(LIGHTHOUSE_ARGS)

# npm's lighthouse, pinned in package.json / package-lock.json (measurement only).
node_modules/.bin/lighthouse: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

check: $(STAMP)
	$(PY) -m build_tools check

# Every edition's docs tree (Markdown, data files, nav.yml) for any MkDocs-compatible engine: make pages PAGES=out
PAGES ?= pages
pages: $(STAMP)
	$(PY) -m build_tools pages --all $(PAGES)

# Debian's Chromium for the browser tests (Playwright's own browser download is not used).
chromium:
	@command -v chromium >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; }

# Debian's gettext: the tests check seeds/en.po with msgfmt, as translators' tools read it.
gettext:
	@command -v msgfmt >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq gettext; }

clean:
	rm -rf site site.tmp site.old .pytest_cache
