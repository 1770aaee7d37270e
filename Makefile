# Relais — two commands: `make run` and `make test` (and `make test-fast` while working).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
HOST ?= 127.0.0.1
PORT ?= 8000
# The public address of `make run`: links in emails, calendar files and feeds use it.
SITE_URL ?= http://$(HOST):$(PORT)
# Deferred tasks (reminders, grouped emails), run by the worker `make run` starts.
TASKS_BACKEND ?= django_tasks_db.DatabaseBackend
# Python writes its bytecode caches, even where the environment turns that off
# (PYTHONDONTWRITEBYTECODE): the test workers and the servers the tests start reuse them.
unexport PYTHONDONTWRITEBYTECODE

# Two cores here; override with `make test WORKERS=4`.
WORKERS ?= 2

.PHONY: run test test-fast test-js install install-dev messages translations chromium vnu lint fmt clean bench bench-quick wrk backup restore soak soak-quick

$(VENV)/.installed: requirements.txt
	@# Debian's python3 lacks ensurepip unless python3-venv is installed: then make the
	@# venv without pip and let the system's pip install pip into it.
	$(PYTHON) -m venv $(VENV) 2>/dev/null || { rm -rf $(VENV); \
	  $(PYTHON) -m venv --without-pip $(VENV) && \
	  $(PYTHON) -m pip --python $(VENV)/bin/python install --quiet pip; }
	$(PIP) install --quiet --upgrade pip
	$(PIP) install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements-dev.txt requirements.txt $(VENV)/.installed
	$(PIP) install --quiet -r requirements-dev.txt
	touch $@

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

# Compile the .po files with Babel (pure Python: no GNU gettext needed).
translations: $(VENV)/.installed
	$(PY) -m babel.messages.frontend compile --domain django --directory locale --use-fuzzy --statistics 2>&1 | grep -v "^$$" || true
	@for l in fr en nl; do test -f locale/$$l/LC_MESSAGES/django.mo || { echo "missing locale/$$l/LC_MESSAGES/django.mo"; exit 1; }; done

# The .po files under locale/ are the source of every translation: after changing the
# interface's French texts, re-extract them here (needs GNU gettext, a developer tool only),
# then translate the new or changed entries of locale/en and locale/nl in the .po files
# themselves (or a translation platform's export of them). `make test` refuses an empty,
# fuzzy or placeholder-losing entry.
messages: $(VENV)/.installed
	$(PY) manage.py makemessages --locale fr --locale en --locale nl --no-obsolete --ignore ".venv/*" --ignore "tests/*" --ignore "node_modules/*"

run: $(VENV)/.installed translations
	$(PY) manage.py migrate --noinput
	SITE_URL=$(SITE_URL) TASKS_BACKEND=$(TASKS_BACKEND) $(PY) manage.py seed_demo
	@echo ""
	@echo "Relais runs at http://$(HOST):$(PORT)/ (with its task worker: emails, reminders)"
	SITE_URL=$(SITE_URL) TASKS_BACKEND=$(TASKS_BACKEND) $(PY) -m website.launcher --host $(HOST) --port $(PORT)

chromium:
	@command -v chromium >/dev/null || test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "Browser tests need Chromium: sudo apt-get install chromium"; exit 1; fi; }

# The JavaScript tools, pinned in package.json and package-lock.json: eslint (`make lint`)
# and the Nu Html Checker (tests/website/test_html_validity.py), from npm into
# node_modules/ (git-ignored); the system's Java runs the checker (no download at install
# time). `npm install` (not `npm ci`) adds what is missing and leaves the rest in place.
NPM_STAMP := node_modules/.installed-from-lock

$(NPM_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "The JavaScript tools come from npm: sudo apt-get install npm"; exit 1; }
	npm install --no-save --no-audit --no-fund --ignore-scripts
	touch $@

vnu: $(NPM_STAMP)
	@command -v java >/dev/null || { echo "The HTML checker needs Java: sudo apt-get install default-jre-headless"; exit 1; }

# xdist hands out whole files (`--dist loadfile`): the rows a module builds once
# (tests/shared.py) are built on one worker only. Any order is safe: a transactional test
# (browser tests included) ends by writing back the rows the migrations made
# (tests/database.py), so the tests after it on that worker find the site as usual.
# Files go out in the suite's order (tests/conftest.py: the browser tests first), not
# xdist's (most tests first, which left the long browser files for the end).
XDIST := -n $(WORKERS) --dist loadfile --no-loadscope-reorder

