#!/usr/bin/env bash
# Compile cost of the generated models: what SpecModels' users pay in every build, today's
# emitted code (the generator at BASELINE, built from git) against the working tree's.
#
#   compile-cost.sh SPECMODELS [NAME=SPEC_DIR ...]
#
# SPECMODELS is the working tree's generator. Default specs: ampersand v4 and apideck from
# $SPECMODELS_CORPUS. For each spec, both generators write the models into a throwaway SwiftPM
# package (one target), and then, alternating baseline and new so that the machine's load
# hits both alike:
#   1. `swift build` (debug) after touching every file, RUNS times each (after one warm-up
#      build that pays for the manifest and the module cache);
#   2. `swift build -c release` after touching every file, RUNS times each;
#   3. one debug build with the compiler's statistics (-stats-output-dir: constraint scopes,
#      SILGen functions, summed over the frontend jobs; counts that do not move with load) and
#      -debug-time-function-bodies (the slowest bodies to type-check).
# A rebuild of unchanged sources skips LLVM: the frontend hashes the LLVM module and keeps an
# object file whose hash matches, so these builds measure parsing, type checking, SILGen and
# IRGen (and IR functions read 0); a user's first build pays LLVM's code generation as well.
# CPU is user+sys of the whole build; the ratio is new/baseline on the median CPU.
set -euo pipefail

