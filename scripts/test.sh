#!/usr/bin/env bash
# Runs every test: C++ unit and storage tests (SQLite and PostgreSQL), API tests against a started
# server on each engine, browser tests. Starts a throwaway PostgreSQL for the whole run (stopped at
# the end, also on failure). Exits non-zero when anything failed; prints one summary line.
set -uo pipefail
cd "$(dirname "$0")/.."
exec scripts/with-postgres.sh scripts/run-tests.sh "$@"
