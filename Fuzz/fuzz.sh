#!/usr/bin/env bash
# Builds the libFuzzer target over SpecModelsKit and runs it for a number of seconds.
#
#   Fuzz/fuzz.sh [seconds]          (default 60; `make fuzz FUZZ_SECONDS=600`)
#
# Environment:
#   FUZZ_DIR            work folder (default .build-fuzz, gitignored): binary, seeds,
#                       the growing corpus, crash artifacts and logs
#   SPECMODELS_CORPUS   the shared specs (default ../shared/specs); the docs of its
#                       ampersand/v*/models, apideck/models, dwolla/models and plex/models
#                       become seeds (copied into FUZZ_DIR, never into the repository)
#   FUZZ_FLAGS          extra libFuzzer flags, e.g. "-seed=1"
#
# Exit status: 0 when the run found nothing, 1 when libFuzzer reported a crash, a hang, a
# sanitizer error or a broken invariant (the input is in FUZZ_DIR/artifacts).
set -euo pipefail

cd "$(dirname "$0")/.."
seconds="${1:-60}"
work="${FUZZ_DIR:-.build-fuzz}"
corpus_root="${SPECMODELS_CORPUS:-../shared/specs}"
mkdir -p "$work/seeds" "$work/corpus" "$work/artifacts"

# 1. Build, unless the binary is newer than every source. The sources are copied first, so
#    that editing them during the minute or two the build takes cannot break it.
binary="$work/fuzz-spec"
if [[ ! -x "$binary" ]] || [[ -n "$(find Sources/SpecModelsKit Sources/CCMark Fuzz -newer "$binary" | head -1)" ]]; then
    echo "fuzz: building $binary"
    rm -rf "$work/src"
    mkdir -p "$work/src"
    cp -R Sources/SpecModelsKit Sources/CCMark Fuzz/FuzzSpec.swift "$work/src/"
    mapfile -t sources < <(find "$work/src/SpecModelsKit" -name '*.swift' | LC_ALL=C sort)
    linker=()
    command -v ld.lld > /dev/null && linker=(-use-ld=lld)  # gold warns about every ASan symbol
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g "${linker[@]}" \
        -module-name SpecModelsFuzz -I "$work/src/CCMark" -lcmark \
        "${sources[@]}" "$work/src/FuzzSpec.swift" -o "$binary.new" > "$work/build.log" 2>&1 \
        || { grep -v 'Cannot export local symbol' "$work/build.log"; exit 1; }
    mv "$binary.new" "$binary"
fi

# 2. Seeds: every bad-input case as one input, and the real corpus's docs, each alone and
#    together with the docs it links to. A doc starts with a line `@@@ relative/path.md`.
emit() {  # emit ROOT FILE...: the files under ROOT as one fuzz input on stdout
    local root="$1"; shift
    for file in "$@"; do
        printf '@@@ %s\n' "${file#"$root"/}"
        cat "$file"
        # A doc without a final newline would swallow the next `@@@` line.
        [[ -z "$(tail -c 1 "$file")" ]] || printf '\n'
    done
}
rm -rf "$work/seeds"
mkdir -p "$work/seeds"
for case in Tests/SpecModelsKitTests/Fixtures/BadInput/*/; do
    case="${case%/}"
    [[ -d "$case/spec" ]] || continue
    mapfile -t docs < <(find "$case/spec" -type f -name '*.md' | LC_ALL=C sort)
    (( ${#docs[@]} )) || continue
    emit "$case/spec" "${docs[@]}" > "$work/seeds/case-$(basename "$case")"
done
shopt -s nullglob
# Ampersand's four revisions and the published sets of the other companies (namespaced,
# flat and the newer enum format): each doc named after its corpus and file.
for models in "$corpus_root"/ampersand/v*/models "$corpus_root"/{apideck,dwolla,plex}/models; do
    root=$(dirname "$models")
    source=$(basename "$root")
    while IFS= read -r doc; do
        relative="${doc#"$models"/}"
        name="$source-${relative//\//-}"
        name="${name%.md}"
        emit "$root" "$doc" > "$work/seeds/$name"
        # The doc and the docs it links to, so that links resolve.
        linked=("$doc")
        while IFS= read -r target; do
            resolved=$(realpath -m "$(dirname "$doc")/$target")
            [[ -f "$resolved" ]] && linked+=("$resolved")
        done < <(grep -o '](\.\./[^)]*\.md)' "$doc" | sed 's/^](//; s/)$//' | sort -u)
        (( ${#linked[@]} > 1 )) && emit "$root" "${linked[@]}" > "$work/seeds/$name-linked"
    done < <(find "$models" -name '*.md' | LC_ALL=C sort)
done
echo "fuzz: $(ls "$work/seeds" | wc -l) seeds, $(ls "$work/corpus" | wc -l) inputs in the corpus so far"

# 3. Run.
log="$work/fuzz-$(date +%Y%m%d-%H%M%S).log"
status=0
# shellcheck disable=SC2086
# No Swift backtracer: its crash handler trips AddressSanitizer and hides the real report.
SWIFT_BACKTRACE=enable=no ASAN_OPTIONS="detect_leaks=0:${ASAN_OPTIONS:-}" "$binary" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict=Fuzz/spec.dict -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
    ${FUZZ_FLAGS:-} "$work/corpus" "$work/seeds" > "$log" 2>&1 || status=$?
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" || true
if (( status != 0 )); then
    echo "fuzz: FAILED (status $status); see $log and $work/artifacts/"
    grep -E 'ERROR|Fatal error|invariant broken|deadly signal|timeout' "$log" | head -5 || true
    exit 1
fi
echo "fuzz: ran ${seconds}s with no crash, hang or sanitizer report; log in $log"
