#!/usr/bin/env bash
# Runs docker-compose.yml part by part as local processes and checks the deployment from outside
# (docs/deployment.md, "Deployment check"). Needs root (network namespaces), the JDK 17 on PATH,
# Temurin 25 for Keycloak, PostgreSQL 15's binaries. Usage: ./deploy-check.sh [env-file]
# (default: .env if present, else the demo .env.example). Keeps its run directory with
# KEEP_RUN=1 (SKIP_BUILD=1 reuses the jars of the last build); it is under /tmp/maap-deploy-check-<id> (logs/ has one log per service).
set -euo pipefail
cd "$(dirname "$0")"
env_file="${1:-$( [ -f .env ] && echo .env || echo .env.example )}"
[ "$(id -u)" = 0 ] || { echo "deploy-check: run as root (it makes network namespaces)" >&2; exit 1; }
[ -f "$env_file" ] || { echo "deploy-check: no env file $env_file" >&2; exit 1; }
start=$(date +%s)

# The images' contents: the jars the Dockerfile packages, and this check (as the Dockerfile builds).
offline=-o; ./mvnw -q -B -o -v >/dev/null 2>&1 || offline=
if [ "${SKIP_BUILD:-0}" = 1 ]; then echo "deploy-check: SKIP_BUILD=1, using the jars already built"; else
./mvnw -q -B $offline -DskipTests package -Dmaap.faults.skip=true \
  -pl audit-programme-service,case-return-service,action-plan-service,reporting-service,notification-service,web-dashboard,deploy-check -am \
  || ./mvnw -q -B -DskipTests package -Dmaap.faults.skip=true \
  -pl audit-programme-service,case-return-service,action-plan-service,reporting-service,notification-service,web-dashboard,deploy-check -am
fi
echo "deploy-check: built in $(( $(date +%s) - start )) s"
# Keycloak's server distribution, fetched here: the check itself runs in a namespace without a route out.
kc_version=$(grep -o 'keycloak/keycloak:[0-9][0-9.]*' docker-compose.yml | head -n 1 | cut -d: -f2)
[ -f "$HOME/.m2/repository/org/keycloak/keycloak-quarkus-dist/$kc_version/keycloak-quarkus-dist-$kc_version.zip" ] \
  || ./mvnw -q -B dependency:get -Dartifact="org.keycloak:keycloak-quarkus-dist:$kc_version:zip" -Dtransitive=false

# The agencies' listener needs its key and certificate (as .env.example says for a demo).
set -a; . "./$env_file"; set +a
keystores="${KAFKA_EXTERNAL_KEYSTORE_DIR:-./docker/kafka/secrets}"
if [ -n "${KAFKA_EXTERNAL_KEYSTORE_PASSWORD:-}" ] && [ ! -f "$keystores/kafka-external.p12" ]; then
  docker/kafka/demo-keystore.sh "${KAFKA_EXTERNAL_HOST:-localhost}" "$KAFKA_EXTERNAL_KEYSTORE_PASSWORD" >/dev/null
fi

id="dc$(printf '%04x' $((RANDOM % 65536)))"
run="/tmp/maap-deploy-check-$id"
host="$id-host"
cleanup() {
  for ns in /var/run/netns/"$id"-*; do [ -e "$ns" ] && ip netns del "$(basename "$ns")" 2>/dev/null; rm -rf "/etc/netns/$(basename "$ns")"; done
  ip netns del "$host" 2>/dev/null || true
  [ "${KEEP_RUN:-0}" = 1 ] || rm -rf "$run"
}
trap cleanup EXIT
mkdir -p "$run"; chmod 755 "$run"
# The check's own "docker host": a namespace holding the bridge and the published ports.
ip netns add "$host"
status=0
# nsenter, not "ip netns exec": the check joins the namespace's network only, so the namespaces it
# makes for the services are visible (and removable) machine-wide.
nsenter --net="/var/run/netns/$host" env -u KAFKA_BOOTSTRAP_SERVERS java -Xmx1g -Djdk.net.hosts.file="$run/hosts" -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "$PWD/deploy-check/target/classes:$(cat deploy-check/target/run.classpath)" \
  io.maap.deploycheck.DeployCheck "$PWD" "$env_file" "$run" "$id" || status=$?
echo "deploy-check: $(( $(date +%s) - start )) s in all"
exit $status
