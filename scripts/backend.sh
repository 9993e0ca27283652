#!/usr/bin/env bash
# The packaged backend (Quarkus, with the SPA built in by Quinoa), as `make run` and the browser tests use it.
#
#   scripts/backend.sh build [GOALS...]  package the jar; without GOALS: `package -DskipTests`, skipped when
#                                        backend/ and frontend/ sources are unchanged since the last build
#                                        (FORCE_BUILD=1 builds anyway); with GOALS (e.g. `verify`) always runs
#   scripts/backend.sh start             java -jar on :8080, wait for /q/health/ready
#   scripts/backend.sh stop | status
#
# Environment for start: JINGUO_EMBEDDED_PG_DIR (embedded PostgreSQL data, default .run/pgdata), JINGUO_FILES_DIR
# (uploaded files, default .run/files),
# QUARKUS_DATASOURCE_JDBC_URL/USERNAME/PASSWORD (an external PostgreSQL instead), JINGUO_DEMO (demo data,
# default true here), BACKEND_JAVA_OPTS, BACKEND_LOG (default .run/backend.log), BACKEND_START_TIMEOUT (240 s).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

BE_DIR=$JINGUO_ROOT/backend
BE_JAR=$BE_DIR/target/quarkus-app/quarkus-run.jar
BE_PID=$RUN_DIR/backend.pid
BE_LOG=${BACKEND_LOG:-$RUN_DIR/backend.log}
BE_PORT=8080
BE_READY=http://localhost:$BE_PORT/q/health/ready
BE_START_TIMEOUT=${BACKEND_START_TIMEOUT:-240}
STAMP=$RUN_DIR/backend-build.sha

# A hash of everything that goes into the jar: backend main sources, the SPA's sources, the OpenAPI file.
sources_hash() {
  local paths=(backend/pom.xml backend/.mvn backend/src/main frontend openapi)
  (
    cd "$JINGUO_ROOT"
    if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
      git ls-files -z -co --exclude-standard -- "${paths[@]}" ':!frontend/e2e'
    else
      find "${paths[@]}" \( -name node_modules -o -name dist -o -name target -o -path frontend/e2e \) -prune \
        -o -type f -print0 2>/dev/null
    fi | sort -z | while IFS= read -r -d '' f; do [ -f "$f" ] && printf '%s\0' "$f"; done \
       | xargs -0 -r sha256sum | sha256sum | cut -d' ' -f1
  )
}

maven() {
  if [ -x "$BE_DIR/mvnw" ]; then (cd "$BE_DIR" && ./mvnw "$@"); else (cd "$BE_DIR" && "$(mvn_cmd)" "$@"); fi
}

build() {
  local goals=("$@")
  if [ ${#goals[@]} -eq 0 ]; then
    if [ -z "${FORCE_BUILD:-}" ] && [ -f "$BE_JAR" ] && [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$(sources_hash)" ]; then
      say "backend jar is up to date (sources unchanged; FORCE_BUILD=1 rebuilds)"
      return 0
    fi
    goals=(-q package -DskipTests)
  fi
  say "building the backend with the SPA: mvn ${goals[*]}"
  local t0; t0=$(now_ms)
  mkdir -p "$RUN_DIR"
  rm -f "$STAMP"
  maven -B -ntp -Dstyle.color=never "${goals[@]}"
  [ -f "$BE_JAR" ] || die "the build did not produce $BE_JAR"
  sources_hash >"$STAMP"
  say "backend built in $(elapsed_s "$t0")s"
}

start() {
  if pid_alive "$BE_PID"; then
    say "the backend is already running (pid $(cat "$BE_PID"))"
    wait_http backend "$BE_READY" "$BE_START_TIMEOUT" "$BE_PID" "$BE_LOG"
    return 0
  fi
  [ -f "$BE_JAR" ] || die "no backend jar at ${BE_JAR#"$JINGUO_ROOT"/}: run 'make build' first"
  port_open "$BE_PORT" && die "port $BE_PORT is already in use by another program; stop it first"
  local java=java major
  [ -n "${JAVA_HOME:-}" ] && java=$JAVA_HOME/bin/java
  major=$(java_major "$java")
  [ "${major:-0}" -ge 17 ] || die "the backend needs Java 17 or newer, found '${major:-none}'"

  export JINGUO_DEMO=${JINGUO_DEMO:-true}
  export JINGUO_FILES_DIR=${JINGUO_FILES_DIR:-$RUN_DIR/files}
  if [ -z "${QUARKUS_DATASOURCE_JDBC_URL:-}" ]; then
    export JINGUO_EMBEDDED_PG_DIR=${JINGUO_EMBEDDED_PG_DIR:-$RUN_DIR/pgdata}
    say "starting the backend on http://localhost:$BE_PORT (Java $major, embedded PostgreSQL in ${JINGUO_EMBEDDED_PG_DIR#"$JINGUO_ROOT"/}, log: ${BE_LOG#"$JINGUO_ROOT"/})"
  else
    say "starting the backend on http://localhost:$BE_PORT (Java $major, database $QUARKUS_DATASOURCE_JDBC_URL, log: ${BE_LOG#"$JINGUO_ROOT"/})"
  fi
  local t0; t0=$(now_ms)
  # shellcheck disable=SC2086 # BACKEND_JAVA_OPTS is a list of options
  (cd "$JINGUO_ROOT" && spawn "$BE_PID" "$BE_LOG" "$java" ${BACKEND_JAVA_OPTS:-} -jar "$BE_JAR")
  wait_http backend "$BE_READY" "$BE_START_TIMEOUT" "$BE_PID" "$BE_LOG"
  say "backend ready in $(elapsed_s "$t0")s"
}

stop() { stop_pid backend "$BE_PID" 45; }

status() {
  if pid_alive "$BE_PID"; then
    local code; code=$(http_status "$BE_READY")
    if [ "$code" = 200 ]; then
      echo "backend: running (pid $(cat "$BE_PID")), ready at http://localhost:$BE_PORT"
    else
      echo "backend: starting or unhealthy (pid $(cat "$BE_PID")), /q/health/ready answered $code"
    fi
  else
    echo "backend: stopped"
    return 3
  fi
}

cmd=${1:-}; [ $# -gt 0 ] && shift
case "$cmd" in
  build) build "$@" ;;
  start|stop|status) "$cmd" ;;
  *) echo "usage: $0 build [MAVEN GOALS...] | start | stop | status" >&2; exit 2 ;;
esac
