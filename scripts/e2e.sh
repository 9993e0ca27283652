#!/usr/bin/env bash
# `make test-e2e`: the packaged app against a real Keycloak and a fresh embedded database, driven by
# Playwright (frontend/playwright.config.ts, tests in frontend/e2e) in Debian's chromium. Keycloak (when this
# script started it) and the backend are always stopped afterwards; the exit code is the tests'.
# Extra arguments go to `playwright test` (e.g. a file or --grep). Then the curl cookbook of docs/api.md runs
# (scripts/cookbook.sh; with arguments only when COOKBOOK=1).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
S=$JINGUO_ROOT/scripts

bash "$S/backend.sh" status >/dev/null 2>&1 \
  && die "a backend is already running on :8080 (make run?); stop it first (make stop): the browser tests need their own database"

started_kc=0 started_be=0 pgdir=
cleanup() {
  trap - INT TERM EXIT
  if [ "$started_be" = 1 ]; then bash "$S/backend.sh" stop || true; fi
  if [ "$started_kc" = 1 ]; then bash "$S/keycloak.sh" stop || true; fi
  if [ -n "$pgdir" ]; then rm -rf "$pgdir" "$pgdir-files"; fi
}
trap 'cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap 'cleanup' EXIT

bash "$S/backend.sh" build

if bash "$S/keycloak.sh" status >/dev/null 2>&1; then
  say "using the Keycloak that is already running (its realm is imported from the file at each start)"
else
  started_kc=1
  bash "$S/keycloak.sh" start
fi
if command -v jq >/dev/null && command -v openssl >/dev/null; then
  bash "$S/realm-check.sh"
else
  warn "jq or openssl missing: skipping the realm check"
fi

pgdir=$(mktemp -d "${TMPDIR:-/tmp}/jinguo-e2e-pg.XXXXXX")
started_be=1
JINGUO_EMBEDDED_PG_DIR=$pgdir JINGUO_FILES_DIR=$pgdir-files JINGUO_DEMO=true BACKEND_LOG=$RUN_DIR/backend-e2e.log \
  bash "$S/backend.sh" start

# Read by frontend/playwright.config.ts.
export JINGUO_BASE_URL=http://localhost:8080 JINGUO_KEYCLOAK_URL=http://localhost:8180
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}
say "running the browser tests: npx playwright test $*"
rc=0
(cd "$JINGUO_ROOT/frontend" && npx --no-install playwright test "$@") || rc=$?
[ "$rc" -eq 0 ] || warn "browser tests failed (exit $rc); backend log: .run/backend-e2e.log, report: frontend/playwright-report"
# The curl cookbook (docs/api.md) on the same platform, after the browser tests so its notice cannot change theirs.
# A subset of specs (arguments given) skips it.
if [ $# -eq 0 ] || [ "${COOKBOOK:-}" = 1 ]; then
  bash "$S/cookbook.sh" || rc=1
fi
exit "$rc"
