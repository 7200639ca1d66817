#!/usr/bin/env bash
# SPDX-FileCopyrightText: Welkom contributors
# SPDX-License-Identifier: EUPL-1.2
# Builds pwa/dist when it is missing or older than its sources (a content hash of everything the
# build reads is kept in pwa/dist/.build-hash). `npm ci` runs when node_modules is missing or
# package-lock.json changed. Used by scripts/demo.d and scripts/test.d.
set -euo pipefail
cd "$(dirname "$0")/.."
hash_of() { find "$@" -type f -print0 2>/dev/null | sort -z | xargs -0 sha256sum | sha256sum | cut -c1-16; }

lock=$(sha256sum package-lock.json | cut -c1-16)
if [ ! -f node_modules/.welkom-lock ] || [ "$(cat node_modules/.welkom-lock)" != "$lock" ]; then
  echo "PWA: installing npm packages from package-lock.json …"
  # npm ci installs exactly the committed lock and never rewrites it (the tree stays clean).
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock" > node_modules/.welkom-lock
fi

sources=$(hash_of src public scripts index.html staff vite.config.ts vite.staff.config.ts tsconfig.json tsconfig.sw.json \
  package-lock.json ../locales/*/LC_MESSAGES/pwa.po)
if [ -f dist/index.html ] && [ "$(cat dist/.build-hash 2>/dev/null)" = "$sources" ]; then
  exit 0
fi
echo "PWA: building pwa/dist …"
npm run --silent build >/dev/null
echo "$sources" > dist/.build-hash
echo "PWA: built ($(du -sh dist | cut -f1))"
