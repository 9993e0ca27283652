#!/usr/bin/env bash
# Runs the bash blocks of docs/api.md, in order, as one script against a running platform (scripts/e2e.sh calls it
# once the app and Keycloak are up), so the curl cookbook stays true. Usage: cookbook.sh [file], API/KEYCLOAK from
# the environment (defaults: localhost:8080 and :8180).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

doc=${1:-$JINGUO_ROOT/docs/api.md}
script=$(mktemp "${TMPDIR:-/tmp}/jinguo-cookbook.XXXXXX")
trap 'rm -f "$script"' EXIT
{
  echo 'set -euo pipefail'
  # each block's lines, with a marker between blocks so a failure says which one
  awk '/^```bash$/ {on = 1; n++; printf "echo \"--- cookbook block %d\" >&2\n", n; next}
       /^```$/ {on = 0; next}
       on {print}' "$doc"
} >"$script"
blocks=$(grep -c '^```bash$' "$doc" || true)
[ "$blocks" -gt 0 ] || die "no bash blocks in $doc"
say "running the $blocks bash blocks of ${doc#"$JINGUO_ROOT"/} against ${API:-http://localhost:8080/api/v1}"
if bash "$script" >"$RUN_DIR/cookbook.log" 2>&1; then
  say "cookbook: all $blocks blocks ran (output: .run/cookbook.log)"
else
  rc=$?
  tail -n 30 "$RUN_DIR/cookbook.log" >&2
  die "cookbook failed (exit $rc); the whole output is in .run/cookbook.log"
fi
