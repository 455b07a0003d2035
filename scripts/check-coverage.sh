#!/usr/bin/env bash
# CI: regenerates docs/coverage.md from this run's conformance reports and fails when the
# committed page differs, so the published matrix never drifts from what the suite says.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/coverage-matrix.sh
if ! git diff --exit-code --stat -- docs/coverage.md || [ -n "$(git status --porcelain -- docs/coverage.md)" ]; then
  git --no-pager diff -- docs/coverage.md | head -60 >&2 || true
  echo >&2
  echo "docs/coverage.md is stale: the conformance results changed (a case, a skip or a backend)." >&2
  echo "Refresh it with:  npx -y pnpm@10 test && npx -y pnpm@10 coverage   then commit docs/coverage.md" >&2
  exit 1
fi
echo "docs/coverage.md is up to date"
