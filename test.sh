#!/usr/bin/env bash
# Runs every test: unit, aggregate, projection and cross-service integration tests, and the
# dashboard's browser tests in headless Chromium (installed here with apt-get when missing).
# Where a Docker engine answers, integration tests use Testcontainers; otherwise they use an
# in-process Kafka broker, mongo-java-server and the local PostgreSQL, started here if stopped.
# Then, as root, the deployment check of docker-compose.yml (./deploy-check.sh).
set -euo pipefail
cd "$(dirname "$0")"

if ! (command -v docker >/dev/null && docker info >/dev/null 2>&1); then
  if command -v pg_isready >/dev/null && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    if command -v pg_ctlcluster >/dev/null; then
      echo "Starting the local PostgreSQL server"
      pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
    fi
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  # The integration tests hold many connection pools at once (every service of the platform, in
  # several test JVMs); a default server's 100 connections run out. Raised once, kept by the server.
  max=$(psql -h 127.0.0.1 -U postgres -Atc 'show max_connections' 2>/dev/null || echo 300)
  if [ "${max:-300}" -lt 300 ] && command -v pg_ctlcluster >/dev/null; then
    echo "Raising the local PostgreSQL's max_connections from $max to 300"
    psql -h 127.0.0.1 -U postgres -qc 'ALTER SYSTEM SET max_connections = 300'
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main restart
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
fi

# The dashboard's browser tests drive Debian's Chromium through its chromedriver.
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if command -v apt-get >/dev/null; then
    echo "Installing chromium and chromium-driver for the browser tests"
    apt-get update && apt-get install -y chromium chromium-driver
  fi
fi

status=0
# Two modules at a time where the build's order allows (the services' tests, mostly): each module's
# tests have their own broker, databases and ports, and one JVM's start-up leaves the other core idle.
./mvnw -B -T 2 verify "$@" || status=$?
infra=$(grep -h -o "MAAP test infrastructure: .*" */target/surefire-reports/*-output.txt */target/failsafe-reports/*-output.txt 2>/dev/null | head -n 1)
echo "${infra:-MAAP test infrastructure: not reported (no integration test ran)}"

# The deployment check (docs/deployment-check.md): docker-compose.yml run part by part as local
# processes, on the jars just built, then used as people and agencies would. It needs root (network
# namespaces); MAAP_DEPLOY_CHECK=skip leaves it out.
if [ $status = 0 ] && [ "${MAAP_DEPLOY_CHECK:-run}" != skip ]; then
  if [ "$(id -u)" = 0 ]; then
    SKIP_BUILD=1 ./deploy-check.sh || status=$?
  else
    echo "deploy-check: not run (it needs root for its network namespaces): sudo ./deploy-check.sh"
  fi
fi
exit $status
