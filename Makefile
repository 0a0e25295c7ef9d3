# Cohort: `make site` builds the tool and the example site; `make test` runs every test.
SWIFT ?= swift
CONFIG ?= release

.PHONY: all site build test check clean deps lint-workflow bench

all: site

# Installs libcmark-dev and pkg-config with apt-get when pkg-config cannot find libcmark.
deps:
	@if pkg-config --exists libcmark 2>/dev/null; then :; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "libcmark not found: installing libcmark-dev and pkg-config with apt-get"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libcmark-dev pkg-config; \
	else \
		echo "libcmark not found. Install it, with pkg-config, then run make again:"; \
		echo "  macOS (Homebrew): brew install cmark pkg-config"; \
		echo "  Fedora: sudo dnf install cmark-devel pkgconf-pkg-config"; \
		echo "  Arch: sudo pacman -S cmark pkgconf"; \
		exit 1; \
	fi

build: deps
	$(SWIFT) build -c $(CONFIG) --product cohort

# Builds the tool in release mode, then the example content into output/site.
site: build
	$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/cohort build

check: build
	$$($(SWIFT) build -c $(CONFIG) --show-bin-path)/cohort check

# Unit tests and end-to-end tests (they run the debug `cohort` binary), then the workflow's lint.
test: deps
	$(SWIFT) build --product cohort
	$(SWIFT) test
	$(MAKE) lint-workflow

# Validates the shipped GitHub Actions workflow against the GitHub workflow schema that
# check-jsonschema vendors (installed from PyPI when missing).
lint-workflow:
	@command -v check-jsonschema >/dev/null 2>&1 || python3 -m pip install --quiet check-jsonschema
	check-jsonschema --builtin-schema vendor.github-workflows docs/github-workflow.yml

# Benchmarks: corpora of 1,000 and 10,000 companies, Cohort against the libcmark floor and Hugo.
# Installs GNU time and Debian's hugo with apt-get when they are missing. See docs/performance.md.
bench: deps
	@command -v /usr/bin/time >/dev/null 2>&1 && command -v hugo >/dev/null 2>&1 || { \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq time hugo || true; }
	bash Benchmarks/bench.sh

clean:
	rm -rf .build output/site bench
