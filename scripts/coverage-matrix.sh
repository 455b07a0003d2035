#!/usr/bin/env bash
# Writes docs/coverage.md, the op x backend coverage matrix, from the reports the backends'
# conformance test files wrote during `pnpm test` (packages/backend-*/conformance-report/<backend>/
# coverage.json). Runs nothing itself: run the tests first. Root script: `npx -y pnpm@10 coverage`.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f packages/cli/dist/bin.js ]; then
  echo "coverage-matrix: packages/cli/dist/bin.js is missing; run 'npx -y pnpm@10 test' (it builds, then writes the reports) first" >&2
  exit 1
fi
# Every backend package, in name order, so the command the page quotes is the same on every machine.
dirs=$(printf '%s\n' packages/backend-*/ | sed 's#/$#/conformance-report#' | LC_ALL=C sort | paste -sd, -)
node packages/cli/dist/bin.js conformance --combine "$dirs" --out docs/coverage.md
