#!/usr/bin/env bash
# Regenerates every PyTorch golden fixture. Needs Debian's python3-torch:
#   apt-get install python3-torch
set -euo pipefail
cd "$(dirname "$0")/goldens"
PY=${PYTHON:-/usr/bin/python3}
for script in [a-z]*.py; do
  [ "$script" = common.py ] && continue
  "$PY" "$script"
done
# The zoo's seeded weights (numpy twin of core's seededStateDict) and every model's logits.
cd ../models
"$PY" make_seeded_fixture.py
"$PY" make_model_goldens.py
