#!/usr/bin/env bash
# build-revision.sh REV SCRATCH: builds `specmodels` of git revision REV in release mode, the
# way `make bench` builds the working tree's (through that revision's Benchmarks/ package,
# or its root package when it has none), and prints the executable's path.
#
# The revision's files are extracted with `git archive` into SCRATCH/revisions/SHA/src (inside
# the ignored Benchmarks/.build by default), so the working tree and its git state are not
# touched; a revision already built there is reused.
set -euo pipefail

rev=${1:?usage: build-revision.sh REV SCRATCH}
scratch=${2:?usage: build-revision.sh REV SCRATCH}
SWIFT=${SWIFT:-swift}

sha=$(git rev-parse --verify --quiet "$rev^{commit}") || { echo "error: \`$rev\` is not a git revision here" >&2; exit 2; }
dir="$scratch/revisions/$sha"
if [ ! -f "$dir/src/.complete" ]; then
    rm -rf "$dir/src"
    mkdir -p "$dir/src"
    git archive "$sha" | tar -x -C "$dir/src"
    touch "$dir/src/.complete"
fi
if [ -f "$dir/src/Benchmarks/Package.swift" ]; then
    package="$dir/src/Benchmarks"
else
    package="$dir/src"
fi
echo "Building specmodels at $rev ($sha) in $dir" >&2
"$SWIFT" build -c release --package-path "$package" --scratch-path "$dir/.build" --product specmodels >&2
echo "$dir/.build/release/specmodels"
