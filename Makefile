# Lägesbild: one vocabulary for building, testing and packaging.
# `make help` lists the targets. Works on a fresh Debian bookworm machine:
# `make deps` installs QGIS and the tools from apt, `make venv` the Python tools.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PLUGIN      := lagesbild
SYS_PYTHON  := /usr/bin/python3
VENV        := .venv
PYTHON      := $(VENV)/bin/python
VENV_STAMP  := $(VENV)/.installed-requirements
BUILD       := build
# QGIS_PLUGINPATH for qgis_process: a folder holding a symlink lagesbild -> this repository
PLUGIN_PATH := $(BUILD)/plugins
PROFILE_DIR := $(BUILD)/qgis-profile
XDG_DIR     := $(BUILD)/xdg-runtime
VERSION     := $(shell sed -n 's/^version=//p' metadata.txt)
ZIP         := dist/$(PLUGIN)-$(VERSION).zip
DEMO_SIZE   ?= 20000
DEMO_STORE  := demo-output/lagesbild-demo.gpkg
DEMO_REPORT := demo-output/lagesbild-report.pdf
QGIS_PROFILE_DIR ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default
PYTEST_ARGS ?=
# which tests: `make test TESTS=tests/test_x.py` runs one file
TESTS       ?= tests

# Which QGIS runs the tests: 3.22 is the machine's own (Debian bookworm); the
# newer ones run in a Debian chroot that `make chroot` builds once per machine,
# outside the clone, and every later run reuses (scripts/qgis-chroot).
QGIS        ?= 3.22
CHROOT_DIR  ?= /var/cache/lagesbild/chroots
SUITE_3.40  := trixie
SUITE_3.44  := sid
SUITE       := $(SUITE_$(QGIS))
CHROOT      := $(CHROOT_DIR)/$(SUITE)
ifneq ($(QGIS),3.22)
ifeq ($(SUITE),)
$(error QGIS=$(QGIS) is not one of 3.22, 3.40, 3.44)
endif
endif
# the pytest run inside a chroot: its own venv, the repository copied to /work/lagesbild
CHROOT_PYTEST = QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=/tmp/xdg-runtime \
	bash -c 'mkdir -p -m 700 /tmp/xdg-runtime && python -m pytest $(TESTS) $(PYTEST_ARGS) $(1)'

