#!/usr/bin/env bash
# Usage: bench/inspections_list.sh [sqlite|postgresql|both] [DB_URL]
# The inspections list (GET /api/v1/inspections) on national data: 3,000 centres with ten years
# of inspections (`innet seed --scale national`, about 122,000), timed over HTTP as an inspector,
# 20 sequential requests after 3 to warm up, for the first page in the default order, a page deep
# in the list, each sort key, a search by centre name and a status filter; the same-run baseline
# is GET /api/v1/checklists. With DB_URL, uses that database instead of seeding a new one.
set -euo pipefail
INNET=${INNET:-build/innet}
cd "$(dirname "$0")/.."
engines=${1:-both}
work=$(mktemp -d /tmp/innet-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export INNET_SECRETS_FILE=${INNET_SECRETS_FILE:-$work/secrets.key}

timed() {  # timed BASE COOKIE PATH: median and slowest of 20 after 3
  for _ in 1 2 3; do curl -sf -o /dev/null -H "Cookie: $2" "$1$3"; done
  for _ in $(seq 20); do curl -sf -o /dev/null -w '%{time_total}\n' -H "Cookie: $2" "$1$3"; done |
    sort -n | awk -v what="$3" '{ t[NR] = $1 * 1000 } END { printf "%s: median %.1f ms, slowest %.1f ms\n", what, (t[10] + t[11]) / 2, t[NR] }'
}

run() {  # run DB_URL [seeded]
  if [ -z "${2:-}" ]; then
    /usr/bin/time -f "seed: %e s, %M KiB peak" "$INNET" seed --scale national --db "$1" | tail -1
  fi
  /usr/bin/time -f "migrate: %e s, %M KiB peak" "$INNET" migrate --db "$1" | tail -1
  local email=bench-inspector@innet.example port log=$work/serve.log
  printf 'bench-password-1\n' | "$INNET" --db "$1" user add --email $email --name "Bench inspector" \
    --role inspector --org 1 --password-stdin >/dev/null 2>&1 || true
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$INNET" serve --db "$1" --port "$port" >"$log" 2>&1 &
  local pid=$!
  sleep 1
  local base=http://127.0.0.1:$port/api/v1 cookie
  cookie=$(curl -s -i -X POST "$base/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$email\",\"password\":\"bench-password-1\"}" |
    grep -i '^set-cookie:' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/')
  timed "$base" "$cookie" /checklists
  timed "$base" "$cookie" /inspections
  timed "$base" "$cookie" '/inspections?page=2000'
  timed "$base" "$cookie" '/inspections?sort=centre'
  timed "$base" "$cookie" '/inspections?sort=-score'
  timed "$base" "$cookie" '/inspections?sort=status'
  timed "$base" "$cookie" '/inspections?q=cefal%C3%B9%2014'
  timed "$base" "$cookie" '/inspections?status=planned'
  timed "$base" "$cookie" '/inspections?centre_id=1500'
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

if [ -n "${2:-}" ]; then run "$2" seeded; exit; fi
if [ "$engines" = sqlite ] || [ "$engines" = both ]; then
  run "sqlite://$work/national.db"
fi
if [ "$engines" = postgresql ] || [ "$engines" = both ]; then
  scripts/with-postgres.sh bash -c "work=$work; $(declare -f run timed); run \"\$INNET_TEST_PG_URL\""
fi
