# news-archive: Pelican's own Makefile conventions, plus a self-installing .venv and node_modules.
#   make serve   build the sample archive and serve it on http://127.0.0.1:8000
#   make test    run every test (installs what it needs, Chromium included)
PY?=python3
VENV?=.venv
BIN=$(VENV)/bin
PELICAN?=$(BIN)/pelican
PELICANOPTS=

BASEDIR=$(CURDIR)
INPUTDIR=$(BASEDIR)/content
OUTPUTDIR=$(BASEDIR)/output
CONFFILE=$(BASEDIR)/pelicanconf.py
PUBLISHCONF=$(BASEDIR)/publishconf.py

PORT?=8000
BIND?=127.0.0.1
PYTEST_ARGS?=
BENCH_N?=1000 10000

PY_STAMP=$(VENV)/.installed
NODE_STAMP=node_modules/.installed

help:
	@echo 'Makefile for news-archive'
	@echo '   make html        build the archive in content/ into output/'
	@echo '   make serve       build, then serve output/ on http://$(BIND):$(PORT)'
	@echo '   make devserver   serve and rebuild when content changes'
	@echo '   make publish     build with publishconf.py'
	@echo '   make test        run every test (sets up .venv, node_modules, Chromium)'
	@echo '   make expected    regenerate tests/site/expected/ after an intended output change'
	@echo '   make bench       benchmark generated archives beside Pagefind (BENCH_N="$(BENCH_N)"; "10000 100000" takes hours)'
	@echo '   make eval        score parsing and events on the real dumps in ../shared/realdumps (REALDUMPS=...)'
	@echo '   make clean       remove output/'

$(PY_STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c requirements.lock -e '.[test]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

setup: $(PY_STAMP) $(NODE_STAMP)

html: setup
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

clean:
	[ ! -d $(OUTPUTDIR) ] || rm -rf $(OUTPUTDIR)

regenerate: setup
	$(PELICAN) -r $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) $(PELICANOPTS)

serve: html
	$(PELICAN) -l $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -b $(BIND) -p $(PORT) $(PELICANOPTS)

devserver: setup
	$(PELICAN) -lr $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONFFILE) -b $(BIND) -p $(PORT) $(PELICANOPTS)

publish: setup
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(PUBLISHCONF) $(PELICANOPTS)

chromium:
	@scripts/ensure-chromium

test: setup chromium
	$(BIN)/python -m pytest $(PYTEST_ARGS)

expected: setup
	$(BIN)/python -m tests.site.expected

eval: setup
	$(BIN)/python -m tools.eval $(EVAL_ARGS)

BENCH_STAMP=tools/benchdeps/node_modules/.installed
$(BENCH_STAMP): tools/benchdeps/package.json tools/benchdeps/package-lock.json
	npm ci --prefix tools/benchdeps --no-audit --no-fund --loglevel=error
	touch $@

# benchmark-only dependencies (Pagefind), kept apart from what the build and the tests install
benchdeps: $(BENCH_STAMP)

bench: setup chromium benchdeps
	$(BIN)/python -m tools.bench $(BENCH_N)

.PHONY: help setup html clean regenerate serve devserver publish chromium test expected eval benchdeps bench
