#!/usr/bin/env bash
# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
# The real OpenID Connect provider the login tests sign in through (npm oidc-provider, Node 20+).
# Idempotent: `npm ci` runs only when tests/oidc/node_modules is missing or older than the lock.
set -euo pipefail
cd "$(dirname "$0")/../../tests/oidc"
if ! command -v node >/dev/null 2>&1; then
  echo "Node.js 20.19+ is needed for the OIDC login tests (Debian: apt-get install nodejs npm)" >&2
  exit 1
fi
if ! node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)'; then
  echo "Node.js $(node --version) is too old for oidc-provider 9: 20.19 or newer is needed" >&2
  exit 1
fi
stamp=node_modules/.package-lock.json
if [ ! -f "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
  echo "Installing the test OpenID Connect provider (npm ci) …"
  npm ci --no-audit --no-fund --loglevel=error
fi
