#!/usr/bin/env bash
# Runs the test tiers that depend on the Node runtime (the library's unit and node tiers, the emulator's node tier
# with its suite on the build only) against the dist/ already built by `npm test`, on Node 22 and 24, as well as on
# the Node that ran `npm test`. The browser tier (Chromium's JavaScript, not Node's), the type tests (tsc) and the
# package lint do not depend on it.
# Each Node comes from the npm registry's `node` package, installed once into a cache outside the repository and
# reused: ${XDG_CACHE_HOME:-~/.cache}/auth0-user-patch/node-<major>.
# Usage: scripts/test-node-versions.sh [major...]   (default: 22 24). Delete the cache directory to update a Node.
set -euo pipefail
cd "$(dirname "$0")/.."
cache="${XDG_CACHE_HOME:-$HOME/.cache}/auth0-user-patch"
majors=("$@")
[ ${#majors[@]} -gt 0 ] || majors=(22 24)

if [ ! -f dist/index.js ] || [ ! -f dist/index.cjs ] || [ ! -f dist/cli.js ] || [ ! -f emulator/dist/index.js ]; then
  echo "test-node-versions: dist/ is not built; run npm test (or npm run build) first" >&2
  exit 1
fi

for major in "${majors[@]}"; do
  prefix="$cache/node-$major"
  nodebin="$prefix/node_modules/.bin/node"
  if ! "$nodebin" --version >/dev/null 2>&1; then
    echo "test-node-versions: installing node@$major into $prefix"
    rm -rf "$prefix"
    mkdir -p "$prefix"
    npm install --prefix "$prefix" --no-save --no-audit --no-fund --loglevel=error --ignore-scripts=false "node@$major"
  fi
  echo "test-node-versions: the unit, node and emulator tiers on Node $("$nodebin" --version)"
  start=$SECONDS
  # The Node under test first on PATH, for the tests that spawn `node` (or tsc, or the CLI) themselves.
  PATH="$(dirname "$(readlink -f "$nodebin")"):$PATH" "$nodebin" node_modules/vitest/vitest.mjs run --project unit --project node
  # The emulator's node project runs its suite on the build (test/dist.test.ts); the source project, the same suite on
  # the source, is Node 20's.
  (cd emulator && PATH="$(dirname "$(readlink -f "$nodebin")"):$PATH" "$nodebin" ../node_modules/vitest/vitest.mjs run --project node)
  echo "test-node-versions: Node $major passed in $((SECONDS - start)) s"
done
