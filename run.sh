#!/usr/bin/env bash
# Builds MAAP and runs the whole platform locally: Kafka, MongoDB, event stores, the four
# services and demo data. Data is kept in .maap/ (MAAP_DATA_DIR); Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"
./mvnw -q -B -DskipTests package -pl local-platform -am
exec java ${MAAP_JAVA_OPTS:--Xmx2g} -jar local-platform/target/local-platform-0.1.0-SNAPSHOT-exec.jar "$@"
