#!/usr/bin/env bash
# Usage: bench/cases_list.sh [sqlite|postgresql|both] [DB_URL]
# The case list (GET /api/v1/cases, decision 0025) on national data: a case for every person
# reception hosted (`innet seed --scale national`, about 800,000), timed over HTTP as a prefecture
# officer, who sees every case, 20 sequential requests after 3 to warm up: the same-run baseline
# (GET /auth/me), the first page (by name), a page deep in the list, filters by status,
# nationality, centre and words of a name, the other orders, and the filter by vulnerability
# category (common, rare and absent ones) and by screening term, which need a module that answers
# them (screening): skipped with a message while none does; the queue of duplicate pairs. Then,
# as a case worker of the operator of the first centre listed, the first page, a search, the
# filters, the tasks count of the header, the inbox and the operator's pairs. With
# DB_URL, uses that database instead of seeding a new one. The seed is only the modules the
# list reads (`innet seed --scale national --only $SEED_ONLY`, by default
# accounts,reception,cases,screening: the whole national seed takes 20 minutes and more per engine
# on a shared machine); SEED_ONLY= (empty) seeds every module. The same persons, centres and
# placements as the whole seed; the cases and screenings are drawn in the same proportions, but
# not the same draws (monitoring's step, left out, draws before them). BASELINE=<innet binary>
# also times that binary's first page on the same database (main's in-memory list), BASELINE_RUNS
# times (default 5).
set -euo pipefail
INNET=${INNET:-build/innet}
cd "$(dirname "$0")/.."
engines=${1:-both}
SEED_ONLY=${SEED_ONLY-accounts,reception,cases,screening}
work=$(mktemp -d /tmp/innet-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export INNET_SECRETS_FILE=${INNET_SECRETS_FILE:-$work/secrets.key}

source bench/lib/http.sh

run() {  # run DB_URL [seeded]
  if [ -z "${2:-}" ]; then
    # The time and peak of the seed, then each step's time (the log's "seed: <module> in").
    /usr/bin/time -f "seed: %e s, %U s user, %M KiB peak" "$INNET" seed --scale national \
      ${SEED_ONLY:+--only "$SEED_ONLY"} --db "$1" >"$work/seed.out" 2>&1 ||
      { cat "$work/seed.out"; exit 1; }
    grep -E 'seed: [a-z]+ in|seeded national|^seed: ' "$work/seed.out" | sed -E 's/^.*\] //'
  fi
  /usr/bin/time -f "migrate: %e s, %M KiB peak" "$INNET" migrate --db "$1" | tail -1
  local officer=bench-officer@innet.example cookie
  printf 'bench-password-1\n' | "$INNET" --db "$1" user add --email $officer --name "Bench officer" \
    --role prefecture_officer --org 1 --password-stdin >/dev/null 2>&1 || true
  serve "$INNET" "$1"
  cookie=$(signin $officer)
  curl -sf -H "Cookie: $cookie" "$base/cases?per_page=1" |
    python3 -c 'import json,sys; d=json.load(sys.stdin); print("cases:", d["total"], "(capped)" if d.get("total_capped") else "")'
  timed "$base" "$cookie" /auth/me  # the same-run baseline: a request that reads no list
  timed "$base" "$cookie" /cases
  timed "$base" "$cookie" '/cases?page=2000'
  timed "$base" "$cookie" '/cases?status=reopened'
  timed "$base" "$cookie" '/cases?status=active'
  timed "$base" "$cookie" '/cases?nationality=NG'
  timed "$base" "$cookie" '/cases?nationality=UA'
  timed "$base" "$cookie" '/cases?centre_id=1500'
  timed "$base" "$cookie" '/cases?q=trabelsi'
  timed "$base" "$cookie" '/cases?q=khalil%20mohamed'
  # Words of a common name read name by name (decision 0047), with a deep page, the other
  # direction, filters beside them, and an order other than the name's (the other path).
  timed "$base" "$cookie" '/cases?q=mohamed'
  timed "$base" "$cookie" '/cases?q=trabelsi&page=40'
  timed "$base" "$cookie" '/cases?q=trabelsi&sort=-name'
  timed "$base" "$cookie" '/cases?q=mohamed&status=active'
  timed "$base" "$cookie" '/cases?q=kovalenko&nationality=UA&page=2'
  timed "$base" "$cookie" '/cases?q=trabelsi&sort=-opened_at'
  timed "$base" "$cookie" '/cases?sort=-name'
  timed "$base" "$cookie" '/cases?sort=next_expiry'
  timed "$base" "$cookie" '/cases?sort=-updated_at'
  timed "$base" "$cookie" '/cases?sort=legal_status'
  timed "$base" "$cookie" '/cases?status=active&nationality=SY&sort=-opened_at'
  local code
  code=$(curl -s -o "$work/vulnerability.json" -w '%{http_code}' -H "Cookie: $cookie" \
    "$base/cases?vulnerability=trafficking_victim")
  if [ "$code" = 422 ]; then
    echo "/cases?vulnerability=trafficking_victim: skipped, no module of this server answers the filter ($(cat "$work/vulnerability.json"))"
  else
    # Common (minors, violence), middling, rare and absent categories, the screening terms.
    local v
    for v in minor torture_violence trafficking_victim lgbtiq fgm unaccompanied_minor; do
      curl -sf -H "Cookie: $cookie" "$base/cases?per_page=1&vulnerability=$v" | python3 -c \
        'import json,sys; d=json.load(sys.stdin); print("'"$v"':", d["total"], "(capped)" if d.get("total_capped") else "")'
      timed "$base" "$cookie" "/cases?vulnerability=$v"
    done
    timed "$base" "$cookie" '/cases?vulnerability=pregnant_woman&status=active'
    timed "$base" "$cookie" '/cases?vulnerability=minor&sort=-updated_at'
    timed "$base" "$cookie" '/cases?screening=due'
    timed "$base" "$cookie" '/cases?screening=late'
  fi
  # The queue of likely duplicate pairs (decision 0026), the Prefettura's.
  timed "$base" "$cookie" '/persons/duplicate-pairs'
  timed "$base" "$cookie" '/persons/duplicate-pairs?page=100'
  # A case worker of the operator of the first centre listed sees the cases it keeps.
  local org worker
  org=$(curl -sf -H "Cookie: $cookie" "$base/centres?per_page=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["operator_id"])')
  worker=bench-case-worker-$org@innet.example
  printf 'bench-password-1\n' | "$INNET" --db "$1" user add --email $worker --name "Bench worker" \
    --role case_worker --org "$org" --password-stdin >/dev/null 2>&1 || true
  local wcookie
  wcookie=$(signin $worker)
  curl -sf -H "Cookie: $wcookie" "$base/cases?per_page=1" |
    python3 -c 'import json,sys; print("a case worker'"'"'s cases:", json.load(sys.stdin)["total"])'
  timed "$base" "$wcookie" /cases
  timed "$base" "$wcookie" '/cases?q=mohamed'
  timed "$base" "$wcookie" '/cases?vulnerability=torture_violence'
  timed "$base" "$wcookie" '/cases?screening=late'
  # The header's count at every page, the inbox, and the operator's queue of pairs.
  timed "$base" "$wcookie" /tasks/count
  timed "$base" "$wcookie" /tasks
  timed "$base" "$wcookie" '/persons/duplicate-pairs'
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [ -n "${BASELINE:-}" ]; then
    serve "$BASELINE" "$1"
    cookie=$(signin $officer)
    echo "baseline ($BASELINE):"
    timed "$base" "$cookie" /cases "${BASELINE_RUNS:-5}"
    timed "$base" "$cookie" '/cases?nationality=NG' "${BASELINE_RUNS:-5}"
    kill "$pid"; wait "$pid" 2>/dev/null || true
  fi
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${2:-}" ]; then run "$2" seeded; exit; fi
if [ "$engines" = sqlite ] || [ "$engines" = both ]; then
  run "sqlite://$work/national.db"
fi
if [ "$engines" = postgresql ] || [ "$engines" = both ]; then
  scripts/with-postgres.sh bash -c "work=$work; INNET=$INNET; SEED_ONLY=$SEED_ONLY; \
    BASELINE=${BASELINE:-}; \
    BASELINE_RUNS=${BASELINE_RUNS:-5}; $(declare -f run timed serve signin); run \"\$INNET_TEST_PG_URL\""
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
