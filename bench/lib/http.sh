# The benchmarks' HTTP helpers, sourced by the scripts that time requests against a started
# server (cases_list.sh, procedures-dashboard.sh, procedure_analytics.sh). The caller sets $work
# (a scratch folder) before calling serve.

timed() {  # timed BASE COOKIE PATH [RUNS]: median and 95th percentile of RUNS ($RUNS, 20) after 3
  local runs=${4:-${RUNS:-20}} code
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $2" "$1$3")
  if [ "$code" != 200 ]; then echo "$3: skipped, HTTP $code"; return; fi
  for _ in 1 2; do curl -sf -o /dev/null -H "Cookie: $2" "$1$3"; done
  for _ in $(seq "$runs"); do curl -sf -o /dev/null -w '%{time_total}\n' -H "Cookie: $2" "$1$3"; done |
    sort -n | awk -v what="$3" '{ t[NR] = $1 * 1000 } END {
      m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
      p = int(NR * 0.95 + 0.999); if (p > NR) p = NR
      printf "%s: median %.1f ms, p95 %.1f ms (n=%d)\n", what, m, t[p], NR }'
}

serve() {  # serve BINARY DB_URL: starts a server, sets $pid and $base
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "$1" serve --db "$2" --port "$port" >"$work/serve.log" 2>&1 &
  pid=$!
  base=http://127.0.0.1:$port/api/v1
  for _ in $(seq 100); do curl -sf -o /dev/null "http://127.0.0.1:$port/healthz" && return; sleep 0.2; done
  # A database seeded elsewhere needs that seed's INNET_SECRETS_FILE (its sealed case notes).
  echo "the server did not start:"; cat "$work/serve.log"; exit 1
}

signin() {  # signin EMAIL [PASSWORD]: the session cookie (bench-password-1 by default)
  curl -s -i -X POST "$base/auth/login" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"${2:-bench-password-1}\"}" |
    grep -i '^set-cookie:' | sed -E 's/^[Ss]et-[Cc]ookie: ([^;]*).*/\1/'
}