TS_FILES := $(wildcard resources/i18n/*.ts)
QM_FILES := $(TS_FILES:.ts=.qm)

# what goes into the zip and the installed plugin
PACKAGE_FILES := metadata.txt __init__.py __about__.py plugin.py README.md LICENSE
PACKAGE_DIRS  := core algorithms ui resources

# PostgreSQL 15 with PostGIS 3 for the PostgreSQL store's tests (the tests start
# their own server); psycopg2 is the driver. Naming postgresql-15 itself would
# upgrade the machine's client libraries: the PostGIS package brings the server.
APT_PACKAGES := python3-qgis qgis xvfb xauth python3-venv qttools5-dev-tools gdal-bin poppler-utils \
	postgresql-15-postgis-3 python3-psycopg2

HEADLESS_ENV = QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR=$(abspath $(XDG_DIR))
QGIS_PROCESS_ENV = $(HEADLESS_ENV) QGIS_PLUGINPATH=$(abspath $(PLUGIN_PATH)) \
	QGIS_CUSTOM_CONFIG_PATH=$(abspath $(PROFILE_DIR))

.PHONY: help deps venv i18n test smoke chroot demo install package lint format clean bench plugin-path package-tree

help:
	@echo "make deps     install QGIS and the system tools from Debian's apt (if missing)"
	@echo "make venv     .venv with the pinned Python tools (requirements-dev.txt)"
	@echo "make i18n     build the translations (.qm) with lrelease"
	@echo "make test     run the whole test suite headless (QGIS=3.22 the machine's own; 3.40 or 3.44 in a chroot)"
	@echo "make smoke    the smoke set: package install, desktop load, every algorithm once (QGIS=3.22|3.40|3.44)"
	@echo "make chroot   build the Debian chroot for QGIS=3.40 (trixie) or 3.44 (sid) under $(CHROOT_DIR), once"
	@echo "make demo     build the demo store $(DEMO_STORE) (DEMO_SIZE=$(DEMO_SIZE)) and summarise it"
	@echo "make install  copy the plugin into the QGIS profile (QGIS_PROFILE_DIR=$(QGIS_PROFILE_DIR))"
	@echo "make package  build $(ZIP)"
	@echo "make lint     ruff check and flake8 (QGIS rules)"
	@echo "make format   ruff format and fix the import order"
	@echo "make bench    run bench/*.py, results in bench/results.md"
	@echo "make clean    remove everything the targets built"

# System packages: installed only when something is missing.
deps:
	@missing=0; \
	for tool in qgis_process.bin lrelease pdftotext ogrinfo xvfb-run xauth; do \
		command -v $$tool >/dev/null 2>&1 || { echo "missing: $$tool"; missing=1; }; \
	done; \
	$(SYS_PYTHON) -c "import qgis.core" >/dev/null 2>&1 || { echo "missing: python3-qgis"; missing=1; }; \
	$(SYS_PYTHON) -c "import ensurepip" >/dev/null 2>&1 || { echo "missing: python3-venv"; missing=1; }; \
	$(SYS_PYTHON) -c "import psycopg2" >/dev/null 2>&1 || { echo "missing: python3-psycopg2"; missing=1; }; \
	ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 || { echo "missing: PostGIS"; missing=1; }; \
	if [ $$missing = 1 ]; then \
		if [ "$$(id -u)" = 0 ]; then sudo=""; \
		elif command -v sudo >/dev/null 2>&1; then sudo=sudo; \
		else echo "Not root and no sudo: install $(APT_PACKAGES) yourself." >&2; exit 1; fi; \
		$$sudo apt-get update && \
		DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y --no-install-recommends $(APT_PACKAGES); \
	fi

venv: $(VENV_STAMP)

$(VENV_STAMP): requirements-dev.txt | deps
	test -x $(PYTHON) || $(SYS_PYTHON) -m venv --system-site-packages $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

i18n: $(QM_FILES)

resources/i18n/%.qm: resources/i18n/%.ts | deps
	lrelease -silent $< -qm $@

$(XDG_DIR):
	mkdir -p -m 700 $@

# a folder holding only a symlink lagesbild -> the repository, whatever its folder's name
plugin-path:
	@mkdir -p $(PLUGIN_PATH)
	@ln -sfn $(CURDIR) $(PLUGIN_PATH)/$(PLUGIN)

ifeq ($(QGIS),3.22)
test: venv package | $(XDG_DIR)
	$(HEADLESS_ENV) $(PYTHON) -m pytest $(TESTS) $(PYTEST_ARGS)

smoke: venv package | $(XDG_DIR)
	$(HEADLESS_ENV) $(PYTHON) -m pytest $(TESTS) -m smoke $(PYTEST_ARGS)

chroot:
	@echo "QGIS 3.22 is the machine's own: no chroot needed."
else
test: package chroot
	scripts/qgis-chroot run $(CHROOT) . "$(call CHROOT_PYTEST,)"

smoke: package chroot
	scripts/qgis-chroot run $(CHROOT) . "$(call CHROOT_PYTEST,-m smoke)"

chroot:
	scripts/qgis-chroot build $(SUITE) $(CHROOT)
endif

demo: venv i18n plugin-path | $(XDG_DIR)
	mkdir -p demo-output $(PROFILE_DIR)
	rm -f $(DEMO_STORE)
	@# enabling twice exits 1 ("already enabled"): then check that it is loaded
	$(QGIS_PROCESS_ENV) qgis_process.bin plugins enable $(PLUGIN) >/dev/null 2>&1 || \
		$(QGIS_PROCESS_ENV) qgis_process.bin plugins 2>/dev/null | grep -qx '\* $(PLUGIN)'
	$(QGIS_PROCESS_ENV) qgis_process.bin --json run $(PLUGIN):demodata -- \
		STORE=$(DEMO_STORE) SIZE=$(DEMO_SIZE) SEED=1 >$(BUILD)/demo-result.json
	@test -s $(DEMO_STORE) || { echo "lagesbild:demodata wrote no $(DEMO_STORE)" >&2; exit 1; }
	@echo "Demo store: $(DEMO_STORE)"
	$(HEADLESS_ENV) PYTHONPATH=$(abspath $(PLUGIN_PATH)) $(PYTHON) -m $(PLUGIN).core.presentation.summary $(DEMO_STORE)
	$(QGIS_PROCESS_ENV) qgis_process.bin --json run $(PLUGIN):situationreport -- \
		STORE=$(DEMO_STORE) OUTPUT_PDF=$(DEMO_REPORT) >$(BUILD)/report-result.json
	@test -s $(DEMO_REPORT) || { echo "lagesbild:situationreport wrote no $(DEMO_REPORT)" >&2; exit 1; }
	@echo "Situation report: $(abspath $(DEMO_REPORT))"

# the plugin as QGIS sees it, in $(BUILD)/package/lagesbild (for package and install)
package-tree: i18n
	rm -rf $(BUILD)/package
	mkdir -p $(BUILD)/package/$(PLUGIN)
	cp $(wildcard $(PACKAGE_FILES)) $(BUILD)/package/$(PLUGIN)/
	cp -r $(wildcard $(PACKAGE_DIRS)) $(BUILD)/package/$(PLUGIN)/
	find $(BUILD)/package -name __pycache__ -prune -exec rm -rf {} +
	find $(BUILD)/package -name '*.py[co]' -delete

package: package-tree
	mkdir -p dist
	rm -f $(ZIP)
	cd $(BUILD)/package && $(SYS_PYTHON) -m zipfile -c $(abspath $(ZIP)) $(PLUGIN)
	@echo "Built $(ZIP)"

install: package-tree
	mkdir -p $(QGIS_PROFILE_DIR)/python/plugins
	rm -rf $(QGIS_PROFILE_DIR)/python/plugins/$(PLUGIN)
	cp -r $(BUILD)/package/$(PLUGIN) $(QGIS_PROFILE_DIR)/python/plugins/
	@echo "Installed into $(QGIS_PROFILE_DIR)/python/plugins/$(PLUGIN); enable it in QGIS's Plugin Manager."

lint: venv
	$(VENV)/bin/ruff check .
	$(VENV)/bin/flake8 .

format: venv
	$(VENV)/bin/ruff check --select I --fix .
	$(VENV)/bin/ruff format .

bench: venv i18n plugin-path | $(XDG_DIR)
	@shopt -s nullglob; scripts=(bench/*.py); \
	if [ $${#scripts[@]} = 0 ]; then echo "No bench/*.py yet."; exit 0; fi; \
	{ echo "# Benchmarks"; echo; echo "Lägesbild $(VERSION), $$(date -u +%Y-%m-%dT%H:%MZ), QGIS $$($(SYS_PYTHON) -c "from qgis.core import Qgis; print(Qgis.QGIS_VERSION)" 2>/dev/null), Python $$($(SYS_PYTHON) -c "import platform; print(platform.python_version())"), NumPy $$($(SYS_PYTHON) -c "import numpy; print(numpy.__version__)"); machine: $$(nproc) cores, $$(free -g | awk "/Mem:/{print \$$2}") GiB, $$(uname -m)"; echo; } >bench/results.md; \
	for script in "$${scripts[@]}"; do \
		echo "== $$script"; \
		$(HEADLESS_ENV) PYTHONPATH=$(abspath $(PLUGIN_PATH)) $(PYTHON) $$script | tee -a bench/results.md || exit 1; \
	done

clean:
	rm -rf $(BUILD) dist demo-output .pytest_cache .ruff_cache .qgis-settings
	rm -f $(QM_FILES)
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +
	@echo "(.venv kept: rm -rf $(VENV) to rebuild it)"
