#!/usr/bin/env bash
# Local Keycloak for development and browser tests.
#
#   scripts/keycloak.sh fetch    download Keycloak once (Maven Central) into .run/
#   scripts/keycloak.sh start    start-dev on :8180 with the jinguo realm, wait until it serves the realm
#   scripts/keycloak.sh stop     stop it
#   scripts/keycloak.sh status   running or not
#
# Every start begins from an empty in-memory database and imports deploy/keycloak/jinguo-realm.json,
# so the realm, its clients and demo users are always exactly as in the file (changes made in the
# admin console are lost on restart; put lasting ones in the file).
#
# Environment: KC_HTTP_HOST (127.0.0.1: this machine only), KC_PORT (8180), KC_MANAGEMENT_PORT (9000),
# KC_START_TIMEOUT (300 s), KC_JAVA_HOME (a JDK 17 or 21+; default: JAVA_HOME, else the java on PATH),
# JAVA_OPTS_APPEND (default -XX:TieredStopAtLevel=1: C1 only, which starts this dev server about a third
# faster on two cores).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KC_VERSION=26.4.2
KC_ARTIFACT=org.keycloak:keycloak-quarkus-dist:$KC_VERSION:zip
KC_ZIP=$RUN_DIR/cache/keycloak-quarkus-dist-$KC_VERSION.zip
KC_HOME=$RUN_DIR/keycloak-$KC_VERSION
KC_PORT=${KC_PORT:-8180}
KC_MANAGEMENT_PORT=${KC_MANAGEMENT_PORT:-9000}
KC_HTTP_HOST=${KC_HTTP_HOST:-127.0.0.1}
KC_START_TIMEOUT=${KC_START_TIMEOUT:-300}
KC_PID=$RUN_DIR/keycloak.pid
KC_LOG=$RUN_DIR/keycloak.log
REALM_FILE=$JINGUO_ROOT/deploy/keycloak/jinguo-realm.json
REALM_URL=http://localhost:$KC_PORT/realms/jinguo/.well-known/openid-configuration

fetch() {
  if [ -x "$KC_HOME/bin/kc.sh" ]; then
    say "Keycloak $KC_VERSION already in ${KC_HOME#"$JINGUO_ROOT"/}"
    return 0
  fi
  mkdir -p "$RUN_DIR/cache"
  if [ ! -s "$KC_ZIP" ]; then
    say "downloading $KC_ARTIFACT"
    local mvn; mvn=$(mvn_cmd)
    (cd "$RUN_DIR" && "$mvn" -B -q -N -Dstyle.color=never \
      org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact="$KC_ARTIFACT" -DoutputDirectory="$RUN_DIR/cache" -Dmdep.overWriteIfNewer=true) \
      || die "could not download $KC_ARTIFACT from Maven Central"
  fi
  say "unpacking Keycloak $KC_VERSION"
  local tmp; tmp=$(mktemp -d "$RUN_DIR/keycloak-unpack.XXXXXX")
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$KC_ZIP" -d "$tmp"
  else
    (cd "$tmp" && jar xf "$KC_ZIP")
  fi
  chmod +x "$tmp/keycloak-$KC_VERSION"/bin/*.sh
  rm -rf "$KC_HOME"
  mv "$tmp/keycloak-$KC_VERSION" "$KC_HOME"
  rmdir "$tmp"
}

# The Java for Keycloak: KC_JAVA_HOME, else JAVA_HOME, else java on PATH; sets JAVA_HOME for kc.sh.
pick_java() {
  local home=${KC_JAVA_HOME:-${JAVA_HOME:-}} java=java
  [ -n "$home" ] && java=$home/bin/java
  command -v "$java" >/dev/null 2>&1 || die "no Java found: install a JDK 17 or 21+ (or set KC_JAVA_HOME)"
  JAVA_MAJOR=$(java_major "$java")
  case "$JAVA_MAJOR" in
    17|21|2[2-9]|[3-9][0-9]) ;;
    *) die "Keycloak $KC_VERSION needs Java 17 or 21+, found Java $JAVA_MAJOR at $java (set KC_JAVA_HOME)";;
  esac
  if [ -n "$home" ]; then export JAVA_HOME=$home; fi
}

start() {
  if pid_alive "$KC_PID"; then
    say "Keycloak is already running (pid $(cat "$KC_PID"))"
    wait_http Keycloak "$REALM_URL" "$KC_START_TIMEOUT" "$KC_PID" "$KC_LOG"
    return 0
  fi
  [ -f "$REALM_FILE" ] || die "realm file missing: $REALM_FILE"
  port_open "$KC_PORT" && die "port $KC_PORT is already in use by another program; stop it or set KC_PORT"
  port_open "$KC_MANAGEMENT_PORT" && die "port $KC_MANAGEMENT_PORT is already in use; set KC_MANAGEMENT_PORT"
  [ -x "$KC_HOME/bin/kc.sh" ] || fetch
  pick_java

  # The realm to import: only ours, always the current file.
  rm -rf "$KC_HOME/data/import"
  mkdir -p "$KC_HOME/data/import"
  cp "$REALM_FILE" "$KC_HOME/data/import/jinguo-realm.json"

  say "starting Keycloak $KC_VERSION on http://localhost:$KC_PORT (Java $JAVA_MAJOR, log: ${KC_LOG#"$JINGUO_ROOT"/})"
  local t0; t0=$(now_ms)
  JAVA_OPTS_APPEND=${JAVA_OPTS_APPEND--XX:TieredStopAtLevel=1} \
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    spawn "$KC_PID" "$KC_LOG" "$KC_HOME/bin/kc.sh" start-dev \
      --db=dev-mem \
      --http-host="$KC_HTTP_HOST" \
      --http-port="$KC_PORT" \
      --http-management-port="$KC_MANAGEMENT_PORT" \
      --health-enabled=true \
      --import-realm
  wait_http Keycloak "$REALM_URL" "$KC_START_TIMEOUT" "$KC_PID" "$KC_LOG"
  say "Keycloak ready in $(elapsed_s "$t0")s: http://localhost:$KC_PORT (admin/admin), realm jinguo"
}

stop() { stop_pid Keycloak "$KC_PID" 30; }

status() {
  if pid_alive "$KC_PID"; then
    local code; code=$(http_status "$REALM_URL")
    if [ "$code" = 200 ]; then
      echo "Keycloak: running (pid $(cat "$KC_PID")), realm jinguo at http://localhost:$KC_PORT"
    else
      echo "Keycloak: starting (pid $(cat "$KC_PID")), realm not served yet ($code)"
    fi
  else
    echo "Keycloak: stopped"
    return 3
  fi
}

case "${1:-}" in
  fetch|start|stop|status) "$1" ;;
  *) echo "usage: $0 fetch|start|stop|status" >&2; exit 2 ;;
esac
