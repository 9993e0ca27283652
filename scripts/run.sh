#!/usr/bin/env bash
# `make run`: build what changed, start Keycloak and the backend (which serves the SPA), print where
# everything is, and stop both on Ctrl-C.
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
S=$JINGUO_ROOT/scripts
T0=$(now_ms)

bash "$S/backend.sh" status >/dev/null 2>&1 && die "Jinguo is already running (make stop stops it)"

started_kc=0 started_be=0 kc_job=
cleanup() {
  trap - INT TERM EXIT
  if [ -n "$kc_job" ]; then kill "$kc_job" 2>/dev/null || true; fi
  if [ "$started_be" = 1 ]; then bash "$S/backend.sh" stop || true; fi
  if [ "$started_kc" = 1 ]; then bash "$S/keycloak.sh" stop || true; fi
}
trap 'echo; cleanup; exit 130' INT
trap 'cleanup; exit 143' TERM
trap 'cleanup' EXIT

# Keycloak starts (≈30–60 s) while the backend builds.
bash "$S/keycloak.sh" fetch
if ! bash "$S/keycloak.sh" status >/dev/null 2>&1; then
  started_kc=1
  bash "$S/keycloak.sh" start &
  kc_job=$!
fi
bash "$S/backend.sh" build
if [ -n "$kc_job" ]; then
  wait "$kc_job" || die "Keycloak did not start (see .run/keycloak.log)"
  kc_job=
fi

started_be=1
bash "$S/backend.sh" start

cat <<BANNER

════════════════════════════════════════════════════════════════════════════════
  巾帼 Jinguo 已启动 / is up — 用时 ready in $(elapsed_s "$T0")s

  应用 Web app            http://localhost:8080
  接口文档 Swagger UI     http://localhost:8080/q/swagger-ui
  Keycloak               http://localhost:8180   (管理控制台 admin console: admin / admin)

  演示账号 Demo logins
    用户名 username   密码 password   所属组织 organization       角色 role
    platform_admin    jinguo2024      （全部组织 all）            平台管理员 PLATFORM_ADMIN
    city_admin        jinguo2024      重庆市妇女联合会            管理员 ORG_ADMIN
    city_editor       jinguo2024      重庆市妇女联合会            编辑 EDITOR
    district_admin    jinguo2024      渝中区妇女联合会            管理员 ORG_ADMIN
    township_admin    jinguo2024      解放碑街道妇女联合会        管理员 ORG_ADMIN
    dept_editor       jinguo2024      重庆市妇女联合会宣传部      编辑 EDITOR

  脚本调用接口 API from scripts (client credentials, client jinguo-cli):
    TOKEN=\$(curl -s -u jinguo-cli:jinguo-cli-secret -d grant_type=client_credentials \\
      http://localhost:8180/realms/jinguo/protocol/openid-connect/token | jq -r .access_token)
    curl -H "Authorization: Bearer \$TOKEN" http://localhost:8080/api/v1/me

  日志 Logs: .run/backend.log  .run/keycloak.log
  按 Ctrl-C 停止全部 / Press Ctrl-C to stop everything
════════════════════════════════════════════════════════════════════════════════

BANNER

while pid_alive "$RUN_DIR/backend.pid"; do sleep 1; done
warn "the backend stopped by itself; last lines of .run/backend.log:"
tail -n 30 "$RUN_DIR/backend.log" >&2 || true
exit 1
