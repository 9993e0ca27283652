# shellcheck shell=bash
# Shared helpers for scripts/*.sh. Source it; do not run it.
#
# Works on a bare Debian with a JDK: curl is used when present, otherwise bash's /dev/tcp.

JINGUO_ROOT=${JINGUO_ROOT:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)}
# shellcheck disable=SC2034 # used by the scripts that source this file
RUN_DIR=${JINGUO_RUN_DIR:-$JINGUO_ROOT/.run}

say()  { printf '\033[1;34m==>\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33mwarn:\033[0m %s\n' "$*" >&2; }
die()  { printf '\033[1;31merror:\033[0m %s\n' "$*" >&2; exit 1; }

now_ms() { date +%s%3N; }
# elapsed_s START_MS -> "12.3"
elapsed_s() { local d=$(( $(now_ms) - $1 )); printf '%d.%d' $((d / 1000)) $(((d % 1000) / 100)); }

# http_status URL -> prints the HTTP status code, or 000 when nothing answers. Plain http only.
http_status() {
  local url=$1
  if command -v curl >/dev/null 2>&1; then
    curl -s -o /dev/null -m 5 -w '%{http_code}' "$url" 2>/dev/null || true
    return 0
  fi
  local rest=${url#http://} hostport path host port line
  hostport=${rest%%/*}; path=/${rest#*/}; [ "$rest" = "$hostport" ] && path=/
  host=${hostport%%:*}; port=${hostport##*:}; [ "$port" = "$hostport" ] && port=80
  if ! { exec 7<>"/dev/tcp/$host/$port"; } 2>/dev/null; then echo 000; return 0; fi
  printf 'GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$hostport" >&7
  IFS=' ' read -r -t 5 _ line _ <&7 || line=000
  exec 7<&- 7>&-
  echo "${line:-000}"
}

# port_open PORT -> true when something listens on 127.0.0.1:PORT
port_open() { (exec 7<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pid_alive PIDFILE -> true when the file names a live process
pid_alive() {
  local pid
  [ -f "$1" ] || return 1
  pid=$(cat "$1" 2>/dev/null) || return 1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# spawn PIDFILE LOGFILE CMD... : start CMD in its own session (so a Ctrl-C in the terminal reaches only
# our trap, which then stops it in order), output to LOGFILE, its pid (= process group id) in PIDFILE.
spawn() {
  local pidfile=$1 logfile=$2; shift 2
  mkdir -p "$(dirname "$pidfile")" "$(dirname "$logfile")"
  : >"$logfile"
  rm -f "$pidfile"
  setsid bash -c 'echo $$ >"$0"; exec "$@"' "$pidfile" "$@" </dev/null >>"$logfile" 2>&1 &
  for _ in $(seq 1 50); do [ -s "$pidfile" ] && return 0; sleep 0.1; done
  die "could not start: $*"
}

# stop_pid NAME PIDFILE [TIMEOUT_S] : TERM the process in PIDFILE and wait (it shuts down in order, e.g.
# the backend stops its embedded PostgreSQL); then end whatever is left of its process group; KILL if needed.
stop_pid() {
  local name=$1 pidfile=$2 timeout=${3:-30} pid
  if ! pid_alive "$pidfile"; then
    rm -f "$pidfile"
    say "$name is not running"
    return 0
  fi
  pid=$(cat "$pidfile")
  say "stopping $name (pid $pid)"
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((timeout * 10))); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    warn "$name did not stop within ${timeout}s; killing it"
    kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
  elif kill -0 -- "-$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 -- "-$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
  rm -f "$pidfile"
}

# wait_http NAME URL TIMEOUT_S PIDFILE LOGFILE : wait for URL to answer 200 while the process lives.
wait_http() {
  local name=$1 url=$2 timeout=$3 pidfile=$4 logfile=$5 start code
  start=$(now_ms)
  while :; do
    code=$(http_status "$url")
    [ "$code" = 200 ] && return 0
    if ! pid_alive "$pidfile"; then
      printf '\n' >&2
      tail -n 40 "$logfile" >&2 || true
      die "$name exited before it was ready (log: $logfile)"
    fi
    if [ $(( $(now_ms) - start )) -ge $((timeout * 1000)) ]; then
      printf '\n' >&2
      tail -n 40 "$logfile" >&2 || true
      die "$name was not ready after ${timeout}s ($url answered $code; log: $logfile)"
    fi
    sleep 1
  done
}

# java_major [JAVA] -> 17, 21, 25 ...
java_major() {
  local v
  v=$("${1:-java}" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')
  echo "${v%%.*}"
}

# mvn_cmd -> the Maven to use: mvn on PATH, else the backend's wrapper.
mvn_cmd() {
  if command -v mvn >/dev/null 2>&1; then
    echo mvn
  elif [ -x "$JINGUO_ROOT/backend/mvnw" ]; then
    echo "$JINGUO_ROOT/backend/mvnw"
  else
    die "neither mvn nor backend/mvnw found; install Maven"
  fi
}
