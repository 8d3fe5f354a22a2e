#!/usr/bin/env bash
# The long fuzzing run: every libFuzzer target for SECONDS each (default 600), with a corpus kept
# in build-fuzz/corpus/ from one run to the next so that each run starts where the last stopped.
# Crashes land in build-fuzz/crashes/; add a crashing input to fuzz/corpus/TARGET/ once fixed.
# Usage: bench/fuzz-long.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
mkdir -p build-fuzz/corpus
INNET_FUZZ_CORPUS=$PWD/build-fuzz/corpus exec scripts/fuzz.sh "$seconds" "$@"
