#!/usr/bin/env bash
# Benchmark: /healthz latency while 8 clients run the slowest requests against the national data.
# Usage: bench/healthz_under_load.sh [seconds]        (needs: make build; python3, curl)
#   INNET_BENCH_DB=sqlite:///path/national.db  reuses a database seeded with
#   `innet seed --scale national` instead of seeding a fresh one (about 1.5 minutes).
# Measures /healthz sequentially on one keep-alive connection, first with no other load (the
# baseline), then while 8 client processes loop over: person search (?q=moha, and a name that
# matches nothing), GET /api/v1/occupancy, the reconciliation of a full month's invoice (CSV) and
# the XLSX export of a centre's monthly costs. Prints p50/p99/max of /healthz for both runs and
# the status counts of the load requests (a 503 is the worker pool refusing work: it is counted,
# not an error). Target (issue 7, item 5): /healthz p99 under 20 ms under the load.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
work=$(mktemp -d /tmp/innet-bench.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
export INNET_SECRETS_FILE=$work/secrets.key

db=${INNET_BENCH_DB:-}
if [ -z "$db" ]; then
  db=sqlite://$work/national.db
  echo "seeding national data into $db"
  build/innet seed --scale national --db "$db" >/dev/null
fi
email=bench-officer-$$@innet.example
printf 'bench-password-1\n' | build/innet --db "$db" user add --email "$email" --name "Bench officer" \
  --role prefecture_officer --org 1 --password-stdin >/dev/null
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
build/innet serve --db "$db" --port "$port" >"$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done

python3 - "$port" "$email" "$duration" <<'PY'
import http.client, json, multiprocessing as mp, sys, time, datetime

port, email, duration = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
API = "/api/v1"

def connect():
    return http.client.HTTPConnection("127.0.0.1", port, timeout=120)

def call(conn, method, path, headers=None, body=None):
    conn.request(method, path, body=body, headers=headers or {})
    r = conn.getresponse()
    return r.status, r.read(), r

def login():
    c = connect()
    status, body, r = call(c, "POST", API + "/auth/login",
                           {"Content-Type": "application/json"},
                           json.dumps({"email": email, "password": "bench-password-1"}))
    assert status == 200, (status, body)
    cookie = r.getheader("Set-Cookie").split(";")[0]
    return cookie, json.loads(body)["csrf_token"]

cookie, csrf = login()
auth = {"Cookie": cookie}
c = connect()

# The centre with the most guests today that bills per day (SAI projects have a budget instead),
# and last month: the heaviest reconciliation and export.
status, body, _ = call(c, "GET", API + "/occupancy?per_page=100", auth)
assert status == 200, (status, body[:200])
pages = (json.loads(body)["total"] + 99) // 100
ranked = []
for page in range(1, pages + 1):
    items = json.loads(call(c, "GET", f"{API}/occupancy?per_page=100&page={page}", auth)[1])["items"]
    ranked += [(o["guests"]["total"], o["centre_id"]) for o in items]
ranked.sort(reverse=True)
first = datetime.date.today().replace(day=1)
month = (first - datetime.timedelta(days=1)).strftime("%Y-%m")

# An invoice that matches the register (the draft), submitted, so that it can be reconciled.
write = dict(auth, **{"Content-Type": "application/json", "X-CSRF-Token": csrf})
guests, centre, draft = 0, None, None
for guests, centre in ranked[:20]:
    status, body, _ = call(c, "GET", f"{API}/centres/{centre}/invoices/draft/{month}", write)
    if status == 200:
        draft = json.loads(body)
        break
assert draft is not None, "no centre of the 20 most populated bills per day"
payload = {k: draft[k] for k in ("month", "amount_cents", "presence_days")}
payload["lines"] = [{k: l[k] for k in ("person_id", "from", "to")} for l in draft["lines"]]
payload["number"] = f"BENCH-{centre}-{month}"
status, body, _ = call(c, "POST", f"{API}/centres/{centre}/invoices", write, json.dumps(payload))
if status == 201:
    invoice = json.loads(body)["id"]
else:  # an earlier run's invoice for the month
    status, body, _ = call(c, "GET", f"{API}/centres/{centre}/invoices?per_page=100", auth)
    invoice = next((i["id"] for i in json.loads(body)["items"] if i["month"] == month), None)
lines = len(json.loads(call(c, "GET", f"{API}/invoices/{invoice}", auth)[1])["lines"]) if invoice else 0

paths = [f"{API}/persons?q=moha", f"{API}/persons?q=zzxqj", f"{API}/occupancy?per_page=100",
         f"{API}/centres/{centre}/costs/{month}?format=xlsx"]
if invoice:
    paths.append(f"{API}/invoices/{invoice}/reconciliation?format=csv")
print(f"load: centre {centre} ({guests} guests), month {month}, invoice {invoice} ({lines} lines)")
for p in paths:
    t = time.perf_counter()
    status, body, _ = call(c, "GET", p, auth)
    print(f"  {p}: {status}, {len(body)} bytes, {(time.perf_counter() - t) * 1000:.0f} ms alone")

def load(n, stop, counts):
    conn, i = connect(), n
    while not stop.is_set():
        try:
            status, body, r = call(conn, "GET", paths[i % len(paths)], auth)
            key = status if status < 400 else f"{status} {json.loads(body)['error']['code']}"
            counts[key] = counts.get(key, 0) + 1
            if r.getheader("Connection", "").lower() == "close":
                conn = connect()
        except Exception:
            counts["error"] = counts.get("error", 0) + 1
            conn = connect()
        i += 1

def probe(seconds):
    conn, times = connect(), []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        t = time.perf_counter()
        status, body, _ = call(conn, "GET", "/healthz")
        times.append((time.perf_counter() - t) * 1000)
        assert status == 200 and json.loads(body) == {"status": "ok"}, (status, body)
        time.sleep(0.005)
    times.sort()
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    return f"p50 {pick(0.50):.2f} ms, p99 {pick(0.99):.2f} ms, max {times[-1]:.2f} ms ({len(times)} requests)"

print(f"/healthz alone:             {probe(min(duration, 10))}")
manager = mp.Manager()
stop, counts = mp.Event(), manager.dict()
clients = [mp.Process(target=load, args=(n, stop, counts)) for n in range(8)]
for p in clients:
    p.start()
time.sleep(2)
print(f"/healthz with 8 clients:    {probe(duration)}")
stop.set()
for p in clients:
    p.join()
print("load requests by status:", dict(sorted(counts.items(), key=str)))
PY