BASELINE=${BASELINE:-d004106}
RUNS=${RUNS:-2}
SWIFT=${SWIFT:-swift}
[ $# -ge 1 ] || { echo "usage: $0 SPECMODELS [NAME=SPEC_DIR ...]" >&2; exit 2; }
new_generator=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
corpus=${SPECMODELS_CORPUS:-$(cd "$(dirname "$0")/.." && pwd)/../shared/specs}
specs=("$@")
[ ${#specs[@]} -gt 0 ] || specs=("ampersand-v4=$corpus/ampersand/v4/models" "apideck=$corpus/apideck/models")

repo=$(cd "$(dirname "$0")/.." && git rev-parse --show-toplevel)
scratch=${COMPILE_COST_SCRATCH:-$repo/Benchmarks/.build/compile-cost}
mkdir -p "$scratch"

# The baseline generator, built once from `git archive BASELINE` and kept in the scratch folder.
baseline_dir="$scratch/generator-$BASELINE"
baseline_generator="$baseline_dir/.build/release/specmodels"
if [ ! -x "$baseline_generator" ]; then
    echo "building the generator at $BASELINE (once; kept in $baseline_dir)"
    rm -rf "$baseline_dir" && mkdir -p "$baseline_dir"
    git -C "$repo" archive "$BASELINE" | tar -x -C "$baseline_dir"
    (cd "$baseline_dir" && "$SWIFT" build -c release --product specmodels >"$scratch/baseline-build.log" 2>&1) \
        || { cat "$scratch/baseline-build.log"; exit 1; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/specmodels-compile.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "compile cost: baseline $BASELINE against $(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- Sources || echo '+changes'), $RUNS runs each"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $($SWIFT --version 2>/dev/null | head -1)"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

# Runs a command under /usr/bin/time; leaves "wall cpu" (seconds, cpu = user + sys) in $timing.
timed() {
    /usr/bin/time -o "$work/time.txt" -f "%e %U %S" "$@"
    timing=$(awk '{ printf "%.1f %.1f", $1, $2 + $3 }' "$work/time.txt")
}
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

# package VARIANT SPEC_NAME: the consumer package's folder.
make_package() {
    local dir=$1 generator=$2 spec=$3
    mkdir -p "$dir/Sources/Models"
    cat > "$dir/Package.swift" <<'MANIFEST'
// swift-tools-version: 6.0
import PackageDescription
let package = Package(name: "Models", targets: [.target(name: "Models")])
MANIFEST
    "$generator" generate --quiet --spec "$spec" --output "$dir/Sources/Models"
}

# build DIR CONFIG [ARGS...]: touches every model and builds; leaves $timing.
build() {
    local dir=$1 config=$2; shift 2
    touch "$dir"/Sources/Models/*.swift
    timed "$SWIFT" build --package-path "$dir" -c "$config" "$@" >"$work/build.log" 2>&1 \
        || { cat "$work/build.log"; exit 1; }
}

table="$work/table.md"
echo "| spec | build | baseline CPU s | new CPU s | CPU ratio | baseline wall s | new wall s |" > "$table"
echo "|---|---|---:|---:|---:|---:|---:|" >> "$table"

for entry in "${specs[@]}"; do
    name=${entry%%=*}; spec=${entry#*=}
    make_package "$work/$name-baseline" "$baseline_generator" "$spec"
    make_package "$work/$name-new" "$new_generator" "$spec"
    files=$(ls "$work/$name-new/Sources/Models" | wc -l)
    echo
    echo "== $name: $files files (baseline $(cat "$work/$name-baseline"/Sources/Models/*.swift | wc -l) lines, new $(cat "$work/$name-new"/Sources/Models/*.swift | wc -l) lines)"
    for config in debug release; do
        # A warm-up debug build pays for the manifest and the module cache; every build after
        # it (touching every file of the one module) compiles the whole module again.
        [ "$config" = release ] || for variant in baseline new; do build "$work/$name-$variant" "$config"; done
        declare -A cpus=() walls=()
        for run in $(seq "$RUNS"); do
            for variant in baseline new; do
                build "$work/$name-$variant" "$config"
                cpus[$variant]+="${timing#* } "; walls[$variant]+="${timing% *} "
                echo "  $config run $run $variant: ${timing% *} s wall, ${timing#* } s CPU"
            done
        done
        base_cpu=$(printf '%s\n' ${cpus[baseline]} | median); new_cpu=$(printf '%s\n' ${cpus[new]} | median)
        base_wall=$(printf '%s\n' ${walls[baseline]} | median); new_wall=$(printf '%s\n' ${walls[new]} | median)
        ratio=$(awk -v a="$new_cpu" -v b="$base_cpu" 'BEGIN { printf "%.2f", a / b }')
        echo "  $config: baseline $base_cpu s CPU, new $new_cpu s CPU, ratio $ratio"
        echo "| $name | $config (touch all) | $base_cpu | $new_cpu | **$ratio** | $base_wall | $new_wall |" >> "$table"
        unset cpus walls
    done
    # Statistics and the slowest bodies, from one instrumented debug build of each.
    for variant in baseline new; do
        stats="$work/$name-$variant-stats"; rm -rf "$stats"; mkdir -p "$stats"
        build "$work/$name-$variant" debug -Xswiftc -stats-output-dir -Xswiftc "$stats" \
            -Xswiftc -Xfrontend -Xswiftc -debug-time-function-bodies
        summary=$(python3 - "$stats" <<'PY'
import glob, json, sys
totals = {}
for path in glob.glob(sys.argv[1] + "/*.json"):
    data = json.load(open(path))
    for key in ("Sema.NumConstraintScopes", "SILModule.NumSILGenFunctions", "IRModule.NumIRFunctions"):
        totals[key] = totals.get(key, 0) + data.get(key, 0)
print("constraint scopes %d, SILGen functions %d, IR functions %d" % (
    totals.get("Sema.NumConstraintScopes", 0), totals.get("SILModule.NumSILGenFunctions", 0), totals.get("IRModule.NumIRFunctions", 0)))
PY
)
        echo "  $variant statistics: $summary"
        echo "  $variant slowest function bodies (type-check):"
        # Every batch job that sees a body reports it: one line each. awk reads to the end, so
        # sort never dies of SIGPIPE (which, under pipefail, ended the script here).
        grep -hE '^[0-9.]+ms'$'\t' "$work/build.log" | sort -rn | uniq | awk 'NR <= 5' \
            | sed "s|$work/$name-$variant/Sources/Models/||; s/^/      /"
        echo "| $name | statistics, $variant | $summary |" >> "$work/stats.md"
    done
done

echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
cat "$table"
echo
cat "$work/stats.md"
