#!/usr/bin/env bash
# Compile cost of the generated models: what SpecModels' users pay in every build.
#
#   compile-cost.sh SPECMODELS [SPEC]     generate SPEC (default $SPECMODELS_CORPUS/ampersand/v4), then measure
#   compile-cost.sh --models DIR          measure the .swift files of DIR as they are (for variants)
#
# Measures, in a throwaway SwiftPM package whose one target holds the generated files:
#   1. `swiftc -typecheck -wmo` of the module (median of TYPECHECK_RUNS, default 3);
#   2. the slowest function bodies to type-check (-debug-time-function-bodies), and the
#      slowest files (those bodies summed per file);
#   3. a cold `swift build` (debug; includes manifest and module-cache set-up), then the
#      rebuild after touching every generated file (median of REBUILD_RUNS, default 3): the
#      cost of the module itself.
set -euo pipefail

TYPECHECK_RUNS=${TYPECHECK_RUNS:-3}
REBUILD_RUNS=${REBUILD_RUNS:-3}
SWIFT=${SWIFT:-swift}
SWIFTC=${SWIFTC:-swiftc}

work=$(mktemp -d "${TMPDIR:-/tmp}/specmodels-compile.XXXXXX")
trap 'rm -rf "$work"' EXIT
models="$work/pkg/Sources/Models"
mkdir -p "$models"

if [ "${1:-}" = "--models" ]; then
    cp "$2"/*.swift "$models"/
    source_note="files of $2"
else
    specmodels=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
    spec=${2:-${SPECMODELS_CORPUS:-../shared/specs}/ampersand/v4}
    "$specmodels" generate --quiet --spec "$spec" --output "$models"
    source_note="generated from $spec"
fi
cat > "$work/pkg/Package.swift" <<'MANIFEST'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "Models", targets: [.target(name: "Models")])
MANIFEST

count=$(ls "$models"/*.swift | wc -l)
lines=$(cat "$models"/*.swift | wc -l)
echo "compile cost: $count files, $lines lines ($source_note)"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg)"

now() { date +%s.%N; }
# Runs a command under /usr/bin/time; leaves "wall user+sys" (seconds) in $timing. CPU time
# is reported beside wall time because wall time swings with other builds on the machine.
timed() {
    /usr/bin/time -o "$work/time.txt" -f "%e %U %S" "$@"
    timing=$(awk '{ printf "%.2f %.2f", $1, $2 + $3 }' "$work/time.txt")
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

cd "$work/pkg"

# 1. Whole-module type-check.
times=(); cpus=()
for _ in $(seq "$TYPECHECK_RUNS"); do
    timed "$SWIFTC" -typecheck -wmo -module-name Models Sources/Models/*.swift
    times+=("${timing% *}"); cpus+=("${timing#* }")
done
echo "swiftc -typecheck -wmo:            $(printf '%s\n' "${times[@]}" | median) s wall, $(printf '%s\n' "${cpus[@]}" | median) s CPU  (runs: ${times[*]})"

# 2. Slowest function bodies and files.
"$SWIFTC" -typecheck -wmo -module-name Models Sources/Models/*.swift \
    -Xfrontend -debug-time-function-bodies >"$work/bodies-raw.txt" 2>&1 || true
grep -E '^[0-9.]+ms'$'\t' "$work/bodies-raw.txt" > "$work/bodies.txt" || true
# Lines look like `12.34ms	/path/File.swift:10:5	instance method foo()`.
sort -rn "$work/bodies.txt" > "$work/bodies-sorted.txt"
over=$(awk -F'ms' '$1 + 0 > 100' "$work/bodies-sorted.txt" | wc -l)
total=$(awk -F'ms' '{ s += $1 } END { printf "%.0f", s }' "$work/bodies-sorted.txt")
echo "function bodies: $(wc -l < "$work/bodies.txt") timed, ${total} ms in all, ${over} over 100 ms; slowest:"
head -5 "$work/bodies-sorted.txt" | sed "s|$models/||; s/^/    /"
echo "slowest files (function bodies summed):"
awk -F'\t' '{ split($2, p, ":"); t[p[1]] += $1 } END { for (f in t) printf "%.1f ms\t%s\n", t[f], f }' "$work/bodies.txt" \
    | sort -rn | head -5 | sed "s|$models/||; s/^/    /"

# 3. Debug build: cold, then rebuilds of the module alone.
timed "$SWIFT" build >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
cold=$timing
times=(); cpus=()
for _ in $(seq "$REBUILD_RUNS"); do
    touch Sources/Models/*.swift
    timed "$SWIFT" build >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
    times+=("${timing% *}"); cpus+=("${timing#* }")
done
echo "swift build (debug), cold:         ${cold% *} s wall, ${cold#* } s CPU"
echo "swift build (debug), touch all:    $(printf '%s\n' "${times[@]}" | median) s wall, $(printf '%s\n' "${cpus[@]}" | median) s CPU  (runs: ${times[*]})"
