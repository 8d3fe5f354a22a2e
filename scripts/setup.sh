#!/usr/bin/env bash
# Installs what building, running and testing InNet needs on Debian 12, then nothing more.
# Idempotent: a package already present is not fetched again; `npm ci` runs only when
# web/node_modules is older than web/package-lock.json.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential cmake ninja-build ccache pkg-config clang-format
  libboost-dev libboost-system-dev libsqlite3-dev libpq-dev libsodium-dev
  libspdlog-dev libfmt-dev libcli11-dev nlohmann-json3-dev libxlsxwriter-dev
  libgtest-dev libgmock-dev libbenchmark-dev zlib1g-dev
  # PDF reports: pango and cairo, the Noto fonts they embed (Latin, Cyrillic, Arabic, Bengali),
  # pdftotext and pdfinfo for the tests (docs/decisions/0024-pdf-reports.md).
  libpango1.0-dev libcairo2-dev fonts-noto-core fontconfig poppler-utils
  clang libclang-rt-14-dev
  postgresql sqlite3 nodejs npm chromium curl
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
# nodejs/npm may come from elsewhere (nvm, NodeSource): accept any working node >= 20.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if [ ! -d web/node_modules ] || [ web/package-lock.json -nt web/node_modules ]; then
  echo "setup: npm ci in web/"
  (cd web && npm ci --no-audit --no-fund --loglevel=error)
  touch web/node_modules
fi

# The API tests' own tools: ajv (answers against the OpenAPI document) and Redocly (its lint).
if [ ! -d tests/node_modules ] || [ tests/package-lock.json -nt tests/node_modules ]; then
  echo "setup: npm ci in tests/"
  npm ci --prefix tests --no-audit --no-fund --loglevel=error
  touch tests/node_modules
fi