test: $(VENV)/.installed-dev translations chromium vnu test-js
	DJANGO_SETTINGS_MODULE=website.settings.test $(PY) -m pytest $(XDIST) $(PYTEST_ARGS)

# The room client's deciding parts (static/js/rooms/: gaps, ordering, resend queue), with
# Node's own test runner: no package needed.
test-js:
	@command -v node >/dev/null || { echo "The JavaScript unit tests need Node.js: sudo apt-get install nodejs"; exit 1; }
	node --test tests/js/*.test.mjs

# Everything but the browser tests (`-m "not e2e"`), on the test databases of the previous
# run (`--reuse-db`; `PYTEST_ARGS=--create-db` builds them again). `make test` (CI) runs all.
test-fast: $(VENV)/.installed-dev translations vnu test-js
	DJANGO_SETTINGS_MODULE=website.settings.test $(PY) -m pytest $(XDIST) -m "not e2e" --reuse-db $(PYTEST_ARGS)

# The project's own measurement (bench/run.py, issue 11): a generated data set at a regional
# network's scale, servers with the production settings, wrk and an open-loop generator; the
# table goes to bench/RESULTS.md. Needs PostgreSQL and Redis (BENCH_DATABASE_URL, default
# postgres://postgres@127.0.0.1:5432/relais_bench, dropped and made again; BENCH_REDIS_URL,
# default redis://127.0.0.1:6379/15, emptied). `make bench-quick`: the same rows on a small
# data set with short measurements, to catch breakage (CI runs it), not to judge speed.
wrk:
	@command -v wrk >/dev/null || { \
	  if [ "$$(id -u)" = "0" ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; \
	  else echo "The bench needs wrk: sudo apt-get install wrk"; exit 1; fi; }

bench: $(VENV)/.installed translations wrk
	$(PY) -m bench.run --scale full

bench-quick: $(VENV)/.installed translations wrk
	$(PY) -m bench.run --scale quick

# The soak (bench/soak.py, issue 16): simulated members browse and talk while the server
# restarts (SIGKILL and SIGTERM) and Redis restarts; no 5xx outside the outages, no message
# lost or doubled on any member. Its own Redis on a free port (stopped by the soak, never
# the machine's); PostgreSQL database SOAK_DATABASE_URL (default relais_soak on
# 127.0.0.1:5432, dropped and made again). `make soak`: 200 members, 10 minutes, 3 server
# restarts, 1 Redis restart; `make soak-quick` (or `make soak SOAK=short`): 30 members,
# 60 s, one of each (CI runs it). SOAK_ARGS is passed on (e.g. --reuse-data).
soak: $(VENV)/.installed translations
	SOAK=$(SOAK) $(PY) -m bench.soak $(SOAK_ARGS)

soak-quick: $(VENV)/.installed translations
	SOAK=short $(PY) -m bench.soak $(SOAK_ARGS)

# Each check runs even when one before it fails; `make lint` fails if any did.
# The project's Python apps (bandit's scope in `make lint`; see [tool.bandit] in pyproject).
APPS := community rooms practices events programmes stories diagnostic intervisions search website

lint: $(VENV)/.installed-dev $(NPM_STAMP)
	@status=0; \
	$(VENV)/bin/ruff check . || status=1; \
	$(VENV)/bin/ruff format --check . || status=1; \
	$(VENV)/bin/mypy || status=1; \
	$(VENV)/bin/djlint templates --lint || status=1; \
	node_modules/.bin/eslint static/js tests/js eslint.config.js || status=1; \
	$(VENV)/bin/bandit -q -c pyproject.toml -r $(APPS) 2>/dev/null || status=1; \
	exit $$status

fmt: $(VENV)/.installed-dev
	$(VENV)/bin/ruff format . && $(VENV)/bin/ruff check --fix .

# Backups (website/backup.py): the database (pg_dump's custom format, or a copy of the
# SQLite file) and the uploaded files, in a new directory under BACKUP_DIR. Restoring
# replaces both: stop the site first. `make restore BACKUP=backups/relais-20270101-030000`.
BACKUP_DIR ?= backups
backup: $(VENV)/.installed
	$(PY) manage.py backup --to $(BACKUP_DIR)

restore: $(VENV)/.installed
	@test -n "$(BACKUP)" || { echo "Which backup? make restore BACKUP=$(BACKUP_DIR)/relais-…"; exit 1; }
	$(PY) manage.py restore $(BACKUP) --yes

clean:
	rm -rf $(VENV) staticfiles db.sqlite3
