#!/usr/bin/env bash
# The fault suite alone (resilience-tests): the platform in one process per part under live traffic, while
# services are killed with SIGKILL mid-batch, a tenth of every topic is re-published, the Kafka
# broker and PostgreSQL are restarted, poison is injected and the read models are rebuilt; after
# each fault the platform is checked against its event log. ./test.sh runs it too.
# Options: -Dmaap.faults.workers=3 -Dmaap.faults.load-seconds=10 -Dmaap.faults.seed=7
set -euo pipefail
cd "$(dirname "$0")"
if command -v pg_isready >/dev/null && ! pg_isready -h 127.0.0.1 -p 5432 -q && command -v pg_ctlcluster >/dev/null; then
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start
fi
# Failsafe adds to a summary left by an earlier run: start from none, so only this run's result counts.
rm -f resilience-tests/target/failsafe-reports/failsafe-summary-faults.xml
./mvnw -B verify -pl resilience-tests -am -Dtest=NONE -Dit.test=NONE -Dsurefire.failIfNoSpecifiedTests=false \
  -Dfailsafe.failIfNoSpecifiedTests=false "$@"
