# SpecModels: `make generate` regenerates Generated/ from spec/, `make test` runs the whole suite.
# Both install libcmark-dev first when pkg-config cannot find it (Debian/Ubuntu).

SWIFT ?= swift
# The real-world corpus the tests read, when it sits beside the checkout (CI sets it too).
# Without it, the corpus tests are skipped; set but missing, they fail.
ifneq ($(wildcard ../shared/specs),)
SPECMODELS_CORPUS ?= $(abspath ../shared/specs)
endif
ifdef SPECMODELS_CORPUS
export SPECMODELS_CORPUS
endif

.PHONY: all build generate check test test-pool fuzz deps clean bench bench-compare bench-generate bench-compile

FUZZ_SECONDS ?= 60

all: build

# libcmark is the one system dependency (a SwiftPM system-library target found through pkg-config).
deps:
	@if pkg-config --exists libcmark 2>/dev/null; then \
		:; \
	elif command -v apt-get >/dev/null 2>&1; then \
		echo "Installing libcmark-dev (and pkg-config) with apt-get"; \
		SUDO=""; [ "$$(id -u)" -eq 0 ] || SUDO="sudo"; \
		$$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libcmark-dev pkg-config >/dev/null; \
	else \
		echo "error: libcmark was not found by pkg-config. Install it (Debian/Ubuntu: libcmark-dev, Homebrew: cmark) and try again." >&2; \
		exit 1; \
	fi

build: deps
	$(SWIFT) build --product specmodels

generate: build
	$(SWIFT) run --skip-build specmodels generate --spec spec --output Generated

check: build
	$(SWIFT) run --skip-build specmodels check --spec spec --output Generated

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The population of published doc sets (SPECMODELS_CORPUS/pool): generates every models folder
# and type-checks every output, whatever its size; one line per spec in .build/pool-report.tsv.
# Round-trips the examples of every TypeScript set; one line per set in .build/pool-report-examples.tsv.
test-pool: deps
	$(SWIFT) build --build-tests
	SPECMODELS_POOL_REPORT=$(abspath .build/pool-report.tsv) $(SWIFT) test --skip-build --filter 'PoolCorpusTests|PoolExampleTests'

# Builds the libFuzzer target (Fuzz/FuzzSpec.swift over SpecModelsKit) and runs it for
# FUZZ_SECONDS seconds; see Fuzz/README.md.
fuzz: deps
	Fuzz/fuzz.sh $(FUZZ_SECONDS)

# Benchmarks (Benchmarks/, a separate package, so neither users nor `make test` build it).
# `make bench` = the comparison below + generator speed (floor ratio, scale, --help) + compile
# cost of the output. Numbers go in Benchmarks/RESULTS.md. BENCH_ARGS passes options to the
# in-process benchmark (`--runs 11 --sizes 1000`).
#
# `make bench-compare BENCH_BASE=REV` (also part of `make bench`): the working tree's
# `specmodels generate` against git revision REV's and against the C cmark floor, whole
# processes alternated round by round, per spec: medians and ratios. BENCH_BASE may name
# several revisions (`BENCH_BASE="d004106 29ff5e8"`): one column each, and whether each one's
# output is byte-identical to the working tree's is reported per spec (a difference is printed,
# not hidden, and that revision is timed all the same). Without BENCH_BASE, the working tree
# against the floor alone. BENCH_COMPARE_ARGS passes options (`--runs 21`,
# `--spec DIR`, `--generate-args "--missing-types json-value"`; see `specmodels-bench --help`).
BENCH_SCRATCH ?= Benchmarks/.build
BENCH_BIN = $(BENCH_SCRATCH)/release
BENCH_BASE ?=
BENCH_COMPARE_ARGS ?=

bench: bench-compare bench-generate bench-compile

bench-compare: deps
	$(SWIFT) build -c release --package-path Benchmarks --scratch-path $(BENCH_SCRATCH) --product specmodels-bench
	$(SWIFT) build -c release --package-path Benchmarks --scratch-path $(BENCH_SCRATCH) --product specmodels
	$(SWIFT) build -c release --package-path Benchmarks --scratch-path $(BENCH_SCRATCH) --product cmark-floor
	@bases=""; for rev in $(BENCH_BASE); do \
		path=$$(SWIFT="$(SWIFT)" Benchmarks/build-revision.sh "$$rev" "$(BENCH_SCRATCH)") || exit 1; \
		bases="$$bases --base $$path --base-label $$rev"; done; \
	$(BENCH_BIN)/specmodels-bench compare --specmodels $(BENCH_BIN)/specmodels --floor $(BENCH_BIN)/cmark-floor \
		$$bases $(BENCH_COMPARE_ARGS)

bench-generate: deps
	$(SWIFT) build -c release --package-path Benchmarks --scratch-path $(BENCH_SCRATCH) --product specmodels-bench
	$(SWIFT) build -c release --package-path Benchmarks --scratch-path $(BENCH_SCRATCH) --product specmodels
	$(BENCH_BIN)/specmodels-bench --specmodels $(BENCH_BIN)/specmodels $(BENCH_ARGS)

bench-compile: deps
	$(SWIFT) build -c release --package-path Benchmarks --scratch-path $(BENCH_SCRATCH) --product specmodels
	Benchmarks/compile-cost.sh $(BENCH_BIN)/specmodels

clean:
	rm -rf .build
