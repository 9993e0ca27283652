#!/usr/bin/env bash
# Checks a running local Keycloak against what the backend and the SPA expect of the jinguo realm:
# jinguo-cli gets a token with aud jinguo-api; every demo user logs in through jinguo-spa with
# Authorization Code + PKCE (no required action in the way) and gets preferred_username, name, email,
# realm roles and aud jinguo-api; jinguo-spa refuses the password grant and a login without PKCE.
# Needs curl and jq. Usage: scripts/realm-check.sh (Keycloak started by scripts/keycloak.sh start).
set -euo pipefail
# shellcheck source=scripts/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

KC=${KC_URL:-http://localhost:${KC_PORT:-8180}}
REALM=$KC/realms/jinguo
OIDC=$REALM/protocol/openid-connect
REDIRECT=http://localhost:8080/
PASSWORD=jinguo2024
failures=0; passed=0

ok()   { passed=$((passed + 1)); printf '  ok    %s\n' "$*"; }
fail() { failures=$((failures + 1)); printf '  FAIL  %s\n' "$*"; }
check() { local what=$1; shift; if "$@" >/dev/null 2>&1; then ok "$what"; else fail "$what"; fi; }
claims() { cut -d. -f2 | tr '_-' '/+' | { b=$(cat); while [ $(( ${#b} % 4 )) -ne 0 ]; do b="$b="; done; echo "$b"; } | base64 -d; }

command -v jq >/dev/null || die "jq is needed (apt-get install jq)"
[ "$(http_status "$REALM/.well-known/openid-configuration")" = 200 ] || die "realm jinguo is not served at $KC"

echo "jinguo-cli (client credentials)"
cli=$(curl -s -u jinguo-cli:jinguo-cli-secret -d grant_type=client_credentials "$OIDC/token" | jq -r '.access_token // empty' | claims)
check "token issued" test -n "$cli"
check "aud contains jinguo-api" jq -e '.aud | (if type == "array" then . else [.] end) | index("jinguo-api")' <<<"$cli"
check "azp is jinguo-cli" jq -e '.azp == "jinguo-cli"' <<<"$cli"
check "iss is $REALM" jq -e --arg iss "$REALM" '.iss == $iss' <<<"$cli"

echo "city-platform (integration client, client credentials)"
platform=$(curl -s -u city-platform:city-platform-secret -d grant_type=client_credentials "$OIDC/token" | jq -r '.access_token // empty' | claims)
check "token issued" test -n "$platform"
check "aud contains jinguo-api" jq -e '.aud | (if type == "array" then . else [.] end) | index("jinguo-api")' <<<"$platform"
check "client_id (or azp) is city-platform: what Jinguo maps to its integration client" jq -e '(.client_id // .azp) == "city-platform"' <<<"$platform"

echo "jinguo-spa refuses what it must"
code=$(curl -s -o /dev/null -w '%{http_code}' -d client_id=jinguo-spa -d grant_type=password \
  -d username=district_admin -d password=$PASSWORD "$OIDC/token")
check "password grant refused ($code)" test "$code" = 400 -o "$code" = 401
location=$(curl -s -o /dev/null -w '%{redirect_url}' "$OIDC/auth?client_id=jinguo-spa&response_type=code&scope=openid&redirect_uri=$REDIRECT")
check "authorization request without PKCE refused" grep -q 'error=invalid_request.*code_challenge' <<<"$location"

# login USER -> prints the access token's claims; fails when the login does not end at the redirect URI
login() {
  local user=$1 jar verifier challenge state page action location code
  jar=$(mktemp)
  verifier=$(head -c 48 /dev/urandom | base64 | tr -d '=+/\n' | cut -c1-64)
  challenge=$(printf '%s' "$verifier" | openssl dgst -binary -sha256 | base64 | tr '+/' '-_' | tr -d '=\n')
  state=$RANDOM$RANDOM
  page=$(curl -s -c "$jar" -b "$jar" -H 'Accept-Language: zh-CN' \
    "$OIDC/auth?client_id=jinguo-spa&response_type=code&scope=openid&state=$state&redirect_uri=$REDIRECT&code_challenge=$challenge&code_challenge_method=S256")
  action=$(grep -o 'id="kc-form-login"[^>]*action="[^"]*"' <<<"$page" | sed 's/.*action="\([^"]*\)".*/\1/; s/&amp;/\&/g')
  [ -n "$action" ] || { rm -f "$jar"; echo "no login form" >&2; return 1; }
  location=$(curl -s -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" \
    --data-urlencode "username=$user" --data-urlencode "password=$PASSWORD" "$action")
  rm -f "$jar"
  case "$location" in "$REDIRECT"*code=*) ;; *) echo "login of $user ended at '${location:-the login page}'" >&2; return 1;; esac
  code=${location#*[?&]code=}; code=${code%%&*}
  curl -s -d grant_type=authorization_code -d client_id=jinguo-spa -d "code=$code" \
    -d "redirect_uri=$REDIRECT" -d "code_verifier=$verifier" "$OIDC/token" | jq -r '.access_token // empty' | claims
}

echo "demo users through jinguo-spa (Authorization Code + PKCE)"
declare -A names=([platform_admin]=平台管理员 [city_admin]=王丽 [city_editor]=陈静
  [district_admin]=李红 [township_admin]=张敏 [dept_editor]=刘芳)
for user in platform_admin city_admin city_editor district_admin township_admin dept_editor; do
  if ! t=$(login "$user") || [ -z "$t" ]; then fail "$user logs in"; continue; fi
  ok "$user logs in"
  check "  preferred_username, name ${names[$user]}, email" jq -e --arg u "$user" --arg n "${names[$user]}" \
    '.preferred_username == $u and .name == $n and (.email | endswith("@demo.jinguo.example")) and .email_verified' <<<"$t"
  check "  aud contains jinguo-api" jq -e '.aud | (if type == "array" then . else [.] end) | index("jinguo-api")' <<<"$t"
  if [ "$user" = platform_admin ]; then
    check "  realm_access.roles has PLATFORM_ADMIN" jq -e '.realm_access.roles | index("PLATFORM_ADMIN")' <<<"$t"
  else
    check "  realm_access.roles lacks PLATFORM_ADMIN" jq -e '.realm_access.roles | index("PLATFORM_ADMIN") | not' <<<"$t"
  fi
done

echo "$passed passed, $failures failed"
[ "$failures" -eq 0 ]
