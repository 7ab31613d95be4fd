#!/usr/bin/env bash
# The whole test suite: `npm test` runs this, and .ci/run runs `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1

bash scripts/ensure-tools.sh

echo "== type check"
npx tsc --noEmit

# Node 20's test runner does not expand globs: the file lists come from find.
echo "== unit tests (lib/)"
mapfile -t unit < <(find lib -name '*.test.ts' ! -name '*.integration.test.ts' | sort)
node --import tsx --test "${unit[@]}"

echo "== integration tests (openssl, cfssl, a real etcd cluster)"
mapfile -t integration < <(find lib -name '*.integration.test.ts' | sort)
node --import tsx --test --test-concurrency=1 "${integration[@]}"

echo "== build (static export + CSP)"
npm run build

echo "== end-to-end tests (Playwright, Debian's Chromium)"
npx playwright test
