#!/usr/bin/env bash
# Prints an access token for a demo user of the local run, obtained from the local OpenID Connect
# provider the way a browser would: authorization code with PKCE, signing in as the user.
#   ./token.sh qa.coordinator            # password 'demo' (README lists the demo users)
#   curl -H "Authorization: Bearer $(./token.sh spoc.met-police)" localhost:8082/api/return-requests
set -euo pipefail
user="${1:?usage: ./token.sh <user> [password]}"
password="${2:-demo}"
issuer="${MAAP_ISSUER_URI:-http://localhost:${MAAP_IDENTITY_PORT:-9000}}"
redirect="http://127.0.0.1:8765/callback"
jar="$(mktemp)"; trap 'rm -f "$jar"' EXIT

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
verifier="$(openssl rand 48 | b64url)"
challenge="$(printf '%s' "$verifier" | openssl dgst -binary -sha256 | b64url)"
state="$(openssl rand 12 | b64url)"

authorize="$issuer/oauth2/authorize?response_type=code&client_id=maap-cli&scope=openid&state=$state"
authorize+="&redirect_uri=$redirect&code_challenge=$challenge&code_challenge_method=S256"
status="$(curl -s -c "$jar" -b "$jar" -H 'Accept: text/html' -o /dev/null -w '%{http_code}' "$authorize" || true)"
case "$status" in 2*|3*) ;; 000) echo "No identity provider at $issuer (is ./run.sh running?)" >&2; exit 1;;
  *) echo "The identity provider at $issuer refused the authorization request (HTTP $status)" >&2; exit 1;; esac
csrf="$(curl -sf -c "$jar" -b "$jar" -H 'Accept: text/html' "$issuer/login" | sed -n 's/.*name="_csrf"[^>]*value="\([^"]*\)".*/\1/p' | head -1)"
next="$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' \
  --data-urlencode "username=$user" --data-urlencode "password=$password" --data-urlencode "_csrf=$csrf" "$issuer/login")"
case "$next" in *error*|"") echo "Sign-in refused for '$user'" >&2; exit 1;; esac
callback="$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$next")"
code="$(printf '%s' "$callback" | sed -n 's/.*[?&]code=\([^&]*\).*/\1/p')"
[ -n "$code" ] || { echo "No authorization code (got: $callback)" >&2; exit 1; }
curl -sf "$issuer/oauth2/token" -d grant_type=authorization_code -d client_id=maap-cli \
  --data-urlencode "code=$code" --data-urlencode "redirect_uri=$redirect" --data-urlencode "code_verifier=$verifier" \
  | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
