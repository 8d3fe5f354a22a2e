#!/usr/bin/env bash
# Usage: bench/procedures-dashboard.sh [sqlite|postgresql|both] [DB_URL]
# The procedures' deadline dashboard on national data (`innet seed --scale national`: 500,000
# procedure files over the seven procedures, issue 13), timed over HTTP, 20 sequential requests
# after 3 to warm up (median and 95th percentile): the same-run baseline (GET /auth/me), the
# counts (GET /procedure-files/counts) and the first page of the list filtered overdue, as an
# SUI officer (every file); then the other orders and states of the list; then, as a case worker
# of the operator of the first centre listed, the same two requests over the files of the people
# whose cases they follow (the bench assigns them every case of the operator). The seed's time
# is printed with the procedures step's own (the server's log line "seed: procedures in").
# With DB_URL, uses that database instead of seeding a new one. SEED_ONLY=procedures (bench
# only, for a machine where the whole national seed takes too long): a demo seed, then the
# procedures module's national step alone on it (`innet seed --scale national --only
# procedures`): the same 500,000 files, but of the demo's few hundred people. BASELINE=binary
# (e.g. main's build/innet): after the runs above, the same database served by that binary, the
# baseline and the two dashboard requests timed again: the before of a change, on the same data.
set -euo pipefail
INNET=${INNET:-build/innet}
cd "$(dirname "$0")/.."
engines=${1:-both}
work=$(mktemp -d /tmp/innet-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
export INNET_SECRETS_FILE=${INNET_SECRETS_FILE:-$work/secrets.key}

source bench/lib/http.sh

run() {  # run DB_URL [seeded]
  if [ -z "${2:-}" ] && [ "${SEED_ONLY:-}" = procedures ]; then
    /usr/bin/time -f "demo seed: %e s, %M KiB peak" "$INNET" seed --demo --db "$1" \
      >"$work/demo.out" 2>&1 || { cat "$work/demo.out"; exit 1; }
    /usr/bin/time -f "seed (procedures alone): %e s, %M KiB peak" "$INNET" seed --scale national \
      --only procedures --db "$1" >"$work/seed.out" 2>&1 || { cat "$work/seed.out"; exit 1; }
    grep -E 'seed: procedures in|seeded national|seed \(procedures' "$work/seed.out" | sed -E 's/^.*\] //'
  elif [ -z "${2:-}" ]; then
    /usr/bin/time -f "seed: %e s, %M KiB peak" "$INNET" seed --scale national --db "$1" \
      >"$work/seed.out" 2>&1 || { cat "$work/seed.out"; exit 1; }
    grep -E 'seed: procedures in|seeded national|^seed: ' "$work/seed.out" | sed -E 's/^.*\] //'
  fi
  /usr/bin/time -f "migrate: %e s, %M KiB peak" "$INNET" migrate --db "$1" | tail -1
  local sui=bench-sui@innet.example cookie
  printf 'bench-password-1\n' | "$INNET" --db "$1" user add --email $sui --name "Bench SUI" \
    --role sui_officer --org 1 --password-stdin >/dev/null 2>&1 || true
  serve "$INNET" "$1"
  cookie=$(signin $sui)
  curl -sf -H "Cookie: $cookie" "$base/procedure-files/counts" | python3 -c '
import json,sys; d=json.load(sys.stdin)
print("files: open %d, overdue %d, due soon %d, suspended %d" % (d["open"], d["overdue"], d["due_soon"], d["suspended"]))'
  curl -sf -H "Cookie: $cookie" "$base/procedure-files?per_page=1" |
    python3 -c 'import json,sys; print("files in all:", json.load(sys.stdin)["total"])'
  timed "$base" "$cookie" /auth/me  # the same-run baseline: a request that reads no list
  timed "$base" "$cookie" /procedure-files/counts
  timed "$base" "$cookie" '/procedure-files?overdue=true'
  timed "$base" "$cookie" '/procedure-files?state=overdue'
  timed "$base" "$cookie" '/procedure-files?state=due_soon'
  timed "$base" "$cookie" '/procedure-files?state=suspended'
  timed "$base" "$cookie" '/procedure-files?procedure_id=1&state=overdue'
  timed "$base" "$cookie" /procedure-files
  timed "$base" "$cookie" '/procedure-files?sort=-filed_on'
  timed "$base" "$cookie" '/procedure-files?sort=protocol_number'
  timed "$base" "$cookie" '/procedure-files?sort=procedure'
  timed "$base" "$cookie" '/procedure-files?sort=-step'
  timed "$base" "$cookie" '/procedure-files?overdue=true&sort=-filed_on'
  timed "$base" "$cookie" '/procedure-files?overdue=true&page=500'
  # A case worker of the operator of the first centre listed, assigned to every case it keeps.
  local org worker wcookie
  printf 'bench-password-1\n' | "$INNET" --db "$1" user add --email bench-officer@innet.example \
    --name "Bench officer" --role prefecture_officer --org 1 --password-stdin >/dev/null 2>&1 || true
  org=$(curl -sf -H "Cookie: $(signin bench-officer@innet.example)" "$base/centres?per_page=1" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["operator_id"])')
  worker=bench-case-worker-$org@innet.example
  printf 'bench-password-1\n' | "$INNET" --db "$1" user add --email "$worker" --name "Bench worker" \
    --role case_worker --org "$org" --password-stdin >/dev/null 2>&1 || true
  wcookie=$(signin "$worker")
  # The worker takes the first 100 cases of their operator (POST /cases/{id}/workers, as the
  # page does): a case worker's load; their files are those of these cases' people.
  python3 - "$base" "$worker" <<'PY'
import json, sys, urllib.request
base, email = sys.argv[1], sys.argv[2]
def call(method, path, body=None, headers={}):
    req = urllib.request.Request(base + path, method=method, headers={"Content-Type": "application/json", **headers},
                                 data=json.dumps(body).encode() if body is not None else None)
    return urllib.request.urlopen(req)
login = call("POST", "/auth/login", {"email": email, "password": "bench-password-1"})
me = json.load(login)
cookie = [v.split(";")[0] for k, v in login.headers.items() if k.lower() == "set-cookie"][0]
h = {"Cookie": cookie, "X-CSRF-Token": me["csrf_token"]}
cases = json.load(call("GET", "/cases?per_page=100", headers=h))["items"]
for c in cases:
    try: call("POST", f"/cases/{c['id']}/workers", {"user_id": me["user"]["id"]}, h)
    except urllib.error.HTTPError as e:
        if e.code != 409: raise
print(f"the case worker follows {len(cases)} cases")
PY
  curl -sf -H "Cookie: $wcookie" "$base/procedure-files/counts" | python3 -c '
import json,sys; d=json.load(sys.stdin)
print("a case worker'"'"'s files: open %d, overdue %d" % (d["open"], d["overdue"]))'
  timed "$base" "$wcookie" /procedure-files/counts
  timed "$base" "$wcookie" '/procedure-files?overdue=true'
  kill "$pid"; wait "$pid" 2>/dev/null || true
  if [ -n "${BASELINE:-}" ]; then
    echo "the same database served by $BASELINE:"
    serve "$BASELINE" "$1"
    cookie=$(signin $sui)
    timed "$base" "$cookie" /auth/me
    timed "$base" "$cookie" /procedure-files/counts
    timed "$base" "$cookie" '/procedure-files?overdue=true'
    kill "$pid"; wait "$pid" 2>/dev/null || true
  fi
}

echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -n "${2:-}" ]; then run "$2" seeded; exit; fi
if [ "$engines" = sqlite ] || [ "$engines" = both ]; then
  run "sqlite://$work/national.db"
fi
if [ "$engines" = postgresql ] || [ "$engines" = both ]; then
  scripts/with-postgres.sh bash -c "work=$work; INNET=$INNET; SEED_ONLY=${SEED_ONLY:-}; \
    BASELINE=${BASELINE:-}; \
    $(declare -f run timed serve signin); run \"\$INNET_TEST_PG_URL\""
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
