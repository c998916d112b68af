# Convenience targets; everything also works with plain `swift build` / `swift test`.
FUZZ_SECONDS ?= 60

.PHONY: build test fuzz

build:
	swift build

# Builds every product first: the bad-input corpus test runs the `specmodels` binary.
test:
	swift build --build-tests
	swift test --skip-build

# Builds the libFuzzer target (Fuzz/FuzzSpec.swift over SpecModelsKit) and runs it for
# FUZZ_SECONDS seconds; see Fuzz/README.md.
fuzz:
	Fuzz/fuzz.sh $(FUZZ_SECONDS)
