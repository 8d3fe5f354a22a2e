#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/, clang++ with ASan and UBSan) into build-fuzz/ and runs each
# for SECONDS (default 8) from its committed seed corpus. New inputs go to a scratch folder, so
# the committed corpus only changes by hand; a crash leaves its input in build-fuzz/crashes/ and
# fails the run. `make test` runs it briefly; bench/fuzz-long.sh runs it for long.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-8}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(http_request url json_input)

cmake -S fuzz -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build build-fuzz -j 2 >/dev/null

mkdir -p build-fuzz/crashes
scratch=${INNET_FUZZ_CORPUS:-$(mktemp -d /tmp/innet-fuzz.XXXXXX)}
failed=0
for target in "${targets[@]}"; do
  mkdir -p "$scratch/$target"
  log=build-fuzz/$target.log
  # -max_len covers a request at the server's header limit with some body; -timeout flags an
  # input that takes a second (a request must never be that slow to parse).
  if build-fuzz/fuzz_$target "$scratch/$target" "fuzz/corpus/$target" \
      -max_total_time="$seconds" -max_len=16384 -timeout=1 -rss_limit_mb=1024 \
      -artifact_prefix=build-fuzz/crashes/"$target"- -print_final_stats=1 >"$log" 2>&1; then
    echo "fuzz $target: $(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$') runs in ${seconds}s, no crash"
  else
    echo "fuzz $target: FAILED (see $log and build-fuzz/crashes/)"
    tail -40 "$log"
    failed=1
  fi
done
[ -n "${INNET_FUZZ_CORPUS:-}" ] || rm -rf "$scratch"
exit $failed
